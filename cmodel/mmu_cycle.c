/* The MMU cycle model: docs/mmu.md in C, one rising clock edge per
 * pw_mmu_step. Every output is a function of the state alone, so the
 * outputs are recomputed after each edge and read before the next one.
 * Hit latency 2 and 3 ("the pipelined MMU", docs/mmu.md "Hit latency 2 and
 * 3") decide everything at acceptance, as latency 1 does, and only delay
 * what the ports show: responses (m->due), the start of a walk (m->missed),
 * the end of a walk (DONE), and the counters (m->late_events). */
#include "mmu_cycle.h"

#include <string.h>

#define FIELD(value, name) (((value) >> PW_##name##_SHIFT) & PW_##name##_MASK)

#define MEGAPAGE_SHIFT (PW_SV32_PAGE_SHIFT + PW_SV32_VPN_BITS)
#define PAGE_OFFSET_MASK ((1u << PW_SV32_PAGE_SHIFT) - 1)
#define MEGAPAGE_OFFSET_MASK ((1u << MEGAPAGE_SHIFT) - 1)
#define PORT_MASK(width) ((1u << (width)) - 1)

enum { NO_ENTRY = -1, MIN_ENTRIES = 4 };

/* The counters, as bits of an event set. */
enum {
    EV_HIT = 1u << 0,
    EV_MISS = 1u << 1,
    EV_WALK = 1u << 2,
    EV_FAULT = 1u << 3,
    EV_WALK_CYCLE = 1u << 4,
};

static bool pipelined(const pw_mmu_model *m)
{
    return m->latency > 1;
}

/* Add the events in ev to the counters, wrapping at their width. */
static void add_to_counters(pw_mmu_model *m, unsigned ev)
{
    pw_mmu_outputs *o = &m->out;
    uint32_t mask = m->cfg.counters == PW_COUNTERS_16 ? 0xffffu : 0xffffffffu;
    if (m->cfg.counters == PW_COUNTERS_NONE)
        return;
    o->cnt_hits = (o->cnt_hits + ((ev & EV_HIT) != 0)) & mask;
    o->cnt_misses = (o->cnt_misses + ((ev & EV_MISS) != 0)) & mask;
    o->cnt_walks = (o->cnt_walks + ((ev & EV_WALK) != 0)) & mask;
    o->cnt_faults = (o->cnt_faults + ((ev & EV_FAULT) != 0)) & mask;
    o->cnt_walk_cycles = (o->cnt_walk_cycles + ((ev & EV_WALK_CYCLE) != 0)) & mask;
}

/* An event of this edge: counted now, or (pipelined) at the next edge. */
static void count(pw_mmu_model *m, unsigned ev)
{
    if (pipelined(m))
        m->late_events |= ev;
    else
        add_to_counters(m, ev);
}

/* The port's access encoding as the PTE bit it needs; 3 is reserved: fetch. */
pw_access pw_mmu_port_access(unsigned access)
{
    switch (access & PORT_MASK(PW_MMU_ACCESS_WIDTH)) {
    case PW_MMU_ACCESS_LOAD: return PW_ACCESS_LOAD;
    case PW_MMU_ACCESS_STORE: return PW_ACCESS_STORE;
    default: return PW_ACCESS_FETCH;
    }
}

/* The port's privilege encoding; 2 is reserved: M. */
pw_priv pw_mmu_port_priv(unsigned priv)
{
    switch (priv & PORT_MASK(PW_MMU_PRIV_WIDTH)) {
    case PW_PRIV_U_VALUE: return PW_PRIV_U;
    case PW_PRIV_S_VALUE: return PW_PRIV_S;
    default: return PW_PRIV_M;
    }
}

unsigned pw_mmu_access_port(pw_access access)
{
    switch (access) {
    case PW_ACCESS_LOAD: return PW_MMU_ACCESS_LOAD;
    case PW_ACCESS_STORE: return PW_MMU_ACCESS_STORE;
    case PW_ACCESS_FETCH: break;
    }
    return PW_MMU_ACCESS_FETCH;
}

