// The list of Verilated builds linked into this program.
#include "dut.h"

namespace cosim {

std::vector<DutBuild> &dut_builds()
{
    static std::vector<DutBuild> builds;
    return builds;
}

const DutBuild *find_dut_build(const std::string &name)
{
    for (const DutBuild &b : dut_builds())
        if (b.name == name)
            return &b;
    return nullptr;
}

}  // namespace cosim
