// A small freestanding C program for runtime tests: integer and float math, recursion,
// function pointers (call_indirect), switch tables (br_table), bulk memory, 64-bit arithmetic.
// Built by build.sh; the expected results are computed by the same code compiled natively.
#include <stdint.h>

typedef int (*cmp_fn)(const void *, const void *);

static unsigned char heap[1 << 16];
static unsigned long heap_top;

__attribute__((export_name("alloc"))) void *alloc(unsigned long n) {
    void *p = &heap[heap_top];
    heap_top += (n + 7) & ~7UL;
    return p;
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int cmp_int_desc(const void *a, const void *b) { return *(const int *)b - *(const int *)a; }

static void swap_bytes(char *a, char *b, unsigned long size) {
    char tmp[64];
    __builtin_memcpy(tmp, a, size);
    __builtin_memcpy(a, b, size);
    __builtin_memcpy(b, tmp, size);
}

static void quicksort(char *base, long lo, long hi, unsigned long size, cmp_fn cmp) {
    if (lo >= hi) return;
    char *pivot = base + hi * size;
    long i = lo;
    for (long j = lo; j < hi; j++) {
        if (cmp(base + j * size, pivot) < 0) {
            swap_bytes(base + i * size, base + j * size, size);
            i++;
        }
    }
    swap_bytes(base + i * size, base + hi * size, size);
    quicksort(base, lo, i - 1, size, cmp);
    quicksort(base, i + 1, hi, size, cmp);
}

static cmp_fn comparators[] = {cmp_int, cmp_int_desc};

__attribute__((export_name("sort_checksum"))) uint32_t sort_checksum(int n, int order) {
    int *values = alloc(sizeof(int) * (unsigned long)n);
    uint32_t x = 12345;
    for (int i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        values[i] = (int)(x >> 8) % 10000;
    }
    quicksort((char *)values, 0, n - 1, sizeof(int), comparators[order & 1]);
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++) h = (h ^ (uint32_t)values[i]) * 16777619u;
    heap_top = 0;
    return h;
}

__attribute__((export_name("fib"))) uint64_t fib(int n) { return n < 2 ? (uint64_t)n : fib(n - 1) + fib(n - 2); }

__attribute__((export_name("classify"))) int classify(int c) {
    switch (c) {
        case 0: return 10;
        case 1: return 20;
        case 2: return 35;
        case 3: return 47;
        case 4: return 51;
        case 5: return 68;
        case 7: return 70;
        default: return -1;
    }
}

__attribute__((export_name("mandel"))) int mandel(int size) {
    int inside = 0;
    for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
            double cr = -2.0 + 3.0 * x / size, ci = -1.5 + 3.0 * y / size;
            double zr = 0, zi = 0;
            int k = 0;
            while (k < 100 && zr * zr + zi * zi < 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                k++;
            }
            if (k == 100) inside++;
        }
    }
    return inside;
}

__attribute__((export_name("mix64"))) uint64_t mix64(uint64_t v) {
    v ^= v >> 33;
    v *= 0xff51afd7ed558ccdULL;
    v ^= v >> 33;
    v *= 0xc4ceb9fe1a85ec53ULL;
    v ^= v >> 33;
    return v / 7 + v % 13;
}

__attribute__((export_name("fill_sum"))) uint32_t fill_sum(int n) {
    unsigned char *p = alloc((unsigned long)n);
    __builtin_memset(p, 3, (unsigned long)n);
    __builtin_memmove(p + 1, p, (unsigned long)(n - 1));
    uint32_t s = 0;
    for (int i = 0; i < n; i++) s += p[i];
    heap_top = 0;
    return s;
}

__attribute__((export_name("to_float"))) float to_float(int64_t v) { return (float)v / 3.0f; }
