# rv32m: mul mulh mulhsu mulhu div divu rem remu, with the division-by-zero
# and overflow results the specification tabulates.
#include "env.h"

        TEST_BEGIN

        TEST_RR  1, mul,    0x00000006, 2, 3
        TEST_RR  2, mul,    0xfffffffa, -2, 3
        TEST_RR  3, mul,    0x00000001, 0xffffffff, 0xffffffff
        TEST_RR  4, mul,    0x00000000, 0x00010000, 0x00010000
        TEST_RR  5, mulh,   0x00000001, 0x00010000, 0x00010000
        TEST_RR  6, mulh,   0xffffffff, -2, 3                 # -6 >> 32
        TEST_RR  7, mulh,   0x40000000, 0x80000000, 0x80000000
        TEST_RR  8, mulhu,  0xfffffffe, 0xffffffff, 0xffffffff
        TEST_RR  9, mulhu,  0x7fffffff, 0x80000000, 0xffffffff
        TEST_RR 10, mulhsu, 0xffffffff, -1, 1                 # -1 * 1 = -1
        TEST_RR 11, mulhsu, 0xffffffff, -1, 0xffffffff        # -1 * (2^32 - 1)
        TEST_RR 12, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff
        TEST_RR 13, div,    0xfffffffd, -7, 2                 # rounds towards zero
        TEST_RR 14, div,    0x00000003, -7, -2
        TEST_RR 15, div,    0xffffffff, 7, 0                  # by zero: -1
        TEST_RR 16, div,    0x80000000, 0x80000000, -1        # overflow: the dividend
        TEST_RR 17, divu,   0x7ffffffc, -7, 2
        TEST_RR 18, divu,   0xffffffff, 7, 0
        TEST_RR 19, rem,    0xffffffff, -7, 2                 # sign of the dividend
        TEST_RR 20, rem,    0x00000001, 7, -2
        TEST_RR 21, rem,    0xfffffff9, -7, 0                 # by zero: the dividend
        TEST_RR 22, rem,    0x00000000, 0x80000000, -1        # overflow: 0
        TEST_RR 23, remu,   0x00000001, -7, 2
        TEST_RR 24, remu,   0x00000007, 7, 0

        TEST_END
