// SocMmuCheck: the MMU inside the SoC checked as its own co-simulation checks
// it (docs/cosim.md), with the co-simulation's checker (cosim/mmu_checker.h):
// every clock the cycle model gets the MMU's inputs as the SoC drives them
// and every MMU output must equal the model's; every response must also
// agree with the architectural model walking the SoC's RAM.
//
//   SocMmuCheck mmu(PW_AD_SVADE, &dut);      // dut: its RAM is the walker's memory
//   ... each cycle, before its edge, with the dbg_mmu_* ports:
//   if (!mmu.step(cycle, in, out)) fputs(mmu.explain().c_str(), stderr);
//
// explain() starts with the cycle and what differed, then the checker's
// report: every output, RTL beside model, the request in flight with the
// golden model's walk, and the cycle model's TLB, e.g.
//   MMU MISMATCH at cycle 1: output resp_valid differs
//     output           RTL            cycle model
//     resp_valid       0x0            0x1            <-- differs
//     ...
#ifndef PAGEWALK_SOC_MMU_CHECK_H
#define PAGEWALK_SOC_MMU_CHECK_H

#include <cstdint>
#include <string>

#include "mmu_checker.h"

class SocDut;

// The SoC's RAM as the walker sees it; any other address is a bus error (the
// SoC's devices hold no page tables).
class SocRamView : public cosim::MemoryView {
 public:
  SocRamView(const SocDut &dut, uint32_t ram_bytes) : dut_(dut), ram_bytes_(ram_bytes) {}
  bool read(uint64_t pa, uint32_t *value) const override;
  bool write_fails(uint64_t pa) const override { return !in_ram(pa); }

 private:
  bool in_ram(uint64_t pa) const;
  const SocDut &dut_;
  uint32_t ram_bytes_;
};

class SocMmuCheck {
 public:
  // The SoC's MMU build: 8 entries, the trace port on (simulation builds).
  SocMmuCheck(pw_ad_policy ad, const SocDut &dut, uint32_t ram_bytes);
  // One cycle: the MMU's inputs and outputs during it, before its edge.
  bool step(uint64_t cycle, const pw_mmu_inputs &in, const pw_mmu_outputs &out);
  std::string explain() const;

 private:
  static pw_mmu_config config(pw_ad_policy ad);
  SocRamView ram_;
  cosim::MmuChecker checker_;
  uint64_t cycle_ = 0;
};

#endif
