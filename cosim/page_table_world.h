// The random page-table world the MMU walks: four address spaces with their
// own ASIDs and root tables, shared level-0 tables, PTEs of every mix,
// bus-error words, the context the MMU runs in, the VAs worth asking for, and
// changes to the tables with the sfences that cover them. One world for every
// random driver: the per-cycle driver of pagewalk-cosim (cosim/stimulus.h,
// which also records runs as .stim files) and the TLM request generator of
// pagewalk-sc (cosim/systemc). Plain C++; no Verilator, no SystemC.
//
// Rules that keep every answer exactly checkable (docs/cosim.md, "The world"):
// - VPN[1] 0x000-0x2ff is user space: per-space root entries reaching user
//   level-0 tables only, never G. VPN[1] 0x300-0x3ff is kernel space: root
//   entries identical in every root; G allowed. Kernel megapages come with A
//   and D set, since a Svadu write-back would update only one of the copies.
// - A table change is made only while the MMU is idle and comes with the
//   sfences that cover it, before any further translation.
//
//   Rng rng(seed);
//   PageTableWorld world(memory, rng, WorldStyle::per_cycle());
//   world.build();
//   bool kernel;
//   uint32_t va = world.pick_va(&kernel);
//   Sfence cover = world.change_tables_one_sfence();
#ifndef PAGEWALK_COSIM_PAGE_TABLE_WORLD_H
#define PAGEWALK_COSIM_PAGE_TABLE_WORLD_H

#include <cstdint>
#include <utility>
#include <vector>

#include "pagewalk_shim.h"
#include "rng.h"

namespace cosim {

// Where the world keeps its tables: a memory of 32-bit words, written
// without timing, with bus errors that the world declares.
class WorldMemory {
  public:
    virtual ~WorldMemory() = default;
    // The word at a word-aligned address (0 when unwritten or an error word).
    virtual uint32_t peek(uint64_t addr) const = 0;
    virtual void poke(uint64_t addr, uint32_t value) = 0;
    // Make [base, base + bytes) answer every access, or writes only, with a bus error.
    virtual void add_error(uint64_t base, uint64_t bytes, bool writes_only) = 0;
};

// One sfence.vma: va = rs1 unless all_va, asid = rs2 unless all_asid.
struct Sfence {
    uint32_t va = 0;
    uint32_t asid = 0;
    bool all_va = true;
    bool all_asid = true;
};

// The odds a driver asks of the world. Two styles exist, one per driver,
// because every seed's run is defined by them: changing a number here
// changes what each seed of that driver does (and its recorded figures).
struct WorldStyle {
    // Leaf R/W/X: 95% of leaves take one of perms[0, common_perms); the rest
    // one of perms[rare_from, perms.size()).
    std::vector<uint32_t> perms;
    unsigned common_perms, rare_from;
    // Chance (%) that a leaf has U (user space, kernel space), A and D.
    unsigned user_u_percent, kernel_u_percent, a_percent, d_percent;
    // The mapped VPN[1]s are drawn without repeats.
    bool distinct_vpn1;
    // The page-offset bits a mapped VA draws (0xffc: word-aligned).
    uint32_t offset_mask;
    // Which VAs are asked again, to make TLB hits: every mapped VA picked
    // (RecentPicks), or those remember()ed after they translated.
    enum class Reuse : uint8_t { RecentPicks, RecentSuccesses } reuse;
    unsigned reuse_percent;
    // A request in user space comes from U-mode this often (%), else from S
    // (the other way round in kernel space); 5% of requests come from M.
    unsigned owner_priv_percent;
    // Steer towards the coverage targets (docs/coverage.md, "Steering"):
    // the root and level-0 tables, one per 1 GiB region of the 34-bit space
    // in a fresh order each seed (else at 0x8000_0000 on); address spaces
    // whose ASIDs lie one bit apart; misaligned megapages with one bit of
    // PPN[0] set; bus errors on root entries, on reads and on write-backs.
    bool steer;

    static WorldStyle per_cycle();    // pagewalk-cosim's driver
    static WorldStyle transaction();  // pagewalk-sc's request generator
};

class PageTableWorld {
  public:
    // The world draws from rng, which the driver may share.
    PageTableWorld(WorldMemory &memory, Rng &rng, const WorldStyle &style);

    // Write the tables and declare the error words; once, before the run.
    void build();

    // The context inputs: satp (of the current space, or bare), SUM, MXR.
    uint32_t satp() const;
    bool sum() const { return sum_; }
    bool mxr() const { return mxr_; }
    // Switch address space (sometimes to bare mode), or flip SUM or MXR.
    void switch_context();

    // A VA to translate: mostly one asked before (TLB hits) or a mapped one,
    // sometimes anything. *kernel: it lies in kernel space.
    uint32_t pick_va(bool *kernel);
    // The privilege of a request to a VA (PW_PRIV_*_VALUE): mostly the one
    // that owns the region, so that most walks can succeed.
    unsigned pick_priv(bool kernel);
    // The access of a request (PW_MMU_ACCESS_*) from a roll of 0 to 99:
    // 45% loads, 35% stores, 20% fetches.
    static unsigned access_for(unsigned roll);
    // With Reuse::RecentSuccesses: va translated, ask for it again.
    void remember(uint32_t va);
    // The ASID of a random address space.
    uint32_t random_space_asid();

    // A flush of a random form (always safe: it only costs walks). With
    // Reuse::RecentPicks, fallback_asid is the ASID it names when it does not
    // pick a space's; otherwise it draws one.
    Sfence random_sfence(uint32_t fallback_asid);
    // Rewrite one PTE; returns the one sfence that covers it (for a driver
    // that issues the change and its flush in the same cycle).
    Sfence change_tables_one_sfence();
    // Rewrite one PTE; returns the sfences that cover it, each as narrow as
    // the change allows.
    std::vector<Sfence> change_tables();

  private:
    struct Space {
        uint64_t root;  // physical address of the root table
        uint32_t asid;
    };
    void place_tables();
    void choose_asids();
    uint32_t random_leaf(bool kernel, bool megapage);
    uint32_t random_root_entry(bool kernel);
    uint32_t random_l0_entry(bool kernel);
    uint32_t junk(bool kernel);
    void draw_vpn1s(std::vector<unsigned> &out, unsigned count, unsigned first, unsigned span);
    void write_root_entry(unsigned space, unsigned vpn1, uint32_t value);
    std::vector<std::pair<unsigned, unsigned>> roots_reaching(unsigned t, bool conservative) const;
    Sfence cover_root_change(unsigned vpn1, uint32_t old, uint32_t asid);
    std::vector<Sfence> cover_l0_change(unsigned t, unsigned vpn0);
    bool recent_ready() const;
    uint32_t recent_va();

    WorldMemory &memory_;
    Rng &rng_;
    WorldStyle style_;
    std::vector<Space> spaces_;
    std::vector<uint64_t> l0_tables_;  // user tables first, then kernel tables
    uint64_t error_table_ = 0;         // a "table" whose every word is a bus error
    std::vector<unsigned> user_vpn1_, kernel_vpn1_, vpn0_;
    uint32_t recent_[16] = {};
    unsigned recent_count_ = 0;        // VAs put into recent_ so far
    unsigned space_ = 0;
    unsigned misaligned_bit_ = 0;      // steered: the PPN[0] bit the next misaligned megapage sets
    bool bare_ = false, sum_ = false, mxr_ = false;
};

}  // namespace cosim

#endif
