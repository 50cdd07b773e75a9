/* String and hash-table work: build keys with hand-written formatting, insert them into an
   open-addressing table of malloc'd strings (FNV-1a), look up hits and misses, delete half. */
#include <stdlib.h>
#include <string.h>
#include "kernels.h"

struct entry { char *key; uint32_t hash; int value; int used; };

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h;
}

static size_t make_key(char *out, int i) {
    static const char *prefix[] = {"user:", "session:", "cart:", "item/"};
    size_t n = strlen(prefix[i & 3]);
    memcpy(out, prefix[i & 3], n);
    char digits[16];
    int d = 0;
    unsigned v = (unsigned)i * 2654435761u;
    do { digits[d++] = (char)('a' + v % 26); v /= 26; } while (v);
    while (d) out[n++] = digits[--d];
    out[n] = '\0';
    return n;
}

KERNEL(hashtable)(int keys) {
    size_t cap = 1;
    while (cap < (size_t)keys * 2) cap <<= 1;
    struct entry *t = calloc(cap, sizeof *t);
    char key[64];
    for (int i = 0; i < keys; i++) {
        size_t n = make_key(key, i);
        uint32_t h = fnv1a(key, n);
        size_t at = h & (cap - 1);
        while (t[at].used && (t[at].hash != h || strcmp(t[at].key, key) != 0)) at = (at + 1) & (cap - 1);
        if (!t[at].used) { t[at].key = malloc(n + 1); memcpy(t[at].key, key, n + 1); t[at].hash = h; t[at].used = 1; }
        t[at].value += i;
    }
    uint64_t found = 0, missing = 0;
    for (int i = 0; i < keys * 2; i++) {
        size_t n = make_key(key, i);
        uint32_t h = fnv1a(key, n);
        size_t at = h & (cap - 1);
        while (t[at].used && (t[at].hash != h || strcmp(t[at].key, key) != 0)) at = (at + 1) & (cap - 1);
        if (t[at].used) found += (uint64_t)t[at].value; else missing++;
    }
    /* free every other key (tombstone-free: just release the strings) */
    uint64_t lengths = 0;
    for (size_t i = 0; i < cap; i++)
        if (t[i].used) { lengths += strlen(t[i].key); free(t[i].key); }
    free(t);
    return found * 31 + missing * 7 + lengths;
}
