/* pagewalk-iss as a library: an instruction-set simulator of the pagewalk soft
 * core and SoC (RV32I + Zicsr + Zifencei, M optional; M, S and U modes; the
 * RAM, UART, CLINT, test finisher and MMU counters of docs/iss.md), with every
 * fetch, load and store translated by the golden model's pw_translate.
 *
 * It is the reference the RTL core runs against in lockstep: one call to
 * pw_iss_step executes one instruction and fills one retirement record with
 * the fields the RTL's RVFI port carries, so a harness compares them field by
 * field. No global state: any number of ISSs may run side by side.
 *
 * The smallest program (error handling shortened):
 *
 *   pw_iss_config cfg;
 *   pw_iss_config_default(&cfg);          // 1 MiB RAM, Svade, M extension
 *   pw_iss *iss = pw_iss_new(&cfg);
 *   char err[256];
 *   if (!pw_iss_load_elf(iss, "prog.elf", err, sizeof err))
 *       fprintf(stderr, "%s\n", err);     // "prog.elf: not an RV32 ELF: ..."
 *   pw_iss_run(iss, 1000000, NULL);       // at most a million instructions, no log
 *   const pw_iss_status *st = pw_iss_status_of(iss);
 *   printf("%s\n", st->why);              // "pass (test finisher 0x5555)"
 *   pw_iss_free(iss);
 *
 * Lockstep with an RTL core (one RTL retirement, then one ISS step):
 *
 *   cfg.interrupts = PW_ISS_IRQ_INJECTED; // the ISS takes no interrupt itself
 *   cfg.timing_read = take_rtl_value;     // see pw_iss_timing_fn below
 *   ...
 *   rtl_retire(&rtl);                     // the RTL's next RVFI record
 *   if (rtl.intr && !pw_iss_inject_interrupt(iss, rtl_irq_code, why, sizeof why))
 *       report("the RTL took an interrupt the ISS would not: %s", why);
 *   pw_rvfi iss_rec;
 *   pw_iss_step(iss, &iss_rec);
 *   char diff[128];
 *   if (!pw_rvfi_equal(&rtl, &iss_rec, diff, sizeof diff))
 *       report("MISMATCH at order %llu: %s", ..., diff);
 *
 * See docs/iss.md for the command, the commit-log format and the behaviour
 * this library defines where the specification leaves a choice.
 */
#ifndef PAGEWALK_ISS_H
#define PAGEWALK_ISS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pagewalk_core.h"
#include "pagewalk_defs.h"
#include "sv32.h"

/* ---------------------------------------------------------------- configuration */

/* Who decides when an interrupt is taken. */
typedef enum {
    PW_ISS_IRQ_SELF,     /* the ISS: between instructions, when pending and enabled */
    PW_ISS_IRQ_INJECTED, /* only pw_iss_inject_interrupt (lockstep: the RTL decides) */
} pw_iss_irq_mode;

/* The reads whose value depends on timing, which the ISS and the RTL count
 * differently (the ISS advances mtime and mcycle once per instruction, the RTL
 * once per clock). */
typedef enum {
    PW_ISS_TIMING_CYCLE,       /* CSR mcycle, mcycleh, cycle, cycleh */
    PW_ISS_TIMING_TIME,        /* CSR time, timeh (the CLINT's mtime) */
    PW_ISS_TIMING_MIP,         /* CSR mip, sip: MTIP follows mtime >= mtimecmp */
    PW_ISS_TIMING_MTIME,       /* a load from the CLINT's mtime (low or high word) */
    PW_ISS_TIMING_MMU_COUNTER, /* a load from the MMU counters (the ISS has no TLB) */
} pw_iss_timing;

/* Called at each timing-dependent read with what is read (addr: the CSR
 * number, or the physical address of the load) and the ISS's own value; the
 * value returned is the one the instruction sees (a harness returns the RTL's
 * rd_wdata for that retirement). For CSR reads that also write (csrrs with
 * rs1 != x0 on mip), the write applies to the returned value. */
typedef uint32_t (*pw_iss_timing_fn)(void *ctx, pw_iss_timing what, uint32_t addr, uint32_t iss_value);

/* Called with each byte written to the UART's THR. */
typedef void (*pw_iss_console_fn)(void *ctx, uint8_t byte);

typedef struct {
    uint32_t ram_bytes;         /* RAM at MEM_RAM; a multiple of 4 KiB (default RAM_DEFAULT_BYTES) */
    bool svadu;                 /* true: Svadu (hardware sets A/D); false: Svade (page fault) */
    bool has_m;                 /* the M extension (mul/div); misa bit 12 */
    pw_iss_irq_mode interrupts; /* default PW_ISS_IRQ_SELF */
    pw_iss_console_fn console;  /* NULL: UART output is dropped */
    void *console_ctx;
    pw_iss_timing_fn timing_read; /* NULL: the ISS's own values */
    void *timing_ctx;
    bool no_memo;               /* walk the page tables for every access, never using the
                                   translation memo (iss_mem.c): slower, same results; for
                                   checking the memo */
} pw_iss_config;

