// One Verilated SystemC build of pw_mmu behind VerilatedMmuBuild. Compiled
// once per build with VMMU_CLASS (the --prefix), VMMU_FUNCTION (the factory's
// name in verilated_mmu.h), VMMU_NAME, VMMU_AD and VMMU_ENTRIES defined.
#include "verilated_mmu.h"

#ifndef VMMU_HIT_LATENCY
#define VMMU_HIT_LATENCY 1
#endif

#define PW_STR2(x) #x
#define PW_STR(x) PW_STR2(x)
#include PW_STR(VMMU_CLASS.h)

namespace pwsc {
namespace {

// Construct the model and bind each of its ports: the clock and reset to the
// platform's, the others to the pins (cmodel/gen/mmu.ports).
std::unique_ptr<sc_core::sc_module> make_model(const char *name, sc_core::sc_in<bool> &clk,
                                               sc_core::sc_in<bool> &rst_n, MmuSignals &p)
{
    auto m = std::make_unique<VMMU_CLASS>(name);
    m->clk_i(clk);
    m->rst_ni(rst_n);
#define PW_SC_BIND(dir, name, port, width, ctype, group) m->port(p.name);
    PW_MMU_PINS(PW_SC_BIND)
#undef PW_SC_BIND
    return m;
}

}  // namespace

VerilatedMmuBuild VMMU_FUNCTION()
{
    return {VMMU_NAME, VMMU_AD, VMMU_ENTRIES, VMMU_HIT_LATENCY, make_model};
}

}  // namespace pwsc
