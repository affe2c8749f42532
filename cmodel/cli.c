/* Command-line values shared by pagewalk-iss and pagewalk-soc: see cli.h. */
#include "cli.h"

#include "iss.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* A whole number with no sign: strtoull alone takes "-1" (as 2^64 - 1),
 * leading blanks, and an empty string (as 0). */
static bool parse_whole(const char *text, uint64_t *value, const char **rest, char *err, size_t errlen)
{
    if (!text || !((text[0] >= '0' && text[0] <= '9'))) {
        snprintf(err, errlen, "not a number");
        return false;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 0);
    if (errno == ERANGE) {
        snprintf(err, errlen, "too large");
        return false;
    }
    *value = v;
    *rest = end;
    return true;
}

static void describe_size(uint64_t bytes, char *buf, size_t len)
{
    if (bytes % (1u << 20) == 0)
        snprintf(buf, len, "%lluM", (unsigned long long)(bytes >> 20));
    else if (bytes % (1u << 10) == 0)
        snprintf(buf, len, "%lluK", (unsigned long long)(bytes >> 10));
    else
        snprintf(buf, len, "%llu bytes", (unsigned long long)bytes);
}

bool pw_cli_parse_size(const char *text, uint64_t max_bytes, uint32_t *bytes, char *err, size_t errlen)
{
    uint64_t v;
    const char *rest;
    if (!parse_whole(text, &v, &rest, err, errlen))
        return false;
    unsigned shift = 0;
    if (*rest == 'K' || *rest == 'k')
        shift = 10;
    else if (*rest == 'M' || *rest == 'm')
        shift = 20;
    if (shift)
        rest++;
    if (*rest != '\0') {
        snprintf(err, errlen, "'%s' after the number: give bytes, or K or M", rest);
        return false;
    }
    char most[32];
    describe_size(max_bytes, most, sizeof most);
    if (v > (max_bytes >> shift)) {
        snprintf(err, errlen, "more than the most, %s", most);
        return false;
    }
    v <<= shift;
    if (v == 0) {
        snprintf(err, errlen, "zero: give at least 4K");
        return false;
    }
    if (v % 4096 != 0) {
        snprintf(err, errlen, "not a multiple of 4K (one page)");
        return false;
    }
    *bytes = (uint32_t)v;
    return true;
}

bool pw_cli_parse_count(const char *text, uint64_t *value, char *err, size_t errlen)
{
    uint64_t v;
    const char *rest;
    if (!parse_whole(text, &v, &rest, err, errlen))
        return false;
    if (*rest != '\0') {
        snprintf(err, errlen, "'%s' after the number", rest);
        return false;
    }
    if (v == 0) {
        snprintf(err, errlen, "zero: give a positive number");
        return false;
    }
    *value = v;
    return true;
}

int pw_cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(%s --help lists the options)\n", command);
    va_end(ap);
    return PW_ISS_EXIT_USAGE;
}