/* pw_priv's values are the port's (mstatus.MPP's) encodings. */
unsigned pw_mmu_priv_port(pw_priv priv) { return (unsigned)priv; }

/* Privilege, then permission with MXR, of leaf flags (translation.md steps 5, 6). */
static bool leaf_allows(uint32_t flags, pw_priv priv, pw_access access, bool sum, bool mxr)
{
    bool user_page = (flags & PW_PTE_U) != 0;
    if (priv == PW_PRIV_U && !user_page)
        return false;
    if (priv == PW_PRIV_S && user_page && (!sum || access == PW_ACCESS_FETCH))
        return false;
    if (mxr) /* executable pages become readable: X (bit 3) onto R (bit 1) */
        flags |= (flags & PW_PTE_X) >> (PW_PTE_X_BIT - PW_PTE_R_BIT);
    return (flags & (uint32_t)access) != 0;
}

/* An entry's flags as PTE bits, so the hit path shares the walker's check. */
static uint32_t entry_flags(const pw_tlb_entry *e)
{
    return (e->u ? PW_PTE_U : 0) | (e->r ? PW_PTE_R : 0) | (e->w ? PW_PTE_W : 0) |
           (e->x ? PW_PTE_X : 0) | (e->d ? PW_PTE_D : 0) | PW_PTE_A;
}

/* The physical address of va through a leaf PPN (a 34-bit value). */
static uint64_t leaf_pa(uint32_t ppn, bool mega, uint32_t va)
{
    uint64_t page = (uint64_t)ppn << PW_SV32_PAGE_SHIFT;
    if (mega) /* {ppn[21:10], VA[21:0]} */
        return (page & ~(uint64_t)MEGAPAGE_OFFSET_MASK) | (va & MEGAPAGE_OFFSET_MASK);
    return page | (va & PAGE_OFFSET_MASK);
}

/* Index of the lowest matching entry for va in address space asid, or NO_ENTRY. */
static int tlb_lookup(const pw_mmu_model *m, uint32_t va, uint32_t asid)
{
    uint32_t vpn1 = FIELD(va, VA_VPN1), vpn0 = FIELD(va, VA_VPN0);
    for (unsigned i = 0; i < m->cfg.tlb_entries; i++) {
        const pw_tlb_entry *e = &m->tlb[i];
        if (e->valid && e->vpn1 == vpn1 && (e->mega || e->vpn0 == vpn0) &&
            (e->global || e->asid == asid))
            return (int)i;
    }
    return NO_ENTRY;
}

/* sfence.vma at this edge: clear every entry its VA and ASID forms select. */
static void tlb_sfence(pw_mmu_model *m, const pw_mmu_inputs *in)
{
    uint32_t vpn1 = FIELD(in->sfence_vaddr, VA_VPN1), vpn0 = FIELD(in->sfence_vaddr, VA_VPN0);
    uint32_t asid = in->sfence_asid & PW_SATP_ASID_MASK;
    for (unsigned i = 0; i < m->cfg.tlb_entries; i++) {
        pw_tlb_entry *e = &m->tlb[i];
        bool va_match = in->sfence_all_va || (e->vpn1 == vpn1 && (e->mega || e->vpn0 == vpn0));
        bool asid_match = in->sfence_all_asid || (!e->global && e->asid == asid);
        if (e->valid && (m->cfg.sfence_flush_all || (va_match && asid_match))) {
            e->valid = false;
            m->events.flushed++;
        }
    }
}

/* The entry a fill writes: refill index, lowest invalid, or the victim pointer. */
static unsigned fill_index(pw_mmu_model *m)
{
    if (m->walk.refill)
        return m->walk.refill_index;
    for (unsigned i = 0; i < m->cfg.tlb_entries; i++)
        if (!m->tlb[i].valid)
            return i;
    unsigned i = m->victim; /* the pointer moves only when it is used */
    m->victim = i + 1 == m->cfg.tlb_entries ? 0 : i + 1;
    return i;
}

