# iss_bench: the workload of the ISS speed figure in make bench. S-mode with
# Sv32 on and 4 KiB pages everywhere: every fetch and every load and store is
# translated. The loop walks PAGES data pages (a load, an add, a store and
# some arithmetic per word), ROUNDS times, then the test finisher.
# Code: the first 256 KiB of RAM mapped 4 KiB at a time at its own address;
# data: PAGES pages at 0x40000000.
#include "env.h"

#ifndef PAGES
#define PAGES 64
#endif
#ifndef ROUNDS
#define ROUNDS 2000
#endif
#define CODE_PAGES 64
#define DATA_VA 0x40000000
#define STEP 64                 /* bytes between the words the loop touches */

        TEST_BEGIN
        /* root[0x200] -> pt_code (identity 4 KiB pages of the code);
         * root[0x100] -> pt_data (DATA_VA -> data_pages) */
        la      s0, pt_root
        la      s1, pt_code
        srli    t0, s1, 12
        slli    t0, t0, 10
        ori     t0, t0, PW_PTE_V
        li      t1, (PW_MEM_RAM >> 22) * 4
        add     t1, t1, s0
        sw      t0, 0(t1)
        la      s2, pt_data
        srli    t0, s2, 12
        slli    t0, t0, 10
        ori     t0, t0, PW_PTE_V
        li      t1, (DATA_VA >> 22) * 4
        add     t1, t1, s0
        sw      t0, 0(t1)
        /* code pages: identity, X R, A D */
        li      t2, PW_MEM_RAM
        li      t3, CODE_PAGES
        li      t4, ((PW_MEM_RAM >> 12) & 0x3ff) * 4
        add     t4, t4, s1
1:      srli    t0, t2, 12
        slli    t0, t0, 10
        ori     t0, t0, PTE_RWX_AD
        sw      t0, 0(t4)
        li      t5, 4096
        add     t2, t2, t5
        addi    t4, t4, 4
        addi    t3, t3, -1
        bnez    t3, 1b
        /* data pages */
        la      t2, data_pages
        li      t3, PAGES
        mv      t4, s2
1:      srli    t0, t2, 12
        slli    t0, t0, 10
        ori     t0, t0, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D
        sw      t0, 0(t4)
        li      t5, 4096
        add     t2, t2, t5
        addi    t4, t4, 4
        addi    t3, t3, -1
        bnez    t3, 1b
        srli    t0, s0, 12
        li      t1, PW_SATP_MODE
        or      t0, t0, t1
        csrw    satp, t0
        sfence.vma

        GOTO_MODE PW_PRIV_S_VALUE
        li      s3, ROUNDS
        li      a0, 0
round:
        li      s4, DATA_VA
        li      s5, DATA_VA + PAGES * 4096
word:
        lw      t0, 0(s4)
        add     a0, a0, t0
        xor     t1, a0, s4
        slli    t2, t1, 3
        srli    t3, t1, 7
        or      t1, t2, t3
        addi    t0, t0, 1
        sw      t0, 0(s4)
        sub     a1, t1, a0
        addi    s4, s4, STEP
        bltu    s4, s5, word
        addi    s3, s3, -1
        bnez    s3, round
        TO_M
        TEST_END

        .bss
        .align  12
pt_root:    .space 4096
pt_code:    .space 4096
pt_data:    .space 4096
data_pages: .space PAGES * 4096
