/* wsweep: the working-set sweep. Touches W pages round-robin for several
 * rounds with F frames, for W from F/4 to 2F, and prints the page faults per
 * access. While W fits in the pool the faults are only the first touches; at
 * W near F (the pool also holds this program's text and stack) the clock
 * starts evicting, and round-robin access over more pages than frames faults
 * on every access: the thrashing cliff. `make plots` draws these lines.
 *
 * usage: wsweep [rounds] */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

static uint32_t faults(const struct pw_vmstats *s)
{
    return s->faults_zero + s->faults_file + s->faults_swapin + s->faults_cow + s->faults_ad + s->faults_shared;
}

int main(int argc, char **argv)
{
    uint32_t rounds = argc > 1 ? (uint32_t)atoi(argv[1]) : 4;
    struct pw_vmstats s;
    vmstats(&s);
    uint32_t F = s.frames_total;
    printf("wsweep: F=%lu frames, %lu rounds\n", (unsigned long)F, (unsigned long)rounds);
    printf("wsweep: W accesses faults swapins\n");
    for (uint32_t w8 = 2; w8 <= 16; w8++) {          /* W = F/4 .. 2F in steps of F/8 */
        uint32_t W = F * w8 / 8;
        volatile uint32_t *m = mmap(0, W * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
        CHECK(m != MAP_FAILED, "mmap %lu pages", (unsigned long)W);
        if (m == MAP_FAILED)
            break;
        for (uint32_t p = 0; p < W; p++)             /* first touch: not counted */
            m[p * 1024] = p;
        struct pw_vmstats a, b;
        vmstats(&a);
        uint32_t bad = 0;
        for (uint32_t r = 0; r < rounds; r++)
            for (uint32_t p = 0; p < W; p++)
                bad += m[p * 1024] != p;
        vmstats(&b);
        CHECK(bad == 0, "W=%lu: %lu pages lost", (unsigned long)W, (unsigned long)bad);
        /* fault counts include A/D faults, which depend on the engine: [t] */
        printf("[t] wsweep: %lu %lu %lu %lu\n", (unsigned long)W, (unsigned long)(rounds * W),
               (unsigned long)(faults(&b) - faults(&a)), (unsigned long)(b.faults_swapin - a.faults_swapin));
        munmap((void *)m, W * 4096);
    }
    return ut_exit("wsweep");
}
