// The MMU checker fed by hand, as a harness with pw_mmu inside a CPU feeds
// it: here the "MMU" is a second cycle model, so no Verilated build is
// needed and its outputs can be corrupted at will. Each way the checker can
// fail is provoked, and must be reported as that failure.
#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "mmu_checker.h"

namespace {

constexpr uint32_t V = PW_PTE_V, R = PW_PTE_R, W = PW_PTE_W, A = PW_PTE_A, D = PW_PTE_D;
constexpr uint32_t kSatp = 0x80080000;     // Sv32, ASID 0, root table at 0x80000000
constexpr uint32_t kVa = 0x00402abc;       // VPN[1] 1, VPN[0] 2
constexpr uint64_t kLeaf = 0x80001008;     // its level-0 PTE


// A harness around an "MMU" (a cycle model) and its memory (always ready,
// one cycle of latency), feeding the checker every cycle.
class Harness {
  public:
    explicit Harness(bool compare = true, unsigned hit_latency = 1)
        : mem_(pw_smem_new()), view_(mem_), checker_(config(hit_latency), &view_, compare)
    {
        pw_mmu_config cfg = config(hit_latency);
        pw_mmu_init(&mmu_, &cfg);
        pw_smem_set(mem_, 0x80000004, 0x80001u << 10 | V);        // root entry 1: a pointer
        pw_smem_set(mem_, kLeaf, 0x90000u << 10 | V | R | W | A | D);  // leaf: page 0x90000
    }
    ~Harness() { pw_smem_free(mem_); }

    static pw_mmu_config config(unsigned hit_latency = 1)
    {
        return pw_mmu_config{8, PW_AD_SVADE, true, hit_latency, PW_COUNTERS_32, false, false};
    }

    // One cycle; corrupt may change the MMU's outputs before the checker sees them.
    bool cycle(const std::function<void(pw_mmu_outputs &)> &corrupt = nullptr)
    {
        out_ = *pw_mmu_outputs_now(&mmu_);
        if (corrupt)
            corrupt(out_);
        in_.mem_req_ready = false;
        in_.mem_resp_valid = false;
        if (pending_) {
            in_.mem_resp_valid = true;
            in_.mem_resp_rdata = rdata_;
            in_.mem_resp_err = err_;
            pending_ = false;
        } else if (out_.mem_req_valid && in_.rst_n) {
            in_.mem_req_ready = true;
            err_ = !pw_smem_get(mem_, out_.mem_req_addr, &rdata_);
            pending_ = true;
        }
        bool ok = checker_.step(cycles_, in_, out_);
        pw_mmu_step(&mmu_, &in_);
        cycles_++;
        return ok;
    }
    bool reset()
    {
        in_ = pw_mmu_inputs{};
        bool ok = cycle() && cycle();
        in_.rst_n = true;
        in_.satp = kSatp;
        return ok;
    }
    // Present a load of va until accepted, then run until its response
    // (bounded); false as soon as the checker disagrees.
    bool load(uint32_t va, const std::function<void(pw_mmu_outputs &)> &corrupt = nullptr)
    {
        in_.req_valid = true;
        in_.req_vaddr = va;
        in_.req_access = PW_MMU_ACCESS_LOAD;
        in_.req_priv = PW_PRIV_S_VALUE;
        for (int i = 0; i < 50; i++) {
            bool accepted = pw_mmu_outputs_now(&mmu_)->req_ready;
            if (!cycle(corrupt))
                return false;
            if (accepted)
                in_.req_valid = false;
            if (out_.resp_valid)
                return true;
        }
        ADD_FAILURE() << "no response within 50 cycles";
        return false;
    }

    // Present each VA for one cycle, back to back (each must be accepted),
    // then run until every one is answered (bounded).
    bool loads_back_to_back(const std::vector<uint32_t> &vas)
    {
        in_.req_access = PW_MMU_ACCESS_LOAD;
        in_.req_priv = PW_PRIV_S_VALUE;
        uint64_t answered = checker_.translations() + vas.size();
        for (uint32_t va : vas) {
            in_.req_valid = true;
            in_.req_vaddr = va;
            if (!pw_mmu_outputs_now(&mmu_)->req_ready) {
                ADD_FAILURE() << "VA " << va << " was not accepted back to back";
                return false;
            }
            if (!cycle())
                return false;
        }
        in_.req_valid = false;
        for (int i = 0; i < 50 && checker_.translations() < answered; i++)
            if (!cycle())
                return false;
        return checker_.translations() == answered;
    }

