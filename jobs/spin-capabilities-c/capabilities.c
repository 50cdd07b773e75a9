// spin-capabilities-c: a Spin 1.x HTTP component (old wit-bindgen 0.2 canonical ABI, written by
// hand) that drives every legacy host interface, for the runtime's end-to-end tests.
//
// Routes (on spin-path-info, the path below the trigger's route):
//   /echo...                 method, uri, headers and body as text
//   /config/<key>            spin-config.get-config
//   /kv/<store>/<op>/<key>   key-value open + set|get|delete|exists|keys (set takes the body)
//   /http                    wasi-outbound-http.request to the URL in header x-target-url
//   /redis/<op>/<key>        outbound-redis on the address in header x-redis-address
//   /pg /mysql /sqlite /llm  the legacy interfaces the runtime only stubs (prints their error)
//   /env/<NAME> /file/<path> WASI environment and read-only files
//   /log                     writes to stdout and stderr
//   /status/<n>              returns status n
//   /trap /loop /stack       misbehaves
// Results are text: "value=...", "error=<tag>[:message]", "ok".
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

typedef struct { char *ptr; uint32_t len; } spin_string;
typedef struct { spin_string name; spin_string value; } spin_header;
typedef struct { uint8_t tag; uint8_t pad[7]; union { int64_t i64; spin_string str; } u; } redis_value;

IMPORT("spin-config", "get-config") void config_get(const char *, size_t, void *ret);
IMPORT("wasi-outbound-http", "request") void http_request(int32_t method, const char *uri, size_t uri_len,
    const spin_header *headers, size_t headers_len, const spin_header *params, size_t params_len,
    int32_t body_tag, const void *body, size_t body_len, void *ret);
IMPORT("key-value", "open") void kv_open(const char *, size_t, void *ret);
IMPORT("key-value", "get") void kv_get(uint32_t, const char *, size_t, void *ret);
IMPORT("key-value", "set") void kv_set(uint32_t, const char *, size_t, const void *, size_t, void *ret);
IMPORT("key-value", "delete") void kv_delete(uint32_t, const char *, size_t, void *ret);
IMPORT("key-value", "exists") void kv_exists(uint32_t, const char *, size_t, void *ret);
IMPORT("key-value", "get-keys") void kv_get_keys(uint32_t, void *ret);
IMPORT("key-value", "close") void kv_close(uint32_t);
IMPORT("outbound-redis", "publish") void redis_publish(const char *, size_t, const char *, size_t, const void *, size_t, void *ret);
IMPORT("outbound-redis", "set") void redis_set(const char *, size_t, const char *, size_t, const void *, size_t, void *ret);
IMPORT("outbound-redis", "get") void redis_get(const char *, size_t, const char *, size_t, void *ret);
IMPORT("outbound-redis", "incr") void redis_incr(const char *, size_t, const char *, size_t, void *ret);
IMPORT("outbound-redis", "del") void redis_del(const char *, size_t, const spin_string *, size_t, void *ret);
IMPORT("outbound-redis", "sadd") void redis_sadd(const char *, size_t, const char *, size_t, const spin_string *, size_t, void *ret);
IMPORT("outbound-redis", "smembers") void redis_smembers(const char *, size_t, const char *, size_t, void *ret);
IMPORT("outbound-redis", "srem") void redis_srem(const char *, size_t, const char *, size_t, const spin_string *, size_t, void *ret);
IMPORT("outbound-redis", "execute") void redis_execute(const char *, size_t, const char *, size_t, const redis_value *, size_t, void *ret);
IMPORT("outbound-pg", "query") void pg_query(const char *, size_t, const char *, size_t, const void *, size_t, void *ret);
IMPORT("outbound-mysql", "execute") void mysql_execute(const char *, size_t, const char *, size_t, const void *, size_t, void *ret);
IMPORT("sqlite", "open") void sqlite_open(const char *, size_t, void *ret);
IMPORT("llm", "infer") void llm_infer(const char *, size_t, const char *, size_t, int32_t, int32_t, float, int32_t, float, int32_t, float, void *ret);

// ---- canonical ABI allocator ------------------------------------------------------------------