/* Fill cfg with the defaults: RAM_DEFAULT_BYTES of RAM, Svade, M, interrupts
 * taken by the ISS, console dropped, no timing callback. */
void pw_iss_config_default(pw_iss_config *cfg);

/* ---------------------------------------------------------------- life cycle */

typedef struct pw_iss pw_iss;

/* A new ISS at reset: pc = MEM_RAM, M-mode, registers and CSRs at their reset
 * values, RAM zero. NULL when out of memory or when cfg is invalid (RAM size 0,
 * not a multiple of 4 KiB, or reaching past 4 GiB). */
pw_iss *pw_iss_new(const pw_iss_config *cfg);
void pw_iss_free(pw_iss *iss);

/* Load an RV32 executable into RAM (cmodel/elf.h), set pc to its entry point
 * and remember its `tohost` symbol. On failure return false with a one-line
 * message naming the file in err; the ISS is then unchanged. */
bool pw_iss_load_elf(pw_iss *iss, const char *path, char *err, size_t errlen);

/* Copy bytes into / out of physical memory (RAM only): for tests and for
 * harnesses that compare memory. False when [pa, pa + len) is not all RAM. */
bool pw_iss_write_phys(pw_iss *iss, uint32_t pa, const void *data, size_t len);
bool pw_iss_read_phys(const pw_iss *iss, uint32_t pa, void *data, size_t len);

/* ---------------------------------------------------------------- execution */

/* One retirement record: riscv-formal's RVFI fields, one record per
 * instruction, whether it retired or trapped. The RTL's RVFI port produces
 * exactly these values (docs/iss.md, "Retirement records"):
 *   - a trapped instruction (trap = 1): pc_wdata is the trap handler's
 *     address; rd_addr, rd_wdata and every mem_ field are 0; the CSR state
 *     (mepc, mcause, ...) has changed as the trap says.
 *   - intr = 1 on the first instruction of a handler entered by an interrupt
 *     (that instruction's pc_rdata is the handler address); the interrupted
 *     instruction has no record of its own.
 *   - rd_wdata is 0 when rd_addr is 0 (x0, or no register written).
 *   - memory: mem_addr is the virtual address rounded down to the word;
 *     mem_rmask / mem_wmask have one bit per byte lane of that word;
 *     mem_rdata / mem_wdata carry the bytes in their lanes (other lanes 0).
 *     A load of the word at 0x80001002 with lh: mem_addr 0x80001000,
 *     mem_rmask 0b1100, mem_rdata = halfword << 16. */
typedef struct {
    uint64_t order;    /* 0, 1, 2, ...: one per record */
    uint32_t insn;     /* instruction bits (0 when the fetch itself faulted) */
    bool trap;         /* the instruction raised an exception */
    bool intr;         /* first instruction of an interrupt handler */
    uint8_t mode;      /* privilege the instruction ran in: PRIV_*_VALUE (3 M, 1 S, 0 U) */
    uint32_t pc_rdata; /* its pc */
    uint32_t pc_wdata; /* the next pc (the handler for a trap) */
    uint8_t rd_addr;
    uint32_t rd_wdata;
    uint32_t mem_addr;
    uint8_t mem_rmask;
    uint8_t mem_wmask;
    uint32_t mem_rdata;
    uint32_t mem_wdata;

    /* Not RVFI; for reports and the commit log (lockstep does not compare them). */
    uint32_t cause;    /* mcause/scause value of the trap, when trap (interrupt bit clear) */
    uint32_t tval;     /* its mtval/stval */
    uint8_t trap_mode; /* the mode the trap went to (M or S), when trap */
    uint32_t intr_cause; /* when intr: the interrupt's cause (with MCAUSE_INTERRUPT) */
    uint16_t csr_addr; /* when csr_written: the CSR an instruction wrote */
    bool csr_written;
    uint32_t csr_wdata; /* its value after the write */
    uint32_t mem_pa;   /* physical address of the access (mem_addr's translation) */
} pw_rvfi;

/* Why a run is where it is. */
typedef enum {
    PW_ISS_RUNNING,
    PW_ISS_PASSED,    /* the finisher got 0x5555, or tohost got 1 */
    PW_ISS_FAILED,    /* the finisher got 0x3333 | code << 16, or tohost got (code << 1) | 1 */
    PW_ISS_MAX_INSNS, /* pw_iss_run stopped at its instruction limit */
} pw_iss_state;

typedef struct {
    pw_iss_state state;
    uint32_t code;      /* FAILED: the failure code (finisher code, or tohost >> 1) */
    uint64_t insns;     /* records produced so far (retired + trapped) */
    char why[200];      /* one line, e.g. "fail code 3 (test finisher 0x00033333)",
                           "stopped after 1000 instructions (limit) at pc 0x80000010" */
} pw_iss_status;

