/* env.h: the environment of the ISA suite (tests/isa/README.md).
 *
 * A test is one assembly file that includes this header, starts with
 * TEST_BEGIN and ends with TEST_END. It runs from reset in M-mode at
 * MEM_RAM on QEMU (-M virt -bios none), on pagewalk-iss and on the RTL SoC.
 * The verdict goes to the test finisher: 0x5555 when every case passed,
 * otherwise 0x3333 | (gp << 16), gp being the number of the failing case.
 *
 * Register conventions: gp holds the case number; t5 and t6 belong to the
 * trap handlers (any trap may change them); everything else is the test's.
 *
 * Traps. Every trap, in M or S, is recorded in trap_record (cause, tval, epc,
 * the mode it came from, the mode that handled it, a count) and resumes where
 * the test said with EXPECT_TRAP_AT (or, in M-mode, EXPECT_TRAP_TO_M); a
 * trap nobody expected fails the test
 * with the current case number. An interrupt's handler also clears its
 * enable bit (mie or sie), so a level that stays pending cannot loop.
 * Service call: ecall with a7 = SVC_GOTO_M from S or U returns to M-mode at
 * the next instruction (TO_M); it is not recorded. A test that delegates
 * ecall (medeleg bits 8, 9) to S must take the delegation back before TO_M.
 *
 * Constants come from the generated definitions (build/gen/*_asm.h, made from
 * cmodel/gen/*.defs by iss.mk).
 */
#ifndef ISA_ENV_H
#define ISA_ENV_H

#include "pagewalk_defs_asm.h"
#include "pagewalk_core_asm.h"

#define SVC_GOTO_M 0x4d4d

/* With paging on, U-mode code runs at USER_ALIAS_VA + (its RAM address -
 * MEM_RAM), a U=1 alias of RAM (vm.h). */
#define USER_ALIAS_VA 0xc0000000

/* trap_record layout, in words */
#define TR_CAUSE   0
#define TR_TVAL    4
#define TR_EPC     8
#define TR_FROM    12   /* mode the trap came from (0 U, 1 S, 3 M) */
#define TR_TO      16   /* mode that handled it (1 S, 3 M) */
#define TR_COUNT   20
#define TR_RESUME  24   /* where to resume; 0: the trap was not expected */

#define MPP_FIELD  (PW_MSTATUS_MPP_MASK << PW_MSTATUS_MPP_SHIFT)
#define PMPCFG_NAPOT_RWX 0x1f

/* Sv32 PTE flag sets used by the paging tests */
#define PTE_RWX_AD  (PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X | PW_PTE_A | PW_PTE_D)
#define PTE_PPN(pa) (((pa) >> 12) << 10)

        .option norvc
        .option arch, +zicsr, +zifencei

/* ---------------------------------------------------------------- start and end */

.macro TEST_BEGIN
        .section .text.init, "ax", @progbits
        .globl _start
_start:
        li      gp, 0
        /* QEMU's reset code leaves a0, a1, a2, t0 set: start from zero. */
        li      a0, 0
        li      a1, 0
        li      a2, 0
        li      t0, 0
        la      t5, trap_m
        csrw    mtvec, t5
        la      t5, trap_s
        csrw    stvec, t5
        /* QEMU enforces PMP for S and U: allow everything (the ISS has no
         * PMP; the writes are ignored there). */
        li      t5, -1
        csrw    pmpaddr0, t5
        li      t5, PMPCFG_NAPOT_RWX
        csrw    pmpcfg0, t5
        csrw    satp, zero
        csrw    mie, zero
        csrw    mideleg, zero
        csrw    medeleg, zero
        /* no timer interrupt until a test asks for one */
        li      t5, PW_MEM_CLINT + PW_CLINT_MTIMECMP
        li      t6, -1
        sw      t6, 0(t5)
        sw      t6, 4(t5)
        j       tests
        .text
tests:
.endm

.macro TEST_END
        j       pass
        .text
pass:
        li      t5, PW_MEM_TEST_FINISHER
        li      t6, PW_FINISHER_PASS
        sw      t6, 0(t5)
1:      j       1b
        .globl fail
