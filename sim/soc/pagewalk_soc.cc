// pagewalk-soc: the RTL SoC (rtl/soc) under Verilator runs an ELF, optionally
// in lockstep with the ISS (docs/soc.md, "pagewalk-soc").
//
// Each binary is one build of the SoC (SOC_WITH_M, SOC_SVADU). Asked for
// another (--isa, --svadu), it runs its sibling build in build/soc/VARIANT/.
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "soc_dut.h"
#include "soc_lockstep.h"
#include "soc_mmu_check.h"

extern "C" {
#include "pagewalk_defs.h"
}

namespace {

// Exit status for a lockstep divergence: distinct from pass (0), the
// failure codes of tests, usage (2) and the cycle limit (124).
constexpr int kExitMismatch = 125;
constexpr uint64_t kDefaultMaxCycles = 200000000;
// Cycles of waveform kept before a divergence, and after it.
constexpr uint64_t kWaveBefore = 2000, kWaveAfter = 20;
// In lockstep, the RTL must retire (or trap) within this many cycles of its
// last record: its slowest instruction (a two-level walk, then a division)
// takes well under 200. Longer is a divergence: the ISS retires its next
// instruction, the RTL nothing (an interrupt taken over and over, a lost
// handshake).
constexpr uint64_t kStallCycles = 10000;

struct Options {
  const char *elf = nullptr;
  bool svadu = false;
  bool with_m = true;
  uint32_t ram_bytes = PW_RAM_DEFAULT_BYTES;
  uint64_t max_cycles = kDefaultMaxCycles;
  const char *trace = nullptr;
  const char *wave = nullptr;
  bool lockstep = false;
  bool stats = false;
};

void usage(FILE *out) {
  fprintf(out,
          "usage: pagewalk-soc [options] ELF\n"
          "Run an RV32 ELF on the RTL SoC (Verilator). The UART prints on stdout; the\n"
          "test finisher or tohost gives the exit status (0 pass).\n"
          "  --lockstep         compare every retired instruction with the ISS, and the\n"
          "                     MMU inside with its cycle model every cycle; a\n"
          "                     divergence prints a report and exits %d\n"
          "  --svadu            the MMU sets A/D in hardware (default Svade)\n"
          "  --isa rv32i|rv32im core without or with M (default rv32im)\n"
          "  --ram SIZE         RAM size: bytes, or with K or M (default 1M, at most %uM)\n"
          "  --max-cycles N     stop after N clock cycles, exit %d (default %" PRIu64 ")\n"
          "  --trace FILE       commit log (Spike --log-commits format, as pagewalk-iss)\n"
          "  --wave FILE        FST waveform of the whole run (with --lockstep: of the\n"
          "                     cycles around a divergence only)\n"
          "  --stats            cycles, instructions, CPI (also by instruction class) and\n"
          "                     speed on stderr\n"
          "  --help             this text\n",
          kExitMismatch, SocDut::kMaxRamBytes >> 20, PW_ISS_EXIT_LIMIT, kDefaultMaxCycles);
}

bool parse_size(const char *s, uint32_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (errno || end == s) return false;
  if (*end == 'K' || *end == 'k') { v <<= 10; end++; }
  else if (*end == 'M' || *end == 'm') { v <<= 20; end++; }
  if (*end || v == 0 || v > SocDut::kMaxRamBytes || v % 4096) return false;
  *out = uint32_t(v);
  return true;
}

int bad(const char *fmt, const char *arg) {
  fprintf(stderr, "pagewalk-soc: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n(pagewalk-soc --help lists the options)\n");
  return PW_ISS_EXIT_USAGE;
}

// Another build of the SoC: build/soc/<isa>-<ad>/pagewalk-soc beside this one.
int run_variant(const Options &o, char **argv) {
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n < 0) { perror("pagewalk-soc: /proc/self/exe"); return PW_ISS_EXIT_USAGE; }
  self[n] = 0;
  std::string dir(self);
  dir = dir.substr(0, dir.rfind('/'));            // .../soc/<variant>
  dir = dir.substr(0, dir.rfind('/'));            // .../soc
  std::string variant = std::string(o.with_m ? "rv32im" : "rv32i") + (o.svadu ? "-svadu" : "-svade");
  std::string path = dir + "/" + variant + "/pagewalk-soc";
  if (access(path.c_str(), X_OK) != 0) {
    fprintf(stderr, "pagewalk-soc: the %s build is not there (%s); build it with: make soc-variants\n",
            variant.c_str(), path.c_str());
    return PW_ISS_EXIT_USAGE;
  }
  execv(path.c_str(), argv);
  perror(path.c_str());
  return PW_ISS_EXIT_USAGE;
}

// Cycles per instruction by class, from the cycles between records.
struct ClassStats {
  static constexpr int kClasses = 11;
  const char *names[kClasses] = {"alu", "lui/auipc", "branch (not taken)", "branch (taken)", "jal/jalr",
                                 "load", "store", "csr", "mul", "div/rem", "system, trap"};
  uint64_t count[kClasses] = {}, cycles[kClasses] = {};

