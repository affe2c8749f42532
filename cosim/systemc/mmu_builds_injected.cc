// pagewalk-sc-bug links only the build with a deliberately injected bug.
#include "verilated_mmu.h"

namespace pwsc {

std::vector<VerilatedMmuBuild> linked_mmu_builds()
{
    return {verilated_mmu_injected_bug()};
}

}  // namespace pwsc
