// The .vec line parser: what it accepts, and a clear message for what it does not.
#include <gtest/gtest.h>

#include <string>

#include "pagewalk_shim.h"

namespace {

pw_vec_line parse_ok(const char *text)
{
    pw_vec_line l;
    char err[256] = "";
    EXPECT_TRUE(pw_vec_parse_line(text, &l, err, sizeof err)) << text << ": " << err;
    return l;
}

TEST(VecParser, TranslateLine)
{
    pw_vec_line l = parse_ok("t 80080005 U x 1 0 00402abc fault=12");
    EXPECT_EQ(l.kind, PW_VEC_TRANSLATE);
    EXPECT_EQ(l.ctx.satp, 0x80080005u);
    EXPECT_EQ(l.ctx.priv, PW_PRIV_U);
    EXPECT_EQ(l.access, PW_ACCESS_FETCH);
    EXPECT_TRUE(l.ctx.sum);
    EXPECT_FALSE(l.ctx.mxr);
    EXPECT_EQ(l.va, 0x00402abcu);
    EXPECT_TRUE(l.expect_fault);
    EXPECT_EQ(l.expect_cause, 12u);
}

TEST(VecParser, ThirtyFourBitResultAndAddresses)
{
    pw_vec_line t = parse_ok("t 0x80080000 S w 0 1 0xffffffff pa=3ffffffff");
    EXPECT_FALSE(t.expect_fault);
    EXPECT_EQ(t.expect_pa, 0x3ffffffffull);
    EXPECT_EQ(parse_ok("m 3fffffffc deadbeef").addr, 0x3fffffffcull);
    EXPECT_EQ(parse_ok("c 0x10 1").value, 1u);
    EXPECT_EQ(parse_ok("e 80000000").kind, PW_VEC_BUS_ERROR);
}

TEST(VecParser, BlankCommentsAndKeywords)
{
    EXPECT_EQ(parse_ok("").kind, PW_VEC_BLANK);
    EXPECT_EQ(parse_ok("   # a comment").kind, PW_VEC_BLANK);
    EXPECT_EQ(parse_ok("reset").kind, PW_VEC_RESET);
    EXPECT_EQ(parse_ok("ad svadu").ad, PW_AD_SVADU);
    EXPECT_EQ(parse_ok("ad svade  # trailing comment").ad, PW_AD_SVADE);
    EXPECT_EQ(parse_ok("m 80000000 1\r").value, 1u) << "CRLF files are accepted";
}

struct BadLine {
    const char *text;
    const char *message;  // a part of the error that must appear
};

class VecParserRejects : public testing::TestWithParam<BadLine> {};

TEST_P(VecParserRejects, WithAMessageThatSaysWhat)
{
    pw_vec_line l;
    char err[256] = "";
    EXPECT_FALSE(pw_vec_parse_line(GetParam().text, &l, err, sizeof err)) << GetParam().text;
    EXPECT_NE(std::string(err).find(GetParam().message), std::string::npos)
        << "line: " << GetParam().text << "\nerror: " << err;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, VecParserRejects,
    testing::Values(BadLine{"x 1 2", "unknown line type 'x'"},
                    BadLine{"t 80080000 S r 0 0 1000", "'t' takes 7 fields"},
                    BadLine{"t 80080000 S r 0 0 1000 pa=1000 extra", "'t' takes 7 fields"},
                    BadLine{"t 80080000 S r 0 0 1000 pa=1 a b c d", "'t' takes 7 fields"},
                    BadLine{"t 80080000 H r 0 0 1000 pa=1000", "PRIV must be U, S or M"},
                    BadLine{"t 80080000 S rw 0 0 1000 pa=1000", "ACC must be r, w or x"},
                    BadLine{"t 80080000 S r 2 0 1000 pa=1000", "SUM must be 0 or 1"},
                    BadLine{"t 80080000 S r 0 yes 1000 pa=1000", "MXR must be 0 or 1"},
                    BadLine{"t 180080000 S r 0 0 1000 pa=1000", "SATP 0x180080000 is wider than 32 bits"},
                    BadLine{"t 80080000 S r 0 0 1g00 pa=1000", "VA '1g00' is not a hex number"},
                    BadLine{"t 80080000 S r 0 0 1000 pa=400000000", "wider than 34 bits"},
                    BadLine{"t 80080000 S r 0 0 1000 fault=14", "14 is not a translation fault cause"},
                    BadLine{"t 80080000 S r 0 0 1000 fault=x", "the cause must be a decimal number"},
                    BadLine{"t 80080000 S r 0 0 1000 ok", "must be pa=HEX or fault=CAUSE"},
                    BadLine{"m 80000002 1", "not word-aligned"},
                    BadLine{"m 400000000 1", "ADDR 0x400000000 is wider than 34 bits"},
                    BadLine{"m 80000000 100000000", "VALUE 0x100000000 is wider than 32 bits"},
                    BadLine{"m 80000000", "'m' takes 2 fields"},
                    BadLine{"e", "'e' takes 1 field (e ADDR)"},
                    BadLine{"c 0x 1", "ADDR '0x' is not a hex number"},
                    BadLine{"ad hardware", "A/D policy must be svade or svadu"},
                    BadLine{"reset now", "'reset' takes 0 fields"},
                    BadLine{"m 80000000 1\x01", "control character 0x01"}));

TEST(VecParser, OverlongLineIsRejected)
{
    std::string longline = "m 80000000 " + std::string(600, '0');
    pw_vec_line l;
    char err[256] = "";
    EXPECT_FALSE(pw_vec_parse_line(longline.c_str(), &l, err, sizeof err));
    EXPECT_NE(std::string(err).find("line longer than"), std::string::npos) << err;
}

}  // namespace
