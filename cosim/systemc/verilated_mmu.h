// The Verilated builds of pw_mmu (verilator --sc) a program links, each
// behind one factory, so the rest of the platform never names a generated
// class. verilated_mmu.cc is compiled once per build (cosim/systemc/systemc.mk).
#ifndef PAGEWALK_SC_VERILATED_MMU_H
#define PAGEWALK_SC_VERILATED_MMU_H

#include <memory>
#include <string>
#include <systemc>
#include <vector>

#include "mmu_signals.h"
#include "pagewalk_shim.h"

namespace pwsc {

struct VerilatedMmuBuild {
    std::string name;      // "svade", "svadu", "svade_l2", ..., or the injected bug's description
    pw_ad_policy ad;       // the build's Svadu parameter
    unsigned tlb_entries;  // its TlbEntries parameter
    unsigned hit_latency;  // its HitLatency parameter (the TLM face waits for the answer)
    // Instantiate the model inside the module being constructed, every port
    // bound: clk_i and rst_ni to the given ports, the rest to pins.
    std::unique_ptr<sc_core::sc_module> (*make)(const char *name, sc_core::sc_in<bool> &clk,
                                               sc_core::sc_in<bool> &rst_n, MmuSignals &pins);
};

VerilatedMmuBuild verilated_mmu_svade();         // Vmmu_sc_svade
VerilatedMmuBuild verilated_mmu_svadu();         // Vmmu_sc_svadu
VerilatedMmuBuild verilated_mmu_svade_l2();      // Vmmu_sc_svade_l2: HitLatency 2
VerilatedMmuBuild verilated_mmu_svadu_l3();      // Vmmu_sc_svadu_l3: HitLatency 3
VerilatedMmuBuild verilated_mmu_injected_bug();  // Vmmu_sc_bug: a sed-patched copy of rtl/mmu

// The builds linked into this program, the default first
// (mmu_builds_standard.cc or mmu_builds_injected.cc).
std::vector<VerilatedMmuBuild> linked_mmu_builds();

}  // namespace pwsc

#endif
