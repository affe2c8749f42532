// Lockstep co-simulation: drive, compare, check, report.
#include "lockstep.h"
#include "text.h"

#include <chrono>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>

namespace cosim {
namespace {


pw_access arch_access(unsigned a)
{
    return a == PW_MMU_ACCESS_LOAD ? PW_ACCESS_LOAD : a == PW_MMU_ACCESS_STORE ? PW_ACCESS_STORE
                                                                               : PW_ACCESS_FETCH;
}

pw_priv arch_priv(unsigned p) { return p == 0 ? PW_PRIV_U : p == 1 ? PW_PRIV_S : PW_PRIV_M; }

const char *access_word(unsigned a)
{
    return a == PW_MMU_ACCESS_LOAD ? "load" : a == PW_MMU_ACCESS_STORE ? "store" : "fetch";
}

// Every output, named, for comparison and reports.
struct Field {
    const char *name;
    uint64_t (*get)(const pw_mmu_outputs &);
    void (*set)(pw_mmu_outputs &, uint64_t);
};
const Field kFields[] = {
    {"req_ready", [](const pw_mmu_outputs &o) -> uint64_t { return o.req_ready; },
     [](pw_mmu_outputs &o, uint64_t v) { o.req_ready = decltype(o.req_ready)(v); }},
    {"resp_valid", [](const pw_mmu_outputs &o) -> uint64_t { return o.resp_valid; },
     [](pw_mmu_outputs &o, uint64_t v) { o.resp_valid = decltype(o.resp_valid)(v); }},
    {"resp_paddr", [](const pw_mmu_outputs &o) -> uint64_t { return o.resp_paddr; },
     [](pw_mmu_outputs &o, uint64_t v) { o.resp_paddr = decltype(o.resp_paddr)(v); }},
    {"resp_fault", [](const pw_mmu_outputs &o) -> uint64_t { return o.resp_fault; },
     [](pw_mmu_outputs &o, uint64_t v) { o.resp_fault = decltype(o.resp_fault)(v); }},
    {"resp_cause", [](const pw_mmu_outputs &o) -> uint64_t { return o.resp_cause; },
     [](pw_mmu_outputs &o, uint64_t v) { o.resp_cause = decltype(o.resp_cause)(v); }},
    {"mem_req_valid", [](const pw_mmu_outputs &o) -> uint64_t { return o.mem_req_valid; },
     [](pw_mmu_outputs &o, uint64_t v) { o.mem_req_valid = decltype(o.mem_req_valid)(v); }},
    {"mem_req_addr", [](const pw_mmu_outputs &o) -> uint64_t { return o.mem_req_addr; },
     [](pw_mmu_outputs &o, uint64_t v) { o.mem_req_addr = decltype(o.mem_req_addr)(v); }},
    {"mem_req_we", [](const pw_mmu_outputs &o) -> uint64_t { return o.mem_req_we; },
     [](pw_mmu_outputs &o, uint64_t v) { o.mem_req_we = decltype(o.mem_req_we)(v); }},
    {"mem_req_wdata", [](const pw_mmu_outputs &o) -> uint64_t { return o.mem_req_wdata; },
     [](pw_mmu_outputs &o, uint64_t v) { o.mem_req_wdata = decltype(o.mem_req_wdata)(v); }},
    {"cnt_hits", [](const pw_mmu_outputs &o) -> uint64_t { return o.cnt_hits; },
     [](pw_mmu_outputs &o, uint64_t v) { o.cnt_hits = decltype(o.cnt_hits)(v); }},
    {"cnt_misses", [](const pw_mmu_outputs &o) -> uint64_t { return o.cnt_misses; },
     [](pw_mmu_outputs &o, uint64_t v) { o.cnt_misses = decltype(o.cnt_misses)(v); }},
    {"cnt_walks", [](const pw_mmu_outputs &o) -> uint64_t { return o.cnt_walks; },
     [](pw_mmu_outputs &o, uint64_t v) { o.cnt_walks = decltype(o.cnt_walks)(v); }},
    {"cnt_faults", [](const pw_mmu_outputs &o) -> uint64_t { return o.cnt_faults; },
     [](pw_mmu_outputs &o, uint64_t v) { o.cnt_faults = decltype(o.cnt_faults)(v); }},
    {"cnt_walk_cycles", [](const pw_mmu_outputs &o) -> uint64_t { return o.cnt_walk_cycles; },
     [](pw_mmu_outputs &o, uint64_t v) { o.cnt_walk_cycles = decltype(o.cnt_walk_cycles)(v); }},
    {"trace_fill", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill = decltype(o.trace_fill)(v); }},
    {"trace_fill_index", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_index; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_index = decltype(o.trace_fill_index)(v); }},
    {"trace_fill_evict", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_evict; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_evict = decltype(o.trace_fill_evict)(v); }},
    {"trace_fill_vpn", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_vpn; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_vpn = decltype(o.trace_fill_vpn)(v); }},
    {"trace_fill_asid", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_asid; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_asid = decltype(o.trace_fill_asid)(v); }},
    {"trace_fill_mega", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_mega; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_mega = decltype(o.trace_fill_mega)(v); }},
    {"trace_fill_global", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_global; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_global = decltype(o.trace_fill_global)(v); }},
    {"trace_fill_ppn", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_ppn; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_ppn = decltype(o.trace_fill_ppn)(v); }},
    {"trace_fill_perm", [](const pw_mmu_outputs &o) -> uint64_t { return o.trace_fill_perm; },
     [](pw_mmu_outputs &o, uint64_t v) { o.trace_fill_perm = decltype(o.trace_fill_perm)(v); }},
};

