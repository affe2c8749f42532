// Lockstep co-simulation under GoogleTest: seeded random runs of every build
// (both A/D policies at each hit latency, and the option builds), the .vec
// files through the RTL, and directed scenarios for the bug classes other
// open MMUs shipped with. Every cycle of every test compares all MMU outputs
// of the RTL and the cycle model.
//
// The seeded runs, vector files and scenarios run on every Verilated build
// linked into the program: the nine builds of MMU_BUILDS in cosim-tests; one
// mutant in the directed program `make mutants` builds for it
// (tests/mutants/rtl_mutant.sh, directed_verdict.cc), so each mutant meets
// the same directed checks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lockstep.h"
#include "scripted_bench.h"

#ifndef PAGEWALK_SOURCE_DIR
#error "PAGEWALK_SOURCE_DIR must name the repository"
#endif
#ifndef PAGEWALK_QEMU_VEC
#error "PAGEWALK_QEMU_VEC must name the QEMU reference vectors"
#endif

namespace {

using cosim::Response;
using cosim::ScriptedBench;

const cosim::DutBuild &build(const std::string &name)
{
    const cosim::DutBuild *b = cosim::find_dut_build(name);
    if (!b)
        throw std::runtime_error("no Verilated build " + name);
    return *b;
}

// The names of the builds linked in. GoogleTest evaluates a suite's
// parameters in InitGoogleTest, after every build has registered itself.
std::vector<std::string> linked_builds()
{
    std::vector<std::string> names;
    for (const cosim::DutBuild &b : cosim::dut_builds())
        names.push_back(b.name);
    return names;
}

// Those with (true) or without (false) the one-cycle MMU's default options.
std::vector<std::string> linked_builds(bool one_cycle_defaults)
{
    std::vector<std::string> names;
    for (const cosim::DutBuild &b : cosim::dut_builds()) {
        bool defaults = b.hit_latency == 1 && b.counters == PW_COUNTERS_32 && !b.sfence_flush_all && !b.ppn_in_bram;
        if (defaults == one_cycle_defaults)
            names.push_back(b.name);
    }
    return names;
}

std::string build_param_name(const testing::TestParamInfo<std::string> &i) { return i.param; }

// ---- seeded random lockstep runs

constexpr uint64_t kSeedCycles = 25000;

class Seeded : public testing::TestWithParam<std::tuple<std::string, int>> {};

TEST_P(Seeded, RtlAgreesWithBothModels)
{
    const std::string dut = std::get<0>(GetParam());
    cosim::RunOptions opt;
    opt.seed = uint64_t(std::get<1>(GetParam()));
    opt.cycles = kSeedCycles;
    opt.reproduce = std::string("build/cosim/pagewalk-cosim --dut ") + dut + " --seed " +
                    std::to_string(opt.seed) + " --cycles " + std::to_string(kSeedCycles);
    cosim::Runner run(build(dut), opt);
    ASSERT_TRUE(run.run()) << run.report();
    EXPECT_EQ(run.stats().cycles, kSeedCycles);
    EXPECT_GT(run.stats().translations, kSeedCycles / 20) << "the stimulus hardly asked anything";
}

std::string seeded_name(const testing::TestParamInfo<Seeded::ParamType> &i)
{
    return std::get<0>(i.param) + "_seed" + std::to_string(std::get<1>(i.param));
}

// The one-cycle MMU with the default options, at length; each other hit
// latency and option build with fewer seeds (make regress runs them all at
// length).
INSTANTIATE_TEST_SUITE_P(Lockstep, Seeded,
                         testing::Combine(testing::ValuesIn(linked_builds(true)), testing::Range(1, 101)),
                         seeded_name);
INSTANTIATE_TEST_SUITE_P(LockstepLatencies, Seeded,
                         testing::Combine(testing::ValuesIn(linked_builds(false)), testing::Range(1, 21)),
                         seeded_name);

// ---- vector files through the RTL

void expect_vec_passes(const cosim::DutBuild &dut, const std::string &path, unsigned min_translations)
{
    cosim::VecRun r = cosim::run_vec_file(dut, path);
    EXPECT_FALSE(r.error) << r.failures;
    EXPECT_EQ(r.failed, 0u) << r.failures;
    EXPECT_GE(r.translations, min_translations);
    EXPECT_GT(r.hits, 0u) << "the second pass of each t line should hit sometimes";
}

// Each build runs the vector files of its A/D policy.
class VecThroughRtl : public testing::TestWithParam<std::string> {
  protected:
    const cosim::DutBuild &dut() { return build(GetParam()); }
    bool svadu() { return dut().ad == PW_AD_SVADU; }
};

TEST_P(VecThroughRtl, Directed)
{
    expect_vec_passes(dut(), PAGEWALK_SOURCE_DIR "/tests/vectors/directed-" + std::string(pw_ad_name(dut().ad)) + ".vec",
                      150);
}

TEST_P(VecThroughRtl, QemuReference)
{
    if (!svadu())
        GTEST_SKIP() << "QEMU's vectors are Svadu";
    expect_vec_passes(dut(), PAGEWALK_QEMU_VEC, 20000);
}

INSTANTIATE_TEST_SUITE_P(Vec, VecThroughRtl, testing::ValuesIn(linked_builds()), build_param_name);

TEST(VecChecks, AWrongExpectationIsReported)
{
    cosim::VecRun r = cosim::run_vec_file(build("svade"), PAGEWALK_SOURCE_DIR "/tests/vectors/bad/wrong-expectation.vec");
    EXPECT_FALSE(r.error);
    EXPECT_EQ(r.failed, 3u) << r.failures;  // line 5 twice (walk, then walk again: faults are not cached), line 7
    EXPECT_NE(r.failures.find("wrong-expectation.vec:5: t 80080000 U r 0 0 00402abc pa=90000abc"), std::string::npos)
        << r.failures;
}

// ---- directed scenarios

constexpr uint32_t V = PW_PTE_V, R = PW_PTE_R, W = PW_PTE_W, X = PW_PTE_X, U = PW_PTE_U, G = PW_PTE_G,
                   A = PW_PTE_A, D = PW_PTE_D;
constexpr unsigned kU = PW_PRIV_U_VALUE, kS = PW_PRIV_S_VALUE;
constexpr unsigned kLoad = PW_MMU_ACCESS_LOAD, kStore = PW_MMU_ACCESS_STORE, kFetch = PW_MMU_ACCESS_FETCH;

uint32_t satp(unsigned asid) { return PW_SATP_MODE | asid << PW_SATP_ASID_SHIFT | 0x80000; }

// Root at 0x8000_0000; root[1] points to the table at 0x8000_1000; a 4 KiB
// leaf at VPN (1, n) maps PPN 0x90000 + n; root[2] is a megapage at 0x9040_0000.
class Scenario : public testing::TestWithParam<std::string> {
  protected:
    void SetUp() override
    {
        bench.reset(new ScriptedBench(build(GetParam())));
        b().write(0x80000004, 0x80001u << 10 | V);
        for (uint32_t n = 0; n < 16; n++)
            b().write(0x80001000 + 4 * n, (0x90000u + n) << 10 | V | R | W | X | A | D);
        b().write(0x80000008, 0x90400u << 10 | V | R | W | A | D | G);
    }
    void TearDown() override { EXPECT_TRUE(b().ok()) << b().failure(); }
    ScriptedBench &b() { return *bench; }
    static uint32_t va(uint32_t n) { return 1u << 22 | n << 12 | 0x123; }
    Response load(uint32_t v, unsigned asid = 1) { return b().translate(satp(asid), kS, kLoad, 0, 0, v); }
    // docs/mmu.md: a hit answers HitLatency cycles after acceptance; a walk
    // costs its memory accesses plus one cycle, plus two when pipelined (the
    // cycle after acceptance, and DONE).
    const cosim::DutBuild &dut() const { return build(GetParam()); }
    unsigned hit_cycles() const { return dut().hit_latency; }
    unsigned walk_cycles(unsigned accesses) const { return accesses * 2 + (dut().hit_latency > 1 ? 3 : 1); }
    bool counters() const { return dut().counters != PW_COUNTERS_NONE; }
    std::unique_ptr<ScriptedBench> bench;
};

TEST_P(Scenario, HitAnswersAfterTheHitLatencyAndSustainsOnePerCycle)
{
    ASSERT_FALSE(load(va(3)).hit);
    b().idle(2);  // the pipelined MMU counts a cycle late
    Response r = load(va(3));
    EXPECT_TRUE(r.hit);
    EXPECT_EQ(r.cycles, hit_cycles());
    b().idle(2);
    uint64_t hits = b().outputs().cnt_hits, start = b().cycle();
    for (int i = 0; i < 16; i++)  // each start() returns once accepted
        ASSERT_TRUE(b().start(satp(1), kS, kLoad, 0, 0, va(3)));
    EXPECT_EQ(b().cycle() - start, 16u) << "one translation accepted per cycle";
    b().idle(hit_cycles() + 1);
    EXPECT_EQ(b().outputs().cnt_hits - hits, counters() ? 16u : 0u);
}

TEST_P(Scenario, WalkCostsItsMemoryAccessesPlusOneCycleOrThree)
{
    Response page = load(va(4));
    EXPECT_FALSE(page.hit);
    EXPECT_EQ(page.cycles, walk_cycles(2)) << "two reads of latency 1: 2 x (1 + 1) + 1 (+ 2 pipelined)";
    Response mega = load(0x00800000 | 0x456);
    EXPECT_EQ(mega.cycles, walk_cycles(1)) << "one read: 1 + 1 + 1 (+ 2 pipelined)";
    EXPECT_EQ(mega.pa, 0x90400456u);
}

TEST_P(Scenario, SvaduWriteBackAddsOneAccess)
{
    b().write(0x80001000 + 4 * 5, 0x90005u << 10 | V | R | W);  // A and D clear
    Response r = b().translate(satp(1), kS, kStore, 0, 0, va(5));
    if (b().model().cfg.ad == PW_AD_SVADU) {
        EXPECT_FALSE(r.fault);
        EXPECT_EQ(r.cycles, walk_cycles(3)) << "two reads and a write of latency 1, plus one (+ 2 pipelined)";
        EXPECT_EQ(b().read(0x80001014), 0x90005u << 10 | V | R | W | A | D);
    } else {
        EXPECT_TRUE(r.fault);
        EXPECT_EQ(r.cause, unsigned(PW_CAUSE_STORE_PAGE_FAULT));
        EXPECT_EQ(b().read(0x80001014), 0x90005u << 10 | V | R | W);
    }
}

TEST_P(Scenario, SfenceDuringRefillCancelsTheFillNotTheAnswer)
{
    ASSERT_TRUE(b().start(satp(1), kS, kLoad, 0, 0, va(6)));
    b().sfence_at(1, 0, 0, false, true);  // a VA-form flush of another page, mid-walk
    Response r = b().finish();
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, 0x90006123u);
    EXPECT_FALSE(load(va(6)).hit) << "the walk that saw an sfence must not have filled";
    EXPECT_TRUE(load(va(6)).hit);
}

