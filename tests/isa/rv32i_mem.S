# rv32i_mem: lb lh lw lbu lhu sb sh sw at every lane, sign and zero
# extension, negative offsets; fence; fence.i after storing an instruction.
#include "env.h"

        TEST_BEGIN

        la      s0, buf
        CASE 1                          # sw / lw
        li      a1, 0x80a1b2c3
        sw      a1, 0(s0)
        lw      a0, 0(s0)
        CHECK   a0, 0x80a1b2c3
        CASE 2                          # lb sign-extends, every lane
        lb      a0, 0(s0)
        CHECK   a0, 0xffffffc3
        lb      a0, 1(s0)
        CHECK   a0, 0xffffffb2
        lb      a0, 2(s0)
        CHECK   a0, 0xffffffa1
        lb      a0, 3(s0)
        CHECK   a0, 0xffffff80
        CASE 3                          # lbu zero-extends
        lbu     a0, 3(s0)
        CHECK   a0, 0x80
        lbu     a0, 0(s0)
        CHECK   a0, 0xc3
        CASE 4                          # lh / lhu, both halves
        lh      a0, 0(s0)
        CHECK   a0, 0xffffb2c3
        lh      a0, 2(s0)
        CHECK   a0, 0xffff80a1
        lhu     a0, 2(s0)
        CHECK   a0, 0x80a1
        CASE 5                          # sb writes one lane only
        li      a1, 0x5a
        sb      a1, 2(s0)
        lw      a0, 0(s0)
        CHECK   a0, 0x805ab2c3
        li      a1, 0x1234567f          # only the low byte is stored
        sb      a1, 0(s0)
        lw      a0, 0(s0)
        CHECK   a0, 0x805ab27f
        CASE 6                          # sh, upper half
        li      a1, 0xffff1234
        sh      a1, 2(s0)
        lw      a0, 0(s0)
        CHECK   a0, 0x1234b27f
        CASE 7                          # negative offset
        addi    a2, s0, 8
        li      a1, 0x0badf00d
        sw      a1, -4(a2)
        lw      a0, 4(s0)
        CHECK   a0, 0x0badf00d
        lh      a0, -2(a2)
        CHECK   a0, 0x0bad
        CASE 8                          # load into x0 is discarded
        lw      x0, 4(s0)
        CHECK   x0, 0
        CASE 9                          # fence does nothing visible
        fence
        fence   rw, rw
        lw      a0, 4(s0)
        CHECK   a0, 0x0badf00d

        CASE 10                         # fence.i: store an instruction, then run it
        la      a2, patch
        li      a1, 0x02a00513          # addi a0, x0, 42
        sw      a1, 0(a2)
        fence.i
        li      a0, 0
        jal     ra, patch
        CHECK   a0, 42

        TEST_END

        .text
patch:
        addi    a0, x0, 1               # replaced by the test
        ret

        .data
        .align  4
buf:    .word   0, 0, 0, 0
