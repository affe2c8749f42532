// SocMmuCheck: the MMU inside the SoC against the MMU's cycle model
// (cmodel/mmu_cycle.c), every clock, as the MMU's own co-simulation checks it
// (docs/cosim.md): the cycle model gets the MMU's inputs as the SoC drives
// them, and every output of the RTL MMU must equal the model's, cycle by
// cycle. The comparison is cosim::OutputCheck, the co-simulation's own.
//
//   SocMmuCheck mmu(PW_AD_SVADE);
//   ... each cycle, before its edge, with the dbg_mmu_* ports:
//   if (!mmu.step(cycle, in, out)) fputs(mmu.explain().c_str(), stderr);
//
// explain() lists every output, RTL beside model, the differing ones marked:
//   MMU MISMATCH at cycle 1234: output resp_paddr differs from the cycle model
//     output           RTL            cycle model
//     resp_paddr       0x090000abc    0x090001abc    <-- differs
#ifndef PAGEWALK_SOC_MMU_CHECK_H
#define PAGEWALK_SOC_MMU_CHECK_H

#include <cstdint>
#include <string>

#include "lockstep.h"

class SocMmuCheck {
 public:
  // The SoC's MMU build: 8 entries, the trace port on (simulation builds).
  explicit SocMmuCheck(pw_ad_policy ad);
  // One cycle: the MMU's inputs and outputs during it, before its edge.
  bool step(uint64_t cycle, const pw_mmu_inputs &in, const pw_mmu_outputs &out);
  std::string explain() const;

 private:
  pw_mmu_model model_{};
  cosim::OutputCheck check_;
  uint64_t cycle_ = 0;
};

#endif
