/* vm.c: page tables, address spaces and ASIDs, and the kernel's only way
 * into user memory (copyin/copyout).
 *
 * The kernel is one 4 MiB megapage mapped VA = PA at 0x80000000 with U=0 and
 * G=1; every root page table holds that entry, so the kernel runs in any
 * address space and a user touch of it faults. Page-table pages come from
 * their own pool (PT_PAGES), apart from the user frame pool. Each process
 * has an ASID: switching spaces writes satp only; a reused ASID is flushed
 * before its new owner runs. */
#include "kernel.h"

static uint8_t pt_pool[PT_PAGES][PGSIZE] __attribute__((aligned(PGSIZE), section(".pool.pt")));
static uint8_t pt_used[PT_PAGES];
uint32_t kernel_root;

static uint32_t asid_max;      /* highest usable ASID (0: no ASIDs, flush on every switch) */
static uint8_t asid_used[512];

uint32_t pt_alloc(void)
{
    for (int i = 0; i < PT_PAGES; i++) {
        if (!pt_used[i]) {
            pt_used[i] = 1;
            memset(pt_pool[i], 0, PGSIZE);
            return (uint32_t)(uintptr_t)pt_pool[i];
        }
    }
    return 0;
}

void pt_free(uint32_t pa)
{
    uint32_t i = (pa - (uint32_t)(uintptr_t)pt_pool) / PGSIZE;
    if (pa < (uint32_t)(uintptr_t)pt_pool || i >= PT_PAGES || !pt_used[i] || pa % PGSIZE)
        panic("vm: free of a page-table page that is not in use (0x%08x)", pa);
    pt_used[i] = 0;
}

uint32_t pt_pages_free(void)
{
    uint32_t n = 0;
    for (int i = 0; i < PT_PAGES; i++)
        n += !pt_used[i];
    return n;
}

static uint32_t satp_for(uint32_t root, uint32_t asid)
{
    return PW_SATP_MODE | (asid << PW_SATP_ASID_SHIFT) | (root >> PGSHIFT);
}

void vm_init(void)
{
    kernel_root = pt_alloc();
    pte_t *root = (pte_t *)(uintptr_t)kernel_root;
    uint32_t k = PW_MEM_RAM;
    root[k >> 22] = PTE_MAKE(k, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X | PW_PTE_G | PW_PTE_A | PW_PTE_D);
    /* how many ASID bits does satp keep? */
    csr_write(satp, satp_for(kernel_root, PW_SATP_ASID_MASK));
    uint32_t bits = (csr_read(satp) >> PW_SATP_ASID_SHIFT) & PW_SATP_ASID_MASK;
    csr_write(satp, satp_for(kernel_root, 0));
    sfence_vma_all();
    _Static_assert(ASIDS >= NPROC && ASIDS <= 511, "every process needs an ASID of its own");
    asid_max = bits >= ASIDS ? ASIDS : 0;
    printk("vm: Sv32 on, kernel megapage at 0x%08x, %u ASIDs in use\n", k, asid_max);
}

/* The lowest free ASID. A process that exits (or execs) frees its ASID
 * without flushing its pages one by one, and the next fork takes the ASID
 * again at once, so its translations may still sit in the TLB: they are
 * flushed here, once, before the new owner runs. */
uint32_t asid_alloc(void)
{
    if (!asid_max)
        return 0;
    for (uint32_t a = 1; a <= asid_max; a++) {
        if (!asid_used[a]) {
            asid_used[a] = 1;
            sfence_vma_asid(a);    /* stale translations of its last owner */
            return a;
        }
    }
    panic("vm: out of ASIDs");
}

void asid_free(uint32_t asid)
{
    if (asid)
        asid_used[asid] = 0;
}

uint32_t vm_new_root(void)
{
    uint32_t r = pt_alloc();
    if (r) {
        uint32_t k = PW_MEM_RAM >> 22;
        ((pte_t *)(uintptr_t)r)[k] = ((pte_t *)(uintptr_t)kernel_root)[k];
    }
    return r;
}

pte_t *walk(uint32_t root, uint32_t va, int alloc)
{
    if (va >= PW_KERNEL_BASE)
        return 0;
    pte_t *l1 = (pte_t *)(uintptr_t)root + (va >> 22);
    if (!(*l1 & PW_PTE_V)) {
        if (!alloc)
            return 0;
        uint32_t t = pt_alloc();
        if (!t)
            return 0;
        *l1 = PTE_MAKE(t, PW_PTE_V);
    }
    return (pte_t *)(uintptr_t)PTE_PA(*l1) + ((va >> PGSHIFT) & 0x3ff);
}

void vm_activate(struct proc *p)
{
    csr_write(satp, satp_for(p->root, p->asid));
    if (!asid_max)
        sfence_vma_all();
}

