// The MMU checker: an MMU's ports, cycle by cycle, against the cycle model
// (cmodel/mmu_cycle.c), and every completed translation against the
// architectural model (cmodel/sv32.c). It knows nothing of where the inputs
// come from: pagewalk-cosim's random driver, a stimulus file, a scripted
// test, or a CPU with pw_mmu inside feed it the same way.
//
//   MmuChecker checker(cfg, &memory);          // memory: a MemoryView
//   for (uint64_t cycle = 0;; cycle++) {
//       ...the MMU's outputs during the cycle into out, its inputs into in...
//       if (!checker.step(cycle, in, out)) {
//           puts(checker.explain().c_str());
//           break;
//       }
//       ...the clock edge...
//   }
//
// explain() then reads, for an output that differed:
//   output resp_paddr differs
//     output           RTL            cycle model
//     req_ready        0x1            0x1
//     resp_paddr       0x90000abc     0x90001abc    <-- differs
//     ...
//     translation in flight: S-mode load of VA 0x00402abc (satp 0x80080000, ...)
//     the golden model's walk:
//       ...one line per step...
//     TLB contents (cycle model) before this cycle's edge:
//       [ 0] VPN 001.002        ASID 001   PPN 090001 RW-U-  <- victim
#ifndef PAGEWALK_COSIM_MMU_CHECKER_H
#define PAGEWALK_COSIM_MMU_CHECKER_H

#include <cstdint>
#include <deque>
#include <string>

#include "arch_check.h"
#include "functional_coverage.h"
#include "output_check.h"
#include "pagewalk_shim.h"

namespace cosim {

class MmuChecker {
  public:
    // cfg: the MMU's build. memory: the walker's memory, for the
    // architectural check (nullptr: the outputs only). compare = false:
    // compare nothing, only follow the requests and count the responses (a
    // run that measures the RTL's speed alone).
    MmuChecker(const pw_mmu_config &cfg, const MemoryView *memory, bool compare = true);

    // One cycle, before its edge: the MMU's outputs during the cycle and its
    // inputs in it. True when everything agreed; after a false, explain()
    // says what did not, and the checker must not be stepped again.
    bool step(uint64_t cycle, const pw_mmu_inputs &in, const pw_mmu_outputs &out)
    {
        if (!check(cycle, out))
            return false;
        advance(cycle, in);
        return true;
    }
    // step() in two halves, for a harness whose driver changes the walker's
    // memory while it makes the cycle's inputs (a page-table change): check()
    // the outputs first, on memory as the walker saw it, then advance() with
    // the inputs (accepted requests, reset, the cycle model's edge).
    bool check(uint64_t cycle, const pw_mmu_outputs &out);
    void advance(uint64_t cycle, const pw_mmu_inputs &in);

    // Count functional coverage (docs/coverage.md) into bins from now on
    // (nullptr: stop). The checker must compare (compare = true).
    void count_coverage(FunctionalCoverage *bins) { coverage_ = bins; }

    // What did not agree, then the state: explain() = mismatch() + state().
    std::string explain() const { return mismatch_ + state(); }
    // The disagreement, its first line naming it ("output resp_paddr differs").
    const std::string &mismatch() const { return mismatch_; }
    // The translation in flight with the golden model's walk, and the cycle
    // model's TLB before this cycle's edge.
    std::string state() const;

    const OutputCheck &output_check() const { return outputs_; }
    const pw_mmu_model &model() const { return model_; }
    // Requests accepted and not yet answered.
    size_t outstanding() const { return outstanding_.size(); }
    // Responses seen, and of them faults by cause (mcause, below 16).
    uint64_t translations() const { return translations_; }
    uint64_t faults(unsigned cause) const { return faults_[cause & 15]; }

  private:
    bool fail(const std::string &what);

    const MemoryView *memory_;
    bool compare_;
    pw_mmu_model model_;
    OutputCheck outputs_;
    pw_ad_policy ad_;
    std::deque<Request> outstanding_;
    FunctionalCoverage *coverage_ = nullptr;
    pw_mmu_outputs out_{};  // the outputs check() saw, for advance()
    uint64_t translations_ = 0, faults_[16] = {};
    std::string mismatch_;
};

}  // namespace cosim

#endif
