// The architectural check of a response, and requests in words.
#include "arch_check.h"
#include "text.h"

#include <cinttypes>

namespace cosim {
namespace {

// A pw_mem over a MemoryView that never writes, noting whether the
// architectural model wanted to.
struct CheckPort {
    const MemoryView *memory;
    bool wanted_write = false;
    static bool read(void *ctx, uint64_t pa, uint32_t *v) { return static_cast<CheckPort *>(ctx)->memory->read(pa, v); }
    static bool write(void *ctx, uint64_t pa, uint32_t)
    {
        auto *p = static_cast<CheckPort *>(ctx);
        if (p->memory->write_fails(pa))
            return false;
        p->wanted_write = true;
        return true;
    }
};

}  // namespace

std::string describe(const Request &r)
{
    return format("%s-mode %s of VA 0x%08" PRIx32 " (satp 0x%08" PRIx32 ", SUM=%d MXR=%d), accepted in cycle %" PRIu64,
                  pw_priv_name(pw_mmu_port_priv(r.priv)), pw_access_word(pw_mmu_port_access(r.access)), r.va, r.satp, r.sum, r.mxr, r.cycle);
}

pw_result architectural_result(const Request &r, const MemoryView &memory, pw_ad_policy ad)
{
    pw_context ctx{r.satp, pw_mmu_port_priv(r.priv), r.sum, r.mxr, ad};
    CheckPort port{&memory};
    pw_mem m{&port, CheckPort::read, CheckPort::write};
    pw_result res;
    pw_translate(&ctx, &m, r.va, pw_mmu_port_access(r.access), &res);
    return res;
}

std::string narrate_walk(const Request &r, const MemoryView &memory, pw_ad_policy ad)
{
    pw_context ctx{r.satp, pw_mmu_port_priv(r.priv), r.sum, r.mxr, ad};
    CheckPort port{&memory};
    pw_mem m{&port, CheckPort::read, CheckPort::write};
    pw_result res;
    pw_translate(&ctx, &m, r.va, pw_mmu_port_access(r.access), &res);
    return pw_explain_text("    ", ctx, r.va, pw_mmu_port_access(r.access), res);
}

bool ArchCheck::step(const Request &req, const pw_mmu_outputs &resp)
{
    CheckPort port{&memory_};
    pw_mem m{&port, CheckPort::read, CheckPort::write};
    pw_context ctx{req.satp, pw_mmu_port_priv(req.priv), req.sum, req.mxr, ad_};
    pw_result r;
    pw_translate(&ctx, &m, req.va, pw_mmu_port_access(req.access), &r);
    bool agree = r.fault == resp.resp_fault &&
                 (r.fault ? r.cause == resp.resp_cause : r.pa == resp.resp_paddr) && !port.wanted_write;
    if (agree)
        return true;
    char want[32];
    pw_result_text(&r, want, sizeof want);
    std::string got = resp.resp_fault ? format("fault=%u", resp.resp_cause)
                                      : format("pa=%" PRIx64, resp.resp_paddr);
    report_ = format("  request: %s\n  RTL and cycle model: %s; architectural model: %s\n",
                     describe(req).c_str(), got.c_str(), want);
    if (port.wanted_write)
        report_ += "  the architectural model still needed an A/D write-back the MMU did not make\n";
    report_ += "  the walk, by the architectural model on memory as it is now:\n" +
               pw_explain_text("    ", ctx, req.va, pw_mmu_port_access(req.access), r);
    return false;
}

}  // namespace cosim
