// The MMU cycle model (cmodel/mmu_cycle.c) against docs/mmu.md: the timing diagrams, cycle by cycle.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mmu_cycle_bench.h"

namespace {

using namespace mmu_bench;

// ---------------------------------------------------------------- timing

TEST_F(Mmu, HitAnswersOneCycleAfterAcceptanceOnePerCycle)
{
    const std::vector<uint64_t> pas = map_abc();
    for (uint32_t va : {kVaA, kVaB, kVaC})
        translate(va, kLoad);
    idle(1);  // past the last response
    uint32_t hits = out().cnt_hits;

    // The diagram: requests A, B, C in cycles 0, 1, 2, answered in 1, 2, 3.
    present_loads({kVaA, kVaB, kVaC}, 4);
    expect_answers_from(1, pas);
    EXPECT_FALSE(out().resp_valid);
    EXPECT_EQ(out().cnt_hits, hits + 3);
    EXPECT_EQ(out().cnt_misses, 3u);
    EXPECT_TRUE(accesses.size() == 6u) << "hits made no memory access";
}

TEST_F(Mmu, TracePortPulsesOnceForEachFillWithItsEntry)
{
    map4k(kVaA, 0x12345, kLeaf);
    Response r = translate(kVaA, kLoad);
    ASSERT_FALSE(r.fault);
    // The response cycle is the first after the fill edge: the port shows it now.
    EXPECT_TRUE(out().trace_fill);
    EXPECT_EQ(out().trace_fill_index, 0u);
    EXPECT_FALSE(out().trace_fill_evict);
    EXPECT_EQ(out().trace_fill_vpn, kVaA >> 12);
    EXPECT_EQ(out().trace_fill_asid, 1u);
    EXPECT_FALSE(out().trace_fill_mega);
    EXPECT_EQ(out().trace_fill_ppn, 0x12345u);
    tick();
    EXPECT_FALSE(out().trace_fill) << "a one-cycle pulse";
    EXPECT_EQ(out().trace_fill_ppn, 0x12345u) << "the payload holds";
    translate(kVaA, kLoad);  // a hit writes nothing
    EXPECT_FALSE(out().trace_fill);
}

TEST_F(Mmu, MissMatchesTheDiagram)
{
    map4k(kVaA, 0x12345, kLeaf);
    const uint64_t l1 = l1_addr(kVaA), l0 = l0_addr(kVaA);
    Response r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));

    tick();  // records cycle 5 with its inputs
    ASSERT_NO_FATAL_FAILURE(expect_diagram(trace, {
        // state            req_ready mem_req_valid mem_req_addr mem_resp_valid resp_valid
        {PW_WALK_IDLE,      1,        0,            kNoAddr,     0,             0},
        {PW_WALK_READ,      0,        1,            l1,          0,             0},
        {PW_WALK_WAIT_READ, 0,        0,            l1,          1,             0},
        {PW_WALK_READ,      0,        1,            l0,          0,             0},
        {PW_WALK_WAIT_READ, 0,        0,            l0,          1,             0},
        {PW_WALK_IDLE,      1,        0,            l0,          0,             1},
    }));
    EXPECT_EQ(out().cnt_walk_cycles, 4u);
    EXPECT_EQ(out().mem_req_addr, l0) << "held";
}