fail:
        /* From any mode: disarm the resume, then get to M-mode. From S or U
         * the service call returns in M at fail_m; from M the ecall is an
         * unexpected trap, which also ends at fail_m. */
        la      t5, trap_record
        sw      zero, TR_RESUME(t5)
        li      a7, SVC_GOTO_M
        ecall
fail_m:
        li      t5, PW_MEM_TEST_FINISHER
        slli    t6, gp, 16
        li      a0, PW_FINISHER_FAIL
        or      t6, t6, a0
        sw      t6, 0(t5)
1:      j       1b

/* ---------------------------------------------------------------- trap handlers */
        .align  8
        .globl trap_m
trap_m:
        csrr    t5, mcause
        /* service call from S or U */
        addi    t6, t5, -PW_CAUSE_ECALL_U
        beqz    t6, 1f
        addi    t6, t5, -PW_CAUSE_ECALL_S
        bnez    t6, 2f
1:      li      t6, SVC_GOTO_M
        bne     a7, t6, 2f
        li      a7, 0
        li      t6, MPP_FIELD
        csrs    mstatus, t6
        csrr    t6, mepc
        addi    t6, t6, 4
        /* U code under paging runs at its alias (vm.h): back to the RAM address */
        li      t5, USER_ALIAS_VA
        bltu    t6, t5, 5f
        li      t5, USER_ALIAS_VA - PW_MEM_RAM
        sub     t6, t6, t5
5:      csrw    mepc, t6
        mret
2:      la      t6, trap_record
        sw      t5, TR_CAUSE(t6)
        csrr    t5, mtval
        sw      t5, TR_TVAL(t6)
        csrr    t5, mepc
        sw      t5, TR_EPC(t6)
        csrr    t5, mstatus
        srli    t5, t5, PW_MSTATUS_MPP_SHIFT
        andi    t5, t5, PW_MSTATUS_MPP_MASK
        sw      t5, TR_FROM(t6)
        li      t5, PW_PRIV_M_VALUE
        sw      t5, TR_TO(t6)
        lw      t5, TR_COUNT(t6)
        addi    t5, t5, 1
        sw      t5, TR_COUNT(t6)
        /* an interrupt: disable it so it cannot fire again */
        csrr    t5, mcause
        bgez    t5, 3f
        li      t6, 1
        sll     t6, t6, t5
        csrc    mie, t6
        la      t6, trap_record
3:      lw      t5, TR_RESUME(t6)
        beqz    t5, unexpected_m
        sw      zero, TR_RESUME(t6)
        andi    t6, t5, 1               /* bit 0: resume in M-mode */
        beqz    t6, 4f
        li      t6, MPP_FIELD
        csrs    mstatus, t6
        andi    t5, t5, -2
4:      csrw    mepc, t5
        mret
unexpected_m:
        /* Fail in M-mode: MPP = M, then leave through fail_m. */
        j       fail_m

        .align  8
        .globl trap_s
trap_s:
        la      t6, trap_record
        csrr    t5, scause
        sw      t5, TR_CAUSE(t6)
        csrr    t5, stval
        sw      t5, TR_TVAL(t6)
        csrr    t5, sepc
        sw      t5, TR_EPC(t6)
        csrr    t5, sstatus
        srli    t5, t5, PW_MSTATUS_SPP_BIT
        andi    t5, t5, 1
        sw      t5, TR_FROM(t6)
        li      t5, PW_PRIV_S_VALUE
        sw      t5, TR_TO(t6)
        lw      t5, TR_COUNT(t6)
        addi    t5, t5, 1
        sw      t5, TR_COUNT(t6)
        csrr    t5, scause
        bgez    t5, 3f
        li      t6, 1
        sll     t6, t6, t5
        csrc    sie, t6
        la      t6, trap_record
3:      lw      t5, TR_RESUME(t6)
        beqz    t5, unexpected_s
        sw      zero, TR_RESUME(t6)
        csrw    sepc, t5
        sret
unexpected_s:
        /* leave S for M and fail there */
        li      a7, SVC_GOTO_M
        ecall
        j       fail_m

        .data
        .align  4
        .globl trap_record
trap_record:
        .word   -1, 0, 0, 0, 0, 0, 0, 0
        .text
.endm

/* ---------------------------------------------------------------- cases */

/* Start case n. */
.macro CASE n
        li      gp, \n
.endm

