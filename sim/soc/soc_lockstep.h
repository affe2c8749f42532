// SocLockstep: the RTL SoC's retirements checked against the ISS, one record
// at a time (docs/soc.md, "Lockstep").
//
//   SocLockstep ls(cfg);                     // an ISS configured like the RTL
//   ls.load_elf("prog.elf", &err);
//   ... for each RTL record rec:
//   if (!ls.step(rec)) { ls.explain(stderr); ... }
//
// step() feeds the ISS the RTL's view of what depends on timing: an RTL record
// with intr = 1 makes the ISS take the same interrupt first (refused when the
// ISS finds it not pending or not enabled: a mismatch), and reads of mcycle,
// time, mip/sip, CLINT mtime and the MMU counters return the RTL's rd_wdata.
// Then it compares every RVFI field. A worked example of explain() after a
// core that forgot to sign-extend lb:
//
//   MISMATCH at instruction 57 (order 57), pc 0x80000104: lb a1, 3(a0)
//     field      RTL          ISS
//     rd_wdata   0x000000f0   0xfffffff0   <<<
//     ...
//   last 16 retired instructions (RTL):
//     53 M 0x800000f4 (0x00500593) addi a1, zero, 5   x11 0x00000005
//     ...
#ifndef PAGEWALK_SOC_LOCKSTEP_H
#define PAGEWALK_SOC_LOCKSTEP_H

#include <cstdio>
#include <deque>
#include <string>

extern "C" {
#include "iss.h"
}

class SocLockstep {
 public:
  explicit SocLockstep(const pw_iss_config &cfg);
  ~SocLockstep();
  SocLockstep(const SocLockstep &) = delete;
  SocLockstep &operator=(const SocLockstep &) = delete;

  bool load_elf(const char *path, std::string *err);

  // Step the ISS once for the RTL record rtl; true when every field agrees.
  bool step(const pw_rvfi &rtl);

  // What disagreed at the last failing step, both records, and the last
  // retired instructions.
  void explain(FILE *out) const;

  // The RTL retired nothing for `cycles` cycles: a divergence too (the ISS
  // would retire its next instruction). Reports the ISS's next pc and the
  // last records.
  void explain_stall(FILE *out, uint64_t cycles) const;

  // The ISS's run state (the ISS sees the finisher and tohost too).
  const pw_iss_status *iss_status() const { return pw_iss_status_of(iss_); }

  static constexpr size_t kHistory = 16;

 private:
  static uint32_t timing_read(void *ctx, pw_iss_timing what, uint32_t addr, uint32_t iss_value);
  pw_iss *iss_ = nullptr;
  const pw_rvfi *current_ = nullptr;   // the RTL record being checked
  pw_rvfi rtl_{}, iss_rec_{};
  std::string why_;
  std::deque<pw_rvfi> history_;
};

// One line for a record: order, mode, pc, insn, disassembly and what it wrote.
std::string describe_record(const pw_rvfi &r);

#endif
