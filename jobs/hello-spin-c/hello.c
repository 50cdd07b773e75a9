// hello-spin-c: a Spin 1.x HTTP component written by hand in C against the old
// wit-bindgen 0.2 canonical ABI (what `spin up` 1.x ran and Spin still runs through its adapter).
//
// Exports (spin-semantics.md §3b):
//   handle-http-request(method, uri_ptr, uri_len, hdr_ptr, hdr_len, prm_ptr, prm_len,
//                       body_tag, body_ptr, body_len) -> i32   pointer to a response record
//   canonical_abi_realloc(old_ptr, old_len, align, new_len) -> ptr
//   canonical_abi_free(ptr, len, align)
//
// Response record (28 bytes, align 4):
//   0 status u16 | 4 headers? u8 | 8 headers ptr | 12 headers count | 16 body? u8 | 20 body ptr | 24 body len
// A header list element is 16 bytes: name ptr, name len, value ptr, value len.
// The host frees every buffer the response points to with canonical_abi_free.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *name; uint32_t name_len; char *value; uint32_t value_len; } spin_header;

__attribute__((export_name("canonical_abi_realloc")))
void *canonical_abi_realloc(void *ptr, size_t old_len, size_t align, size_t new_len)
{
    (void)old_len;
    if (new_len == 0)
        return (void *)align; // zero-sized allocations are a dangling, aligned pointer
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

static char *copy_bytes(const char *text, size_t len)
{
    char *copy = canonical_abi_realloc(NULL, 0, 1, len);
    memcpy(copy, text, len);
    return copy;
}

static void free_headers(spin_header *list, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++)
    {
        canonical_abi_free(list[i].name, list[i].name_len, 1);
        canonical_abi_free(list[i].value, list[i].value_len, 1);
    }
    canonical_abi_free(list, count * sizeof(spin_header), 4);
}

static uint32_t response[7];

__attribute__((export_name("handle-http-request")))
uint32_t *handle_http_request(int32_t method, char *uri, uint32_t uri_len,
                              spin_header *headers, uint32_t headers_len,
                              spin_header *params, uint32_t params_len,
                              int32_t body_present, uint8_t *body, uint32_t body_len)
{
    (void)method;
    // The request's buffers belong to us now: release them.
    canonical_abi_free(uri, uri_len, 1);
    free_headers(headers, headers_len);
    free_headers(params, params_len);
    if (body_present)
        canonical_abi_free(body, body_len, 1);

    static const char content_type[] = "content-type";
    static const char text_plain[] = "text/plain";
    static const char greeting[] = "Hello from Spin C\n";

    spin_header *out = canonical_abi_realloc(NULL, 0, 4, sizeof(spin_header));
    out[0].name = copy_bytes(content_type, sizeof content_type - 1);
    out[0].name_len = sizeof content_type - 1;
    out[0].value = copy_bytes(text_plain, sizeof text_plain - 1);
    out[0].value_len = sizeof text_plain - 1;

    memset(response, 0, sizeof response);
    *(uint16_t *)&response[0] = 200;
    response[1] = 1; // headers present
    response[2] = (uint32_t)(uintptr_t)out;
    response[3] = 1;
    response[4] = 1; // body present
    response[5] = (uint32_t)(uintptr_t)copy_bytes(greeting, sizeof greeting - 1);
    response[6] = sizeof greeting - 1;
    return response;
}
