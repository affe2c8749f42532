/* mman.c: mappings. sbrk, mmap, munmap, mprotect and msync on the process's
 * VMA list, and the shared objects behind MAP_SHARED mappings.
 *
 * A shared object is the one copy of a shared mapping's pages that every
 * sharer maps: for a file it is the file's page cache (one object per file,
 * written back to the image by msync, munmap, eviction and the last unmap);
 * for anonymous memory its pages go to swap when evicted. Private mappings
 * have no object: their pages live in the PTEs (frame or swap slot) and are
 * copied on write after fork. */
#include "kernel.h"

struct vmobj {
    uint8_t refs;                 /* VMAs naming it; 0 = free */
    int8_t file;                  /* image file, -1 for anonymous memory */
    uint16_t npages;
    uint16_t frame[OBJ_PAGES];    /* resident frame or FRAME_NONE */
    int16_t slot[OBJ_PAGES];      /* swap slot of an evicted anonymous page, or -1 */
    uint32_t dirty;               /* bit per page: newer than its backing store */
};
static struct vmobj objs[NOBJ];

_Static_assert(OBJ_PAGES <= 32, "the dirty mask has 32 bits");

static int obj_new(int file, uint32_t npages)
{
    for (int o = 0; o < NOBJ; o++) {
        if (objs[o].refs == 0) {
            objs[o].refs = 1;
            objs[o].file = (int8_t)file;
            objs[o].npages = (uint16_t)npages;
            objs[o].dirty = 0;
            for (int i = 0; i < OBJ_PAGES; i++) {
                objs[o].frame[i] = FRAME_NONE;
                objs[o].slot[i] = -1;
            }
            return o;
        }
    }
    return -PW_ENOMEM;
}

int obj_new_anon(uint32_t npages)
{
    if (npages > OBJ_PAGES)
        return -PW_ENOMEM;
    return obj_new(-1, npages);
}

int obj_get_file(int file)
{
    for (int o = 0; o < NOBJ; o++) {
        if (objs[o].refs && objs[o].file == file) {
            objs[o].refs++;
            return o;
        }
    }
    uint32_t npages = PGROUNDUP(fs_size(file)) / PGSIZE;
    return obj_new(file, npages < OBJ_PAGES ? npages : OBJ_PAGES);
}

void obj_ref(int o) { objs[o].refs++; }

uint32_t obj_used_count(void)
{
    uint32_t n = 0;
    for (int o = 0; o < NOBJ; o++)
        n += objs[o].refs != 0;
    return n;
}

void obj_mark_dirty(int o, uint32_t pg) { objs[o].dirty |= 1u << pg; }

/* The frame holding page pg, reading it in when needed. *kind: 0 zero-filled,
 * 1 read from the file, 2 read from swap, 3 already resident. */
int obj_frame(int o, uint32_t pg, int *kind)
{
    struct vmobj *ob = &objs[o];
    if (pg >= ob->npages)
        return -1;
    if (ob->frame[pg] != FRAME_NONE) {
        *kind = 3;
        return ob->frame[pg];
    }
    int f = frame_alloc();
    if (f < 0)
        return -1;
    void *page = (void *)(uintptr_t)frame_pa(f);
    if (ob->slot[pg] >= 0) {
        swap_read(ob->slot[pg], page);
        swap_put(ob->slot[pg]);
        ob->slot[pg] = -1;
        ob->dirty |= 1u << pg;
        *kind = 2;
    } else if (ob->file >= 0) {
        fs_read(ob->file, pg * PGSIZE, page, PGSIZE);
        *kind = 1;
    } else {
        memset(page, 0, PGSIZE);
        *kind = 0;
    }
    frametab[f].obj = (int8_t)o;
    frametab[f].objpage = (uint16_t)pg;
    ob->frame[pg] = (uint16_t)f;
    return f;
}

static void obj_writeback(struct vmobj *ob, uint32_t pg)
{
    fs_write_page(ob->file, pg * PGSIZE, (void *)(uintptr_t)frame_pa(ob->frame[pg]), PGSIZE);
    ob->dirty &= ~(1u << pg);
}

/* Called by the clock on the object's frame f (its mappers' D already folded
 * in): save the page where it belongs. -1 when swap is full. */