TEST_P(Scenario, SfenceInTheAcceptanceCycleCancelsTheFill)
{
    b().sfence_at(0, 0, 0, true, true);
    ASSERT_TRUE(b().start(satp(1), kS, kLoad, 0, 0, va(7)));
    b().finish();
    EXPECT_FALSE(load(va(7)).hit);
}

TEST_P(Scenario, SfenceByAsidSparesGlobalEntries)
{
    b().write(0x80001000 + 4 * 8, 0x90008u << 10 | V | R | A | D | G);
    load(va(8));                 // global 4 KiB page
    load(0x00800000);            // global megapage
    load(va(9));                 // not global
    b().sfence(0, 1, true, false);  // every VA of ASID 1 (SfenceFlushAll: everything)
    EXPECT_EQ(load(va(8)).hit, !dut().sfence_flush_all);
    EXPECT_EQ(load(0x00800000).hit, !dut().sfence_flush_all);
    EXPECT_FALSE(load(va(9)).hit);
    b().sfence(0, 0, true, true);   // everything, global too
    EXPECT_FALSE(load(va(8)).hit);
}

TEST_P(Scenario, GlobalMegapageHitsInEveryAddressSpace)
{
    EXPECT_FALSE(load(0x00812345, 1).hit);
    Response other = load(0x00812345, 2);
    EXPECT_TRUE(other.hit);
    EXPECT_EQ(other.pa, 0x90412345u);
    EXPECT_FALSE(load(va(10), 2).hit);
    EXPECT_FALSE(load(va(10), 3).hit) << "a non-global entry belongs to its ASID";
}

