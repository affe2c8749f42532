/* lib.c: the few string functions the freestanding kernel needs (the compiler
 * also emits calls to memcpy and memset for structure copies). */
#include "kernel.h"

void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    if (((uintptr_t)p & 3) == 0 && (n & 3) == 0) {
        uint32_t w = (uint8_t)c * 0x01010101u;
        for (uint32_t *q = d; n; n -= 4)
            *q++ = w;
        return d;
    }
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    if ((((uintptr_t)d | (uintptr_t)s | n) & 3) == 0) {
        uint32_t *dw = d;
        const uint32_t *sw = s;
        for (; n; n -= 4)
            *dw++ = *sw++;
        return d;
    }
    uint8_t *dp = d;
    const uint8_t *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *p = a, *q = b;
    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (uint8_t)*a - (uint8_t)*b;
}

void strlcpy_k(char *d, const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 1 < n && s[i]; i++)
        d[i] = s[i];
    if (n)
        d[i] = 0;
}
