// The MMU cycle model (cmodel/mmu_cycle.c) against docs/mmu.md: replacement, faults, passthrough, counters and reset.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "mmu_cycle_bench.h"

namespace {

using namespace mmu_bench;

// ---------------------------------------------------------------- replacement

TEST_F(Mmu, ReplacementLowestInvalidThenVictimPointerWrapping)
{
    configure(4, PW_AD_SVADE);
    auto va = [](unsigned page) { return 0x10000000u + (page << 12); };
    for (unsigned p = 0; p < 10; p++)
        map4k(va(p), 0x40000 + p, kLeaf);
    auto fill = [&](unsigned page) {
        Response r = translate(va(page), kLoad);
        EXPECT_FALSE(r.fault);
        EXPECT_TRUE(m.events.fill);
        return m.events.fill_index;
    };
    for (unsigned p = 0; p < 4; p++) {
        EXPECT_EQ(fill(p), p);
        EXPECT_FALSE(m.events.evicted);
        EXPECT_EQ(m.victim, 0u) << "the pointer moves only when used";
    }
    const unsigned expect_index[] = {0, 1, 2, 3, 0};  // pages 4..8
    for (unsigned p = 4; p < 9; p++) {
        EXPECT_EQ(fill(p), expect_index[p - 4]) << "page " << p;
        EXPECT_TRUE(m.events.evicted);
        EXPECT_EQ(m.events.evicted_entry.vpn0, vpn0(va(p - 4)));
        EXPECT_EQ(m.victim, (expect_index[p - 4] + 1) % 4);
    }
    // Pages now: 8, 5, 6, 7; victim at 1. Flush page 6 (entry 2).
    sfence(false, true, va(6), 0);
    EXPECT_FALSE(m.tlb[2].valid);
    EXPECT_EQ(fill(9), 2u);
    EXPECT_FALSE(m.events.evicted);
    EXPECT_EQ(m.victim, 1u);
    EXPECT_EQ(fill(1), 1u);
    EXPECT_EQ(m.victim, 2u);
    // reset puts the pointer back at 0
    reset_cycle();
    EXPECT_EQ(m.victim, 0u);
    EXPECT_EQ(valid_entries(), 0u);
}

TEST_F(Mmu, SvaduStoreHitOnCleanEntryRefillsThatEntry)
{
    configure(8, PW_AD_SVADU);
    const uint32_t clean = PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A;  // D = 0
    map4k(kVaA, 0x11111, clean);
    map4k(kVaB, 0x22222, clean);
    translate(kVaA, kLoad);
    translate(kVaB, kLoad);
    EXPECT_EQ(m.events.fill_index, 1u);
    EXPECT_FALSE(m.tlb[1].d);
    sfence(false, true, kVaA, 0);  // entry 0 invalid: the refill must not go there
    ASSERT_FALSE(m.tlb[0].valid);
    const uint32_t hits = out().cnt_hits, misses = out().cnt_misses;

    Response r = translate(kVaB, kStore);
    EXPECT_EQ(r.cycles(), 7u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x22222, kVaB));
    EXPECT_EQ(out().cnt_hits, hits);
    EXPECT_EQ(out().cnt_misses, misses + 1);
    EXPECT_TRUE(m.events.fill);
    EXPECT_EQ(m.events.fill_index, 1u);
    EXPECT_FALSE(m.tlb[0].valid);
    EXPECT_TRUE(m.tlb[1].d);
    EXPECT_EQ(word(l0_addr(kVaB)), (0x22222u << 10) | clean | PW_PTE_D);
    EXPECT_EQ(m.victim, 0u);

    r = translate(kVaB, kStore);  // now a plain hit
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(out().cnt_hits, hits + 1);
}

TEST_F(Mmu, SvaduStoreHitWithoutWritePermissionFaultsOnTheHit)
{
    configure(8, PW_AD_SVADU);
    map4k(kVaA, 0x11111, PW_PTE_V | PW_PTE_R | PW_PTE_A);  // no W, D = 0
    translate(kVaA, kLoad);
    Response r = translate(kVaA, kStore);
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_TRUE(r.fault);
    EXPECT_EQ(r.cause, PW_CAUSE_STORE_PAGE_FAULT);
    EXPECT_EQ(out().cnt_misses, 1u);
    EXPECT_EQ(out().cnt_hits, 1u);
}

