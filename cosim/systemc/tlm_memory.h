// A TLM-2.0 memory target: sparse 32-bit words over the 34-bit physical
// space, blocking transport that annotates its latency (loosely timed, it
// never calls wait()), bus-error regions that answer
// TLM_ADDRESS_ERROR_RESPONSE, debug transport, and a C++ backdoor.
//
//   pwsc::TlmMemory memory("memory", pwsc::MemoryTiming{});
//   memory.add_error_region(0xf0000000, 4096, pwsc::ErrorOn::ReadsAndWrites);
//   initiator.socket.bind(memory.socket);
#ifndef PAGEWALK_SC_TLM_MEMORY_H
#define PAGEWALK_SC_TLM_MEMORY_H

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>
#include <unordered_map>
#include <vector>

#include "backdoor_memory.h"
#include "rng.h"

namespace pwsc {

// The delay each transaction annotates: uniform in [min_latency,
// max_latency], or slow_latency for slow_per_mille of them. Seeded.
struct MemoryTiming {
    sc_core::sc_time min_latency = sc_core::sc_time(5, sc_core::SC_NS);
    sc_core::sc_time max_latency = sc_core::sc_time(25, sc_core::SC_NS);
    unsigned slow_per_mille = 0;
    sc_core::sc_time slow_latency = sc_core::sc_time(500, sc_core::SC_NS);
    uint64_t seed = 1;
};

// What the memory has served (transactions through the socket only).
struct MemoryStats {
    uint64_t reads = 0, writes = 0, errors = 0;
};

class TlmMemory : public sc_core::sc_module, public BackdoorMemory {
  public:
    static constexpr uint64_t kAddressBits = 34;

    tlm_utils::simple_target_socket<TlmMemory> socket;

    TlmMemory(sc_core::sc_module_name name, const MemoryTiming &timing);

    uint32_t peek_word(uint64_t addr) const override;
    void poke_word(uint64_t addr, uint32_t value) override;
    void add_error_region(uint64_t base, uint64_t bytes, ErrorOn on) override;
    bool is_error(uint64_t addr, bool write) const override;

    const MemoryStats &stats() const { return stats_; }

  private:
    struct ErrorRegion {
        uint64_t base, bytes;
        ErrorOn on;
    };

    // Blocking transport: move the data, or answer a bus error; add the latency.
    void b_transport(tlm::tlm_generic_payload &tx, sc_core::sc_time &delay);
    // Debug transport: move the data, no errors, no time; returns bytes moved.
    unsigned int transport_dbg(tlm::tlm_generic_payload &tx);
    // The response status a well-formed transaction would get (errors, limits).
    tlm::tlm_response_status check(const tlm::tlm_generic_payload &tx, bool honour_errors) const;
    // Copy tx's bytes into or out of the words (little-endian lanes).
    void move_data(tlm::tlm_generic_payload &tx);
    sc_core::sc_time next_latency();

    std::unordered_map<uint64_t, uint32_t> words_;  // word address -> value
    std::vector<ErrorRegion> errors_;
    MemoryTiming timing_;
    cosim::Rng rng_;
    MemoryStats stats_;
};

}  // namespace pwsc

#endif