/* Fail the current case unless reg == value. Uses t4. */
.macro CHECK reg, value
        li      t4, \value
        bne     \reg, t4, fail
.endm

/* Case n: a0 = op(v1, v2) must be result (a1, a2 hold v1, v2). */
.macro TEST_RR n, op, result, v1, v2
        CASE    \n
        li      a1, \v1
        li      a2, \v2
        \op     a0, a1, a2
        CHECK   a0, \result
.endm

/* Fail unless the two registers are equal. */
.macro CHECK_EQ a, b
        bne     \a, \b, fail
.endm

/* Fail unless CSR csr reads value. Uses t3, t4. */
.macro CHECK_CSR csr, value
        csrr    t3, \csr
        CHECK   t3, \value
.endm

/* The next trap resumes at label (a trap without it fails the test). */
.macro EXPECT_TRAP_AT label
        la      t5, trap_record
        la      t6, \label
        sw      t6, TR_RESUME(t5)
        li      t6, -1
        sw      t6, TR_CAUSE(t5)
.endm

/* The next trap goes to M-mode (it must not be delegated) and resumes at
 * label in M-mode, whatever mode it came from. */
.macro EXPECT_TRAP_TO_M label
        la      t5, trap_record
        la      t6, \label
        ori     t6, t6, 1
        sw      t6, TR_RESUME(t5)
        li      t6, -1
        sw      t6, TR_CAUSE(t5)
.endm

/* After the resume: fail unless the recorded trap has this cause and tval.
 * Uses t3, t4. */
.macro CHECK_TRAP cause, tval
        la      t3, trap_record
        lw      t3, TR_CAUSE(t3)
        CHECK   t3, \cause
        la      t3, trap_record
        lw      t3, TR_TVAL(t3)
        CHECK   t3, \tval
.endm

/* The same with the tval compared against a register. */
.macro CHECK_TRAP_R cause, tvalreg
        la      t3, trap_record
        lw      t3, TR_CAUSE(t3)
        CHECK   t3, \cause
        la      t3, trap_record
        lw      t3, TR_TVAL(t3)
        CHECK_EQ t3, \tvalreg
.endm

/* Fail unless the recorded trap came from mode `from` and went to mode `to`. */
.macro CHECK_TRAP_MODES from, to
        la      t3, trap_record
        lw      t3, TR_FROM(t3)
        CHECK   t3, \from
        la      t3, trap_record
        lw      t3, TR_TO(t3)
        CHECK   t3, \to
.endm

/* Fail unless the recorded epc equals the address of label. */
.macro CHECK_EPC label
        la      t3, trap_record
        lw      t3, TR_EPC(t3)
        la      t4, \label
        bne     t3, t4, fail
.endm

/* Run one instruction (or a few) that must trap with cause and tval; it
 * resumes after them. */
.macro MUST_TRAP cause, tval, insn:vararg
        EXPECT_TRAP_AT 98f
97:     \insn
        j       fail
98:     CHECK_TRAP \cause, \tval
.endm

/* The same with the tval in a register. */
.macro MUST_TRAP_R cause, tvalreg, insn:vararg
        EXPECT_TRAP_AT 98f
97:     \insn
        j       fail
98:     CHECK_TRAP_R \cause, \tvalreg
.endm

/* The same for an illegal instruction: tval is the instruction's bits. */
.macro MUST_BE_ILLEGAL insn:vararg
        EXPECT_TRAP_AT 98f
97:     \insn
        j       fail
98:     la      t3, 97b
        lw      t3, 0(t3)
        CHECK_TRAP_R PW_CAUSE_ILLEGAL_INSN, t3
.endm

/* From M-mode, continue in mode (PW_PRIV_S_VALUE or PW_PRIV_U_VALUE) at the
 * next instruction, with MPIE as it is. */
.macro GOTO_MODE mode
        li      t5, MPP_FIELD
        csrc    mstatus, t5
        li      t5, (\mode) << PW_MSTATUS_MPP_SHIFT
        csrs    mstatus, t5
        la      t5, 99f
        csrw    mepc, t5
        mret
99:
.endm

/* From S or U, continue in M-mode at the next instruction. */
.macro TO_M
        li      a7, SVC_GOTO_M
        ecall
.endm

#endif
