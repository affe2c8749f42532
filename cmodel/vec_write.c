/* Writing .vec lines: every line of the format, in its one notation. */
#include "vec.h"

#include <inttypes.h>

void pw_vec_print_ad(FILE *out, pw_ad_policy ad) { fprintf(out, "ad %s\n", pw_ad_name(ad)); }

void pw_vec_print_reset(FILE *out) { fputs("reset\n", out); }

void pw_vec_print_word(FILE *out, uint64_t addr, uint32_t value)
{
    fprintf(out, "m %09" PRIx64 " %08" PRIx32 "\n", addr, value);
}

void pw_vec_print_error(FILE *out, uint64_t addr) { fprintf(out, "e %09" PRIx64 "\n", addr); }

void pw_vec_print_check(FILE *out, uint64_t addr, uint32_t value)
{
    fprintf(out, "c %09" PRIx64 " %08" PRIx32 "\n", addr, value);
}

void pw_vec_print_translate(FILE *out, const pw_context *ctx, pw_access access, uint32_t va,
                            const pw_result *result)
{
    pw_vec_line l = {.kind = PW_VEC_TRANSLATE, .ctx = *ctx, .access = access, .va = va};
    char request[96], want[32];
    pw_vec_format_request(&l, request, sizeof request);
    pw_result_text(result, want, sizeof want);
    fprintf(out, "%s %s\n", request, want);
}
