/* Names and step-by-step narration of a translation, for `pagewalk-model
 * explain` and for failure reports. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sv32.h"

#define FIELD(value, name) (((value) >> PW_##name##_SHIFT) & PW_##name##_MASK)

const char *pw_priv_name(pw_priv priv)
{
    switch (priv) {
    case PW_PRIV_U: return "U";
    case PW_PRIV_S: return "S";
    case PW_PRIV_M: return "M";
    }
    return "?";
}

const char *pw_access_name(pw_access access)
{
    switch (access) {
    case PW_ACCESS_LOAD: return "r";
    case PW_ACCESS_STORE: return "w";
    case PW_ACCESS_FETCH: return "x";
    }
    return "?";
}

const char *pw_access_word(pw_access access)
{
    switch (access) {
    case PW_ACCESS_LOAD: return "load";
    case PW_ACCESS_STORE: return "store";
    case PW_ACCESS_FETCH: return "fetch";
    }
    return "?";
}

bool pw_priv_parse(const char *name, pw_priv *priv)
{
    static const pw_priv all[] = {PW_PRIV_U, PW_PRIV_S, PW_PRIV_M};
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++)
        if (!strcmp(name, pw_priv_name(all[i]))) {
            *priv = all[i];
            return true;
        }
    return false;
}

bool pw_access_parse(const char *name, pw_access *access)
{
    static const pw_access all[] = {PW_ACCESS_LOAD, PW_ACCESS_STORE, PW_ACCESS_FETCH};
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++)
        if (!strcmp(name, pw_access_name(all[i]))) {
            *access = all[i];
            return true;
        }
    return false;
}

const char *pw_ad_name(pw_ad_policy ad)
{
    return ad == PW_AD_SVADU ? "svadu" : "svade";
}

const char *pw_cause_name(uint32_t cause)
{
    switch (cause) {
    case PW_CAUSE_FETCH_ACCESS: return "instruction access fault";
    case PW_CAUSE_LOAD_ACCESS: return "load access fault";
    case PW_CAUSE_STORE_ACCESS: return "store/AMO access fault";
    case PW_CAUSE_FETCH_PAGE_FAULT: return "instruction page fault";
    case PW_CAUSE_LOAD_PAGE_FAULT: return "load page fault";
    case PW_CAUSE_STORE_PAGE_FAULT: return "store/AMO page fault";
    }
    return "unknown cause";
}

const char *pw_end_text(pw_end end)
{
    switch (end) {
    case PW_END_OK: return "translated";
    case PW_END_BARE: return "satp.MODE=0 (bare): no translation, PA = VA";
    case PW_END_MACHINE: return "effective privilege M: no translation, PA = VA";
    case PW_END_PTE_BUS_ERROR: return "bus error reading the PTE";
    case PW_END_INVALID: return "V=0: the PTE is invalid";
    case PW_END_W_WITHOUT_R: return "W=1 with R=0 is a reserved encoding";
    case PW_END_POINTER_RESERVED: return "pointer PTE with D, A or U set (reserved)";
    case PW_END_POINTER_AT_LEAF_LEVEL: return "pointer PTE at level 0: no level left to descend to";
    case PW_END_USER_PAGE_FROM_S: return "S-mode access to a U=1 page (needs SUM=1, and never for a fetch)";
    case PW_END_SUPERVISOR_PAGE_FROM_U: return "U-mode access to a U=0 page";
    case PW_END_NO_PERMISSION: return "the PTE's R/W/X bits (with MXR) do not allow this access";
    case PW_END_MISALIGNED_MEGAPAGE: return "megapage with PPN[0] != 0 (misaligned superpage)";
    case PW_END_A_CLEAR: return "A=0 and the A/D policy is Svade";
    case PW_END_D_CLEAR: return "store to a page with D=0 and the A/D policy is Svade";
    case PW_END_WRITEBACK_BUS_ERROR: return "bus error writing A/D back to the PTE";
    }
    return "?";
}

void pw_result_text(const pw_result *r, char *buf, size_t len)
{
    if (r->fault)
        snprintf(buf, len, "fault=%" PRIu32, r->cause);
    else
        snprintf(buf, len, "pa=%" PRIx64, r->pa);
}

/* "V R W A D" and so on: the PTE flags that are set. */
static void flag_list(uint32_t pte, char *buf, size_t len)
{
    static const char names[] = "VRWXUGAD";
    size_t n = 0;
    buf[0] = '\0';
    for (unsigned bit = 0; bit < 8 && n + 3 < len; bit++) {
        if (pte & (1u << bit)) {
            if (n)
                buf[n++] = ' ';
            buf[n++] = names[bit];
            buf[n] = '\0';
        }
    }
    if (FIELD(pte, PTE_RSW))
        snprintf(buf + n, len - n, "%sRSW=%" PRIu32, n ? " " : "", FIELD(pte, PTE_RSW));
}

