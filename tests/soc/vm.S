# vm.S: privilege, translation and interrupts on the SoC, checked in lockstep.
# M-mode takes a timer interrupt, builds Sv32 tables (a global kernel
# megapage, a user code page and a user data page; the next page unmapped),
# delegates U ecalls and load page faults to S, and drops to S. S enters U;
# U stores and loads through its pages, faults on the unmapped page (S skips
# the load), then ecalls to S, which ecalls to M. M reads the user's data
# with MPRV (MPP = U), flushes with sfence.vma and passes.
    .option arch, +zicsr
    .equ FINISHER, 0x100000
    .equ CLINT_MTIMECMP, 0x2004000
    .equ CLINT_MTIME, 0x200bff8
    .equ UVA, 0x00400000          # user code; data at +0x1000; +0x2000 unmapped

    .section .text.init
    .globl _start
_start:
    la      t0, mtrap
    csrw    mtvec, t0
    # ---- a timer interrupt in M-mode
    li      t1, CLINT_MTIME
    lw      t2, 0(t1)
    addi    t2, t2, 200
    li      t1, CLINT_MTIMECMP
    sw      zero, 4(t1)
    sw      t2, 0(t1)
    li      t0, 0x80              # MTIE
    csrs    mie, t0
    csrsi   mstatus, 8            # MIE
1:  beqz    s1, 1b                # the handler sets s1
    csrci   mstatus, 8
    # ---- page tables
    la      s2, root
    li      t0, 0x200000ef        # VA 0x80000000: megapage to PA 0x80000000, G D A X W R V
    li      t1, 0x200*4
    add     t1, s2, t1
    sw      t0, 0(t1)
    la      t1, l0
    srli    t1, t1, 12
    slli    t1, t1, 10
    ori     t1, t1, 1             # pointer
    sw      t1, 1*4(s2)           # VA 0x00400000 (VPN1 = 1)
    la      t2, l0
    la      t1, ucode
    srli    t1, t1, 12
    slli    t1, t1, 10
    ori     t1, t1, 0x5b          # A U X R V
    sw      t1, 0(t2)
    la      t1, udata
    srli    t1, t1, 12
    slli    t1, t1, 10
    ori     t1, t1, 0xd7          # D A U W R V
    sw      t1, 4(t2)
    srli    t0, s2, 12
    li      t1, 0x80000000 | (5 << 22)   # Sv32, ASID 5
    or      t0, t0, t1
    csrw    satp, t0
    sfence.vma
    # ---- delegate and drop to S
    li      t0, (1 << 8) | (1 << 13)
    csrw    medeleg, t0
    la      t0, strap
    csrw    stvec, t0
    li      t0, 0x1800
    csrc    mstatus, t0
    li      t0, 0x0800            # MPP = S
    csrs    mstatus, t0
    la      t0, skernel
    csrw    mepc, t0
    mret

skernel:
    li      t0, 0x100             # SPP = U
    csrc    sstatus, t0
    li      t0, UVA
    csrw    sepc, t0
    sret

strap:
    csrr    t0, scause
    li      t1, 13
    beq     t0, t1, 1f
    li      t1, 8
    bne     t0, t1, fail
    ecall                         # U's ecall: on to M
1:  csrr    t1, stval
    li      t2, UVA + 0x2000
    bne     t1, t2, fail
    csrr    t0, sepc
    addi    t0, t0, 4
    csrw    sepc, t0
    addi    s3, s3, 1             # faults seen
    sret

mtrap:
    csrr    t0, mcause
    bltz    t0, mtimer
    li      t1, 9                 # ecall from S
    bne     t0, t1, fail
    li      t1, 1
    bne     s3, t1, fail
    # MPRV: M-mode loads with U's translation
    li      t0, 0x1800            # MPP = U (the trap from S set it to S)
    csrc    mstatus, t0
    li      t0, 0x20000           # MPRV
    csrs    mstatus, t0
    li      t1, UVA + 0x1000
    lw      t2, 0(t1)
    csrc    mstatus, t0
    li      t1, 0x600dbeef
    bne     t2, t1, fail
    sfence.vma zero, zero
    li      t0, 0x5555
    li      t1, FINISHER
    sw      t0, 0(t1)
2:  j       2b
mtimer:
    li      t1, CLINT_MTIMECMP
    li      t2, -1
    sw      t2, 4(t1)             # no more timer interrupts
    li      s1, 1
    mret

fail:
    li      t0, 0x23333           # fail code 2
    li      t1, FINISHER
    sw      t0, 0(t1)
3:  j       3b

    .section .text.user, "ax"
    .balign 4096
ucode:                            # runs at UVA in U-mode
    li      a0, UVA + 0x1000
    li      a1, 0x600dbeef
    sw      a1, 0(a0)
    lw      a2, 0(a0)
    li      a3, UVA + 0x2000
    lw      a4, 0(a3)             # page fault: S skips it
    sh      a1, 6(a0)
    lhu     a5, 6(a0)
    ecall
4:  j       4b

    .section .data
    .balign 4096
udata: .space 4096
    .balign 4096
root:  .space 4096
l0:    .space 4096
