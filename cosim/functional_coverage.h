// Functional coverage of the MMU, counted by the MMU checker (docs/coverage.md,
// "Functional bins"): which kinds of translation, sfence, reset, ASID
// comparison, address placement and TLB event a run produced. Every bin a
// build can reach is listed, hit or not, so merged counts show what is missing.
//
//   FunctionalCoverage bins(cfg);
//   checker.count_coverage(&bins);         // the checker feeds it every cycle
//   ...run...
//   bins.write(file);                      // "bin NAME COUNT" lines
//
// Bin groups (the first word of a name):
//   xlate.AD.PRIV.ACC.RESULT.lLEVEL.HIT   every way a translation ends, per privilege
//                                         (U, S), access (r, w, x), level and A/D
//                                         policy, answered from the TLB (hit) or by a
//                                         walk (miss), where it can be
//   bare.AD.WHY.ACC                       untranslated: satp bare, or M-mode
//   sfence.FORM.STATE                     each sfence form (all, va, asid, va_asid)
//                                         in each walker state (DONE: HitLatency 2
//                                         and 3 only), and .fill: in the
//                                         cycle a successful walk would fill
//   asid.KIND.bB                          a non-global entry for the same page whose
//                                         ASID differs from the lookup's (sfence's)
//                                         in bit B alone (lookup_differs,
//                                         flush_spares), or equals it with bit B set
//                                         (lookup_matches, flush_matches)
//   pa.WHAT.rR                            root tables, level-0 tables and translated
//                                         pages (leaf) in 1 GiB region R of the
//                                         34-bit space (R = PA[33:30], 0 to 15)
//   mega_misaligned.bitB                  a megapage whose PPN[0] has bit B alone set
//   bus_error.KIND                        on the PTE read at level 1 or 0, on the
//                                         write-back of a level-1 or level-0 leaf
//   reset.STATE                           reset in each walker state (DONE as above)
//   tlb.eI.EVENT                          entry I filled, hit, replaced, flushed
#ifndef PAGEWALK_COSIM_FUNCTIONAL_COVERAGE_H
#define PAGEWALK_COSIM_FUNCTIONAL_COVERAGE_H

#include <cstdint>
#include <cstdio>
#include <deque>
#include <map>
#include <string>

#include "arch_check.h"
#include "pagewalk_shim.h"

namespace cosim {

class FunctionalCoverage {
  public:
    explicit FunctionalCoverage(const pw_mmu_config &cfg);

    // One clock edge: the cycle model before it, the cycle's inputs and the
    // MMU's outputs during the cycle, and the cycle model after it.
    void edge(const pw_mmu_model &before, const pw_mmu_inputs &in, const pw_mmu_outputs &out,
              const pw_mmu_model &after);
    // A response to req. memory: the walker's memory now (nullptr: the
    // translation bins cannot be told and are not counted).
    void response(const Request &req, const pw_mmu_outputs &out, const MemoryView *memory);

    // Every bin of this build, hit or not: "bin NAME COUNT" a line.
    void write(FILE *f) const;
    const std::map<std::string, uint64_t> &bins() const { return bins_; }

    // Write the bins to $PAGEWALK_COVERAGE_DIR/BUILD-PID-N.bins, when that
    // variable is set; false when it is set and the file cannot be written.
    bool write_if_asked(const std::string &build) const;

  private:
    void hit(const std::string &name);

    pw_mmu_config cfg_;
    std::map<std::string, uint64_t> bins_;
    // The translations in flight, from acceptance to response, oldest first:
    // whether each hit the TLB (with HitLatency 2 and 3 up to three are in
    // flight, answered in order). The walk's traffic is the newest's: nothing
    // is accepted behind a miss.
    std::deque<bool> in_flight_;
    bool wrote_ = false;
    unsigned reads_ = 0;
};

}  // namespace cosim

#endif
