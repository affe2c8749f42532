// The random world's steering (cosim/page_table_world.h, docs/coverage.md
// "Steering"): where the tables lie and which ASIDs the spaces get, seen
// through the memory the world writes and the ASIDs it hands out.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "page_table_world.h"

namespace {

// A memory that records the pages the world writes.
class RecordingMemory : public cosim::WorldMemory {
  public:
    uint32_t peek(uint64_t addr) const override
    {
        auto it = words.find(addr);
        return it == words.end() ? 0 : it->second;
    }
    void poke(uint64_t addr, uint32_t value) override { words[addr] = value; }
    void add_error(uint64_t base, uint64_t bytes, bool writes_only) override
    {
        (void)bytes;
        (writes_only ? write_errors : errors).insert(base);
    }
    std::map<uint64_t, uint32_t> words;
    std::set<uint64_t> errors, write_errors;
};

std::set<uint32_t> asids_of(cosim::PageTableWorld &w)
{
    std::set<uint32_t> asids;
    for (int i = 0; i < 1000; i++)
        asids.insert(w.random_space_asid());
    return asids;
}

TEST(World, SteeredTablesLieOneInEachGibOfThe34BitSpace)
{
    for (uint64_t seed = 1; seed <= 5; seed++) {
        RecordingMemory mem;
        cosim::Rng rng(seed);
        cosim::PageTableWorld world(mem, rng, cosim::WorldStyle::per_cycle());
        world.build();
        std::set<uint64_t> regions;
        for (const auto &w : mem.words)
            regions.insert(w.first >> 30);
        EXPECT_EQ(regions.size(), 16u) << "seed " << seed << ": tables in every region, above 4 GiB too";
        EXPECT_FALSE(mem.write_errors.empty());
    }
}

TEST(World, SteeredAsidsLieOneBitApart)
{
    RecordingMemory mem;
    cosim::Rng rng(3);
    cosim::PageTableWorld world(mem, rng, cosim::WorldStyle::per_cycle());
    world.build();
    std::set<uint32_t> asids = asids_of(world);
    ASSERT_EQ(asids.size(), 4u);
    // One of them (space 0) is a single bit away from each of the other three.
    bool found = false;
    for (uint32_t a : asids) {
        unsigned near = 0;
        for (uint32_t b : asids)
            near += __builtin_popcount(a ^ b) == 1;
        found = found || near == 3;
    }
    EXPECT_TRUE(found);
}

TEST(World, TheTransactionStyleIsNotSteered)
{
    RecordingMemory mem;
    cosim::Rng rng(3);
    cosim::PageTableWorld world(mem, rng, cosim::WorldStyle::transaction());
    world.build();
    for (const auto &w : mem.words)
        EXPECT_EQ(w.first >> 20, 0x800u) << std::hex << w.first << ": tables at 0x8000_0000 on, as ever";
}

}  // namespace
