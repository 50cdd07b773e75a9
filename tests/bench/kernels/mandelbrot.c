/* Float math: Mandelbrot set escape counts over a size x size grid. */
#include "kernels.h"

KERNEL(mandelbrot)(int size) {
    uint64_t total = 0;
    for (int py = 0; py < size; py++) {
        double ci = (double)py * 2.0 / size - 1.0;
        for (int px = 0; px < size; px++) {
            double cr = (double)px * 3.0 / size - 2.0;
            double zr = 0, zi = 0;
            int it = 0;
            while (it < 200 && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += (uint64_t)it * (uint64_t)(px ^ py);
        }
    }
    return total;
}
