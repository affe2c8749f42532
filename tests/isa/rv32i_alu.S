# rv32i_alu: every register-register and register-immediate ALU instruction,
# lui and auipc, with sign and shift-amount corners, and writes to x0.
#include "env.h"

.macro TEST_RI n, op, result, v1, imm
        CASE    \n
        li      a1, \v1
        \op     a0, a1, \imm
        CHECK   a0, \result
.endm

        TEST_BEGIN

        TEST_RR  1, add,  0x00000003, 1, 2
        TEST_RR  2, add,  0x00000000, 0xffffffff, 1
        TEST_RR  3, add,  0x80000000, 0x7fffffff, 1
        TEST_RR  4, sub,  0xffffffff, 1, 2
        TEST_RR  5, sub,  0x7fffffff, 0x80000000, 1
        TEST_RR  6, sll,  0x80000000, 1, 31
        TEST_RR  7, sll,  0x00000002, 1, 33          # only rs2[4:0] counts
        TEST_RR  8, srl,  0x00000001, 0x80000000, 31
        TEST_RR  9, srl,  0x7fffffff, 0xffffffff, 0xffffffe1
        TEST_RR 10, sra,  0xffffffff, 0x80000000, 31
        TEST_RR 11, sra,  0xc0000000, 0x80000000, 1
        TEST_RR 12, sra,  0x00000001, 0x00000004, 2
        TEST_RR 13, slt,  1, 0xffffffff, 0
        TEST_RR 14, slt,  0, 0, 0xffffffff
        TEST_RR 15, slt,  0, 5, 5
        TEST_RR 16, sltu, 0, 0xffffffff, 0
        TEST_RR 17, sltu, 1, 0, 0xffffffff
        TEST_RR 18, xor,  0x0ff00ff0, 0xff00ff00, 0xf0f0f0f0
        TEST_RR 19, or,   0xfff0fff0, 0xff00ff00, 0xf0f0f0f0
        TEST_RR 20, and,  0xf000f000, 0xff00ff00, 0xf0f0f0f0

        TEST_RI 21, addi, 0x00000000, 1, -1
        TEST_RI 22, addi, 0x800007fe, 0x7fffffff, 0x7ff
        TEST_RI 23, addi, 0x7ffff800, 0x80000000, -0x800
        TEST_RI 24, slti, 1, -5, -4
        TEST_RI 25, slti, 0, 0, -1
        TEST_RI 26, sltiu, 1, 0, -1                  # the immediate sign-extends, then compares unsigned
        TEST_RI 27, sltiu, 0, 0xffffffff, 1
        TEST_RI 28, xori, 0xffffff00, 0x000000ff, -1
        TEST_RI 29, ori,  0xfffff80f, 0x0000000f, -0x800
        TEST_RI 30, andi, 0x000007f0, 0xfffffff0, 0x7ff
        TEST_RI 31, slli, 0x80000000, 1, 31
        TEST_RI 32, slli, 0x00000001, 1, 0
        TEST_RI 33, srli, 0x00000001, 0x80000000, 31
        TEST_RI 34, srai, 0xffffffff, 0x80000000, 31
        TEST_RI 35, srai, 0x3fffffff, 0x7fffffff, 1

        CASE 36                                      # lui
        lui     a0, 0xfffff
        CHECK   a0, 0xfffff000
        CASE 37                                      # auipc: pc-relative
1:      auipc   a0, 0x1
        la      a1, 1b
        sub     a0, a0, a1
        CHECK   a0, 0x1000
        CASE 38
2:      auipc   a0, 0
        la      a1, 2b
        CHECK_EQ a0, a1

        CASE 39                                      # x0 stays zero
        li      a1, 123
        add     x0, a1, a1
        addi    x0, x0, 5
        lui     x0, 1
        CHECK   x0, 0
        CASE 40                                      # rd = rs1 = rs2
        li      a0, 7
        add     a0, a0, a0
        CHECK   a0, 14
        CASE 41                                      # x0 as source
        li      a0, 9
        sub     a0, x0, a0
        CHECK   a0, -9

        TEST_END
