// Words for requests, outcomes and sfences, and their architectural-model names.
#include "translation.h"

#include <cinttypes>
#include <cstdio>

namespace pwsc {

bool is_access_fault(uint32_t cause)
{
    return cause == PW_CAUSE_FETCH_ACCESS || cause == PW_CAUSE_LOAD_ACCESS || cause == PW_CAUSE_STORE_ACCESS;
}

// Pin values outside the enumerations mean what the RTL makes of them
// (cmodel/mmu_cycle.h): access 3 is a fetch, privilege 2 is M.
pw_access model_access(Access access) { return pw_mmu_port_access(unsigned(access)); }

pw_priv model_priv(Priv priv) { return pw_mmu_port_priv(unsigned(priv)); }

const char *access_word(Access access) { return pw_access_word(model_access(access)); }

std::string describe(const Request &r)
{
    char buf[160];
    snprintf(buf, sizeof buf, "%s-mode %s of VA 0x%08" PRIx32 " (satp 0x%08" PRIx32 ", SUM=%d MXR=%d)",
             pw_priv_name(model_priv(r.priv)), access_word(r.access), r.va, r.context.satp,
             r.context.sum, r.context.mxr);
    return buf;
}

std::string describe(const Outcome &o)
{
    char buf[96];
    if (o.fault)
        snprintf(buf, sizeof buf, "fault=%" PRIu32 " (%s)", o.cause, pw_cause_name(o.cause));
    else
        snprintf(buf, sizeof buf, "pa=0x%09" PRIx64, o.pa);
    return buf;
}

std::string describe(const Sfence &s)
{
    char va[32], asid[32];
    snprintf(va, sizeof va, "VA 0x%08" PRIx32, s.va);
    snprintf(asid, sizeof asid, "ASID 0x%03" PRIx32, s.asid);
    return std::string("sfence.vma ") + (s.all_va ? "all VAs" : va) + ", " + (s.all_asid ? "all ASIDs" : asid);
}

}  // namespace pwsc
