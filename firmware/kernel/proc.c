/* proc.c: the process table, fork with copy-on-write, exit, wait and kill.
 *
 * A process is its trapframe, its address space (root page table, ASID,
 * VMAs) and a state. There are no kernel threads: a process blocked in
 * wait() is resumed at its ecall, which runs again when a child exits. */
#include "kernel.h"

struct proc procs[NPROC];
struct proc *curproc;
static int next_pid = 1;

int proc_index(struct proc *p) { return (int)(p - procs); }
struct proc *proc_by_index(int i) { return &procs[i]; }

int procs_alive(void)
{
    int n = 0;
    for (int i = 0; i < NPROC; i++)
        n += procs[i].state != P_UNUSED;
    return n;
}

void proc_init(void)
{
    for (int i = 0; i < NPROC; i++)
        procs[i].state = P_UNUSED;
}

/* A fresh process with an empty address space, or 0 (table or page tables full). */
struct proc *proc_alloc(void)
{
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state != P_UNUSED)
            continue;
        memset(p, 0, sizeof *p);
        p->root = vm_new_root();
        if (!p->root)
            return 0;
        p->asid = asid_alloc();
        p->pid = next_pid++;
        p->parent = -1;
        p->last_frame = -1;
        for (int j = 0; j < NVMA; j++)
            p->vmas[j].obj = -1;
        for (int j = 0; j < 4; j++)
            p->fd_file[j] = -1;
        p->state = P_WAITING;   /* not runnable until its caller says so */
        return p;
    }
    return 0;
}

void proc_free(struct proc *p)
{
    vm_free_space(p);
    p->state = P_UNUSED;
}

/* Share every page of the parent with the child: private writable pages lose
 * W in both (copy-on-write), swapped pages share their slot, shared-object
 * pages stay shared. */
static int copy_space(struct proc *p, struct proc *c)
{
    int ci = proc_index(c);
    int changed = 0;
    for (int i = 0; i < NVMA; i++) {
        struct vma *v = &p->vmas[i];
        if (!(v->flags & VMA_USED))
            continue;
        c->vmas[i] = *v;
        if (v->obj >= 0)
            obj_ref(v->obj);
        for (uint32_t va = v->start; va < v->end; va += PGSIZE) {
            pte_t *pte = walk(p->root, va, 0);
            if (!pte || !*pte)
                continue;
            pte_t *cpte = walk(c->root, va, 1);
            if (!cpte)
                return -PW_ENOMEM;
            if (*pte & PW_PTE_V) {
                int f = frame_of_pa(PTE_PA(*pte));
                if (rmap_add(f, ci, va) < 0)
                    return -PW_ENOMEM;
                frametab[f].refs++;
                if (!(v->flags & VMA_SHARED) && (*pte & PW_PTE_W)) {
                    *pte &= ~PW_PTE_W;
                    changed = 1;
                }
            } else if (*pte & PTE_SWAPPED) {
                swap_ref((int)PTE_SLOT(*pte));
            }
            *cpte = *pte;
        }
    }
    if (changed)
        sfence_vma_asid(p->asid);   /* the parent's writable translations are stale */
    if (changed && !p->asid)
        sfence_vma_all();
    return 0;
}

int32_t sys_fork(void)
{
    struct proc *p = curproc;
    struct proc *c = proc_alloc();
    if (!c)
        return procs_alive() == NPROC ? -PW_EAGAIN : -PW_ENOMEM;
    int r = copy_space(p, c);
    if (r < 0) {
        proc_free(c);
        return r;
    }
    c->tf = p->tf;
    c->tf.x[10] = 0;
    c->heap_start = p->heap_start;
    c->brk = p->brk;
    for (int j = 0; j < 4; j++) {
        c->fd_file[j] = p->fd_file[j];
        c->fd_mode[j] = p->fd_mode[j];
    }
    memcpy(c->name, p->name, sizeof c->name);
    c->parent = proc_index(p);
    c->state = P_RUNNABLE;
    return c->pid;
}

static void wake_parent(struct proc *p)
{
    if (p->parent >= 0 && procs[p->parent].state == P_WAITING)
        procs[p->parent].state = P_RUNNABLE;   /* its wait() ecall runs again */
}

void kernel_finish(int status);   /* main.c */

void proc_exit(struct proc *p, int status)
{
    vm_free_space(p);
    int init = -1;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != P_UNUSED && procs[i].pid == 1)
            init = i;
    for (int i = 0; i < NPROC; i++) {
        if (procs[i].state != P_UNUSED && procs[i].parent == proc_index(p)) {
            procs[i].parent = init == proc_index(p) ? -1 : init;
            if (procs[i].state == P_ZOMBIE && procs[i].parent >= 0)
                wake_parent(&procs[i]);
        }
    }
    p->state = P_ZOMBIE;
    p->status = status;
    if (p->pid == 1)
        kernel_finish(status);
    wake_parent(p);
    if (CHECK_ON_EXIT && check_consistency() != 0)
        printk("kernel: the consistency checks failed after pid %d exited\n", p->pid);
}

int32_t sys_wait(uint32_t ustatus)
{
    struct proc *p = curproc;
    int me = proc_index(p), children = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *c = &procs[i];
        if (c->state == P_UNUSED || c->parent != me)
            continue;
        children++;
        if (c->state == P_ZOMBIE) {
            if (ustatus && copyout(ustatus, &c->status, sizeof c->status) < 0)
                return -PW_EFAULT;
            int pid = c->pid;
            c->state = P_UNUSED;
            return pid;
        }
    }
    if (!children)
        return -PW_ECHILD;
    p->state = P_WAITING;
    p->tf.pc -= 4;   /* run the ecall again when a child exits */
    return 0;
}

static const char *cause_name(uint32_t cause)
{
    switch (cause) {
    case PW_CAUSE_FETCH_MISALIGNED: return "misaligned fetch";
    case PW_CAUSE_FETCH_ACCESS: return "fetch access fault";
    case PW_CAUSE_ILLEGAL_INSN: return "illegal instruction";
    case PW_CAUSE_BREAKPOINT: return "breakpoint";
    case PW_CAUSE_LOAD_MISALIGNED: return "misaligned load";
    case PW_CAUSE_LOAD_ACCESS: return "load access fault";
    case PW_CAUSE_STORE_MISALIGNED: return "misaligned store";
    case PW_CAUSE_STORE_ACCESS: return "store access fault";
    case PW_CAUSE_FETCH_PAGE_FAULT: return "fetch page fault";
    case PW_CAUSE_LOAD_PAGE_FAULT: return "load page fault";
    case PW_CAUSE_STORE_PAGE_FAULT: return "store page fault";
    case PW_KILL_OOM: return "out of memory";
    default: return "unexpected trap";
    }
}

/* Kill p for a trap it caused: one line on the console, then exit. */
void proc_kill(struct proc *p, uint32_t cause, uint32_t va, uint32_t pc)
{
    printk("pid %d killed: %s at 0x%08x (pc 0x%08x)\n", p->pid, cause_name(cause), va, pc);
    vmstats.kills++;
    proc_exit(p, 0x80 | (int)(cause & 0x7f));
}
