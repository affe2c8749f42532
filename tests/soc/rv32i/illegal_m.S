# illegal_m.S: on a core built without M (pagewalk-soc --isa rv32i), every
# M-extension encoding is an illegal instruction: cause 2, tval the bits,
# mepc the instruction; misa has no M bit.
    .option arch, +zicsr, +m
    .section .text.init
    .globl _start
_start:
    la      t0, trap
    csrw    mtvec, t0
    csrr    t0, misa
    li      t1, 1 << 12
    and     t0, t0, t1
    bnez    t0, fail
    li      s1, 0                 # traps seen
    li      a0, 6
    li      a1, 7
m1: mul     a2, a0, a1
m2: divu    a3, a1, a0
m3: remu    a4, a1, a0
m4: mulhsu  a5, a0, a1
    li      t0, 4
    bne     s1, t0, fail
    bnez    a2, fail              # the trapped instructions wrote nothing
    li      t0, 0x5555
    li      t1, 0x100000
    sw      t0, 0(t1)
1:  j       1b
fail:
    li      t0, 0x13333
    li      t1, 0x100000
    sw      t0, 0(t1)
2:  j       2b

    .balign 4
trap:
    csrr    t0, mcause
    li      t1, 2
    bne     t0, t1, fail
    csrr    t0, mepc
    lw      t1, 0(t0)             # the instruction's bits ...
    csrr    t2, mtval
    bne     t1, t2, fail          # ... are mtval
    addi    t0, t0, 4
    csrw    mepc, t0
    addi    s1, s1, 1
    mret
