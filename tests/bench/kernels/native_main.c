/* Native driver: runs one kernel `runs` times, timing each call inside the process (monotonic
   clock), and prints the same line the Node runner prints:
   kernel=<name> arg=<n> first_ms=<t> steady_ms=<median of the second half of the runs> runs=<r> checksum=<hex>
   Usage: kernels-native <kernel> <arg> <runs> */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kernels.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s <kernel> <arg> <runs>\n", argv[0]); return 2; }
    struct { const char *name; uint64_t (*fn)(int); } table[] = {
        {"fib", fib}, {"matmul", matmul}, {"stream", stream}, {"nbody", nbody},
        {"mandelbrot", mandelbrot}, {"sha256", sha256}, {"hashtable", hashtable},
    };
    uint64_t (*fn)(int) = NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) if (strcmp(table[i].name, argv[1]) == 0) fn = table[i].fn;
    if (!fn) { fprintf(stderr, "unknown kernel %s\n", argv[1]); return 2; }
    int arg = atoi(argv[2]), runs = atoi(argv[3]);
    if (runs < 3) runs = 3;
    double *times = malloc((size_t)runs * sizeof *times);
    uint64_t checksum = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now_ms();
        uint64_t c = fn(arg);
        times[r] = now_ms() - t0;
        if (r && c != checksum) { fprintf(stderr, "checksum changed between runs\n"); return 1; }
        checksum = c;
    }
    double first = times[0];
    int warm = runs / 2; /* the first half is warm-up, as in the engine and Node runners */
    qsort(times + warm, (size_t)(runs - warm), sizeof *times, cmp);
    printf("kernel=%s arg=%d first_ms=%.3f steady_ms=%.3f runs=%d checksum=%016" PRIx64 "\n", argv[1], arg, first,
           times[warm + (runs - warm) / 2], runs, checksum);
    return 0;
}
