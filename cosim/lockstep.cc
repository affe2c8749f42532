// A lockstep run: drive the DUT and the checker from the seeded stimulus,
// log what happens, report the first disagreement, record the run.
#include "lockstep.h"
#include "text.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cinttypes>

namespace cosim {

namespace {

MemoryTiming timing_for(uint64_t seed)
{
    Rng rng(seed ^ 0x6d656d6f7279ull);  // "memory": its own stream, independent of stimulus
    MemoryTiming t;
    t.ready_percent = 30 + rng.below(71);
    t.max_latency = 1 + rng.below(rng.percent(30) ? 12 : 3);
    t.slow_per_mille = rng.below(20);
    t.slow_latency = 20 + rng.below(60);
    return t;
}

}  // namespace

Runner::Runner(const DutBuild &build, RunOptions opt)
    : build_(build), opt_(std::move(opt)), dut_(build.make()), mem_(pw_smem_new()),
      agent_(mem_, opt_.seed * 2 + 1, timing_for(opt_.seed)), stim_(opt_.seed, mem_, &agent_),
      view_(mem_, [this](uint64_t pa) { return agent_.is_write_error(pa); }),
      checker_(build.config(), &view_, opt_.check)
{
    const char *coverage_dir = std::getenv("PAGEWALK_COVERAGE_DIR");
    if (coverage_dir && *coverage_dir && opt_.check) {
        bins_.reset(new FunctionalCoverage(build.config()));
        checker_.count_coverage(bins_.get());
    }
    if (opt_.record) {
        stim_.for_recording();
        agent_.plan_log = &plan_;
        pw_smem_foreach(
            mem_,
            [](void *file, uint64_t pa, uint32_t value, bool error) {
                if (error)
                    pw_stim_print_error(static_cast<FILE *>(file), pa);
                else
                    pw_stim_print_word(static_cast<FILE *>(file), pa, value);
            },
            image_.get());
        for (uint64_t a : agent_.write_errors())
            pw_stim_print_write_error(image_.get(), a);
    }
}

std::string Runner::recording() const
{
    MemoryFile f;
    std::string comment = format("recorded: pagewalk-cosim --dut %s --seed %" PRIu64 " --cycles %" PRIu64
                                 " --write-stimulus", build_.name.c_str(), opt_.seed, opt_.cycles);
    pw_stim_print_header(f.get(), comment.c_str(), build_.ad, stats_.cycles);
    std::string s = f.str() + image_.str();
    MemoryFile plan;
    for (const auto &p : plan_)
        pw_stim_print_plan(plan.get(), p.first, p.second);
    return s + plan.str() + timeline_.str();
}

Runner::~Runner()
{
    if (bins_ && !bins_->write_if_asked(build_.name))
        std::fprintf(stderr, "pagewalk-cosim: warning: cannot write the functional bins to $PAGEWALK_COVERAGE_DIR\n");
    pw_smem_free(mem_);
}

void Runner::fail(uint64_t cycle, const std::string &what)
{
    failed_cycle_ = cycle;
    stats_.mismatches++;
    report_ = format("MISMATCH at cycle %" PRIu64 " (build %s, %s, %u TLB entries, seed %" PRIu64 "): ",
                     cycle, build_.name.c_str(), pw_ad_name(build_.ad), build_.tlb_entries, opt_.seed) +
              what + "\n  last " + std::to_string(opt_.events) + " events:\n" + log_.last(opt_.events) +
              checker_.state() + "  reproduce: " + opt_.reproduce + "\n";
}

void Runner::log_cycle(uint64_t cycle, const pw_mmu_inputs &in, const pw_mmu_outputs &out)
{
    if (!in.rst_n)
        log_.add({Event::Reset, cycle, 0, 0, 0, 0});
    if (stim_.switched())
        log_.add({Event::Context, cycle, in.satp, in.sum, in.mxr, 0});
    if (in.sfence_valid)
        log_.add({Event::Sfence, cycle, in.sfence_vaddr, in.sfence_asid,
                  uint32_t(in.sfence_all_va) | uint32_t(in.sfence_all_asid) << 1, 0});
    if (stim_.changed_tables())
        log_.add({Event::TableChange, cycle, 0, 0, 0, 0});
    if (in.req_valid && out.req_ready)
        log_.add({Event::Accept, cycle, in.req_vaddr, in.req_access, in.req_priv, 0});
    if (out.resp_valid)
        log_.add({Event::Response, cycle, out.resp_paddr, out.resp_fault, out.resp_cause, 0});
    if (agent_.handshake())
        log_.add({Event::MemRequest, cycle, out.mem_req_addr, out.mem_req_we, out.mem_req_wdata, 0});
    if (in.mem_resp_valid)
        log_.add({Event::MemResponse, cycle, 0, in.mem_resp_rdata, in.mem_resp_err, 0});
}

bool Runner::run()
{
    auto start = std::chrono::steady_clock::now();
    bool tracing = !opt_.wave_path.empty() && dut_->trace_open(opt_.wave_path);
    pw_mmu_outputs rtl{};
    pw_mmu_inputs in{}, prev_in{};
    bool ok = true;
    uint64_t cycle = 0;
    for (; cycle < opt_.cycles; cycle++) {
        if (tracing)
            dut_->trace_active(cycle + 1 >= opt_.trace_from && cycle <= opt_.trace_to);
        dut_->outputs(&rtl);
        // The outputs first, on memory as the walker saw it: this cycle's
        // stimulus may change the tables once the MMU is idle.
        if (!checker_.check(cycle, rtl)) {
            fail(cycle, checker_.mismatch());
            ok = false;
            break;
        }

        // This cycle's inputs: the first cycles hold reset.
        bool idle = checker_.outstanding() == 0 && rtl.req_ready && !agent_.busy();
        stim_.drive(cycle, idle, rtl, &in);
        if (cycle < 2)
            in.rst_n = false;
        if (!agent_.drive(cycle, rtl, &in)) {
            fail(cycle, agent_.why() + "\n");
            ok = false;
            break;
        }
        if (!in.rst_n) {
            hits_before_reset_ += rtl.cnt_hits;  // reset clears the counters
            misses_before_reset_ += rtl.cnt_misses;
            agent_.reset();
            stim_.reset();
        } else if (in.req_valid && rtl.req_ready) {
            stim_.accepted();
        }
        checker_.advance(cycle, in);
        log_cycle(cycle, in, rtl);
        if (opt_.check && checker_.model().events.fill)
            log_.add({Event::Fill, cycle, 0, checker_.model().events.fill_index, checker_.model().events.evicted, 0});
        if (opt_.record) {
            FILE *t = timeline_.get();
            if (!in.rst_n)
                pw_stim_print_reset(t, cycle);
            if (cycle == 0 || in.satp != prev_in.satp || in.sum != prev_in.sum || in.mxr != prev_in.mxr)
                pw_stim_print_ctx(t, cycle, in.satp, in.sum, in.mxr);
            if (in.sfence_valid)
                pw_stim_print_sfence(t, cycle, in.sfence_vaddr, in.sfence_asid, in.sfence_all_va, in.sfence_all_asid);
            if (stim_.new_request())
                pw_stim_print_req(t, cycle, in.req_vaddr, in.req_access, in.req_priv);
            prev_in = in;
        }

        dut_->set_inputs(in);
        dut_->tick();
        if (dut_->assertion_failed()) {
            fail(cycle, "an interface assertion of the RTL failed at this cycle's edge (the %Error line "
                        "above names the rule: rtl/check/pw_mmu_protocol.v)\n");
            ok = false;
            break;
        }
    }
    if (tracing)
        dut_->trace_close();
    stats_.cycles = cycle;
    stats_.translations = checker_.translations();
    for (unsigned c = 0; c < 16; c++)
        stats_.faults[c] = checker_.faults(c);
    stats_.hits = hits_before_reset_ + rtl.cnt_hits;
    stats_.misses = misses_before_reset_ + rtl.cnt_misses;
    stats_.sfences = stim_.sfences;
    stats_.changes = stim_.changes;
    stats_.switches = stim_.switches;
    stats_.resets = stim_.resets;
    stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return ok;
}

}  // namespace cosim
