/* The templates of the lines the board prints on its UART, and the ROM
 * rtl/board/pw_line_printer.v reads them from. */
#include <stdlib.h>
#include <string.h>

#include "selftest_gen.h"

/* ------------------------------------------------------------ UART lines */
/* The board prints its lines from a template ROM that rtl/board/pw_line_printer.v
 * interprets; the templates are written here, next to the data they print.
 *
 * A template is text with fields and conditions:
 *   {name}     a field of the nibble bus below: hex digits, or decimal digits
 *              (their leading zeros left out) for the decimal fields
 *   [cond]     the text that follows is printed only when cond holds; [] ends it
 *
 * One 16-bit template word per character:
 *   [15:12] condition  [11] end of line (prints '\n')  [10] field
 *   [9] leave out when a leading zero  [8] print when the condition does not hold
 *   [7:0] character, or the field's nibble index
 */
typedef struct {
    const char *name;
    unsigned digits;
    int decimal;             /* leading zeros are left out */
} field;

/* The nibble bus of pw_board_top.v, most significant nibble first: the fields
 * of a trace record (pw_trace_feed.v; each event kind uses some of them), then
 * the self-test's own (pw_selftest_seq.v). Each field's base is the sum of the
 * digits before it. */
static const field FIELDS[] = {
    {"cycle", 10, 1},   /* the event's cycle, decimal */
    {"word", 8, 0},     /* ctx satp, sfence/req va, memresp data */
    {"sum", 1, 0},      {"mxr", 1, 0},          /* ctx */
    {"sasid", 3, 0},    {"all_va", 1, 0},       {"all_asid", 1, 0},  /* sfence */
    {"pa", 9, 0},       {"cause", 2, 1},        /* resp (pa is also mem's addr) */
    {"data", 8, 0},                                /* mem wr data */
    {"idx", 2, 1},      {"vpn", 5, 0},          {"fasid", 3, 0},     /* evict, fill */
    {"mega", 1, 0},     {"g", 1, 0},            {"ppn", 6, 0},
    {"hits", 8, 0},     {"misses", 8, 0},       {"walks", 8, 0},     /* self-test */
    {"faults", 8, 0},   {"walk_cycles", 8, 0},  {"passed", 4, 1},
    {"failed", 4, 1},   {"tlb", 2, 1},          {"index", 2, 0},
};
enum { FIELDS_N = sizeof FIELDS / sizeof FIELDS[0] };

/* Conditions, in the order of their codes (pw_board_top.v: bits 0 and 1 from
 * pw_selftest_seq.v, the others from the trace record in pw_trace_feed.v).
 * [name] prints what follows when the condition holds, [!name] when not. */
static const char *const CONDS[] = {
    "",          /* 0: always */
    "svadu",     /* 1: the MMU's A/D policy is Svadu */
    "acc_r", "acc_w", "acc_x",      /* 2 to 4: req */
    "priv_u", "priv_s", "priv_m",   /* 5 to 7: req */
    "fault",     /* 8: resp is a fault */
    "we",        /* 9: mem is a write */
    "err",       /* 10: memresp is a bus error */
    "perm_r", "perm_w", "perm_x", "perm_u", "perm_d",   /* 11 to 15: fill */
};
enum { CONDS_N = sizeof CONDS / sizeof CONDS[0] };

typedef struct {
    const char *name;   /* the define's suffix: PW_FMT_<name> */
    const char *text;
} line_format;

/* The event lines follow docs/trace-format.md; their order is the record's
 * kind code (pw_trace_tap.v), which the feed turns into a line address. */
static const line_format LINES[] = {
    {"HEADER", "pagewalk-trace 1\n# engine board, pw_mmu, {tlb} TLB entries, "
               "[!svadu]svade[svadu]svadu[], self-test"},
    {"RESET", "{cycle} reset"},
    {"CTX", "{cycle} ctx satp={word} sum={sum} mxr={mxr}"},
    {"SFENCE", "{cycle} sfence va={word} asid={sasid} all_va={all_va} all_asid={all_asid}"},
    {"REQ", "{cycle} req va={word} acc=[acc_r]r[acc_w]w[acc_x]x[] "
            "priv=[priv_u]U[priv_s]S[priv_m]M[]"},
    {"RESP", "{cycle} resp [!fault]pa={pa}[fault]fault={cause}[]"},
    {"MEM", "{cycle} mem [!we]rd addr={pa}[we]wr addr={pa} data={data}[]"},
    {"MEMRESP", "{cycle} memresp [!err]data={word}[err]err[]"},
    {"EVICT", "{cycle} evict idx={idx}"},
    {"FILL", "{cycle} fill idx={idx} vpn={vpn} asid={fasid} mega={mega} g={g} ppn={ppn} "
             "perm=[perm_r]R[!perm_r]-[perm_w]W[!perm_w]-[perm_x]X[!perm_x]-"
             "[perm_u]U[!perm_u]-[perm_d]D[!perm_d]-[]"},
    {"COUNTERS", "# counters hits={hits} misses={misses} walks={walks} faults={faults} "
                 "walk_cycles={walk_cycles}"},
    {"SUMMARY", "# selftest: {passed} passed, {failed} failed"},
    {"OVERFLOW", "# selftest: trace overflow, events were lost"},
    {"TIMEOUT", "# selftest: TIMEOUT, no response to request {index}"},
};
enum { LINES_N = sizeof LINES / sizeof LINES[0] };

