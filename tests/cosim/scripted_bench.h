// A scripted lockstep bench: exact scenarios (a translation, an sfence, a
// .vec file) driven through a Verilated MMU and the cycle model together,
// every output compared every cycle. Test code: only the co-simulation
// test suite (tests/cosim) links it, never pagewalk-cosim.
//
//   ScriptedBench b(*find_dut_build("svadu"));
//   b.write(0x80000004, 0x20000401);
//   Response r = b.translate(0x80080000, PW_PRIV_S_VALUE, PW_MMU_ACCESS_LOAD, 0, 0, 0x00402abc);
//   if (!b.ok()) puts(b.failure().c_str());
#ifndef PAGEWALK_TESTS_COSIM_SCRIPTED_BENCH_H
#define PAGEWALK_TESTS_COSIM_SCRIPTED_BENCH_H

#include <cstdint>
#include <memory>
#include <string>

#include "dut.h"
#include "memory_agent.h"
#include "mmu_checker.h"

namespace cosim {

struct Response {
    bool valid = false;  // false: no response within the bound (a hang)
    bool fault = false;
    uint32_t cause = 0;
    uint64_t pa = 0;
    bool hit = false;    // answered from the TLB (the cycle model's verdict at acceptance)
    unsigned cycles = 0; // from acceptance to response
};

class ScriptedBench {
  public:
    explicit ScriptedBench(const DutBuild &build, MemoryTiming timing = fixed_timing());
    ~ScriptedBench();
    // Memory always ready, one cycle of latency: the timing of docs/mmu.md.
    static MemoryTiming fixed_timing();

    void write(uint64_t addr, uint32_t value) { pw_smem_set(mem_, addr, value); }
    uint32_t read(uint64_t addr) const;
    void bus_error(uint64_t addr) { pw_smem_set_error(mem_, addr); }
    void write_error(uint64_t addr) { agent_.add_write_error(addr); }
    void forget_memory() { pw_smem_reset(mem_); }

    // One translation: present it until accepted, wait (bounded) for the answer.
    Response translate(uint32_t satp, unsigned priv, unsigned access, bool sum, bool mxr, uint32_t va);
    // Start a translation and return after acceptance; finish() waits for it.
    bool start(uint32_t satp, unsigned priv, unsigned access, bool sum, bool mxr, uint32_t va);
    Response finish();
    // An sfence.vma in the next cycle, or in the cycle after `delay` more.
    void sfence(uint32_t va, unsigned asid, bool all_va, bool all_asid);
    void sfence_at(unsigned delay, uint32_t va, unsigned asid, bool all_va, bool all_asid);
    void idle(unsigned cycles);
    void reset();

    bool ok() const { return failure_.empty(); }
    const std::string &failure() const { return failure_; }
    const pw_mmu_model &model() const { return checker_.model(); }
    uint64_t cycle() const { return cycle_; }
    pw_mmu_outputs outputs();

  private:
    void tick(pw_mmu_inputs in);
    pw_mmu_inputs base_inputs();

    const DutBuild &build_;
    std::unique_ptr<Dut> dut_;
    pw_sparse_mem *mem_;
    MemoryAgent agent_;
    SparseMemoryView view_;  // the memory as the checker sees it, write errors included
    MmuChecker checker_;  // the outputs against the cycle model, responses against the golden model
    std::unique_ptr<FunctionalCoverage> bins_;  // when $PAGEWALK_COVERAGE_DIR asks for them
    uint64_t cycle_ = 0;
    uint32_t satp_ = 0;
    bool sum_ = false, mxr_ = false;
    unsigned sfence_delay_ = 0;
    bool sfence_pending_ = false;
    pw_mmu_inputs sfence_{};
    bool hit_at_accept_ = false;
    uint64_t accept_cycle_ = 0;
    std::string failure_;
};

// Replay a .vec file through the bench: every t line is translated twice
// (a walk, then usually a TLB hit) and both answers must match its RESULT;
// every c line is checked against memory. Memory changes (m, e, reset) are
// followed by an sfence of everything. The build's A/D policy must match
// the file's `ad` lines; lines of the other policy are skipped and counted.
struct VecRun {
    unsigned translations = 0, hits = 0, checks = 0, skipped = 0, failed = 0;
    std::string failures;  // the first few, with file:line
    bool error = false;    // the file could not be read or parsed
};
VecRun run_vec_file(const DutBuild &build, const std::string &path, unsigned max_reports = 10);

}  // namespace cosim

#endif
