// pagewalk-sc links the two A/D policies at hit latency 1, and one of each at
// 2 and 3; --ad picks a policy's one-cycle build (Svade by default), --build
// any build by name.
#include "verilated_mmu.h"

namespace pwsc {

std::vector<VerilatedMmuBuild> linked_mmu_builds()
{
    return {verilated_mmu_svade(), verilated_mmu_svadu(), verilated_mmu_svade_l2(), verilated_mmu_svadu_l3()};
}

}  // namespace pwsc
