// SocDut: the Verilated pw_soc (rtl/soc) behind a small interface: reset,
// clock, the RAM backdoor, the console, the finisher and the RVFI record of
// the last clock edge.
//
//   SocDut dut(opts);                 // builds the model, resets it
//   dut.load_elf("prog.elf", &info);  // backdoor into RAM, pc = entry
//   while (!dut.finished()) {
//     dut.tick();                     // one clock; console bytes go to stdout
//     pw_rvfi rec;
//     if (dut.retired(&rec)) ...      // an RVFI record from this edge
//   }
#ifndef PAGEWALK_SOC_DUT_H
#define PAGEWALK_SOC_DUT_H

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

extern "C" {
#include "elf.h"
#include "iss.h"
}

class SocMmuCheck;
class VerilatedContext;
class VerilatedFstC;
class Vsoc;

class SocDut {
 public:
  // ram_bytes: RAM in use (at most kMaxRamBytes, the size the model is built
  // with). console: where UART bytes go (NULL: dropped).
  SocDut(uint32_t ram_bytes, FILE *console);
  ~SocDut();

  // Load an ELF through the backdoor. False with a one-line message in err.
  bool load_elf(const char *path, pw_elf_info *info, std::string *err);

  // One clock cycle. Bytes written to the UART go to the console.
  void tick();
  uint64_t cycles() const { return cycles_; }

  // Whether the edge of the last tick retired (or trapped) an instruction;
  // fills *rec with the RVFI fields and the informative ones the RTL has.
  bool retired(pw_rvfi *rec) const;

  // The test finisher was written: its code (0 pass).
  bool finished() const;
  unsigned finish_code() const;

  // RAM backdoor (word-aligned physical addresses inside RAM).
  uint32_t read_word(uint32_t pa) const;
  void write_word(uint32_t pa, uint32_t value);

  // Check the MMU against its cycle model every cycle from now on (nullptr:
  // no check). After a disagreement mmu_failed() is true and check->explain()
  // says what; the cycles go on unchecked.
  void set_mmu_check(SocMmuCheck *check) { mmu_check_ = check; }
  bool mmu_failed() const { return mmu_failed_; }

  // Waveform: open an FST file; cycles are dumped while enabled.
  bool open_wave(const std::string &path, std::string *err);
  void set_wave_enabled(bool on) { wave_on_ = on; }
  void close_wave();

  static constexpr uint32_t kMaxRamBytes = 16u << 20;

 private:
  void dump(uint64_t t);
  void check_mmu();
  SocMmuCheck *mmu_check_ = nullptr;
  bool mmu_failed_ = false;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vsoc> top_;
  std::unique_ptr<VerilatedFstC> wave_;
  bool wave_on_ = false;
  uint64_t cycles_ = 0;
  uint32_t ram_bytes_;
  FILE *console_;
};

#endif