__attribute__((export_name("canonical_abi_realloc")))
void *canonical_abi_realloc(void *ptr, size_t old_len, size_t align, size_t new_len)
{
    (void)old_len;
    if (new_len == 0)
        return (void *)align;
    void *result = realloc(ptr, new_len);
    if (result == NULL)
        abort();
    return result;
}

__attribute__((export_name("canonical_abi_free")))
void canonical_abi_free(void *ptr, size_t len, size_t align)
{
    (void)align;
    if (len != 0)
        free(ptr);
}

// ---- a growable text buffer -------------------------------------------------------------------

typedef struct { char *data; size_t len, cap; } text;

static void put_bytes(text *t, const void *bytes, size_t len)
{
    if (t->len + len > t->cap)
    {
        size_t cap = t->cap ? t->cap * 2 : 256;
        while (cap < t->len + len)
            cap *= 2;
        t->data = canonical_abi_realloc(t->data, t->cap, 1, cap);
        t->cap = cap;
    }
    memcpy(t->data + t->len, bytes, len);
    t->len += len;
}

static void put(text *t, const char *s) { put_bytes(t, s, strlen(s)); }
static void put_str(text *t, spin_string s) { put_bytes(t, s.ptr, s.len); }
static void put_i64(text *t, long long v) { char b[32]; snprintf(b, sizeof b, "%lld", v); put(t, b); }

static void put_error(text *t, uint8_t tag, const spin_string *message)
{
    put(t, "error=");
    put_i64(t, tag);
    if (message != NULL)
    {
        put(t, ":");
        put_str(t, *message);
    }
}

// ---- request helpers --------------------------------------------------------------------------

typedef struct
{
    int32_t method;
    spin_string uri, path;
    spin_header *headers;
    uint32_t headers_len;
    spin_string body;
} request;

static spin_string header(const request *req, const char *name)
{
    for (uint32_t i = 0; i < req->headers_len; i++)
        if (req->headers[i].name.len == strlen(name) && memcmp(req->headers[i].name.ptr, name, req->headers[i].name.len) == 0)
            return req->headers[i].value;
    return (spin_string){"", 0};
}

// If `path` starts with `prefix`, returns the rest; else NULL.
static const char *after(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) == 0 ? path + n : NULL;
}

static char *zstr(spin_string s)
{
    char *z = malloc(s.len + 1);
    memcpy(z, s.ptr, s.len);
    z[s.len] = 0;
    return z;
}

// Splits text on '\n' into a list of strings (the list and the strings point into `s`).
static spin_string *split_lines(spin_string s, size_t *count)
{
    spin_string *list = malloc(sizeof(spin_string) * (s.len + 1));
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= s.len; i++)
        if (i == s.len || s.ptr[i] == '\n')
        {
            if (i > start)
                list[n++] = (spin_string){s.ptr + start, (uint32_t)(i - start)};
            start = i + 1;
        }
    *count = n;
    return list;
}

// ---- capabilities -----------------------------------------------------------------------------

static void do_config(const char *key, text *out)
{
    uint32_t ret[4];
    config_get(key, strlen(key), ret);
    if (*(uint8_t *)ret == 0)
    {
        put(out, "value=");
        put_str(out, (spin_string){(char *)ret[1], ret[2]});
    }
    else
        put_error(out, *(uint8_t *)&ret[1], &(spin_string){(char *)ret[2], ret[3]});
}

