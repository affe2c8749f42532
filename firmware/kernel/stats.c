/* stats.c: the kernel's VM statistics (pw_abi.h) and, on our SoC, the MMU's
 * hit/miss/walk counters, read through the M-mode layer (which probes for
 * the counter block: it is absent on QEMU). */
#include "kernel.h"
#include "sbi.h"

struct pw_vmstats vmstats;

void stats_fill(struct pw_vmstats *s)
{
    *s = vmstats;
    s->frames_total = FRAMES;
    s->frames_free = frames_free_count();
    s->swap_total = SWAP_SLOTS;
    s->swap_free = swap_free_count();
    uint32_t *mmu[] = { &s->mmu_hits, &s->mmu_misses, &s->mmu_walks, &s->mmu_faults, &s->mmu_walk_cycles };
    s->mmu_present = 1;
    for (uint32_t i = 0; i < 5; i++) {
        struct sbiret r = sbi_call(SBI_MMU_COUNTER, i, 0);
        *mmu[i] = r.a0;
        if (!r.a1)
            s->mmu_present = 0;
    }
}