  static int classify(const pw_rvfi &r) {
    if (r.trap) return 10;
    uint32_t op = r.insn & 0x7f, f3 = (r.insn >> 12) & 7, f7 = r.insn >> 25;
    switch (op) {
      case 0x37: case 0x17: return 1;
      case 0x63: return r.pc_wdata == r.pc_rdata + 4 ? 2 : 3;
      case 0x6f: case 0x67: return 4;
      case 0x03: return 5;
      case 0x23: return 6;
      case 0x73: return f3 ? 7 : 10;
      case 0x33: return f7 == 1 ? (f3 < 4 ? 8 : 9) : 0;
      default: return 0;
    }
  }
  void add(const pw_rvfi &r, uint64_t c) {
    int k = classify(r);
    count[k]++;
    cycles[k] += c;
  }
  void print(FILE *out) const {
    fprintf(out, "  %-20s %12s %8s\n", "class", "instructions", "CPI");
    for (int k = 0; k < kClasses; k++)
      if (count[k])
        fprintf(out, "  %-20s %12" PRIu64 " %8.2f\n", names[k], count[k], double(cycles[k]) / double(count[k]));
  }
};

// The run's end, from the finisher or tohost.
struct Ending {
  bool done = false;
  int status = 0;
  std::string why;
};

void check_tohost(SocDut &dut, const pw_elf_info &info, const pw_rvfi &rec, Ending *end) {
  if (!info.has_tohost || !rec.mem_wmask || end->done) return;
  uint32_t v = dut.read_word(info.tohost);
  if (v == 0) return;
  end->done = true;
  end->status = v == 1 ? 0 : int(v >> 1);
  char why[80];
  snprintf(why, sizeof why, v == 1 ? "pass (tohost 1)" : "fail test %u (tohost 0x%08x)", v >> 1, v);
  end->why = why;
}

// Rerun the program with the waveform on around cycle `at`.
void dump_window(const Options &o, uint64_t at, const std::string &path) {
  SocDut dut(o.ram_bytes, nullptr);
  pw_elf_info info;
  std::string err;
  if (!dut.load_elf(o.elf, &info, &err) || !dut.open_wave(path, &err)) {
    fprintf(stderr, "pagewalk-soc: no waveform: %s\n", err.c_str());
    return;
  }
  uint64_t from = at > kWaveBefore ? at - kWaveBefore : 0;
  while (dut.cycles() < at + kWaveAfter) {
    dut.set_wave_enabled(dut.cycles() >= from);
    dut.tick();
  }
  dut.close_wave();
  fprintf(stderr, "waveform of cycles %" PRIu64 "..%" PRIu64 " (divergence at %" PRIu64 "): %s\n", from,
          at + kWaveAfter, at, path.c_str());
}

}  // namespace

