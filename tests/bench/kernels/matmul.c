/* Memory-bound loops: dense double matrix multiply (i-k-j order) over heap matrices. */
#include <stdlib.h>
#include <string.h>
#include "kernels.h"

KERNEL(matmul)(int n) {
    size_t cells = (size_t)n * (size_t)n;
    double *a = malloc(cells * sizeof *a), *b = malloc(cells * sizeof *b), *c = malloc(cells * sizeof *c);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            a[i * n + j] = (double)((i * 7 + j * 3) % 17) - 8.0;
            b[i * n + j] = (double)((i * 5 + j * 11) % 13) * 0.5;
        }
    memset(c, 0, cells * sizeof *c);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            const double *brow = b + (size_t)k * n;
            double *crow = c + (size_t)i * n;
            for (int j = 0; j < n; j++) crow[j] += aik * brow[j];
        }
    double sum = 0;
    for (size_t i = 0; i < cells; i++) sum += c[i] * (double)(i % 7 + 1);
    free(a); free(b); free(c);
    return (uint64_t)(int64_t)sum;
}
