/* swap: use more memory than the frame pool holds. The clock evicts dirty
 * pages to swap and reads them back on fault; every byte must survive, also
 * for pages shared copy-on-write with a child while they sit in swap. */
#include <stdint.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

static uint32_t word(uint32_t page, uint32_t i, uint32_t gen) { return (page << 16 | i) ^ (gen * 0x85ebca6bu); }

static void fill_range(uint32_t *m, uint32_t first, uint32_t pages, uint32_t gen)
{
    for (uint32_t p = first; p < first + pages; p++)
        for (uint32_t i = 0; i < 1024; i++)
            m[p * 1024 + i] = word(p, i, gen);
}

/* Bytes of pages [first, first + pages) of m that differ from generation gen. */
static uint32_t bad_range(const uint32_t *m, uint32_t first, uint32_t pages, uint32_t gen)
{
    uint32_t bad = 0;
    for (uint32_t p = first; p < first + pages; p++)
        for (uint32_t i = 0; i < 1024; i++) {
            uint32_t x = m[p * 1024 + i] ^ word(p, i, gen);
            if (!x)
                continue;
            bad += (x & 0xff) != 0;
            bad += (x & 0xff00) != 0;
            bad += (x & 0xff0000) != 0;
            bad += (x >> 24) != 0;
        }
    return bad;
}

static uint32_t bad_bytes(const uint32_t *m, uint32_t pages, uint32_t gen) { return bad_range(m, 0, pages, gen); }
static void fill(uint32_t *m, uint32_t pages, uint32_t gen) { fill_range(m, 0, pages, gen); }

int main(void)
{
    struct pw_vmstats s0, s1;
    vmstats(&s0);
    uint32_t pages = s0.frames_total + s0.frames_total / 2;   /* 1.5 times the pool */
    uint32_t *m = sbrk((intptr_t)pages * 4096);
    CHECK(m != (void *)-1, "sbrk of %lu pages", (unsigned long)pages);
    fill(m, pages, 1);
    uint32_t bad = bad_bytes(m, pages, 1);
    CHECK(bad == 0, "%lu bytes lost after one pass", (unsigned long)bad);
    bad = bad_bytes(m, pages, 1);
    CHECK(bad == 0, "%lu bytes lost after two passes", (unsigned long)bad);
    vmstats(&s1);
    CHECK(s1.evictions > s0.evictions, "no evictions");
    CHECK(s1.swap_writes > s0.swap_writes && s1.swap_reads > s0.swap_reads, "swap not used (writes %lu reads %lu)",
          (unsigned long)(s1.swap_writes - s0.swap_writes), (unsigned long)(s1.swap_reads - s0.swap_reads));

    printf("swap: %lu pages through a pool of %lu frames, every byte verified\n", (unsigned long)pages,
           (unsigned long)s0.frames_total);
    printf("[t] swap: evictions %lu, swap writes %lu, reads %lu\n", (unsigned long)(s1.evictions - s0.evictions),
           (unsigned long)(s1.swap_writes - s0.swap_writes), (unsigned long)(s1.swap_reads - s0.swap_reads));

    /* swapped pages shared copy-on-write: the child rewrites half, both verify */
    pid_t pid = fork();
    if (pid < 0) {
        printf("swap: no process for the copy-on-write part (a one-process profile)\n");
        return ut_exit("swap");
    }
    if (pid == 0) {
        /* the child reads everything back (through the swap cache: shared with
         * the parent's slots), rewrites the first quarter, and rewrites the
         * last quarter after an mprotect, which must keep those pages
         * copy-on-write: the parent's swap entries still name their slots */
        uint32_t q = pages / 4, mid = pages - 2 * q;
        uint32_t b = bad_bytes(m, pages, 1);
        fill_range(m, 0, q, 2);
        if (mprotect(m + (q + mid) * 1024, q * 4096, PW_PROT_READ | PW_PROT_WRITE) != 0)
            b++;
        fill_range(m, q + mid, q, 3);
        for (int pass = 0; pass < 2; pass++)
            b += bad_range(m, 0, q, 2) + bad_range(m, q, mid, 1) + bad_range(m, q + mid, q, 3);
        if (b)
            printf("swap: the child lost %lu bytes\n", (unsigned long)b);
        _exit(b ? 1 : 0);
    }
    int st = -1;
    CHECK(wait(&st) == pid && st == 0, "the child lost bytes (status 0x%x)", st);
    bad = bad_bytes(m, pages, 1);
    CHECK(bad == 0, "%lu bytes lost in the parent after the child ran", (unsigned long)bad);
    printf("swap: shared through fork while swapped: the child's copies and the parent's pages verified\n");
    return ut_exit("swap");
}
