# csr: the Zicsr instructions and the CSR access rules: unimplemented CSRs,
# writes to read-only CSRs (and the read-only forms that are legal), the
# privilege in the address, write masks, the sstatus/sie/sip views, the
# counter enables, misa and the ID registers.
#include "env.h"

        TEST_BEGIN

        CASE 1                          # csrrw swaps
        li      a1, 0x12345678
        csrw    mscratch, a1
        li      a2, 0x0f0f0f0f
        csrrw   a0, mscratch, a2
        CHECK   a0, 0x12345678
        CHECK_CSR mscratch, 0x0f0f0f0f
        CASE 2                          # csrrs / csrrc return the old value
        li      a2, 0xf0000000
        csrrs   a0, mscratch, a2
        CHECK   a0, 0x0f0f0f0f
        CHECK_CSR mscratch, 0xff0f0f0f
        li      a2, 0x0000000f
        csrrc   a0, mscratch, a2
        CHECK   a0, 0xff0f0f0f
        CHECK_CSR mscratch, 0xff0f0f00
        CASE 3                          # immediate forms
        csrrwi  a0, mscratch, 0x15
        CHECK   a0, 0xff0f0f00
        csrrsi  a0, mscratch, 0x0a
        CHECK   a0, 0x15
        csrrci  a0, mscratch, 0x01
        CHECK   a0, 0x1f
        CHECK_CSR mscratch, 0x1e
        CASE 4                          # rd = x0, rd = rs1
        csrrw   x0, mscratch, zero
        CHECK_CSR mscratch, 0
        li      a0, 0x55
        csrrw   a0, mscratch, a0
        CHECK   a0, 0
        CHECK_CSR mscratch, 0x55

        CASE 5                          # unimplemented CSRs are illegal, tval = the instruction
        MUST_BE_ILLEGAL csrr a0, 0x7c0
        MUST_BE_ILLEGAL csrw 0xbc0, a0
        MUST_BE_ILLEGAL csrrs a0, 0x5c0, zero
        CASE 6                          # writes to read-only CSRs are illegal
        MUST_BE_ILLEGAL csrw mvendorid, zero
        MUST_BE_ILLEGAL csrrw x0, mhartid, a0
        MUST_BE_ILLEGAL csrrsi a0, mimpid, 1
        MUST_BE_ILLEGAL csrrc a0, cycle, a1
        CASE 7                          # ... but reading them is not
        csrrs   a0, mhartid, zero
        CHECK   a0, 0
        csrrc   a0, mvendorid, zero
        CHECK   a0, 0
        csrrsi  a0, mhartid, 0
        csrrci  a0, mhartid, 0
        csrr    a0, cycle
        csrr    a0, instret
        csrr    a0, time

        CASE 8                          # S-mode: M CSRs are illegal, S CSRs legal
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL csrr a0, mstatus
        MUST_BE_ILLEGAL csrw mscratch, zero
        MUST_BE_ILLEGAL csrr a0, mhartid
        csrw    sscratch, a1
        csrr    a0, sstatus
        TO_M
        CASE 9                          # U-mode: S and M CSRs are illegal
        GOTO_MODE PW_PRIV_U_VALUE
        MUST_BE_ILLEGAL csrr a0, sstatus
        MUST_BE_ILLEGAL csrw sscratch, zero
        MUST_BE_ILLEGAL csrr a0, satp
        MUST_BE_ILLEGAL csrr a0, mepc
        TO_M

        CASE 10                         # sstatus is a view of mstatus
        csrw    mstatus, zero
        li      a1, PW_MSTATUS_SUM | PW_MSTATUS_SIE
        csrs    sstatus, a1
        CHECK_CSR mstatus, PW_MSTATUS_SUM | PW_MSTATUS_SIE
        li      a1, PW_MSTATUS_MIE | PW_MSTATUS_MPIE | PW_MSTATUS_TVM
        csrs    mstatus, a1
        CHECK_CSR sstatus, PW_MSTATUS_SUM | PW_MSTATUS_SIE
        li      a1, -1
        csrc    sstatus, a1             # clears only the S bits
        CHECK_CSR mstatus, PW_MSTATUS_MIE | PW_MSTATUS_MPIE | PW_MSTATUS_TVM
        csrw    mstatus, zero

        CASE 11                         # sie / sip show only what mideleg delegates
        csrw    mideleg, zero
        li      a1, PW_IRQ_STI | PW_IRQ_SSI
        csrw    mie, a1
        CHECK_CSR sie, 0
        csrw    sie, a1                 # nothing delegated: no effect
        CHECK_CSR mie, PW_IRQ_STI | PW_IRQ_SSI
        li      a1, PW_IRQ_SSI
        csrw    mideleg, a1
        CHECK_CSR sie, PW_IRQ_SSI
        csrw    sie, zero
        CHECK_CSR mie, PW_IRQ_STI
        csrs    mip, a1                 # SSIP set by M-mode
        CHECK_CSR sip, PW_IRQ_SSI
        csrc    sip, a1                 # cleared through the view
        csrr    a0, mip
        andi    a0, a0, PW_IRQ_SSI
        CHECK   a0, 0
        csrw    mie, zero
        csrw    mideleg, zero

        CASE 12                         # counter enables, from S
        csrw    mcounteren, zero
        csrw    scounteren, zero
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL csrr a0, cycle
        MUST_BE_ILLEGAL csrr a0, time
        MUST_BE_ILLEGAL csrr a0, instret
        MUST_BE_ILLEGAL csrr a0, cycleh
        TO_M
        li      a1, PW_COUNTEREN_CY | PW_COUNTEREN_TM | PW_COUNTEREN_IR
        csrw    mcounteren, a1
        GOTO_MODE PW_PRIV_S_VALUE
        csrr    a0, cycle
        csrr    a0, time
        csrr    a0, instret
        csrr    a0, instreth
        TO_M
        CASE 13                         # from U: mcounteren and scounteren
        GOTO_MODE PW_PRIV_U_VALUE
        MUST_BE_ILLEGAL csrr a0, cycle  # scounteren still 0
        TO_M
        li      a1, PW_COUNTEREN_TM
        csrw    scounteren, a1
        GOTO_MODE PW_PRIV_U_VALUE
        csrr    a0, time
        MUST_BE_ILLEGAL csrr a0, instret
        TO_M
        csrw    mcounteren, zero        # scounteren alone is not enough
        GOTO_MODE PW_PRIV_U_VALUE
        MUST_BE_ILLEGAL csrr a0, time
        TO_M
        csrw    scounteren, zero

        CASE 14                         # misa: RV32, I, S, U and M; writes ignored
        csrr    a0, misa
        srli    a1, a0, 30
        CHECK   a1, 1
        li      a1, (1 << 8) | (1 << 18) | (1 << 20) | PW_MISA_EXT_M
        and     a2, a0, a1
        CHECK_EQ a2, a1
        csrw    misa, zero
        csrr    a1, misa
        CHECK_EQ a1, a0

        CASE 15                         # the write masks QEMU shares with us: those bits are writable
        li      a1, PW_CSR_MEDELEG_WMASK
        csrw    medeleg, a1
        csrr    a0, medeleg
        CHECK_EQ a0, a1
        csrw    medeleg, zero
        li      a1, PW_CSR_MIE_WMASK
        csrw    mie, a1
        csrr    a0, mie
        CHECK_EQ a0, a1
        csrw    mie, zero
        li      a1, PW_CSR_SSTATUS_WMASK
        csrw    sstatus, a1
        csrr    a0, sstatus
        and     a0, a0, a1
        CHECK_EQ a0, a1
        csrw    sstatus, zero
        li      a1, 0x80001000          # satp: MODE, ASID and PPN fields
        csrw    satp, a1                # (M-mode: no translation)
        CHECK_CSR satp, 0x80001000
        csrw    satp, zero