/* Fill one entry from the walk's leaf, with its flags as written back. */
static void tlb_fill(pw_mmu_model *m, const pw_mmu_inputs *in, uint32_t leaf)
{
    unsigned i = fill_index(m);
    pw_tlb_entry *e = &m->tlb[i];
    m->events.fill = true;
    m->events.fill_index = i;
    if (e->valid) {
        m->events.evicted = true;
        m->events.evicted_entry = *e;
    }
    uint32_t va = m->walk.va;
    e->valid = true;
    e->vpn1 = FIELD(va, VA_VPN1);
    e->vpn0 = FIELD(va, VA_VPN0);
    e->mega = m->walk.level == 1;
    e->asid = FIELD(in->satp, SATP_ASID); /* satp is sampled live */
    e->global = m->walk.global || (leaf & PW_PTE_G);
    e->ppn = FIELD(leaf, PTE_PPN);
    e->u = (leaf & PW_PTE_U) != 0;
    e->r = (leaf & PW_PTE_R) != 0;
    e->w = (leaf & PW_PTE_W) != 0;
    e->x = (leaf & PW_PTE_X) != 0;
    e->d = (leaf & PW_PTE_D) != 0;
    if (m->cfg.trace_port) {
        pw_mmu_outputs *o = &m->out;
        o->trace_fill = true;
        o->trace_fill_index = i;
        o->trace_fill_evict = m->events.evicted;
        o->trace_fill_vpn = va >> PW_SV32_PAGE_SHIFT;
        o->trace_fill_asid = e->asid;
        o->trace_fill_mega = e->mega;
        o->trace_fill_global = e->global;
        o->trace_fill_ppn = e->ppn;
        o->trace_fill_perm = (uint32_t)e->d << 4 | (uint32_t)e->u << 3 | (uint32_t)e->x << 2 |
                             (uint32_t)e->w << 1 | (uint32_t)e->r;
    }
}

/* Load the response registers (resp_valid pulses in the next cycle). */
static void respond(pw_mmu_model *m, bool fault, uint32_t cause, uint64_t pa)
{
    pw_mmu_outputs *o = &m->out;
    o->resp_valid = true;
    o->resp_fault = fault;
    o->resp_cause = fault ? cause : 0;
    o->resp_paddr = fault ? 0 : pa;
    if (fault)
        count(m, EV_FAULT);
}

/* Done with a fault: respond, back to IDLE, never fill. */
static void walk_fault(pw_mmu_model *m, uint32_t cause)
{
    respond(m, true, cause, 0);
    count(m, EV_WALK);
    m->state = PW_WALK_IDLE;
}

/* Done with success on leaf (as written back): respond, fill unless cancelled. */
static void walk_success(pw_mmu_model *m, const pw_mmu_inputs *in, uint32_t leaf)
{
    respond(m, false, 0, leaf_pa(FIELD(leaf, PTE_PPN), m->walk.level == 1, m->walk.va));
    count(m, EV_WALK);
    m->state = PW_WALK_IDLE;
    /* a sfence from acceptance up to this edge: the walk read pre-flush tables */
    if (m->walk.cancel_fill || in->sfence_valid)
        m->events.fill_cancelled = true;
    else
        tlb_fill(m, in, leaf);
}

/* The walk's end is decided: latency 1 ends it now; pipelined, it ends at
 * the next edge, in DONE (the leaf is then in mem_req_wdata). */
static void walk_decided_fault(pw_mmu_model *m, uint32_t cause)
{
    if (!pipelined(m)) {
        walk_fault(m, cause);
        return;
    }
    m->walk.end_fault = true;
    m->walk.end_cause = cause;
    m->state = PW_WALK_DONE;
}

static void walk_decided_success(pw_mmu_model *m, const pw_mmu_inputs *in, uint32_t leaf)
{
    if (!pipelined(m)) {
        walk_success(m, in, leaf);
        return;
    }
    m->walk.end_fault = false;
    m->walk.end_cause = 0;
    m->state = PW_WALK_DONE;
}

