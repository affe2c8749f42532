// The event log's ring and its words.
#include "event_log.h"
#include "pagewalk_shim.h"
#include "text.h"

#include <cinttypes>

namespace cosim {

std::string EventLog::last(unsigned n) const
{
    std::string s;
    uint64_t first = next_ > n ? next_ - n : 0;
    for (uint64_t i = first; i < next_; i++) {
        const Event &e = ring_[i % kSize];
        std::string what;
        switch (e.kind) {
        case Event::Reset: what = "reset"; break;
        case Event::Accept:
            what = format("accept  %s %s VA 0x%08" PRIx64, pw_priv_name(pw_mmu_port_priv(e.c)),
                          pw_access_word(pw_mmu_port_access(e.b)), e.a);
            break;
        case Event::Response:
            what = e.b ? format("respond fault=%u", e.c) : format("respond pa=0x%09" PRIx64, e.a);
            break;
        case Event::MemRequest:
            what = e.b ? format("mem     write 0x%09" PRIx64 " <- 0x%08x", e.a, e.c)
                       : format("mem     read  0x%09" PRIx64, e.a);
            break;
        case Event::MemResponse:
            what = e.c ? "mem     response: bus error" : format("mem     response 0x%08x", e.b);
            break;
        case Event::Sfence:
            what = format("sfence  %s, %s", (e.c & 1) ? "all VAs" : format("VA 0x%08" PRIx64, e.a).c_str(),
                          (e.c & 2) ? "all ASIDs" : format("ASID 0x%03x", e.b).c_str());
            break;
        case Event::Context:
            what = format("context satp 0x%08" PRIx64 " SUM=%u MXR=%u", e.a, e.b, e.c);
            break;
        case Event::TableChange: what = "tables  a PTE was rewritten (with the sfence above)"; break;
        case Event::Fill:
            what = format("tlb     fill entry %u%s", e.b, e.c ? " (evicting a valid entry)" : "");
            break;
        }
        s += format("    cycle %8" PRIu64 "  %s\n", e.cycle, what.c_str());
    }
    return s;
}

}  // namespace cosim
