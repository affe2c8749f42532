/* selftest_gen: the board self-test's page tables and request list, with the
 * result the architectural model (pw_translate) expects for each request.
 *
 * usage: selftest_gen [--seed N] [--requests N] OUTDIR
 *
 * Writes, into OUTDIR:
 *   selftest_pt.hex   the walker memory: 1024 words for $readmemh
 *   selftest_req.hex  the request ROM: 128-bit entries for $readmemh
 *   selftest.vh       the layout both share (Verilog defines)
 *   selftest.vec      the memory the walks touch (m/e lines) and every
 *                     translation with its expected result: a .vec file that
 *                     `pagewalk-model check` accepts
 *   selftest_mem.vec  the same memory lines alone
 *   selftest.stim     the same memory, translations and sfences in the same
 *                     order, one at a time: `pagewalk-model replay --trace` of
 *                     it must agree with the board's UART trace under
 *                     `pagewalk-trace diff --untimed` (docs/fpga.md)
 *
 * The memory and the request layout are documented in docs/fpga.md. The
 * walker memory is modelled here exactly as rtl/board/pw_board_mem.v builds
 * it, aliases and bus errors included, so model and board see one memory.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sv32.h"

/* ------------------------------------------------------------ memory layout */
/* Four 4 KiB tables at PW_MEM_RAM; each keeps 256 PTEs, so PTE index bits 9:8
 * are ignored (an entry answers at four indexes). Anything else is a bus error. */
enum {
    TABLE_BITS = 2,
    INDEX_BITS = 8,
    TABLES = 1 << TABLE_BITS,
    TABLE_WORDS = 1 << INDEX_BITS,
    RAM_WORDS = TABLES * TABLE_WORDS,
    REQ_DEPTH = 256,            /* ROM entries, the end marker included */
    DEFAULT_REQUESTS = 240,     /* translations and sfences */
    MAX_TOUCHED = 4 * REQ_DEPTH,
    STIM_STEP_CYCLES = 64,      /* .stim: cycles from one step to the next */
};
static const uint64_t RAM_BASE = PW_MEM_RAM;
static const uint64_t RAM_BYTES = (uint64_t)TABLES << PW_SV32_PAGE_SHIFT;

/* The tables: two roots (one per ASID), a level-0 table the roots use
 * privately, and one only shared root slots point to (it may hold G leaves). */
enum { ROOT_ASID1, ROOT_ASID2, L0_PRIVATE, L0_SHARED };
static const uint32_t ASID1 = 1, ASID2 = 2;

/* ------------------------------------------------------------ ROM entry */
/* One 128-bit entry:
 *   [127:126] kind: 0 translate, 1 sfence, 2 end
 *   [125:124] access (0 load, 1 store, 2 fetch)   [123:122] priv (0 U, 1 S, 3 M)
 *   [121] SUM  [120] MXR
 *   [119] expected fault  [118:115] expected cause  [114:81] expected PA
 *   [74] sfence all_asid  [73] sfence all_va  [72:64] sfence ASID
 *   [63:32] satp  [31:0] VA (the sfence VA for an sfence) */
enum { KIND_TRANSLATE = 0, KIND_SFENCE = 1, KIND_END = 2 };

typedef struct {
    uint64_t hi, lo;
} rom_entry;

static void put_bits(rom_entry *e, unsigned lsb, unsigned width, uint64_t value)
{
    for (unsigned i = 0; i < width; i++) {
        unsigned bit = lsb + i;
        uint64_t v = (value >> i) & 1u;
        uint64_t *w = bit >= 64 ? &e->hi : &e->lo;
        unsigned pos = bit % 64;
        *w = (*w & ~((uint64_t)1 << pos)) | (v << pos);
    }
}

/* ------------------------------------------------------------ random numbers */
static uint64_t rng_state;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

/* True with probability percent/100. */
static int chance(unsigned percent)
{
    return rnd() % 100 < percent;
}

/* ------------------------------------------------------------ the memory */
static uint32_t ram[RAM_WORDS];

static int ram_index(uint64_t pa, unsigned *index)
{
    if (pa < RAM_BASE || pa >= RAM_BASE + RAM_BYTES)
        return 0;
    uint64_t off = pa - RAM_BASE;
    unsigned table = (unsigned)(off >> PW_SV32_PAGE_SHIFT);
    unsigned pte = (unsigned)(off >> 2) & (TABLE_WORDS - 1);
    *index = table * TABLE_WORDS + pte;
    return 1;
}

