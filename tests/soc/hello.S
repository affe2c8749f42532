# hello.S: the SoC's first program. Prints through the UART, exercises the
# ALU, loads and stores of every width, a call, M-extension-free arithmetic,
# a CSR, an ecall trapped and returned from, then passes on the finisher.
    .option arch, +zicsr
    .section .text.init
    .globl _start
_start:
    la      t0, trap
    csrw    mtvec, t0
    la      a0, msg
    call    puts
    li      t0, 0x12345678
    la      t1, buf
    sw      t0, 0(t1)
    lb      t2, 3(t1)           # 0x12
    lbu     t3, 0(t1)           # 0x78
    lh      t4, 2(t1)           # 0x1234
    sh      t4, 4(t1)
    sb      t3, 6(t1)
    lw      t5, 4(t1)           # 0x00781234
    li      t6, 0x00781234
    bne     t5, t6, fail
    ecall                       # to trap, back to the next instruction
    li      t0, 11
    bne     s0, t0, fail        # mcause of the ecall
    li      t0, 0x5555
    li      t1, 0x100000        # test finisher
    sw      t0, 0(t1)
1:  j       1b
fail:
    li      t0, 0x13333         # fail code 1
    li      t1, 0x100000
    sw      t0, 0(t1)
2:  j       2b

puts:                           # a0: NUL-terminated string
    li      t1, 0x10000000      # UART
1:  lbu     t0, 0(a0)
    beqz    t0, 2f
3:  lbu     t2, 5(t1)           # LSR: wait for THRE
    andi    t2, t2, 0x20
    beqz    t2, 3b
    sb      t0, 0(t1)
    addi    a0, a0, 1
    j       1b
2:  ret

    .align 2
trap:
    csrr    s0, mcause
    csrr    t0, mepc
    addi    t0, t0, 4
    csrw    mepc, t0
    mret

    .section .rodata
msg: .string "hello from the pagewalk SoC\n"
    .section .bss
buf: .space 16
