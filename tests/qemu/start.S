/* start.S: reset, trap handler and probe primitives of the QEMU reference.
 *
 * Everything here runs in M-mode except the one instruction each probe is
 * about: a load or store under mstatus.MPRV, or the fetch that mret sends to
 * a virtual address in U- or S-mode. Each probe works like setjmp/longjmp:
 * it saves the caller's registers, arms the trap handler, and either falls
 * through (the access succeeded) or comes back through the handler, which
 * records mcause, mtval, mepc and a0 and resumes at probe_resume in M-mode.
 *
 * C interface (see qemu_ref.c):
 *   uint32_t probe_load(uint32_t va, uint32_t mstatus, uint32_t *value);
 *   uint32_t probe_store(uint32_t va, uint32_t mstatus, uint32_t value);
 *   uint32_t probe_fetch(uint32_t va, uint32_t mstatus);
 * Each returns 0 if the access completed without a trap, else mcause; the
 * trap's details are in trap_record. probe_fetch always returns a cause: the
 * ecall at va+4 when the fetch worked, the fetch fault when it did not.
 * mstatus is the whole value to install for the probe (MPRV, MPP, SUM, MXR
 * already chosen by the caller).
 */

#define MSTATUS_MPP   0x00001800   /* bits 12:11 */
#define MSTATUS_MPRV  0x00020000   /* bit 17 */
#define PMPCFG_NAPOT_RWX 0x1f      /* A = NAPOT (3 << 3), X W R */

/* trap_record layout: four words */
#define TR_CAUSE 0
#define TR_TVAL  4
#define TR_EPC   8
#define TR_A0    12

/* probe_ctx layout: ra, sp, s0..s11 */
#define CTX_RA   0
#define CTX_SP   4
#define CTX_S(n) (8 + 4 * (n))

    .section .text.init, "ax", @progbits
    .globl _start
_start:
    /* QEMU's reset vector enters here with a0 = hart id, a1 = fdt. */
    csrw    mie, zero
    csrw    medeleg, zero           /* every exception comes to M */
    csrw    mideleg, zero
    la      t0, trap_entry
    csrw    mtvec, t0               /* direct mode: trap_entry is 4-aligned */
    /* One PMP entry over all of memory, so S and U accesses are allowed. */
    li      t0, -1
    csrw    pmpaddr0, t0
    li      t0, PMPCFG_NAPOT_RWX
    csrw    pmpcfg0, t0
    csrw    satp, zero
    sfence.vma zero, zero
    la      sp, __stack_top
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:  call    main
    tail    finish                  /* a0 = main's exit code; never returns */

    .text
/* Save ra, sp and s0..s11 into probe_ctx and arm the handler. Clobbers t0, t1. */
    .macro  PROBE_ENTER
    la      t0, probe_ctx
    sw      ra, CTX_RA(t0)
    sw      sp, CTX_SP(t0)
    sw      s0, CTX_S(0)(t0)
    sw      s1, CTX_S(1)(t0)
    sw      s2, CTX_S(2)(t0)
    sw      s3, CTX_S(3)(t0)
    sw      s4, CTX_S(4)(t0)
    sw      s5, CTX_S(5)(t0)
    sw      s6, CTX_S(6)(t0)
    sw      s7, CTX_S(7)(t0)
    sw      s8, CTX_S(8)(t0)
    sw      s9, CTX_S(9)(t0)
    sw      s10, CTX_S(10)(t0)
    sw      s11, CTX_S(11)(t0)
    la      t0, probe_armed
    li      t1, 1
    sw      t1, 0(t0)
    /* QEMU caches translations: forget them all before every probe. */
    sfence.vma zero, zero
    .endm

/* uint32_t probe_load(uint32_t va, uint32_t mstatus, uint32_t *value) */
    .globl  probe_load
probe_load:
    PROBE_ENTER
    li      t1, MSTATUS_MPRV
    csrw    mstatus, a1
    lw      t2, 0(a0)               /* the probe: the only translated access */
    csrc    mstatus, t1
    sw      t2, 0(a2)
    j       probe_done

/* uint32_t probe_store(uint32_t va, uint32_t mstatus, uint32_t value) */
    .globl  probe_store
probe_store:
    PROBE_ENTER
    li      t1, MSTATUS_MPRV
    csrw    mstatus, a1
    sw      a2, 0(a0)               /* the probe: the only translated access */
    csrc    mstatus, t1
    j       probe_done

/* uint32_t probe_fetch(uint32_t va, uint32_t mstatus) */
    .globl  probe_fetch
probe_fetch:
    PROBE_ENTER
    csrw    mepc, a0
    csrw    mstatus, a1             /* MPP = target privilege, MPRV = 0 */
    mret                            /* comes back through trap_entry */

/* No trap: disarm and return 0. The s registers were not touched. */
probe_done:
    la      t0, probe_armed
    sw      zero, 0(t0)
    li      a0, 0
    ret

/* Back from the handler in M-mode: restore the caller and return mcause. */
probe_resume:
    la      t0, probe_ctx
    lw      ra, CTX_RA(t0)
    lw      sp, CTX_SP(t0)
    lw      s0, CTX_S(0)(t0)
    lw      s1, CTX_S(1)(t0)
    lw      s2, CTX_S(2)(t0)
    lw      s3, CTX_S(3)(t0)
    lw      s4, CTX_S(4)(t0)
    lw      s5, CTX_S(5)(t0)
    lw      s6, CTX_S(6)(t0)
    lw      s7, CTX_S(7)(t0)
    lw      s8, CTX_S(8)(t0)
    lw      s9, CTX_S(9)(t0)
    lw      s10, CTX_S(10)(t0)
    lw      s11, CTX_S(11)(t0)
    la      t0, trap_record
    lw      a0, TR_CAUSE(t0)
    ret

/* Every trap lands here, in M-mode. mstatus.MPP is now the privilege the
 * trap came from; a load or store probe trapped from M, so after MPRV is
 * cleared (first thing, to be safe) every access here is untranslated. */
    .align  4
trap_entry:
    li      t0, MSTATUS_MPRV
    csrc    mstatus, t0
    la      t0, trap_record
    sw      a0, TR_A0(t0)           /* a fetch probe's lui a0 leaves its frame here */
    csrr    t1, mcause
    sw      t1, TR_CAUSE(t0)
    csrr    t1, mtval
    sw      t1, TR_TVAL(t0)
    csrr    t1, mepc
    sw      t1, TR_EPC(t0)
    la      t0, probe_armed
    lw      t1, 0(t0)
    beqz    t1, unexpected
    sw      zero, 0(t0)             /* disarm */
    li      t0, MSTATUS_MPP
    csrs    mstatus, t0             /* return to M ... */
    la      t0, probe_resume
    csrw    mepc, t0                /* ... at probe_resume */
    mret

/* A trap outside a probe is a bug in this program: report it and stop. */
unexpected:
    la      sp, __trap_stack_top
    la      t0, trap_record
    lw      a0, TR_CAUSE(t0)
    lw      a1, TR_EPC(t0)
    lw      a2, TR_TVAL(t0)
    call    unexpected_trap         /* never returns */
3:  j       3b

    .bss
    .align  2
    .globl  trap_record
trap_record:
    .space  16
probe_ctx:
    .space  56
probe_armed:
    .space  4
