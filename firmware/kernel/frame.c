/* frame.c: the physical frame pool (FRAMES pages) that holds every user page,
 * its reverse map, and eviction by the clock algorithm.
 *
 * A frame's refs counts the PTEs that map it, plus one while a shared object
 * holds it (invariant checked by check.c: refs == reverse-map entries + held).
 * The reverse map lists each (process, va) that maps a frame, so eviction can
 * reach every PTE: a copy-on-write page shared by five processes is evicted
 * once and all five PTEs then name the same swap slot.
 *
 * The clock hand sweeps the frames; a frame whose mappers have A set gets a
 * second chance (A cleared in each PTE, each with an sfence.vma for that page
 * and ASID), one with A clear everywhere is the victim: dirty victims go to
 * swap (or back to their file), clean ones are dropped. */
#include "kernel.h"

static uint8_t frame_pool[FRAMES][PGSIZE] __attribute__((aligned(PGSIZE), section(".pool.frames")));
struct frame frametab[FRAMES];
static struct rmap_node rmap_nodes[RMAP_NODES];
static int16_t rmap_free_head;
static int clock_hand;
int frame_keep = -1;

void frames_init(void)
{
    for (int i = 0; i < FRAMES; i++)
        frametab[i] = (struct frame){ .refs = 0, .rmap = -1, .obj = -1, .pinned = 0, .objpage = 0, .slot = -1 };
    for (int i = 0; i < RMAP_NODES; i++)
        rmap_nodes[i].next = (int16_t)(i + 1 < RMAP_NODES ? i + 1 : -1);
    rmap_free_head = 0;
}

uint32_t frame_pa(int f) { return (uint32_t)(uintptr_t)frame_pool[f]; }

int frame_of_pa(uint32_t pa)
{
    uint32_t base = (uint32_t)(uintptr_t)frame_pool;
    if (pa < base || pa >= base + FRAMES * PGSIZE || pa % PGSIZE)
        return -1;
    return (int)((pa - base) / PGSIZE);
}

uint32_t frames_free_count(void)
{
    uint32_t n = 0;
    for (int i = 0; i < FRAMES; i++)
        n += frametab[i].refs == 0;
    return n;
}

uint32_t rmap_free_count(void)
{
    uint32_t n = 0;
    for (int16_t i = rmap_free_head; i >= 0; i = rmap_nodes[i].next)
        n++;
    return n;
}

int rmap_add(int f, int proc, uint32_t va)
{
    int16_t n = rmap_free_head;
    if (n < 0)
        return -1;
    rmap_free_head = rmap_nodes[n].next;
    rmap_nodes[n] = (struct rmap_node){ .next = frametab[f].rmap, .proc = (uint8_t)proc, .va = va };
    frametab[f].rmap = n;
    return 0;
}

void rmap_del(int f, int proc, uint32_t va)
{
    for (int16_t *link = &frametab[f].rmap; *link >= 0; link = &rmap_nodes[*link].next) {
        struct rmap_node *r = &rmap_nodes[*link];
        if (r->proc == proc && r->va == va) {
            int16_t n = *link;
            *link = r->next;
            rmap_nodes[n].next = rmap_free_head;
            rmap_free_head = n;
            return;
        }
    }
    panic("frame: frame %d has no reverse-map entry for proc %d va 0x%08x", f, proc, va);
}

void frame_put(int f)
{
    if (frametab[f].refs == 0)
        panic("frame: put of free frame %d", f);
    if (--frametab[f].refs == 0) {
        if (frametab[f].rmap >= 0) {
            /* a reference count went wrong: keep the frame (a leak, not a reuse) */
            check_failed("frame %d lost its last reference while still mapped", f);
            frametab[f].refs = 1;
            return;
        }
        if (frametab[f].slot >= 0) {
            swap_cache[frametab[f].slot] = -1;
            frametab[f].slot = -1;
        }
        frametab[f].obj = -1;
        frametab[f].pinned = 0;
    }
}

/* The PTE behind a reverse-map node. */
static pte_t *rmap_pte(const struct rmap_node *r, struct proc **pp)
{
    struct proc *p = proc_by_index(r->proc);
    pte_t *pte = walk(p->root, r->va, 0);
    if (!pte || !(*pte & PW_PTE_V))
        panic("frame: reverse map names pid %d va 0x%08x, which maps nothing", p->pid, r->va);
    *pp = p;
    return pte;
}

void frame_mark_softdirty(int f)
{
    struct proc *p;
    for (int16_t i = frametab[f].rmap; i >= 0; i = rmap_nodes[i].next)
        *rmap_pte(&rmap_nodes[i], &p) |= PTE_SOFTDIRTY;
}

