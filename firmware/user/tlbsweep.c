/* tlbsweep: TLB reach. Touches P resident pages round-robin and reads the
 * MMU's counters (our SoC's counter block, through vmstats) before and
 * after: the misses per access jump once P pages (plus the loop's code and
 * stack pages and the kernel's megapage) no longer fit the TLB. `make plots`
 * runs it on SoC builds with 4 to 32 TLB entries. Engines without the
 * counter block (QEMU) only say so.
 *
 * usage: tlbsweep [rounds] */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

static const uint32_t sizes[] = { 1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40 };

int main(int argc, char **argv)
{
    uint32_t rounds = argc > 1 ? (uint32_t)atoi(argv[1]) : 16;
    struct pw_vmstats a, b;
    vmstats(&a);
    if (!a.mmu_present) {
        printf("tlbsweep: no MMU counter block on this engine\n");
        return 0;
    }
    printf("tlbsweep: P accesses hits misses walks\n");
    for (unsigned k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        uint32_t P = sizes[k];
        volatile uint32_t *m = mmap(0, P * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
        CHECK(m != MAP_FAILED, "mmap %lu pages", (unsigned long)P);
        if (m == MAP_FAILED)
            break;
        for (uint32_t p = 0; p < P; p++)
            m[p * 1024] = p;
        uint32_t bad = 0;
        vmstats(&a);
        for (uint32_t r = 0; r < rounds; r++)
            for (uint32_t p = 0; p < P; p++)
                bad += m[p * 1024] != p;
        vmstats(&b);
        CHECK(bad == 0, "P=%lu: wrong data", (unsigned long)P);
        printf("[t] tlbsweep: %lu %lu %lu %lu %lu\n", (unsigned long)P, (unsigned long)(rounds * P),
               (unsigned long)(b.mmu_hits - a.mmu_hits), (unsigned long)(b.mmu_misses - a.mmu_misses),
               (unsigned long)(b.mmu_walks - a.mmu_walks));
        munmap((void *)m, P * 4096);
    }
    return ut_exit("tlbsweep");
}
