// The RTL as the harness sees it: the MMU's ports in the cycle model's
// terms, whatever Verilated build (Svade, Svadu, a mutant) sits behind them.
#ifndef PAGEWALK_COSIM_DUT_H
#define PAGEWALK_COSIM_DUT_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pagewalk_shim.h"

namespace cosim {

class Dut {
  public:
    virtual ~Dut() = default;
    // Drive one cycle's inputs (they take effect at the next tick()).
    virtual void set_inputs(const pw_mmu_inputs &in) = 0;
    // The outputs during the current cycle.
    virtual void outputs(pw_mmu_outputs *out) = 0;
    // The rising edge that ends the cycle (recorded when tracing is active).
    virtual void tick() = 0;
    // Open an FST waveform (10 time units per cycle, edge at cycle*10);
    // cycles are recorded only while trace_active(true).
    virtual bool trace_open(const std::string &path) = 0;
    virtual void trace_active(bool on) = 0;
    virtual void trace_close() = 0;
};

// A Verilated build linked into this program, by name ("svade", "svadu",
// or a mutant's name), with the A/D policy and TLB size it was built for.
struct DutBuild {
    std::string name;
    pw_ad_policy ad;
    unsigned tlb_entries;
    std::unique_ptr<Dut> (*make)();
    // The cycle model's configuration for this build (its trace port is on).
    pw_mmu_config config() const
    {
        return pw_mmu_config{tlb_entries, ad, true, 1, PW_COUNTERS_32, false, false};
    }
};

// Every build linked in; each dut_verilated.cc instance registers itself.
std::vector<DutBuild> &dut_builds();
const DutBuild *find_dut_build(const std::string &name);

struct RegisterDut {
    explicit RegisterDut(DutBuild b) { dut_builds().push_back(std::move(b)); }
};

}  // namespace cosim

#endif