// ---------------------------------------------------------------- faults

TEST_F(Mmu, FaultsAreNeverCachedAndCarryTheAccessType)
{
    const unsigned kinds[] = {kLoad, kStore, kFetch, 3};  // 3: reserved, fetch
    const uint32_t page_cause[] = {PW_CAUSE_LOAD_PAGE_FAULT, PW_CAUSE_STORE_PAGE_FAULT,
                                   PW_CAUSE_FETCH_PAGE_FAULT, PW_CAUSE_FETCH_PAGE_FAULT};
    const uint32_t access_cause[] = {PW_CAUSE_LOAD_ACCESS, PW_CAUSE_STORE_ACCESS,
                                     PW_CAUSE_FETCH_ACCESS, PW_CAUSE_FETCH_ACCESS};
    for (pw_ad_policy ad : {PW_AD_SVADE, PW_AD_SVADU})
        for (unsigned k = 0; k < 4; k++) {
            SCOPED_TRACE("access " + std::to_string(kinds[k]) +
                         (ad == PW_AD_SVADU ? " svadu" : " svade"));
            configure(8, ad);
            const uint32_t base = 0x20000000u + (k << 24) + (ad << 23);
            const uint32_t va_invalid = base, va_l1_err = base + (1u << 22),
                           va_l0_err = base + 0x1000, va_wb_err = base + 0x2000;
            map4k(va_invalid, 0x11111, kLeaf & ~PW_PTE_V);
            map4k(va_l0_err, 0x22222, kLeaf);
            pw_smem_set_error(mem, l0_addr(va_l0_err));
            pw_smem_set_error(mem, l1_addr(va_l1_err));
            map4k(va_wb_err, 0x33333, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X);  // A = D = 0
            write_errors.insert(l0_addr(va_wb_err));

            Response r = translate(va_invalid, kinds[k]);
            EXPECT_TRUE(r.fault);
            EXPECT_EQ(r.cause, page_cause[k]);
            EXPECT_FALSE(m.events.fill);
            r = translate(va_l1_err, kinds[k]);
            EXPECT_EQ(r.cause, access_cause[k]);
            EXPECT_EQ(r.cycles(), 3u) << "one cycle after the response that decided it";
            r = translate(va_l0_err, kinds[k]);
            EXPECT_EQ(r.cause, access_cause[k]);
            r = translate(va_wb_err, kinds[k]);
            EXPECT_EQ(r.cause, ad == PW_AD_SVADU ? access_cause[k] : page_cause[k]);
            EXPECT_EQ(r.cycles(), ad == PW_AD_SVADU ? 7u : 5u);
            EXPECT_EQ(word(l0_addr(va_wb_err)) & (PW_PTE_A | PW_PTE_D), 0u);
            EXPECT_EQ(valid_entries(), 0u);
            EXPECT_EQ(out().cnt_faults, 4u);
            EXPECT_EQ(out().cnt_walks, 4u);

            // Fixed without a sfence: the next access walks and succeeds.
            map4k(va_invalid, 0x11111, kLeaf);
            r = translate(va_invalid, kinds[k]);
            EXPECT_FALSE(r.fault);
            EXPECT_EQ(r.cycles(), 5u);
            EXPECT_EQ(out().cnt_misses, 5u);
            EXPECT_EQ(valid_entries(), 1u);
        }
}

