// The MMU checker: compare, follow the requests, check each response, step
// the cycle model.
#include "mmu_checker.h"
#include "text.h"

namespace cosim {

MmuChecker::MmuChecker(const pw_mmu_config &cfg, const MemoryView *memory, bool compare)
    : memory_(memory), compare_(compare), ad_(cfg.ad)
{
    pw_mmu_init(&model_, &cfg);
}

bool MmuChecker::fail(const std::string &what)
{
    mismatch_ = what;
    return false;
}

bool MmuChecker::check(uint64_t cycle, const pw_mmu_outputs &out)
{
    out_ = out;
    if (compare_ && !outputs_.step(cycle, out, *pw_mmu_outputs_now(&model_)))
        return fail(std::string("output ") + outputs_.first_signal() + " differs\n" + outputs_.explain());
    if (!out.resp_valid)
        return true;
    if (outstanding_.empty())
        return fail("a response with no request outstanding\n");
    Request req = outstanding_.front();
    outstanding_.pop_front();
    translations_++;
    if (out.resp_fault)
        faults_[out.resp_cause & 15]++;
    if (compare_ && memory_) {
        ArchCheck arch(*memory_, ad_);
        if (!arch.step(req, out)) {
            outstanding_.push_front(req);  // the translation in flight, for state()
            return fail("the response disagrees with the architectural model\n" + arch.explain());
        }
    }
    if (coverage_)
        coverage_->response(req, out, memory_);
    return true;
}

void MmuChecker::advance(uint64_t cycle, const pw_mmu_inputs &in)
{
    if (!in.rst_n)
        outstanding_.clear();
    else if (in.req_valid && out_.req_ready)
        outstanding_.push_back({in.req_vaddr, in.req_access, in.req_priv, in.satp, in.sum, in.mxr, cycle});
    if (coverage_ && compare_) {
        pw_mmu_model before = model_;
        pw_mmu_step(&model_, &in);
        coverage_->edge(before, in, out_, model_);
    } else if (compare_) {
        pw_mmu_step(&model_, &in);
    }
}

std::string MmuChecker::state() const
{
    std::string s;
    if (!outstanding_.empty()) {
        const Request &r = outstanding_.front();
        s += "  translation in flight: " + describe(r) + "\n";
        if (memory_)
            s += "  the golden model's walk:\n" + narrate_walk(r, *memory_, ad_);
    }
    s += "  TLB contents (cycle model) before this cycle's edge:\n";
    for (unsigned i = 0; i < model_.cfg.tlb_entries; i++) {
        const pw_tlb_entry &e = model_.tlb[i];
        if (!e.valid)
            continue;
        s += format("    [%2u] VPN %03x.%03x%s ASID %03x%s PPN %06x %c%c%c%c%c%s\n", i, e.vpn1, e.vpn0,
                    e.mega ? " (mega)" : "       ", e.asid, e.global ? " G" : "  ", e.ppn, e.r ? 'R' : '-',
                    e.w ? 'W' : '-', e.x ? 'X' : '-', e.u ? 'U' : '-', e.d ? 'D' : '-',
                    i == model_.victim ? "  <- victim" : "");
    }
    return s;
}

}  // namespace cosim
