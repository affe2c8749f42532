/* The cycle model of the MMU: docs/mmu.md in C, stepped once per clock with
 * the same inputs as the RTL and producing the same outputs. Written from
 * the document, not from the Verilog. No global state. */
#ifndef PAGEWALK_MMU_CYCLE_H
#define PAGEWALK_MMU_CYCLE_H

#include <stdbool.h>
#include <stdint.h>

#include "pw_mmu_ports.h"
#include "sv32.h"

enum { PW_MMU_MAX_ENTRIES = 32 };

/* Build-time choices of the RTL (its parameters). */
typedef struct {
    unsigned tlb_entries;   /* 4 to 32 */
    pw_ad_policy ad;        /* the Svadu parameter */
    bool trace_port;        /* the TracePort parameter: drive the trace_fill_* outputs */
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

/* Walker states, in the order docs/mmu.md lists them. */
typedef enum {
    PW_WALK_IDLE,
    PW_WALK_READ,
    PW_WALK_WAIT_READ,
    PW_WALK_WRITE,
    PW_WALK_WAIT_WRITE,
} pw_walk_state;

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
    struct {
        uint32_t va;            /* the request, captured at acceptance */
        pw_access access;       /* ... as the PTE bit it needs */
        pw_priv priv;           /* ... U, S (M never walks) */
        int level;              /* level of the PTE being read */
        bool global;            /* G of the pointer above level 0 */
        bool cancel_fill;       /* a sfence was seen since acceptance */
        bool refill;            /* a Svadu D-update of the entry that hit */
        unsigned refill_index;
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