// Every leaf flag set, privilege, SUM, MXR and access: the hit path and the
// miss path give pw_translate's answer (so the same cause either way).
TEST_F(Mmu, HitAndMissGiveTheSameAnswerAsTheArchitecturalModel)
{
    const uint32_t rwx[] = {PW_PTE_R, PW_PTE_R | PW_PTE_W, PW_PTE_X, PW_PTE_R | PW_PTE_X,
                            PW_PTE_R | PW_PTE_W | PW_PTE_X};
    std::vector<uint32_t> leaves;
    for (uint32_t perm : rwx)
        for (uint32_t u : {0u, PW_PTE_U})
            for (uint32_t d : {0u, PW_PTE_D})
                for (uint32_t mega : {0u, 1u})
                    leaves.push_back(perm | u | d | PW_PTE_V | PW_PTE_A | mega << 31);
    unsigned hit_checks = 0;
    for (size_t i = 0; i < leaves.size(); i++) {
        const bool mega = leaves[i] >> 31;
        const uint32_t leaf = leaves[i] & 0xff;
        const uint32_t va = 0x40000000u + uint32_t(i << 22) + 0x5678;
        if (mega)
            map_mega(va, (0x300u + uint32_t(i)) << 10, leaf);  // aligned
        else
            map4k(va, 0x50000 + uint32_t(i), leaf);
        for (unsigned priv : {kU, kS})
            for (unsigned sum = 0; sum < 2; sum++)
                for (unsigned mxr = 0; mxr < 2; mxr++)
                    for (unsigned access : {kLoad, kStore, kFetch}) {
                        SCOPED_TRACE("leaf " + std::to_string(leaf) + (mega ? " mega" : "") +
                                     " priv " + std::to_string(priv) + " sum " +
                                     std::to_string(sum) + " mxr " + std::to_string(mxr) +
                                     " access " + std::to_string(access));
                        in.sum = sum;
                        in.mxr = mxr;
                        pw_result want = reference(va, access, priv, PW_AD_SVADE);
                        // miss
                        sfence(true, true);
                        Response r = translate(va, access, priv);
                        EXPECT_GT(r.cycles(), 1u);
                        EXPECT_EQ(r.fault, want.fault);
                        EXPECT_EQ(r.cause, want.cause);
                        EXPECT_EQ(r.pa, want.pa);
                        // hit: fill with any access that succeeds, then repeat
                        sfence(true, true);
                        bool filled = false;
                        in.sum = 1;
                        in.mxr = 0;
                        for (unsigned fa : {kLoad, kFetch, kStore})
                            for (unsigned fp : {kU, kS})
                                if (!filled && !reference(va, fa, fp, PW_AD_SVADE).fault)
                                    filled = !translate(va, fa, fp).fault;
                        in.sum = sum;
                        in.mxr = mxr;
                        if (!filled)
                            continue;
                        r = translate(va, access, priv);
                        ASSERT_EQ(r.cycles(), 1u) << "not a hit";
                        hit_checks++;
                        EXPECT_EQ(r.fault, want.fault);
                        EXPECT_EQ(r.cause, want.cause);
                        EXPECT_EQ(r.pa, want.pa);
                    }
    }
    EXPECT_GT(hit_checks, 400u);
}

// Each rule of the WAIT_READ ladder, at the level where it decides: the
// answer is pw_translate's, one cycle after the read that decided it.
TEST_F(Mmu, WalkerRulesMatchTheArchitecturalModel)
{
    const uint32_t table = 0x80010;
    struct Case {
        const char *rule;
        uint32_t l1, l0;  // l0 used when l1 points to `table`
        int level;        // where the walk ends
    };
    const uint32_t ptr = table << 10 | PW_PTE_V;
    const Case cases[] = {
        {"invalid at level 1", 0, 0, 1},
        {"W without R at level 1", ptr | PW_PTE_W, 0, 1},
        {"W|X without R at level 0", ptr, 0x12345u << 10 | PW_PTE_V | PW_PTE_W | PW_PTE_X, 0},
        {"pointer with D", ptr | PW_PTE_D, 0, 1},
        {"pointer with A", ptr | PW_PTE_A, 0, 1},
        {"pointer with U", ptr | PW_PTE_U, 0, 1},
        {"pointer at level 0", ptr, ptr, 0},
        {"misaligned megapage", 0x12345u << 10 | kLeaf, 0, 1},
        {"aligned megapage", 0x12000u << 10 | kLeaf, 0, 1},
        {"megapage without A", 0x12000u << 10 | (kLeaf & ~PW_PTE_A), 0, 1},
        {"4 KiB page", ptr, 0x12345u << 10 | kLeaf, 0},
        {"4 KiB page, U", ptr, 0x12345u << 10 | kLeaf | PW_PTE_U, 0},
        {"4 KiB page, X only", ptr, 0x12345u << 10 | PW_PTE_V | PW_PTE_X | PW_PTE_A, 0},
    };
    const uint32_t va = 0x00801234;
    for (const Case &c : cases)
        for (unsigned access : {kLoad, kStore, kFetch}) {
            SCOPED_TRACE(std::string(c.rule) + ", access " + std::to_string(access));
            configure(8, PW_AD_SVADE);
            pw_smem_set(mem, l1_addr(va), c.l1);
            pw_smem_set(mem, (uint64_t(table) << 12) + 4 * vpn0(va), c.l0);
            pw_result want = reference(va, access, kS, PW_AD_SVADE);
            ASSERT_EQ(want.level, c.level);
            Response r = translate(va, access);
            EXPECT_EQ(r.fault, want.fault);
            EXPECT_EQ(r.cause, want.cause);
            EXPECT_EQ(r.pa, want.pa);
            EXPECT_EQ(r.cycles(), c.level == 1 ? 3u : 5u);
            EXPECT_EQ(m.events.fill, !want.fault);
        }
}