int frame_dirty(int f)
{
    struct proc *p;
    for (int16_t i = frametab[f].rmap; i >= 0; i = rmap_nodes[i].next)
        if (*rmap_pte(&rmap_nodes[i], &p) & (PW_PTE_D | PTE_SOFTDIRTY))
            return 1;
    return 0;
}

void frame_clean(int f)
{
    struct proc *p;
    for (int16_t i = frametab[f].rmap; i >= 0; i = rmap_nodes[i].next) {
        pte_t *pte = rmap_pte(&rmap_nodes[i], &p);
        if (*pte & (PW_PTE_D | PTE_SOFTDIRTY)) {
            *pte &= ~(PW_PTE_D | PTE_SOFTDIRTY);
            vm_flush_page(p, rmap_nodes[i].va);
        }
    }
}

/* Second chance: 1 when any mapper had A set (and clears it everywhere). */
static int frame_referenced(int f)
{
    struct proc *p;
    int seen = 0;
    for (int16_t i = frametab[f].rmap; i >= 0; i = rmap_nodes[i].next) {
        pte_t *pte = rmap_pte(&rmap_nodes[i], &p);
        if (*pte & PW_PTE_A) {
            seen = 1;
            *pte &= ~PW_PTE_A;
            vm_flush_page(p, rmap_nodes[i].va);
        }
    }
    return seen;
}

/* Replace every mapper's PTE with newpte (0 or a swap entry) and drop their
 * references. A fresh slot arrives with one reference (first = 1); a cached
 * slot needs one per mapper (first = 0). */
static void frame_unmap_all(int f, pte_t newpte, int first)
{
    struct proc *p;
    while (frametab[f].rmap >= 0) {
        struct rmap_node *r = &rmap_nodes[frametab[f].rmap];
        uint32_t va = r->va;
        int proc = r->proc;
        pte_t *pte = rmap_pte(r, &p);
        *pte = newpte;
        if ((newpte & PTE_SWAPPED) && !first)
            swap_ref((int)PTE_SLOT(newpte));
        first = 0;
        vm_flush_page(p, va);
        rmap_del(f, proc, va);
        frametab[f].refs--;
    }
}

/* Evict f: returns 0 when f is free afterwards, -1 when it must stay (no swap). */
static int frame_evict(int f)
{
    int dirty = frame_dirty(f);
    if (frametab[f].obj >= 0) {
        int o = frametab[f].obj;
        uint32_t pg = frametab[f].objpage;
        if (dirty)
            obj_mark_dirty(o, pg);
        if (obj_evict_page(o, pg, f) < 0)
            return -1;
        frame_unmap_all(f, 0, 1);
        if (frametab[f].refs != 1)
            panic("frame: object frame %d has %u references after unmapping", f, frametab[f].refs);
        frame_put(f);
    } else if (frametab[f].slot >= 0) {
        /* swap cache: the slot still holds this clean page */
        int slot = frametab[f].slot;
        swap_cache[slot] = -1;
        frametab[f].slot = -1;
        frame_unmap_all(f, PTE_MAKE_SWAPPED(slot), 0);
        vmstats.evict_clean++;
    } else if (dirty) {
        int slot = swap_alloc();
        if (slot < 0)
            return -1;
        swap_write(slot, frame_pool[f]);
        frame_unmap_all(f, PTE_MAKE_SWAPPED(slot), 1);
    } else {
        frame_unmap_all(f, 0, 1);
        vmstats.evict_clean++;
    }
    if (frametab[f].refs != 0)
        panic("frame: evicted frame %d still has %u references", f, frametab[f].refs);
    frametab[f].obj = -1;
    vmstats.evictions++;
    return 0;
}

/* A free frame (refs = 1 for the caller), evicting one when the pool is empty. */
int frame_alloc(void)
{
    int f = -1;
    for (int i = 0; i < FRAMES; i++) {
        if (frametab[i].refs == 0) {
            f = i;
            break;
        }
    }
    /* the clock: at most two sweeps (the first may only clear A bits) */
    for (int step = 0; f < 0 && step < 2 * FRAMES + 1; step++) {
        int c = clock_hand;
        clock_hand = (clock_hand + 1) % FRAMES;
        if (frametab[c].pinned || frametab[c].refs == 0 || c == frame_keep)
            continue;
        if (frame_referenced(c))
            continue;
        if (frame_evict(c) == 0)
            f = c;
    }
    if (f < 0)
        return -1;
    frametab[f] = (struct frame){ .refs = 1, .rmap = -1, .obj = -1, .pinned = 0, .objpage = 0, .slot = -1 };
    return f;
}

/* For check.c: the length of f's reverse map. */
uint32_t rmap_count(int f)
{
    uint32_t n = 0;
    for (int16_t i = frametab[f].rmap; i >= 0; i = rmap_nodes[i].next)
        n++;
    return n;
}
