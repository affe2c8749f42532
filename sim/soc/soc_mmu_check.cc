// SocMmuCheck: see soc_mmu_check.h.
#include "soc_mmu_check.h"

#include <cinttypes>
#include <cstdio>

#include "soc_dut.h"

extern "C" {
#include "pagewalk_defs.h"
}

bool SocRamView::in_ram(uint64_t pa) const { return pa >= PW_MEM_RAM && pa - PW_MEM_RAM < ram_bytes_; }

bool SocRamView::read(uint64_t pa, uint32_t *value) const {
  if (!in_ram(pa)) return false;
  *value = dut_.read_word(uint32_t(pa & ~3ull));
  return true;
}

pw_mmu_config SocMmuCheck::config(pw_ad_policy ad) {
  pw_mmu_config cfg{};
  cfg.tlb_entries = 8;
  cfg.ad = ad;
  cfg.trace_port = true;
  return cfg;
}

SocMmuCheck::SocMmuCheck(pw_ad_policy ad, const SocDut &dut, uint32_t ram_bytes)
    : ram_(dut, ram_bytes), checker_(config(ad), &ram_) {}

bool SocMmuCheck::step(uint64_t cycle, const pw_mmu_inputs &in, const pw_mmu_outputs &out) {
  cycle_ = cycle;
  return checker_.step(cycle, in, out);
}

std::string SocMmuCheck::explain() const {
  char head[64];
  snprintf(head, sizeof head, "MMU MISMATCH at cycle %" PRIu64 ": ", cycle_);
  return head + checker_.explain();
}
