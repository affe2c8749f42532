// The random page-table world (cosim/page_table_world.h) as the request
// generator sees it: requests, outcomes and sfences in the TLM face's terms,
// the tables in the platform's memory through its backdoor. Plain C++, no
// SystemC. The world draws from a stream of its own, seeded by the run's seed.
#ifndef PAGEWALK_SC_TRANSACTION_WORLD_H
#define PAGEWALK_SC_TRANSACTION_WORLD_H

#include <cstdint>
#include <vector>

#include "backdoor_memory.h"
#include "page_table_world.h"
#include "rng.h"
#include "translation.h"

namespace pwsc {

class TransactionWorld {
  public:
    TransactionWorld(BackdoorMemory &memory, uint64_t seed);

    // Write the tables and declare the error regions; once, before the run.
    void build() { world_.build(); }
    // A request in the current context: mostly recent or mapped VAs.
    Request next_request();
    // Note how a request ended: VAs that translated are asked again (TLB hits).
    void remember(const Request &request, const Outcome &outcome);
    // Switch address space (sometimes to bare mode), or flip SUM or MXR.
    void switch_context() { world_.switch_context(); }
    // Rewrite one PTE; returns the sfences that must follow, before any
    // further translation, for the TLB to be allowed no stale entry.
    std::vector<Sfence> change_tables() { return world_.change_tables(); }
    // A flush of any of the four forms (always safe: it only costs walks).
    Sfence random_sfence() { return world_.random_sfence(0); }

  private:
    // The backdoor, as the world's memory.
    class Memory : public cosim::WorldMemory {
      public:
        explicit Memory(BackdoorMemory &backdoor) : backdoor_(backdoor) {}
        uint32_t peek(uint64_t addr) const override { return backdoor_.peek_word(addr); }
        void poke(uint64_t addr, uint32_t value) override { backdoor_.poke_word(addr, value); }
        void add_error(uint64_t base, uint64_t bytes, bool writes_only) override
        {
            backdoor_.add_error_region(base, bytes, writes_only ? ErrorOn::Writes : ErrorOn::ReadsAndWrites);
        }

      private:
        BackdoorMemory &backdoor_;
    };

    Memory memory_;
    cosim::Rng rng_;
    cosim::PageTableWorld world_;
};

}  // namespace pwsc

#endif
