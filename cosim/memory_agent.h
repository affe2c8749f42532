// The walker's memory: answers the MMU's memory port with seeded random
// back-pressure and latency, and bus errors where the world put them.
#ifndef PAGEWALK_COSIM_MEMORY_AGENT_H
#define PAGEWALK_COSIM_MEMORY_AGENT_H

#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pagewalk_shim.h"
#include "rng.h"

namespace cosim {

struct MemoryTiming {
    unsigned ready_percent = 70;     // chance the port takes a request in a cycle
    unsigned max_latency = 4;        // cycles from handshake to response, at least 1
    unsigned slow_per_mille = 10;    // chance of a slow response
    unsigned slow_latency = 40;      // ... of up to this many cycles
};

class MemoryAgent {
  public:
    MemoryAgent(pw_sparse_mem *mem, uint64_t seed, MemoryTiming timing);

    // Words where a write (only) is a bus error; reads are fine.
    void add_write_error(uint64_t addr) { write_errors_.insert(addr); }
    bool is_write_error(uint64_t addr) const { return write_errors_.count(addr) != 0; }

    // Fill this cycle's memory inputs from the MMU's outputs. Performs the
    // access at the handshake; the response comes at least a cycle later.
    // Returns false (with why()) if the MMU broke the port protocol.
    bool drive(uint64_t cycle, const pw_mmu_outputs &out, pw_mmu_inputs *in);
    // Reset: forget the outstanding access.
    void reset() { pending_ = false; }

    // What the last handshake did, for the event log.
    bool handshake() const { return handshake_; }
    bool busy() const { return pending_; }
    // The outstanding access is a write (an A/D write-back).
    bool busy_writing() const { return pending_ && pending_we_; }
    // drive() will answer the outstanding access in this cycle.
    bool answers_in(uint64_t cycle) const { return pending_ && cycle == due_; }
    const std::string &why() const { return why_; }

    uint64_t reads = 0, writes = 0, errors = 0;
    // When set, each handshake appends {cycles waited, latency}: a stimulus plan.
    std::vector<std::pair<unsigned, unsigned>> *plan_log = nullptr;
    const std::unordered_set<uint64_t> &write_errors() const { return write_errors_; }

  private:
    pw_sparse_mem *mem_;
    Rng rng_;
    MemoryTiming timing_;
    std::unordered_set<uint64_t> write_errors_;
    bool pending_ = false, pending_we_ = false;
    uint64_t due_ = 0;
    uint32_t rdata_ = 0;
    bool err_ = false;
    bool handshake_ = false;
    unsigned waited_ = 0;
    std::string why_;
};

}  // namespace cosim

#endif