static bool board_read(void *ctx, uint64_t pa, uint32_t *value)
{
    (void)ctx;
    unsigned i;
    *value = 0;
    if (!ram_index(pa, &i))
        return false;
    *value = ram[i];
    return true;
}

static bool board_write(void *ctx, uint64_t pa, uint32_t value)
{
    (void)ctx;
    unsigned i;
    if (!ram_index(pa, &i))
        return false;
    ram[i] = value;
    return true;
}

static uint32_t table_ppn(unsigned table)
{
    return (uint32_t)(RAM_BASE >> PW_SV32_PAGE_SHIFT) + table;
}

static uint32_t make_pte(uint32_t ppn, uint32_t flags)
{
    return ((ppn & PW_PTE_PPN_MASK) << PW_PTE_PPN_SHIFT) | flags;
}

/* Random leaf flags (V set); global only when allowed. */
static uint32_t leaf_flags(int global_ok)
{
    uint32_t f = PW_PTE_V;
    if (chance(75)) f |= PW_PTE_R;
    if (chance(f & PW_PTE_R ? 55 : 8)) f |= PW_PTE_W;      /* W without R: reserved */
    if (chance(40) || !(f & (PW_PTE_R | PW_PTE_W))) f |= PW_PTE_X;
    if (chance(50)) f |= PW_PTE_U;
    if (chance(85)) f |= PW_PTE_A;
    if (chance(60)) f |= PW_PTE_D;
    if (global_ok && chance(40)) f |= PW_PTE_G;
    return f;
}

/* A pointer PTE to table, sometimes with reserved A/D/U bits. */
static uint32_t pointer_pte(uint32_t ppn, int global_ok)
{
    uint32_t f = PW_PTE_V;
    if (chance(6)) f |= (chance(50) ? PW_PTE_A : chance(50) ? PW_PTE_D : PW_PTE_U);
    if (global_ok && chance(30)) f |= PW_PTE_G;
    return make_pte(ppn, f);
}

/* One root slot. private_l0: the level-0 table this slot may point to. */
static uint32_t root_pte(int shared)
{
    unsigned k = rnd() % 100;
    if (k < 10)
        return chance(50) ? 0 : make_pte(rnd(), leaf_flags(0) & ~PW_PTE_V);   /* V = 0 */
    if (k < 55) {
        unsigned table = shared && chance(60) ? L0_SHARED : L0_PRIVATE;
        return pointer_pte(table_ppn(table), shared);
    }
    if (k < 62)   /* a pointer outside the RAM: the level-0 read is a bus error */
        return pointer_pte(0x10000u + (rnd() & 0xfffu), shared);
    /* a megapage, PPN[9:0] = 0 unless it is to be misaligned */
    uint32_t ppn = rnd() & PW_PTE_PPN_MASK & ~PW_PTE_PPN0_MASK;
    if (chance(12))
        ppn |= 1u + rnd() % PW_PTE_PPN0_MASK;
    return make_pte(ppn, leaf_flags(shared));
}

static uint32_t l0_pte(int global_ok)
{
    unsigned k = rnd() % 100;
    if (k < 10)
        return 0;
    if (k < 15)   /* a pointer at level 0 */
        return pointer_pte(table_ppn(L0_PRIVATE), 0);
    return make_pte(rnd() & PW_PTE_PPN_MASK, leaf_flags(global_ok));
}

/* Fill the tables. A global translation must mean the same in both address
 * spaces (the TLB may serve it to either), so global PTEs sit only in root
 * slots the two roots share and in the level-0 table only those slots reach. */
static void build_tables(void)
{
    for (unsigned i = 0; i < TABLE_WORDS; i++) {
        int shared = chance(40);
        uint32_t a = root_pte(shared);
        ram[ROOT_ASID1 * TABLE_WORDS + i] = a;
        ram[ROOT_ASID2 * TABLE_WORDS + i] = shared ? a : root_pte(0);
        ram[L0_PRIVATE * TABLE_WORDS + i] = l0_pte(0);
        ram[L0_SHARED * TABLE_WORDS + i] = l0_pte(1);
    }
}

