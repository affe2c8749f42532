/* selftest_gen: the board self-test's page tables and request list, with the
 * result the architectural model (pw_translate) gives for each request. Those
 * expected results are a snapshot of the golden model's answers, not an
 * independent reference: they check the RTL, never the model itself.
 *
 * usage: selftest_gen [--seed N] [--requests N] OUTDIR
 *
 * Writes, into OUTDIR:
 *   selftest_pt.hex   the walker memory: 1024 words for $readmemh
 *   selftest_req.hex  the request ROM: 128-bit entries for $readmemh
 *   selftest.vh       the layout both share (Verilog defines)
 *   selftest.vec      the memory the walks touch (m/e lines) and every
 *                     translation with its expected result, as a .vec file
 *                     (the model's own answers: checking it with
 *                     `pagewalk-model check` would prove nothing)
 *   selftest_mem.vec  the same memory lines alone
 *   selftest.stim     the same memory, translations and sfences in the same
 *                     order, one at a time: `pagewalk-model replay --trace` of
 *                     it must agree with the board's UART trace under
 *                     `pagewalk-trace diff --untimed` (docs/fpga.md)
 *
 * The memory and the request layout are documented in docs/fpga.md. The
 * walker memory (selftest_tables.c) is modelled exactly as
 * rtl/board/pw_board_mem.v builds it, aliases and bus errors included, so
 * model and board see one memory; the UART line templates are in
 * selftest_formats.c. The .vec and .stim files are written by the model's
 * own writers (cmodel/vec.h, cmodel/stim.h).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "selftest_gen.h"
#include "stim.h"
#include "vec.h"

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

/* ------------------------------------------------------------ requests */
enum { VA_POOL = 12 };

/* The pages the requests visit: more than the TLB holds, so entries are
 * replaced, and few enough that most come back while still cached. */