#ifndef QEMU_COMPARE
        /* QEMU 7.2 departs here (docs/iss.md, "QEMU 7.2"): its masks are
         * wider (mstatus VS, mcause, mcounteren, medeleg/mideleg bits of the
         * H extension, pmpcfg), it ignores whole writes of an mtvec mode
         * 2/3 instead of masking bit 1, keeps MPP = 2, lets mepc[1:0] read
         * back, and reports QEMU's marchid/mimpid. */
        CASE 16                         # exact write masks
        li      a1, -1
        csrw    mstatus, a1
        CHECK_CSR mstatus, PW_CSR_MSTATUS_WMASK
        csrw    mstatus, zero
        csrw    mcause, a1
        CHECK_CSR mcause, PW_CSR_MCAUSE_WMASK
        csrw    mcounteren, a1
        CHECK_CSR mcounteren, PW_CSR_MCOUNTEREN_WMASK
        csrw    mcounteren, zero
        csrw    mideleg, a1
        CHECK_CSR mideleg, PW_CSR_MIDELEG_WMASK
        csrw    mideleg, zero
        csrw    medeleg, a1
        CHECK_CSR medeleg, PW_CSR_MEDELEG_WMASK
        csrw    medeleg, zero
        CASE 17                         # mepc / sepc bits 1:0 read zero
        li      a1, 0x80000003
        csrw    mepc, a1
        CHECK_CSR mepc, 0x80000000
        csrw    sepc, a1
        CHECK_CSR sepc, 0x80000000
        CASE 18                         # tvec mode bit 1 is masked: mode 2 -> 0, 3 -> 1
        csrr    s1, mtvec
        li      a1, 0x80001002
        csrw    mtvec, a1
        CHECK_CSR mtvec, 0x80001000
        li      a1, 0x80001003
        csrw    mtvec, a1
        CHECK_CSR mtvec, 0x80001001
        csrw    mtvec, s1
        csrr    s1, stvec
        csrw    stvec, a1
        CHECK_CSR stvec, 0x80001001
        csrw    stvec, s1
        CASE 19                         # MPP = 2 (reserved) leaves MPP unchanged
        li      a1, PW_PRIV_S_VALUE << PW_MSTATUS_MPP_SHIFT
        csrw    mstatus, a1
        li      a1, 2 << PW_MSTATUS_MPP_SHIFT
        csrw    mstatus, a1
        CHECK_CSR mstatus, PW_PRIV_S_VALUE << PW_MSTATUS_MPP_SHIFT
        csrw    mstatus, zero
        CASE 20                         # ID registers read 0; misa exactly
        CHECK_CSR marchid, 0
        CHECK_CSR mimpid, 0
        CHECK_CSR misa, PW_MISA_BASE | PW_MISA_EXT_M
        CASE 21                         # PMP registers exist, read zero, ignore writes
        li      a1, -1
        csrw    pmpcfg0, a1
        csrw    pmpaddr15, a1
        CHECK_CSR pmpcfg0, 0
        CHECK_CSR pmpaddr15, 0
        CASE 22                         # minstret counts retired instructions; writable
        csrw    minstret, zero
        nop
        nop
        csrr    a0, minstret
        CHECK   a0, 2
        csrw    mcycle, zero            # counts cycles on the RTL: a small number, not 0
        csrr    a0, mcycle
        sltiu   a0, a0, 64
        CHECK   a0, 1
        CASE 23                         # every CSR of core.defs reads in M-mode
#define READ_CSR(name, addr, wmask, reset) csrr a0, addr;
        PW_CSR_TABLE(READ_CSR)
        CASE 24                         # csrrs/csrrc with rs1 != x0 write, even when rs1 holds 0
        /* QEMU 7.2 decides by the register's value: no trap there. */
        li      a1, 0
        MUST_BE_ILLEGAL csrrs a0, mhartid, a1
        MUST_BE_ILLEGAL csrrc a0, cycle, a1
#endif

        TEST_END
