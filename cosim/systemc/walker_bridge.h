// The pin-to-TLM bridge for the MMU's walker memory port (docs/mmu.md,
// "Memory port protocol"): each valid/ready handshake becomes one 4-byte
// b_transport on the initiator socket, and its answer comes back as the
// one-cycle mem_resp_valid pulse, as many cycles after the handshake as the
// transaction took: the time b_transport consumed plus the delay it
// annotated, rounded up to whole clock cycles, at least one.
//
// A non-OK response status becomes mem_resp_err. Back-pressure: while idle,
// mem_req_ready is raised in each cycle with probability ready_percent.
#ifndef PAGEWALK_SC_WALKER_BRIDGE_H
#define PAGEWALK_SC_WALKER_BRIDGE_H

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "rng.h"

namespace pwsc {

struct BridgeConfig {
    sc_core::sc_time clock_period = sc_core::sc_time(10, sc_core::SC_NS);
    unsigned ready_percent = 100;  // 100: mem_req_ready whenever idle
    uint64_t seed = 1;             // for the back-pressure pattern
};

struct BridgeStats {
    uint64_t transactions = 0;     // handshakes served
    uint64_t latency_cycles = 0;   // their latencies, summed
    uint64_t protocol_errors = 0;  // mem_req_valid while a request was outstanding
};

class WalkerBridge : public sc_core::sc_module {
  public:
    sc_core::sc_in<bool> clk;
    sc_core::sc_in<bool> rst_n;
    // the MMU's walker memory port, seen from the memory side
    sc_core::sc_in<bool> mem_req_valid;
    sc_core::sc_out<bool> mem_req_ready;
    sc_core::sc_in<uint64_t> mem_req_addr;
    sc_core::sc_in<bool> mem_req_we;
    sc_core::sc_in<uint32_t> mem_req_wdata;
    sc_core::sc_out<bool> mem_resp_valid;
    sc_core::sc_out<uint32_t> mem_resp_rdata;
    sc_core::sc_out<bool> mem_resp_err;

    tlm_utils::simple_initiator_socket<WalkerBridge> socket;

    WalkerBridge(sc_core::sc_module_name name, const BridgeConfig &config);

    const BridgeStats &stats() const { return stats_; }

  private:
    // The bridge's one thread: wait for handshakes, serve each.
    void serve();
    // One handshake: the transaction, then the response pulse on time.
    void answer();
    // Wait for the next rising edge; false when reset is asserted there.
    bool next_edge();

    BridgeConfig config_;
    cosim::Rng rng_;
    BridgeStats stats_;
};

}  // namespace pwsc

#endif
