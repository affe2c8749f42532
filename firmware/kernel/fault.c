/* fault.c: the page-fault handler, every path of it.
 *
 * vm_fault(p, va, access) is called for a page fault from U-mode, and for one
 * the kernel takes inside copyin/copyout. It either makes the access possible
 * (the faulting instruction is then restarted) or says why not:
 *
 *   PTE present, permission allows the access  -> A/D fault (Svade): set A, D
 *                                                 (a Svadu build counts it too:
 *                                                 it runs on Svade hardware)
 *   PTE present, store, private writable VMA   -> copy-on-write (copy, or the
 *                                                 last sharer regains W)
 *   PTE swapped                                 -> swap-in
 *   PTE empty, shared VMA                       -> the shared object's page
 *   PTE empty, private file VMA                 -> demand paging from the image
 *   PTE empty, anonymous VMA                    -> demand-zero
 *   below the stack, within STACK_MAX        -> the stack grows, then demand-zero
 *   anything else                               -> F_SEGV (the caller kills)
 *   no frame, no swap, no page-table page       -> F_OOM */
#include "kernel.h"

struct vma *vma_find(struct proc *p, uint32_t va)
{
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if ((v->flags & VMA_USED) && va >= v->start && va < v->end)
            return v;
    }
    return 0;
}

uint32_t vma_pte_flags(const struct vma *v)
{
    uint32_t f = PW_PTE_V | PW_PTE_U;
    if (v->prot & PW_PROT_READ)
        f |= PW_PTE_R;
    if (v->prot & PW_PROT_WRITE)
        f |= PW_PTE_R | PW_PTE_W;   /* Sv32 has no write-only pages */
    if (v->prot & PW_PROT_EXEC)
        f |= PW_PTE_X;
    return f;
}

static int prot_allows(uint32_t prot, enum access acc)
{
    switch (acc) {
    case ACC_LOAD: return (prot & (PW_PROT_READ | PW_PROT_WRITE)) != 0;
    case ACC_STORE: return (prot & PW_PROT_WRITE) != 0;
    default: return (prot & PW_PROT_EXEC) != 0;
    }
}

static uint32_t access_bits(enum access acc)
{
    return PW_PTE_A | (acc == ACC_STORE ? PW_PTE_D : 0);
}

/* The A/D bits a fresh mapping starts with. Svade: the kernel sets them for
 * the access being resolved, which saves the A/D fault that would follow.
 * Svadu: none; the hardware sets them as the access retries, so the clock
 * sees exactly what the hardware recorded. */
static uint32_t initial_ad(enum access acc)
{
    return SVADU ? 0 : access_bits(acc);
}

/* Fill private frame f for va of v: file data or zeros. *kind is the
 * statistic to count. */
int page_fill(struct proc *p, struct vma *v, uint32_t va, int f, int *kind)
{
    (void)p;
    uint8_t *page = (uint8_t *)(uintptr_t)frame_pa(f);
    uint32_t rel = va - v->start;
    if ((v->flags & VMA_FILE) && rel < v->filebytes) {
        uint32_t n = v->filebytes - rel < PGSIZE ? v->filebytes - rel : PGSIZE;
        fs_read(v->file, v->off + rel, page, n);
        memset(page + n, 0, PGSIZE - n);
        *kind = 1;
    } else {
        memset(page, 0, PGSIZE);
        *kind = 0;
    }
    return 0;
}

static enum fault_result cow_fault(struct proc *p, struct vma *v, uint32_t va, pte_t *pte, int *mapped)
{
    int f = frame_of_pa(PTE_PA(*pte));
    vmstats.faults_cow++;
    if (frametab[f].refs == 1) {
        fault_kind = PW_COST_COW_REUSE;
        swap_cache_drop(f);   /* about to diverge from the slot it caches */
        *pte |= PW_PTE_W | initial_ad(ACC_STORE);
        vm_flush_page(p, va);
        vmstats.cow_reuses++;
        return F_OK;
    }
    fault_kind = PW_COST_COW_COPY;
    frametab[f].pinned = 1;
    int nf = frame_alloc();
    frametab[f].pinned = 0;
    if (nf < 0)
        return F_OOM;
    memcpy((void *)(uintptr_t)frame_pa(nf), (void *)(uintptr_t)frame_pa(f), PGSIZE);
    rmap_del(f, proc_index(p), va);
    frame_put(f);
    if (rmap_add(nf, proc_index(p), va) < 0)
        panic("fault: no reverse-map entry right after freeing one");
    *pte = PTE_MAKE(frame_pa(nf), vma_pte_flags(v) | initial_ad(ACC_STORE) | PTE_SOFTDIRTY);
    vm_flush_page(p, va);
    vmstats.cow_copies++;
    *mapped = nf;
    return F_OK;
}