static void do_kv(const char *rest, const request *req, text *out)
{
    char store[64], op[16];
    const char *key = "";
    if (sscanf(rest, "%63[^/]/%15[^/]", store, op) != 2)
    {
        put(out, "usage: /kv/<store>/<op>/<key>");
        return;
    }
    const char *tail = rest + strlen(store) + 1 + strlen(op);
    if (*tail == '/')
        key = tail + 1;

    uint32_t ret[4];
    kv_open(store, strlen(store), ret);
    if (*(uint8_t *)ret != 0)
    {
        uint8_t tag = *(uint8_t *)&ret[1];
        put(out, "open ");
        put_error(out, tag, tag == 5 ? &(spin_string){(char *)ret[2], ret[3]} : NULL);
        return;
    }
    uint32_t handle = ret[1];
    size_t key_len = strlen(key);
    if (strcmp(op, "set") == 0)
        kv_set(handle, key, key_len, req->body.ptr, req->body.len, ret);
    else if (strcmp(op, "get") == 0)
        kv_get(handle, key, key_len, ret);
    else if (strcmp(op, "delete") == 0)
        kv_delete(handle, key, key_len, ret);
    else if (strcmp(op, "exists") == 0)
        kv_exists(handle, key, key_len, ret);
    else if (strcmp(op, "keys") == 0)
        kv_get_keys(handle, ret);
    else
    {
        put(out, "unknown op");
        return;
    }
    kv_close(handle);

    if (*(uint8_t *)ret != 0)
    {
        uint8_t tag = *(uint8_t *)&ret[1];
        put_error(out, tag, tag == 5 ? &(spin_string){(char *)ret[2], ret[3]} : NULL);
        return;
    }
    if (strcmp(op, "get") == 0)
    {
        put(out, "value=");
        put_str(out, (spin_string){(char *)ret[1], ret[2]});
    }
    else if (strcmp(op, "exists") == 0)
        put(out, *(uint8_t *)&ret[1] ? "exists=true" : "exists=false");
    else if (strcmp(op, "keys") == 0)
    {
        spin_string *keys = (spin_string *)ret[1];
        put(out, "keys=");
        for (uint32_t i = 0; i < ret[2]; i++)
        {
            if (i)
                put(out, ",");
            put_str(out, keys[i]);
        }
    }
    else
        put(out, "ok");
}

static void do_http(const request *req, text *out)
{
    spin_string url = header(req, "x-target-url");
    spin_string method = header(req, "x-target-method");
    int32_t m = 0;
    if (method.len == 4 && memcmp(method.ptr, "POST", 4) == 0)
        m = 1;
    spin_header sent[1] = {{{"x-from-guest", 12}, {"yes", 3}}};
    uint32_t ret[8];
    http_request(m, url.ptr, url.len, sent, 1, NULL, 0, m == 1, req->body.ptr, req->body.len, ret);
    if (*(uint8_t *)ret != 0)
    {
        put_error(out, *(uint8_t *)&ret[1], NULL);
        return;
    }
    put(out, "status=");
    put_i64(out, *(uint16_t *)&ret[1]);
    if (*(uint8_t *)&ret[2])
    {
        spin_header *headers = (spin_header *)ret[3];
        for (uint32_t i = 0; i < ret[4]; i++)
            if (headers[i].name.len == 8 && memcmp(headers[i].name.ptr, "x-server", 8) == 0)
            {
                put(out, "\nx-server=");
                put_str(out, headers[i].value);
            }
    }
    put(out, "\nbody=");
    if (*(uint8_t *)&ret[5])
        put_str(out, (spin_string){(char *)ret[6], ret[7]});
}

static void put_redis_result(const redis_value *v, text *out)
{
    switch (v->tag)
    {
    case 0: put(out, "nil"); break;
    case 1: put(out, "status:"); put_str(out, v->u.str); break;
    case 2: put(out, "int:"); put_i64(out, v->u.i64); break;
    default: put(out, "binary:"); put_str(out, v->u.str); break;
    }
}

