// Native reference for workload.c: prints each export's result for the inputs the test uses,
// one "name argument result" line each. Built and run by WorkloadProgramTests.
#include <stdio.h>
#include <inttypes.h>
#include "workload.c"

int main(void) {
    printf("sort_checksum 1000 %u\n", sort_checksum(1000, 0));
    printf("sort_checksum_desc 777 %u\n", sort_checksum(777, 1));
    printf("fib 25 %" PRIu64 "\n", fib(25));
    for (int c = -1; c <= 8; c++) printf("classify %d %d\n", c, classify(c));
    printf("mandel 64 %d\n", mandel(64));
    printf("mix64 123456789 %" PRIu64 "\n", mix64(123456789ULL));
    printf("fill_sum 5000 %u\n", fill_sum(5000));
    float f = to_float(-9007199791611905LL);
    uint32_t bits;
    __builtin_memcpy(&bits, &f, 4);
    printf("to_float -9007199791611905 %u\n", bits);
    return 0;
}
