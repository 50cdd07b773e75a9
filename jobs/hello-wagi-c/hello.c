// hello-wagi-c: the smallest Wagi (CGI over WASI preview 1) app.
// A Wagi response is CGI: header lines, an empty line, then the body, all on stdout.
#include <stdio.h>

int main(void)
{
    fputs("content-type: text/plain\n\nHello from Wagi C\n", stdout);
    return 0;
}
