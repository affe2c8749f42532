// SocDut: see soc_dut.h.
#include "soc_dut.h"

#include "soc_mmu_check.h"

#include <verilated.h>
#include <verilated_fst_c.h>

#include "Vsoc.h"
#include "Vsoc__Dpi.h"
#include "svdpi.h"

extern "C" {
#include "pagewalk_defs.h"
}

namespace {
// The RAM's DPI backdoor lives in the pw_soc_ram instance.
constexpr const char *kRamScope = "TOP.pw_soc.u_ram";

void ram_scope() { svSetScope(svGetScopeFromName(kRamScope)); }

struct LoadCtx {
  SocDut *dut;
};

// pw_elf_target.write: bytes at a physical address, by read-modify-write of words.
void elf_write(void *ctx, uint32_t addr, const uint8_t *data, uint32_t len) {
  SocDut *dut = static_cast<LoadCtx *>(ctx)->dut;
  for (uint32_t i = 0; i < len; i++) {
    uint32_t pa = addr + i, word_pa = pa & ~3u, shift = (pa & 3u) * 8;
    uint32_t w = dut->read_word(word_pa);
    w = (w & ~(0xffu << shift)) | (uint32_t(data ? data[i] : 0) << shift);
    dut->write_word(word_pa, w);
  }
}
}  // namespace

SocDut::SocDut(uint32_t ram_bytes, FILE *console)
    : ctx_(new VerilatedContext), ram_bytes_(ram_bytes), console_(console) {
  std::string plus = "+ram_bytes=" + std::to_string(ram_bytes);
  const char *argv[] = {"pagewalk-soc", plus.c_str()};
  ctx_->commandArgs(2, argv);
  ctx_->traceEverOn(true);
  top_.reset(new Vsoc(ctx_.get(), "TOP"));
  top_->clk_i = 0;
  top_->rst_ni = 0;
  top_->uart_rx_i = 1;
  top_->console_rx_valid_i = 0;
  top_->console_rx_byte_i = 0;
  for (int i = 0; i < 2; i++) {
    top_->clk_i = 0; top_->eval();
    top_->clk_i = 1; top_->eval();
  }
  top_->clk_i = 0;
  top_->rst_ni = 1;
  top_->eval();
}

SocDut::~SocDut() {
  close_wave();
  top_->final();
}

bool SocDut::load_elf(const char *path, pw_elf_info *info, std::string *err) {
  LoadCtx lc{this};
  pw_elf_target target{PW_MEM_RAM, ram_bytes_, &lc, elf_write};
  char msg[256];
  if (!pw_elf_load(path, &target, info, msg, sizeof msg)) {
    *err = msg;
    return false;
  }
  if (info->entry != PW_MEM_RAM) {
    *err = std::string(path) + ": entry point must be the reset pc 0x80000000";
    return false;
  }
  return true;
}

uint32_t SocDut::read_word(uint32_t pa) const {
  ram_scope();
  return uint32_t(pw_ram_read_word(int((pa - PW_MEM_RAM) >> 2)));
}

void SocDut::write_word(uint32_t pa, uint32_t value) {
  ram_scope();
  pw_ram_write_word(int((pa - PW_MEM_RAM) >> 2), int(value));
}

void SocDut::tick() {
  top_->clk_i = 0;
  top_->eval();
  // The console byte belongs to the cycle that ends at this rising edge.
  if (top_->console_valid_o && console_) {
    fputc(top_->console_byte_o, console_);
    if (top_->console_byte_o == '\n') fflush(console_);
  }
  if (mmu_check_ && !mmu_failed_) check_mmu();
  dump(2 * cycles_);
  top_->clk_i = 1;
  top_->eval();
  dump(2 * cycles_ + 1);
  cycles_++;
  ctx_->timeInc(1);
}

// The MMU's ports during this cycle: the dbg_mmu_* outputs of PW_SIM builds,
// named after cmodel/gen/mmu.ports like the checker's structs.
void SocDut::check_mmu() {
  pw_mmu_inputs in{};
  pw_mmu_outputs out{};
#define SOC_MMU_IN(name, port, width, ctype, group) in.name = top_->dbg_mmu_##name;
#define SOC_MMU_OUT(name, port, width, ctype, group) out.name = top_->dbg_mmu_##name;
  PW_MMU_INPUTS(SOC_MMU_IN)
  PW_MMU_OUTPUTS(SOC_MMU_OUT)
#undef SOC_MMU_IN
#undef SOC_MMU_OUT
  if (!mmu_check_->step(cycles_, in, out)) mmu_failed_ = true;
}

void SocDut::dump(uint64_t t) {
  if (wave_ && wave_on_) wave_->dump(t);
}

bool SocDut::retired(pw_rvfi *r) const {
  if (!top_->rvfi_valid) return false;
  *r = pw_rvfi{};
  r->order = top_->rvfi_order;
  r->insn = top_->rvfi_insn;
  r->trap = top_->rvfi_trap;
  r->intr = top_->rvfi_intr;
  r->mode = top_->rvfi_mode;
  r->pc_rdata = top_->rvfi_pc_rdata;
  r->pc_wdata = top_->rvfi_pc_wdata;
  r->rd_addr = top_->rvfi_rd_addr;
  r->rd_wdata = top_->rvfi_rd_wdata;
  r->mem_addr = top_->rvfi_mem_addr;
  r->mem_rmask = top_->rvfi_mem_rmask;
  r->mem_wmask = top_->rvfi_mem_wmask;
  r->mem_rdata = top_->rvfi_mem_rdata;
  r->mem_wdata = top_->rvfi_mem_wdata;
  if (r->intr) r->intr_cause = PW_MCAUSE_INTERRUPT | top_->rvfi_ext_intr_cause;
  r->csr_written = top_->rvfi_ext_csr_we;
  r->csr_addr = top_->rvfi_ext_csr_addr;
  r->csr_wdata = top_->rvfi_ext_csr_wdata;
  return true;
}

bool SocDut::finished() const { return top_->finish_o; }
unsigned SocDut::finish_code() const { return top_->finish_code_o; }

bool SocDut::open_wave(const std::string &path, std::string *err) {
  wave_.reset(new VerilatedFstC);
  top_->trace(wave_.get(), 99);
  wave_->open(path.c_str());
  if (!wave_->isOpen()) {
    *err = path + ": cannot open for writing";
    wave_.reset();
    return false;
  }
  return true;
}

void SocDut::close_wave() {
  if (wave_) {
    wave_->close();
    wave_.reset();
  }
}