/* Start a walk at level 1 for va, root from this cycle's satp. */
static void walk_start(pw_mmu_model *m, const pw_mmu_inputs *in, uint32_t va, pw_access access,
                       pw_priv priv, int refill_index)
{
    uint64_t root = (uint64_t)FIELD(in->satp, SATP_PPN) << PW_SV32_PAGE_SHIFT;
    m->walk.va = va;
    m->walk.access = access;
    m->walk.priv = priv;
    m->walk.level = 1;
    m->walk.global = false;
    m->walk.cancel_fill = false; /* this cycle's sfence is added after */
    m->walk.refill = refill_index != NO_ENTRY;
    m->walk.refill_index = m->walk.refill ? (unsigned)refill_index : 0;
    m->walk.sum = in->sum;
    m->walk.mxr = in->mxr;
    m->out.mem_req_addr = root + (uint64_t)FIELD(va, VA_VPN1) * PW_SV32_PTE_BYTES;
    count(m, EV_MISS);
    m->state = PW_WALK_READ;
}

/* A miss: latency 1 starts the walk now; pipelined, at the next edge. */
static void miss(pw_mmu_model *m, const pw_mmu_inputs *in, pw_access access, pw_priv priv,
                 int refill_index)
{
    if (!pipelined(m)) {
        walk_start(m, in, in->req_vaddr, access, priv, refill_index);
        return;
    }
    m->missed.valid = true;
    m->missed.va = in->req_vaddr;
    m->missed.access = access;
    m->missed.priv = priv;
    m->missed.refill_index = refill_index;
    m->missed.sfence = in->sfence_valid;
}

/* A response decided at acceptance: loaded now (latency 1) or hit_latency-1
 * edges from now. translated: a hit, counted (with its fault) when loaded. */
static void answer(pw_mmu_model *m, bool translated, bool fault, uint32_t cause, uint64_t pa)
{
    if (!pipelined(m)) {
        if (translated)
            count(m, EV_HIT);
        respond(m, fault, cause, pa);
        return;
    }
    m->due[m->latency - 2] = (pw_mmu_due){true, translated, fault, cause, pa};
}

/* IDLE with req_valid: passthrough, hit, hit fault, or a walk. */
static void accept(pw_mmu_model *m, const pw_mmu_inputs *in)
{
    pw_priv priv = pw_mmu_port_priv(in->req_priv);
    pw_access access = pw_mmu_port_access(in->req_access);
    uint32_t va = in->req_vaddr;
    m->events.accepted = true;
    if ((in->satp & PW_SATP_MODE) == 0 || priv == PW_PRIV_M) {
        answer(m, false, false, 0, va);
        return;
    }
    int hit = tlb_lookup(m, va, FIELD(in->satp, SATP_ASID));
    if (hit == NO_ENTRY) {
        miss(m, in, access, priv, NO_ENTRY);
        return;
    }
    const pw_tlb_entry *e = &m->tlb[hit];
    bool allowed = leaf_allows(entry_flags(e), priv, access, in->sum, in->mxr);
    if (allowed && access == PW_ACCESS_STORE && !e->d && m->cfg.ad == PW_AD_SVADU) {
        miss(m, in, access, priv, hit); /* D must be set in memory: refill */
        return;
    }
    m->events.hit = true;
    if (!allowed || (access == PW_ACCESS_STORE && !e->d))
        answer(m, true, true, pw_page_fault_cause(access), 0);
    else
        answer(m, true, false, 0, leaf_pa(e->ppn, e->mega, va));
}

/* Pipelined: load the response due at this edge, and move the others on. */
static void pipeline_advance(pw_mmu_model *m)
{
    pw_mmu_due d = m->due[0];
    for (unsigned k = 0; k + 1 < PW_MMU_MAX_HIT_LATENCY - 1; k++)
        m->due[k] = m->due[k + 1];
    m->due[PW_MMU_MAX_HIT_LATENCY - 2].valid = false;
    if (!d.valid)
        return;
    if (d.translated)
        count(m, EV_HIT);
    respond(m, d.fault, d.cause, d.pa);
}

