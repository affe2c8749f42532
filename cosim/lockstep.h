// The lockstep co-simulation: the Verilated MMU and the C cycle model get
// the same inputs every cycle; every output is compared every cycle; every
// response is also checked against the architectural model.
#ifndef PAGEWALK_COSIM_LOCKSTEP_H
#define PAGEWALK_COSIM_LOCKSTEP_H

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dut.h"
#include "memory_agent.h"
#include "stimulus.h"

namespace cosim {

// Compares the RTL's outputs with the cycle model's, one cycle at a time.
//
//   OutputCheck check;
//   if (!check.step(cycle, rtl, model))
//       puts(check.explain().c_str());
//
// explain() then prints every output, RTL beside model, the differing ones
// marked, e.g. "  resp_paddr   0x090000abc  0x090001abc  <-- differs".
class OutputCheck {
  public:
    bool step(uint64_t cycle, const pw_mmu_outputs &rtl, const pw_mmu_outputs &model);
    std::string explain() const;
    const char *first_signal() const { return first_; }
    // The per-cycle fast path sees a change in every output (a self-test).
    static bool fast_path_covers_every_output();

  private:
    uint64_t cycle_ = 0;
    pw_mmu_outputs rtl_{}, model_{};
    const char *first_ = "";
};

// Checks one response against the architectural model (cmodel/sv32.c) on the
// memory as it is now. Memory is never written by the check: if the model
// would still need an A/D write-back, the RTL skipped one, and that fails.
//
//   ArchCheck arch;
//   if (!arch.step(request, outputs, mem, agent, ad))
//       puts(arch.explain().c_str());   // request, both results, the walk
class ArchCheck {
  public:
    bool step(const Request &req, const pw_mmu_outputs &resp, pw_sparse_mem *mem,
              const MemoryAgent &agent, pw_ad_policy ad);
    std::string explain() const { return report_; }

  private:
    std::string report_;
};

// A compact record of what happened, formatted only when a run fails.
struct Event {
    enum Kind : uint8_t { Reset, Accept, Response, MemRequest, MemResponse, Sfence, Context, TableChange, Fill };
    Kind kind;
    uint64_t cycle;
    uint64_t a;
    uint32_t b, c, d;
};

class EventLog {
  public:
    void add(Event e) { ring_[next_++ % kSize] = e; }
    // The last n events, one per line.
    std::string last(unsigned n) const;

  private:
    static constexpr unsigned kSize = 256;
    Event ring_[kSize] = {};
    uint64_t next_ = 0;
};

struct RunStats {
    uint64_t cycles = 0, translations = 0, hits = 0, misses = 0, mismatches = 0;
    uint64_t faults[16] = {};
    uint64_t sfences = 0, changes = 0, switches = 0, resets = 0;
    double seconds = 0;
};

struct RunOptions {
    uint64_t seed = 1;
    uint64_t cycles = 100000;
    bool check = true;            // false: RTL alone, nothing compared (raw speed)
    std::string reproduce;        // the command line that reruns this run
    unsigned events = 20;         // events shown in a failure report
    std::string wave_path;        // FST of a failure's window (empty: none)
    uint64_t trace_from = 0, trace_to = 0;  // cycles to record, when wave_path set
    bool record = false;          // write the run as a stimulus file (recording())
};

// One seeded run of one Verilated build against the models.
class Runner {
  public:
    Runner(const DutBuild &build, RunOptions opt);
    ~Runner();
    // Run to the end or the first disagreement; true when all agreed.
    bool run();
    const RunStats &stats() const { return stats_; }
    // The failure report: cycle, signal, both values, events, walk, reproducer.
    std::string report() const { return report_; }
    uint64_t failed_cycle() const { return failed_cycle_; }
    // With RunOptions::record: the run as a stimulus file (docs/stimulus-format.md).
    std::string recording() const;

  private:
    void fail(uint64_t cycle, const std::string &what);
    void log_cycle(uint64_t cycle, const pw_mmu_inputs &in, const pw_mmu_outputs &out);

    const DutBuild &build_;
    RunOptions opt_;
    std::unique_ptr<Dut> dut_;
    pw_mmu_model model_;
    pw_sparse_mem *mem_;
    MemoryAgent agent_;
    Stimulus stim_;
    OutputCheck outputs_;
    ArchCheck arch_;
    EventLog log_;
    std::deque<Request> outstanding_;
    RunStats stats_;
    std::string report_;
    uint64_t failed_cycle_ = 0;
    uint64_t hits_before_reset_ = 0, misses_before_reset_ = 0;
    std::string image_, timeline_;                       // recording
    std::vector<std::pair<unsigned, unsigned>> plan_;    // recording
};

// Describe a request in words ("S-mode store of VA 0x00402abc, satp ...").
std::string describe(const Request &r);

}  // namespace cosim

#endif