static void build_va_pool(st_rng *r, uint32_t *pool)
{
    for (unsigned i = 0; i < VA_POOL; i++)
        pool[i] = st_rand(r) & ~PW_VA_OFFSET_MASK;
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
    st_rng rng_state;
    st_rng *rng = &rng_state;
    st_rng_seed(rng, seed);
    static st_board board;
    uint32_t va_pool[VA_POOL];
    st_build_tables(&board, rng);
    build_va_pool(rng, va_pool);

    FILE *pt = open_out(outdir, "selftest_pt.hex");
    fprintf(pt, "// generated by syn/selftest/selftest_gen.c (seed %" PRIu64 "): do not edit\n", seed);
    for (unsigned i = 0; i < RAM_WORDS; i++)
        fprintf(pt, "%08" PRIx32 "\n", board.ram[i]);
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
    pw_stim_print_reset(sl, 0);
    fprintf(req, "// generated by syn/selftest/selftest_gen.c (seed %" PRIu64 "): do not edit\n", seed);
    pw_mem port = st_board_port(&board);
    unsigned ntranslate = 0, nsfence = 0, nfault = 0;
    for (unsigned n = 0; n < requests; n++) {
        rom_entry e = {0, 0};
        uint32_t va = va_pool[st_rand(rng) % VA_POOL] | (st_rand(rng) & PW_VA_OFFSET_MASK);
        if (n > 0 && st_chance(rng, 5)) {
            int all_va = st_chance(rng, 50), all_asid = st_chance(rng, 50);
            uint32_t asid = st_chance(rng, 50) ? ASID1 : ASID2;
            put_bits(&e, 126, 2, KIND_SFENCE);
            put_bits(&e, 74, 1, (uint64_t)all_asid);
            put_bits(&e, 73, 1, (uint64_t)all_va);
            put_bits(&e, 64, 9, asid);
            put_bits(&e, 0, 32, va);
            write_entry(req, &e);
            fprintf(tl, "# sfence va=%08" PRIx32 " asid=%03" PRIx32 " all_va=%d all_asid=%d\n",
                    va, asid, all_va, all_asid);
            pw_stim_print_ctx(sl, cycle, 0, false, false);
            pw_stim_print_sfence(sl, cycle, va, asid, all_va, all_asid);
            cycle += STIM_STEP_CYCLES;
            nsfence++;
            continue;
        }
        /* Draw a context; redraw a faulting one now and then, so successes
         * (and with them TLB hits) are not outnumbered by faults. */
        uint32_t satp;
        pw_priv priv;
        pw_access access;
        pw_context ctx;
        pw_result r;
        for (unsigned tries = 0;; tries++) {
            unsigned k = st_rand(rng) % 100;
            satp = k < 60 ? st_satp_for(ROOT_ASID1, ASID1)
                 : k < 92 ? st_satp_for(ROOT_ASID2, ASID2)
                 : (st_rand(rng) & ~PW_SATP_MODE);                 /* bare */
            k = st_rand(rng) % 100;
            priv = k < 45 ? PW_PRIV_U : k < 92 ? PW_PRIV_S : PW_PRIV_M;
            k = st_rand(rng) % 3;
            access = k == 0 ? PW_ACCESS_LOAD : k == 1 ? PW_ACCESS_STORE : PW_ACCESS_FETCH;
            ctx = (pw_context){.satp = satp, .priv = priv, .sum = st_chance(rng, 50), .mxr = st_chance(rng, 30),
                               .ad = PW_AD_SVADE};
            pw_translate(&ctx, &port, va, access, &r);
            if (!r.fault || tries == 3 || st_chance(rng, 30))
                break;
        }
        for (unsigned s = 0; s < r.nsteps; s++) {
            touched_word *t = &touched[ntouched++];
            t->addr = r.steps[s].addr;
            t->value = r.steps[s].value;
            t->error = r.steps[s].bus_error;
        }
        put_bits(&e, 126, 2, KIND_TRANSLATE);
        put_bits(&e, 124, 2, pw_mmu_access_port(access));
        put_bits(&e, 122, 2, (uint64_t)priv);
        put_bits(&e, 121, 1, ctx.sum);
        put_bits(&e, 120, 1, ctx.mxr);
        put_bits(&e, 119, 1, r.fault);
        put_bits(&e, 115, 4, r.fault ? r.cause : 0);
        put_bits(&e, 81, 34, r.fault ? 0 : r.pa);
        put_bits(&e, 32, 32, satp);
        put_bits(&e, 0, 32, va);
        write_entry(req, &e);
        pw_vec_print_translate(tl, &ctx, access, va, &r);
        pw_stim_print_ctx(sl, cycle, satp, ctx.sum, ctx.mxr);
        pw_stim_print_req(sl, cycle, va, pw_mmu_access_port(access), pw_mmu_priv_port(priv));
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
    fprintf(mem, "# generated by syn/selftest/selftest_gen.c (seed %" PRIu64 "): the walker memory the\n"
                 "# board self-test's translations read. Put it before a UART capture and\n"
                 "# run `pagewalk-model check` on the result (docs/fpga.md).\n", seed);
    fprintf(vec, "# generated by syn/selftest/selftest_gen.c (seed %" PRIu64 "): the board self-test,\n"
                 "# each translation with the golden model's own answer (a snapshot of the\n"
                 "# model, to check the RTL with; not an independent reference).\n", seed);
    FILE *both[2] = {mem, vec};
    for (unsigned f = 0; f < 2; f++) {
        pw_vec_print_ad(both[f], PW_AD_SVADE);
        for (unsigned i = 0; i < ntouched; i++) {
            if (i > 0 && touched[i].addr == touched[i - 1].addr)
                continue;
            if (touched[i].error)
                pw_vec_print_error(both[f], touched[i].addr);
            else
                pw_vec_print_word(both[f], touched[i].addr, touched[i].value);
        }
    }
    fwrite(tbuf, 1, tlen, vec);
    free(tbuf);
    close_out(mem);
    close_out(vec);

    /* The stimulus: the same memory (errors as e lines), then the steps. */
    close_out(sl);
    FILE *st = open_out(outdir, "selftest.stim");
    char comment[256];
    snprintf(comment, sizeof comment, "generated by syn/selftest/selftest_gen.c (seed %" PRIu64 "): the board "
             "self-test's\nsteps, for an untimed comparison with the board's trace (docs/fpga.md)", seed);
    pw_stim_print_header(st, comment, PW_AD_SVADE, cycle + STIM_STEP_CYCLES);
    for (unsigned i = 0; i < ntouched; i++) {
        if (i > 0 && touched[i].addr == touched[i - 1].addr)
            continue;
        if (touched[i].error)
            pw_stim_print_error(st, touched[i].addr);
        else
            pw_stim_print_word(st, touched[i].addr, touched[i].value);
    }
    fwrite(sbuf, 1, slen, st);
    free(sbuf);
    close_out(st);

    st_build_formats();
    FILE *fh = open_out(outdir, "selftest_fmt.hex");
    st_write_format_rom(fh);
    close_out(fh);

    FILE *vh = open_out(outdir, "selftest.vh");
    fprintf(vh, "// generated by syn/selftest/selftest_gen.c (seed %" PRIu64 "): do not edit\n"
                "`define PW_SELFTEST_TABLE_BITS %d\n"
                "`define PW_SELFTEST_INDEX_BITS %d\n"
                "`define PW_SELFTEST_REQ_DEPTH %d\n"
                "`define PW_SELFTEST_REQUESTS %u\n",
            seed, TABLE_BITS, INDEX_BITS, REQ_DEPTH, requests);
    /* The request-table entry kinds, so pw_selftest_seq.v decodes what this file encodes. */
    fprintf(vh, "`define PW_SELFTEST_KIND_TRANSLATE %d\n`define PW_SELFTEST_KIND_SFENCE %d\n"
                "`define PW_SELFTEST_KIND_END %d\n", KIND_TRANSLATE, KIND_SFENCE, KIND_END);
    st_write_format_defines(vh);
    close_out(vh);

    printf("selftest_gen: seed %" PRIu64 ", %u translations (%u faults), %u sfences, "
           "%u memory words touched -> %s\n", seed, ntranslate, nfault, nsfence, ntouched, outdir);
    return 0;
}
