/* Streaming memory traffic: STREAM-like copy/scale/add/triad over 4 MiB integer arrays, plus a
   byte-wise copy loop, the shape of memcpy-heavy guest code. */
#include <stdlib.h>
#include "kernels.h"

enum { N = 1 << 20 };

KERNEL(stream)(int reps) {
    uint32_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b), *c = malloc(N * sizeof *c);
    unsigned char *bytes = malloc(N), *copy = malloc(N);
    for (uint32_t i = 0; i < N; i++) { a[i] = i; b[i] = i ^ 0x5a5a5a5au; c[i] = 0; bytes[i] = (unsigned char)(i * 31); }
    uint64_t sum = 0;
    for (int r = 0; r < reps; r++) {
        for (uint32_t i = 0; i < N; i++) c[i] = a[i];
        for (uint32_t i = 0; i < N; i++) b[i] = 3u * c[i];
        for (uint32_t i = 0; i < N; i++) c[i] = a[i] + b[i];
        for (uint32_t i = 0; i < N; i++) a[i] = b[i] + 3u * c[i];
        for (uint32_t i = 0; i < N; i++) copy[i] = bytes[(i + (uint32_t)r) & (N - 1)];
        sum += a[(uint32_t)r * 7919u & (N - 1)] + copy[(uint32_t)r * 104729u & (N - 1)];
    }
    free(a); free(b); free(c); free(bytes); free(copy);
    return sum;
}
