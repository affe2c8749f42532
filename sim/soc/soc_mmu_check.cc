// SocMmuCheck: see soc_mmu_check.h.
#include "soc_mmu_check.h"

#include <cinttypes>
#include <cstdio>

SocMmuCheck::SocMmuCheck(pw_ad_policy ad) {
  pw_mmu_config cfg{};
  cfg.tlb_entries = 8;
  cfg.ad = ad;
  cfg.trace_port = true;
  pw_mmu_init(&model_, &cfg);
}

bool SocMmuCheck::step(uint64_t cycle, const pw_mmu_inputs &in, const pw_mmu_outputs &out) {
  cycle_ = cycle;
  if (!check_.step(cycle, out, *pw_mmu_outputs_now(&model_))) return false;
  pw_mmu_step(&model_, &in);
  return true;
}

std::string SocMmuCheck::explain() const {
  char head[160];
  snprintf(head, sizeof head, "MMU MISMATCH at cycle %" PRIu64 ": output %s differs from the cycle model\n",
           cycle_, check_.first_signal());
  return head + check_.explain();
}
