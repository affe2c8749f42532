// The MMU cycle model (cmodel/mmu_cycle.c) against docs/mmu.md: sfence.vma in its four forms, and in the middle of a walk.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "mmu_cycle_bench.h"

namespace {

using namespace mmu_bench;

// ---------------------------------------------------------------- sfence

TEST_F(Mmu, SfenceFormsFlushExactlyTheDocumentedEntries)
{
    const uint32_t root2 = 0x80100, root3 = 0x80200;
    const uint32_t va_a4 = 0x00403000;  // vpn1 of A, another vpn0
    const uint32_t va_c = 0x00c05000, va_mega = 0x01000000;
    map4k(kVaA, 0x10001, kLeaf);
    map4k(kVaB, 0x10002, kLeaf);
    map4k(va_a4, 0x10003, kLeaf);
    map4k(kVaA, 0x20001, kLeaf, PW_PTE_V, root2);
    map4k(va_c, 0x20005, kLeaf, PW_PTE_V | PW_PTE_G, root2);  // global through its pointer
    map_mega(va_mega, 0x20400, kLeaf, root2);
    map_mega(kVaA, 0x30000, kLeaf | PW_PTE_G, root3);          // global megapage over A

    struct Fill {
        uint32_t asid, root, va;
    };
    // entries 0..6, in fill order
    // (the global megapage after va_a4, which it would otherwise answer)
    const Fill fills[] = {{1, kRootPpn, kVaA}, {1, kRootPpn, kVaB}, {2, root2, kVaA},
                          {1, kRootPpn, va_a4}, {3, root3, kVaA},   {2, root2, va_c},
                          {2, root2, va_mega}};
    struct Case {
        bool all_va, all_asid;
        uint32_t va, asid;
        std::set<unsigned> flushed;
    };
    const Case cases[] = {
        {true, true, 0, 0, {0, 1, 2, 3, 4, 5, 6}},
        {true, false, 0, 1, {0, 1, 3}},          // non-global of ASID 1
        {true, false, 0, 2, {2, 6}},             // entry 5 is global via its pointer
        {true, false, 0, 3, {}},                 // entry 4 is global
        {false, true, kVaA, 0, {0, 2, 4}},       // the VA everywhere; megapage by vpn1
        {false, true, va_c, 7, {5}},             // global entries too
        {false, false, kVaA, 1, {0}},            // global megapage 4 spared
        {false, false, kVaA, 3, {}},             // entry 4 is global
        {false, false, va_mega + 0x234000, 2, {6}},  // megapage matched by vpn1 only
        {false, false, va_c, 2, {}},             // global via pointer: spared
    };
    for (const Case &c : cases) {
        SCOPED_TRACE("all_va " + std::to_string(c.all_va) + " all_asid " +
                     std::to_string(c.all_asid) + " va " + std::to_string(c.va) + " asid " +
                     std::to_string(c.asid));
        configure(8, PW_AD_SVADE);
        for (unsigned i = 0; i < 7; i++) {
            in.satp = sv32_satp(fills[i].asid, fills[i].root);
            Response r = translate(fills[i].va, kLoad);
            ASSERT_FALSE(r.fault);
            ASSERT_TRUE(m.events.fill);
            ASSERT_EQ(m.events.fill_index, i);
        }
        EXPECT_TRUE(m.tlb[4].global && m.tlb[4].mega);
        EXPECT_TRUE(m.tlb[5].global && !m.tlb[5].mega);
        EXPECT_FALSE(m.tlb[0].global || m.tlb[6].global);
        EXPECT_TRUE(m.tlb[6].mega);
        sfence(c.all_va, c.all_asid, c.va, c.asid);
        EXPECT_EQ(m.events.flushed, c.flushed.size());
        for (unsigned i = 0; i < 7; i++)
            EXPECT_EQ(m.tlb[i].valid, !c.flushed.count(i)) << "entry " << i;
    }
}

TEST_F(Mmu, RequestInTheSfenceCycleIsLookedUpBeforeTheFlush)
{
    map4k(kVaA, 0x12345, kLeaf);
    translate(kVaA, kLoad);
    set_sfence(true, true, true, 0, 0);
    uint64_t accepted = issue(kVaA, kLoad);
    in.sfence_valid = false;
    EXPECT_TRUE(m.events.hit);
    EXPECT_EQ(m.events.flushed, 1u);
    Response r = wait_response(accepted);
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(valid_entries(), 0u);
}

// A sfence in cycle `at` relative to acceptance of a miss.
struct SfenceDuringWalk {
    int at;
    bool svadu;
    bool cancels;
};

class MmuSfenceWalk : public Mmu, public testing::WithParamInterface<SfenceDuringWalk> {};

TEST_P(MmuSfenceWalk, CancelsTheFillButNotTheResponse)
{
    const SfenceDuringWalk p = GetParam();
    configure(8, p.svadu ? PW_AD_SVADU : PW_AD_SVADE);
    map4k(kVaA, 0x12345, p.svadu ? (kLeaf & ~PW_PTE_D) : kLeaf);
    // a sfence of an unrelated VA and ASID: any sfence cancels the fill
    const uint64_t start = cycle + 2;  // two idle cycles, then the request
    bool fill_cancelled = false;
    before_edge = [&] {
        set_sfence(int64_t(cycle) - int64_t(start) == p.at, false, false, 0x7ff00000, 0x1ff);
    };
    idle(2);
    Response r = translate(kVaA, kStore);
    fill_cancelled = m.events.fill_cancelled;
    idle(2);
    before_edge = nullptr;
    in.sfence_valid = false;
    EXPECT_EQ(r.accepted, start);
    EXPECT_EQ(r.cycles(), p.svadu ? 7u : 5u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    EXPECT_EQ(fill_cancelled, p.cancels);
    EXPECT_EQ(valid_entries(), p.cancels ? 0u : 1u);
    uint32_t misses = out().cnt_misses;
    r = translate(kVaA, kStore);
    EXPECT_EQ(out().cnt_misses, misses + (p.cancels ? 1 : 0));
    EXPECT_EQ(r.cycles(), p.cancels ? 5u : 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Cycles, MmuSfenceWalk,
    testing::Values(SfenceDuringWalk{-1, false, false}, SfenceDuringWalk{0, false, true},
                    SfenceDuringWalk{1, false, true}, SfenceDuringWalk{2, false, true},
                    SfenceDuringWalk{3, false, true}, SfenceDuringWalk{4, false, true},
                    SfenceDuringWalk{5, false, false}, SfenceDuringWalk{0, true, true},
                    SfenceDuringWalk{4, true, true}, SfenceDuringWalk{6, true, true},
                    SfenceDuringWalk{7, true, false}),
    [](const testing::TestParamInfo<SfenceDuringWalk> &i) {
        return std::string(i.param.svadu ? "Svadu" : "Svade") + "At" +
               (i.param.at < 0 ? "Before" : std::to_string(i.param.at));
    });

TEST_F(Mmu, SfenceInTheDiagramCycle2CancelsTheFillAtCycle4)
{
    map4k(kVaA, 0x12345, kLeaf);
    uint64_t accepted = issue(kVaA, kLoad);
    tick();  // cycle 1
    sfence(true, true);  // cycle 2
    tick();  // cycle 3
    EXPECT_FALSE(m.events.fill_cancelled);
    tick();  // cycle 4: the edge that registers the response
    EXPECT_TRUE(m.events.fill_cancelled);
    EXPECT_FALSE(m.events.fill);
    Response r = wait_response(accepted);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(valid_entries(), 0u);
}

TEST_F(Mmu, LowestMatchingIndexWins)
{
    const uint32_t root2 = 0x80100;
    map4k(kVaA, 0x11111, kLeaf);                            // ASID 1: non-global
    map4k(kVaA, 0x22222, kLeaf | PW_PTE_G, PW_PTE_V, root2);  // ASID 2: global
    translate(kVaA, kLoad);
    in.satp = sv32_satp(2, root2);
    translate(kVaA, kLoad);
    ASSERT_TRUE(m.tlb[0].valid && m.tlb[1].valid && m.tlb[1].global);
    in.satp = sv32_satp(1);
    Response r = translate(kVaA, kLoad);  // entries 0 and 1 both match
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(r.pa, page_pa(0x11111, kVaA));
    sfence(false, false, kVaA, 1);  // entry 0 only
    r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(r.pa, page_pa(0x22222, kVaA));
}

}  // namespace
