// The example platform (docs/systemc.md): the MMU's TLM face between a
// request generator and a TLM memory, with a scoreboard on its pins.
//
//     RequestGenerator --translate_socket--> TlmMmu --memory_socket--> TlmMemory
//          |  (tables through the backdoor)   | pins                     ^
//          +---> TransactionWorld ------------|-------------------------+
//                                             v                         |
//                                        Scoreboard -- backdoor reads --+
#ifndef PAGEWALK_SC_EXAMPLE_PLATFORM_H
#define PAGEWALK_SC_EXAMPLE_PLATFORM_H

#include <cstdint>
#include <string>
#include <systemc>

#include "transaction_world.h"
#include "request_generator.h"
#include "scoreboard.h"
#include "tlm_memory.h"
#include "tlm_mmu.h"
#include "verilated_mmu.h"

namespace pwsc {

struct PlatformConfig {
    uint64_t seed = 1;
    uint64_t translations = 10000;
    std::string reproduce;  // the command line that reruns this run
};

class ExamplePlatform : public sc_core::sc_module {
  public:
    static constexpr double kClockNs = 10;

    sc_core::sc_clock clock;
    sc_core::sc_signal<bool> reset_n;
    TlmMemory memory;
    TlmMmu mmu;
    Scoreboard scoreboard;
    TransactionWorld world;
    RequestGenerator generator;

    ExamplePlatform(sc_core::sc_module_name name, const VerilatedMmuBuild &build, const PlatformConfig &config);

  private:
    // Hold reset for the first cycles, then release it.
    void drive_reset();
};

}  // namespace pwsc

#endif
