/* trap.c: trap dispatch and the round-robin scheduler.
 *
 * user_trap() runs for every trap from U-mode: system calls, page faults
 * (fault.c), the timer (preemption every QUANTUM ticks) and everything a
 * process may do wrong, which kills it. kernel_trap() runs for a trap taken
 * in S-mode: only a page fault inside copy_user is expected there. */
#include "kernel.h"
#include "sbi.h"

void strap_vector(void);
_Noreturn void user_return(struct trapframe *tf);
extern char copy_user_start[], copy_user_end[], copy_user_fixup[], copy_user_str[], copy_user_str_end[];

int need_resched;

static void timer_arm(void)
{
    uint64_t next = sbi_time() + QUANTUM;
    sbi_call(SBI_SET_TIMER, (uint32_t)next, (uint32_t)(next >> 32));
}

void trap_init(void)
{
    csr_write(stvec, (uint32_t)(uintptr_t)strap_vector);
    csr_write(sie, PW_IRQ_STI);
    csr_write(scounteren, PW_COUNTEREN_CY | PW_COUNTEREN_TM | PW_COUNTEREN_IR);   /* rdtime and friends in U-mode */
    timer_arm();
}

static enum access cause_access(uint32_t cause)
{
    return cause == PW_CAUSE_STORE_PAGE_FAULT ? ACC_STORE : cause == PW_CAUSE_FETCH_PAGE_FAULT ? ACC_FETCH : ACC_LOAD;
}

static int is_page_fault(uint32_t cause)
{
    return cause == PW_CAUSE_LOAD_PAGE_FAULT || cause == PW_CAUSE_STORE_PAGE_FAULT || cause == PW_CAUSE_FETCH_PAGE_FAULT;
}

_Noreturn void user_trap(void)
{
    struct proc *p = curproc;
    uint32_t cause = csr_read(scause), tval = csr_read(stval);
    if (cause & PW_MCAUSE_INTERRUPT) {
        if ((cause & ~PW_MCAUSE_INTERRUPT) == PW_IRQ_STI_BIT) {
            timer_arm();
            need_resched = 1;
        } else {
            panic("unexpected interrupt, scause 0x%08x", cause);
        }
    } else if (cause == PW_CAUSE_ECALL_U) {
        syscall(p);
    } else if (is_page_fault(cause)) {
        uint32_t i0 = csr_read(instret), c0 = csr_read(cycle);
        enum fault_result r = vm_fault(p, tval, cause_access(cause));
        if (r == F_SEGV)
            proc_kill(p, cause, tval, p->tf.pc);
        else if (r == F_OOM)
            proc_kill(p, PW_KILL_OOM, tval, p->tf.pc);
        int k = r == F_OK ? fault_kind : PW_COST_KILL;
        vmstats.cost_count[k]++;
        vmstats.cost_insns[k] += csr_read(instret) - i0;
        vmstats.cost_cycles[k] += csr_read(cycle) - c0;
    } else {
        /* access faults, illegal instructions, misaligned accesses, ebreak */
        proc_kill(p, cause, cause == PW_CAUSE_ILLEGAL_INSN || cause == PW_CAUSE_BREAKPOINT ? p->tf.pc : tval, p->tf.pc);
    }
    schedule();
}

void kernel_trap(void)
{
    uint32_t cause = csr_read(scause), tval = csr_read(stval), epc = csr_read(sepc);
    int in_copy = (epc >= (uint32_t)(uintptr_t)copy_user_start && epc < (uint32_t)(uintptr_t)copy_user_end) ||
                  (epc >= (uint32_t)(uintptr_t)copy_user_str && epc < (uint32_t)(uintptr_t)copy_user_str_end);
    if (in_copy && curproc && is_page_fault(cause)) {
        if (vm_fault(curproc, tval, cause_access(cause)) != F_OK)
            csr_write(sepc, (uint32_t)(uintptr_t)copy_user_fixup);
        return;
    }
    panic("trap in the kernel: scause 0x%08x sepc 0x%08x stval 0x%08x", cause, epc, tval);
}

/* Pick the next runnable process, round robin from the current one, and run it. */
_Noreturn void schedule(void)
{
    int start = curproc ? proc_index(curproc) : NPROC - 1;
    struct proc *next = 0;
    if (curproc && curproc->state == P_RUNNABLE && !need_resched) {
        next = curproc;
    } else {
        for (int i = 1; i <= NPROC; i++) {
            struct proc *p = proc_by_index((start + i) % NPROC);
            if (p->state == P_RUNNABLE) {
                next = p;
                break;
            }
        }
    }
    if (!next)
        panic("no runnable process (%d alive)", procs_alive());
    need_resched = 0;
    curproc = next;
    vm_activate(next);
    csr_clear(sstatus, PW_MSTATUS_SPP);
    csr_set(sstatus, PW_MSTATUS_SPIE);
    user_return(&next->tf);
}