/* What a PTE read at level means, in words. */
static void describe_pte(FILE *out, uint32_t pte, int level)
{
    uint64_t target = (uint64_t)FIELD(pte, PTE_PPN) << PW_SV32_PAGE_SHIFT;
    if (!(pte & PW_PTE_V))
        fputs("invalid", out);
    else if ((pte & (PW_PTE_R | PW_PTE_W)) == PW_PTE_W)
        fputs("reserved encoding (W without R)", out);
    else if (!(pte & (PW_PTE_R | PW_PTE_X)))
        fprintf(out, "pointer to the level-0 table at 0x%" PRIx64, target);
    else if (level == 1)
        fprintf(out, "leaf: 4 MiB megapage, PPN 0x%06" PRIx32 " (PPN[1] 0x%03" PRIx32
                ", PPN[0] 0x%03" PRIx32 ")", FIELD(pte, PTE_PPN), FIELD(pte, PTE_PPN1),
                FIELD(pte, PTE_PPN0));
    else
        fprintf(out, "leaf: 4 KiB page at 0x%" PRIx64, target);
}

void pw_explain(FILE *out, const char *indent, const pw_context *ctx, uint32_t va,
                pw_access access, const pw_result *r)
{
    fprintf(out, "%s%s-mode %s of VA 0x%08" PRIx32 " (VPN[1] 0x%03" PRIx32 ", VPN[0] 0x%03"
            PRIx32 ", offset 0x%03" PRIx32 "), SUM=%d MXR=%d, %s\n",
            indent, pw_priv_name(ctx->priv), pw_access_word(access), va, FIELD(va, VA_VPN1),
            FIELD(va, VA_VPN0), FIELD(va, VA_OFFSET), ctx->sum, ctx->mxr, pw_ad_name(ctx->ad));
    fprintf(out, "%ssatp 0x%08" PRIx32 ": MODE=%s, ASID 0x%03" PRIx32 ", root table at 0x%" PRIx64 "\n",
            indent, ctx->satp, (ctx->satp & PW_SATP_MODE) ? "Sv32" : "Bare",
            FIELD(ctx->satp, SATP_ASID),
            (uint64_t)FIELD(ctx->satp, SATP_PPN) << PW_SV32_PAGE_SHIFT);
    for (unsigned i = 0; i < r->nsteps; i++) {
        const pw_step *s = &r->steps[i];
        char flags[48];
        fprintf(out, "%slevel %d: %s PTE at 0x%" PRIx64, indent, s->level,
                s->write ? "write" : "read", s->addr);
        if (s->bus_error) {
            fputs(": bus error\n", out);
            continue;
        }
        flag_list(s->value, flags, sizeof flags);
        fprintf(out, " = 0x%08" PRIx32 " [%s] ", s->value, flags);
        if (s->write)
            fputs("A/D set by the walker (Svadu)", out);
        else
            describe_pte(out, s->value, s->level);
        fputc('\n', out);
    }
    if (r->fault)
        fprintf(out, "%sresult: fault=%" PRIu32 " (%s): %s\n", indent, r->cause,
                pw_cause_name(r->cause), pw_end_text(r->end));
    else
        fprintf(out, "%sresult: pa=0x%" PRIx64 "%s%s\n", indent, r->pa,
                r->end == PW_END_OK ? "" : ": ", r->end == PW_END_OK ? "" : pw_end_text(r->end));
}

char *pw_explain_string(const char *indent, const pw_context *ctx, uint32_t va, pw_access access,
                        const pw_result *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    pw_explain(out, indent, ctx, va, access, r);
    if (fclose(out) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}
