# interrupts: machine software and timer interrupts from the CLINT, SSIP and
# STIP written by software, delegation to S with mideleg, the enables of each
# mode (M interrupts always on below M; S interrupts never in M), the order
# MSI > MTI > SSI > STI, a timer interrupt forwarded by M to S (the usual
# kernel arrangement), and vectored mtvec / stvec.
#
# Interrupts are made pending while disabled and then enabled by a CSR write,
# so that QEMU (which looks for interrupts between translation blocks) takes
# them at the same instruction as the ISS.
#include "env.h"

#define CLINT_MSIP_ADDR     (PW_MEM_CLINT + PW_CLINT_MSIP)
#define CLINT_MTIMECMP_ADDR (PW_MEM_CLINT + PW_CLINT_MTIMECMP)
#define INTR(code) (PW_MCAUSE_INTERRUPT | (code))

/* mtimecmp = 0: MTIP pending at once; all ones: never. */
.macro TIMER_NOW
        li      t5, CLINT_MTIMECMP_ADDR
        sw      zero, 0(t5)
        sw      zero, 4(t5)
.endm
.macro TIMER_NEVER
        li      t5, CLINT_MTIMECMP_ADDR
        li      t6, -1
        sw      t6, 4(t5)
        sw      t6, 0(t5)
.endm
.macro MSIP value
        li      t5, CLINT_MSIP_ADDR
        li      t6, \value
        sw      t6, 0(t5)
.endm

/* Each case starts with interrupts off everywhere. */
.macro ICASE n
        CASE    \n
        csrw    mstatus, zero
        csrw    mie, zero
.endm

        TEST_BEGIN

        ICASE 1                          # MSI in M, taken when MIE is set
        MSIP    1
        li      a1, PW_IRQ_MSI
        csrw    mie, a1
        EXPECT_TRAP_AT 1f
        csrsi   mstatus, PW_MSTATUS_MIE
2:      j       fail
1:      CHECK_TRAP INTR(PW_IRQ_MSI_BIT), 0
        CHECK_EPC 2b
        CHECK_CSR mie, 0                # the handler disabled it
        csrci   mstatus, PW_MSTATUS_MIE
        MSIP    0

        ICASE 2                          # MTI in M
        TIMER_NOW
        li      a1, PW_IRQ_MTI
        csrw    mie, a1
        EXPECT_TRAP_AT 1f
        csrsi   mstatus, PW_MSTATUS_MIE
2:      j       fail
1:      CHECK_TRAP INTR(PW_IRQ_MTI_BIT), 0
        CHECK_EPC 2b
        csrci   mstatus, PW_MSTATUS_MIE
        TIMER_NEVER

        ICASE 3                          # MIE = 0 in M: nothing; in U, M interrupts are on anyway
        TIMER_NOW
        li      a1, PW_IRQ_MTI
        csrw    mie, a1
        nop
        EXPECT_TRAP_AT 1f
        GOTO_MODE PW_PRIV_U_VALUE
2:      j       fail
1:      CHECK_TRAP INTR(PW_IRQ_MTI_BIT), 0
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_M_VALUE
        CHECK_EPC 2b
        TO_M
        TIMER_NEVER

        ICASE 4                          # MSI before MTI (a local handler that stays in M)
        la      a1, first_cause
        csrw    mtvec, a1
        TIMER_NOW
        MSIP    1
        li      a1, PW_IRQ_MSI | PW_IRQ_MTI
        csrw    mie, a1
        li      s2, 0
        csrsi   mstatus, PW_MSTATUS_MIE
        j       fail
4:      CHECK   s2, INTR(PW_IRQ_MSI_BIT)
        MSIP    0
#ifndef QEMU_COMPARE
        /* QEMU 7.2 (without AIA) takes the lowest-numbered interrupt of a
         * mode first: SSI before MTI, STI before MTI. */
        li      s2, 0                   # then MTI before SSI
        li      a1, PW_IRQ_MTI | PW_IRQ_SSI
        csrw    mie, a1
        csrsi   mip, PW_IRQ_SSI
        csrsi   mstatus, PW_MSTATUS_MIE
        j       fail
4:      CHECK   s2, INTR(PW_IRQ_MTI_BIT)
        li      s2, 0                   # and MTI before STI
        li      a1, PW_IRQ_MTI | PW_IRQ_STI
        csrw    mie, a1
        csrw    mip, a1
        csrsi   mstatus, PW_MSTATUS_MIE
        j       fail
4:      CHECK   s2, INTR(PW_IRQ_MTI_BIT)
#endif
        TIMER_NEVER
        li      s2, 0                   # then SSI before STI (neither delegated)
        li      a1, PW_IRQ_SSI | PW_IRQ_STI
        csrw    mie, a1
        csrs    mip, a1
        csrsi   mstatus, PW_MSTATUS_MIE
        j       fail
4:      CHECK   s2, INTR(PW_IRQ_SSI_BIT)
        csrw    mip, zero
        la      a1, trap_m
        csrw    mtvec, a1

        ICASE 5                          # STI delegated to S: taken when S sets SIE
        li      a1, PW_IRQ_STI
        csrw    mideleg, a1
        csrw    mie, a1
        csrs    mip, a1
        GOTO_MODE PW_PRIV_S_VALUE       # SIE = 0: pending, not taken
        nop
        EXPECT_TRAP_AT 1f
        csrsi   sstatus, PW_MSTATUS_SIE
