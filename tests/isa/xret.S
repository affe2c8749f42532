# xret: mret and sret (the status bits they move, the mode they return to,
# MPRV cleared when leaving M), where they are illegal (mret below M, sret in
# U, sret in S with TSR), and wfi (a no-op in M and S, illegal in U and, with
# TW, in S).
#include "env.h"

#define MSTATUS_PRIV_BITS (PW_MSTATUS_MIE | PW_MSTATUS_MPIE | MPP_FIELD | PW_MSTATUS_MPRV)

        TEST_BEGIN

        CASE 1                          # mret to M: MIE <- MPIE, MPIE <- 1, MPP <- U
        li      a1, PW_MSTATUS_MPIE | MPP_FIELD
        csrw    mstatus, a1
        la      a1, 1f
        csrw    mepc, a1
        mret
        j       fail
1:      csrr    a0, mstatus
        li      a1, MSTATUS_PRIV_BITS
        and     a0, a0, a1
        CHECK   a0, PW_MSTATUS_MIE | PW_MSTATUS_MPIE
        CASE 2                          # MPIE = 0: MIE becomes 0, MPIE 1
        li      a1, PW_MSTATUS_MIE | MPP_FIELD
        csrw    mstatus, a1
        la      a1, 1f
        csrw    mepc, a1
        mret
1:      csrr    a0, mstatus
        li      a1, MSTATUS_PRIV_BITS
        and     a0, a0, a1
        CHECK   a0, PW_MSTATUS_MPIE
        CASE 3                          # mret to M keeps MPRV
        li      a1, PW_MSTATUS_MPRV | MPP_FIELD
        csrw    mstatus, a1
        la      a1, 1f
        csrw    mepc, a1
        mret
1:      csrr    a0, mstatus
        li      a1, PW_MSTATUS_MPRV
        and     a0, a0, a1
        CHECK   a0, PW_MSTATUS_MPRV
        csrw    mstatus, zero

        CASE 4                          # mret to S, and to U, clears MPRV; the mode is right
        li      a1, PW_MSTATUS_MPRV
        csrs    mstatus, a1
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL csrr a0, mstatus
        CHECK_TRAP_MODES PW_PRIV_S_VALUE, PW_PRIV_M_VALUE
        TO_M
#ifndef QEMU_COMPARE
        /* QEMU 7.2 leaves MPRV set when mret goes below M (spec 1.12
         * section 3.1.6.3 clears it). */
        csrr    a0, mstatus
        li      a1, PW_MSTATUS_MPRV
        and     a0, a0, a1
        CHECK   a0, 0
#endif
        li      a1, PW_MSTATUS_MPRV
        csrs    mstatus, a1
        GOTO_MODE PW_PRIV_U_VALUE
        MUST_BE_ILLEGAL csrr a0, sstatus
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_M_VALUE
        TO_M
#ifndef QEMU_COMPARE
        csrr    a0, mstatus
        li      a1, PW_MSTATUS_MPRV
        and     a0, a0, a1
        CHECK   a0, 0
#endif
        li      a1, PW_MSTATUS_MPRV
        csrc    mstatus, a1

        CASE 5                          # mret is illegal in S and U
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL mret
        TO_M
        GOTO_MODE PW_PRIV_U_VALUE
        MUST_BE_ILLEGAL mret
        TO_M

        CASE 6                          # sret in S to S: SIE <- SPIE, SPIE <- 1, SPP <- U
        GOTO_MODE PW_PRIV_S_VALUE
        li      a1, PW_MSTATUS_SPP | PW_MSTATUS_SIE
        csrw    sstatus, a1
        la      a1, 1f
        csrw    sepc, a1
        sret
        j       fail
1:      csrr    a0, sstatus
        andi    a0, a0, PW_MSTATUS_SIE | PW_MSTATUS_SPIE | PW_MSTATUS_SPP
        CHECK   a0, PW_MSTATUS_SPIE
        CASE 7                          # sret to U: the mode is U
        csrw    sstatus, zero
        la      a1, 1f
        csrw    sepc, a1
        sret
1:      MUST_BE_ILLEGAL csrr a0, sstatus
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_M_VALUE
        CASE 8                          # sret is illegal in U
        MUST_BE_ILLEGAL sret
        TO_M

        CASE 9                          # sret clears MPRV
        li      a1, PW_MSTATUS_MPRV
        csrs    mstatus, a1
        li      a1, PW_MSTATUS_SPP      # sret in M-mode, to S
        csrs    mstatus, a1
        la      a1, 1f
        csrw    sepc, a1
        sret                            # in M-mode: legal, goes to S
1:      TO_M
#ifndef QEMU_COMPARE
        /* QEMU 7.2 leaves MPRV set here too. */
        csrr    a0, mstatus
        li      a1, PW_MSTATUS_MPRV
        and     a0, a0, a1
        CHECK   a0, 0
#endif
        li      a1, PW_MSTATUS_MPRV
        csrc    mstatus, a1

        CASE 10                         # TSR: sret in S is illegal; in M it is not
        li      a1, PW_MSTATUS_TSR
        csrs    mstatus, a1
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL sret
        TO_M
        li      a1, PW_MSTATUS_SPP
        csrs    mstatus, a1
        la      a1, 1f
        csrw    sepc, a1
        sret
1:      TO_M
        csrw    mstatus, zero

        /* wfi: an interrupt is made pending and enabled in mie, but not
         * taken, so that a wfi QEMU performs returns at once. */
        CASE 11                         # wfi in M
        csrw    mstatus, zero
        li      a1, PW_IRQ_MSI
        csrw    mie, a1
        li      a2, PW_MEM_CLINT
        li      a1, 1
        sw      a1, PW_CLINT_MSIP(a2)
        wfi
        sw      zero, PW_CLINT_MSIP(a2)
        csrw    mie, zero
        CASE 12                         # wfi in S with TW = 0 (SSI pending, SIE = 0)
        li      a1, PW_IRQ_SSI
        csrw    mideleg, a1
        csrw    mie, a1
        csrs    mip, a1
        GOTO_MODE PW_PRIV_S_VALUE
        wfi
        TO_M
        CASE 13                         # wfi in S with TW = 1; in U
        li      a1, PW_MSTATUS_TW
        csrs    mstatus, a1
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL wfi
        TO_M
        csrc    mstatus, a1
        csrw    mip, zero               # in U an S interrupt would be taken at once
        GOTO_MODE PW_PRIV_U_VALUE
        MUST_BE_ILLEGAL wfi
        TO_M
        csrw    mie, zero
        csrw    mip, zero
        csrw    mideleg, zero

        TEST_END
