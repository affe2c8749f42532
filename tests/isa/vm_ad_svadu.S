# vm_ad_svadu: with Svadu (pagewalk-iss --svadu, the core's Svadu build, and
# QEMU 7.2), the walker sets A on any access and D on a store, and the
# access completes.
# iss-options: --svadu
#include "vm.h"

        TEST_BEGIN
        VM_SETUP
        VM_ON
        PTE_ADDR s0, VA_NO_A
        PTE_ADDR s1, VA_NO_D
        lw      s4, 0(s0)               # their values
        lw      s5, 0(s1)

        GOTO_MODE PW_PRIV_S_VALUE
        CASE 1                          # a load sets A only
        li      a2, VA_NO_A
        lw      a0, 0(a2)
        lw      a0, 0(s0)
        ori     a1, s4, PW_PTE_A
        CHECK_EQ a0, a1
        CASE 2                          # a store sets D (and A)
        li      a1, 0x5eed
        sw      a1, 8(a2)
        lw      a0, 0(s0)
        ori     a1, s4, PW_PTE_A | PW_PTE_D
        CHECK_EQ a0, a1
        CASE 3                          # A already set, D clear: a store sets D
        li      a2, VA_NO_D
        sw      a1, 0(a2)
        lw      a0, 0(s1)
        ori     a1, s5, PW_PTE_D
        CHECK_EQ a0, a1
        CASE 4                          # the data went to the page
        la      a2, page_d
        lw      a0, 8(a2)
        CHECK   a0, 0x5eed
        TO_M
        TEST_END

        VM_DATA