/* The address of the level-0 PTE under pointer pte, for the walk's VA. */
static uint64_t next_level_addr(const pw_mmu_model *m, uint32_t pte)
{
    return ((uint64_t)FIELD(pte, PTE_PPN) << PW_SV32_PAGE_SHIFT) +
           (uint64_t)FIELD(m->walk.va, VA_VPN0) * PW_SV32_PTE_BYTES;
}

/* WAIT_READ with mem_resp_valid: the first rule of docs/mmu.md that applies. */
static void pte_read(pw_mmu_model *m, const pw_mmu_inputs *in)
{
    uint32_t pte = in->mem_resp_rdata;
    pw_access access = m->walk.access;
    uint32_t page_fault = pw_page_fault_cause(access);
    /* Latency 1 samples SUM and MXR now, the pipelined walker at its start. */
    bool sum = pipelined(m) ? m->walk.sum : in->sum;
    bool mxr = pipelined(m) ? m->walk.mxr : in->mxr;

    if (pipelined(m)) {
        /* The held outputs load before the rules decide: the word read, and
         * for a pointer-shaped word the next level's address. */
        m->out.mem_req_wdata = pte;
        if ((pte & (PW_PTE_R | PW_PTE_X)) == 0)
            m->out.mem_req_addr = next_level_addr(m, pte);
    }
    if (in->mem_resp_err) {
        walk_decided_fault(m, pw_access_fault_cause(access));
        return;
    }
    if ((pte & PW_PTE_V) == 0 || (pte & (PW_PTE_R | PW_PTE_W)) == PW_PTE_W) {
        walk_decided_fault(m, page_fault);
        return;
    }
    if ((pte & (PW_PTE_R | PW_PTE_X)) == 0) { /* pointer */
        if ((pte & (PW_PTE_D | PW_PTE_A | PW_PTE_U)) || m->walk.level == 0) {
            walk_decided_fault(m, page_fault);
            return;
        }
        m->walk.global = (pte & PW_PTE_G) != 0; /* everything below is global */
        m->out.mem_req_addr = next_level_addr(m, pte);
        m->walk.level = 0;
        m->state = PW_WALK_READ;
        return;
    }
    if (!leaf_allows(pte, m->walk.priv, access, sum, mxr) ||
        (m->walk.level == 1 && FIELD(pte, PTE_PPN0) != 0)) {
        walk_decided_fault(m, page_fault);
        return;
    }
    uint32_t needed = PW_PTE_A | (access == PW_ACCESS_STORE ? PW_PTE_D : 0);
    if ((pte & needed) != needed) {
        if (m->cfg.ad == PW_AD_SVADE) {
            walk_decided_fault(m, page_fault);
            return;
        }
        m->out.mem_req_wdata = pte | needed; /* same address */
        m->state = PW_WALK_WRITE;
        return;
    }
    walk_decided_success(m, in, pte);
}

/* Outputs that are decoded from the walker state. */
static void decode_outputs(pw_mmu_model *m)
{
    /* pipelined: a request that missed at the last edge refuses the next */
    m->out.req_ready = m->state == PW_WALK_IDLE && !m->missed.valid;
    m->out.mem_req_valid = m->state == PW_WALK_READ || m->state == PW_WALK_WRITE;
    m->out.mem_req_we = m->state == PW_WALK_WRITE;
}

/* The reset state: TLB payloads are kept, everything else cleared. */
static void reset(pw_mmu_model *m)
{
    for (unsigned i = 0; i < PW_MMU_MAX_ENTRIES; i++)
        m->tlb[i].valid = false;
    m->victim = 0;
    m->state = PW_WALK_IDLE;
    memset(&m->walk, 0, sizeof m->walk);
    memset(&m->out, 0, sizeof m->out);
    memset(m->due, 0, sizeof m->due);
    memset(&m->missed, 0, sizeof m->missed);
    m->late_events = 0;
    decode_outputs(m);
}

