# traps: exceptions of every cause the core raises, with their tval and epc:
# illegal instructions, ebreak, ecall from M, S and U, misaligned jump
# targets, misaligned loads and stores, access faults on fetch, load and
# store; delegation with medeleg, and exceptions under a vectored mtvec.
# (Page faults: vm_*.S; interrupts: interrupts.S.)
#include "env.h"

#define UNMAPPED 0x00200000     /* no device at this address, on QEMU's virt either */

        TEST_BEGIN

        CASE 1                          # illegal encodings: tval = the instruction
        MUST_BE_ILLEGAL .word 0x00000000
        MUST_BE_ILLEGAL .word 0xffffffff
        MUST_BE_ILLEGAL .word 0x40001033        # sll with funct7 = 0x20
        MUST_BE_ILLEGAL .word 0x02005013        # srli with funct7 = 1
        MUST_BE_ILLEGAL .word 0x00001067        # jalr with funct3 = 1
        MUST_BE_ILLEGAL .word 0x00002063        # branch funct3 = 2
        MUST_BE_ILLEGAL .word 0x00003003        # ld (RV64)
        MUST_BE_ILLEGAL .word 0x00003023        # sd (RV64)
        MUST_BE_ILLEGAL .word 0x00004073        # SYSTEM funct3 = 4
        MUST_BE_ILLEGAL .word 0x00200073        # uret (no N extension)
        MUST_BE_ILLEGAL .word 0x00000077        # an opcode the core does not have
        CASE 2                          # illegal does not write rd
        li      a0, 5
        MUST_BE_ILLEGAL .word 0x40004533        # xor a0, x0, x0 with funct7 = 0x20
        CHECK   a0, 5

        CASE 3                          # ecall from M: cause 11, tval 0, epc = the ecall
        EXPECT_TRAP_AT 1f
2:      ecall
        j       fail
1:      CHECK_TRAP PW_CAUSE_ECALL_M, 0
        CHECK_EPC 2b
        CHECK_TRAP_MODES PW_PRIV_M_VALUE, PW_PRIV_M_VALUE
        CASE 4                          # ecall from S: cause 9
        GOTO_MODE PW_PRIV_S_VALUE
        li      a7, 0
        MUST_TRAP PW_CAUSE_ECALL_S, 0, ecall
        CHECK_TRAP_MODES PW_PRIV_S_VALUE, PW_PRIV_M_VALUE
        TO_M
        CASE 5                          # ecall from U: cause 8
        GOTO_MODE PW_PRIV_U_VALUE
        li      a7, 0
        MUST_TRAP PW_CAUSE_ECALL_U, 0, ecall
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_M_VALUE
        TO_M
        CASE 6                          # ecall from U delegated to S
        li      a1, 1 << PW_CAUSE_ECALL_U
        csrw    medeleg, a1
        GOTO_MODE PW_PRIV_U_VALUE
        li      a7, 0
        MUST_TRAP PW_CAUSE_ECALL_U, 0, ecall
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_S_VALUE
        EXPECT_TRAP_TO_M 7f             # ecall is delegated: leave U through an illegal instruction
        .word   0
7:      csrw    medeleg, zero

        CASE 7                          # ebreak: cause 3, epc = the ebreak
        EXPECT_TRAP_AT 1f
2:      ebreak
        j       fail
1:      CHECK_EPC 2b
        la      t3, trap_record
        lw      t3, TR_CAUSE(t3)
        CHECK   t3, PW_CAUSE_BREAKPOINT
#ifndef QEMU_COMPARE
        /* QEMU 7.2 sets tval 0 for ebreak; the contract says the pc. */
        la      a0, 2b
        CHECK_TRAP_R PW_CAUSE_BREAKPOINT, a0
#endif

        CASE 8                          # jalr to a misaligned target: cause 0, tval = target, rd kept
        la      a1, 4f
        addi    a1, a1, 2
        li      ra, 0x77
        EXPECT_TRAP_AT 4f
2:      jalr    ra, 0(a1)
        j       fail
        nop
4:      CHECK_TRAP_R PW_CAUSE_FETCH_MISALIGNED, a1
        CHECK_EPC 2b
        CHECK   ra, 0x77
        CASE 9                          # jal and a taken branch to a misaligned target
        li      ra, 0x77
        EXPECT_TRAP_AT 5f
2:      .word   0x002000ef              # jal ra, .+2
        j       fail
5:      CHECK_EPC 2b
        CHECK   ra, 0x77
        la      t3, trap_record
        lw      t3, TR_CAUSE(t3)
        CHECK   t3, PW_CAUSE_FETCH_MISALIGNED
#ifndef QEMU_COMPARE
        /* QEMU 7.2 reports a stale pc as tval for jal and branches. */
        la      a0, 2b
        addi    a0, a0, 2
        CHECK_TRAP_R PW_CAUSE_FETCH_MISALIGNED, a0