2:      j       fail
1:      CHECK_TRAP INTR(PW_IRQ_STI_BIT), 0
        CHECK_TRAP_MODES PW_PRIV_S_VALUE, PW_PRIV_S_VALUE
        CHECK_EPC 2b
        CHECK_CSR sie, 0
        csrci   sstatus, PW_MSTATUS_SIE
        TO_M
        csrw    mip, zero

        ICASE 6                          # S interrupts are never taken in M, even with SIE set
        li      a1, PW_IRQ_SSI
        csrw    mideleg, a1
        csrw    mie, a1
        csrs    mip, a1
        csrsi   mstatus, PW_MSTATUS_SIE | PW_MSTATUS_MIE
        nop
        csrci   mstatus, PW_MSTATUS_MIE
        EXPECT_TRAP_AT 1f               # ... and at once in S
        GOTO_MODE PW_PRIV_S_VALUE
2:      j       fail
1:      CHECK_TRAP INTR(PW_IRQ_SSI_BIT), 0
        CHECK_EPC 2b
        CHECK_TRAP_MODES PW_PRIV_S_VALUE, PW_PRIV_S_VALUE
        csrw    sip, zero               # S clears its own SSIP
        TO_M
        CHECK_CSR mip, 0
        csrci   mstatus, PW_MSTATUS_SIE

        ICASE 7                          # S writes SSIP through sip; U takes it in S
        li      a1, PW_IRQ_SSI
        csrw    mie, a1
        GOTO_MODE PW_PRIV_S_VALUE
        csrw    sip, a1                 # SIE = 0 in S: pending only
        EXPECT_TRAP_AT 1f
        la      a2, 2f
        csrw    sepc, a2
        sret                            # to U (SPP = 0): S interrupts on below S
2:      j       fail
1:      CHECK_TRAP INTR(PW_IRQ_SSI_BIT), 0
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_S_VALUE
        CHECK_EPC 2b
        TO_M
        csrw    mip, zero
        csrw    mideleg, zero

        ICASE 8                          # a timer interrupt forwarded by M to S
        la      a1, forward_timer
        csrw    mtvec, a1
        li      a1, PW_IRQ_STI
        csrw    mideleg, a1
        li      a1, PW_IRQ_STI | PW_IRQ_MTI
        csrw    mie, a1
        TIMER_NOW
        csrsi   mstatus, PW_MSTATUS_SIE
        EXPECT_TRAP_AT 1f
        GOTO_MODE PW_PRIV_S_VALUE       # MTI to M, which sets STIP; then STI in S
2:      j       fail
1:      CHECK_TRAP INTR(PW_IRQ_STI_BIT), 0
        CHECK_TRAP_MODES PW_PRIV_S_VALUE, PW_PRIV_S_VALUE
        CHECK_EPC 2b
        csrci   sstatus, PW_MSTATUS_SIE
        TO_M
        la      a1, trap_m
        csrw    mtvec, a1
        TIMER_NEVER
        csrw    mip, zero
        csrw    mie, zero
        csrw    mideleg, zero

        ICASE 9                          # vectored mtvec: MSI at base + 4 * 3
        la      a1, vectors
        ori     a1, a1, PW_TVEC_MODE_VECTORED
        csrw    mtvec, a1
        MSIP    1
        li      a1, PW_IRQ_MSI
        csrw    mie, a1
        li      s2, 0
        li      s3, 0
        csrsi   mstatus, PW_MSTATUS_MIE
        j       fail
4:      CHECK   s2, PW_IRQ_MSI_BIT
        MSIP    0
        la      a1, trap_m
        csrw    mtvec, a1
        ICASE 10                         # vectored stvec: STI at base + 4 * 5
        la      a1, vectors
        ori     a1, a1, PW_TVEC_MODE_VECTORED
        csrw    stvec, a1
        li      a1, PW_IRQ_STI
        csrw    mideleg, a1
        csrw    mie, a1
        csrs    mip, a1
        li      s2, 0
        li      s3, 1
        GOTO_MODE PW_PRIV_S_VALUE
        csrsi   sstatus, PW_MSTATUS_SIE
        j       fail
4:      CHECK   s2, PW_IRQ_STI_BIT
        TO_M
        la      a1, trap_s
        csrw    stvec, a1
        csrw    mip, zero
        csrw    mideleg, zero

        TEST_END

/* M-mode handler for case 4: record mcause in s2, disable everything, and
 * continue in M-mode (MIE stays 0) at the 4f after the enabling write. */
        .align  4
first_cause:
        csrr    s2, mcause
        csrw    mie, zero
        csrr    t5, mepc
        addi    t5, t5, 4               # the 'j fail' after the enabling write
        jr      t5

/* M-mode handler for case 8: forward the machine timer to S as STIP;
 * anything else goes to the usual handler. */
        .align  4
forward_timer:
        csrr    t5, mcause
        bltz    t5, 1f
        j       trap_m
1:      li      t5, PW_IRQ_STI
        csrs    mip, t5
        li      t5, PW_IRQ_MTI
        csrc    mie, t5
        mret

/* Vector table for cases 9 and 10: entry n (one instruction at base + 4n)
 * records n in s2; then interrupts of the mode that took it (s3: 0 M, 1 S)
 * are disabled and the code goes on after the 'j fail' it interrupted. */
        .align  8
vectors:
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        j       vector_\n
        .endr
        .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
vector_\n:
        li      s2, \n
        j       vector_common
        .endr
vector_common:
        bnez    s3, 1f
        csrw    mie, zero
        csrr    t5, mepc
        addi    t5, t5, 4
        jr      t5
1:      csrw    sie, zero
        csrr    t5, sepc
        addi    t5, t5, 4
        jr      t5