static void do_redis(const char *rest, const request *req, text *out)
{
    char op[16];
    if (sscanf(rest, "%15[^/]", op) != 1)
    {
        put(out, "usage: /redis/<op>/<key>");
        return;
    }
    const char *key = rest + strlen(op);
    key = *key == '/' ? key + 1 : key;
    size_t key_len = strlen(key);
    spin_string address = header(req, "x-redis-address");
    const char *a = address.ptr;
    size_t al = address.len;
    uint64_t ret64[2] = {0, 0};
    uint32_t *ret = (uint32_t *)ret64;
    size_t count;
    spin_string *lines = split_lines(req->body, &count);

    if (strcmp(op, "set") == 0 || strcmp(op, "publish") == 0)
    {
        if (op[0] == 's')
            redis_set(a, al, key, key_len, req->body.ptr, req->body.len, ret);
        else
            redis_publish(a, al, key, key_len, req->body.ptr, req->body.len, ret);
        if (*(uint8_t *)ret != 0)
            put_error(out, ((uint8_t *)ret)[1], NULL);
        else
            put(out, "ok");
        return;
    }
    if (strcmp(op, "get") == 0)
        redis_get(a, al, key, key_len, ret);
    else if (strcmp(op, "incr") == 0)
        redis_incr(a, al, key, key_len, ret);
    else if (strcmp(op, "del") == 0)
    {
        spin_string k = {(char *)key, (uint32_t)key_len};
        redis_del(a, al, &k, 1, ret);
    }
    else if (strcmp(op, "sadd") == 0)
        redis_sadd(a, al, key, key_len, lines, count, ret);
    else if (strcmp(op, "srem") == 0)
        redis_srem(a, al, key, key_len, lines, count, ret);
    else if (strcmp(op, "smembers") == 0)
        redis_smembers(a, al, key, key_len, ret);
    else if (strcmp(op, "execute") == 0)
    {
        redis_value *args = malloc(sizeof(redis_value) * (count + 1));
        for (size_t i = 0; i < count; i++)
        {
            memset(&args[i], 0, sizeof args[i]);
            if (lines[i].len > 0 && lines[i].ptr[0] == '#')
            {
                char *z = zstr((spin_string){lines[i].ptr + 1, lines[i].len - 1});
                args[i].tag = 1;
                args[i].u.i64 = atoll(z);
            }
            else
            {
                args[i].tag = 0;
                args[i].u.str = lines[i];
            }
        }
        redis_execute(a, al, key, key_len, args, count, ret);
    }
    else
    {
        put(out, "unknown op");
        return;
    }

    int wide = strcmp(op, "incr") == 0 || strcmp(op, "del") == 0 || strcmp(op, "sadd") == 0 || strcmp(op, "srem") == 0;
    if (*(uint8_t *)ret != 0)
    {
        put_error(out, wide ? *(uint8_t *)&ret64[1] : *(uint8_t *)&ret[1], NULL);
        return;
    }
    if (wide)
    {
        put(out, "value=");
        put_i64(out, (long long)ret64[1]);
    }
    else if (strcmp(op, "get") == 0)
    {
        put(out, "value=");
        put_str(out, (spin_string){(char *)ret[1], ret[2]});
    }
    else if (strcmp(op, "smembers") == 0)
    {
        spin_string *members = (spin_string *)ret[1];
        put(out, "members=");
        for (uint32_t i = 0; i < ret[2]; i++)
        {
            if (i)
                put(out, ",");
            put_str(out, members[i]);
        }
    }
    else
    {
        redis_value *results = (redis_value *)ret[1];
        put(out, "results=");
        for (uint32_t i = 0; i < ret[2]; i++)
        {
            if (i)
                put(out, ",");
            put_redis_result(&results[i], out);
        }
    }
}

static void do_stubs(const char *path, text *out)
{
    uint64_t ret64[4] = {0, 0, 0, 0};
    uint32_t *ret = (uint32_t *)ret64;
    static const char addr[] = "postgres://localhost/db";
    static const char stmt[] = "select 1";
    if (strcmp(path, "/pg") == 0)
    {
        pg_query(addr, sizeof addr - 1, stmt, sizeof stmt - 1, NULL, 0, ret);
        put_error(out, *(uint8_t *)&ret[1], &(spin_string){(char *)ret[2], ret[3]});
    }
    else if (strcmp(path, "/mysql") == 0)
    {
        mysql_execute(addr, sizeof addr - 1, stmt, sizeof stmt - 1, NULL, 0, ret);
        put_error(out, *(uint8_t *)&ret[1], &(spin_string){(char *)ret[2], ret[3]});
    }
    else if (strcmp(path, "/sqlite") == 0)
    {
        sqlite_open("default", 7, ret);
        uint8_t tag = *(uint8_t *)&ret[1];
        put_error(out, tag, tag == 4 ? &(spin_string){(char *)ret[2], ret[3]} : NULL);
    }
    else
    {
        llm_infer("llama2-chat", 11, "hi", 2, 0, 0, 0.0f, 0, 0.0f, 0, 0.0f, ret);
        uint8_t tag = *(uint8_t *)&ret[1];
        put_error(out, tag, tag != 0 ? &(spin_string){(char *)ret[2], ret[3]} : NULL);
    }
    if (*(uint8_t *)ret == 0)
        put(out, " (unexpected ok)");
}

// ---- misbehaviour -----------------------------------------------------------------------------

static volatile int sink;

static int recurse(int depth)
{
    volatile char pad[256];
    pad[depth & 255] = (char)depth;
    if (sink < 0)
        return 0;
    return recurse(depth + 1) + pad[(depth * 7) & 255];
}

