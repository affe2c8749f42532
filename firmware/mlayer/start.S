/* start.S: reset entry (M-mode, pc = 0x80000000 on every engine) and the
 * M-mode trap vector. The M-mode layer runs on its own stack; everything else
 * is C (mlayer.c). */
    .option arch, +zicsr
    .section .text.start, "ax"
    .globl _start
_start:
    la      sp, m_stack_top
    csrw    mscratch, sp          /* the trap vector finds its stack here */
    la      t0, m_trap_vector
    csrw    mtvec, t0
    /* zero .bss */
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:  call    m_main                /* enters the S-mode kernel with mret */
3:  j       3b

/* M-mode traps: save every register on the M stack as a frame of 32 words
 * (frame[i] = x[i]) and let m_trap() read and update it. */
    .text
    .align  4
    .globl  m_trap_vector
m_trap_vector:
    csrrw   sp, mscratch, sp
    addi    sp, sp, -128
    .irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sw      x\r, \r*4(sp)
    .endr
    csrr    t0, mscratch          /* the interrupted sp */
    sw      t0, 8(sp)
    mv      a0, sp
    call    m_trap
    .irp r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    lw      x\r, \r*4(sp)
    .endr
    addi    sp, sp, 128
    csrrw   sp, mscratch, sp
    mret

    .section .bss
    .align  4
    .space  1024
m_stack_top:
