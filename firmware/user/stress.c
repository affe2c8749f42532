/* stress: seeded random virtual-memory traffic until told to stop.
 *
 * usage: stress [seed [workers [ops]]]
 * Workers map and unmap anonymous regions, write them with patterns, verify
 * them, and now and then fork a child that rewrites its copy-on-write view
 * while the worker checks its own stays intact. The parent watches the
 * workers' operation counts in a shared page and sets the stop flag there
 * once they reach `ops` together; every worker then verifies everything it
 * holds and reports the bytes it lost. Any lost byte fails the run. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

enum { MAX_WORKERS = 4, REGIONS = 6, MAX_PAGES = 3 };

struct control {
    volatile uint32_t stop;
    volatile uint32_t ops[MAX_WORKERS];
    volatile uint32_t lost[MAX_WORKERS];
    volatile uint32_t forks[MAX_WORKERS];
};

struct region { uint32_t *base; uint32_t pages, gen; };
static struct region reg[REGIONS];
static uint32_t rng;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static uint32_t word(const struct region *r, uint32_t i) { return (uint32_t)(uintptr_t)r->base ^ (i * 0x01000193u) ^ (r->gen * 0x9e3779b9u); }

static void fill(struct region *r)
{
    for (uint32_t i = 0; i < r->pages * 1024; i++)
        r->base[i] = word(r, i);
}

static uint32_t lost(const struct region *r)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->pages * 1024; i++) {
        uint32_t x = r->base[i] ^ word(r, i);
        if (!x)
            continue;
        n += (x & 0xff) != 0;
        n += (x & 0xff00) != 0;
        n += (x & 0xff0000) != 0;
        n += (x >> 24) != 0;
    }
    return n;
}

static uint32_t lost_all(void)
{
    uint32_t n = 0;
    for (int i = 0; i < REGIONS; i++)
        if (reg[i].base)
            n += lost(&reg[i]);
    return n;
}

static void worker(struct control *c, int id, uint32_t seed)
{
    rng = seed * 2654435761u + (uint32_t)id + 1;
    uint32_t bad = 0;
    while (!c->stop) {
        struct region *r = &reg[next() % REGIONS];
        switch (next() % 8) {
        case 0: case 1:   /* map a new region, or unmap after checking it */
            if (!r->base) {
                r->pages = 1 + next() % MAX_PAGES;
                r->base = mmap(0, r->pages * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
                if (r->base == MAP_FAILED) {
                    r->base = 0;
                    bad++;
                    break;
                }
                r->gen = next();
                fill(r);
            } else {
                bad += lost(r);
                munmap(r->base, r->pages * 4096);
                r->base = 0;
            }
            break;
        case 2: case 3:   /* rewrite */
            if (r->base) {
                bad += lost(r);
                r->gen++;
                fill(r);
            }
            break;
        case 4: {         /* fork: the child scribbles on its copies, we must not see it */
            pid_t pid = fork();
            if (pid == 0) {
                uint32_t b = lost_all();
                for (int i = 0; i < REGIONS; i++)
                    if (reg[i].base) {
                        reg[i].gen += 77;
                        fill(&reg[i]);
                    }
                b += lost_all();
                _exit(b ? 1 : 0);
            }
            if (pid > 0) {
                int st = -1;
                wait(&st);
                bad += st != 0;
                c->forks[id]++;
            }
            bad += lost_all();
            break;
        }
        default:          /* verify one region */
            if (r->base)
                bad += lost(r);
            break;
        }
        c->ops[id]++;
    }
    bad += lost_all();
    c->lost[id] = bad;
    _exit(bad ? 1 : 0);
}

int main(int argc, char **argv)
{
    uint32_t seed = argc > 1 ? (uint32_t)strtoul(argv[1], 0, 0) : 1;
    int workers = argc > 2 ? atoi(argv[2]) : 3;
    uint32_t ops = argc > 3 ? (uint32_t)strtoul(argv[3], 0, 0) : 300;
    if (workers < 1 || workers > MAX_WORKERS) {
        printf("stress: workers must be 1..%d\n", MAX_WORKERS);
        return 2;
    }
    struct control *c = mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_SHARED | PW_MAP_ANONYMOUS, -1, 0);
    CHECK(c != MAP_FAILED, "mmap control page");
    uint32_t t0 = 0, t1 = 0;
    __asm__ volatile("rdtime %0" : "=r"(t0));
    for (int i = 0; i < workers; i++) {
        pid_t pid = fork();
        if (pid == 0)
            worker(c, i, seed);
        CHECK(pid > 0, "fork worker %d", i);
    }
    for (;;) {
        uint32_t total = 0;
        for (int i = 0; i < workers; i++)
            total += c->ops[i];
        if (total >= ops)
            break;
        sched_yield();
    }
    c->stop = 1;
    int failed = 0, st;
    for (int i = 0; i < workers; i++) {
        wait(&st);
        failed += st != 0;
    }
    __asm__ volatile("rdtime %0" : "=r"(t1));
    uint32_t total = 0, lostb = 0, forks = 0;
    for (int i = 0; i < workers; i++) {
        total += c->ops[i];
        lostb += c->lost[i];
        forks += c->forks[i];
    }
    CHECK(failed == 0 && lostb == 0, "%d workers failed, %lu bytes lost", failed, (unsigned long)lostb);
    printf("stress: seed %lu, %d workers told to stop after %lu operations: %lu bytes lost\n", (unsigned long)seed,
           workers, (unsigned long)ops, (unsigned long)lostb);
    printf("[t] stress: %lu operations (%lu forks) in %lu timer ticks\n", (unsigned long)total, (unsigned long)forks,
           (unsigned long)(t1 - t0));
    return ut_exit("stress");
}
