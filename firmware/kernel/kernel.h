/* kernel.h: the kernel's types and the functions each subsystem offers.
 *
 * Subsystems, one file each: printk.c (console), trap.c (trap dispatch and
 * scheduling), proc.c (processes, fork, exit, wait), exec.c (execve), vm.c
 * (page tables, ASIDs), fault.c (the page-fault handler), frame.c (the frame
 * pool, reverse map, clock eviction), swap.c (swap slots), blk.c (the block
 * driver over the image and swap regions), fs.c (the file table), mman.c
 * (mmap, munmap, mprotect, msync, shared objects), syscall.c, check.c (the
 * consistency pass), stats.c. */
#ifndef KERNEL_H
#define KERNEL_H

#include <stddef.h>
#include <stdint.h>
#include "param.h"
#include "riscv.h"
#include "pw_abi.h"

typedef uint32_t pte_t;

/* ---------------------------------------------------------------- software PTE bits
 * A PTE with V=0 is ours: 0 means "never touched: fault it in from its
 * mapping"; PTE_SWAPPED marks a page in swap, its slot in the PPN field.
 * A PTE is never both present (V=1) and swapped. */
#define PTE_SWAPPED  PW_PTE_R                               /* only meaningful with V=0 */
#define PTE_SOFTDIRTY (1u << PW_PTE_RSW_SHIFT)              /* content differs from its source */
#define PTE_PERM_MASK (PW_PTE_R | PW_PTE_W | PW_PTE_X)
#define PTE_PPN(pte) (((pte) >> PW_PTE_PPN_SHIFT) & PW_PTE_PPN_MASK)
#define PTE_MAKE(pa, flags) ((((pa) >> PGSHIFT) << PW_PTE_PPN_SHIFT) | (flags))
#define PTE_PA(pte) (PTE_PPN(pte) << PGSHIFT)
#define PTE_SLOT(pte) PTE_PPN(pte)
#define PTE_MAKE_SWAPPED(slot) (((uint32_t)(slot) << PW_PTE_PPN_SHIFT) | PTE_SWAPPED)

#define PGROUNDDOWN(a) ((a) & ~(PGSIZE - 1))
#define PGROUNDUP(a) (((a) + PGSIZE - 1) & ~(PGSIZE - 1))

/* ---------------------------------------------------------------- mappings */
enum { VMA_USED = 1, VMA_SHARED = 2, VMA_FILE = 4, VMA_HEAP = 8, VMA_STACK = 16, VMA_NOWRITE = 32 };

struct vma {
    uint32_t start, end;  /* page-aligned [start, end) */
    uint8_t prot;         /* PW_PROT_* */
    uint8_t flags;        /* VMA_* */
    uint8_t file;         /* image file index (VMA_FILE) */
    int8_t obj;           /* shared object (VMA_SHARED), else -1 */
    uint32_t off;         /* file offset (or object byte offset) of start */
    uint32_t filebytes;   /* private file mapping: bytes of file data from start; the rest is zero */
};

/* ---------------------------------------------------------------- processes */
enum procstate { P_UNUSED, P_RUNNABLE, P_WAITING, P_ZOMBIE };

struct trapframe {
    uint32_t x[32];       /* x[0] unused */
    uint32_t pc;
};

struct proc {
    struct trapframe tf;  /* first: entry.S addresses it through sscratch */
    enum procstate state;
    int pid;
    int parent;           /* index in procs[], -1 for init */
    uint32_t asid;
    uint32_t root;        /* physical address of the root page table */
    struct vma vmas[NVMA];
    uint32_t heap_start, brk;
    int status;           /* wait status once a zombie */
    int16_t last_frame;   /* the frame its last fault mapped (see fault.c) */
    int8_t fd_file[4];    /* open image files: fd 3 + i, -1 when closed */
    uint8_t fd_mode[4];
    char name[16];
};

extern struct proc procs[NPROC];
extern struct proc *curproc;

/* ---------------------------------------------------------------- printk.c */
void printk(const char *fmt, ...);
void kputs(const char *s);
_Noreturn void panic(const char *fmt, ...);
void check_failed(const char *fmt, ...);   /* report a broken invariant ("check: ..."); the run fails */
extern int check_failures;
int ksnprintf(char *buf, size_t n, const char *fmt, ...);

/* ---------------------------------------------------------------- sbi (entry.S) */
struct sbiret { uint32_t a0, a1; };
struct sbiret sbi_call(uint32_t fn, uint32_t a0, uint32_t a1);
uint64_t sbi_time(void);
_Noreturn void sbi_shutdown(uint32_t code);

/* ---------------------------------------------------------------- lib.c */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
void strlcpy_k(char *d, const char *s, size_t n);

/* ---------------------------------------------------------------- uaccess (entry.S + vm.c) */
int copyin(void *dst, uint32_t usrc, uint32_t n);
int copyout(uint32_t udst, const void *src, uint32_t n);
int copyinstr(char *dst, uint32_t usrc, uint32_t max);
int user_range_ok(uint32_t va, uint32_t n);

/* ---------------------------------------------------------------- vm.c */
void vm_init(void);
uint32_t pt_alloc(void);
void pt_free(uint32_t pa);
uint32_t pt_pages_free(void);
pte_t *walk(uint32_t root, uint32_t va, int alloc);
uint32_t vm_new_root(void);
void vm_free_space(struct proc *p);
void vm_activate(struct proc *p);
void vm_flush_page(struct proc *p, uint32_t va);
uint32_t asid_alloc(void);
void asid_free(uint32_t asid);
void vm_unmap_range(struct proc *p, uint32_t start, uint32_t end, int flush);
extern uint32_t kernel_root;