// A pw_mem that reads the run's memory and never writes it, noting whether
// the architectural model wanted to.
struct CheckPort {
    pw_sparse_mem *mem;
    const MemoryAgent *agent;
    bool wanted_write = false;
    static bool read(void *ctx, uint64_t pa, uint32_t *v)
    {
        return pw_smem_get(static_cast<CheckPort *>(ctx)->mem, pa, v);
    }
    static bool write(void *ctx, uint64_t pa, uint32_t)
    {
        auto *p = static_cast<CheckPort *>(ctx);
        uint32_t ignored;
        if (p->agent->is_write_error(pa) || !pw_smem_get(p->mem, pa, &ignored))
            return false;
        p->wanted_write = true;
        return true;
    }
};

std::string narrate(const pw_context &ctx, uint32_t va, pw_access acc, const pw_result &r)
{
    char *buf = nullptr;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    pw_explain(f, "    ", &ctx, va, acc, &r);
    fclose(f);
    std::string s(buf, len);
    free(buf);
    return s;
}

}  // namespace

std::string describe(const Request &r)
{
    return format("%s-mode %s of VA 0x%08" PRIx32 " (satp 0x%08" PRIx32 ", SUM=%d MXR=%d), accepted in cycle %" PRIu64,
                  pw_priv_name(arch_priv(r.priv)), access_word(r.access), r.va, r.satp, r.sum, r.mxr, r.cycle);
}

// Every output equal? Written out field by field: this runs every cycle.
static bool same(const pw_mmu_outputs &a, const pw_mmu_outputs &b)
{
    return a.req_ready == b.req_ready && a.resp_valid == b.resp_valid && a.resp_paddr == b.resp_paddr &&
           a.resp_fault == b.resp_fault && a.resp_cause == b.resp_cause && a.mem_req_valid == b.mem_req_valid &&
           a.mem_req_addr == b.mem_req_addr && a.mem_req_we == b.mem_req_we &&
           a.mem_req_wdata == b.mem_req_wdata && a.cnt_hits == b.cnt_hits && a.cnt_misses == b.cnt_misses &&
           a.cnt_walks == b.cnt_walks && a.cnt_faults == b.cnt_faults && a.cnt_walk_cycles == b.cnt_walk_cycles &&
           a.trace_fill == b.trace_fill && a.trace_fill_index == b.trace_fill_index &&
           a.trace_fill_evict == b.trace_fill_evict && a.trace_fill_vpn == b.trace_fill_vpn &&
           a.trace_fill_asid == b.trace_fill_asid && a.trace_fill_mega == b.trace_fill_mega &&
           a.trace_fill_global == b.trace_fill_global && a.trace_fill_ppn == b.trace_fill_ppn &&
           a.trace_fill_perm == b.trace_fill_perm;
}

