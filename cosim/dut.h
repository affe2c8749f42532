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
    // An interface assertion of the RTL (rtl/check/pw_mmu_protocol.v, built
    // in with --assert) has failed since the build was made. The simulator
    // printed the rule's name on standard output ("%Error: ...: Assertion
    // failed in mmu.pw_mmu.u_protocol.RULE: ..."); the harness reports it as
    // the run's failure.
    virtual bool assertion_failed() const = 0;
    // Open an FST waveform (10 time units per cycle, edge at cycle*10);
    // cycles are recorded only while trace_active(true).
    virtual bool trace_open(const std::string &path) = 0;
    virtual void trace_active(bool on) = 0;
    virtual void trace_close() = 0;
};

// A Verilated build linked into this program, by name ("svade", "svadu",
// "svade_l3", ..., or a mutant's name), with the parameters it was built with.
struct DutBuild {
    std::string name;
    pw_ad_policy ad;
    unsigned tlb_entries;
    std::unique_ptr<Dut> (*make)();
    unsigned hit_latency;       // the HitLatency parameter
    pw_counter_width counters;  // CounterBits
    bool sfence_flush_all;      // SfenceFlushAll
    bool ppn_in_bram;           // PpnInBram
    // The cycle model's configuration for this build (its trace port is on).
    pw_mmu_config config() const
    {
        return pw_mmu_config{tlb_entries, ad, true, hit_latency, counters, sfence_flush_all, ppn_in_bram};
    }
    // Its parameters, e.g. "svadu, 8 entries" (the MMU's defaults otherwise)
    // or "svade, 8 entries, HitLatency 3, CounterBits 0, SfenceFlushAll, PpnInBram".
    std::string describe() const;
};

// Every build linked in; each dut_verilated.cc instance registers itself.
std::vector<DutBuild> &dut_builds();
const DutBuild *find_dut_build(const std::string &name);

struct RegisterDut {
    explicit RegisterDut(DutBuild b) { dut_builds().push_back(std::move(b)); }
};

}  // namespace cosim

#endif
