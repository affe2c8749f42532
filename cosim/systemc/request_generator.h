// The request generator: a TLM initiator that drives the MMU's translate
// socket with seeded random traffic in a TransactionWorld: translations of
// every privilege and access, context switches (ASIDs, bare mode, SUM, MXR),
// pure sfences of all four forms, and page-table changes, each followed by
// the sfences that cover it. Every completed transaction goes to the
// Scoreboard; after the requested number of translations it stops the
// simulation. It first checks that malformed transactions are refused.
#ifndef PAGEWALK_SC_REQUEST_GENERATOR_H
#define PAGEWALK_SC_REQUEST_GENERATOR_H

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "transaction_world.h"
#include "rng.h"
#include "scoreboard.h"
#include "translation_extension.h"

namespace pwsc {

struct GeneratorConfig {
    uint64_t seed = 1;
    uint64_t translations = 10000;
    sc_core::sc_time clock_period = sc_core::sc_time(10, sc_core::SC_NS);
};

struct GeneratorStats {
    uint64_t translations = 0, walks = 0, sfences = 0, table_changes = 0, context_switches = 0;
    uint64_t cycles_in_translations = 0;
};

class RequestGenerator : public sc_core::sc_module {
  public:
    sc_core::sc_in<bool> rst_n;
    tlm_utils::simple_initiator_socket<RequestGenerator> socket;

    RequestGenerator(sc_core::sc_module_name name, TransactionWorld &world, Scoreboard &scoreboard,
                     const GeneratorConfig &config);

    const GeneratorStats &stats() const { return stats_; }

  private:
    // The generator's thread: the whole run.
    void run();
    // One translation through the socket, checked by the scoreboard.
    void translate(const Request &request);
    // One sfence.vma through the socket.
    void sfence(const Sfence &sfence);
    // The socket must refuse what it cannot mean (no extension, a command
    // that contradicts the access) with TLM_COMMAND_ERROR_RESPONSE.
    void expect_refusals();
    // The initiator's local time offset for the next transaction (often 0).
    sc_core::sc_time next_delay();

    TransactionWorld &world_;
    Scoreboard &scoreboard_;
    GeneratorConfig config_;
    cosim::Rng rng_;
    unsigned change_per_mille_, sfence_per_mille_, switch_per_mille_, delay_percent_;
    GeneratorStats stats_;
};

}  // namespace pwsc

#endif
