/* env.S: the environment of the random programs (tests/random/README.md).
 *
 * A batch ELF is this environment plus programs that gen_random.py appends
 * at __programs, listed in program_table (count, then one address per
 * program). For each program the environment, in M-mode:
 *   1. fills the four data pages from the program's data seed (xorshift32),
 *      builds the page tables from its descriptor, and writes satp, medeleg
 *      and the SUM/MXR bits of mstatus;
 *   2. loads x1..x31 from the descriptor and enters the program's first
 *      instruction in its first mode with mret;
 *   3. handles every trap: a trap is recorded (cause, tval, epc, modes) in
 *      the trap log and the program resumes after the trapping instruction,
 *      or, for a fetch fault, at ra (the generator reaches bad code only with
 *      jalr ra); ecall with a7 = SVC_GOTO_M continues in M-mode, ecall with
 *      a7 = SVC_END ends the program;
 *   4. prints the program's signature on the UART (its registers, its trap
 *      log, a hash of each 512-byte block of the data pages, the level-0 page
 *      table) and goes on with the next program.
 * At the end it prints "done N" and writes the test finisher (pass).
 *
 * The descriptor layout and every address are symbols of env.elf, which the
 * generator reads: nothing is written down twice.
 */
#include "pagewalk_defs_asm.h"
#include "pagewalk_core_asm.h"

        .option norvc
        .option arch, +zicsr

/* Service calls (a7 at an ecall). */
        .globl SVC_GOTO_M, SVC_END
        .equ    SVC_GOTO_M, 0x4d4d
        .equ    SVC_END,    0x3e3e

/* Program descriptor layout (bytes); the code follows at DESC_BYTES. */
        .globl DESC_SEED, DESC_MODE, DESC_SATP, DESC_MEDELEG, DESC_MSTATUS, DESC_DATA_SEED
        .globl DESC_REGS, DESC_L0, DESC_ROOT, DESC_BYTES, DESC_L0_ENTRIES, DESC_ROOT_ENTRIES
        .equ    DESC_SEED,      0
        .equ    DESC_MODE,      4       /* first mode: 0 U, 1 S, 3 M */
        .equ    DESC_SATP,      8       /* 0: no paging */
        .equ    DESC_MEDELEG,   12
        .equ    DESC_MSTATUS,   16      /* SUM / MXR bits to set */
        .equ    DESC_DATA_SEED, 20
        .equ    DESC_REGS,      24      /* x1..x31 */
        .equ    DESC_L0_ENTRIES, 16
        .equ    DESC_L0,        (DESC_REGS + 31 * 4)            /* pt_l0[0..15] */
        .equ    DESC_ROOT_ENTRIES, 4
        .equ    DESC_ROOT,      (DESC_L0 + DESC_L0_ENTRIES * 4)  /* (index, pte) pairs */
        .equ    DESC_BYTES,     (DESC_ROOT + DESC_ROOT_ENTRIES * 8)

/* Virtual layout under paging. */
        .globl DATA_VA, USER_ALIAS_VA, DATA_PAGES, TRAP_LOG_MAX
        .equ    DATA_VA,        0x40000000      /* pt_l0 maps 16 pages from here */
        .equ    USER_ALIAS_VA,  0xc0000000      /* RAM again, with U = 1 */
        .equ    DATA_PAGES,     4
        .equ    TRAP_LOG_MAX,   32

#define MPP_FIELD (PW_MSTATUS_MPP_MASK << PW_MSTATUS_MPP_SHIFT)
#define RAM_MEGAPAGE_PTE (((PW_MEM_RAM >> 12) << 10) | PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X | PW_PTE_A | PW_PTE_D)

/* ---------------------------------------------------------------- main loop */
        .section .text.init, "ax", @progbits
        .globl _start
_start:
        la      t0, trap_m
        csrw    mtvec, t0
        la      t0, trap_s
        csrw    stvec, t0
        li      t0, -1                  /* QEMU: PMP allows S and U everything */
        csrw    pmpaddr0, t0
        li      t0, 0x1f
        csrw    pmpcfg0, t0
        la      t0, save_m
        csrw    mscratch, t0
        la      t0, save_s
        csrw    sscratch, t0
        la      t0, current
        sw      zero, 0(t0)

