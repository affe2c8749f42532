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
    sw      x1, 4(sp)
    sw      x3, 12(sp)
    sw      x4, 16(sp)
    sw      x5, 20(sp)
    sw      x6, 24(sp)
    sw      x7, 28(sp)
    sw      x8, 32(sp)
    sw      x9, 36(sp)
    sw      x10, 40(sp)
    sw      x11, 44(sp)
    sw      x12, 48(sp)
    sw      x13, 52(sp)
    sw      x14, 56(sp)
    sw      x15, 60(sp)
    sw      x16, 64(sp)
    sw      x17, 68(sp)
    sw      x18, 72(sp)
    sw      x19, 76(sp)
    sw      x20, 80(sp)
    sw      x21, 84(sp)
    sw      x22, 88(sp)
    sw      x23, 92(sp)
    sw      x24, 96(sp)
    sw      x25, 100(sp)
    sw      x26, 104(sp)
    sw      x27, 108(sp)
    sw      x28, 112(sp)
    sw      x29, 116(sp)
    sw      x30, 120(sp)
    sw      x31, 124(sp)
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
    sw      ra, 0(sp)
    sw      t0, 4(sp)
    sw      t1, 8(sp)
    sw      t2, 12(sp)
    sw      t3, 16(sp)
    sw      t4, 20(sp)
    sw      t5, 24(sp)
    sw      t6, 28(sp)
    sw      a0, 32(sp)
    sw      a1, 36(sp)
    sw      a2, 40(sp)
    sw      a3, 44(sp)
    sw      a4, 48(sp)
    sw      a5, 52(sp)
    sw      a6, 56(sp)
    sw      a7, 60(sp)
    call    kernel_trap
    lw      ra, 0(sp)
    lw      t0, 4(sp)
    lw      t1, 8(sp)
    lw      t2, 12(sp)
    lw      t3, 16(sp)
    lw      t4, 20(sp)
    lw      t5, 24(sp)
    lw      t6, 28(sp)
    lw      a0, 32(sp)
    lw      a1, 36(sp)
    lw      a2, 40(sp)
    lw      a3, 44(sp)
    lw      a4, 48(sp)
    lw      a5, 52(sp)
    lw      a6, 56(sp)
    lw      a7, 60(sp)
    addi    sp, sp, 80
    sret

/* user_return(struct trapframe *tf): resume U-mode from tf. */
    .globl  user_return
user_return:
    lw      t0, 128(a0)
    csrw    sepc, t0
    csrw    sscratch, a0
    lw      x1, 4(a0)
    lw      x2, 8(a0)
    lw      x3, 12(a0)
    lw      x4, 16(a0)
    lw      x5, 20(a0)
    lw      x6, 24(a0)
    lw      x7, 28(a0)
    lw      x8, 32(a0)
    lw      x9, 36(a0)
    lw      x11, 44(a0)
    lw      x12, 48(a0)
    lw      x13, 52(a0)
    lw      x14, 56(a0)
    lw      x15, 60(a0)
    lw      x16, 64(a0)
    lw      x17, 68(a0)
    lw      x18, 72(a0)
    lw      x19, 76(a0)
    lw      x20, 80(a0)
    lw      x21, 84(a0)
    lw      x22, 88(a0)
    lw      x23, 92(a0)
    lw      x24, 96(a0)
    lw      x25, 100(a0)
    lw      x26, 104(a0)
    lw      x27, 108(a0)
    lw      x28, 112(a0)
    lw      x29, 116(a0)
    lw      x30, 120(a0)
    lw      x31, 124(a0)
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