int obj_evict_page(int o, uint32_t pg, int f)
{
    struct vmobj *ob = &objs[o];
    if (ob->frame[pg] != f)
        panic("mman: object %d page %u is frame %u, not %d", o, pg, ob->frame[pg], f);
    if (ob->dirty & (1u << pg)) {
        if (ob->file >= 0) {
            obj_writeback(ob, pg);
        } else {
            int slot = swap_alloc();
            if (slot < 0)
                return -1;
            swap_write(slot, (void *)(uintptr_t)frame_pa(f));
            ob->slot[pg] = (int16_t)slot;
            ob->dirty &= ~(1u << pg);
        }
    }
    ob->frame[pg] = FRAME_NONE;
    return 0;
}

/* Write back the dirty pages in [first, end) of a file object (msync, munmap). */
void obj_sync(int o, uint32_t first, uint32_t end)
{
    struct vmobj *ob = &objs[o];
    if (ob->file < 0)
        return;
    for (uint32_t pg = first; pg < end && pg < ob->npages; pg++) {
        if (ob->frame[pg] == FRAME_NONE)
            continue;
        if (frame_dirty(ob->frame[pg])) {
            ob->dirty |= 1u << pg;
            frame_clean(ob->frame[pg]);
        }
        if (ob->dirty & (1u << pg))
            obj_writeback(ob, pg);
    }
}

void obj_put(int o)
{
    struct vmobj *ob = &objs[o];
    if (ob->refs == 0)
        panic("mman: put of free object %d", o);
    if (--ob->refs)
        return;
    for (uint32_t pg = 0; pg < ob->npages; pg++) {
        if (ob->frame[pg] != FRAME_NONE) {
            if (ob->file >= 0 && (ob->dirty & (1u << pg)))
                obj_writeback(ob, pg);
            frame_put(ob->frame[pg]);
            ob->frame[pg] = FRAME_NONE;
        }
        if (ob->slot[pg] >= 0) {
            swap_put(ob->slot[pg]);
            ob->slot[pg] = -1;
        }
    }
}

/* For check.c: does object o hold frame f / slot s? */
int obj_holds_frame(int o, int f)
{
    return objs[o].refs && f >= 0 && frametab[f].obj == o && objs[o].frame[frametab[f].objpage] == f;
}

uint32_t obj_slot_refs(int slot)
{
    uint32_t n = 0;
    for (int o = 0; o < NOBJ; o++)
        if (objs[o].refs)
            for (int pg = 0; pg < OBJ_PAGES; pg++)
                n += objs[o].slot[pg] == slot;
    return n;
}

/* ---------------------------------------------------------------- VMAs */
struct vma *vma_alloc(struct proc *p)
{
    for (int i = 0; i < NVMA; i++) {
        if (!(p->vmas[i].flags & VMA_USED)) {
            p->vmas[i] = (struct vma){ .flags = VMA_USED, .obj = -1 };
            return &p->vmas[i];
        }
    }
    return 0;
}

int vma_overlaps(struct proc *p, uint32_t start, uint32_t end)
{
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if ((v->flags & VMA_USED) && v->start < end && start < v->end && v->start < v->end)
            return 1;
    }
    return 0;
}

/* Split v at page boundary `at` (start < at < end): v keeps [start, at). */
int vma_split(struct proc *p, struct vma *v, uint32_t at)
{
    struct vma *n = vma_alloc(p);
    if (!n)
        return -PW_ENOMEM;
    *n = *v;
    uint32_t rel = at - v->start;
    n->start = at;
    n->off = v->off + rel;
    n->filebytes = v->filebytes > rel ? v->filebytes - rel : 0;
    v->end = at;
    if (n->obj >= 0)
        obj_ref(n->obj);
    return 0;
}

/* Split the VMAs crossing start or end so [start, end) is made of whole VMAs. */
static int vma_isolate(struct proc *p, uint32_t start, uint32_t end)
{
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!(v->flags & VMA_USED))
            continue;
        if (v->start < start && start < v->end) {
            int r = vma_split(p, v, start);
            if (r < 0)
                return r;
        }
    }
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!(v->flags & VMA_USED))
            continue;
        if (v->start < end && end < v->end) {
            int r = vma_split(p, v, end);
            if (r < 0)
                return r;
        }
    }
    return 0;
}

static int range_ok(uint32_t addr, uint32_t len)
{
    return addr % PGSIZE == 0 && len != 0 && addr >= PGSIZE && user_range_ok(addr, len) &&
           PGROUNDUP(addr + len) <= PW_KERNEL_BASE && addr + len > addr;
}

/* Is every page of [start, end) inside some VMA? */
static int range_mapped(struct proc *p, uint32_t start, uint32_t end)
{
    for (uint32_t va = start; va < end; va += PGSIZE)
        if (!vma_find(p, va))
            return 0;
    return 1;
}

static void vma_remove(struct proc *p, struct vma *v)
{
    vm_unmap_range(p, v->start, v->end, 1);
    if (v->obj >= 0) {
        obj_sync(v->obj, v->off / PGSIZE, (v->off + (v->end - v->start)) / PGSIZE);
        obj_put(v->obj);
    }
    v->flags = 0;
}

int32_t sys_munmap(uint32_t addr, uint32_t len)
{
    struct proc *p = curproc;
    if (!range_ok(addr, len))
        return -PW_EINVAL;
    uint32_t end = PGROUNDUP(addr + len);
    int r = vma_isolate(p, addr, end);
    if (r < 0)
        return r;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if ((v->flags & VMA_USED) && v->start >= addr && v->end <= end && !(v->flags & (VMA_HEAP | VMA_STACK)))
            vma_remove(p, v);
        else if ((v->flags & VMA_USED) && v->start >= addr && v->end <= end)
            return -PW_EINVAL;   /* the heap and stack are sbrk's and the kernel's */
    }
    return 0;
}

static uint32_t mmap_place(struct proc *p, uint32_t len)
{
    for (uint32_t a = PW_MMAP_BASE; a + len <= PW_MMAP_TOP && a + len > a; a += PGSIZE) {
        if (!vma_overlaps(p, a, a + len))
            return a;
    }
    return 0;
}

int32_t sys_mmap(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int32_t fd, uint32_t off)
{
    struct proc *p = curproc;
    uint32_t type = flags & (PW_MAP_SHARED | PW_MAP_PRIVATE);
    if (len == 0 || (prot & ~7u) || (flags & ~(uint32_t)(PW_MAP_SHARED | PW_MAP_PRIVATE | PW_MAP_FIXED | PW_MAP_ANONYMOUS)) ||
        (type != PW_MAP_SHARED && type != PW_MAP_PRIVATE) || off % PGSIZE)
        return -PW_EINVAL;
    if (len > PW_MMAP_TOP - PW_MMAP_BASE)
        return -PW_ENOMEM;
    len = PGROUNDUP(len);
    int file = -1, writable = 1;
    if (!(flags & PW_MAP_ANONYMOUS)) {
        int slot = fd - PW_FD_FIRST_FILE;
        if (slot < 0 || slot >= 4 || p->fd_file[slot] < 0)
            return -PW_EBADF;
        file = p->fd_file[slot];
        writable = p->fd_mode[slot] == PW_O_RDWR;
        if (type == PW_MAP_SHARED && (prot & PW_PROT_WRITE) && !writable)
            return -PW_EACCES;
    } else if (off) {
        return -PW_EINVAL;
    }
    if (flags & PW_MAP_FIXED) {
        if (!range_ok(addr, len) || addr + len > PW_MMAP_TOP || addr < PW_USER_TEXT)
            return -PW_EINVAL;
        if (vma_overlaps(p, addr, addr + len)) {
            int r = sys_munmap(addr, len);
            if (r < 0)
                return r;
        }
    } else {
        addr = mmap_place(p, len);
        if (!addr)
            return -PW_ENOMEM;
    }
    int obj = -1;
    if (type == PW_MAP_SHARED) {
        obj = file >= 0 ? obj_get_file(file) : obj_new_anon(len / PGSIZE);
        if (obj < 0)
            return obj;
    }
    struct vma *v = vma_alloc(p);
    if (!v) {
        if (obj >= 0)
            obj_put(obj);
        return -PW_ENOMEM;
    }
    v->start = addr;
    v->end = addr + len;
    v->prot = (uint8_t)prot;
    v->flags = VMA_USED | (type == PW_MAP_SHARED ? VMA_SHARED : 0) | (file >= 0 ? VMA_FILE : 0);
    v->file = (uint8_t)(file >= 0 ? file : 0);
    v->obj = (int8_t)obj;
    v->off = off;
    v->filebytes = file >= 0 && fs_size(file) > off ? fs_size(file) - off : 0;
    if (!writable && type == PW_MAP_SHARED)
        v->flags |= VMA_NOWRITE;
    return (int32_t)addr;
}

