/* Stimulus files (.stim, docs/stimulus-format.md): writing one, loading one,
 * and turning it into the MMU's inputs cycle by cycle, reacting to the MMU's
 * memory requests. The cycle model and the Verilated RTL are driven by this
 * code; the Icarus testbench implements the same document in Verilog. */
#ifndef PAGEWALK_STIM_H
#define PAGEWALK_STIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "memory.h"
#include "mmu_cycle.h"

typedef enum { PW_STIM_RESET, PW_STIM_CTX, PW_STIM_SFENCE } pw_stim_kind;

/* A timed line other than a request. */
typedef struct {
    uint64_t cycle;
    pw_stim_kind kind;
    uint32_t a;        /* ctx: satp; sfence: va */
    uint32_t b;        /* sfence: asid */
    bool f1, f2;       /* ctx: sum, mxr; sfence: all_va, all_asid */
} pw_stim_event;

typedef struct {
    uint64_t cycle;
    uint32_t va;
    unsigned access;   /* PW_MMU_ACCESS_* */
    unsigned priv;     /* 0 U, 1 S, 3 M */
} pw_stim_request;

typedef struct {
    unsigned ready, latency;
} pw_stim_step;

typedef struct {
    pw_ad_policy ad;
    uint64_t cycles;
    pw_sparse_mem *mem;         /* the memory image; accesses change it */
    uint64_t *write_errors;     /* sorted */
    size_t nwrite_errors;
    pw_stim_step *plan;
    size_t nplan;
    pw_stim_event *events;
    size_t nevents;
    pw_stim_request *requests;
    size_t nrequests;
} pw_stim;

/* Writing a stimulus, in the order of the format: the header (comment: one
 * or more lines, each written as a comment line), the memory image (m, e,
 * w), the memory plan, then the timed lines in cycle order. Access and
 * privilege are the request port's encodings. */
void pw_stim_print_header(FILE *out, const char *comment, pw_ad_policy ad, uint64_t cycles);
void pw_stim_print_word(FILE *out, uint64_t addr, uint32_t value);
void pw_stim_print_error(FILE *out, uint64_t addr);
void pw_stim_print_write_error(FILE *out, uint64_t addr);
void pw_stim_print_plan(FILE *out, unsigned ready, unsigned latency);
void pw_stim_print_reset(FILE *out, uint64_t cycle);
void pw_stim_print_ctx(FILE *out, uint64_t cycle, uint32_t satp, bool sum, bool mxr);
void pw_stim_print_sfence(FILE *out, uint64_t cycle, uint32_t va, uint32_t asid, bool all_va, bool all_asid);
void pw_stim_print_req(FILE *out, uint64_t cycle, uint32_t va, unsigned access, unsigned priv);

/* Load path into s. Returns 0, or 2 after printing FILE:LINE: error: to err. */
int pw_stim_load(const char *path, pw_stim *s, FILE *err);
void pw_stim_free(pw_stim *s);
/* Whether a write to addr is a bus error. */
bool pw_stim_write_error(const pw_stim *s, uint64_t addr);

/* Where a run is in its stimulus. */
typedef struct {
    const pw_stim *s;
    size_t next_event, next_request;
    uint32_t satp;
    bool sum, mxr;
    bool pending;               /* a memory access awaits its response */
    uint64_t due;
    uint32_t rdata;
    bool err;
    unsigned waited;
    uint64_t accesses;          /* handshakes so far: the plan position */
} pw_stim_driver;

void pw_stim_driver_init(pw_stim_driver *d, const pw_stim *s);
/* The inputs of this cycle, given the MMU's outputs in it (which depend on
 * state alone). Performs a memory access at its handshake and notes an
 * accepted request. */
void pw_stim_inputs(pw_stim_driver *d, uint64_t cycle, const pw_mmu_outputs *out, pw_mmu_inputs *in);

#endif
