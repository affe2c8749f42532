/* .vec parsing and replay. Every error names file and line. */
#include "vec.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TOKENS = 9, PA_BITS = 34 };

/* Split text at blanks into at most MAX_TOKENS tokens; a '#' starts a comment.
 * Returns the count, or MAX_TOKENS + 1 when there are too many. */
static int tokenize(char *text, char *tok[MAX_TOKENS])
{
    int n = 0;
    char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\0' || *p == '#')
            return n;
        if (n == MAX_TOKENS)
            return MAX_TOKENS + 1;
        tok[n++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '#')
            p++;
        if (*p == '#') {
            *p = '\0';
            return n;
        }
        if (*p)
            *p++ = '\0';
    }
}

static bool errorf(char *err, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, len, fmt, ap);
    va_end(ap);
    return false;
}

/* Parse a hex number (optional 0x) of at most bits bits. */
static bool parse_hex(const char *what, const char *s, unsigned bits, uint64_t *out,
                      char *err, size_t len)
{
    const char *digits = (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? s + 2 : s;
    size_t n = strlen(digits);
    if (n == 0 || n > 16 || strspn(digits, "0123456789abcdefABCDEF") != n)
        return errorf(err, len, "%s '%s' is not a hex number", what, s);
    uint64_t v = strtoull(digits, NULL, 16);
    if (bits < 64 && (v >> bits) != 0)
        return errorf(err, len, "%s 0x%" PRIx64 " is wider than %u bits", what, v, bits);
    *out = v;
    return true;
}

static bool parse_addr(const char *s, uint64_t *out, char *err, size_t len)
{
    if (!parse_hex("ADDR", s, PA_BITS, out, err, len))
        return false;
    if (*out & 3)
        return errorf(err, len, "ADDR 0x%" PRIx64 " is not word-aligned", *out);
    return true;
}

static bool parse_u32(const char *what, const char *s, uint32_t *out, char *err, size_t len)
{
    uint64_t v;
    if (!parse_hex(what, s, 32, &v, err, len))
        return false;
    *out = (uint32_t)v;
    return true;
}

static bool parse_bit(const char *what, const char *s, bool *out, char *err, size_t len)
{
    if (strcmp(s, "0") && strcmp(s, "1"))
        return errorf(err, len, "%s must be 0 or 1, not '%s'", what, s);
    *out = s[0] == '1';
    return true;
}

static bool parse_result(const char *s, pw_vec_line *l, char *err, size_t len)
{
    if (strncmp(s, "pa=", 3) == 0) {
        l->expect_fault = false;
        return parse_hex("RESULT pa", s + 3, PA_BITS, &l->expect_pa, err, len);
    }
    if (strncmp(s, "fault=", 6) == 0) {
        const char *d = s + 6;
        if (*d == '\0' || strspn(d, "0123456789") != strlen(d) || strlen(d) > 2)
            return errorf(err, len, "RESULT '%s': the cause must be a decimal number", s);
        l->expect_fault = true;
        l->expect_cause = (uint32_t)atoi(d);
        if (strcmp(pw_cause_name(l->expect_cause), "unknown cause") == 0)
            return errorf(err, len, "RESULT '%s': %u is not a translation fault cause "
                          "(1, 5, 7, 12, 13, 15)", s, l->expect_cause);
        return true;
    }
    return errorf(err, len, "RESULT '%s' must be pa=HEX or fault=CAUSE", s);
}

static bool parse_translate(char **tok, pw_vec_line *l, char *err, size_t len)
{
    if (!parse_u32("SATP", tok[1], &l->ctx.satp, err, len))
        return false;
    if (!pw_priv_parse(tok[2], &l->ctx.priv))
        return errorf(err, len, "PRIV must be U, S or M, not '%s'", tok[2]);
    if (!pw_access_parse(tok[3], &l->access))
        return errorf(err, len, "ACC must be r, w or x, not '%s'", tok[3]);
    return parse_bit("SUM", tok[4], &l->ctx.sum, err, len) &&
           parse_bit("MXR", tok[5], &l->ctx.mxr, err, len) &&
           parse_u32("VA", tok[6], &l->va, err, len) &&
           parse_result(tok[7], l, err, len);
}

bool pw_vec_parse_line(const char *text, pw_vec_line *l, char *err, size_t len)
{
    char copy[512];
    char *tok[MAX_TOKENS];
    *l = (pw_vec_line){0};
    if (strlen(text) >= sizeof copy)
        return errorf(err, len, "line longer than %zu characters", sizeof copy - 1);
    for (const char *p = text; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\r')
            return errorf(err, len, "control character 0x%02x in line", (unsigned char)*p);
    strcpy(copy, text);
    int n = tokenize(copy, tok);
    if (n == 0) {
        l->kind = PW_VEC_BLANK;
        return true;
    }
    /* Each keyword with the number of words that must follow it. */
    static const struct { const char *word; pw_vec_kind kind; int args; const char *usage; } forms[] = {
        {"ad", PW_VEC_AD, 1, "ad svade|svadu"},
        {"reset", PW_VEC_RESET, 0, "reset"},
        {"m", PW_VEC_MEM, 2, "m ADDR VALUE"},
        {"e", PW_VEC_BUS_ERROR, 1, "e ADDR"},
        {"t", PW_VEC_TRANSLATE, 7, "t SATP PRIV ACC SUM MXR VA RESULT"},
        {"c", PW_VEC_CHECK, 2, "c ADDR VALUE"},
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (strcmp(tok[0], forms[i].word))
            continue;
        if (n - 1 != forms[i].args)
            return errorf(err, len, "'%s' takes %d field%s (%s), found %d", forms[i].word,
                          forms[i].args, forms[i].args == 1 ? "" : "s", forms[i].usage,
                          n > MAX_TOKENS ? n : n - 1);
        l->kind = forms[i].kind;
        switch (l->kind) {
        case PW_VEC_AD:
            if (!strcmp(tok[1], "svade"))
                l->ad = PW_AD_SVADE;
            else if (!strcmp(tok[1], "svadu"))
                l->ad = PW_AD_SVADU;
            else
                return errorf(err, len, "A/D policy must be svade or svadu, not '%s'", tok[1]);
            return true;
        case PW_VEC_MEM:
        case PW_VEC_CHECK:
            return parse_addr(tok[1], &l->addr, err, len) &&
                   parse_u32("VALUE", tok[2], &l->value, err, len);
        case PW_VEC_BUS_ERROR:
            return parse_addr(tok[1], &l->addr, err, len);
        case PW_VEC_TRANSLATE:
            return parse_translate(tok, l, err, len);
        default:
            return true;
        }
    }
    return errorf(err, len, "unknown line type '%s' (expected ad, reset, m, e, t, c or #)", tok[0]);
}

void pw_vec_format_request(const pw_vec_line *l, char *buf, size_t len)
{
    snprintf(buf, len, "t %08" PRIx32 " %s %s %d %d %08" PRIx32, l->ctx.satp,
             pw_priv_name(l->ctx.priv), pw_access_name(l->access), l->ctx.sum, l->ctx.mxr, l->va);
}

/* A replay in progress over one file. */
typedef struct {
    const char *path;
    FILE *in;
    FILE *err;
    char *buf;
    size_t cap;
    unsigned lineno;
    pw_sparse_mem *mem;
    pw_ad_policy ad;
    unsigned last_translate; /* line of the most recent t, for c reports */
} replay;

static int open_replay(replay *r, const char *path, FILE *err, pw_sparse_mem *mem)
{
    *r = (replay){.path = path, .err = err, .mem = mem, .ad = PW_AD_SVADE};
    r->in = fopen(path, "r");
    if (!r->in) {
        fprintf(err, "%s: error: cannot open: %s\n", path, strerror(errno));
        return 2;
    }
    return 0;
}

static void close_replay(replay *r)
{
    if (r->in)
        fclose(r->in);
    free(r->buf);
}

/* Read and parse the next line. Returns 1 with a line, 0 at end, 2 on error. */
static int next_line(replay *r, pw_vec_line *l, char **text)
{
    ssize_t n = getline(&r->buf, &r->cap, r->in);
    if (n < 0) {
        if (ferror(r->in)) {
            fprintf(r->err, "%s:%u: error: read failed: %s\n", r->path, r->lineno + 1, strerror(errno));
            return 2;
        }
        return 0;
    }
    r->lineno++;
    if (n > 0 && r->buf[n - 1] == '\n')
        r->buf[--n] = '\0';
    if ((size_t)n != strlen(r->buf)) {
        fprintf(r->err, "%s:%u: error: NUL byte in line (is this a .vec text file?)\n", r->path, r->lineno);
        return 2;
    }
    char msg[256];
    if (!pw_vec_parse_line(r->buf, l, msg, sizeof msg)) {
        fprintf(r->err, "%s:%u: error: %s\n    %s\n", r->path, r->lineno, msg, r->buf);
        return 2;
    }
    *text = r->buf;
    return 1;
}

/* Apply a line that changes state (ad, reset, m, e). False when out of memory. */
static bool apply_state(replay *r, const pw_vec_line *l)
{
    switch (l->kind) {
    case PW_VEC_AD: r->ad = l->ad; return true;
    case PW_VEC_RESET: pw_smem_reset(r->mem); return true;
    case PW_VEC_MEM: return pw_smem_set(r->mem, l->addr, l->value);
    case PW_VEC_BUS_ERROR: return pw_smem_set_error(r->mem, l->addr);
    default: return true;
    }
}

/* Run a t line through the model; true when it gave the expected result. */
static bool run_translate(replay *r, pw_vec_line *l, pw_result *res)
{
    pw_mem port = pw_smem_port(r->mem);
    l->ctx.ad = r->ad;
    pw_translate(&l->ctx, &port, l->va, l->access, res);
    r->last_translate = r->lineno;
    if (res->fault != l->expect_fault)
        return false;
    return res->fault ? res->cause == l->expect_cause : res->pa == l->expect_pa;
}

static void report_translate(const replay *r, const pw_vec_line *l, const pw_result *res,
                             const char *text, FILE *out)
{
    char got[32], want[32];
    pw_result expected = {.fault = l->expect_fault, .cause = l->expect_cause, .pa = l->expect_pa};
    pw_result_text(res, got, sizeof got);
    pw_result_text(&expected, want, sizeof want);
    fprintf(out, "%s:%u: FAIL: %s\n", r->path, r->lineno, text);
    fprintf(out, "  expected %s, model gives %s", want, got);
    if (res->fault)
        fprintf(out, " (%s)", pw_cause_name(res->cause));
    fputs("\n  walk:\n", out);
    pw_explain(out, "    ", &l->ctx, l->va, l->access, res);
    fprintf(out, "  reproduce: pagewalk-model explain %s:%u\n", r->path, r->lineno);
}

int pw_vec_check_file(const char *path, const pw_vec_options *opt, pw_vec_totals *totals)
{
    pw_sparse_mem *mem = pw_smem_new();
    replay r;
    int status = mem ? open_replay(&r, path, opt->out, mem) : 2;
    if (status) {
        if (!mem)
            fprintf(opt->out, "%s: error: out of memory\n", path);
        totals->errors++;
        pw_smem_free(mem);
        return status;
    }
    pw_vec_line l;
    char *text;
    int got;
    unsigned long checks = 0;
    while ((got = next_line(&r, &l, &text)) == 1) {
        bool ok = true, counted = true;
        pw_result res;
        if (l.kind == PW_VEC_TRANSLATE) {
            ok = run_translate(&r, &l, &res);
        } else if (l.kind == PW_VEC_CHECK) {
            uint32_t actual;
            bool readable = pw_smem_get(mem, l.addr, &actual);
            ok = readable && actual == l.value;
            if (!ok && (!opt->max_reports || totals->reported < opt->max_reports)) {
                fprintf(opt->out, "%s:%u: FAIL: %s\n", path, r.lineno, text);
                if (readable)
                    fprintf(opt->out, "  expected 0x%08" PRIx32 ", memory holds 0x%08" PRIx32
                            " (differing bits 0x%08" PRIx32 ")\n", l.value, actual, l.value ^ actual);
                else
                    fprintf(opt->out, "  the word at 0x%" PRIx64 " is a bus error\n", l.addr);
                if (r.last_translate)
                    fprintf(opt->out, "  last translation: pagewalk-model explain %s:%u\n",
                            path, r.last_translate);
                totals->reported++;
            }
        } else {
            counted = false;
            if (!apply_state(&r, &l)) {
                fprintf(opt->out, "%s:%u: error: out of memory\n", path, r.lineno);
                got = 2;
                break;
            }
        }
        if (!counted)
            continue;
        checks++;
        if (ok) {
            totals->passed++;
            if (opt->verbose)
                fprintf(opt->out, "%s:%u: pass: %s\n", path, r.lineno, text);
            continue;
        }
        totals->failed++;
        status = 1;
        if (l.kind == PW_VEC_TRANSLATE && (!opt->max_reports || totals->reported < opt->max_reports)) {
            report_translate(&r, &l, &res, text, opt->out);
            totals->reported++;
        }
    }
    if (got == 0 && checks == 0) {
        fprintf(opt->out, "%s: error: no t or c lines: nothing to check (truncated file?)\n", path);
        got = 2;
    }
    if (got == 2) {
        totals->errors++;
        status = 2;
    }
    close_replay(&r);
    pw_smem_free(mem);
    return status;
}

int pw_vec_replay(const char *path, unsigned stop, FILE *err, pw_sparse_mem *mem,
                  pw_ad_policy *ad, pw_vec_line *stop_line)
{
    replay r;
    if (open_replay(&r, path, err, mem))
        return 2;
    pw_vec_line l;
    char *text;
    int got;
    while ((got = next_line(&r, &l, &text)) == 1) {
        if (stop && r.lineno == stop) {
            if (l.kind != PW_VEC_TRANSLATE) {
                fprintf(err, "%s:%u: error: not a t line: %s\n", path, stop, text);
                got = 2;
            } else if (stop_line) {
                *stop_line = l;
                stop_line->ctx.ad = r.ad;
            }
            break;
        }
        pw_result res;
        if (l.kind == PW_VEC_TRANSLATE)
            run_translate(&r, &l, &res); /* replays Svadu write-backs */
        else if (!apply_state(&r, &l)) {
            fprintf(err, "%s:%u: error: out of memory\n", path, r.lineno);
            got = 2;
            break;
        }
    }
    if (got == 0 && stop) {
        fprintf(err, "%s: error: no line %u (the file has %u lines)\n", path, stop, r.lineno);
        got = 2;
    }
    *ad = r.ad;
    close_replay(&r);
    return got == 2 ? 2 : 0;
}
