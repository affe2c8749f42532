// The MMU cycle model (cmodel/mmu_cycle.c) against docs/mmu.md: random tables against the architectural model pw_translate().
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "mmu_cycle_bench.h"

namespace {

using namespace mmu_bench;

// ---------------------------------------------------------------- consistency

// Random requests over random tables (never modified except by the MMU's own
// A/D write-backs), random sfences, latency and back-pressure: every response
// and every write-back must be pw_translate's.
class MmuRandom : public Mmu,
                  public testing::WithParamInterface<std::tuple<pw_ad_policy, unsigned>> {};

TEST_P(MmuRandom, AgreesWithTheArchitecturalModel)
{
    const pw_ad_policy ad = std::get<0>(GetParam());
    const unsigned hit_latency = std::get<1>(GetParam());
    configure(8, ad, hit_latency);
    std::mt19937 rng(0x5eed + ad);
    auto rnd = [&](uint32_t n) { return uint32_t(rng() % n); };
    const uint32_t perms[] = {PW_PTE_R, PW_PTE_R | PW_PTE_W, PW_PTE_X, PW_PTE_R | PW_PTE_X,
                              PW_PTE_R | PW_PTE_W | PW_PTE_X};
    auto random_leaf = [&](uint32_t ppn) {
        uint32_t pte = ppn << 10 | (rnd(2) ? perms[4] : perms[rnd(5)]) | PW_PTE_V;
        pte |= (rnd(3) == 0 ? PW_PTE_U : 0) | (rnd(4) == 0 ? PW_PTE_G : 0);
        pte |= (rnd(10) < 8 ? PW_PTE_A : 0) | (rnd(2) ? PW_PTE_D : 0);
        if (rnd(30) == 0)
            pte &= ~PW_PTE_V;
        if (rnd(60) == 0)
            pte = rng();  // junk
        return pte;
    };
    // 16 megabyte regions: most point to a table, some are megapages
    std::vector<uint32_t> vpn1s, table_vpn1s;
    for (uint32_t i = 0; i < 16; i++) {
        uint32_t v1 = 0x100 + i * 7;
        vpn1s.push_back(v1);
        uint64_t l1 = (uint64_t(kRootPpn) << 12) + 4 * v1;
        switch (rnd(20)) {
        case 0:
        case 1: pw_smem_set(mem, l1, random_leaf(0x100 + i) & ~(0x3ffu << 10)); break;  // aligned mega
        case 2: pw_smem_set(mem, l1, random_leaf(0x4000 + i)); break;  // often misaligned
        case 3: pw_smem_set_error(mem, l1); break;
        default: {
            uint32_t table = next_table_ppn++;
            table_vpn1s.push_back(v1);
            uint32_t pointer = table << 10 | PW_PTE_V | (rnd(5) == 0 ? PW_PTE_G : 0);
            if (rnd(25) == 0)
                pointer |= PW_PTE_A;  // reserved in a pointer
            pw_smem_set(mem, l1, pointer);
            for (uint32_t v0 = 0; v0 < 32; v0++) {
                uint64_t l0 = (uint64_t(table) << 12) + 4 * v0;
                pw_smem_set(mem, l0, random_leaf(0x60000 + i * 32 + v0));
                if (rnd(60) == 0)
                    pw_smem_set_error(mem, l0);
                else if (rnd(60) == 0)
                    write_errors.insert(l0);
            }
        }
        }
    }
    // requests mostly from a working set a little larger than the TLB
    std::vector<uint32_t> pages;
    for (int i = 0; i < 12; i++)
        pages.push_back(rnd(4) ? table_vpn1s[rnd(uint32_t(table_vpn1s.size()))] << 22 | rnd(32) << 12
                               : vpn1s[rnd(16)] << 22 | rnd(32) << 12);
    before_edge = [&] {
        in.sfence_valid = rnd(150) == 0;
        in.sfence_all_va = rnd(2);
        in.sfence_all_asid = rnd(2);
        in.sfence_vaddr = vpn1s[rnd(16)] << 22 | rnd(32) << 12;
        in.sfence_asid = rnd(4);
    };
    unsigned faults = 0;

    const int kRequests = 4000;
    for (int n = 0; n < kRequests; n++) {
        latency = 1 + rnd(3);
        stall = rnd(3) == 0 ? rnd(3) : 0;
        idle(rnd(3) == 0 ? rnd(3) : 0);
        in.satp = rnd(30) == 0 ? rnd(1u << 31) : sv32_satp(rnd(4) == 0 ? rnd(4) : 1);
        in.sum = rnd(4) != 0;
        in.mxr = rnd(2);
        const unsigned priv = rnd(8) == 0 ? 2 + rnd(2) : rnd(4) == 0 ? kU : kS;
        const unsigned access = rnd(4);
        const uint32_t page =
            rnd(5) ? pages[rnd(uint32_t(pages.size()))] : vpn1s[rnd(16)] << 22 | rnd(32) << 12;
        const uint32_t va = page | rnd(4096);
        SCOPED_TRACE("request " + std::to_string(n) + " va " + std::to_string(va));
        pw_result want = reference(va, access, priv, ad);
        const size_t before = accesses.size();
        const uint64_t accepted = issue(va, access, priv);
        const bool hit = m.events.hit;
        Response r = wait_response(accepted);
        ASSERT_EQ(r.fault, want.fault) << pw_end_text(want.end);
        ASSERT_EQ(r.cause, want.cause);
        ASSERT_EQ(r.pa, want.pa);
        ASSERT_FALSE(r.fault && m.events.fill) << "a fault filled the TLB";
        std::vector<std::pair<uint64_t, uint32_t>> got, expect;
        for (size_t i = before; i < accesses.size(); i++)
            if (accesses[i].write)
                got.push_back({accesses[i].addr, accesses[i].wdata});
        for (unsigned i = 0; i < want.nsteps; i++)
            if (want.steps[i].write)
                expect.push_back({want.steps[i].addr, want.steps[i].value});
        ASSERT_EQ(got, expect) << "A/D write-backs differ";
        if (hit) {
            ASSERT_EQ(r.cycles(), hit_latency);
        }
        faults += r.fault;
    }
    before_edge = nullptr;
    in.sfence_valid = false;
    idle(2);  // the pipelined MMU counts a cycle late
    const pw_mmu_outputs &o = out();
    // the run covered both paths, and faults did not crowd out translations
    EXPECT_GT(o.cnt_hits, kRequests / 10u);
    EXPECT_GT(o.cnt_misses, kRequests / 10u);
    EXPECT_GT(faults, kRequests / 10u);
    EXPECT_LT(faults, kRequests * 2u / 3u);
    EXPECT_EQ(o.cnt_faults, faults);
}

INSTANTIATE_TEST_SUITE_P(PoliciesAndLatencies, MmuRandom,
                         testing::Combine(testing::Values(PW_AD_SVADE, PW_AD_SVADU),
                                          testing::Values(1u, 2u, 3u)),
                         [](const testing::TestParamInfo<std::tuple<pw_ad_policy, unsigned>> &i) {
                             return std::string(pw_ad_name(std::get<0>(i.param))) + "Latency" +
                                    std::to_string(std::get<1>(i.param));
                         });


}  // namespace
