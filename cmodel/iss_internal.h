/* The ISS's state and the interfaces between its parts. Private to cmodel/iss*.c:
 *   iss.c         life cycle, loading, the step loop, run status, records
 *   iss_exec.c    decode and execute one instruction
 *   iss_csr.c     the CSR file (PW_CSR_TABLE), its access rules, and traps:
 *                 the one place deciding cause, tval and target mode
 *   iss_mem.c     translation (pw_translate, memoised) and the SoC devices
 *   iss_text.c    disassembly and Spike's commit-log lines
 */
#ifndef PAGEWALK_ISS_INTERNAL_H
#define PAGEWALK_ISS_INTERNAL_H

#include "iss.h"

/* One index per CSR of core.defs, in table order. */
enum {
#define PW_CSR_INDEX(name, addr, wmask, reset) CSR_##name,
    PW_CSR_TABLE(PW_CSR_INDEX)
#undef PW_CSR_INDEX
    CSR_COUNT
};

/* Access types indexed 0..2 for the translation memo. */
enum { MEMO_LOAD, MEMO_STORE, MEMO_FETCH, MEMO_KINDS };
#define MEMO_ENTRIES 256u

/* A successful translation of one 4 KiB virtual page to RAM, valid while its
 * generation equals the ISS's (see iss_mem.c for why it equals a fresh walk). */
typedef struct {
    uint32_t vpn;
    uint32_t gen;
    uint8_t *host; /* the host address of the physical page */
    uint32_t pa;   /* its physical address */
} memo_entry;

/* An exception raised while executing one instruction. */
typedef struct {
    bool raised;
    uint32_t cause;
    uint32_t tval;
} pending_exc;

struct pw_iss {
    pw_iss_config cfg;

    /* Hart state. */
    uint32_t x[32];
    uint32_t pc;
    pw_priv priv;
    uint32_t csr[CSR_COUNT]; /* plain storage; counters, views and mip are special (iss_csr.c) */
    uint64_t mcycle, minstret;
    uint32_t mip_sw;          /* mip bits software writes: SSIP, STIP */

    /* Devices. */
    uint8_t *ram;
    uint32_t ram_bytes;
    uint64_t mtime, mtimecmp;
    bool msip;
    uint32_t mmu_walks, mmu_faults; /* the ISS's MMU counters (no TLB: every access is a walk) */
    bool has_tohost;
    uint32_t tohost;

    /* Run state. */
    pw_iss_status status;
    uint64_t order;
    int injected;          /* interrupt code injected for the next step, or -1 */
    bool cycle_written;    /* this instruction wrote mcycle(h): skip its increment */
    bool instret_written;  /* the same for minstret(h) */

    /* Per instruction. */
    pending_exc exc;
    pw_rvfi *rec;

    /* Translation memo. */
    uint32_t memo_gen;
    memo_entry memo[MEMO_KINDS][MEMO_ENTRIES];
    uint8_t *pt_pages;     /* bitmap: RAM pages a memoised walk read a PTE from */
    uint32_t pt_bitmap_bytes;
    bool pt_pages_any;
};

/* ---- iss_csr.c */
void csr_reset(pw_iss *iss);
/* Execute the CSR instruction's access: check the rules, read, write. On an
 * illegal access raise the exception and return false. */
bool csr_access(pw_iss *iss, uint32_t insn, uint32_t addr, bool read, bool write, uint32_t wvalue,
                int op, uint32_t *old);
/* Raise a synchronous exception for the current instruction. */
void raise_exception(pw_iss *iss, uint32_t cause, uint32_t tval);
/* Enter the trap of the exception or interrupt: decide the target mode, save
 * state, set the new pc. Returns the mode trapped into. */
pw_priv enter_trap(pw_iss *iss, uint32_t cause, uint32_t tval, bool interrupt);
/* The interrupt to take now (pending, enabled, highest priority), or -1. */
int pending_interrupt(const pw_iss *iss);
uint32_t mip_value(const pw_iss *iss);
void do_mret(pw_iss *iss);
void do_sret(pw_iss *iss);
bool csr_exists(uint32_t addr);

/* ---- iss_mem.c */
/* Load / store size bytes at virtual address va with the data privilege
 * (MPRV), through translation and the devices. False when an exception was
 * raised. The value is zero-extended. */
bool mem_load(pw_iss *iss, uint32_t va, unsigned size, uint32_t *value);
bool mem_store(pw_iss *iss, uint32_t va, unsigned size, uint32_t value);
/* Fetch the instruction at pc (translated with the current privilege). */
bool mem_fetch(pw_iss *iss, uint32_t pc, uint32_t *insn);
/* Forget every memoised translation (context changed). */
static inline void memo_flush(pw_iss *iss) { iss->memo_gen++; }
void ram_store_hook(pw_iss *iss, uint32_t pa);
void mem_init_memo(pw_iss *iss);

/* ---- iss_exec.c */
/* Execute the instruction insn at iss->pc, filling iss->rec; on an exception
 * iss->exc is raised and the architectural state is as before the
 * instruction (except what the exception itself writes, later). */
void exec_insn(pw_iss *iss, uint32_t insn);

/* ---- iss.c */
void iss_finish(pw_iss *iss, pw_iss_state state, uint32_t code, const char *fmt, ...);

#endif
