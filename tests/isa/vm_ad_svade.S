# vm_ad_svade: with Svade (pagewalk-iss's default, and the core's Svade
# build), a PTE with A = 0, or D = 0 for a store, is a page fault and the
# PTE is left as it was; software sets the bits and retries.
# qemu: skip QEMU 7.2 sets A and D in hardware (Svadu): vm_ad_svadu.S
#include "vm.h"

        TEST_BEGIN
        VM_SETUP
        VM_ON
        PTE_ADDR s0, VA_NO_A
        PTE_ADDR s1, VA_NO_D
        lw      s4, 0(s0)               # their values
        lw      s5, 0(s1)

        GOTO_MODE PW_PRIV_S_VALUE
        CASE 1                          # A = 0: load, store, both fault
        li      a2, VA_NO_A
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_NO_A, lw a0, 0(a2)
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_NO_A + 4, sw a0, 4(a2)
        lw      a0, 0(s0)
        CHECK_EQ a0, s4                 # untouched
        CASE 2                          # D = 0: loads work, stores fault
        li      a2, VA_NO_D
        lw      a0, 0(a2)
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_NO_D, sw a0, 0(a2)
        lw      a0, 0(s1)
        CHECK_EQ a0, s5
        CASE 3                          # software sets A and D; the access then works
        ori     a1, s4, PW_PTE_A | PW_PTE_D
        sw      a1, 0(s0)
        sfence.vma
        li      a2, VA_NO_A
        li      a1, 0x0000ad00
        sw      a1, 0(a2)
        lw      a0, 0(a2)
        CHECK   a0, 0x0000ad00
        TO_M
        TEST_END

        VM_DATA