/* The stack VMA grows down to USTACK_TOP - STACK_MAX on a fault below it. */
static struct vma *stack_grow(struct proc *p, uint32_t va)
{
    if (va >= USTACK_TOP || va < USTACK_TOP - STACK_MAX)
        return 0;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if ((v->flags & VMA_USED) && (v->flags & VMA_STACK) && va < v->start) {
            uint32_t nstart = PGROUNDDOWN(va);
            if (vma_overlaps(p, nstart, v->start))
                return 0;
            vmstats.stack_growth += (v->start - nstart) / PGSIZE;
            v->start = nstart;
            return v;
        }
    }
    return 0;
}

/* Forward progress: one instruction may need two pages (its fetch and its
 * data). When memory is so tight that only those two frames can be evicted,
 * resolving one fault must not evict the page the previous fault of the same
 * process brought in, or the two would push each other out forever; the
 * process then gets F_OOM instead. */
static enum fault_result fault_resolve(struct proc *p, uint32_t va, enum access acc, int *mapped);
int fault_kind;

enum fault_result vm_fault(struct proc *p, uint32_t va, enum access acc)
{
    int mapped = -1;
    frame_keep = p->last_frame;
    enum fault_result r = fault_resolve(p, va, acc, &mapped);
    frame_keep = -1;
    if (mapped >= 0)
        p->last_frame = (int16_t)mapped;
    return r;
}

static enum fault_result fault_resolve(struct proc *p, uint32_t va, enum access acc, int *mapped)
{
    if (va >= PW_KERNEL_BASE)
        return F_SEGV;
    uint32_t page = PGROUNDDOWN(va);
    int me = proc_index(p);
    pte_t *pte = walk(p->root, page, 0);

    if (pte && (*pte & PW_PTE_V)) {
        uint32_t need = acc == ACC_LOAD ? PW_PTE_R : acc == ACC_STORE ? PW_PTE_W : PW_PTE_X;
        if (*pte & need) {
            /* Svade: the MMU faults when A (or D, on a store) is clear */
            uint32_t add = access_bits(acc);
            if ((*pte & add) != add) {
                *pte |= add;
                vmstats.faults_ad++;
            }
            fault_kind = PW_COST_AD;
            vm_flush_page(p, page);
            return F_OK;
        }
        struct vma *v = vma_find(p, page);
        if (acc == ACC_STORE && v && (v->prot & PW_PROT_WRITE) && !(v->flags & VMA_SHARED))
            return cow_fault(p, v, page, pte, mapped);
        return F_SEGV;
    }

    struct vma *v = vma_find(p, page);
    if (!v)
        v = stack_grow(p, page);
    if (!v || !prot_allows(v->prot, acc))
        return F_SEGV;

    pte = walk(p->root, page, 1);
    if (!pte)
        return F_OOM;
    uint32_t flags = vma_pte_flags(v) | initial_ad(acc);
    int f;
    if (*pte & PTE_SWAPPED) {
        int slot = (int)PTE_SLOT(*pte);
        f = swap_cache[slot];
        if (f >= 0) {
            if (rmap_add(f, me, page) < 0)
                return F_OOM;
            frametab[f].refs++;
            vmstats.faults_shared++;
            fault_kind = PW_COST_SHARED;
        } else {
            f = frame_alloc();
            if (f < 0)
                return F_OOM;
            swap_read(slot, (void *)(uintptr_t)frame_pa(f));
            if (rmap_add(f, me, page) < 0) {
                frame_put(f);
                return F_OOM;
            }
            swap_cache[slot] = (int16_t)f;
            frametab[f].slot = (int16_t)slot;
            vmstats.faults_swapin++;
            fault_kind = PW_COST_SWAPIN;
        }
        /* still shared (other PTEs name the slot or map the frame): copy-on-write */
        flags &= ~(PW_PTE_W | PW_PTE_D);
        *pte = PTE_MAKE(frame_pa(f), flags);
        vm_flush_page(p, page);
        swap_put(slot);   /* the last reference detaches the cache and marks the page soft-dirty */
        *mapped = f;
        return F_OK;
    } else if (v->flags & VMA_SHARED) {
        int kind;
        f = obj_frame(v->obj, (v->off + (page - v->start)) / PGSIZE, &kind);
        if (f < 0)
            return F_OOM;
        if (rmap_add(f, me, page) < 0)
            return F_OOM;
        frametab[f].refs++;
        if (kind == 0)
            vmstats.faults_zero++;
        else if (kind == 1)
            vmstats.faults_file++;
        else if (kind == 2)
            vmstats.faults_swapin++;
        else
            vmstats.faults_shared++;
        static const int cost_of[] = { PW_COST_ZERO, PW_COST_FILE, PW_COST_SWAPIN, PW_COST_SHARED };
        fault_kind = cost_of[kind];
    } else {
        int kind;
        f = frame_alloc();
        if (f < 0)
            return F_OOM;
        if (rmap_add(f, me, page) < 0) {
            frame_put(f);
            return F_OOM;
        }
        page_fill(p, v, page, f, &kind);
        if (kind)
            vmstats.faults_file++;
        else
            vmstats.faults_zero++;
        fault_kind = kind ? PW_COST_FILE : PW_COST_ZERO;
    }
    *pte = PTE_MAKE(frame_pa(f), flags);
    vm_flush_page(p, page);
    *mapped = f;
    return F_OK;
}
