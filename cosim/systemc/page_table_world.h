// The random world the request generator makes the MMU walk: four address
// spaces with their own ASIDs and root tables, shared level-0 tables, PTEs of
// every mix, bus-error regions, and the requests and table changes made in
// it. Built in memory through the backdoor; plain C++, no SystemC.
//
// Rules that keep every answer exactly checkable (docs/systemc.md):
// - VPN[1] 0x000-0x2ff is user space: per-space root entries, user level-0
//   tables only, never G. VPN[1] 0x300-0x3ff is kernel space: root entries
//   identical in every root; G allowed. Kernel megapages come with A and D set,
//   since a write-back would update only one of the copies.
// - A table change comes with the sfences that cover it (change_tables()),
//   and is made only while the MMU is idle.
#ifndef PAGEWALK_SC_PAGE_TABLE_WORLD_H
#define PAGEWALK_SC_PAGE_TABLE_WORLD_H

#include <cstdint>
#include <vector>

#include "backdoor_memory.h"
#include "rng.h"
#include "translation.h"

namespace pwsc {

class PageTableWorld {
  public:
    PageTableWorld(BackdoorMemory &memory, uint64_t seed);

    // Write the tables and declare the error regions; once, before the run.
    void build();
    // A request in the current context: mostly recent or mapped VAs.
    Request next_request();
    // Note how a request ended: VAs that translated are asked again (TLB hits).
    void remember(const Request &request, const Outcome &outcome);
    // Switch address space (sometimes to bare mode), or flip SUM or MXR.
    void switch_context();
    // Rewrite one PTE; returns the sfences that must follow, before any
    // further translation, for the TLB to be allowed no stale entry.
    std::vector<Sfence> change_tables();
    // A flush of any of the four forms (always safe: it only costs walks).
    Sfence random_sfence();

  private:
    struct Space {
        uint64_t root;  // physical address of the root table
        uint32_t asid;
    };
    uint32_t random_leaf(bool kernel, bool megapage);
    uint32_t random_root_entry(bool kernel);
    uint32_t random_l0_entry(bool kernel);
    uint32_t junk(bool kernel);
    void write_root_entry(unsigned space, unsigned vpn1, uint32_t value);
    // The sfence that covers a change of a root entry (old: its value before).
    Sfence cover_root_change(unsigned vpn1, uint32_t old, uint32_t asid);
    // The sfences that cover a change of the level-0 entry vpn0 of table t.
    std::vector<Sfence> cover_l0_change(unsigned t, unsigned vpn0);
    uint32_t pick_va(bool *kernel);
    uint32_t satp() const;

    BackdoorMemory &memory_;
    cosim::Rng rng_;
    std::vector<Space> spaces_;
    std::vector<uint64_t> l0_tables_;  // user tables first, then kernel tables
    std::vector<unsigned> user_vpn1_, kernel_vpn1_, vpn0_;
    uint32_t recent_[16] = {};
    unsigned recent_count_ = 0;
    unsigned space_ = 0;
    bool bare_ = false, sum_ = false, mxr_ = false;
};

}  // namespace pwsc

#endif