/* ------------------------------------------------------------ requests */
enum { VA_POOL = 12 };
static uint32_t va_pool[VA_POOL];

static uint32_t satp_for(unsigned root, uint32_t asid)
{
    return PW_SATP_MODE | (asid << PW_SATP_ASID_SHIFT) | table_ppn(root);
}

/* The pages the requests visit: more than the TLB holds, so entries are
 * replaced, and few enough that most come back while still cached. */
static void build_va_pool(void)
{
    for (unsigned i = 0; i < VA_POOL; i++)
        va_pool[i] = rnd() & ~PW_VA_OFFSET_MASK;
}

typedef struct {
    uint64_t addr;
    uint32_t value;
    bool error;
} touched_word;

static touched_word touched[MAX_TOUCHED * PW_MAX_STEPS];
static unsigned ntouched;

static int cmp_touched(const void *a, const void *b)
{
    const touched_word *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "selftest_gen: cannot write %s: %s\n", path, strerror(errno));
        exit(2);
    }
    return f;
}

static void close_out(FILE *f)
{
    if (fclose(f) != 0) {
        perror("selftest_gen");
        exit(2);
    }
}

static void write_entry(FILE *f, const rom_entry *e)
{
    fprintf(f, "%016" PRIx64 "%016" PRIx64 "\n", e->hi, e->lo);
}

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
enum { FIELDS_N = sizeof FIELDS / sizeof FIELDS[0], NIBBLES = 114 };

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
enum { LINES_N = sizeof LINES / sizeof LINES[0], FMT_DEPTH = 1024 };

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
static void build_formats(void)
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

