// The scripted bench, and .vec files replayed through it.
#include "scripted_bench.h"
#include "text.h"

#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace cosim {
namespace {

constexpr unsigned kResponseBound = 10000;  // cycles before a missing answer is a hang


}  // namespace

MemoryTiming ScriptedBench::fixed_timing()
{
    MemoryTiming t;
    t.ready_percent = 100;
    t.max_latency = 1;
    t.slow_per_mille = 0;
    return t;
}

ScriptedBench::ScriptedBench(const DutBuild &build, MemoryTiming timing)
    : build_(build), dut_(build.make()), mem_(pw_smem_new()), agent_(mem_, 1, timing),
      view_(mem_, [this](uint64_t pa) { return agent_.is_write_error(pa); }), checker_(build.config(), &view_)
{
    const char *coverage_dir = std::getenv("PAGEWALK_COVERAGE_DIR");
    if (coverage_dir && *coverage_dir) {
        bins_.reset(new FunctionalCoverage(build.config()));
        checker_.count_coverage(bins_.get());
    }
    reset();
}

ScriptedBench::~ScriptedBench()
{
    if (bins_)
        bins_->write_if_asked(build_.name);
    pw_smem_free(mem_);
}

uint32_t ScriptedBench::read(uint64_t addr) const
{
    uint32_t v = 0;
    pw_smem_get(mem_, addr, &v);
    return v;
}

pw_mmu_outputs ScriptedBench::outputs()
{
    pw_mmu_outputs o;
    dut_->outputs(&o);
    return o;
}

pw_mmu_inputs ScriptedBench::base_inputs()
{
    pw_mmu_inputs in{};
    in.rst_n = true;
    in.satp = satp_;
    in.sum = sum_;
    in.mxr = mxr_;
    if (sfence_pending_ && sfence_delay_ == 0) {
        in.sfence_valid = true;
        in.sfence_vaddr = sfence_.sfence_vaddr;
        in.sfence_asid = sfence_.sfence_asid;
        in.sfence_all_va = sfence_.sfence_all_va;
        in.sfence_all_asid = sfence_.sfence_all_asid;
        sfence_pending_ = false;
    } else if (sfence_pending_) {
        sfence_delay_--;
    }
    return in;
}

// One cycle in lockstep: drive the memory port, check, take the edge. After a
// disagreement the cycle model is left behind and the bench only runs on.
void ScriptedBench::tick(pw_mmu_inputs in)
{
    pw_mmu_outputs rtl;
    dut_->outputs(&rtl);
    bool port_ok = agent_.drive(cycle_, rtl, &in);
    if (ok() && !checker_.step(cycle_, in, rtl))
        failure_ = format("cycle %" PRIu64 ": ", cycle_) + checker_.mismatch();
    if (!port_ok && ok())
        failure_ = agent_.why();
    dut_->set_inputs(in);
    dut_->tick();
    if (dut_->assertion_failed() && ok())
        failure_ = format("cycle %" PRIu64 ": an interface assertion of the RTL failed (the %%Error line "
                          "above names the rule)\n", cycle_);
    cycle_++;
}

void ScriptedBench::reset()
{
    pw_mmu_inputs in{};
    in.rst_n = false;
    for (int i = 0; i < 2; i++)
        tick(in);
    agent_.reset();
}

void ScriptedBench::idle(unsigned cycles)
{
    for (unsigned i = 0; i < cycles; i++)
        tick(base_inputs());
}

void ScriptedBench::sfence(uint32_t va, unsigned asid, bool all_va, bool all_asid)
{
    sfence_at(0, va, asid, all_va, all_asid);
    idle(1);
}

void ScriptedBench::sfence_at(unsigned delay, uint32_t va, unsigned asid, bool all_va, bool all_asid)
{
    sfence_pending_ = true;
    sfence_delay_ = delay;
    sfence_.sfence_vaddr = va;
    sfence_.sfence_asid = asid;
    sfence_.sfence_all_va = all_va;
    sfence_.sfence_all_asid = all_asid;
}

bool ScriptedBench::start(uint32_t satp, unsigned priv, unsigned access, bool sum, bool mxr, uint32_t va)
{
    satp_ = satp;
    sum_ = sum;
    mxr_ = mxr;
    for (unsigned waited = 0; waited < kResponseBound; waited++) {
        pw_mmu_inputs in = base_inputs();
        in.req_valid = true;
        in.req_vaddr = va;
        in.req_access = access;
        in.req_priv = priv;
        bool accepted = outputs().req_ready;
        accept_cycle_ = cycle_;
        tick(in);
        if (accepted) {
            // Whether the TLB answers: the cycle model decides it at acceptance
            // (the counters may show it a cycle late, or not at all).
            hit_at_accept_ = checker_.model().events.hit;
            return true;
        }
    }
    if (ok())
        failure_ = format("cycle %" PRIu64 ": the MMU did not accept a request within %u cycles\n", cycle_,
                          kResponseBound);
    return false;
}

