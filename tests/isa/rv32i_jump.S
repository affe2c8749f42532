# rv32i_jump: beq bne blt bge bltu bgeu taken and not taken, backwards and
# forwards; jal and jalr with their link values, jalr clearing bit 0, and
# jalr with rd = rs1.
#include "env.h"

/* Case n: branch op on v1, v2 must be taken (taken = 1) or not. */
.macro TEST_BR n, op, taken, v1, v2
        CASE    \n
        li      a1, \v1
        li      a2, \v2
        li      a0, 0
        \op     a1, a2, 1f
        li      a0, 1           # fall-through marker
1:      CHECK   a0, (1 - \taken)
.endm

        TEST_BEGIN

        TEST_BR  1, beq,  1, 5, 5
        TEST_BR  2, beq,  0, 5, 6
        TEST_BR  3, bne,  1, 5, 6
        TEST_BR  4, bne,  0, 0, 0
        TEST_BR  5, blt,  1, -1, 0
        TEST_BR  6, blt,  0, 0, -1
        TEST_BR  7, blt,  0, 3, 3
        TEST_BR  8, bge,  1, 3, 3
        TEST_BR  9, bge,  1, 0, -1
        TEST_BR 10, bge,  0, -1, 0
        TEST_BR 11, bltu, 1, 0, -1
        TEST_BR 12, bltu, 0, -1, 0
        TEST_BR 13, bgeu, 1, -1, 0
        TEST_BR 14, bgeu, 0, 0, -1
        TEST_BR 15, bgeu, 1, 7, 7

        CASE 16                         # a backward branch loop: 5 iterations
        li      a0, 0
        li      a1, 5
2:      addi    a0, a0, 1
        bne     a0, a1, 2b
        CHECK   a0, 5

        CASE 17                         # jal links pc + 4
        jal     ra, 3f
4:      j       fail
3:      la      a0, 4b
        CHECK_EQ ra, a0

        CASE 18                         # jal x0 does not link
        li      a0, 77
        jal     x0, 5f
        j       fail
5:      CHECK   a0, 77

        CASE 19                         # jalr: base + offset, link
        la      a1, 6f
        addi    a1, a1, -8
        jalr    ra, 8(a1)
7:      j       fail
6:      la      a0, 7b
        CHECK_EQ ra, a0

        CASE 20                         # jalr clears bit 0 of the target
        la      a1, 8f
        addi    a1, a1, 1
        jalr    x0, 0(a1)
        j       fail
8:
        CASE 21                         # jalr with rd = rs1: target from the old value
        la      a1, 9f
        jalr    a1, 0(a1)
10:     j       fail
9:      la      a0, 10b
        CHECK_EQ a1, a0

        CASE 22                         # negative jalr offset
        la      a1, 11f
        addi    a1, a1, 16
        jalr    x0, -16(a1)
        j       fail
11:

        TEST_END