TEST_F(Mmu, MegapageEntryAnswersTheWholeMegapage)
{
    map_mega(kVaA, 0x12000, kLeaf);  // 4 MiB at VA 0x00400000
    Response r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 5u - 2);
    EXPECT_TRUE(m.tlb[0].mega);
    for (uint32_t va : {0x00400000u, 0x007ffffcu, 0x00555555u}) {
        r = translate(va, kLoad);
        EXPECT_EQ(r.cycles(), 1u) << "a hit for any VPN[0]";
        EXPECT_EQ(r.pa, uint64_t(0x12000) << 12 | (va & 0x3fffff));
    }
    EXPECT_EQ(out().cnt_misses, 1u);
}

// ---------------------------------------------------------------- passthrough

TEST_F(Mmu, MachineModeAndBareAnswerInOneCycleUncounted)
{
    map4k(kVaA, 0x12345, kLeaf & ~PW_PTE_V);  // would fault if translated
    struct Case {
        uint32_t satp;
        unsigned priv;
    };
    const Case cases[] = {{sv32_satp(1), kM}, {sv32_satp(1), 2}, {0, kS}, {0, kU},
                          {sv32_satp(5) & ~PW_SATP_MODE, kU}};
    for (const Case &c : cases)
        for (unsigned access : {kLoad, kStore, kFetch, 3u}) {
            in.satp = c.satp;
            Response r = translate(kVaA | 0xf0000000u, access, c.priv);
            EXPECT_EQ(r.cycles(), 1u);
            EXPECT_FALSE(r.fault);
            EXPECT_EQ(r.cause, 0u);
            EXPECT_EQ(r.pa, uint64_t(kVaA | 0xf0000000u));
            EXPECT_TRUE(m.events.accepted);
            EXPECT_FALSE(m.events.hit);
        }
    const pw_mmu_outputs &o = out();
    EXPECT_EQ(o.cnt_hits + o.cnt_misses + o.cnt_walks + o.cnt_faults + o.cnt_walk_cycles, 0u);
    EXPECT_TRUE(accesses.empty());
    EXPECT_EQ(valid_entries(), 0u);
}

// ---------------------------------------------------------------- counters, reset

TEST_F(Mmu, CountersCountWhatTheTableSays)
{
    map4k(kVaA, 0x12345, kLeaf);
    map_mega(kVaB, 0, 0);  // V = 0 at level 1
    translate(kVaA, kLoad);  // miss, walk 4 cycles
    translate(kVaA, kLoad);  // hit
    translate(kVaA, kFetch, kU);  // hit fault (U = 0)
    translate(kVaB, kStore);  // miss fault at level 1: walk 2 cycles
    translate(kVaB, kStore, kM);  // passthrough
    const pw_mmu_outputs &o = out();
    EXPECT_EQ(o.cnt_hits, 2u);
    EXPECT_EQ(o.cnt_misses, 2u);
    EXPECT_EQ(o.cnt_walks, 2u);
    EXPECT_EQ(o.cnt_faults, 2u);
    EXPECT_EQ(o.cnt_walk_cycles, 6u);
    // a walk cycle counts at its edge: the count of cycle c shows in c + 1
    issue(kVaC, kLoad);
    EXPECT_EQ(out().cnt_walk_cycles, 6u);
    tick();
    EXPECT_EQ(out().cnt_walk_cycles, 7u);
    EXPECT_EQ(out().cnt_misses, 3u);
}

