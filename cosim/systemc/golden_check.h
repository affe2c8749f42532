// Checks one answered translation against the architectural model
// (cmodel/sv32.c, through the C shim) on memory as it is when the MMU answers.
// The model reads memory through the backdoor and never writes it: if it
// still wants an A/D write-back, the MMU skipped one, and that is a mismatch.
//
//   pwsc::GoldenCheck golden(memory, PW_AD_SVADU);
//   if (!golden.step(request, outcome))
//       fputs(golden.explain().c_str(), stderr);
//
// explain() then reads, for example:
//   request: S-mode store of VA 0x00402abc (satp 0x80012345, SUM=0 MXR=0)
//   MMU: pa=0x090001abc; architectural model: pa=0x090001abc
//   the architectural model still needed an A/D write-back the MMU did not make
//   the walk, by the architectural model on memory as it is now:
//     ...one line per step (pw_explain)
#ifndef PAGEWALK_SC_GOLDEN_CHECK_H
#define PAGEWALK_SC_GOLDEN_CHECK_H

#include <string>

#include "backdoor_memory.h"
#include "translation.h"

namespace pwsc {

class GoldenCheck {
  public:
    GoldenCheck(const BackdoorMemory &memory, pw_ad_policy ad) : memory_(memory), ad_(ad) {}

    // True when the MMU's outcome is the model's and no write-back is missing.
    bool step(const Request &request, const Outcome &mmu);
    // What disagreed in the last failing step, with the model's walk.
    std::string explain() const { return report_; }
    // The model's outcome for the last step.
    const Outcome &expected() const { return expected_; }

  private:
    const BackdoorMemory &memory_;
    pw_ad_policy ad_;
    Outcome expected_;
    std::string report_;
};

}  // namespace pwsc

#endif