/* Execute one instruction. When interrupts are the ISS's own and one is
 * pending and enabled, or one was injected, the trap is taken first and the
 * handler's first instruction executes (rec->intr = 1). Fills *rec (when not
 * NULL) and returns the state after the instruction. A step after the run has
 * ended does nothing and returns the final state. */
pw_iss_state pw_iss_step(pw_iss *iss, pw_rvfi *rec);

/* Step until the run ends or max_insns more instructions have executed
 * (0: no limit); reaching the limit sets PW_ISS_MAX_INSNS with its message.
 * When log is not NULL, every retired instruction is written there in
 * Spike's --log-commits format (pw_iss_log_commit). */
pw_iss_state pw_iss_run(pw_iss *iss, uint64_t max_insns, FILE *log);

/* The run state and its one-line reason. */
const pw_iss_status *pw_iss_status_of(const pw_iss *iss);

/* The RTL took interrupt `code` (IRQ_MSI_BIT, IRQ_MTI_BIT, IRQ_SSI_BIT or
 * IRQ_STI_BIT): the next pw_iss_step enters its trap first, then executes the
 * handler's first instruction with intr = 1. Refused (false, reason in why)
 * when, in the ISS's view, that interrupt is not enabled for its target mode,
 * or a higher-priority interrupt is pending and enabled, or it is not pending
 * (MTIP counts as pending: the ISS's mtime runs at another rate). */
bool pw_iss_inject_interrupt(pw_iss *iss, unsigned code, char *why, size_t whylen);

/* Whether two records agree on every RVFI field (the informative fields are
 * not compared). When they differ and diff is not NULL, it gets the first
 * differing field's name and both values, e.g.
 * "rd_wdata: 0x00000005 vs 0x00000004". */
bool pw_rvfi_equal(const pw_rvfi *a, const pw_rvfi *b, char *diff, size_t difflen);

/* ---------------------------------------------------------------- architectural state */

uint32_t pw_iss_pc(const pw_iss *iss);
void pw_iss_set_pc(pw_iss *iss, uint32_t pc);
uint32_t pw_iss_xreg(const pw_iss *iss, unsigned r);   /* x0..x31; x0 reads 0 */
void pw_iss_set_xreg(pw_iss *iss, unsigned r, uint32_t value); /* writes to x0 are ignored */
pw_priv pw_iss_priv(const pw_iss *iss);
void pw_iss_set_priv(pw_iss *iss, pw_priv priv);

/* Read a CSR as M-mode software would, without privilege checks or side
 * effects (views such as sstatus and sip computed from their M registers).
 * False when the CSR does not exist. */
bool pw_iss_csr_get(const pw_iss *iss, uint32_t addr, uint32_t *value);
/* Write a CSR as an M-mode csrw would: WMASK and the WARL rules apply, views
 * write through; read-only CSRs are refused (false), as are unknown ones. */
bool pw_iss_csr_set(pw_iss *iss, uint32_t addr, uint32_t value);
/* The CSR's name in lower case ("mstatus") written to buf; returns buf, or
 * NULL when the CSR does not exist. 16 bytes hold every name. */
const char *pw_iss_csr_name(uint32_t addr, char *buf, size_t len);

/* The CLINT's mtime (64-bit), for harnesses that keep it in step with the RTL. */
uint64_t pw_iss_mtime(const pw_iss *iss);
void pw_iss_set_mtime(pw_iss *iss, uint64_t mtime);

/* ---------------------------------------------------------------- text */

/* Disassemble one instruction at pc into buf ("addi a0, a0, 1",
 * "beq a0, a1, 0x80000040"); "unknown 0x%08x" for what the core does not
 * decode. */
void pw_iss_disasm(uint32_t insn, uint32_t pc, char *buf, size_t len);

/* One line of Spike's --log-commits format for a retired instruction (none for
 * a trapped one: Spike logs only retirements), e.g.
 *   core   0: 3 0x80000004 (0x00a00513) x10 0x0000000a
 *   core   0: 3 0x80000010 (0x30571073) c773_mtvec 0x80000040
 *   core   0: 1 0x00001008 (0x00b52023) mem 0x00002000 0x00000005
 * Writes nothing when rec->trap. */
void pw_iss_log_commit(FILE *out, const pw_rvfi *rec);

/* Exit status of pagewalk-iss (and pagewalk-soc) for a run that hit its
 * instruction or cycle limit: distinct from pass (0) and from the usual
 * failure codes of tests. */
#define PW_ISS_EXIT_LIMIT 124
/* Exit status for bad input (unknown option, unreadable or invalid ELF). */
#define PW_ISS_EXIT_USAGE 2

#endif
