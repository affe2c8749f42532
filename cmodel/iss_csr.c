/* The CSR file and traps.
 *
 * CSRs: every register of cmodel/gen/core.defs (PW_CSR_TABLE) with its address,
 * write mask and reset value; the access rules (existence, privilege from
 * ADDR[9:8], read-only from ADDR[11:10] == 3, TVM for satp, the counter
 * enables) are applied here and nowhere else. Storage is one word per CSR;
 * the views (sstatus, sie, sip), mip's hardware bits and the 64-bit counters
 * are computed.
 *
 * Traps: enter_trap is the one place that decides the target mode, writes
 * xepc/xcause/xtval/mstatus and picks the handler address; pending_interrupt
 * the one place that decides which interrupt is taken, in the order of the
 * privileged specification 1.12 section 3.1.9: interrupts for M-mode before
 * those for S-mode, and within one mode MSI > MTI > SSI > STI.
 */
#include "iss_internal.h"

#include <string.h>

typedef struct {
    uint16_t addr;
    uint32_t wmask;
    uint32_t reset;
    const char *name; /* upper case, as in core.defs */
} csr_desc;

static const csr_desc csr_table[CSR_COUNT] = {
#define PW_CSR_DESC(name, addr, wmask, reset) [CSR_##name] = {addr, wmask, reset, #name},
    PW_CSR_TABLE(PW_CSR_DESC)
#undef PW_CSR_DESC
};

/* The table index of a CSR address, or -1. */
static int csr_index(uint32_t addr)
{
    switch (addr) {
#define PW_CSR_CASE(name, addr, wmask, reset) case addr: return CSR_##name;
        PW_CSR_TABLE(PW_CSR_CASE)
#undef PW_CSR_CASE
    default: return -1;
    }
}

bool csr_exists(uint32_t addr) { return csr_index(addr) >= 0; }

