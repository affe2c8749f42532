/* The Sv32 walk: privileged specification 1.12, section 4.3.2, as one loop
 * over levels with each check leaving with its fault. */
#include "sv32.h"

#define FIELD(value, name) (((value) >> PW_##name##_SHIFT) & PW_##name##_MASK)

#define MEGAPAGE_SHIFT (PW_SV32_PAGE_SHIFT + PW_SV32_VPN_BITS)
#define PAGE_OFFSET_MASK ((1u << PW_SV32_PAGE_SHIFT) - 1)
#define MEGAPAGE_OFFSET_MASK ((1u << MEGAPAGE_SHIFT) - 1)

uint32_t pw_page_fault_cause(pw_access access)
{
    switch (access) {
    case PW_ACCESS_FETCH: return PW_CAUSE_FETCH_PAGE_FAULT;
    case PW_ACCESS_STORE: return PW_CAUSE_STORE_PAGE_FAULT;
    default: return PW_CAUSE_LOAD_PAGE_FAULT;
    }
}

uint32_t pw_access_fault_cause(pw_access access)
{
    switch (access) {
    case PW_ACCESS_FETCH: return PW_CAUSE_FETCH_ACCESS;
    case PW_ACCESS_STORE: return PW_CAUSE_STORE_ACCESS;
    default: return PW_CAUSE_LOAD_ACCESS;
    }
}

/* Record a walk step; the array is sized for the longest walk. */
static void add_step(pw_result *r, bool write, int level, uint64_t addr,
                     uint32_t value, bool bus_error)
{
    pw_step *s = &r->steps[r->nsteps++];
    s->write = write;
    s->level = level;
    s->addr = addr;
    s->value = value;
    s->bus_error = bus_error;
}

static bool is_access_fault(pw_end end)
{
    return end == PW_END_PTE_BUS_ERROR || end == PW_END_WRITEBACK_BUS_ERROR;
}

/* Steps 5 to 7 for a leaf PTE at level: privilege, permission, alignment, A/D. */
static pw_end check_leaf(const pw_context *ctx, const pw_mem *mem, uint32_t va,
                         pw_access access, uint64_t pte_addr, uint32_t pte,
                         int level, pw_result *r)
{
    bool user_page = (pte & PW_PTE_U) != 0;
    if (ctx->priv == PW_PRIV_U && !user_page)
        return PW_END_SUPERVISOR_PAGE_FROM_U;
    if (ctx->priv == PW_PRIV_S && user_page && (!ctx->sum || access == PW_ACCESS_FETCH))
        return PW_END_USER_PAGE_FROM_S;

    /* MXR makes executable pages readable: move X (bit 3) onto R (bit 1). */
    uint32_t allowed = pte;
    if (ctx->mxr)
        allowed |= (pte & PW_PTE_X) >> (PW_PTE_X_BIT - PW_PTE_R_BIT);
    if ((allowed & (uint32_t)access) == 0)
        return PW_END_NO_PERMISSION;

    if (level == 1 && FIELD(pte, PTE_PPN0) != 0)
        return PW_END_MISALIGNED_MEGAPAGE;

    uint32_t needed = PW_PTE_A | (access == PW_ACCESS_STORE ? PW_PTE_D : 0);
    if ((pte & needed) != needed) {
        if (ctx->ad == PW_AD_SVADE)
            return (pte & PW_PTE_A) ? PW_END_D_CLEAR : PW_END_A_CLEAR;
        uint32_t updated = pte | needed;
        bool ok = mem->write(mem->ctx, pte_addr, updated);
        add_step(r, true, level, pte_addr, updated, !ok);
        if (!ok)
            return PW_END_WRITEBACK_BUS_ERROR;
        r->pte = updated;
    }

    if (level == 1) /* megapage: PPN[1] above VA[21:0] */
        r->pa = ((uint64_t)FIELD(pte, PTE_PPN1) << MEGAPAGE_SHIFT) | (va & MEGAPAGE_OFFSET_MASK);
    else
        r->pa = ((uint64_t)FIELD(pte, PTE_PPN) << PW_SV32_PAGE_SHIFT) | (va & PAGE_OFFSET_MASK);
    return PW_END_OK;
}

/* Steps 1 to 4: descend from the root until a leaf or a fault. */
static pw_end walk(const pw_context *ctx, const pw_mem *mem, uint32_t va,
                   pw_access access, pw_result *r)
{
    uint64_t table = (uint64_t)FIELD(ctx->satp, SATP_PPN) << PW_SV32_PAGE_SHIFT;
    for (int level = PW_SV32_LEVELS - 1; level >= 0; level--) {
        uint32_t vpn = level == 1 ? FIELD(va, VA_VPN1) : FIELD(va, VA_VPN0);
        uint64_t pte_addr = table + (uint64_t)vpn * PW_SV32_PTE_BYTES;
        uint32_t pte = 0;
        bool ok = mem->read(mem->ctx, pte_addr, &pte);
        add_step(r, false, level, pte_addr, pte, !ok);
        r->level = level;
        r->pte = pte;
        if (!ok)
            return PW_END_PTE_BUS_ERROR;

        if ((pte & PW_PTE_V) == 0)
            return PW_END_INVALID;
        if ((pte & (PW_PTE_R | PW_PTE_W)) == PW_PTE_W)
            return PW_END_W_WITHOUT_R;
        if (pte & (PW_PTE_R | PW_PTE_X))
            return check_leaf(ctx, mem, va, access, pte_addr, pte, level, r);

        /* A pointer to the next level. */
        if (pte & (PW_PTE_D | PW_PTE_A | PW_PTE_U))
            return PW_END_POINTER_RESERVED;
        if (level == 0)
            return PW_END_POINTER_AT_LEAF_LEVEL;
        table = (uint64_t)FIELD(pte, PTE_PPN) << PW_SV32_PAGE_SHIFT;
    }
    return PW_END_POINTER_AT_LEAF_LEVEL; /* not reached: level 0 returns above */
}

void pw_translate(const pw_context *ctx, const pw_mem *mem, uint32_t va,
                  pw_access access, pw_result *r)
{
    r->fault = false;
    r->cause = 0;
    r->pa = va;
    r->level = -1;
    r->pte = 0;
    r->nsteps = 0;

    if ((ctx->satp & PW_SATP_MODE) == 0)
        r->end = PW_END_BARE;
    else if (ctx->priv == PW_PRIV_M)
        r->end = PW_END_MACHINE;
    else
        r->end = walk(ctx, mem, va, access, r);

    if (r->end == PW_END_OK || r->end == PW_END_BARE || r->end == PW_END_MACHINE)
        return;
    r->fault = true;
    r->pa = 0;
    r->cause = is_access_fault(r->end) ? pw_access_fault_cause(access)
                                       : pw_page_fault_cause(access);
}
