// SocLockstep: see soc_lockstep.h.
#include "soc_lockstep.h"

#include <cinttypes>
#include <cstring>

extern "C" {
#include "pw_rvfi_ports.h"
}

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
  // An interrupt pending and enabled at this boundary, with the lines as the
  // RTL sampled them there, must have been taken (docs/core.md, "Interrupts").
  int due = pw_iss_interrupt_due(iss_, rtl.mtip, rtl.msip);
  if (due >= 0) {
    why_ = missed_interrupt(unsigned(due), rtl);
    // Show what the ISS does instead: it takes the interrupt and runs the
    // handler's first instruction.
    char refused[200];
    iss_rec_ = pw_rvfi{};
    if (pw_iss_inject_interrupt(iss_, unsigned(due), refused, sizeof refused)) {
      current_ = &rtl;
      pw_iss_step(iss_, &iss_rec_);
      current_ = nullptr;
    }
    history_.push_back(rtl);
    if (history_.size() > kHistory) history_.pop_front();
    return false;
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

std::string SocLockstep::missed_interrupt(unsigned code, const pw_rvfi &rtl) const {
  static const char *const names[] = {"?", "SSI", "?", "MSI", "?", "STI", "?", "MTI"};
  uint32_t mip = 0, mie = 0, mideleg = 0, mstatus = 0;
  pw_iss_csr_get(iss_, PW_CSR_MIP, &mip);
  pw_iss_csr_get(iss_, PW_CSR_MIE, &mie);
  pw_iss_csr_get(iss_, PW_CSR_MIDELEG, &mideleg);
  pw_iss_csr_get(iss_, PW_CSR_MSTATUS, &mstatus);
  mip = (mip & ~uint32_t(PW_IRQ_MTI | PW_IRQ_MSI)) | (rtl.mtip ? PW_IRQ_MTI : 0) | (rtl.msip ? PW_IRQ_MSI : 0);
  static const char modes[] = "USHM";
  char line[300];
  snprintf(line, sizeof line,
           "the RTL did not take interrupt %s (%u), pending and enabled at the boundary before this "
           "instruction (the RTL's lines there: MTIP %d MSIP %d; mip 0x%08x mie 0x%08x mideleg 0x%08x "
           "mstatus 0x%08x, %c-mode); the ISS's record is the handler's first instruction",
           code < 8 ? names[code] : "?", code, rtl.mtip, rtl.msip, mip, mie, mideleg, mstatus,
           modes[pw_iss_priv(iss_) & 3]);
  return line;
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
#define SOC_RVFI_ROW(name, port, width) row(#name, rtl_.name, iss_rec_.name);
  PW_RVFI_COMPARED(SOC_RVFI_ROW)
#undef SOC_RVFI_ROW
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
