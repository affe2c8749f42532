/* vm.h: page tables for the paging tests of the ISA suite.
 *
 * VM_SETUP (M-mode) builds, in pt_root / pt_l0:
 *   0x80000000  4 MiB  identity megapage of RAM, RWX, A D G, U = 0 (S code and data)
 *   0xc0000000  4 MiB  USER_ALIAS_VA: the same RAM with U = 1 (U code, GOTO_USER)
 *   0x40000000  4 KiB  pages through pt_l0, one per VA_* below
 * and VM_ON writes satp (ASID 0). The test pages are page_a .. page_d
 * (4 KiB each, in RAM).
 */
#ifndef ISA_VM_H
#define ISA_VM_H

#include "env.h"

#define SATP_MODE_SV32 PW_SATP_MODE
#define PTE_G_AD (PW_PTE_A | PW_PTE_D | PW_PTE_G)

/* Virtual pages in the 0x40000000 region (pt_l0 index = bits 21:12). */
#define VA_RW      0x40000000   /* page_a: R W,   A D */
#define VA_R       0x40001000   /* page_a: R,     A */
#define VA_X       0x40002000   /* page_b: X,     A   (holds code) */
#define VA_U       0x40003000   /* page_c: R W U, A D */
#define VA_INVALID 0x40004000   /* V = 0 */
#define VA_WONLY   0x40005000   /* W without R: reserved */
#define VA_HIGH_PA 0x40006000   /* R W A D, PA 0x1_0000_0000 (above 4 GiB) */
#define VA_NO_DEV  0x40007000   /* R W X A D, PA 0x00200000 (no device) */
#define VA_L0_PTR  0x40008000   /* a pointer PTE at level 0 */
#define VA_NO_A    0x40009000   /* page_d: R W, A = 0, D = 0 */
#define VA_NO_D    0x4000a000   /* page_d: R W, A = 1, D = 0 */
#define VA_REMAP   0x4000b000   /* page_a or page_c: the sfence tests remap it */
#define VA_MEGA_MISALIGNED 0x40400000 /* megapage with PPN[0] != 0 */
#define VA_PTR_RESERVED    0x40800000 /* pointer PTE with A set */
#define VA_PT_NO_DEV       0x40c00000 /* pointer to a table at 0x00200000 (bus error) */

/* pt_l0[index of va] = PTE for physical address in register pareg, flags. */
.macro MAP4K va, pareg, flags
        srli    t0, \pareg, 12
        slli    t0, t0, 10
        li      t1, \flags
        or      t0, t0, t1
        la      t1, pt_l0
        li      t2, ((\va >> 12) & 0x3ff) * 4
        add     t1, t1, t2
        sw      t0, 0(t1)
.endm

/* reg = the address of va's PTE in pt_l0. */
.macro PTE_ADDR reg, va
        la      \reg, pt_l0
        li      t0, ((\va >> 12) & 0x3ff) * 4
        add     \reg, \reg, t0
.endm

/* pt_root[index of va] = pte value (a constant). */
.macro ROOT_PTE va, pte
        la      t1, pt_root
        li      t2, ((\va >> 22) & 0x3ff) * 4
        add     t1, t1, t2
        li      t0, \pte
        sw      t0, 0(t1)
.endm

.macro VM_SETUP
        li      t0, PTE_PPN(PW_MEM_RAM) | PTE_RWX_AD | PW_PTE_G
        la      t1, pt_root
        li      t2, ((PW_MEM_RAM >> 22) & 0x3ff) * 4
        add     t1, t1, t2
        sw      t0, 0(t1)
        li      t0, PTE_PPN(PW_MEM_RAM) | PTE_RWX_AD | PW_PTE_U
        la      t1, pt_root
        li      t2, ((USER_ALIAS_VA >> 22) & 0x3ff) * 4
        add     t1, t1, t2
        sw      t0, 0(t1)
        /* the 0x40000000 region points to pt_l0 */
        la      t0, pt_l0
        srli    t0, t0, 12
        slli    t0, t0, 10
        ori     t0, t0, PW_PTE_V
        la      t1, pt_root
        li      t2, ((VA_RW >> 22) & 0x3ff) * 4
        add     t1, t1, t2
        sw      t0, 0(t1)
        la      a0, page_a
        MAP4K   VA_RW, a0, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D
        MAP4K   VA_R, a0, PW_PTE_V | PW_PTE_R | PW_PTE_A
        MAP4K   VA_REMAP, a0, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D
        la      a0, page_b
        MAP4K   VA_X, a0, PW_PTE_V | PW_PTE_X | PW_PTE_A
        la      a0, page_c
        MAP4K   VA_U, a0, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_U | PW_PTE_A | PW_PTE_D
        MAP4K   VA_INVALID, a0, PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D
        MAP4K   VA_WONLY, a0, PW_PTE_V | PW_PTE_W | PW_PTE_A | PW_PTE_D
        la      a0, page_d
        MAP4K   VA_NO_A, a0, PW_PTE_V | PW_PTE_R | PW_PTE_W
        MAP4K   VA_NO_D, a0, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A
        /* level 0 pointer: V only */
        MAP4K   VA_L0_PTR, a0, PW_PTE_V
        li      a0, 0x00200000
        MAP4K   VA_NO_DEV, a0, PTE_RWX_AD
        /* PA 0x1_0000_0000: PPN 0x100000 */
        li      t0, (0x100000 << 10) | PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D
        la      t1, pt_l0
        li      t2, ((VA_HIGH_PA >> 12) & 0x3ff) * 4
        add     t1, t1, t2
        sw      t0, 0(t1)
        ROOT_PTE VA_MEGA_MISALIGNED, PTE_PPN(PW_MEM_RAM + 0x1000) | PTE_RWX_AD
        ROOT_PTE VA_PTR_RESERVED, PTE_PPN(PW_MEM_RAM) | PW_PTE_V | PW_PTE_A
        ROOT_PTE VA_PT_NO_DEV, PTE_PPN(0x00200000) | PW_PTE_V
.endm

/* satp = Sv32 with the root table and asid. */
.macro VM_ON asid=0
        la      t0, pt_root
        srli    t0, t0, 12
        li      t1, SATP_MODE_SV32 | (\asid << PW_SATP_ASID_SHIFT)
        or      t0, t0, t1
        csrw    satp, t0
        sfence.vma
.endm

/* From M-mode: continue in U-mode at the next instruction, running at its
 * alias (U = 1). */
.macro GOTO_USER
        li      t5, MPP_FIELD
        csrc    mstatus, t5
        la      t5, 99f
        li      t6, USER_ALIAS_VA - PW_MEM_RAM
        add     t5, t5, t6
        csrw    mepc, t5
        mret
99:
.endm

/* The page tables and test pages. */
.macro VM_DATA
        .bss
        .align  12
pt_root:  .space 4096
pt_l0:    .space 4096
page_a:   .space 4096
page_b:   .space 4096
page_c:   .space 4096
page_d:   .space 4096
        .text
.endm

#endif