int32_t sys_mprotect(uint32_t addr, uint32_t len, uint32_t prot)
{
    struct proc *p = curproc;
    if (!range_ok(addr, len) || (prot & ~7u))
        return -PW_EINVAL;
    if (prot == PW_PROT_NONE)
        return -PW_EINVAL;   /* not supported: a resident page needs a valid leaf PTE */
    uint32_t end = PGROUNDUP(addr + len);
    if (!range_mapped(p, addr, end))
        return -PW_ENOMEM;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if ((v->flags & VMA_USED) && v->start < end && addr < v->end && (v->flags & VMA_NOWRITE) && (prot & PW_PROT_WRITE))
            return -PW_EACCES;
    }
    int r = vma_isolate(p, addr, end);
    if (r < 0)
        return r;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!(v->flags & VMA_USED) || v->start < addr || v->end > end)
            continue;
        v->prot = (uint8_t)prot;
        uint32_t perm = vma_pte_flags(v) & PTE_PERM_MASK;
        for (uint32_t va = v->start; va < v->end; va += PGSIZE) {
            pte_t *pte = walk(p->root, va, 0);
            if (!pte || !(*pte & PW_PTE_V))
                continue;
            uint32_t nperm = perm;
            int f = frame_of_pa(PTE_PA(*pte));
            if (!(v->flags & VMA_SHARED) && (frametab[f].refs > 1 || frametab[f].slot >= 0))
                nperm &= ~PW_PTE_W;   /* still copy-on-write shared (with other PTEs or a swap slot) */
            *pte = (*pte & ~PTE_PERM_MASK) | nperm;
            vm_flush_page(p, va);
        }
    }
    return 0;
}

int32_t sys_msync(uint32_t addr, uint32_t len, uint32_t flags)
{
    struct proc *p = curproc;
    (void)flags;
    if (!range_ok(addr, len))
        return -PW_EINVAL;
    uint32_t end = PGROUNDUP(addr + len);
    if (!range_mapped(p, addr, end))
        return -PW_ENOMEM;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!(v->flags & VMA_USED) || v->obj < 0 || v->end <= addr || v->start >= end)
            continue;
        uint32_t s = v->start > addr ? v->start : addr, e = v->end < end ? v->end : end;
        obj_sync(v->obj, (v->off + (s - v->start)) / PGSIZE, (v->off + (e - v->start)) / PGSIZE);
    }
    return 0;
}

int32_t sys_sbrk(int32_t incr)
{
    struct proc *p = curproc;
    struct vma *heap = 0;
    for (int i = 0; i < NVMA; i++)
        if ((p->vmas[i].flags & VMA_USED) && (p->vmas[i].flags & VMA_HEAP))
            heap = &p->vmas[i];
    if (!heap)
        return -PW_ENOMEM;
    uint32_t old = p->brk, nbrk = old + (uint32_t)incr;
    if ((incr > 0 && (nbrk < old || nbrk > HEAP_MAX)) || (incr < 0 && (nbrk > old || nbrk < p->heap_start)))
        return -PW_ENOMEM;
    uint32_t nend = PGROUNDUP(nbrk);
    if (nend > heap->end) {
        /* the heap VMA must not grow into another mapping */
        heap->flags &= (uint8_t)~VMA_USED;
        int clash = vma_overlaps(p, heap->end, nend);
        heap->flags |= VMA_USED;
        if (clash)
            return -PW_ENOMEM;
    } else if (nend < heap->end) {
        vm_unmap_range(p, nend, heap->end, 1);
    }
    heap->end = nend;
    p->brk = nbrk;
    return (int32_t)old;
}
