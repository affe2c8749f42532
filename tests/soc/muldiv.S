# muldiv.S: every M-extension instruction on edge operands (zero, one, -1,
# the most negative number, large and small values of both signs). The
# program checks nothing itself: in lockstep every result is compared with
# the ISS. Assembled with M (the rv32im builds only).
    .option arch, +m
    .section .text.init
    .globl _start
_start:
    la      s0, pairs
    la      s1, pairs_end
1:  lw      a0, 0(s0)
    lw      a1, 4(s0)
    mul     t0, a0, a1
    mulh    t1, a0, a1
    mulhsu  t2, a0, a1
    mulhu   t3, a0, a1
    div     t4, a0, a1
    divu    t5, a0, a1
    rem     t6, a0, a1
    remu    a2, a0, a1
    mul     a3, a1, a0
    mulhsu  a4, a1, a0
    addi    s0, s0, 8
    bltu    s0, s1, 1b
    li      t0, 0x5555
    li      t1, 0x100000
    sw      t0, 0(t1)
2:  j       2b

    .section .rodata
    .balign 4
pairs:
    .word 0, 0,  0, 1,  1, 0,  7, 3,  -7, 3,  7, -3,  -7, -3
    .word 0x80000000, -1,  0x80000000, 1,  -1, -1,  -1, 1,  0x7fffffff, 0x7fffffff
    .word 0x80000000, 0x80000000,  0x12345678, 0x9abcdef0,  0xdeadbeef, 0x10,  5, 0xffffffff
    .word 0xffffffff, 0,  0x80000000, 0,  100, 7,  -100, 7
pairs_end:
