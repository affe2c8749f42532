# vm_faults: Sv32 translation seen from software: loads, stores and fetches
# through the page tables, and every page fault (load 13, store 15, fetch
# 12) and access fault (5, 7) with tval = the virtual address: V = 0, W
# without R, missing permissions, U pages from S (SUM) and S pages from U,
# MXR, a misaligned megapage, reserved bits in a pointer, a pointer at level
# 0, a PA above 4 GiB or without a device; MPRV for M-mode data; TVM.
# Every PTE here has A and D set where they matter, so Svade and Svadu agree.
#include "vm.h"

        TEST_BEGIN
        VM_SETUP
        la      s0, page_a
        li      a1, 0x600dc0de
        sw      a1, 0(s0)
        la      s1, page_b              # page_b holds code: ret
        li      a1, 0x00008067
        sw      a1, 0(s1)
        fence.i
        VM_ON

        CASE 1                          # S: load and store through the tables
        GOTO_MODE PW_PRIV_S_VALUE
        li      s2, VA_RW
        lw      a0, 0(s2)
        CHECK   a0, 0x600dc0de
        li      a1, 0x12345678
        sw      a1, 4(s2)
        li      s3, VA_R                # the same page, read-only
        lw      a0, 4(s3)
        CHECK   a0, 0x12345678
        CASE 2                          # S: fetch from an X page
        li      a2, VA_X
        jalr    ra, 0(a2)
        CASE 3                          # store to R only: 15; fetch from R only: 12
        li      a2, VA_R
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_R + 8, sw a1, 8(a2)
        EXPECT_TRAP_AT 1f
        jalr    ra, 0(a2)
        j       fail
1:      CHECK_TRAP PW_CAUSE_FETCH_PAGE_FAULT, VA_R
        la      t3, trap_record
        lw      t3, TR_EPC(t3)
        CHECK   t3, VA_R
        CASE 4                          # load from X only: 13, unless MXR
        li      a2, VA_X
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_X, lw a0, 0(a2)
        li      a1, PW_MSTATUS_MXR
        csrs    sstatus, a1
        lw      a0, 0(a2)
        CHECK   a0, 0x00008067
        csrc    sstatus, a1
        CASE 5                          # V = 0: every access faults
        li      a2, VA_INVALID
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_INVALID + 4, lw a0, 4(a2)
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_INVALID + 1, sb a0, 1(a2)
        EXPECT_TRAP_AT 1f
        jalr    ra, 0(a2)
        j       fail
1:      CHECK_TRAP PW_CAUSE_FETCH_PAGE_FAULT, VA_INVALID
        CASE 6                          # W without R is reserved
        li      a2, VA_WONLY
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_WONLY, lw a0, 0(a2)
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_WONLY, sw a0, 0(a2)
        CASE 7                          # S and a U page: faults without SUM, loads/stores with it
        li      a2, VA_U
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_U, lw a0, 0(a2)
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_U, sw a0, 0(a2)
        li      a1, PW_MSTATUS_SUM
        csrs    sstatus, a1
        li      a3, 0x55aa55aa
        sw      a3, 0(a2)
        lw      a0, 0(a2)
        CHECK   a0, 0x55aa55aa
        EXPECT_TRAP_AT 1f               # never a fetch
        jalr    ra, 0(a2)
        j       fail
1:      CHECK_TRAP PW_CAUSE_FETCH_PAGE_FAULT, VA_U
        csrc    sstatus, a1
        CASE 8                          # megapage with PPN[0] != 0; reserved pointer; level-0 pointer
        li      a2, VA_MEGA_MISALIGNED
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_MEGA_MISALIGNED, lw a0, 0(a2)
        li      a2, VA_PTR_RESERVED
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_PTR_RESERVED, sw a0, 0(a2)
        li      a2, VA_L0_PTR
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_L0_PTR, lw a0, 0(a2)
        CASE 9                          # translated, but no device at the PA: access faults
        li      a2, VA_HIGH_PA
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, VA_HIGH_PA, lw a0, 0(a2)
        MUST_TRAP PW_CAUSE_STORE_ACCESS, VA_HIGH_PA + 4, sw a0, 4(a2)
        li      a2, VA_NO_DEV
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, VA_NO_DEV + 8, lw a0, 8(a2)
        EXPECT_TRAP_AT 1f
        jalr    ra, 0(a2)
        j       fail
1:      CHECK_TRAP PW_CAUSE_FETCH_ACCESS, VA_NO_DEV
        CASE 10                         # TVM = 0: S may use satp and sfence.vma
        csrr    a0, satp
        sfence.vma
        csrw    satp, a0
        TO_M

        CASE 11                         # U: U pages yes, S pages no, S code no
        GOTO_USER
        li      a2, VA_U
        lw      a0, 0(a2)
        CHECK   a0, 0x55aa55aa
        li      a2, VA_RW
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_RW, lw a0, 0(a2)
        MUST_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_RW + 12, sw a0, 12(a2)
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_M_VALUE
        la      a2, ucode_s_page        # the RAM address: the S-only identity mapping
        li      a3, USER_ALIAS_VA - PW_MEM_RAM
        sub     a2, a2, a3
        EXPECT_TRAP_AT 1f
        jalr    ra, 0(a2)
        j       fail
1:      CHECK_TRAP_R PW_CAUSE_FETCH_PAGE_FAULT, a2
        MUST_BE_ILLEGAL sfence.vma      # U never may
        TO_M

        CASE 12                         # medeleg: page faults from U go to S
        li      a1, (1 << PW_CAUSE_LOAD_PAGE_FAULT) | (1 << PW_CAUSE_STORE_PAGE_FAULT)
        csrw    medeleg, a1
        GOTO_USER
        li      a2, VA_INVALID
        MUST_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_INVALID, lw a0, 0(a2)
        CHECK_TRAP_MODES PW_PRIV_U_VALUE, PW_PRIV_S_VALUE
        TO_M
        csrw    medeleg, zero

        CASE 13                         # MPRV: M-mode data through the tables, as MPP
        /* After a trap in M-mode, mret leaves MPRV set and MPP = U: each
         * resume point clears MPRV before it looks at trap_record. */
        li      s4, PW_MSTATUS_MPRV | MPP_FIELD
        li      a1, PW_MSTATUS_MPRV | (PW_PRIV_S_VALUE << PW_MSTATUS_MPP_SHIFT)
        csrs    mstatus, a1
        li      a2, VA_RW
        lw      a0, 0(a2)
        CHECK   a0, 0x600dc0de
        li      a2, VA_INVALID
        EXPECT_TRAP_AT 1f
        lw      a0, 0(a2)
        j       fail
1:      csrc    mstatus, s4
        CHECK_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_INVALID
        CHECK_TRAP_MODES PW_PRIV_M_VALUE, PW_PRIV_M_VALUE
        li      a2, VA_U                # S rules: a U page needs SUM
        EXPECT_TRAP_AT 1f
        csrs    mstatus, a1
        lw      a0, 0(a2)
        j       fail
1:      csrc    mstatus, s4
        CHECK_TRAP PW_CAUSE_LOAD_PAGE_FAULT, VA_U
        li      a1, PW_MSTATUS_MPRV     # MPP = U: a U page is fine, an S page is not
        csrs    mstatus, a1
        lw      a0, 0(a2)
        csrc    mstatus, s4
        CHECK   a0, 0x55aa55aa
        li      a2, VA_RW
        EXPECT_TRAP_AT 1f
        csrs    mstatus, a1
        sw      a0, 0(a2)
        j       fail
1:      csrc    mstatus, s4
        CHECK_TRAP PW_CAUSE_STORE_PAGE_FAULT, VA_RW
        li      a1, PW_MSTATUS_MPRV | MPP_FIELD  # MPP = M: no translation at all
        csrs    mstatus, a1
        la      a2, page_a
        lw      a0, 0(a2)
        csrc    mstatus, s4
        CHECK   a0, 0x600dc0de

        CASE 14                         # TVM = 1: satp and sfence.vma are illegal in S
        li      a1, PW_MSTATUS_TVM
        csrs    mstatus, a1
        GOTO_MODE PW_PRIV_S_VALUE
        MUST_BE_ILLEGAL csrr a0, satp
        MUST_BE_ILLEGAL csrw satp, zero
        MUST_BE_ILLEGAL sfence.vma
        MUST_BE_ILLEGAL sfence.vma a0, a1
        TO_M
        csrr    a0, satp                # M-mode is not affected
        sfence.vma
        li      a1, PW_MSTATUS_TVM
        csrc    mstatus, a1

#ifndef QEMU_COMPARE
        /* QEMU 7.2 reports a bus error on a PTE read as a page fault; the
         * core reports an access fault (privileged spec 4.3.2 step 2). */
        CASE 15                         # a page table where there is no memory
        GOTO_MODE PW_PRIV_S_VALUE
        li      a2, VA_PT_NO_DEV
        MUST_TRAP PW_CAUSE_LOAD_ACCESS, VA_PT_NO_DEV, lw a0, 0(a2)
        MUST_TRAP PW_CAUSE_STORE_ACCESS, VA_PT_NO_DEV, sw a0, 0(a2)
        TO_M
#endif
        TEST_END

ucode_s_page:
        j       fail

        VM_DATA