TEST_F(Mmu, ResetInTheMiddleOfAWalk)
{
    map4k(kVaA, 0x12345, kLeaf);
    map4k(kVaB, 0x23456, kLeaf);
    translate(kVaB, kLoad);
    latency = 3;
    issue(kVaA, kLoad);
    idle(2);  // READ, then WAIT_READ with the response two cycles away
    ASSERT_EQ(m.state, PW_WALK_WAIT_READ);
    // reset wins over a request, a sfence and everything else
    in.req_valid = true;
    in.req_vaddr = kVaB;
    set_sfence(true, true, true, 0, 0);
    reset_cycle();
    in.req_valid = false;
    in.sfence_valid = false;
    const pw_mmu_outputs &o = out();
    EXPECT_EQ(m.state, PW_WALK_IDLE);
    EXPECT_TRUE(o.req_ready);
    EXPECT_FALSE(o.resp_valid || o.resp_fault || o.mem_req_valid || o.mem_req_we);
    EXPECT_EQ(o.resp_paddr | o.resp_cause | o.mem_req_addr | o.mem_req_wdata, 0u);
    EXPECT_EQ(o.cnt_hits | o.cnt_misses | o.cnt_walks | o.cnt_faults | o.cnt_walk_cycles, 0u);
    EXPECT_EQ(valid_entries(), 0u);
    EXPECT_EQ(m.victim, 0u);
    EXPECT_FALSE(m.events.accepted || m.events.fill || m.events.flushed);
    idle(3);  // the old walk's memory response arrives: ignored
    EXPECT_FALSE(out().resp_valid);
    EXPECT_EQ(m.state, PW_WALK_IDLE);
    latency = 1;
    Response r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    EXPECT_EQ(out().cnt_misses, 1u);
    EXPECT_EQ(out().cnt_walk_cycles, 4u);
}

TEST(MmuConfig, RejectsOutOfRangeParameters)
{
    pw_mmu_model m;
    for (unsigned n : {0u, 3u, 33u}) {
        pw_mmu_config cfg{n, PW_AD_SVADE, false, 1, PW_COUNTERS_32, false, false};
        EXPECT_FALSE(pw_mmu_init(&m, &cfg)) << n;
    }
    for (unsigned n : {4u, 32u}) {
        pw_mmu_config cfg{n, PW_AD_SVADU, false, 1, PW_COUNTERS_32, false, false};
        EXPECT_TRUE(pw_mmu_init(&m, &cfg)) << n;
    }
    for (unsigned latency : {0u, 1u, 2u, 3u}) {  // 0 reads as the default, 1
        pw_mmu_config cfg{8, PW_AD_SVADE, false, latency, PW_COUNTERS_16, true, false};
        EXPECT_TRUE(pw_mmu_init(&m, &cfg)) << latency;
        EXPECT_EQ(m.latency, latency ? latency : 1u);
    }
    pw_mmu_config four{8, PW_AD_SVADE, false, 4, PW_COUNTERS_32, false, false};
    EXPECT_FALSE(pw_mmu_init(&m, &four));
    pw_mmu_config bad_counters{8, PW_AD_SVADE, false, 1, pw_counter_width(3), false, false};
    EXPECT_FALSE(pw_mmu_init(&m, &bad_counters));
    for (unsigned latency : {1u, 2u, 3u}) {  // the PPN RAM is read at the picking edge
        pw_mmu_config bram{8, PW_AD_SVADE, false, latency, PW_COUNTERS_NONE, true, true};
        EXPECT_EQ(pw_mmu_init(&m, &bram), latency == 3) << latency;
    }
    EXPECT_STREQ(pw_walk_state_name(PW_WALK_WAIT_WRITE), "WAIT_WRITE");
    EXPECT_STREQ(pw_walk_state_name(PW_WALK_DONE), "DONE");
}

}  // namespace