bool OutputCheck::step(uint64_t cycle, const pw_mmu_outputs &rtl, const pw_mmu_outputs &model)
{
    if (same(rtl, model))
        return true;
    for (const Field &f : kFields) {
        if (f.get(rtl) != f.get(model)) {
            cycle_ = cycle;
            rtl_ = rtl;
            model_ = model;
            first_ = f.name;
            return false;
        }
    }
    return true;
}

bool OutputCheck::fast_path_covers_every_output()
{
    for (const Field &f : kFields) {
        pw_mmu_outputs a{}, b{};
        f.set(b, 1);
        if (f.get(b) != 1 || same(a, b))
            return false;
    }
    return true;
}

std::string OutputCheck::explain() const
{
    std::string s = format("  %-16s %-14s %-14s\n", "output", "RTL", "cycle model");
    for (const Field &f : kFields) {
        uint64_t a = f.get(rtl_), b = f.get(model_);
        s += format("  %-16s 0x%-12" PRIx64 " 0x%-12" PRIx64 "%s\n", f.name, a, b, a != b ? " <-- differs" : "");
    }
    return s;
}

bool ArchCheck::step(const Request &req, const pw_mmu_outputs &resp, pw_sparse_mem *mem,
                     const MemoryAgent &agent, pw_ad_policy ad)
{
    CheckPort port{mem, &agent};
    pw_mem m{&port, CheckPort::read, CheckPort::write};
    pw_context ctx{req.satp, arch_priv(req.priv), req.sum, req.mxr, ad};
    pw_result r;
    pw_translate(&ctx, &m, req.va, arch_access(req.access), &r);
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
               narrate(ctx, req.va, arch_access(req.access), r);
    return false;
}

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
            what = format("accept  %s %s VA 0x%08" PRIx64, pw_priv_name(arch_priv(e.c)), access_word(e.b), e.a);
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
      agent_(mem_, opt_.seed * 2 + 1, timing_for(opt_.seed)), stim_(opt_.seed, mem_, &agent_)
{
    pw_mmu_config cfg{build.tlb_entries, build.ad, true, 1, PW_COUNTERS_32, false, false};
    pw_mmu_init(&model_, &cfg);
    if (opt_.record) {
        stim_.for_recording();
        agent_.plan_log = &plan_;
        pw_smem_foreach(
            mem_,
            [](void *ctx, uint64_t pa, uint32_t value, bool error) {
                *static_cast<std::string *>(ctx) +=
                    error ? format("e %09" PRIx64 "\n", pa) : format("m %09" PRIx64 " %08x\n", pa, value);
            },
            &image_);
        for (uint64_t a : agent_.write_errors())
            image_ += format("w %09" PRIx64 "\n", a);
    }
}

std::string Runner::recording() const
{
    std::string s = format("pagewalk-stimulus 1\n# recorded: pagewalk-cosim --dut %s --seed %" PRIu64
                           " --cycles %" PRIu64 " --write-stimulus\nad %s\ncycles %" PRIu64 "\n",
                           build_.name.c_str(), opt_.seed, opt_.cycles, pw_ad_name(build_.ad), stats_.cycles);
    s += image_;
    for (const auto &p : plan_)
        s += format("plan %u %u\n", p.first, p.second);
    return s + timeline_;
}

Runner::~Runner() { pw_smem_free(mem_); }