next_program:
        la      s0, current
        lw      s1, 0(s0)               /* index */
        la      s2, program_table
        lw      s3, 0(s2)               /* count */
        bgeu    s1, s3, all_done
        slli    t0, s1, 2
        add     t0, t0, s2
        lw      s4, 4(t0)               /* the descriptor */
        la      t0, current_desc
        sw      s4, 0(t0)
        la      t0, trap_count
        sw      zero, 0(t0)

        /* state every program starts from */
        csrw    satp, zero
        sfence.vma
        csrw    mstatus, zero
        csrw    medeleg, zero
        csrw    mideleg, zero
        csrw    mie, zero
        csrw    mip, zero

        /* data pages: xorshift32 from the data seed */
        lw      t0, DESC_DATA_SEED(s4)
        la      t1, data_pages
        li      t2, DATA_PAGES * 4096 / 4
1:      slli    t3, t0, 13
        xor     t0, t0, t3
        srli    t3, t0, 17
        xor     t0, t0, t3
        slli    t3, t0, 5
        xor     t0, t0, t3
        sw      t0, 0(t1)
        addi    t1, t1, 4
        addi    t2, t2, -1
        bnez    t2, 1b

        /* page tables: clear, then the fixed entries, then the program's */
        la      t1, pt_root
        li      t2, 2 * 4096 / 4        /* pt_root and pt_l0 */
1:      sw      zero, 0(t1)
        addi    t1, t1, 4
        addi    t2, t2, -1
        bnez    t2, 1b
        la      t1, pt_root
        li      t0, RAM_MEGAPAGE_PTE | PW_PTE_G
        li      t2, (PW_MEM_RAM >> 22) * 4
        add     t2, t2, t1
        sw      t0, 0(t2)
        li      t0, RAM_MEGAPAGE_PTE | PW_PTE_U
        li      t2, (USER_ALIAS_VA >> 22) * 4
        add     t2, t2, t1
        sw      t0, 0(t2)
        la      t0, pt_l0
        srli    t0, t0, 12
        slli    t0, t0, 10
        ori     t0, t0, PW_PTE_V
        li      t2, (DATA_VA >> 22) * 4
        add     t2, t2, t1
        sw      t0, 0(t2)
        addi    t3, s4, DESC_L0         /* pt_l0[0..15] */
        la      t4, pt_l0
        li      t2, DESC_L0_ENTRIES
1:      lw      t0, 0(t3)
        sw      t0, 0(t4)
        addi    t3, t3, 4
        addi    t4, t4, 4
        addi    t2, t2, -1
        bnez    t2, 1b
        addi    t3, s4, DESC_ROOT       /* (index, pte) pairs; pte 0: none */
        li      t2, DESC_ROOT_ENTRIES
1:      lw      t0, 0(t3)
        lw      t5, 4(t3)
        beqz    t5, 2f
        slli    t0, t0, 2
        add     t0, t0, t1
        sw      t5, 0(t0)
2:      addi    t3, t3, 8
        addi    t2, t2, -1
        bnez    t2, 1b

        lw      t0, DESC_MEDELEG(s4)
        csrw    medeleg, t0
        lw      t0, DESC_MSTATUS(s4)
        csrw    mstatus, t0
        lw      t0, DESC_SATP(s4)
        csrw    satp, t0
        sfence.vma

        /* enter the program: MPP = its mode, mepc = its code (the U alias
         * under paging), registers from the descriptor */
        lw      t0, DESC_MODE(s4)
        slli    t1, t0, PW_MSTATUS_MPP_SHIFT
        csrs    mstatus, t1
        addi    t1, s4, DESC_BYTES
        bnez    t0, 1f                  /* not U */
        csrr    t2, satp
        beqz    t2, 1f
        li      t2, USER_ALIAS_VA - PW_MEM_RAM
        add     t1, t1, t2