/* ---------------------------------------------------------------- frame.c */
#define FRAME_NONE 0xffffu
struct frame {
    uint16_t refs;       /* PTEs mapping it, plus 1 while a shared object holds it */
    int16_t rmap;        /* first reverse-map node, -1 for none */
    int8_t obj;          /* shared object owning it, -1 for a private frame */
    uint8_t pinned;      /* not a victim while the kernel uses it */
    uint16_t objpage;    /* page index inside obj */
    int16_t slot;        /* swap cache: the slot whose content this clean frame holds, or -1 */
};
struct rmap_node {
    int16_t next;
    uint8_t proc;        /* index in procs[] */
    uint32_t va;
};
extern struct frame frametab[FRAMES];
extern int frame_keep;                 /* not a victim during the current fault, or -1 */
void frames_init(void);
int frame_alloc(void);                 /* index, or -1 when nothing can be evicted */
void frame_put(int f);                 /* drop one reference; free at zero */
uint32_t frame_pa(int f);
int frame_of_pa(uint32_t pa);          /* -1 when pa is not a pool frame */
int rmap_add(int f, int proc, uint32_t va);
void rmap_del(int f, int proc, uint32_t va);
uint32_t frames_free_count(void);
uint32_t rmap_free_count(void);
uint32_t rmap_count(int f);
int frame_dirty(int f);                /* any mapper's D or SOFTDIRTY; clears nothing */
void frame_clean(int f);               /* clear D in every mapper (with sfence) */
void frame_mark_softdirty(int f);

/* ---------------------------------------------------------------- swap.c */
int swap_alloc(void);
void swap_ref(int slot);
void swap_put(int slot);
uint32_t swap_free_count(void);
void swap_write(int slot, const void *page);
void swap_read(int slot, void *page);
extern uint8_t swap_refs[SWAP_SLOTS];
extern int16_t swap_cache[SWAP_SLOTS];
void swap_cache_drop(int f);           /* f stops caching its slot (f is about to change) */

/* ---------------------------------------------------------------- blk.c */
enum blkdev { BLK_IMAGE, BLK_SWAP };
void blk_read(enum blkdev dev, uint32_t sector, void *buf);
void blk_write(enum blkdev dev, uint32_t sector, const void *buf);
uint32_t blk_sectors(enum blkdev dev);

/* ---------------------------------------------------------------- fs.c */
int fs_init(void);
int fs_lookup(const char *name);                    /* file index or -PW_ENOENT */
uint32_t fs_size(int file);
int fs_writable(int file);
const char *fs_name(int file);
int fs_count(void);
void fs_read(int file, uint32_t off, void *dst, uint32_t n);    /* within the file */
void fs_write_page(int file, uint32_t off, const void *src, uint32_t n);

/* ---------------------------------------------------------------- fault.c */
enum access { ACC_LOAD, ACC_STORE, ACC_FETCH };
enum fault_result { F_OK, F_SEGV, F_OOM };
enum fault_result vm_fault(struct proc *p, uint32_t va, enum access acc);
extern int fault_kind;                 /* PW_COST_* of the last fault vm_fault resolved */
struct vma *vma_find(struct proc *p, uint32_t va);
int page_fill(struct proc *p, struct vma *v, uint32_t va, int f, int *kind);
uint32_t vma_pte_flags(const struct vma *v);

/* ---------------------------------------------------------------- mman.c */
int obj_new_anon(uint32_t npages);
int obj_get_file(int file);
void obj_ref(int o);
void obj_put(int o);
int obj_frame(int o, uint32_t pg, int *kind);       /* resident frame of a page, faulting it in */
void obj_mark_dirty(int o, uint32_t pg);
int obj_evict_page(int o, uint32_t pg, int f);      /* write back / swap out; -1 when no swap */
int32_t sys_sbrk(int32_t incr);
void obj_sync(int o, uint32_t pg_first, uint32_t pg_end);
uint32_t obj_used_count(void);
int obj_holds_frame(int o, int f);
uint32_t obj_slot_refs(int slot);
int32_t sys_mmap(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int32_t fd, uint32_t off);
int32_t sys_munmap(uint32_t addr, uint32_t len);
int32_t sys_mprotect(uint32_t addr, uint32_t len, uint32_t prot);
int32_t sys_msync(uint32_t addr, uint32_t len, uint32_t flags);
struct vma *vma_alloc(struct proc *p);
int vma_split(struct proc *p, struct vma *v, uint32_t at);
int vma_overlaps(struct proc *p, uint32_t start, uint32_t end);

/* ---------------------------------------------------------------- proc.c */
void proc_init(void);
struct proc *proc_alloc(void);
void proc_free(struct proc *p);
int32_t sys_fork(void);
_Noreturn void proc_exit_current(int status);   /* returns to the scheduler */
void proc_exit(struct proc *p, int status);
int32_t sys_wait(uint32_t ustatus);
void proc_kill(struct proc *p, uint32_t cause, uint32_t va, uint32_t pc);
int proc_index(struct proc *p);
struct proc *proc_by_index(int i);
int procs_alive(void);

/* ---------------------------------------------------------------- exec.c */
int32_t sys_execve(uint32_t upath, uint32_t uargv);
int exec_init(const char *path, const char *const *argv);

/* ---------------------------------------------------------------- syscall.c */
void syscall(struct proc *p);

/* ---------------------------------------------------------------- trap.c */
void trap_init(void);
_Noreturn void schedule(void);
extern int need_resched;

/* ---------------------------------------------------------------- stats.c, check.c */
extern struct pw_vmstats vmstats;
void stats_fill(struct pw_vmstats *s);
int check_consistency(void);   /* 0 when every invariant holds; prints what breaks */
int check_process(struct proc *p);

#endif