TEST_F(Mmu, SvaduWriteBackAddsWriteAndWaitWrite)
{
    configure(8, PW_AD_SVADU);
    const uint32_t leaf = PW_PTE_V | PW_PTE_R | PW_PTE_W;  // A = D = 0
    map4k(kVaA, 0x12345, leaf);
    map4k(kVaB, 0x23456, leaf);
    const uint64_t l0 = l0_addr(kVaA);

    Response r = translate(kVaA, kStore);
    EXPECT_EQ(r.cycles(), 7u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    const pw_walk_state state[] = {PW_WALK_IDLE, PW_WALK_READ, PW_WALK_WAIT_READ,
                                   PW_WALK_READ, PW_WALK_WAIT_READ, PW_WALK_WRITE,
                                   PW_WALK_WAIT_WRITE};
    ASSERT_EQ(trace.size(), 7u);
    for (int c = 0; c < 7; c++) {
        SCOPED_TRACE("cycle " + std::to_string(c));
        EXPECT_EQ(trace[c].state, state[c]);
        EXPECT_EQ(trace[c].out.mem_req_we, c == 5);
        EXPECT_EQ(trace[c].out.mem_req_valid, c == 1 || c == 3 || c == 5);
    }
    EXPECT_EQ(trace[5].out.mem_req_addr, l0);
    EXPECT_EQ(trace[5].out.mem_req_wdata, (0x12345u << 10) | leaf | PW_PTE_A | PW_PTE_D);
    EXPECT_EQ(word(l0), (0x12345u << 10) | leaf | PW_PTE_A | PW_PTE_D);
    EXPECT_TRUE(m.tlb[0].valid && m.tlb[0].d);
    EXPECT_EQ(out().mem_req_wdata, trace[5].out.mem_req_wdata) << "wdata holds";

    r = translate(kVaB, kLoad);  // a load sets A only
    EXPECT_EQ(r.cycles(), 7u);
    EXPECT_EQ(word(l0_addr(kVaB)), (0x23456u << 10) | leaf | PW_PTE_A);
    EXPECT_TRUE(m.tlb[1].valid && !m.tlb[1].d);
    EXPECT_EQ(out().cnt_walk_cycles, 12u);
}

TEST_F(Mmu, SvadeFaultsInsteadOfWritingBack)
{
    map4k(kVaA, 0x12345, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A);  // D = 0
    map4k(kVaB, 0x23456, PW_PTE_V | PW_PTE_R | PW_PTE_W);            // A = 0
    Response r = translate(kVaA, kStore);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_TRUE(r.fault);
    EXPECT_EQ(r.cause, PW_CAUSE_STORE_PAGE_FAULT);
    EXPECT_EQ(r.pa, 0u);
    r = translate(kVaB, kLoad);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_EQ(r.cause, PW_CAUSE_LOAD_PAGE_FAULT);
    for (const MemAccess &a : accesses)
        EXPECT_FALSE(a.write);
    EXPECT_EQ(valid_entries(), 0u);
    EXPECT_EQ(out().cnt_faults, 2u);
}

TEST_F(Mmu, BackPressureAndLatencyExtendTheWalkExactly)
{
    sweep_memory_timing(1, 1, [&](pw_ad_policy, unsigned walk) {
        EXPECT_EQ(out().cnt_walk_cycles, walk);
    });
}

TEST_F(Mmu, HeldOutputsHoldUntilReloaded)
{
    map4k(kVaA, 0x12345, kLeaf);
    map4k(kVaB, 0x54321, PW_PTE_V);  // a pointer at level 0: a page fault
    Response r = translate(kVaA, kLoad);
    const uint64_t l0 = l0_addr(kVaA);
    idle(3);
    EXPECT_FALSE(out().resp_valid);
    EXPECT_EQ(out().resp_paddr, r.pa);
    EXPECT_EQ(out().mem_req_addr, l0);
    translate(kVaA, kStore);  // a hit loads no walker register
    EXPECT_EQ(out().mem_req_addr, l0);
    r = translate(kVaB, kFetch);
    EXPECT_TRUE(r.fault);
    EXPECT_EQ(r.cause, PW_CAUSE_FETCH_PAGE_FAULT);
    idle(2);
    EXPECT_TRUE(out().resp_fault);
    EXPECT_EQ(out().resp_cause, PW_CAUSE_FETCH_PAGE_FAULT);
    EXPECT_EQ(out().resp_paddr, 0u);
    EXPECT_EQ(out().mem_req_addr, l0_addr(kVaB));
    in.satp = 0;  // bare: a passthrough response clears fault and cause
    r = translate(0xfedcba98, kLoad);
    EXPECT_FALSE(out().resp_fault);
    EXPECT_EQ(out().resp_cause, 0u);
    EXPECT_EQ(out().resp_paddr, 0xfedcba98u);
}

TEST_F(Mmu, MemoryResponsesOutsideWaitStatesAreIgnored)
{
    map4k(kVaA, 0x12345, kLeaf);
    stall = 2;
    inject_resp = true;  // err pulses in IDLE and READ cycles
    idle(2);
    Response r = translate(kVaA, kLoad);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.cycles(), 2 * (1 + 2 + 1) + 1u);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
}

}  // namespace
