// wagi-echo-c: a Wagi test app. By PATH_INFO:
//   /trap   executes `unreachable`        /loop   spins forever
//   /stack  recurses until the stack runs out
//   /exit   exits with status 3           /raw    copies stdin to stdout verbatim (the test
//                                                 writes the whole CGI response itself)
//   /stderr writes a line to stderr, then echoes
//   /file   prints the guest file named by QUERY_STRING
//   anything else: echoes argv, the environment and stdin as text/plain.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static volatile int sink;

static int recurse(int depth)
{
    volatile char pad[256];
    pad[depth & 255] = (char)depth;
    if (sink < 0) // never true at run time; keeps the compiler from proving the recursion endless
        return 0;
    return recurse(depth + 1) + pad[(depth * 7) & 255];
}

static void copy_stream(FILE *in, FILE *out)
{
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, in)) > 0)
        fwrite(buffer, 1, n, out);
}

int main(int argc, char **argv)
{
    const char *path_info = getenv("PATH_INFO");
    if (path_info == NULL)
        path_info = "";

    if (strcmp(path_info, "/trap") == 0)
        __builtin_trap();
    if (strcmp(path_info, "/loop") == 0)
        for (;;)
            sink++;
    if (strcmp(path_info, "/stack") == 0)
        return recurse(0);
    if (strcmp(path_info, "/exit") == 0)
        exit(3);
    if (strcmp(path_info, "/raw") == 0)
    {
        copy_stream(stdin, stdout);
        return 0;
    }
    if (strcmp(path_info, "/file") == 0)
    {
        const char *name = getenv("QUERY_STRING");
        FILE *file = name ? fopen(name, "rb") : NULL;
        if (file == NULL)
        {
            fputs("status: 404\ncontent-type: text/plain\n\nno such file\n", stdout);
            return 0;
        }
        fputs("content-type: text/plain\n\n", stdout);
        copy_stream(file, stdout);
        fclose(file);
        return 0;
    }
    if (strcmp(path_info, "/stderr") == 0)
        fputs("guest says hello on stderr\n", stderr);

    fputs("content-type: text/plain\n\n", stdout);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    for (char **env = environ; *env != NULL; env++)
        printf("env %s\n", *env);
    fputs("stdin=", stdout);
    copy_stream(stdin, stdout);
    fputs("\n", stdout);
    return 0;
}
