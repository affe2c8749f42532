// Every directed case under both A/D policies, through the C shim.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <set>
#include <tuple>

#include "directed_cases.h"

namespace {

using directed::Case;

// The sparse memory behind a port that can refuse writes to one word, for
// the write-back bus error the .vec format cannot state.
struct TestMemory {
    pw_sparse_mem *mem = pw_smem_new();
    uint64_t write_error_at = ~0ull;
    unsigned writes = 0;

    ~TestMemory() { pw_smem_free(mem); }

    static bool read(void *ctx, uint64_t pa, uint32_t *value)
    {
        return pw_smem_get(static_cast<TestMemory *>(ctx)->mem, pa, value);
    }
    static bool write(void *ctx, uint64_t pa, uint32_t value)
    {
        auto *self = static_cast<TestMemory *>(ctx);
        self->writes++;
        if (pa == self->write_error_at)
            return false;
        pw_mem inner = pw_smem_port(self->mem);
        return inner.write(inner.ctx, pa, value);
    }
    pw_mem port() { return pw_mem{this, read, write}; }
};


// Translate a case under a policy on fresh memory; tm counts the writes.
pw_result run_case(const Case &c, pw_ad_policy ad, TestMemory &tm, pw_context *ctx)
{
    directed::install(c, tm.mem);
    if (c.bus_error == directed::BusError::LeafWrite)
        tm.write_error_at = directed::leaf_address(c);
    pw_mem port = tm.port();
    *ctx = pw_context{c.satp, c.priv, c.sum, c.mxr, ad};
    pw_result r;
    pw_translate(ctx, &port, directed::case_va(c), c.access, &r);
    return r;
}

class Directed : public testing::TestWithParam<std::tuple<size_t, pw_ad_policy>> {};

TEST_P(Directed, MatchesSpecification)
{
    const Case &c = directed::all_cases()[std::get<0>(GetParam())];
    const pw_ad_policy ad = std::get<1>(GetParam());
    const directed::Outcome &want = directed::expected(c, ad);
    SCOPED_TRACE(std::string(c.name) + " (" + pw_ad_name(ad) + "): " + c.rule);

    TestMemory tm;
    pw_context ctx;
    pw_result r = run_case(c, ad, tm, &ctx);
    std::string walk = pw_explain_text("", ctx, directed::case_va(c), c.access, r);

    if (want.cause) {
        EXPECT_TRUE(r.fault) << walk;
        EXPECT_EQ(r.cause, want.cause) << walk;
    } else {
        EXPECT_FALSE(r.fault) << walk;
        EXPECT_EQ(r.pa, want.pa) << std::hex << "pa 0x" << r.pa << " want 0x" << want.pa << "\n"
                                 << walk;
    }

    uint32_t leaf_now = 0;
    if (pw_smem_get(tm.mem, directed::leaf_address(c), &leaf_now)) {
        uint32_t leaf_want = want.leaf_after == directed::kUnchanged ? c.leaf : want.leaf_after;
        EXPECT_EQ(leaf_now, leaf_want) << std::hex << "leaf 0x" << leaf_now << "\n" << walk;
    }
    if (ad == PW_AD_SVADE) {
        EXPECT_EQ(tm.writes, 0u) << "Svade never writes a PTE\n" << walk;
    }
    EXPECT_LE(tm.writes, 1u) << "at most one write-back per walk\n" << walk;
    EXPECT_NE(walk.find("result: "), std::string::npos) << walk;
}

std::string CaseName(const testing::TestParamInfo<Directed::ParamType> &info)
{
    return std::string(directed::all_cases()[std::get<0>(info.param)].name) + "_" +
           pw_ad_name(std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(Sv32, Directed,
                         testing::Combine(testing::Range<size_t>(0, directed::all_cases().size()),
                                          testing::Values(PW_AD_SVADE, PW_AD_SVADU)),
                         CaseName);

// The table itself must cover every way a walk can end (pw_end), under some policy.
TEST(DirectedTable, CoversEveryEndOfAWalk)
{
    bool seen[PW_END_WRITEBACK_BUS_ERROR + 1] = {};
    for (const Case &c : directed::all_cases()) {
        for (pw_ad_policy ad : {PW_AD_SVADE, PW_AD_SVADU}) {
            TestMemory tm;
            pw_context ctx;
            seen[run_case(c, ad, tm, &ctx).end] = true;
        }
    }
    for (int e = 0; e <= PW_END_WRITEBACK_BUS_ERROR; e++)
        EXPECT_TRUE(seen[e]) << "no directed case ends with: " << pw_end_text(pw_end(e));
}

TEST(DirectedTable, NamesAreUnique)
{
    std::set<std::string> names;
    for (const Case &c : directed::all_cases())
        EXPECT_TRUE(names.insert(c.name).second) << "duplicate case name " << c.name;
}

}  // namespace