void Runner::fail(uint64_t cycle, const std::string &what)
{
    failed_cycle_ = cycle;
    stats_.mismatches++;
    report_ = format("MISMATCH at cycle %" PRIu64 " (build %s, %s, %u TLB entries, seed %" PRIu64 "): ",
                     cycle, build_.name.c_str(), pw_ad_name(build_.ad), build_.tlb_entries, opt_.seed) +
              what + "\n  last " + std::to_string(opt_.events) + " events:\n" + log_.last(opt_.events);
    if (!outstanding_.empty()) {
        const Request &r = outstanding_.front();
        pw_context ctx{r.satp, arch_priv(r.priv), r.sum, r.mxr, build_.ad};
        CheckPort port{mem_, &agent_};
        pw_mem m{&port, CheckPort::read, CheckPort::write};
        pw_result res;
        pw_translate(&ctx, &m, r.va, arch_access(r.access), &res);
        report_ += "  translation in flight: " + describe(r) + "\n  the golden model's walk:\n" +
                   narrate(ctx, r.va, arch_access(r.access), res);
    }
    report_ += "  TLB contents (cycle model) before this cycle's edge:\n";
    for (unsigned i = 0; i < model_.cfg.tlb_entries; i++) {
        const pw_tlb_entry &e = model_.tlb[i];
        if (!e.valid)
            continue;
        report_ += format("    [%2u] VPN %03x.%03x%s ASID %03x%s PPN %06x %c%c%c%c%c%s\n", i, e.vpn1, e.vpn0,
                          e.mega ? " (mega)" : "       ", e.asid, e.global ? " G" : "  ", e.ppn,
                          e.r ? 'R' : '-', e.w ? 'W' : '-', e.x ? 'X' : '-', e.u ? 'U' : '-', e.d ? 'D' : '-',
                          i == model_.victim ? "  <- victim" : "");
    }
    report_ += "  reproduce: " + opt_.reproduce + "\n";
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
        const pw_mmu_outputs *model_out = pw_mmu_outputs_now(&model_);
        if (opt_.check && !outputs_.step(cycle, rtl, *model_out)) {
            fail(cycle, std::string("output ") + outputs_.first_signal() + " differs\n" + outputs_.explain());
            ok = false;
            break;
        }
        if (rtl.resp_valid) {
            if (outstanding_.empty()) {
                fail(cycle, "a response with no request outstanding\n");
                ok = false;
                break;
            }
            const Request req = outstanding_.front();
            outstanding_.pop_front();
            stats_.translations++;
            if (rtl.resp_fault)
                stats_.faults[rtl.resp_cause & 15]++;
            if (opt_.check && !arch_.step(req, rtl, mem_, agent_, build_.ad)) {
                outstanding_.push_front(req);
                fail(cycle, "the response disagrees with the architectural model\n" + arch_.explain());
                ok = false;
                break;
            }
        }

        // This cycle's inputs: the first cycles hold reset.
        bool idle = outstanding_.empty() && rtl.req_ready && !agent_.busy();
        stim_.drive(cycle, idle, &in);
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
            outstanding_.clear();
            agent_.reset();
            stim_.reset();
        } else if (in.req_valid && rtl.req_ready) {
            outstanding_.push_back({in.req_vaddr, in.req_access, in.req_priv, in.satp, in.sum, in.mxr, cycle});
            stim_.accepted();
        }
        log_cycle(cycle, in, rtl);
        if (opt_.record) {
            if (!in.rst_n)
                timeline_ += format("@%" PRIu64 " reset\n", cycle);
            if (cycle == 0 || in.satp != prev_in.satp || in.sum != prev_in.sum || in.mxr != prev_in.mxr)
                timeline_ += format("@%" PRIu64 " ctx %08x %d %d\n", cycle, in.satp, in.sum, in.mxr);
            if (in.sfence_valid)
                timeline_ += format("@%" PRIu64 " sfence %08x %03x %d %d\n", cycle, in.sfence_vaddr,
                                    in.sfence_asid, in.sfence_all_va, in.sfence_all_asid);
            if (stim_.new_request())
                timeline_ += format("@%" PRIu64 " req %08x %s %s\n", cycle, in.req_vaddr,
                                    in.req_access == PW_MMU_ACCESS_LOAD    ? "r"
                                    : in.req_access == PW_MMU_ACCESS_STORE ? "w"
                                                                           : "x",
                                    pw_priv_name(arch_priv(in.req_priv)));
            prev_in = in;
        }

        dut_->set_inputs(in);
        dut_->tick();
        if (opt_.check) {
            pw_mmu_step(&model_, &in);
            if (model_.events.fill)
                log_.add({Event::Fill, cycle, 0, model_.events.fill_index, model_.events.evicted, 0});
        }
    }
    if (tracing)
        dut_->trace_close();
    stats_.cycles = cycle;
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
