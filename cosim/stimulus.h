// Seeded random stimulus for the MMU, cycle by cycle: requests, context
// switches, sfences of all four forms, and page-table changes, in the world
// of cosim/page_table_world.h.
//
// Every page-table change is made while the MMU is idle and comes, in the
// same cycle, with an sfence that covers it (as software must), so each
// response can be checked exactly against the architectural model.
// docs/cosim.md describes the world.
#ifndef PAGEWALK_COSIM_STIMULUS_H
#define PAGEWALK_COSIM_STIMULUS_H

#include <cstdint>
#include <vector>

#include "memory_agent.h"
#include "page_table_world.h"
#include "pagewalk_shim.h"
#include "rng.h"

namespace cosim {

// How often things happen; drawn per seed so seeds differ in character.
struct StimulusRates {
    unsigned request_percent;     // a new request in a free cycle
    unsigned reuse_percent;       // ... to a recently used VA (TLB hits)
    unsigned sfence_per_mille;    // a pure flush, any cycle
    unsigned change_per_mille;    // a page-table change, when idle
    unsigned switch_per_mille;    // a satp / SUM / MXR change, when idle
    unsigned reset_per_million;   // a reset in the middle of the run
    // Steering (docs/coverage.md, "Steering"): resets and flushes aimed at
    // the walker's states, and flushes in the cycle a walk may fill.
    unsigned walk_reset_per_million;    // a reset, each cycle a PTE read is in progress
    unsigned write_reset_per_mille;     // a reset, each cycle an A/D write-back is in progress
    unsigned write_sfence_per_mille;    // a flush, each cycle an A/D write-back is in progress
    unsigned answer_sfence_per_mille;   // a flush in a cycle the memory answers the walker
    // The world's odds, drawn per seed around WorldStyle::per_cycle()'s, so
    // that some seeds ask from the other privilege, map more pages without
    // U, or leave A and D clear more often (the rarer translations).
    unsigned owner_priv_percent, user_u_percent, a_percent, d_percent;
};

class Stimulus {
  public:
    Stimulus(uint64_t seed, pw_sparse_mem *mem, MemoryAgent *agent);

    // This cycle's inputs other than the memory port. idle: nothing is
    // outstanding and the walker is idle, so tables and context may change.
    // out: the MMU's outputs in this cycle, which with the memory agent's
    // state tell the walker's phase (for the steered resets and flushes).
    void drive(uint64_t cycle, bool idle, const pw_mmu_outputs &out, pw_mmu_inputs *in);
    // The request driven this cycle was accepted.
    void accepted() { holding_ = false; }
    // A reset happened: drop the request being held.
    void reset() { holding_ = false; }
    // Leave out what a stimulus file cannot state: table changes, resets.
    void for_recording()
    {
        rates_.change_per_mille = 0;
        rates_.reset_per_million = 0;
        rates_.walk_reset_per_million = 0;
        rates_.write_reset_per_mille = 0;
    }
    // A new request was presented by the last drive().
    bool new_request() const { return new_request_; }

    // What the last drive() did, for the event log.
    bool changed_tables() const { return changed_; }
    bool switched() const { return switched_; }
    bool resetting() const { return resetting_; }
    const StimulusRates &rates() const { return rates_; }

    uint64_t sfences = 0, changes = 0, switches = 0, resets = 0;

  private:
    // The world's tables live in the run's memory; write-only errors in the agent.
    class Memory : public WorldMemory {
      public:
        Memory(pw_sparse_mem *mem, MemoryAgent *agent) : mem_(mem), agent_(agent) {}
        uint32_t peek(uint64_t addr) const override;
        void poke(uint64_t addr, uint32_t value) override;
        void add_error(uint64_t base, uint64_t bytes, bool writes_only) override;

      private:
        pw_sparse_mem *mem_;
        MemoryAgent *agent_;
    };

    Rng rng_;                // one stream for the rates, the world and the driver
    StimulusRates rates_;
    MemoryAgent *agent_;
    Memory memory_;
    PageTableWorld world_;

    // the request being presented until accepted
    bool holding_ = false;
    uint32_t req_va_ = 0;
    unsigned req_access_ = 0, req_priv_ = 0;
    bool changed_ = false, switched_ = false, resetting_ = false, new_request_ = false;
};

}  // namespace cosim

#endif