#endif
        EXPECT_TRAP_AT 5f
2:      .word   0x00000163              # beq x0, x0, .+2
        j       fail
5:      CHECK_EPC 2b
        la      t3, trap_record
        lw      t3, TR_CAUSE(t3)
        CHECK   t3, PW_CAUSE_FETCH_MISALIGNED
        CASE 10                         # a branch not taken never traps on its target
        .word   0x00001163              # bne x0, x0, .+2
        nop

        CASE 11                         # access faults: load, store, fetch
        li      a1, UNMAPPED
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, UNMAPPED, lw a0, 0(a1)
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, UNMAPPED + 1, lbu a0, 1(a1)
        MUST_TRAP PW_CAUSE_STORE_ACCESS, UNMAPPED + 8, sw a0, 8(a1)
        EXPECT_TRAP_AT 1f
        jalr    ra, 0(a1)
        j       fail
1:      CHECK_TRAP PW_CAUSE_FETCH_ACCESS, UNMAPPED
        la      t3, trap_record
        lw      t3, TR_EPC(t3)
        CHECK   t3, UNMAPPED
        CASE 12                         # the finisher reads 0
        li      a1, PW_MEM_TEST_FINISHER
        lw      a0, 0(a1)
        CHECK   a0, 0

        CASE 13                         # medeleg: S handles delegated exceptions from S and U, never from M
        li      a1, 1 << PW_CAUSE_ILLEGAL_INSN
        csrw    medeleg, a1
        MUST_BE_ILLEGAL .word 0         # from M: still M
        CHECK_TRAP_MODES PW_PRIV_M_VALUE, PW_PRIV_M_VALUE
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL .word 0
        CHECK_TRAP_MODES PW_PRIV_S_VALUE, PW_PRIV_S_VALUE
        TO_M
        csrw    medeleg, zero

        CASE 14                         # vectored mtvec: exceptions still go to the base
        la      a1, trap_m
        ori     a1, a1, PW_TVEC_MODE_VECTORED
        csrw    mtvec, a1
        MUST_BE_ILLEGAL .word 0
        la      a1, trap_m
        csrw    mtvec, a1

#ifndef QEMU_COMPARE
        /* QEMU 7.2 performs misaligned loads and stores to RAM instead of
         * trapping; the core always traps. */
        CASE 15                         # misaligned loads and stores: cause 4 / 6, tval = address
        la      a1, data
        addi    a2, a1, 1
        MUST_TRAP_R PW_CAUSE_LOAD_MISALIGNED, a2, lh a0, 1(a1)
        MUST_TRAP_R PW_CAUSE_STORE_MISALIGNED, a2, sh a0, 1(a1)
        addi    a2, a1, 3
        MUST_TRAP_R PW_CAUSE_LOAD_MISALIGNED, a2, lhu a0, 3(a1)
        MUST_TRAP_R PW_CAUSE_STORE_MISALIGNED, a2, sw a0, 3(a1)
        addi    a2, a1, 2
        MUST_TRAP_R PW_CAUSE_LOAD_MISALIGNED, a2, lw a0, 2(a1)
        CASE 16                         # misaligned before access fault
        li      a1, UNMAPPED
        MUST_TRAP PW_CAUSE_LOAD_MISALIGNED, UNMAPPED + 2, lw a0, 2(a1)
        CASE 17                         # device widths: UART bytes, CLINT words
        li      a1, PW_MEM_UART
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, PW_MEM_UART + 4, lw a0, 4(a1)
        MUST_TRAP PW_CAUSE_STORE_ACCESS, PW_MEM_UART, sh a0, 0(a1)
        lbu     a0, PW_UART_LSR(a1)
        CHECK   a0, PW_UART_LSR_THRE | PW_UART_LSR_TEMT
        li      a1, PW_MEM_CLINT
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, PW_MEM_CLINT, lb a0, 0(a1)
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, PW_MEM_CLINT + 0x100, lw a0, 0x100(a1)
        CASE 18                         # the MMU counters read, and refuse writes
        li      a1, PW_MEM_MMU_COUNTERS
        lw      a0, 0(a1)
        lw      a0, 0x10(a1)
        MUST_TRAP PW_CAUSE_STORE_ACCESS, PW_MEM_MMU_COUNTERS, sw a0, 0(a1)
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, PW_MEM_MMU_COUNTERS + 0x14, lw a0, 0x14(a1)
        CASE 19                         # illegal MISC-MEM and an mret with rs1 != 0
        MUST_BE_ILLEGAL .word 0x0000200f
        MUST_BE_ILLEGAL .word 0x30208073
#endif

        TEST_END

        .data
        .align  4
data:   .word   0, 0