static const char *usage = "usage: selftest_gen [--seed N] [--requests N] OUTDIR\n";

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    unsigned requests = DEFAULT_REQUESTS;
    const char *outdir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--requests") && i + 1 < argc)
            requests = (unsigned)strtoul(argv[++i], NULL, 0);
        else if (argv[i][0] != '-' && !outdir)
            outdir = argv[i];
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if (!outdir || requests == 0 || requests >= REQ_DEPTH) {
        fputs(usage, stderr);
        fprintf(stderr, "  --requests: 1 to %d\n", REQ_DEPTH - 1);
        return 2;
    }
    rng_state = seed * 0x9e3779b97f4a7c15ull + 1;

    build_tables();
    build_va_pool();

    FILE *pt = open_out(outdir, "selftest_pt.hex");
    fprintf(pt, "// generated by syn/selftest_gen.c (seed %" PRIu64 "): do not edit\n", seed);
    for (unsigned i = 0; i < RAM_WORDS; i++)
        fprintf(pt, "%08" PRIx32 "\n", ram[i]);
    close_out(pt);

    FILE *req = open_out(outdir, "selftest_req.hex");
    char *tbuf = NULL;
    size_t tlen = 0;
    FILE *tl = open_memstream(&tbuf, &tlen);   /* the t lines, for selftest.vec */
    if (!tl) {
        perror("selftest_gen");
        return 2;
    }
    char *sbuf = NULL;
    size_t slen = 0;
    FILE *sl = open_memstream(&sbuf, &slen);  /* the @ lines, for selftest.stim */
    if (!sl) {
        perror("selftest_gen");
        return 2;
    }
    /* One step at a time, as the board's sequencer runs them: each request
     * long after the last response (the untimed comparison ignores cycles);
     * ctx as the board drives it, from the ROM entry (zero for an sfence). */
    uint64_t cycle = 1;
    fprintf(sl, "@0 reset\n");
    fprintf(req, "// generated by syn/selftest_gen.c (seed %" PRIu64 "): do not edit\n", seed);
    pw_mem port = {.ctx = NULL, .read = board_read, .write = board_write};
    unsigned ntranslate = 0, nsfence = 0, nfault = 0;
    for (unsigned n = 0; n < requests; n++) {
        rom_entry e = {0, 0};
        uint32_t va = va_pool[rnd() % VA_POOL] | (rnd() & PW_VA_OFFSET_MASK);
        if (n > 0 && chance(5)) {
            int all_va = chance(50), all_asid = chance(50);
            uint32_t asid = chance(50) ? ASID1 : ASID2;
            put_bits(&e, 126, 2, KIND_SFENCE);
            put_bits(&e, 74, 1, (uint64_t)all_asid);
            put_bits(&e, 73, 1, (uint64_t)all_va);
            put_bits(&e, 64, 9, asid);
            put_bits(&e, 0, 32, va);
            write_entry(req, &e);
            fprintf(tl, "# sfence va=%08" PRIx32 " asid=%03" PRIx32 " all_va=%d all_asid=%d\n",
                    va, asid, all_va, all_asid);
            fprintf(sl, "@%" PRIu64 " ctx 00000000 0 0\n@%" PRIu64 " sfence %08" PRIx32
                        " %03" PRIx32 " %d %d\n", cycle, cycle, va, asid, all_va, all_asid);
            cycle += STIM_STEP_CYCLES;
            nsfence++;
            continue;
        }
        /* Draw a context; redraw a faulting one now and then, so successes
         * (and with them TLB hits) are not outnumbered by faults. */
        uint32_t satp;
        pw_priv priv;
        pw_access access;
        unsigned access_code;
        pw_context ctx;
        pw_result r;
        for (unsigned tries = 0;; tries++) {
            unsigned k = rnd() % 100;
            satp = k < 60 ? satp_for(ROOT_ASID1, ASID1)
                 : k < 92 ? satp_for(ROOT_ASID2, ASID2)
                 : (rnd() & ~PW_SATP_MODE);                 /* bare */
            k = rnd() % 100;
            priv = k < 45 ? PW_PRIV_U : k < 92 ? PW_PRIV_S : PW_PRIV_M;
            k = rnd() % 3;
            access = k == 0 ? PW_ACCESS_LOAD : k == 1 ? PW_ACCESS_STORE : PW_ACCESS_FETCH;
            access_code = k == 0 ? PW_MMU_ACCESS_LOAD : k == 1 ? PW_MMU_ACCESS_STORE
                                                                : PW_MMU_ACCESS_FETCH;
            ctx = (pw_context){.satp = satp, .priv = priv, .sum = chance(50), .mxr = chance(30),
                               .ad = PW_AD_SVADE};
            pw_translate(&ctx, &port, va, access, &r);
            if (!r.fault || tries == 3 || chance(30))
                break;
        }
        for (unsigned s = 0; s < r.nsteps; s++) {
            touched_word *t = &touched[ntouched++];
            t->addr = r.steps[s].addr;
            t->value = r.steps[s].value;
            t->error = r.steps[s].bus_error;
        }
        put_bits(&e, 126, 2, KIND_TRANSLATE);
        put_bits(&e, 124, 2, access_code);
        put_bits(&e, 122, 2, (uint64_t)priv);
        put_bits(&e, 121, 1, ctx.sum);
        put_bits(&e, 120, 1, ctx.mxr);
        put_bits(&e, 119, 1, r.fault);
        put_bits(&e, 115, 4, r.fault ? r.cause : 0);
        put_bits(&e, 81, 34, r.fault ? 0 : r.pa);
        put_bits(&e, 32, 32, satp);
        put_bits(&e, 0, 32, va);
        write_entry(req, &e);
        char result[32];
        pw_result_text(&r, result, sizeof result);
        fprintf(tl, "t %08" PRIx32 " %s %s %d %d %08" PRIx32 " %s\n", satp, pw_priv_name(priv),
                pw_access_name(access), ctx.sum, ctx.mxr, va, result);
        fprintf(sl, "@%" PRIu64 " ctx %08" PRIx32 " %d %d\n@%" PRIu64 " req %08" PRIx32 " %s %s\n",
                cycle, satp, ctx.sum, ctx.mxr, cycle, va, pw_access_name(access),
                pw_priv_name(priv));
        cycle += STIM_STEP_CYCLES;
        ntranslate++;
        nfault += r.fault;
    }
    rom_entry end = {0, 0};
    put_bits(&end, 126, 2, KIND_END);
    for (unsigned n = requests; n < REQ_DEPTH; n++)   /* the end, and the rest of the ROM */
        write_entry(req, &end);
    close_out(req);
    close_out(tl);

    /* The memory lines: every word a walk touched, once, in address order. */
    qsort(touched, ntouched, sizeof touched[0], cmp_touched);
    FILE *mem = open_out(outdir, "selftest_mem.vec");
    FILE *vec = open_out(outdir, "selftest.vec");
    fprintf(mem, "# generated by syn/selftest_gen.c (seed %" PRIu64 "): the walker memory the\n"
                 "# board self-test's translations read. Put it before a UART capture and\n"
                 "# run `pagewalk-model check` on the result (docs/fpga.md).\n", seed);
    fprintf(vec, "# generated by syn/selftest_gen.c (seed %" PRIu64 "): the board self-test,\n"
                 "# each translation with the result the model expects.\n", seed);
    FILE *both[2] = {mem, vec};
    for (unsigned f = 0; f < 2; f++) {
        fputs("ad svade\n", both[f]);
        for (unsigned i = 0; i < ntouched; i++) {
            if (i > 0 && touched[i].addr == touched[i - 1].addr)
                continue;
            if (touched[i].error)
                fprintf(both[f], "e %09" PRIx64 "\n", touched[i].addr);
            else
                fprintf(both[f], "m %09" PRIx64 " %08" PRIx32 "\n", touched[i].addr,
                        touched[i].value);
        }
    }
    fwrite(tbuf, 1, tlen, vec);
    free(tbuf);
    close_out(mem);
    close_out(vec);

    /* The stimulus: the same memory (errors as e lines), then the steps. */
    close_out(sl);
    FILE *st = open_out(outdir, "selftest.stim");
    fprintf(st, "pagewalk-stimulus 1\n"
                "# generated by syn/selftest_gen.c (seed %" PRIu64 "): the board self-test's\n"
                "# steps, for an untimed comparison with the board's trace (docs/fpga.md)\n"
                "ad svade\ncycles %" PRIu64 "\n", seed, cycle + STIM_STEP_CYCLES);
    for (unsigned i = 0; i < ntouched; i++) {
        if (i > 0 && touched[i].addr == touched[i - 1].addr)
            continue;
        if (touched[i].error)
            fprintf(st, "e %09" PRIx64 "\n", touched[i].addr);
        else
            fprintf(st, "m %09" PRIx64 " %08" PRIx32 "\n", touched[i].addr, touched[i].value);
    }
    fwrite(sbuf, 1, slen, st);
    free(sbuf);
    close_out(st);

    build_formats();
    FILE *fh = open_out(outdir, "selftest_fmt.hex");
    fprintf(fh, "// generated by syn/selftest_gen.c: do not edit\n");
    for (unsigned i = 0; i < FMT_DEPTH; i++)
        fprintf(fh, "%04x\n", fmt_rom[i]);
    close_out(fh);

    FILE *vh = open_out(outdir, "selftest.vh");
    fprintf(vh, "// generated by syn/selftest_gen.c (seed %" PRIu64 "): do not edit\n"
                "`define PW_SELFTEST_TABLE_BITS %d\n"
                "`define PW_SELFTEST_INDEX_BITS %d\n"
                "`define PW_SELFTEST_REQ_DEPTH %d\n"
                "`define PW_SELFTEST_REQUESTS %u\n",
            seed, TABLE_BITS, INDEX_BITS, REQ_DEPTH, requests);
    /* The request-table entry kinds, so pw_selftest_seq.v decodes what this file encodes. */
    fprintf(vh, "`define PW_SELFTEST_KIND_TRANSLATE %d\n`define PW_SELFTEST_KIND_SFENCE %d\n"
                "`define PW_SELFTEST_KIND_END %d\n", KIND_TRANSLATE, KIND_SFENCE, KIND_END);
    fprintf(vh, "`define PW_FMT_DEPTH %d\n`define PW_FMT_NIBBLES %d\n", FMT_DEPTH, NIBBLES);
    for (unsigned l = 0; l < LINES_N; l++)
        fprintf(vh, "`define PW_FMT_%s %u\n", LINES[l].name, fmt_start[l]);
    for (unsigned f = 0; f < FIELDS_N; f++)
        fprintf(vh, "`define PW_NIB_%s %u  // %u %s digits\n", FIELDS[f].name, field_base[f],
                FIELDS[f].digits, FIELDS[f].decimal ? "decimal" : "hex");
    close_out(vh);

    printf("selftest_gen: seed %" PRIu64 ", %u translations (%u faults), %u sfences, "
           "%u memory words touched -> %s\n", seed, ntranslate, nfault, nsfence, ntouched, outdir);
    return 0;
}
