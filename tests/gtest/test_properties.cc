// Properties every translation must have, on random page tables. These
// complement the directed cases (exact outcomes) and the QEMU reference.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

#include "pagewalk_shim.h"

namespace {

// A memory that counts writes and can tell whether anything changed.
struct MapMemory {
    struct Write {
        uint64_t addr;
        uint32_t before, after;
    };
    std::map<uint64_t, uint32_t> words;
    std::vector<Write> changes;  // successful writes, in order
    unsigned writes = 0;         // attempted writes
    static bool read(void *ctx, uint64_t pa, uint32_t *v)
    {
        auto &w = static_cast<MapMemory *>(ctx)->words;
        auto it = w.find(pa);
        *v = it == w.end() ? 0 : it->second;
        return pa < 0x90000000ull;  // above that, a bus error
    }
    static bool write(void *ctx, uint64_t pa, uint32_t v)
    {
        auto *m = static_cast<MapMemory *>(ctx);
        m->writes++;
        if (pa >= 0x90000000ull)
            return false;
        m->changes.push_back({pa, m->words[pa], v});
        m->words[pa] = v;
        return true;
    }
    pw_mem port() { return pw_mem{this, read, write}; }
};

constexpr uint64_t kRoot = 0x80000000u;

// Random tables: a root whose entries point into 8 level-0 tables (or are
// random leaves, or junk), level-0 entries with random flags and PPNs.
MapMemory random_tables(std::mt19937 &rng)
{
    MapMemory m;
    std::uniform_int_distribution<uint32_t> any;
    for (uint32_t i = 0; i < 1024; i++) {
        uint32_t r = any(rng);
        uint32_t table = 0x80001 + (r % 9);  // table 9 is at 0x8000a000: never filled
        if (r % 4 != 0)
            m.words[kRoot + 4 * i] = table << 10 | PW_PTE_V | (r & PW_PTE_G);
        else
            m.words[kRoot + 4 * i] = any(rng);
        if (r % 97 == 0)
            m.words[kRoot + 4 * i] = 0x90000u << 10 | PW_PTE_V;  // pointer to bus-error land
    }
    for (uint32_t t = 0; t < 8; t++)
        for (uint32_t i = 0; i < 1024; i++)
            m.words[kRoot + 0x1000 * (t + 1) + 4 * i] = any(rng) | ((any(rng) & 3) ? PW_PTE_V : 0);
    return m;
}

uint32_t allowed_causes(pw_access a, uint32_t cause)
{
    switch (a) {
    case PW_ACCESS_LOAD: return cause == 5 || cause == 13;
    case PW_ACCESS_STORE: return cause == 7 || cause == 15;
    default: return cause == 1 || cause == 12;
    }
}

TEST(Properties, HoldOnRandomTables)
{
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<uint32_t> any;
    const pw_access accesses[] = {PW_ACCESS_LOAD, PW_ACCESS_STORE, PW_ACCESS_FETCH};
    const pw_priv privs[] = {PW_PRIV_U, PW_PRIV_S, PW_PRIV_M};
    unsigned successes = 0, faults = 0, writebacks = 0;
    for (int round = 0; round < 20; round++) {
        MapMemory m = random_tables(rng);
        for (int i = 0; i < 2000; i++) {
            pw_context ctx{PW_SATP_MODE | (any(rng) & (PW_SATP_ASID_MASK << PW_SATP_ASID_SHIFT)) |
                               0x80000u,
                           privs[any(rng) % 3], bool(any(rng) & 1), bool(any(rng) & 1),
                           (any(rng) & 1) ? PW_AD_SVADU : PW_AD_SVADE};
            uint32_t va = any(rng);
            pw_access acc = accesses[any(rng) % 3];
            m.changes.clear();
            unsigned writes_before = m.writes;
            pw_mem port = m.port();
            pw_result r;
            pw_translate(&ctx, &port, va, acc, &r);
            SCOPED_TRACE(testing::Message() << std::hex << "va 0x" << va << " satp 0x" << ctx.satp);

            if (ctx.priv == PW_PRIV_M) {
                EXPECT_FALSE(r.fault);
                EXPECT_EQ(r.pa, va);
                EXPECT_EQ(r.nsteps, 0u);
            }
            if (r.fault) {
                faults++;
                EXPECT_TRUE(allowed_causes(acc, r.cause)) << "cause " << r.cause;
                EXPECT_TRUE(m.changes.empty()) << "a faulting translation changed memory";
            } else {
                successes++;
                uint32_t offset_mask = r.level == 1 ? 0x3fffff : 0xfff;
                EXPECT_EQ(r.pa & offset_mask, va & offset_mask) << "offset not carried over";
                EXPECT_LT(r.pa, 1ull << 34);
            }
            if (ctx.ad == PW_AD_SVADE) {
                EXPECT_EQ(m.writes, writes_before) << "Svade wrote a PTE";
            }
            if (m.writes != writes_before && !r.fault) {
                writebacks++;
                ASSERT_EQ(m.writes, writes_before + 1);
                // Only A and D may change, and only from 0 to 1, in the last PTE read.
                ASSERT_EQ(m.changes.size(), 1u);
                const MapMemory::Write &w = m.changes[0];
                EXPECT_EQ(w.addr, r.steps[r.nsteps - 2].addr);
                EXPECT_EQ(w.before & ~(PW_PTE_A | PW_PTE_D), w.after & ~(PW_PTE_A | PW_PTE_D));
                EXPECT_EQ(w.before & w.after, w.before);
                EXPECT_NE(w.before, w.after);
                // Now the same access needs no write-back, and agrees under Svade.
                pw_context svade = ctx;
                svade.ad = PW_AD_SVADE;
                pw_result again;
                pw_translate(&svade, &port, va, acc, &again);
                EXPECT_FALSE(again.fault);
                EXPECT_EQ(again.pa, r.pa);
            }
            EXPECT_LE(r.nsteps, unsigned(PW_MAX_STEPS));
        }
    }
    // The random mix must reach both outcomes and write-backs, or it tests little.
    EXPECT_GT(successes, 2000u);
    EXPECT_GT(faults, 2000u);
    EXPECT_GT(writebacks, 100u);
}

}  // namespace
