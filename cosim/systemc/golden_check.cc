// The architectural model on a read-only view of the platform's memory.
#include "golden_check.h"


namespace pwsc {
namespace {

// A pw_mem over the backdoor that never writes, noting whether the model wanted to.
struct ReadOnlyPort {
    const BackdoorMemory *memory;
    bool wanted_write = false;

    static bool read(void *ctx, uint64_t pa, uint32_t *value)
    {
        auto *port = static_cast<ReadOnlyPort *>(ctx);
        *value = 0;
        if (port->memory->is_error(pa, false))
            return false;
        *value = port->memory->peek_word(pa);
        return true;
    }
    static bool write(void *ctx, uint64_t pa, uint32_t)
    {
        auto *port = static_cast<ReadOnlyPort *>(ctx);
        if (port->memory->is_error(pa, true))
            return false;
        port->wanted_write = true;
        return true;
    }
};

}  // namespace

bool GoldenCheck::step(const Request &request, const Outcome &mmu)
{
    ReadOnlyPort port{&memory_};
    pw_mem mem{&port, ReadOnlyPort::read, ReadOnlyPort::write};
    pw_context ctx{request.context.satp, model_priv(request.priv), request.context.sum, request.context.mxr, ad_};
    pw_result result;
    pw_translate(&ctx, &mem, request.va, model_access(request.access), &result);
    expected_.fault = result.fault;
    expected_.cause = result.fault ? result.cause : 0;
    expected_.pa = result.fault ? 0 : result.pa;

    bool same = mmu.fault == expected_.fault &&
                (mmu.fault ? mmu.cause == expected_.cause : mmu.pa == expected_.pa);
    if (same && !port.wanted_write)
        return true;
    report_ = "  request: " + describe(request) + "\n  MMU: " + describe(mmu) +
              "; architectural model: " + describe(expected_) + "\n";
    if (port.wanted_write)
        report_ += "  the architectural model still needed an A/D write-back the MMU did not make\n";
    report_ += "  the walk, by the architectural model on memory as it is now:\n" +
               pw_explain_text("    ", ctx, request.va, model_access(request.access), result);
    return false;
}

}  // namespace pwsc