enum {
    FMT_EOL = 1u << 11,
    FMT_NEGATE = 1u << 8,
    FMT_FIELD = 1u << 10,
    FMT_SKIP_ZERO = 1u << 9,
    FMT_COND_SHIFT = 12,
};

static uint16_t fmt_rom[FMT_DEPTH];
static unsigned fmt_start[LINES_N];
static unsigned field_base[FIELDS_N];

static void fmt_fail(const char *text, const char *why)
{
    fprintf(stderr, "selftest_gen: bad line template \"%s\": %s\n", text, why);
    exit(2);
}

/* Translate every template into words; each line ends in an end-of-line word. */
void st_build_formats(void)
{
    unsigned n = 0, base = 0;
    for (unsigned f = 0; f < FIELDS_N; f++) {
        field_base[f] = base;
        base += FIELDS[f].digits;
    }
    if (base != NIBBLES) {
        fprintf(stderr, "selftest_gen: the fields take %u nibbles, not %d\n", base, NIBBLES);
        exit(2);
    }
    for (unsigned l = 0; l < LINES_N; l++) {
        const char *p = LINES[l].text;
        unsigned cond = 0, negate = 0;
        fmt_start[l] = n;
        while (*p) {
            if (n + 16 >= FMT_DEPTH)
                fmt_fail(LINES[l].text, "the template ROM is full");
            if (*p == '[' || *p == '{') {
                char close = *p == '[' ? ']' : '}';
                const char *end = strchr(p, close);
                if (!end)
                    fmt_fail(LINES[l].text, "unclosed [ or {");
                size_t len = (size_t)(end - p - 1);
                int found = 0;
                if (*p == '[') {
                    const char *name = p + 1;
                    negate = len > 0 && *name == '!';
                    name += negate, len -= negate;
                    for (unsigned c = 0; c < CONDS_N && !found; c++)
                        if (strlen(CONDS[c]) == len && !strncmp(CONDS[c], name, len))
                            cond = c, found = 1;
                } else {
                    for (unsigned f = 0; f < FIELDS_N && !found; f++) {
                        const field *fd = &FIELDS[f];
                        if (strlen(fd->name) != len || strncmp(fd->name, p + 1, len))
                            continue;
                        found = 1;
                        for (unsigned d = 0; d < fd->digits; d++) {
                            uint16_t w = (uint16_t)((cond << FMT_COND_SHIFT) | FMT_FIELD |
                                                    (negate ? FMT_NEGATE : 0) |
                                                    (field_base[f] + d));
                            if (fd->decimal && d + 1 < fd->digits)
                                w |= FMT_SKIP_ZERO;
                            fmt_rom[n++] = w;
                        }
                    }
                }
                if (!found)
                    fmt_fail(LINES[l].text, "unknown field or condition");
                p = end + 1;
                continue;
            }
            fmt_rom[n++] = (uint16_t)((cond << FMT_COND_SHIFT) | (negate ? FMT_NEGATE : 0) |
                                      (unsigned char)*p++);
        }
        fmt_rom[n++] = FMT_EOL;
    }
}

void st_write_format_rom(FILE *out)
{
    fprintf(out, "// generated by syn/selftest/selftest_gen.c: do not edit\n");
    for (unsigned i = 0; i < FMT_DEPTH; i++)
        fprintf(out, "%04x\n", fmt_rom[i]);
}

void st_write_format_defines(FILE *vh)
{
    fprintf(vh, "`define PW_FMT_DEPTH %d\n`define PW_FMT_NIBBLES %d\n", FMT_DEPTH, NIBBLES);
    for (unsigned l = 0; l < LINES_N; l++)
        fprintf(vh, "`define PW_FMT_%s %u\n", LINES[l].name, fmt_start[l]);
    for (unsigned f = 0; f < FIELDS_N; f++)
        fprintf(vh, "`define PW_NIB_%s %u  // %u %s digits\n", FIELDS[f].name, field_base[f],
                FIELDS[f].digits, FIELDS[f].decimal ? "decimal" : "hex");
}
