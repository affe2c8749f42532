/* entry.S: the S-mode kernel's assembly. Entry from the M-mode layer, the trap
 * vector, the return to user mode, SBI calls and the user-copy routine whose
 * faults the trap handler may recover from.
 *
 * One kernel stack: a trap from U-mode saves the user registers in the
 * current process's trapframe (sscratch points at it while U-mode runs, and
 * is 0 while the kernel runs), then calls user_trap() on a fresh kernel
 * stack; user_trap() never returns but ends in user_return(). A trap taken in
 * the kernel itself (a page fault inside copy_user) is saved on the kernel
 * stack and returns with sret. */
#include "param.h"
    .option arch, +zicsr
    .option norelax

    .text
    .globl kernel_entry
kernel_entry:
    la      sp, kstack_top
    csrw    sscratch, zero
    call    kernel_main
1:  j       1b

    .align  4
    .globl  strap_vector
strap_vector:
    csrrw   sp, sscratch, sp
    beqz    sp, from_kernel
    /* from U-mode: sp = trapframe */
    .irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sw      x\r, \r*4(sp)
    .endr
    csrr    t0, sscratch
    sw      t0, 8(sp)
    csrr    t0, sepc
    sw      t0, 128(sp)
    csrw    sscratch, zero
    la      sp, kstack_top
    call    user_trap
2:  j       2b

from_kernel:
    csrrw   sp, sscratch, sp      /* sp back, sscratch 0 again */
    addi    sp, sp, -80
    .set    off, 0
    .irp r, ra, t0, t1, t2, t3, t4, t5, t6, a0, a1, a2, a3, a4, a5, a6, a7
    sw      \r, off(sp)
    .set    off, off + 4
    .endr
    call    kernel_trap
    .set    off, 0
    .irp r, ra, t0, t1, t2, t3, t4, t5, t6, a0, a1, a2, a3, a4, a5, a6, a7
    lw      \r, off(sp)
    .set    off, off + 4
    .endr
    addi    sp, sp, 80
    sret

/* user_return(struct trapframe *tf): resume U-mode from tf. */
    .globl  user_return
user_return:
    lw      t0, 128(a0)
    csrw    sepc, t0
    csrw    sscratch, a0
    .irp r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    lw      x\r, \r*4(a0)
    .endr
    lw      x10, 40(a0)
    sret

/* struct sbiret sbi_call(fn, a0, a1) */
    .globl  sbi_call
sbi_call:
    mv      a7, a0
    mv      a0, a1
    mv      a1, a2
    ecall
    ret

/* int copy_user(void *dst, const void *src, uint32_t n): byte copy with SUM
 * set by the caller. A page fault in here that the kernel cannot resolve
 * resumes at copy_user_fixup, which returns -1. */
    .globl  copy_user, copy_user_start, copy_user_end, copy_user_fixup
copy_user:
copy_user_start:
    beqz    a2, 2f
1:  lbu     t0, 0(a1)
    sb      t0, 0(a0)
    addi    a0, a0, 1
    addi    a1, a1, 1
    addi    a2, a2, -1
    bnez    a2, 1b
2:  li      a0, 0
    ret
copy_user_end:
copy_user_fixup:
    li      a0, -1
    ret

/* int copy_user_str(char *dst, const char *usrc, uint32_t max): copies up to
 * and including the NUL; returns the length, -2 when max bytes had no NUL,
 * -1 on an unresolved fault (through the same fixup). */
    .globl  copy_user_str
copy_user_str:
    li      t1, 0
1:  beq     t1, a2, 3f
    add     t2, a1, t1
    lbu     t0, 0(t2)
    add     t2, a0, t1
    sb      t0, 0(t2)
    beqz    t0, 2f
    addi    t1, t1, 1
    j       1b
2:  mv      a0, t1
    ret
3:  li      a0, -2
    ret
    .globl  copy_user_str_end
copy_user_str_end:

    .section .bss
    .align  4
    .space  KSTACK_BYTES
    .globl  kstack_top
kstack_top:
