// The lockstep co-simulation run: the seeded random stimulus drives a
// Verilated MMU, and the MMU checker (mmu_checker.h) follows it cycle by
// cycle against the cycle model and the architectural model.
#ifndef PAGEWALK_COSIM_LOCKSTEP_H
#define PAGEWALK_COSIM_LOCKSTEP_H

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dut.h"
#include "event_log.h"
#include "memory_agent.h"
#include "mmu_checker.h"
#include "stimulus.h"
#include "text.h"

namespace cosim {

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
    pw_sparse_mem *mem_;
    MemoryAgent agent_;
    Stimulus stim_;
    SparseMemoryView view_;  // the memory as the checker sees it, the agent's write errors included
    MmuChecker checker_;
    std::unique_ptr<FunctionalCoverage> bins_;  // when $PAGEWALK_COVERAGE_DIR asks for them
    EventLog log_;
    RunStats stats_;
    std::string report_;
    uint64_t failed_cycle_ = 0;
    uint64_t hits_before_reset_ = 0, misses_before_reset_ = 0;
    MemoryFile image_, timeline_;                        // recording
    std::vector<std::pair<unsigned, unsigned>> plan_;    // recording
};

}  // namespace cosim

#endif
