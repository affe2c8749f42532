// pagewalk-sc links the two A/D policies; --ad picks one (Svade by default).
#include "verilated_mmu.h"

namespace pwsc {

std::vector<VerilatedMmuBuild> linked_mmu_builds()
{
    return {verilated_mmu_svade(), verilated_mmu_svadu()};
}

}  // namespace pwsc