1:      csrw    mepc, t1
        addi    x31, s4, DESC_REGS
        lw      x1, 0(x31)
        lw      x2, 4(x31)
        lw      x3, 8(x31)
        lw      x4, 12(x31)
        lw      x5, 16(x31)
        lw      x6, 20(x31)
        lw      x7, 24(x31)
        lw      x8, 28(x31)
        lw      x9, 32(x31)
        lw      x10, 36(x31)
        lw      x11, 40(x31)
        lw      x12, 44(x31)
        lw      x13, 48(x31)
        lw      x14, 52(x31)
        lw      x15, 56(x31)
        lw      x16, 60(x31)
        lw      x17, 64(x31)
        lw      x18, 68(x31)
        lw      x19, 72(x31)
        lw      x20, 76(x31)
        lw      x21, 80(x31)
        lw      x22, 84(x31)
        lw      x23, 88(x31)
        lw      x24, 92(x31)
        lw      x25, 96(x31)
        lw      x26, 100(x31)
        lw      x27, 104(x31)
        lw      x28, 108(x31)
        lw      x29, 112(x31)
        lw      x30, 116(x31)
        lw      x31, 120(x31)
        mret

/* The program ended (SVC_END): its registers are in save_m. */
program_done:
        csrw    satp, zero
        sfence.vma
        csrw    mstatus, zero
        la      t0, current_desc
        lw      s4, 0(t0)
        li      a0, 'S'
        jal     putc
        lw      a0, DESC_SEED(s4)
        jal     put_hex_nl
        /* registers, eight per line: "R0 x1..x8" ... */
        la      s5, save_m + 4
        li      s6, 0
1:      li      a0, 'R'
        jal     putc
        addi    a0, s6, '0'
        jal     putc
        li      s7, 8
2:      li      a0, ' '
        jal     putc
        lw      a0, 0(s5)
        jal     put_hex
        addi    s5, s5, 4
        addi    s7, s7, -1
        beqz    s7, 3f
        la      t0, save_m + 4 * 32
        bltu    s5, t0, 2b
3:      li      a0, '\n'
        jal     putc
        addi    s6, s6, 1
        la      t0, save_m + 4 * 32
        bltu    s5, t0, 1b
        /* trap log: "T cause tval epc modes" */
        la      t0, trap_count
        lw      s6, 0(t0)
        li      t0, TRAP_LOG_MAX
        bleu    s6, t0, 1f
        mv      s6, t0
1:      la      s5, trap_log
2:      beqz    s6, 4f
        li      a0, 'T'
        jal     putc
        li      s7, 4
3:      li      a0, ' '
        jal     putc
        lw      a0, 0(s5)
        jal     put_hex
        addi    s5, s5, 4
        addi    s7, s7, -1
        bnez    s7, 3b
        li      a0, '\n'
        jal     putc
        addi    s6, s6, -1
        j       2b
4:      li      a0, 'C'                 /* the number of traps (the log keeps the first ones) */
        jal     putc
        la      t0, trap_count
        lw      a0, 0(t0)
        jal     put_hex_nl
        /* data pages: one hash per 512 bytes, "H hash" */
        la      s5, data_pages
        li      s6, DATA_PAGES * 8
1:      li      s7, 128
        li      s8, 0
2:      lw      t0, 0(s5)
        slli    t1, s8, 7
        srli    s8, s8, 25
        or      s8, s8, t1
        add     s8, s8, t0
        xori    s8, s8, 0x5a5
        addi    s5, s5, 4
        addi    s7, s7, -1
        bnez    s7, 2b
        li      a0, 'H'
        jal     putc
        mv      a0, s8
        jal     put_hex_nl
        addi    s6, s6, -1
        bnez    s6, 1b
        /* the level-0 table (A/D bits the walker may have set) */
        la      s5, pt_l0
        li      s6, DESC_L0_ENTRIES / 8
1:      li      a0, 'P'
        jal     putc
        li      s7, 8
2:      li      a0, ' '
        jal     putc
        lw      a0, 0(s5)
        jal     put_hex
        addi    s5, s5, 4
        addi    s7, s7, -1
        bnez    s7, 2b
        li      a0, '\n'
        jal     putc
        addi    s6, s6, -1
        bnez    s6, 1b

        la      t0, current
        lw      t1, 0(t0)
        addi    t1, t1, 1
        sw      t1, 0(t0)
        j       next_program