int main(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    auto value = [&](const char *name) -> const char * {
      if (i + 1 >= argc) return nullptr;
      (void)name;
      return argv[++i];
    };
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
    else if (!strcmp(a, "--lockstep")) o.lockstep = true;
    else if (!strcmp(a, "--svadu")) o.svadu = true;
    else if (!strcmp(a, "--stats")) o.stats = true;
    else if (!strcmp(a, "--isa")) {
      const char *v = value(a);
      if (!v) return bad("%s needs a value (rv32i or rv32im)", a);
      if (!strcmp(v, "rv32i")) o.with_m = false;
      else if (!strcmp(v, "rv32im")) o.with_m = true;
      else return bad("--isa '%s': give rv32i or rv32im", v);
    } else if (!strcmp(a, "--ram")) {
      const char *v = value(a);
      if (!v || !parse_size(v, &o.ram_bytes))
        return bad("--ram '%s': give a size such as 128K, 4M or 1048576, a multiple of 4K, at most 16M",
                   v ? v : "");
    } else if (!strcmp(a, "--max-cycles")) {
      const char *v = value(a);
      char *end = nullptr;
      if (v) o.max_cycles = strtoull(v, &end, 0);
      if (!v || !*v || *end || o.max_cycles == 0) return bad("--max-cycles '%s': give a positive number", v ? v : "");
    } else if (!strcmp(a, "--trace")) {
      if (!(o.trace = value(a))) return bad("%s needs a file name", a);
    } else if (!strcmp(a, "--wave")) {
      if (!(o.wave = value(a))) return bad("%s needs a file name", a);
    } else if (a[0] == '-') {
      return bad("unknown option '%s'", a);
    } else if (o.elf) {
      return bad("one ELF only ('%s' is the second)", a);
    } else {
      o.elf = a;
    }
  }
  if (!o.elf) return bad("%s", "no ELF given");
  if (o.svadu != (SOC_SVADU != 0) || o.with_m != (SOC_WITH_M != 0)) return run_variant(o, argv);

  // One model at a time: Verilator 5.006 deadlocks destroying a model whose
  // DPI scope name another live model shares, so the waveform rerun after a
  // divergence comes after this one is gone.
  std::unique_ptr<SocDut> dut_owner(new SocDut(o.ram_bytes, stdout));
  SocDut &dut = *dut_owner;
  pw_elf_info info;
  std::string err;
  if (!dut.load_elf(o.elf, &info, &err)) {
    fprintf(stderr, "pagewalk-soc: %s\n", err.c_str());
    return PW_ISS_EXIT_USAGE;
  }

  std::unique_ptr<SocLockstep> ls;
  std::unique_ptr<SocMmuCheck> mmu_check;
  if (o.lockstep) {
    // The MMU inside is checked against its cycle model every cycle.
    mmu_check.reset(new SocMmuCheck(o.svadu ? PW_AD_SVADU : PW_AD_SVADE, dut, o.ram_bytes));
    dut.set_mmu_check(mmu_check.get());
    pw_iss_config cfg;
    pw_iss_config_default(&cfg);
    cfg.ram_bytes = o.ram_bytes;
    cfg.svadu = o.svadu;
    cfg.has_m = o.with_m;
    ls.reset(new SocLockstep(cfg));
    if (!ls->load_elf(o.elf, &err)) {
      fprintf(stderr, "pagewalk-soc: %s\n", err.c_str());
      return PW_ISS_EXIT_USAGE;
    }
  }

  FILE *trace = nullptr;
  if (o.trace && !(trace = fopen(o.trace, "w"))) {
    fprintf(stderr, "pagewalk-soc: %s: %s\n", o.trace, strerror(errno));
    return PW_ISS_EXIT_USAGE;
  }
  if (o.wave && !o.lockstep) {
    if (!dut.open_wave(o.wave, &err)) {
      fprintf(stderr, "pagewalk-soc: %s\n", err.c_str());
      return PW_ISS_EXIT_USAGE;
    }
    dut.set_wave_enabled(true);
  }

  auto t0 = std::chrono::steady_clock::now();
  uint64_t insns = 0;
  Ending end;
  int grace = -1;     // cycles left to collect the finishing store's record
  uint64_t last_record = 0;
  ClassStats classes;
  while (true) {
    dut.tick();
    pw_rvfi rec;
    bool finishing = end.done;   // the finisher was written before this edge
    if (ls && dut.cycles() - last_record > kStallCycles) {
      fflush(stdout);
      ls->explain_stall(stderr, kStallCycles);
      if (trace) fclose(trace);
      uint64_t at = dut.cycles();
      dut_owner.reset();
      dump_window(o, at, o.wave ? o.wave : "pagewalk-soc-mismatch.fst");
      return kExitMismatch;
    }
    if (dut.mmu_failed()) {
      fflush(stdout);
      fputs(mmu_check->explain().c_str(), stderr);
      if (trace) fclose(trace);
      uint64_t at = dut.cycles();
      dut_owner.reset();
      dump_window(o, at, o.wave ? o.wave : "pagewalk-soc-mismatch.fst");
      return kExitMismatch;
    }
    if (dut.retired(&rec)) {
      insns++;
      classes.add(rec, dut.cycles() - last_record);
      last_record = dut.cycles();
      if (trace) pw_iss_log_commit(trace, &rec);
      if (ls && !ls->step(rec)) {
        fflush(stdout);
        ls->explain(stderr);
        if (trace) fclose(trace);
        uint64_t at = dut.cycles();
        dut_owner.reset();
        dump_window(o, at, o.wave ? o.wave : "pagewalk-soc-mismatch.fst");
        return kExitMismatch;
      }
      check_tohost(dut, info, rec, &end);
      // The finishing store's own record is the last one.
      if (finishing || end.done) break;
    }
    if (!end.done && dut.finished()) {
      end.done = true;
      end.status = int(dut.finish_code());
      char why[64];
      snprintf(why, sizeof why, end.status ? "fail code %d (test finisher)" : "pass (test finisher)",
               end.status);
      end.why = why;
    }
    if (end.done && grace < 0) grace = 8;
    if (grace >= 0 && grace-- == 0) break;
    if (dut.cycles() >= o.max_cycles) {
      fflush(stdout);
      fprintf(stderr, "pagewalk-soc: stopped after %" PRIu64 " cycles (--max-cycles), %" PRIu64
              " instructions\n", dut.cycles(), insns);
      if (trace) fclose(trace);
      return PW_ISS_EXIT_LIMIT;
    }
  }
  fflush(stdout);
  if (trace) fclose(trace);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (o.stats)
    fprintf(stderr, "pagewalk-soc: %s; %" PRIu64 " cycles, %" PRIu64 " instructions, CPI %.2f, %.0f instructions/s%s\n",
            end.why.c_str(), dut.cycles(), insns, insns ? double(dut.cycles()) / double(insns) : 0.0,
            secs > 0 ? double(insns) / secs : 0.0, ls ? " (lockstep)" : "");
  if (o.stats) classes.print(stderr);
  return end.status;
}
