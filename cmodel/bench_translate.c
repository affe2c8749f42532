/* make bench, golden model entry: translations per second on random Sv32
 * page tables, one core. Prints the figure; asserts nothing. */
#include <stdlib.h>
#include <time.h>

#include "sv32.h"

enum {
    TABLES = 16,            /* one root and 15 level-0 tables */
    REQUESTS = 1 << 16,     /* pre-generated, replayed in a loop */
    TABLE_WORDS = 1024,
};
static const uint64_t TABLE_BASE = 0x80000000u;
static const double RUN_SECONDS = 1.0;

typedef struct {
    uint32_t words[TABLES * TABLE_WORDS];
} flat_memory;

typedef struct {
    uint32_t va;
    pw_access access;
    pw_priv priv;
    bool sum, mxr;
} request;

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static bool flat_read(void *ctx, uint64_t pa, uint32_t *value)
{
    flat_memory *m = ctx;
    uint64_t index = (pa - TABLE_BASE) >> 2;
    if (pa < TABLE_BASE || index >= TABLES * TABLE_WORDS)
        return false;
    *value = m->words[index];
    return true;
}

static bool flat_write(void *ctx, uint64_t pa, uint32_t value)
{
    flat_memory *m = ctx;
    uint64_t index = (pa - TABLE_BASE) >> 2;
    if (pa < TABLE_BASE || index >= TABLES * TABLE_WORDS)
        return false;
    m->words[index] = value;
    return true;
}

/* A PTE with random flags; three in four are valid leaves with A and D set,
 * so most walks go all the way down. */
static uint32_t random_leaf(uint64_t *seed)
{
    static const uint32_t perms[] = {PW_PTE_R, PW_PTE_R | PW_PTE_W, PW_PTE_X, PW_PTE_R | PW_PTE_X,
                                     PW_PTE_R | PW_PTE_W | PW_PTE_X};
    uint64_t r = next_random(seed);
    uint32_t ppn = (uint32_t)(r >> 40) & 0x3ffc00; /* PPN[0] = 0: valid as a megapage too */
    if ((r & 3) == 0)
        return (ppn << PW_PTE_PPN_SHIFT) | ((uint32_t)(r >> 8) & 0xff); /* anything at all */
    return (ppn << PW_PTE_PPN_SHIFT) | PW_PTE_V | PW_PTE_A | PW_PTE_D |
           perms[(r >> 2) % 5] | ((uint32_t)r & PW_PTE_U);
}

/* Root entries mostly point at one of the level-0 tables; the rest are leaves. */
static void fill_tables(flat_memory *m, uint64_t *seed)
{
    for (unsigned i = 0; i < TABLES * TABLE_WORDS; i++) {
        if (i < TABLE_WORDS && (next_random(seed) & 3) != 0) {
            uint32_t table = (uint32_t)((TABLE_BASE >> 12) + 1 + next_random(seed) % (TABLES - 1));
            m->words[i] = table << PW_PTE_PPN_SHIFT | PW_PTE_V;
        } else {
            m->words[i] = random_leaf(seed);
        }
    }
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct {
    unsigned long translations;
    unsigned long faults;
    double seconds;
} run_stats;

/* Translate the request list over and over for RUN_SECONDS. */
static run_stats run(flat_memory *m, const request *reqs, pw_ad_policy ad)
{
    pw_mem port = {.ctx = m, .read = flat_read, .write = flat_write};
    pw_context ctx = {.satp = PW_SATP_MODE | (uint32_t)(TABLE_BASE >> 12), .ad = ad};
    unsigned long done = 0, faults = 0;
    double start = now(), elapsed;
    do {
        for (unsigned i = 0; i < REQUESTS; i++) {
            pw_result r;
            ctx.priv = reqs[i].priv;
            ctx.sum = reqs[i].sum;
            ctx.mxr = reqs[i].mxr;
            pw_translate(&ctx, &port, reqs[i].va, reqs[i].access, &r);
            faults += r.fault;
        }
        done += REQUESTS;
        elapsed = now() - start;
    } while (elapsed < RUN_SECONDS);
    return (run_stats){.translations = done, .faults = faults, .seconds = elapsed};
}

int main(void)
{
    static const pw_access accesses[] = {PW_ACCESS_LOAD, PW_ACCESS_STORE, PW_ACCESS_FETCH};
    static const pw_priv privs[] = {PW_PRIV_U, PW_PRIV_S};
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    flat_memory *m = malloc(sizeof *m);
    request *reqs = malloc(REQUESTS * sizeof *reqs);
    if (!m || !reqs) {
        fputs("pagewalk-bench: out of memory\n", stderr);
        return 1;
    }
    fill_tables(m, &seed);
    for (unsigned i = 0; i < REQUESTS; i++) {
        reqs[i].va = (uint32_t)next_random(&seed);
        reqs[i].access = accesses[next_random(&seed) % 3];
        reqs[i].priv = privs[next_random(&seed) & 1];
        reqs[i].sum = next_random(&seed) & 1;
        reqs[i].mxr = next_random(&seed) & 1;
    }
    static const pw_ad_policy policies[] = {PW_AD_SVADE, PW_AD_SVADU};
    for (unsigned p = 0; p < 2; p++) {
        run_stats st = run(m, reqs, policies[p]);
        printf("golden model (%s): %.1f M translations/s on random Sv32 tables, one core "
               "(%lu translations, %.0f%% faults; target >= 20 M/s)\n", pw_ad_name(policies[p]),
               (double)st.translations / st.seconds / 1e6, st.translations,
               100.0 * (double)st.faults / (double)st.translations);
    }
    free(m);
    free(reqs);
    return 0;
}