all_done:
        li      a0, 'd'
        jal     putc
        li      a0, 'o'
        jal     putc
        li      a0, 'n'
        jal     putc
        li      a0, 'e'
        jal     putc
        li      a0, ' '
        jal     putc
        la      t0, program_table
        lw      a0, 0(t0)
        jal     put_hex_nl
        li      t0, PW_MEM_TEST_FINISHER
        li      t1, PW_FINISHER_PASS
        sw      t1, 0(t0)
1:      j       1b

/* ---------------------------------------------------------------- printing (M-mode, no paging) */
putc:                                   /* a0: the byte */
        li      t0, PW_MEM_UART
        sb      a0, PW_UART_THR(t0)
        ret

put_hex:                                /* a0: eight hex digits */
        mv      t2, ra
        mv      t3, a0
        li      t4, 28
1:      srl     a0, t3, t4
        andi    a0, a0, 15
        addi    a0, a0, '0'
        li      t1, '9'
        bleu    a0, t1, 2f
        addi    a0, a0, 'a' - '9' - 1
2:      jal     putc
        addi    t4, t4, -4
        bgez    t4, 1b
        mv      ra, t2
        ret

put_hex_nl:                             /* " " a0 in hex, then a newline */
        mv      t5, ra
        mv      t6, a0
        li      a0, ' '
        jal     putc
        mv      a0, t6
        jal     put_hex
        li      a0, '\n'
        jal     putc
        mv      ra, t5
        ret

/* ---------------------------------------------------------------- trap handlers */

/* Save x1..x30 at 4*n(t6) and x31 (held in the scratch CSR) at 124(t6). */
.macro SAVE_REGS scratch
        sw      x1, 4(t6)
        sw      x2, 8(t6)
        sw      x3, 12(t6)
        sw      x4, 16(t6)
        sw      x5, 20(t6)
        sw      x6, 24(t6)
        sw      x7, 28(t6)
        sw      x8, 32(t6)
        sw      x9, 36(t6)
        sw      x10, 40(t6)
        sw      x11, 44(t6)
        sw      x12, 48(t6)
        sw      x13, 52(t6)
        sw      x14, 56(t6)
        sw      x15, 60(t6)
        sw      x16, 64(t6)
        sw      x17, 68(t6)
        sw      x18, 72(t6)
        sw      x19, 76(t6)
        sw      x20, 80(t6)
        sw      x21, 84(t6)
        sw      x22, 88(t6)
        sw      x23, 92(t6)
        sw      x24, 96(t6)
        sw      x25, 100(t6)
        sw      x26, 104(t6)
        sw      x27, 108(t6)
        sw      x28, 112(t6)
        sw      x29, 116(t6)
        sw      x30, 120(t6)
        csrr    t5, \scratch
        sw      t5, 124(t6)
        csrw    \scratch, t6
.endm

.macro RESTORE_REGS
        lw      x1, 4(t6)
        lw      x2, 8(t6)
        lw      x3, 12(t6)
        lw      x4, 16(t6)
        lw      x5, 20(t6)
        lw      x6, 24(t6)
        lw      x7, 28(t6)
        lw      x8, 32(t6)
        lw      x9, 36(t6)
        lw      x10, 40(t6)
        lw      x11, 44(t6)
        lw      x12, 48(t6)
        lw      x13, 52(t6)
        lw      x14, 56(t6)
        lw      x15, 60(t6)
        lw      x16, 64(t6)
        lw      x17, 68(t6)
        lw      x18, 72(t6)
        lw      x19, 76(t6)
        lw      x20, 80(t6)
        lw      x21, 84(t6)
        lw      x22, 88(t6)
        lw      x23, 92(t6)
        lw      x24, 96(t6)
        lw      x25, 100(t6)
        lw      x26, 104(t6)
        lw      x27, 108(t6)
        lw      x28, 112(t6)
        lw      x29, 116(t6)
        lw      x30, 120(t6)
        lw      x31, 124(t6)
.endm

/* Append (cause, tval, epc, modes) to the trap log; t6 = save area; the
 * CSR values are in t0, t1, t2 and the modes word in t3. */