bool pw_mmu_init(pw_mmu_model *m, const pw_mmu_config *cfg)
{
    unsigned latency = cfg->hit_latency == 0 ? 1 : cfg->hit_latency;
    if (cfg->tlb_entries < MIN_ENTRIES || cfg->tlb_entries > PW_MMU_MAX_ENTRIES ||
        (cfg->ad != PW_AD_SVADE && cfg->ad != PW_AD_SVADU) ||
        latency > PW_MMU_MAX_HIT_LATENCY ||
        (cfg->counters != PW_COUNTERS_32 && cfg->counters != PW_COUNTERS_16 &&
         cfg->counters != PW_COUNTERS_NONE) ||
        (cfg->ppn_in_bram && latency != 3))
        return false;
    memset(m, 0, sizeof *m);
    m->cfg = *cfg;
    m->latency = latency;
    reset(m);
    return true;
}

const pw_mmu_outputs *pw_mmu_outputs_now(const pw_mmu_model *m)
{
    return &m->out;
}

void pw_mmu_step(pw_mmu_model *m, const pw_mmu_inputs *in)
{
    memset(&m->events, 0, sizeof m->events);
    if (!in->rst_n) { /* synchronous reset wins over every other input */
        reset(m);
        return;
    }
    m->out.resp_valid = false; /* a one-cycle pulse */
    m->out.trace_fill = false;
    if (pipelined(m)) { /* the last edge's events show now */
        add_to_counters(m, m->late_events);
        m->late_events = 0;
    }
    if (m->state != PW_WALK_IDLE)
        count(m, EV_WALK_CYCLE);
    if (pipelined(m))
        pipeline_advance(m);

    switch (m->state) {
    case PW_WALK_IDLE:
        if (m->missed.valid) { /* pipelined: the walk of last edge's miss */
            walk_start(m, in, m->missed.va, m->missed.access, m->missed.priv,
                       m->missed.refill_index);
            m->walk.cancel_fill = m->missed.sfence;
            m->missed.valid = false;
        } else if (in->req_valid) {
            accept(m, in);
        }
        break;
    case PW_WALK_READ:
        if (in->mem_req_ready)
            m->state = PW_WALK_WAIT_READ;
        break;
    case PW_WALK_WAIT_READ:
        if (in->mem_resp_valid)
            pte_read(m, in);
        break;
    case PW_WALK_WRITE:
        if (in->mem_req_ready)
            m->state = PW_WALK_WAIT_WRITE;
        break;
    case PW_WALK_WAIT_WRITE:
        if (!in->mem_resp_valid)
            break;
        if (in->mem_resp_err)
            walk_decided_fault(m, pw_access_fault_cause(m->walk.access));
        else
            walk_decided_success(m, in, m->out.mem_req_wdata);
        break;
    case PW_WALK_DONE: /* pipelined: the end decided at the last edge */
        if (m->walk.end_fault)
            walk_fault(m, m->walk.end_cause);
        else
            walk_success(m, in, m->out.mem_req_wdata);
        break;
    default: /* not reachable; recover as the RTL's default arm does */
        m->state = PW_WALK_IDLE;
        break;
    }

    /* After the request path: a request in this cycle was looked up before the
     * flush, and a fill at this edge has already been cancelled. */
    if (in->sfence_valid) {
        m->walk.cancel_fill = true;
        tlb_sfence(m, in);
    }
    decode_outputs(m);
}

const char *pw_walk_state_name(pw_walk_state s)
{
    switch (s) {
    case PW_WALK_IDLE: return "IDLE";
    case PW_WALK_READ: return "READ";
    case PW_WALK_WAIT_READ: return "WAIT_READ";
    case PW_WALK_WRITE: return "WRITE";
    case PW_WALK_WAIT_WRITE: return "WAIT_WRITE";
    case PW_WALK_DONE: return "DONE";
    }
    return "?";
}
