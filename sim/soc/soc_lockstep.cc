// SocLockstep: see soc_lockstep.h.
#include "soc_lockstep.h"

#include <cinttypes>
#include <cstring>

SocLockstep::SocLockstep(const pw_iss_config &base) {
  pw_iss_config cfg = base;
  cfg.interrupts = PW_ISS_IRQ_INJECTED;
  cfg.timing_read = &SocLockstep::timing_read;
  cfg.timing_ctx = this;
  cfg.console = nullptr;   // the RTL's UART is the one printed
  iss_ = pw_iss_new(&cfg);
}

SocLockstep::~SocLockstep() { pw_iss_free(iss_); }

bool SocLockstep::load_elf(const char *path, std::string *err) {
  if (!iss_) {
    *err = "the ISS refused its configuration";
    return false;
  }
  char msg[256];
  if (!pw_iss_load_elf(iss_, path, msg, sizeof msg)) {
    *err = msg;
    return false;
  }
  return true;
}

uint32_t SocLockstep::timing_read(void *ctx, pw_iss_timing, uint32_t, uint32_t iss_value) {
  const SocLockstep *self = static_cast<SocLockstep *>(ctx);
  // The instruction's destination gets the RTL's value. A load's data is
  // also in mem_rdata, but rd_wdata is what the instruction saw.
  if (!self->current_ || self->current_->trap) return iss_value;
  return self->current_->rd_wdata;
}

bool SocLockstep::step(const pw_rvfi &rtl) {
  rtl_ = rtl;
  why_.clear();
  if (pw_iss_status_of(iss_)->state != PW_ISS_RUNNING) {
    why_ = std::string("the ISS had already stopped: ") + pw_iss_status_of(iss_)->why;
    iss_rec_ = pw_rvfi{};
    return false;
  }
  if (rtl.intr) {
    char why[200] = "";
    unsigned code = rtl.intr_cause & ~PW_MCAUSE_INTERRUPT;
    if (!pw_iss_inject_interrupt(iss_, code, why, sizeof why)) {
      why_ = "the RTL took interrupt " + std::to_string(code) + ", the ISS would not: " + why;
      iss_rec_ = pw_rvfi{};
      history_.push_back(rtl);
      if (history_.size() > kHistory) history_.pop_front();
      return false;
    }
  }
  current_ = &rtl;
  pw_iss_step(iss_, &iss_rec_);
  current_ = nullptr;
  char diff[160];
  bool same = pw_rvfi_equal(&rtl, &iss_rec_, diff, sizeof diff);
  if (!same) why_ = diff;
  history_.push_back(rtl);
  if (history_.size() > kHistory) history_.pop_front();
  return same;
}

std::string describe_record(const pw_rvfi &r) {
  char dis[64], line[200];
  if (r.trap && r.insn == 0)
    snprintf(dis, sizeof dis, "(fetch faulted)");
  else
    pw_iss_disasm(r.insn, r.pc_rdata, dis, sizeof dis);
  static const char modes[] = "USHM";
  int n = snprintf(line, sizeof line, "%8" PRIu64 " %c 0x%08x (0x%08x) %-28s", r.order,
                   modes[r.mode & 3], r.pc_rdata, r.insn, dis);
  std::string s(line, size_t(n));
  if (r.trap) {
    snprintf(line, sizeof line, " trap -> 0x%08x", r.pc_wdata);
    s += line;
  } else if (r.rd_addr) {
    snprintf(line, sizeof line, " x%-2u 0x%08x", r.rd_addr, r.rd_wdata);
    s += line;
  }
  if (r.intr) s += " [interrupt handler]";
  return s;
}

void SocLockstep::explain(FILE *out) const {
  char dis[64];
  pw_iss_disasm(rtl_.insn, rtl_.pc_rdata, dis, sizeof dis);
  fprintf(out, "MISMATCH at instruction %" PRIu64 ", pc 0x%08x: %s\n", rtl_.order, rtl_.pc_rdata,
          rtl_.trap && rtl_.insn == 0 ? "(fetch faulted)" : dis);
  fprintf(out, "  %s\n", why_.c_str());
  fprintf(out, "  %-10s %-12s %-12s\n", "field", "RTL", "ISS");
  auto row = [&](const char *name, uint64_t a, uint64_t b) {
    fprintf(out, "  %-10s 0x%08" PRIx64 "   0x%08" PRIx64 "%s\n", name, a, b, a != b ? "   <<<" : "");
  };
  row("order", rtl_.order, iss_rec_.order);
  row("insn", rtl_.insn, iss_rec_.insn);
  row("trap", rtl_.trap, iss_rec_.trap);
  row("intr", rtl_.intr, iss_rec_.intr);
  row("mode", rtl_.mode, iss_rec_.mode);
  row("pc_rdata", rtl_.pc_rdata, iss_rec_.pc_rdata);
  row("pc_wdata", rtl_.pc_wdata, iss_rec_.pc_wdata);
  row("rd_addr", rtl_.rd_addr, iss_rec_.rd_addr);
  row("rd_wdata", rtl_.rd_wdata, iss_rec_.rd_wdata);
  row("mem_addr", rtl_.mem_addr, iss_rec_.mem_addr);
  row("mem_rmask", rtl_.mem_rmask, iss_rec_.mem_rmask);
  row("mem_wmask", rtl_.mem_wmask, iss_rec_.mem_wmask);
  row("mem_rdata", rtl_.mem_rdata, iss_rec_.mem_rdata);
  row("mem_wdata", rtl_.mem_wdata, iss_rec_.mem_wdata);
  if (iss_rec_.trap)
    fprintf(out, "  the ISS trapped: cause %u, tval 0x%08x, to mode %u\n", iss_rec_.cause, iss_rec_.tval,
            iss_rec_.trap_mode);
  fprintf(out, "last %zu instructions (RTL), the mismatching one last:\n", history_.size());
  for (const pw_rvfi &r : history_) fprintf(out, "  %s\n", describe_record(r).c_str());
}

void SocLockstep::explain_stall(FILE *out, uint64_t cycles) const {
  uint32_t pc = pw_iss_pc(iss_), insn = 0;
  char dis[64] = "(not in RAM)";
  if (pw_iss_read_phys(iss_, pc, &insn, sizeof insn)) pw_iss_disasm(insn, pc, dis, sizeof dis);
  uint64_t next = history_.empty() ? 0 : history_.back().order + 1;
  fprintf(out, "MISMATCH at instruction %" PRIu64 ": the RTL retired nothing for %" PRIu64 " cycles\n", next, cycles);
  fprintf(out, "  the ISS's next instruction: pc 0x%08x: %s (its pc is physical only without translation)\n", pc, dis);
  fprintf(out, "last %zu instructions (RTL):\n", history_.size());
  for (const pw_rvfi &r : history_) fprintf(out, "  %s\n", describe_record(r).c_str());
}