TEST_P(Scenario, FlushUsesTheSfenceAsidNotTheCurrentOne)
{
    load(va(11), 1);
    load(va(11), 2);
    // satp says ASID 2 while the sfence names ASID 1.
    ASSERT_TRUE(b().start(satp(2), kS, kLoad, 0, 0, va(11)));
    b().finish();
    b().sfence(va(11), 1, false, false);
    EXPECT_EQ(load(va(11), 2).hit, !dut().sfence_flush_all);
    EXPECT_FALSE(load(va(11), 1).hit);
}

TEST_P(Scenario, FaultCauseIsTheSameOnAHitAndOnAMiss)
{
    b().write(0x80001000 + 4 * 12, 0x9000cu << 10 | V | R | A);  // read-only
    ASSERT_FALSE(load(va(12)).fault);
    Response hit = b().translate(satp(1), kS, kStore, 0, 0, va(12));
    EXPECT_TRUE(hit.hit);
    b().sfence(0, 0, true, true);
    Response miss = b().translate(satp(1), kS, kStore, 0, 0, va(12));
    EXPECT_FALSE(miss.hit);
    EXPECT_TRUE(hit.fault && miss.fault);
    EXPECT_EQ(hit.cause, unsigned(PW_CAUSE_STORE_PAGE_FAULT));
    EXPECT_EQ(miss.cause, hit.cause);
    Response fetch = b().translate(satp(1), kU, kFetch, 0, 0, va(12));
    EXPECT_EQ(fetch.cause, unsigned(PW_CAUSE_FETCH_PAGE_FAULT));
}

