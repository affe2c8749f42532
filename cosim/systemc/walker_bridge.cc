// The walker's valid/ready memory port turned into TLM-2.0 blocking transport.
#include "walker_bridge.h"

#include <cmath>
#include <cstring>

namespace pwsc {

WalkerBridge::WalkerBridge(sc_core::sc_module_name name, const BridgeConfig &config)
    : sc_core::sc_module(name), clk("clk"), rst_n("rst_n"), mem_req_valid("mem_req_valid"),
      mem_req_ready("mem_req_ready"), mem_req_addr("mem_req_addr"), mem_req_we("mem_req_we"),
      mem_req_wdata("mem_req_wdata"), mem_resp_valid("mem_resp_valid"), mem_resp_rdata("mem_resp_rdata"),
      mem_resp_err("mem_resp_err"), socket("socket"), config_(config), rng_(config.seed)
{
    SC_HAS_PROCESS(WalkerBridge);
    SC_THREAD(serve);
}

bool WalkerBridge::next_edge()
{
    wait(clk.posedge_event());
    return rst_n.read();
}

void WalkerBridge::serve()
{
    mem_resp_valid.write(false);
    mem_req_ready.write(false);
    for (;;) {
        // Sampled at this edge: what the MMU presented in the cycle that ends.
        bool running = next_edge();
        if (running && mem_req_valid.read() && mem_req_ready.read()) {
            mem_req_ready.write(false);
            answer();
            continue;
        }
        mem_req_ready.write(running && rng_.percent(config_.ready_percent));
    }
}

void WalkerBridge::answer()
{
    uint32_t word = mem_req_we.read() ? mem_req_wdata.read() : 0;
    unsigned char data[4];
    memcpy(data, &word, sizeof data);
    tlm::tlm_generic_payload tx;
    tx.set_command(mem_req_we.read() ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    tx.set_address(mem_req_addr.read());
    tx.set_data_ptr(data);
    tx.set_data_length(4);
    tx.set_streaming_width(4);
    tx.set_byte_enable_ptr(nullptr);
    tx.set_dmi_allowed(false);
    tx.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);

    const sc_core::sc_time handshake = sc_core::sc_time_stamp();
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    socket->b_transport(tx, delay);
    sc_core::sc_time taken = sc_core::sc_time_stamp() - handshake + delay;
    auto cycles = uint64_t(std::ceil(taken / config_.clock_period));
    if (cycles < 1)
        cycles = 1;
    stats_.transactions++;
    stats_.latency_cycles += cycles;

    // The pulse is driven from the edge cycles - 1 periods after the handshake
    // (a target that called wait() may have left us between edges).
    const sc_core::sc_time due = handshake + config_.clock_period * double(cycles - 1);
    while (sc_core::sc_time_stamp() < due || !clk.posedge()) {
        if (!next_edge())
            return;  // reset: the walk is abandoned
        if (mem_req_valid.read())
            stats_.protocol_errors++;
    }
    memcpy(&word, data, sizeof word);
    bool ok = tx.get_response_status() == tlm::TLM_OK_RESPONSE;
    mem_resp_valid.write(true);
    mem_resp_rdata.write(ok && tx.is_read() ? word : 0);
    mem_resp_err.write(!ok);
    bool running = next_edge();
    mem_resp_valid.write(false);
    mem_resp_err.write(false);
    if (running && mem_req_valid.read())
        stats_.protocol_errors++;
    mem_req_ready.write(running && rng_.percent(config_.ready_percent));
}

}  // namespace pwsc
