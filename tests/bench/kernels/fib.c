/* Recursion: call overhead dominates. */
#include "kernels.h"

static uint32_t fib_rec(uint32_t n) { return n < 2 ? n : fib_rec(n - 1) + fib_rec(n - 2); }

KERNEL(fib)(int n) { return fib_rec((uint32_t)n); }
