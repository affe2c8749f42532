# vm_sfence: S-mode edits its page table and uses each of the four forms of
# sfence.vma (all; one VA; one ASID; one VA in one ASID); the new mapping
# must be seen after each. sfence.vma never faults, whatever its VA.
#include "vm.h"

/* S: point VA_REMAP at the page whose RAM address is in pareg. */
.macro REMAP pareg
        srli    t0, \pareg, 12
        slli    t0, t0, 10
        ori     t0, t0, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D
        la      t1, pt_l0
        sw      t0, ((VA_REMAP >> 12) & 0x3ff) * 4(t1)
.endm

        TEST_BEGIN
        VM_SETUP
        la      s0, page_a
        li      a1, 0xaaaa0001
        sw      a1, 0(s0)
        la      s1, page_c
        li      a1, 0xcccc0002
        sw      a1, 0(s1)
        VM_ON   5

        GOTO_MODE PW_PRIV_S_VALUE
        li      s2, VA_REMAP
        li      s3, 5                   # the ASID in satp
        CASE 1
        lw      a0, 0(s2)
        CHECK   a0, 0xaaaa0001
        CASE 2                          # sfence.vma x0, x0
        REMAP   s1
        sfence.vma
        lw      a0, 0(s2)
        CHECK   a0, 0xcccc0002
        CASE 3                          # sfence.vma va, x0
        REMAP   s0
        sfence.vma s2, x0
        lw      a0, 0(s2)
        CHECK   a0, 0xaaaa0001
        CASE 4                          # sfence.vma x0, asid
        REMAP   s1
        sfence.vma x0, s3
        lw      a0, 0(s2)
        CHECK   a0, 0xcccc0002
        CASE 5                          # sfence.vma va, asid
        REMAP   s0
        sfence.vma s2, s3
        lw      a0, 0(s2)
        CHECK   a0, 0xaaaa0001
        CASE 6                          # stores see the new mapping too
        REMAP   s1
        sfence.vma s2, x0
        li      a1, 0xcccc0003
        sw      a1, 4(s2)
        lw      a0, 4(s1)
        CHECK   a0, 0xcccc0003
        CASE 7                          # any VA, mapped or not
        li      a1, VA_INVALID
        sfence.vma a1, x0
        li      a1, 0xfffff000
        sfence.vma a1, s3
        CASE 8                          # a new ASID and a new root: the old mappings are gone
        csrr    s4, satp
        la      t0, pt_root2
        srli    t0, t0, 12
        li      t1, PW_SATP_MODE | (7 << PW_SATP_ASID_SHIFT)
        or      t0, t0, t1
        la      t1, pt_root             # copy the RAM megapage only
        li      t2, ((PW_MEM_RAM >> 22) & 0x3ff) * 4
        add     t1, t1, t2
        lw      t3, 0(t1)
        la      t1, pt_root2
        add     t1, t1, t2
        sw      t3, 0(t1)
        csrw    satp, t0
        sfence.vma
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_REMAP, lw a0, 0(s2)
        csrw    satp, s4
        sfence.vma
        lw      a0, 0(s2)
        CHECK   a0, 0xcccc0002
        TO_M
        TEST_END

        VM_DATA
        .bss
        .align  12
pt_root2: .space 4096
