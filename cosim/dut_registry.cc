// The list of Verilated builds linked into this program.
#include "dut.h"

namespace cosim {

std::vector<DutBuild> &dut_builds()
{
    static std::vector<DutBuild> builds;
    return builds;
}

std::string DutBuild::describe() const
{
    std::string s = std::string(pw_ad_name(ad)) + ", " + std::to_string(tlb_entries) + " entries";
    if (hit_latency != 1)
        s += ", HitLatency " + std::to_string(hit_latency);
    if (counters != PW_COUNTERS_32)
        s += counters == PW_COUNTERS_16 ? ", CounterBits 16" : ", CounterBits 0";
    if (sfence_flush_all)
        s += ", SfenceFlushAll";
    if (ppn_in_bram)
        s += ", PpnInBram";
    return s;
}

const DutBuild *find_dut_build(const std::string &name)
{
    for (const DutBuild &b : dut_builds())
        if (b.name == name)
            return &b;
    return nullptr;
}

}  // namespace cosim