.macro LOG_TRAP
        la      t4, trap_count
        lw      t5, 0(t4)
        addi    a0, t5, 1
        sw      a0, 0(t4)
        li      a0, TRAP_LOG_MAX
        bgeu    t5, a0, 9f
        slli    t5, t5, 4
        la      a0, trap_log
        add     t5, t5, a0
        sw      t0, 0(t5)
        sw      t1, 4(t5)
        sw      t2, 8(t5)
        sw      t3, 12(t5)
9:
.endm

/* Where the trapped program goes on, in t2 (the epc): a fetch fault resumes
 * at the saved ra, anything else after the instruction. t0 = cause. */
.macro RESUME_POINT
        li      t4, PW_CAUSE_FETCH_MISALIGNED
        beq     t0, t4, 8f
        li      t4, PW_CAUSE_FETCH_ACCESS
        beq     t0, t4, 8f
        li      t4, PW_CAUSE_FETCH_PAGE_FAULT
        beq     t0, t4, 8f
        addi    t2, t2, 4
        j       9f
8:      lw      t2, 4(t6)
9:
.endm

        .align  4
trap_m:
        csrrw   t6, mscratch, t6
        SAVE_REGS mscratch
        csrr    t0, mcause
        csrr    t1, mtval
        csrr    t2, mepc
        li      t4, PW_CAUSE_ECALL_U
        beq     t0, t4, 1f
        li      t4, PW_CAUSE_ECALL_S
        beq     t0, t4, 1f
        li      t4, PW_CAUSE_ECALL_M
        bne     t0, t4, 3f
1:      lw      t4, 68(t6)              /* the program's a7 */
        li      t5, SVC_END
        beq     t4, t5, program_done
        li      t5, SVC_GOTO_M
        bne     t4, t5, 3f
        li      t4, MPP_FIELD           /* continue in M after the ecall */
        csrs    mstatus, t4
        addi    t2, t2, 4
        li      t4, USER_ALIAS_VA       /* from the U alias: back to the RAM address */
        bltu    t2, t4, 2f
        li      t4, USER_ALIAS_VA - PW_MEM_RAM
        sub     t2, t2, t4
2:      csrw    mepc, t2
        RESTORE_REGS
        mret
3:      /* QEMU 7.2 reports tval 0 for ebreak where the core reports the pc:
         * the log and mtval (which the program may read) keep 0 for both. */
        li      t4, PW_CAUSE_BREAKPOINT
        bne     t0, t4, 4f
        li      t1, 0
        csrw    mtval, zero
4:
        csrr    t3, mstatus
        srli    t3, t3, PW_MSTATUS_MPP_SHIFT
        andi    t3, t3, PW_MSTATUS_MPP_MASK
        slli    t3, t3, 4
        ori     t3, t3, PW_PRIV_M_VALUE /* modes: from << 4 | to */
        LOG_TRAP
        RESUME_POINT
        csrw    mepc, t2
        RESTORE_REGS
        mret

        .align  4
trap_s:
        csrrw   t6, sscratch, t6
        SAVE_REGS sscratch
        csrr    t0, scause
        csrr    t1, stval
        csrr    t2, sepc
        li      t4, PW_CAUSE_BREAKPOINT /* as in trap_m */
        bne     t0, t4, 4f
        li      t1, 0
        csrw    stval, zero
4:
        csrr    t3, sstatus
        srli    t3, t3, PW_MSTATUS_SPP_BIT
        andi    t3, t3, 1
        slli    t3, t3, 4
        ori     t3, t3, PW_PRIV_S_VALUE
        LOG_TRAP
        RESUME_POINT
        csrw    sepc, t2
        RESTORE_REGS
        sret

/* ---------------------------------------------------------------- data */
        .data
        .align  4
        .globl program_table
current:        .word 0
current_desc:   .word 0
trap_count:     .word 0
save_m:         .space 32 * 4
save_s:         .space 32 * 4
trap_log:       .space TRAP_LOG_MAX * 16

        .bss
        .align  12
        .globl pt_root, pt_l0, data_pages
pt_root:        .space 4096
pt_l0:          .space 4096
data_pages:     .space DATA_PAGES * 4096
/* The program table is written by the generator (count, addresses). */
        .align  12
program_table:  .space 4096
