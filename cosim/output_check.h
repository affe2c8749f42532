// Compares an MMU's outputs with the cycle model's, one cycle at a time;
// one comparison per port of cmodel/gen/mmu.ports.
#ifndef PAGEWALK_COSIM_OUTPUT_CHECK_H
#define PAGEWALK_COSIM_OUTPUT_CHECK_H

#include <cstdint>
#include <string>

#include "pagewalk_shim.h"

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
    // The first output (in port order) that differed.
    const char *first_signal() const { return first_; }
    // The per-cycle fast path sees a change in every output (a self-test).
    static bool fast_path_covers_every_output();

  private:
    uint64_t cycle_ = 0;
    pw_mmu_outputs rtl_{}, model_{};
    const char *first_ = "";
};

}  // namespace cosim

#endif
