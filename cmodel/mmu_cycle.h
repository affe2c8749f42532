/* The cycle model of the MMU: docs/mmu.md in C, stepped once per clock with
 * the same inputs as the RTL and producing the same outputs. Written from
 * the document, not from the Verilog. No global state. */
#ifndef PAGEWALK_MMU_CYCLE_H
#define PAGEWALK_MMU_CYCLE_H

#include <stdbool.h>
#include <stdint.h>

#include "pw_mmu_ports.h"
#include "sv32.h"

enum { PW_MMU_MAX_ENTRIES = 32, PW_MMU_MAX_HIT_LATENCY = 3 };

/* The CounterBits parameter. The zero value is the RTL's default. */
typedef enum {
    PW_COUNTERS_32 = 0,     /* CounterBits = 32 */
    PW_COUNTERS_16,         /* CounterBits = 16 */
    PW_COUNTERS_NONE,       /* CounterBits = 0: every counter port reads 0 */
} pw_counter_width;

/* Build-time choices of the RTL (its parameters). A zeroed field means the
 * RTL parameter's default. */
typedef struct {
    unsigned tlb_entries;   /* 4 to 32 */
    pw_ad_policy ad;        /* the Svadu parameter */
    bool trace_port;        /* the TracePort parameter: drive the trace_fill_* outputs */
    unsigned hit_latency;   /* the HitLatency parameter: 1, 2 or 3 (0 means 1) */
    pw_counter_width counters;  /* the CounterBits parameter */
    bool sfence_flush_all;  /* the SfenceFlushAll parameter */
    bool ppn_in_bram;       /* the PpnInBram parameter (needs hit latency 3; invisible) */
} pw_mmu_config;

/* The MMU's ports during one cycle, as cmodel/gen/mmu.ports describes them
 * (one field per port, named without its _i/_o suffix, in port order;
 * encodings as in docs/mmu.md). pw_mmu_ports.h is generated from that file. */
#define PW_MMU_PORT_FIELD(name, port, width, ctype, group) ctype name;

/* The input ports, the clock aside. */
typedef struct {
    PW_MMU_INPUTS(PW_MMU_PORT_FIELD)
} pw_mmu_inputs;

/* The output ports: functions of state only. The trace_fill_* outputs tell
 * what the last edge wrote into the TLB (0 without trace_port). */
typedef struct {
    PW_MMU_OUTPUTS(PW_MMU_PORT_FIELD)
} pw_mmu_outputs;

#undef PW_MMU_PORT_FIELD

/* One TLB entry, as docs/mmu.md lists its fields. */
typedef struct {
    bool valid;
    uint32_t vpn1, vpn0;
    bool mega;
    uint32_t asid;
    bool global;
    uint32_t ppn;
    bool u, r, w, x, d;
} pw_tlb_entry;

/* Walker states, in the order docs/mmu.md lists them (DONE: hit latency 2, 3). */
typedef enum {
    PW_WALK_IDLE,
    PW_WALK_READ,
    PW_WALK_WAIT_READ,
    PW_WALK_WRITE,
    PW_WALK_WAIT_WRITE,
    PW_WALK_DONE,
} pw_walk_state;

/* A response decided at acceptance and loaded into the response registers
 * later (hit latency 2, 3). */
typedef struct {
    bool valid;
    bool translated;        /* a hit (counted), not M-mode or bare */
    bool fault;
    uint32_t cause;
    uint64_t pa;
} pw_mmu_due;

/* What happened at the last edge, for traces and reports. */
typedef struct {
    bool accepted;          /* a request was accepted */
    bool hit;               /* ... and answered from the TLB */
    bool fill;              /* an entry was written */
    unsigned fill_index;
    bool evicted;           /* ... replacing a valid entry */
    pw_tlb_entry evicted_entry;
    unsigned flushed;       /* entries cleared by a sfence */
    bool fill_cancelled;    /* a successful walk did not fill because of a sfence */
} pw_mmu_events;

/* The whole state. Fields are public for inspection (tests, traces); change
 * them only through pw_mmu_step. */
typedef struct {
    pw_mmu_config cfg;
    pw_tlb_entry tlb[PW_MMU_MAX_ENTRIES];
    unsigned victim;
    pw_walk_state state;
    pw_mmu_outputs out;     /* outputs for the current cycle; the registered
                             * ones (resp_*, mem_req_addr, mem_req_wdata,
                             * counters) are the response and walker registers */
    pw_mmu_events events;   /* what the last edge did */
    /* implementation-private registers follow */
    unsigned latency;       /* cfg.hit_latency, 0 read as 1 */
    /* hit latency 2, 3: due[k] is loaded at the (k+1)-th edge from now */
    pw_mmu_due due[PW_MMU_MAX_HIT_LATENCY - 1];
    struct {                /* hit latency 2, 3: the request accepted at the
                             * last edge missed; its walk starts at this edge */
        bool valid;
        uint32_t va;
        pw_access access;
        pw_priv priv;
        int refill_index;   /* the entry a Svadu refill rewrites, or -1 */
        bool sfence;        /* an sfence in its acceptance cycle */
    } missed;
    unsigned late_events;   /* hit latency 2, 3: events of the last edge, counted at this one */
    struct {
        uint32_t va;            /* the request, captured at acceptance */
        pw_access access;       /* ... as the PTE bit it needs */
        pw_priv priv;           /* ... U, S (M never walks) */
        int level;              /* level of the PTE being read */
        bool global;            /* G of the pointer above level 0 */
        bool cancel_fill;       /* a sfence was seen since acceptance */
        bool refill;            /* a Svadu D-update of the entry that hit */
        unsigned refill_index;
        bool sum, mxr;          /* hit latency 2, 3: sampled when the walk starts */
        bool end_fault;         /* hit latency 2, 3: how the walk in DONE ends */
        uint32_t end_cause;
    } walk;
} pw_mmu_model;

/* The request port's encodings (docs/mmu.md, "Interface") in the
 * architectural model's terms, as the MMU reads them: access 3 (reserved)
 * is a fetch, privilege 2 (reserved) is M; and the port's encodings back. */
pw_access pw_mmu_port_access(unsigned req_access);
pw_priv pw_mmu_port_priv(unsigned req_priv);
unsigned pw_mmu_access_port(pw_access access);
unsigned pw_mmu_priv_port(pw_priv priv);

/* Set up a model in its reset state. False when cfg is out of range. */
bool pw_mmu_init(pw_mmu_model *m, const pw_mmu_config *cfg);
/* The outputs during the current cycle (before the edge). */
const pw_mmu_outputs *pw_mmu_outputs_now(const pw_mmu_model *m);
/* Apply one cycle's inputs and take the rising edge. */
void pw_mmu_step(pw_mmu_model *m, const pw_mmu_inputs *in);
/* Name of a walker state, for reports. */
const char *pw_walk_state_name(pw_walk_state s);

#endif