TEST_P(Scenario, FaultsAreNeverCached)
{
    b().write(0x80001000 + 4 * 13, 0);
    for (int i = 0; i < 3; i++) {
        Response r = load(va(13));
        EXPECT_TRUE(r.fault);
        EXPECT_FALSE(r.hit);
    }
    b().idle(2);
    EXPECT_EQ(b().outputs().cnt_walks, counters() ? 3u : 0u);
}

TEST_P(Scenario, BusErrorIsAnAccessFaultOfTheAccessType)
{
    b().bus_error(0x80001000 + 4 * 14);
    EXPECT_EQ(b().translate(satp(1), kS, kStore, 0, 0, va(14)).cause, unsigned(PW_CAUSE_STORE_ACCESS));
    EXPECT_EQ(b().translate(satp(1), kS, kLoad, 0, 0, va(14)).cause, unsigned(PW_CAUSE_LOAD_ACCESS));
    EXPECT_EQ(b().translate(satp(1), kS, kFetch, 0, 0, va(14)).cause, unsigned(PW_CAUSE_FETCH_ACCESS));
}

TEST_P(Scenario, PointerWithReservedBitsFaultsOnAWalk)
{
    for (uint32_t bit : {A, D, U}) {
        b().write(0x80000004, 0x80001u << 10 | V | bit);
        b().sfence(0, 0, true, true);
        Response r = load(va(1));
        EXPECT_TRUE(r.fault);
        EXPECT_EQ(r.cause, unsigned(PW_CAUSE_LOAD_PAGE_FAULT));
    }
}

TEST_P(Scenario, ReplacementIsLowestInvalidThenRoundRobin)
{
    for (uint32_t n = 0; n < 8; n++)
        ASSERT_FALSE(load(va(n)).hit);    // fills entries 0..7
    ASSERT_FALSE(load(0x00800000).hit);   // all valid: evicts entry 0 (va 0), victim -> 1
    EXPECT_TRUE(load(va(1)).hit);
    EXPECT_FALSE(load(va(0)).hit);        // evicts entry 1 (va 1), victim -> 2
    EXPECT_TRUE(load(va(2)).hit);
    EXPECT_FALSE(load(va(1)).hit);        // evicts entry 2 (va 2), victim -> 3
    EXPECT_TRUE(load(va(3)).hit);
    EXPECT_FALSE(load(va(2)).hit);
}

TEST_P(Scenario, SvaduStoreHitOnCleanEntryRewritesThatEntry)
{
    b().write(0x80001000 + 4 * 15, 0x9000fu << 10 | V | R | W | A);  // D clear
    ASSERT_FALSE(load(va(15)).hit);
    Response store = b().translate(satp(1), kS, kStore, 0, 0, va(15));
    if (b().model().cfg.ad == PW_AD_SVADU) {
        EXPECT_FALSE(store.hit) << "setting D takes a walk";
        EXPECT_FALSE(store.fault);
        EXPECT_TRUE(b().translate(satp(1), kS, kStore, 0, 0, va(15)).hit);
        unsigned valid = 0;
        for (unsigned i = 0; i < b().model().cfg.tlb_entries; i++)
            valid += b().model().tlb[i].valid;
        EXPECT_EQ(valid, 1u) << "the entry was rewritten in place, not duplicated";
    } else {
        EXPECT_TRUE(store.hit);
        EXPECT_EQ(store.cause, unsigned(PW_CAUSE_STORE_PAGE_FAULT));
    }
}

