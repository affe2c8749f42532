/* check.c: the consistency pass. Recomputes from the page tables everything
 * the kernel keeps as counts, and compares:
 *   - every present PTE maps a pool frame, lies in a VMA, asks for no more
 *     than the VMA allows, has U set, and has a reverse-map entry;
 *   - a private page shared by several PTEs is never writable (copy-on-write);
 *   - a shared VMA's page is its object's frame;
 *   - no PTE is both present and swapped; a swapped PTE names a used slot;
 *   - frame reference counts = mapping PTEs + 1 if an object holds it;
 *   - swap slot counts = PTEs + object pages naming them;
 *   - page-table pages in use = the kernel root + each live space's tables;
 *   - with no process left, nothing is in use at all.
 * Returns the number of problems found (each printed). Run after every exit
 * (CHECK_ON_EXIT) and at the end of every suite. */
#include "kernel.h"

static uint16_t exp_refs[FRAMES];
static uint16_t exp_rmap[FRAMES];
static uint16_t exp_slot[SWAP_SLOTS];

static int problem(int *bad, const char *what, int pid, uint32_t va, uint32_t v)
{
    check_failed("%s (pid %d va 0x%08x value 0x%08x)", what, pid, va, v);
    return ++*bad;
}

static int check_pte(struct proc *p, uint32_t va, pte_t pte, int *bad)
{
    struct vma *v = vma_find(p, va);
    if (!v)
        return problem(bad, "PTE outside every mapping", p->pid, va, pte);
    if (pte & PW_PTE_V) {
        int f = frame_of_pa(PTE_PA(pte));
        if (f < 0)
            return problem(bad, "PTE maps a frame outside the pool", p->pid, va, pte);
        if (!(pte & PW_PTE_U))
            return problem(bad, "user PTE without U", p->pid, va, pte);
        if ((pte & PTE_PERM_MASK) & ~(vma_pte_flags(v) & PTE_PERM_MASK))
            return problem(bad, "PTE allows more than its mapping", p->pid, va, pte);
        exp_refs[f]++;
        exp_rmap[f]++;
        if (v->flags & VMA_SHARED) {
            if (frametab[f].obj != v->obj || !obj_holds_frame(v->obj, f))
                return problem(bad, "shared mapping's PTE is not its object's frame", p->pid, va, pte);
        } else if (frametab[f].obj >= 0) {
            return problem(bad, "private PTE maps an object frame", p->pid, va, pte);
        } else if ((pte & PW_PTE_W) && frametab[f].slot >= 0) {
            return problem(bad, "writable PTE on a swap-cached frame", p->pid, va, pte);
        } else if ((pte & PW_PTE_W) && frametab[f].refs > 1) {
            return problem(bad, "writable PTE on a shared copy-on-write frame", p->pid, va, pte);
        }
    } else if (pte & PTE_SWAPPED) {
        uint32_t slot = PTE_SLOT(pte);
        if (slot >= SWAP_SLOTS || (v->flags & VMA_SHARED))
            return problem(bad, "bad swap entry", p->pid, va, pte);
        exp_slot[slot]++;
    } else {
        return problem(bad, "malformed non-present PTE", p->pid, va, pte);
    }
    return 0;
}

int check_consistency(void)
{
    int bad = 0;
    uint32_t pt_used = 1;   /* the kernel root */
    memset(exp_refs, 0, sizeof exp_refs);
    memset(exp_rmap, 0, sizeof exp_rmap);
    memset(exp_slot, 0, sizeof exp_slot);
    for (int f = 0; f < FRAMES; f++)
        if (frametab[f].refs && frametab[f].obj >= 0 && obj_holds_frame(frametab[f].obj, f))
            exp_refs[f]++;
    for (int s = 0; s < SWAP_SLOTS; s++)
        exp_slot[s] = (uint16_t)obj_slot_refs(s);

    for (int i = 0; i < NPROC; i++) {
        struct proc *p = proc_by_index(i);
        if (p->state == P_UNUSED || !p->root)
            continue;
        pt_used++;
        pte_t *root = (pte_t *)(uintptr_t)p->root;
        for (uint32_t l1 = 0; l1 < (PW_KERNEL_BASE >> 22); l1++) {
            if (!(root[l1] & PW_PTE_V))
                continue;
            if (root[l1] & PTE_PERM_MASK) {
                problem(&bad, "user megapage", p->pid, l1 << 22, root[l1]);
                continue;
            }
            pt_used++;
            pte_t *l0 = (pte_t *)(uintptr_t)PTE_PA(root[l1]);
            for (uint32_t j = 0; j < 1024; j++)
                if (l0[j])
                    check_pte(p, (l1 << 22) | (j << 12), l0[j], &bad);
        }
    }
    for (int f = 0; f < FRAMES; f++) {
        if (frametab[f].refs != exp_refs[f])
            problem(&bad, "frame reference count differs from its mappings", -1, frame_pa(f), frametab[f].refs);
        uint32_t n = rmap_count(f);
        if (n != exp_rmap[f])
            problem(&bad, "reverse map differs from the page tables", -1, frame_pa(f), n);
    }
    for (int s = 0; s < SWAP_SLOTS; s++) {
        int f = swap_cache[s];
        if (f >= 0 && (f >= FRAMES || frametab[f].slot != s || !frametab[f].refs || !swap_refs[s]))
            problem(&bad, "swap cache entry does not match its frame", -1, (uint32_t)s, (uint32_t)f);
    }
    for (int f = 0; f < FRAMES; f++)
        if (frametab[f].slot >= 0 && swap_cache[frametab[f].slot] != f)
            problem(&bad, "frame caches a slot the swap cache does not name", -1, frame_pa(f), (uint32_t)frametab[f].slot);
    for (int s = 0; s < SWAP_SLOTS; s++)
        if (swap_refs[s] != exp_slot[s])
            problem(&bad, "swap slot count differs from its users", -1, (uint32_t)s, swap_refs[s]);
    if (PT_PAGES - pt_pages_free() != pt_used)
        problem(&bad, "page-table pages in use differ from the live spaces", -1, 0, PT_PAGES - pt_pages_free());
    if (!procs_alive() && obj_used_count())
        problem(&bad, "shared objects left with no process", -1, 0, obj_used_count());
    if (!procs_alive() && rmap_free_count() != RMAP_NODES)
        problem(&bad, "reverse-map entries leaked", -1, 0, rmap_free_count());
    return bad;
}
