/* swap.c: swap slots and the swap cache. A slot holds one page; its
 * reference count is the number of PTEs (or shared-object pages) that name
 * it, so a page swapped out while copy-on-write shared stays shared in swap.
 *
 * The swap cache keeps such a page shared when it comes back: the first
 * sharer to fault reads the slot into a frame and records it in swap_cache[];
 * the other sharers then map that same frame (read-only: it is still
 * copy-on-write shared). A cached frame is clean by construction, so evicting
 * it only turns its PTEs back into references to the slot. */
#include "kernel.h"

uint8_t swap_refs[SWAP_SLOTS];
int16_t swap_cache[SWAP_SLOTS] = { [0 ... SWAP_SLOTS - 1] = -1 };
static int swap_hand;

int swap_alloc(void)
{
    for (int i = 0; i < SWAP_SLOTS; i++) {
        int s = (swap_hand + i) % SWAP_SLOTS;
        if (swap_refs[s] == 0) {
            swap_refs[s] = 1;
            swap_hand = (s + 1) % SWAP_SLOTS;
            return s;
        }
    }
    return -1;
}

void swap_ref(int slot)
{
    if (swap_refs[slot] == 0xff)
        panic("swap: slot %d reference count overflow", slot);
    swap_refs[slot]++;
}

void swap_put(int slot)
{
    if (slot < 0 || slot >= SWAP_SLOTS || swap_refs[slot] == 0)
        panic("swap: put of free slot %d", slot);
    if (--swap_refs[slot] == 0 && swap_cache[slot] >= 0)
        swap_cache_drop(swap_cache[slot]);   /* the frame is now the only copy */
}

/* Detach frame f from the slot it caches: its content now lives only in the
 * frame, so its mappers are marked soft-dirty (evicting it must write it). */
void swap_cache_drop(int f)
{
    int slot = frametab[f].slot;
    if (slot < 0)
        return;
    swap_cache[slot] = -1;
    frametab[f].slot = -1;
    frame_mark_softdirty(f);
}

uint32_t swap_free_count(void)
{
    uint32_t n = 0;
    for (int i = 0; i < SWAP_SLOTS; i++)
        n += swap_refs[i] == 0;
    return n;
}

void swap_write(int slot, const void *page)
{
    for (uint32_t i = 0; i < PGSIZE / SECTOR_BYTES; i++)
        blk_write(BLK_SWAP, (uint32_t)slot * (PGSIZE / SECTOR_BYTES) + i, (const uint8_t *)page + i * SECTOR_BYTES);
    vmstats.swap_writes++;
}

void swap_read(int slot, void *page)
{
    for (uint32_t i = 0; i < PGSIZE / SECTOR_BYTES; i++)
        blk_read(BLK_SWAP, (uint32_t)slot * (PGSIZE / SECTOR_BYTES) + i, (uint8_t *)page + i * SECTOR_BYTES);
    vmstats.swap_reads++;
}