Response ScriptedBench::finish()
{
    Response r;
    for (unsigned waited = 0; waited < kResponseBound; waited++) {
        pw_mmu_outputs o = outputs();
        if (o.resp_valid) {
            r.valid = true;
            r.fault = o.resp_fault;
            r.cause = o.resp_cause;
            r.pa = o.resp_paddr;
            r.hit = hit_at_accept_;
            r.cycles = unsigned(cycle_ - accept_cycle_);
            tick(base_inputs());
            return r;
        }
        tick(base_inputs());
    }
    if (ok())
        failure_ = format("cycle %" PRIu64 ": no response within %u cycles of acceptance\n", cycle_,
                          kResponseBound);
    return r;
}

Response ScriptedBench::translate(uint32_t satp, unsigned priv, unsigned access, bool sum, bool mxr, uint32_t va)
{
    if (!start(satp, priv, access, sum, mxr, va))
        return Response{};
    return finish();
}

namespace {

std::string result_text(bool fault, uint32_t cause, uint64_t pa)
{
    return fault ? format("fault=%u", cause) : format("pa=%" PRIx64, pa);
}

}  // namespace

VecRun run_vec_file(const DutBuild &build, const std::string &path, unsigned max_reports)
{
    VecRun run;
    std::ifstream in(path);
    if (!in) {
        run.error = true;
        run.failures = path + ": error: cannot open\n";
        return run;
    }
    ScriptedBench bench(build);
    pw_ad_policy ad = PW_AD_SVADE;
    bool flush_due = true;
    std::string text;
    unsigned lineno = 0;
    auto fail = [&](const std::string &what) {
        if (run.failed++ < max_reports)
            run.failures += format("%s:%u: ", path.c_str(), lineno) + what + "\n";
    };
    while (std::getline(in, text)) {
        lineno++;
        pw_vec_line l;
        char err[256];
        if (!pw_vec_parse_line(text.c_str(), &l, err, sizeof err)) {
            run.error = true;
            run.failures += format("%s:%u: error: %s\n", path.c_str(), lineno, err);
            return run;
        }
        switch (l.kind) {
        case PW_VEC_AD: ad = l.ad; break;
        case PW_VEC_RESET: bench.forget_memory(); flush_due = true; break;
        case PW_VEC_MEM: bench.write(l.addr, l.value); flush_due = true; break;
        case PW_VEC_BUS_ERROR: bench.bus_error(l.addr); flush_due = true; break;
        case PW_VEC_CHECK:
            if (ad != build.ad) {
                run.skipped++;
                break;
            }
            run.checks++;
            if (bench.read(l.addr) != l.value)
                fail(format("c %09" PRIx64 ": expected 0x%08x, memory holds 0x%08x after the RTL's walk",
                            l.addr, l.value, bench.read(l.addr)));
            break;
        case PW_VEC_TRANSLATE: {
            if (ad != build.ad) {
                run.skipped++;
                break;
            }
            if (flush_due) {  // as software must after changing tables
                bench.sfence(0, 0, true, true);
                flush_due = false;
            }
            std::string want = result_text(l.expect_fault, l.expect_cause, l.expect_pa);
            for (int pass = 0; pass < 2; pass++) {
                Response r = bench.translate(l.ctx.satp, l.ctx.priv, pw_mmu_access_port(l.access), l.ctx.sum,
                                             l.ctx.mxr, l.va);
                if (!bench.ok()) {
                    fail("lockstep: " + bench.failure());
                    run.error = true;
                    return run;
                }
                run.translations++;
                run.hits += r.hit;
                std::string got = result_text(r.fault, r.cause, r.pa);
                if (got != want)
                    fail(format("%s (%s): expected %s, the RTL gives %s", text.c_str(),
                                pass ? (r.hit ? "again, a TLB hit" : "again, walked")
                                     : (r.hit ? "first, a TLB hit" : "first, walked"),
                                want.c_str(), got.c_str()));
            }
            break;
        }
        default: break;
        }
    }
    return run;
}

}  // namespace cosim
