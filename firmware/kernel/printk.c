/* printk.c: the kernel's console output. A small printf (%d %u %x %s %c and
 * %0Nx widths) over the M-mode layer's putchar; no buffering, so a line is
 * complete on the console before the next trap. */
#include <stdarg.h>
#include "kernel.h"
#include "sbi.h"

struct sink { char *buf; size_t n, len; };

static void put(struct sink *s, char c)
{
    if (s->buf) {
        if (s->len + 1 < s->n)
            s->buf[s->len] = c;
    } else {
        sbi_call(SBI_PUTCHAR, (uint8_t)c, 0);
    }
    s->len++;
}

static void put_uint(struct sink *s, uint32_t v, unsigned base, int width, char pad)
{
    char tmp[12];
    int i = 0;
    do {
        tmp[i++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (i < width--)
        put(s, pad);
    while (i)
        put(s, tmp[--i]);
}

static void vformat(struct sink *s, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            put(s, *fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0;
        if (*fmt == '0')
            pad = '0';
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        switch (*fmt) {
        case 'd': {
            int32_t v = va_arg(ap, int32_t);
            if (v < 0) {
                put(s, '-');
                put_uint(s, (uint32_t)-(int64_t)v, 10, width ? width - 1 : 0, pad);
            } else {
                put_uint(s, (uint32_t)v, 10, width, pad);
            }
            break;
        }
        case 'u': put_uint(s, va_arg(ap, uint32_t), 10, width, pad); break;
        case 'x': put_uint(s, va_arg(ap, uint32_t), 16, width, pad); break;
        case 'c': put(s, (char)va_arg(ap, int)); break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            for (; *str; str++)
                put(s, *str);
            break;
        }
        case '%': put(s, '%'); break;
        default: put(s, '?'); break;
        }
        if (!*fmt)
            break;
    }
}

/* The console, with an optional prefix and a newline after. */
static void vprint(const char *prefix, const char *fmt, va_list ap, int newline)
{
    struct sink s = { 0, 0, 0 };
    kputs(prefix);
    vformat(&s, fmt, ap);
    if (newline)
        kputs("\n");
}

void printk(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprint("", fmt, ap, 0);
    va_end(ap);
}

void kputs(const char *str)
{
    while (*str)
        sbi_call(SBI_PUTCHAR, (uint8_t)*str++, 0);
}

int ksnprintf(char *buf, size_t n, const char *fmt, ...)
{
    struct sink s = { buf, n, 0 };
    va_list ap;
    va_start(ap, fmt);
    vformat(&s, fmt, ap);
    va_end(ap);
    if (n)
        buf[s.len < n ? s.len : n - 1] = 0;
    return (int)s.len;
}

int check_failures;

void check_failed(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprint("check: ", fmt, ap, 1);
    va_end(ap);
    check_failures++;
}

_Noreturn void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprint("kernel panic: ", fmt, ap, 1);
    va_end(ap);
    sbi_shutdown(2);
}

uint64_t sbi_time(void)
{
    struct sbiret r = sbi_call(SBI_GET_TIME, 0, 0);
    return ((uint64_t)r.a1 << 32) | r.a0;
}

_Noreturn void sbi_shutdown(uint32_t code)
{
    sbi_call(SBI_SHUTDOWN, code, 0);
    for (;;)
        ;
}