const char *pw_iss_csr_name(uint32_t addr, char *buf, size_t len)
{
    int i = csr_index(addr);
    if (i < 0 || len == 0)
        return NULL;
    size_t n = 0;
    for (const char *s = csr_table[i].name; *s && n + 1 < len; s++)
        buf[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    buf[n] = '\0';
    return buf;
}

#define MPP_FIELD (PW_MSTATUS_MPP_MASK << PW_MSTATUS_MPP_SHIFT)
#define MPP_RESERVED 2u

void csr_reset(pw_iss *iss)
{
    for (int i = 0; i < CSR_COUNT; i++)
        iss->csr[i] = csr_table[i].reset;
    iss->csr[CSR_MISA] = PW_MISA_BASE | (iss->cfg.has_m ? PW_MISA_EXT_M : 0);
    iss->mcycle = iss->minstret = 0;
    iss->mip_sw = 0;
}

uint32_t mip_value(const pw_iss *iss)
{
    uint32_t v = iss->mip_sw;
    if (iss->msip)
        v |= PW_IRQ_MSI;
    if (iss->mtime >= iss->mtimecmp)
        v |= PW_IRQ_MTI;
    return v;
}

static bool is_counter_shadow(uint32_t addr)
{
    return (addr >= PW_CSR_CYCLE && addr <= PW_CSR_INSTRET) || (addr >= PW_CSR_CYCLEH && addr <= PW_CSR_INSTRETH);
}

/* The value a read returns, before any timing override. */
static uint32_t csr_read_value(const pw_iss *iss, int i)
{
    uint32_t mstatus = iss->csr[CSR_MSTATUS], mideleg = iss->csr[CSR_MIDELEG];
    switch (i) {
    case CSR_SSTATUS: return mstatus & PW_CSR_SSTATUS_WMASK;
    case CSR_SIE: return iss->csr[CSR_MIE] & mideleg & PW_CSR_SIE_WMASK;
    case CSR_MIP: return mip_value(iss);
    /* sip shows the delegated SSIP and STIP */
    case CSR_SIP: return mip_value(iss) & mideleg & (PW_IRQ_SSI | PW_IRQ_STI);
    case CSR_MCYCLE: case CSR_CYCLE: return (uint32_t)iss->mcycle;
    case CSR_MCYCLEH: case CSR_CYCLEH: return (uint32_t)(iss->mcycle >> 32);
    case CSR_MINSTRET: case CSR_INSTRET: return (uint32_t)iss->minstret;
    case CSR_MINSTRETH: case CSR_INSTRETH: return (uint32_t)(iss->minstret >> 32);
    case CSR_TIME: return (uint32_t)iss->mtime;
    case CSR_TIMEH: return (uint32_t)(iss->mtime >> 32);
    default: return iss->csr[i];
    }
}

/* Which timing-dependent value a CSR read is, or -1 when it is deterministic. */
static int csr_timing_kind(int i)
{
    switch (i) {
    case CSR_MCYCLE: case CSR_MCYCLEH: case CSR_CYCLE: case CSR_CYCLEH: return PW_ISS_TIMING_CYCLE;
    case CSR_TIME: case CSR_TIMEH: return PW_ISS_TIMING_TIME;
    case CSR_MIP: case CSR_SIP: return PW_ISS_TIMING_MIP;
    default: return -1;
    }
}

static uint32_t masked(uint32_t old, uint32_t value, uint32_t mask) { return (old & ~mask) | (value & mask); }

static void set_counter(uint64_t *counter, uint32_t value, bool high)
{
    if (high)
        *counter = (*counter & 0xffffffffu) | (uint64_t)value << 32;
    else
        *counter = (*counter & ~(uint64_t)0xffffffffu) | value;
}

/* Write a CSR as csrw would, after the access checks. */
static void csr_write_value(pw_iss *iss, int i, uint32_t value)
{
    uint32_t *r = &iss->csr[i];
    uint32_t mideleg = iss->csr[CSR_MIDELEG];
    switch (i) {
    case CSR_MSTATUS: {
        uint32_t next = masked(*r, value, PW_CSR_MSTATUS_WMASK);
        /* MPP is WARL: the reserved encoding 2 leaves the field unchanged. */
        if (((next & MPP_FIELD) >> PW_MSTATUS_MPP_SHIFT) == MPP_RESERVED)
            next = (next & ~MPP_FIELD) | (*r & MPP_FIELD);
        *r = next;
        memo_flush(iss); /* MPRV, MPP, SUM, MXR change the data translation */
        break;
    }
    case CSR_SSTATUS:
        iss->csr[CSR_MSTATUS] = masked(iss->csr[CSR_MSTATUS], value, PW_CSR_SSTATUS_WMASK);
        memo_flush(iss);
        break;
    case CSR_SIE:
        iss->csr[CSR_MIE] = masked(iss->csr[CSR_MIE], value, PW_CSR_SIE_WMASK & mideleg);
        break;
    case CSR_MIP:
        iss->mip_sw = masked(iss->mip_sw, value, PW_CSR_MIP_WMASK);
        break;
    case CSR_SIP:
        iss->mip_sw = masked(iss->mip_sw, value, PW_CSR_SIP_WMASK & mideleg);
        break;
    case CSR_MCYCLE: case CSR_MCYCLEH:
        set_counter(&iss->mcycle, value, i == CSR_MCYCLEH);
        iss->cycle_written = true;
        break;
    case CSR_MINSTRET: case CSR_MINSTRETH:
        set_counter(&iss->minstret, value, i == CSR_MINSTRETH);
        iss->instret_written = true;
        break;
    case CSR_SATP:
        *r = masked(*r, value, csr_table[i].wmask);
        memo_flush(iss);
        break;
    default:
        *r = masked(*r, value, csr_table[i].wmask);
        break;
    }
}

/* The counter-enable rule: from S, mcounteren must allow it; from U, both
 * mcounteren and scounteren. */
static bool counter_allowed(const pw_iss *iss, uint32_t addr)
{
    uint32_t bit = 1u << (addr & 0x1f);
    if (iss->priv == PW_PRIV_M)
        return true;
    if (!(iss->csr[CSR_MCOUNTEREN] & bit))
        return false;
    return iss->priv == PW_PRIV_S || (iss->csr[CSR_SCOUNTEREN] & bit);
}

bool csr_access(pw_iss *iss, uint32_t insn, uint32_t addr, bool read, bool write, uint32_t wvalue, int op,
                uint32_t *old)
{
    int i = csr_index(addr);
    bool ok = i >= 0
           && (uint32_t)iss->priv >= ((addr >> 8) & 3)          /* privilege in ADDR[9:8] */
           && !(write && (addr >> 10) == 3)                       /* read-only in ADDR[11:10] */
           && !(i == CSR_SATP && iss->priv == PW_PRIV_S && (iss->csr[CSR_MSTATUS] & PW_MSTATUS_TVM))
           && !(is_counter_shadow(addr) && !counter_allowed(iss, addr));
    if (!ok) {
        raise_exception(iss, PW_CAUSE_ILLEGAL_INSN, insn);
        return false;
    }
    uint32_t value = csr_read_value(iss, i);
    int kind = csr_timing_kind(i);
    if (read && kind >= 0 && iss->cfg.timing_read)
        value = iss->cfg.timing_read(iss->cfg.timing_ctx, (pw_iss_timing)kind, addr, value);
    *old = value;
    if (write) {
        uint32_t next = op == 1 ? wvalue : op == 2 ? (value | wvalue) : (value & ~wvalue);
        csr_write_value(iss, i, next);
        if (iss->rec) {
            iss->rec->csr_written = true;
            iss->rec->csr_addr = (uint16_t)addr;
            iss->rec->csr_wdata = csr_read_value(iss, i);
        }
    }
    return true;
}

bool pw_iss_csr_get(const pw_iss *iss, uint32_t addr, uint32_t *value)
{
    int i = csr_index(addr);
    if (i < 0)
        return false;
    *value = csr_read_value(iss, i);
    return true;
}

bool pw_iss_csr_set(pw_iss *iss, uint32_t addr, uint32_t value)
{
    int i = csr_index(addr);
    if (i < 0 || (addr >> 10) == 3)
        return false;
    csr_write_value(iss, i, value);
    iss->cycle_written = iss->instret_written = false;
    return true;
}

/* ---------------------------------------------------------------- traps */

void raise_exception(pw_iss *iss, uint32_t cause, uint32_t tval)
{
    /* The first exception of an instruction wins: the order of the checks in
     * iss_exec.c and iss_mem.c is the priority order of docs/iss.md. */
    if (iss->exc.raised)
        return;
    iss->exc.raised = true;
    iss->exc.cause = cause;
    iss->exc.tval = tval;
}

pw_priv enter_trap(pw_iss *iss, uint32_t cause, uint32_t tval, bool interrupt)
{
    uint32_t *mstatus = &iss->csr[CSR_MSTATUS];
    uint32_t code = cause & 0x1f;
    bool to_s = interrupt ? (iss->csr[CSR_MIDELEG] >> code) & 1
                          : iss->priv != PW_PRIV_M && ((iss->csr[CSR_MEDELEG] >> code) & 1);
    uint32_t xcause = cause | (interrupt ? PW_MCAUSE_INTERRUPT : 0);
    uint32_t tvec;
    pw_priv from = iss->priv;
    if (to_s) {
        iss->csr[CSR_SEPC] = iss->pc;
        iss->csr[CSR_SCAUSE] = xcause;
        iss->csr[CSR_STVAL] = tval;
        uint32_t s = *mstatus & ~(PW_MSTATUS_SPIE | PW_MSTATUS_SIE | PW_MSTATUS_SPP);
        if (*mstatus & PW_MSTATUS_SIE)
            s |= PW_MSTATUS_SPIE;
        if (from == PW_PRIV_S)
            s |= PW_MSTATUS_SPP;
        *mstatus = s;
        iss->priv = PW_PRIV_S;
        tvec = iss->csr[CSR_STVEC];
    } else {
        iss->csr[CSR_MEPC] = iss->pc;
        iss->csr[CSR_MCAUSE] = xcause;
        iss->csr[CSR_MTVAL] = tval;
        uint32_t s = *mstatus & ~(PW_MSTATUS_MPIE | PW_MSTATUS_MIE | MPP_FIELD);
        if (*mstatus & PW_MSTATUS_MIE)
            s |= PW_MSTATUS_MPIE;
        s |= (uint32_t)from << PW_MSTATUS_MPP_SHIFT;
        *mstatus = s;
        iss->priv = PW_PRIV_M;
        tvec = iss->csr[CSR_MTVEC];
    }
    uint32_t base = tvec & ~(PW_TVEC_MODE_MASK << PW_TVEC_MODE_SHIFT);
    /* Vectored mode applies to interrupts only. */
    bool vectored = ((tvec >> PW_TVEC_MODE_SHIFT) & PW_TVEC_MODE_MASK) == PW_TVEC_MODE_VECTORED;
    iss->pc = base + (interrupt && vectored ? 4 * code : 0);
    memo_flush(iss);
    return iss->priv;
}

/* Interrupt codes in decreasing priority within one target mode. */
static const unsigned irq_order[] = {PW_IRQ_MSI_BIT, PW_IRQ_MTI_BIT, PW_IRQ_SSI_BIT, PW_IRQ_STI_BIT};

static int highest(uint32_t irqs)
{
    for (unsigned k = 0; k < sizeof irq_order / sizeof irq_order[0]; k++)
        if (irqs & (1u << irq_order[k]))
            return (int)irq_order[k];
    return -1;
}

/* The interrupt to take given the pending bits, or -1. */
static int choose_interrupt(const pw_iss *iss, uint32_t pending)
{
    uint32_t mstatus = iss->csr[CSR_MSTATUS], mideleg = iss->csr[CSR_MIDELEG];
    uint32_t active = pending & iss->csr[CSR_MIE];
    bool m_on = iss->priv != PW_PRIV_M || (mstatus & PW_MSTATUS_MIE);
    bool s_on = iss->priv == PW_PRIV_U || (iss->priv == PW_PRIV_S && (mstatus & PW_MSTATUS_SIE));
    if (m_on && (active & ~mideleg))
        return highest(active & ~mideleg);
    if (s_on && (active & mideleg))
        return highest(active & mideleg);
    return -1;
}

int pending_interrupt(const pw_iss *iss)
{
    return choose_interrupt(iss, mip_value(iss));
}

bool pw_iss_inject_interrupt(pw_iss *iss, unsigned code, char *why, size_t whylen)
{
    if (whylen > 0)
        why[0] = '\0';
    static const char *const names[] = {[PW_IRQ_SSI_BIT] = "SSI", [PW_IRQ_MSI_BIT] = "MSI",
                                        [PW_IRQ_STI_BIT] = "STI", [PW_IRQ_MTI_BIT] = "MTI"};
    if (code >= sizeof names / sizeof names[0] || !names[code]) {
        snprintf(why, whylen, "interrupt %u is not one the SoC has (MSI 3, MTI 7, SSI 1, STI 5)", code);
        return false;
    }
    /* The ISS's mtime runs at another rate than the RTL's: trust the RTL on
     * MTIP when it took MTI, and count MTIP as clear otherwise. */
    uint32_t pending = (mip_value(iss) & ~PW_IRQ_MTI) | (code == PW_IRQ_MTI_BIT ? PW_IRQ_MTI : 0);
    if (!(pending & (1u << code))) {
        snprintf(why, whylen, "%s is not pending in the ISS (mip 0x%08x)", names[code], mip_value(iss));
        return false;
    }
    int chosen = choose_interrupt(iss, pending);
    if (chosen < 0) {
        snprintf(why, whylen, "%s is not enabled in mode %s (mstatus 0x%08x, mie 0x%08x, mideleg 0x%08x)",
                 names[code], pw_priv_name(iss->priv), iss->csr[CSR_MSTATUS], iss->csr[CSR_MIE],
                 iss->csr[CSR_MIDELEG]);
        return false;
    }
    if ((unsigned)chosen != code) {
        snprintf(why, whylen, "%s has priority over %s in the ISS (mip 0x%08x, mie 0x%08x, mideleg 0x%08x)",
                 names[chosen], names[code], pending, iss->csr[CSR_MIE], iss->csr[CSR_MIDELEG]);
        return false;
    }
    iss->injected = (int)code;
    return true;
}

void do_mret(pw_iss *iss)
{
    uint32_t s = iss->csr[CSR_MSTATUS];
    pw_priv to = (pw_priv)((s >> PW_MSTATUS_MPP_SHIFT) & PW_MSTATUS_MPP_MASK);
    s &= ~(PW_MSTATUS_MIE | MPP_FIELD); /* MPP becomes U, the least privileged mode */
    if (s & PW_MSTATUS_MPIE)
        s |= PW_MSTATUS_MIE;
    s |= PW_MSTATUS_MPIE;
    if (to != PW_PRIV_M)
        s &= ~PW_MSTATUS_MPRV;
    iss->csr[CSR_MSTATUS] = s;
    iss->priv = to;
    iss->pc = iss->csr[CSR_MEPC];
    memo_flush(iss);
}

void do_sret(pw_iss *iss)
{
    uint32_t s = iss->csr[CSR_MSTATUS];
    pw_priv to = (s & PW_MSTATUS_SPP) ? PW_PRIV_S : PW_PRIV_U;
    s &= ~(PW_MSTATUS_SIE | PW_MSTATUS_SPP | PW_MSTATUS_MPRV);
    if (s & PW_MSTATUS_SPIE)
        s |= PW_MSTATUS_SIE;
    s |= PW_MSTATUS_SPIE;
    iss->csr[CSR_MSTATUS] = s;
    iss->priv = to;
    iss->pc = iss->csr[CSR_SEPC];
    memo_flush(iss);
}