void vm_flush_page(struct proc *p, uint32_t va)
{
    if (asid_max)
        sfence_vma_page(va, p->asid);
    else
        __asm__ volatile("sfence.vma %0, zero" : : "r"(va) : "memory");
}

/* Remove the pages of [start, end) from p's page table: frames lose a
 * reference (a shared object's page keeps its frame; D is folded into the
 * object), swap slots lose a reference. flush: sfence.vma each page; a whole
 * address space going away skips it, as its ASID is flushed before reuse. */
void vm_unmap_range(struct proc *p, uint32_t start, uint32_t end, int flush)
{
    for (uint32_t va = start; va < end; va += PGSIZE) {
        pte_t *pte = walk(p->root, va, 0);
        if (!pte || !*pte)
            continue;
        if (*pte & PW_PTE_V) {
            int f = frame_of_pa(PTE_PA(*pte));
            if (f < 0)
                panic("vm: pid %d va 0x%08x maps 0x%08x outside the frame pool", p->pid, va, PTE_PA(*pte));
            if (frametab[f].obj >= 0 && (*pte & (PW_PTE_D | PTE_SOFTDIRTY)))
                obj_mark_dirty(frametab[f].obj, frametab[f].objpage);
            rmap_del(f, proc_index(p), va);
            *pte = 0;
            if (flush)
                vm_flush_page(p, va);
            frame_put(f);
        } else if (*pte & PTE_SWAPPED) {
            swap_put((int)PTE_SLOT(*pte));
            *pte = 0;
        } else {
            panic("vm: pid %d va 0x%08x has a malformed PTE 0x%08x", p->pid, va, *pte);
        }
    }
}

/* Release the whole user address space, its page tables and its ASID. */
void vm_free_space(struct proc *p)
{
    if (!p->root)
        return;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!(v->flags & VMA_USED))
            continue;
        vm_unmap_range(p, v->start, v->end, 0);
        if (v->obj >= 0)
            obj_put(v->obj);
        v->flags = 0;
    }
    /* pages outside every mapping (none expected) are caught by check.c */
    pte_t *root = (pte_t *)(uintptr_t)p->root;
    for (uint32_t i = 0; i < (PW_KERNEL_BASE >> 22); i++) {
        if (root[i] & PW_PTE_V) {
            pte_t *l0 = (pte_t *)(uintptr_t)PTE_PA(root[i]);
            for (int j = 0; j < 1024; j++)
                if (l0[j])
                    panic("vm: pid %d: PTE 0x%08x left at va 0x%08x after unmapping", p->pid, l0[j], (i << 22) | ((uint32_t)j << 12));
            pt_free(PTE_PA(root[i]));
            root[i] = 0;
        }
    }
    if (curproc == p)
        csr_write(satp, satp_for(kernel_root, 0));
    pt_free(p->root);
    p->root = 0;
    asid_free(p->asid);
    p->asid = 0;
}

/* ---------------------------------------------------------------- user copies */
int copy_user(void *dst, const void *src, uint32_t n);
int copy_user_str(char *dst, const char *src, uint32_t max);

int user_range_ok(uint32_t va, uint32_t n)
{
    return va < PW_KERNEL_BASE && n <= PW_KERNEL_BASE - va;
}

int copyin(void *dst, uint32_t usrc, uint32_t n)
{
    if (!user_range_ok(usrc, n))
        return -PW_EFAULT;
    csr_set(sstatus, PW_MSTATUS_SUM);
    int r = copy_user(dst, (const void *)(uintptr_t)usrc, n);
    csr_clear(sstatus, PW_MSTATUS_SUM);
    return r ? -PW_EFAULT : 0;
}

int copyout(uint32_t udst, const void *src, uint32_t n)
{
    if (!user_range_ok(udst, n))
        return -PW_EFAULT;
    csr_set(sstatus, PW_MSTATUS_SUM);
    int r = copy_user((void *)(uintptr_t)udst, src, n);
    csr_clear(sstatus, PW_MSTATUS_SUM);
    return r ? -PW_EFAULT : 0;
}

/* Copy a NUL-terminated string of at most max-1 characters. Returns its length,
 * -PW_EFAULT, or -PW_E2BIG when it does not fit. */
int copyinstr(char *dst, uint32_t usrc, uint32_t max)
{
    if (usrc >= PW_KERNEL_BASE)
        return -PW_EFAULT;
    if (max > PW_KERNEL_BASE - usrc)
        max = PW_KERNEL_BASE - usrc;
    csr_set(sstatus, PW_MSTATUS_SUM);
    int r = copy_user_str(dst, (const char *)(uintptr_t)usrc, max);
    csr_clear(sstatus, PW_MSTATUS_SUM);
    if (r == -1)
        return -PW_EFAULT;
    if (r == -2)
        return -PW_E2BIG;
    return r;
}