INSTANTIATE_TEST_SUITE_P(Mmu, Scenario, testing::ValuesIn(linked_builds()), build_param_name);

// ---- the checkers themselves

TEST(Checkers, OutputCheckNamesTheDifferingSignal)
{
    pw_mmu_outputs a{}, b{};
    cosim::OutputCheck check;
    EXPECT_TRUE(check.step(5, a, b));
    b.resp_paddr = 0x90000abc;
    EXPECT_FALSE(check.step(6, a, b));
    EXPECT_STREQ(check.first_signal(), "resp_paddr");
    EXPECT_NE(check.explain().find("resp_paddr       0x0            0x90000abc    "), std::string::npos)
        << check.explain();
    EXPECT_NE(check.explain().find("<-- differs"), std::string::npos);
}

// The co-simulation builds have the interface assertions compiled in
// (--assert, PW_ASSERTIONS): a testbench that changes satp while a walk is
// outstanding must make one fire, and the Dut must say so.
// In every build (each hit latency has its own form of the rules).
class Assertions : public testing::TestWithParam<std::string> {};

TEST_P(Assertions, AreCompiledIntoTheCosimBuildAndReported)
{
    std::unique_ptr<cosim::Dut> dut = build(GetParam()).make();
    pw_mmu_inputs in{};
    for (int i = 0; i < 2; i++)  // reset
        dut->tick();
    in.rst_n = true;
    in.satp = satp(1);
    in.req_valid = true;
    in.req_vaddr = 0x00402abc;
    in.req_priv = kS;
    dut->set_inputs(in);  // accepted: a walk starts; the memory is never ready
    dut->tick();
    in.req_valid = false;
    dut->set_inputs(in);
    dut->tick();
    ASSERT_FALSE(dut->assertion_failed()) << "the rules hold so far";
    in.satp = satp(2);  // the context changes under the walk: e_context_stable
    dut->set_inputs(in);
    dut->tick();
    EXPECT_TRUE(dut->assertion_failed());
}

INSTANTIATE_TEST_SUITE_P(Checkers, Assertions, testing::ValuesIn(linked_builds()), build_param_name);

TEST(Checkers, FastCompareCoversEveryOutput)
{
    EXPECT_TRUE(cosim::OutputCheck::fast_path_covers_every_output());
}


TEST(Checkers, ArchCheckCatchesAWrongAddressAndAMissingWriteBack)
{
    pw_sparse_mem *mem = pw_smem_new();
    cosim::SparseMemoryView view(mem);
    pw_smem_set(mem, 0x80000004, 0x80001u << 10 | V);
    pw_smem_set(mem, 0x80001008, 0x90000u << 10 | V | R | W);  // A, D clear
    cosim::Request req{0x00402abc, kLoad, kS, 0x80080000, false, false, 0};
    pw_mmu_outputs resp{};
    resp.resp_valid = true;
    resp.resp_paddr = 0x90000abc;
    cosim::ArchCheck svade(view, PW_AD_SVADE), svadu(view, PW_AD_SVADU);
    EXPECT_FALSE(svade.step(req, resp)) << "Svade must fault on A=0";
    EXPECT_FALSE(svadu.step(req, resp)) << "the write-back never happened";
    EXPECT_NE(svadu.explain().find("needed an A/D write-back"), std::string::npos) << svadu.explain();
    pw_smem_set(mem, 0x80001008, 0x90000u << 10 | V | R | W | A);
    EXPECT_TRUE(svadu.step(req, resp)) << svadu.explain();
    resp.resp_paddr = 0x90000abd;
    EXPECT_FALSE(svadu.step(req, resp));
    EXPECT_NE(svadu.explain().find("level 0: read PTE at 0x80001008"), std::string::npos) << svadu.explain();
    pw_smem_free(mem);
}

}  // namespace