    pw_sparse_mem *mem() { return mem_; }
    void set_satp(uint32_t satp) { in_.satp = satp; }
    cosim::MmuChecker &checker() { return checker_; }

  private:
    pw_sparse_mem *mem_;
    cosim::SparseMemoryView view_;
    cosim::MmuChecker checker_;
    pw_mmu_model mmu_;
    pw_mmu_inputs in_{};
    pw_mmu_outputs out_{};
    bool pending_ = false, err_ = false;
    uint32_t rdata_ = 0;
    uint64_t cycles_ = 0;
};

TEST(MmuChecker, AgreesWithAFaithfulMmuAndChecksEveryTranslation)
{
    Harness h;
    ASSERT_TRUE(h.reset());
    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();  // a walk
    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();  // a TLB hit
    EXPECT_EQ(h.checker().translations(), 2u);
    EXPECT_EQ(h.checker().outstanding(), 0u);
}

TEST(MmuChecker, NamesTheOutputThatDiffers)
{
    Harness h;
    ASSERT_TRUE(h.reset());
    bool ok = h.load(kVa, [](pw_mmu_outputs &o) {
        if (o.resp_valid)
            o.resp_paddr ^= 0x1000;  // the wrong page
    });
    ASSERT_FALSE(ok);
    std::string why = h.checker().explain();
    EXPECT_EQ(h.checker().mismatch().rfind("output resp_paddr differs\n", 0), 0u) << why;
    EXPECT_NE(why.find("<-- differs"), std::string::npos) << why;
    EXPECT_NE(why.find("translation in flight: S-mode load of VA 0x00402abc"), std::string::npos) << why;
    EXPECT_NE(why.find("level 0: read PTE at 0x80001008"), std::string::npos) << why;
    EXPECT_NE(why.find("TLB contents (cycle model) before this cycle's edge"), std::string::npos) << why;
}

TEST(MmuChecker, ChecksResponsesAgainstTheArchitecturalModelToo)
{
    // The MMU and the cycle model agree, but the page table changes under the
    // walk without an sfence: the architectural model, reading memory as it
    // is now, gives another page, and the checker must say so.
    Harness h;
    ASSERT_TRUE(h.reset());
    bool ok = h.load(kVa, [&h](pw_mmu_outputs &o) {
        if (o.resp_valid)
            pw_smem_set(h.mem(), kLeaf, 0x90005u << 10 | V | R | W | A | D);
    });
    ASSERT_FALSE(ok);
    std::string why = h.checker().explain();
    EXPECT_EQ(h.checker().mismatch().rfind("the response disagrees with the architectural model\n", 0), 0u)
        << why;
    EXPECT_NE(why.find("RTL and cycle model: pa=90000abc; architectural model: pa=90005abc"), std::string::npos)
        << why;
}

TEST(MmuChecker, CatchesAResponseNobodyAskedFor)
{
    Harness h(false);  // compare nothing: only follow the requests
    ASSERT_TRUE(h.reset());
    ASSERT_FALSE(h.cycle([](pw_mmu_outputs &o) { o.resp_valid = true; }));
    EXPECT_EQ(h.checker().mismatch(), "a response with no request outstanding\n");
}

// ---- the functional bins the checker counts (cosim/functional_coverage.h)

uint64_t bin(const cosim::FunctionalCoverage &c, const std::string &name)
{
    auto it = c.bins().find(name);
    if (it == c.bins().end())
        throw std::runtime_error("no bin " + name);
    return it->second;
}

TEST(FunctionalCoverage, CountsAWalkAHitAndWhereTheTablesLie)
{
    Harness h;
    cosim::FunctionalCoverage bins(Harness::config());
    h.checker().count_coverage(&bins);
    ASSERT_TRUE(h.reset());
    EXPECT_EQ(bin(bins, "reset.idle"), 2u);
    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();  // a walk through 0x8000_0004 and 0x8000_1008
    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();  // a hit on entry 0
    EXPECT_EQ(bin(bins, "xlate.svade.S.r.ok.l0.miss"), 1u);
    EXPECT_EQ(bin(bins, "xlate.svade.S.r.ok.l0.hit"), 1u);
    EXPECT_EQ(bin(bins, "pa.root.r2"), 1u) << "0x8000_0000 is in the third GiB";
    EXPECT_EQ(bin(bins, "pa.table.r2"), 1u);
    EXPECT_EQ(bin(bins, "pa.leaf.r2"), 2u) << "page 0x9000_0000, twice";
    EXPECT_EQ(bin(bins, "tlb.e0.fill"), 1u);
    EXPECT_EQ(bin(bins, "tlb.e0.hit"), 1u);
    EXPECT_EQ(bin(bins, "tlb.e1.fill"), 0u);
    EXPECT_THROW(bin(bins, "xlate.svade.S.r.a_clear.l0.hit"), std::runtime_error)
        << "a hit never finds A clear: no such bin";
}

TEST(FunctionalCoverage, CountsAMisalignedMegapageByItsPpn0BitAndAnAsidOneBitAway)
{
    Harness h;
    cosim::FunctionalCoverage bins(Harness::config());
    h.checker().count_coverage(&bins);
    ASSERT_TRUE(h.reset());
    pw_smem_set(h.mem(), 0x80000008, (0x90400u | 1u << 3) << 10 | V | R | A | D);  // PPN[0] = bit 3 alone
    ASSERT_TRUE(h.load(0x00800000)) << h.checker().explain();
    EXPECT_EQ(bin(bins, "xlate.svade.S.r.misaligned_megapage.l1.miss"), 1u);
    EXPECT_EQ(bin(bins, "mega_misaligned.bit3"), 1u);
    EXPECT_EQ(bin(bins, "mega_misaligned.bit2"), 0u);

    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();  // an entry of ASID 0
    h.set_satp(kSatp | 1u << (PW_SATP_ASID_SHIFT + 4));  // ASID 0x10: bit 4 apart
    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();
    EXPECT_EQ(bin(bins, "asid.lookup_differs.b4"), 1u);
    EXPECT_EQ(bin(bins, "asid.lookup_differs.b3"), 0u);
    EXPECT_EQ(bin(bins, "asid.lookup_matches.b4"), 0u) << "the new entry is not looked up yet";
    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();
    EXPECT_EQ(bin(bins, "asid.lookup_matches.b4"), 1u);
}

// Hit latency 3: a hit accepted just ahead of a miss is answered first, and
// each response takes its own request's bin (hit or walk); the walk's reads
// are the miss's.
TEST(FunctionalCoverage, FollowsTheRequestsInFlightInOrder)
{
    Harness h(true, 3);
    cosim::FunctionalCoverage bins(Harness::config(3));
    h.checker().count_coverage(&bins);
    ASSERT_TRUE(h.reset());
    ASSERT_TRUE(h.load(kVa)) << h.checker().explain();  // a walk fills entry 0
    EXPECT_EQ(bin(bins, "pa.root.r2"), 1u);
    // kVa hits; 0x00c00000 (root entry 3, invalid) walks and faults at level 1
    ASSERT_TRUE(h.loads_back_to_back({kVa, 0x00c00000})) << h.checker().explain();
    EXPECT_EQ(bin(bins, "xlate.svade.S.r.ok.l0.miss"), 1u);
    EXPECT_EQ(bin(bins, "xlate.svade.S.r.ok.l0.hit"), 1u) << "the hit ahead of the miss is a hit";
    EXPECT_EQ(bin(bins, "xlate.svade.S.r.invalid.l1.miss"), 1u);
    EXPECT_EQ(bin(bins, "pa.root.r2"), 2u) << "the miss's walk read its root entry";
    EXPECT_EQ(bin(bins, "reset.idle"), 2u);
    EXPECT_EQ(bin(bins, "reset.done"), 0u) << "the pipelined walker's DONE has its bins";
    EXPECT_THROW(bin(cosim::FunctionalCoverage(Harness::config(1)), "reset.done"), std::runtime_error)
        << "the one-cycle walker has no DONE";
}

}  // namespace
