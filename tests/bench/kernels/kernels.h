/* Benchmark kernels: each takes one size argument and returns a checksum, so the native, engine
   and Node runs can be checked to compute the same thing. Exported from the wasm build by name. */
#ifndef KERNELS_H
#define KERNELS_H
#include <stdint.h>

#if defined(__wasm__)
#define KERNEL(name) __attribute__((export_name(#name))) uint64_t name
#else
#define KERNEL(name) uint64_t name
#endif

KERNEL(fib)(int n);
KERNEL(matmul)(int n);
KERNEL(stream)(int reps);
KERNEL(nbody)(int steps);
KERNEL(mandelbrot)(int size);
KERNEL(sha256)(int megabytes);
KERNEL(hashtable)(int keys);
#endif