// ---- the export -------------------------------------------------------------------------------

static char *copy_bytes(const char *bytes, size_t len)
{
    char *copy = canonical_abi_realloc(NULL, 0, 1, len);
    memcpy(copy, bytes, len);
    return copy;
}

static uint32_t response[7];

__attribute__((export_name("handle-http-request")))
uint32_t *handle_http_request(int32_t method, char *uri, uint32_t uri_len,
                              spin_header *headers, uint32_t headers_len,
                              spin_header *params, uint32_t params_len,
                              int32_t body_present, char *body, uint32_t body_len)
{
    (void)params;
    (void)params_len;
    request req = {method, {uri, uri_len}, {uri, uri_len}, headers, headers_len, {body_present ? body : "", body_present ? body_len : 0}};
    for (uint32_t i = 0; i < uri_len; i++)
        if (uri[i] == '?')
        {
            req.path.len = i;
            break;
        }
    // Dispatch on the part of the path below the trigger's route (spin-path-info), so the same
    // module works under any `/prefix/...` route.
    spin_string path_info = header(&req, "spin-path-info");
    char *path = zstr(path_info.len > 0 ? path_info : req.path);
    uint16_t status = 200;
    text out = {0};
    const char *rest;

    if ((rest = after(path, "/echo")) != NULL)
    {
        put(&out, "method=");
        put_i64(&out, method);
        put(&out, "\nuri=");
        put_str(&out, req.uri);
        put(&out, "\n");
        for (uint32_t i = 0; i < headers_len; i++)
        {
            put_str(&out, headers[i].name);
            put(&out, ": ");
            put_str(&out, headers[i].value);
            put(&out, "\n");
        }
        put(&out, "body=");
        put_str(&out, req.body);
    }
    else if ((rest = after(path, "/config/")) != NULL)
        do_config(rest, &out);
    else if ((rest = after(path, "/kv/")) != NULL)
        do_kv(rest, &req, &out);
    else if (strcmp(path, "/http") == 0)
        do_http(&req, &out);
    else if ((rest = after(path, "/redis/")) != NULL)
        do_redis(rest, &req, &out);
    else if (strcmp(path, "/pg") == 0 || strcmp(path, "/mysql") == 0 || strcmp(path, "/sqlite") == 0 || strcmp(path, "/llm") == 0)
        do_stubs(path, &out);
    else if ((rest = after(path, "/env/")) != NULL)
    {
        const char *value = getenv(rest);
        put(&out, value ? "value=" : "unset");
        put(&out, value ? value : "");
    }
    else if ((rest = after(path, "/file")) != NULL)
    {
        FILE *file = fopen(rest, "rb");
        if (file == NULL)
            put(&out, "no such file");
        else
        {
            char buffer[512];
            size_t n;
            put(&out, "value=");
            while ((n = fread(buffer, 1, sizeof buffer, file)) > 0)
                put_bytes(&out, buffer, n);
            fclose(file);
        }
    }
    else if (strcmp(path, "/log") == 0)
    {
        printf("line to stdout\n");
        fflush(stdout);
        fprintf(stderr, "line to stderr\n");
        put(&out, "ok");
    }
    else if ((rest = after(path, "/status/")) != NULL)
        status = (uint16_t)atoi(rest);
    else if (strcmp(path, "/trap") == 0)
        __builtin_trap();
    else if (strcmp(path, "/loop") == 0)
        for (;;)
            sink++;
    else if (strcmp(path, "/stack") == 0)
        status = (uint16_t)recurse(0);
    else
    {
        status = 404;
        put(&out, "no such route in the guest");
    }

    spin_header *out_headers = canonical_abi_realloc(NULL, 0, 4, sizeof(spin_header));
    out_headers[0].name = (spin_string){copy_bytes("content-type", 12), 12};
    out_headers[0].value = (spin_string){copy_bytes("text/plain", 10), 10};

    memset(response, 0, sizeof response);
    *(uint16_t *)&response[0] = status;
    response[1] = 1;
    response[2] = (uint32_t)(uintptr_t)out_headers;
    response[3] = 1;
    response[4] = 1;
    response[5] = (uint32_t)(uintptr_t)(out.len ? out.data : copy_bytes("", 0));
    response[6] = (uint32_t)out.len;
    return response;
}
