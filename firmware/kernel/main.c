/* main.c: the kernel's start and end. kernel_main() sets up the subsystems
 * and runs init; kernel_finish() runs when init exits: it reaps what is left,
 * runs the consistency pass and ends the run through the M-mode layer
 * (finisher: pass when init exited 0 and every check held). */
#include "kernel.h"

extern const char *const init_argv[];   /* initargs.c of the firmware variant */

void kernel_main(void)
{
    printk("pagewalk kernel: %u frames, %u swap slots, %u page-table pages, %d processes, %s\n",
           FRAMES, SWAP_SLOTS, PT_PAGES, NPROC, SVADU ? "Svadu" : "Svade");
    trap_init();
    vm_init();
    frames_init();
    proc_init();
    if (fs_init() < 0)
        panic("no file image");
    printk("fs: %d files in the image\n", fs_count());
    int r = exec_init(init_argv[0], init_argv);
    if (r < 0)
        panic("cannot run %s (error %d)", init_argv[0], -r);
    schedule();
}

void kernel_finish(int status)
{
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = proc_by_index(i);
        if (p->state == P_UNUSED || p->pid == 1)
            continue;
        if (p->state != P_ZOMBIE) {
            printk("kernel: pid %d still running when init exited: killed\n", p->pid);
            vm_free_space(p);
        }
        p->state = P_UNUSED;
    }
    proc_by_index(0)->state = P_UNUSED;
    for (int i = 0; i < NPROC; i++)
        if (proc_by_index(i)->pid == 1)
            proc_by_index(i)->state = P_UNUSED;
    int bad = check_consistency() + check_failures;
    if (bad)
        printk("kernel: consistency checks FAILED (%d problems)\n", bad);
    else
        printk("kernel: consistency checks passed: %u/%u frames free, %u/%u swap slots free, %u/%u page-table pages free\n",
               frames_free_count(), FRAMES, swap_free_count(), SWAP_SLOTS, pt_pages_free(), PT_PAGES);
    int code = PW_WIFEXITED(status) ? PW_WEXITSTATUS(status) : 1;
    printk("kernel: pid 1 (%s) exited with status %d; halting\n", init_argv[0], code);
    sbi_shutdown(bad ? 2 : code ? 1 : 0);
}
