// The command-line values of pagewalk-iss and pagewalk-soc (cmodel/cli.h):
// each accepted spelling, and each refusal with its reason.
#include <gtest/gtest.h>

#include <string>

#include "iss_shim.h"

namespace {

constexpr uint64_t k16M = 16u << 20;

TEST(CliSize, AcceptsBytesHexAndSuffixes)
{
    const struct {
        const char *text;
        uint32_t bytes;
    } ok[] = {
        {"1048576", 1u << 20}, {"0x100000", 1u << 20}, {"1024K", 1u << 20}, {"1024k", 1u << 20},
        {"4M", 4u << 20},      {"4m", 4u << 20},       {"4K", 4096},        {"16M", 16u << 20},
    };
    for (const auto &c : ok) {
        uint32_t bytes = 0;
        char why[128] = "";
        EXPECT_TRUE(pw_cli_parse_size(c.text, k16M, &bytes, why, sizeof why)) << c.text << ": " << why;
        EXPECT_EQ(bytes, c.bytes) << c.text;
    }
    uint32_t bytes = 0;
    char why[128];
    EXPECT_TRUE(pw_cli_parse_size("2048M", PW_CLI_MAX_RAM, &bytes, why, sizeof why)) << why;
    EXPECT_EQ(bytes, 0x80000000u);
}

TEST(CliSize, RefusesWithTheReason)
{
    const struct {
        const char *text;
        const char *reason;
    } bad[] = {
        {"", "not a number"},
        {"M", "not a number"},
        {"-4K", "not a number"},
        {" 4K", "not a number"},
        {"3", "not a multiple of 4K"},
        {"6K", "not a multiple of 4K"},
        {"0", "zero"},
        {"0K", "zero"},
        {"4G", "'G' after the number"},
        {"4MB", "'B' after the number"},
        {"0x", "'x' after the number"},
        {"17M", "more than the most, 16M"},
        {"16385K", "more than the most, 16M"},
        {"18446744073709551615M", "more than the most, 16M"}, // would wrap when shifted
        {"99999999999999999999999", "too large"},
    };
    for (const auto &c : bad) {
        uint32_t bytes = 1234;
        char why[128] = "";
        EXPECT_FALSE(pw_cli_parse_size(c.text, k16M, &bytes, why, sizeof why)) << c.text;
        EXPECT_NE(std::string(why).find(c.reason), std::string::npos) << c.text << ": " << why;
        EXPECT_EQ(bytes, 1234u) << c.text;
    }
}

TEST(CliCount, PositiveWholeNumbersOnly)
{
    uint64_t v = 0;
    char why[128];
    EXPECT_TRUE(pw_cli_parse_count("1000", &v, why, sizeof why));
    EXPECT_EQ(v, 1000u);
    EXPECT_TRUE(pw_cli_parse_count("0x10", &v, why, sizeof why));
    EXPECT_EQ(v, 16u);
    EXPECT_TRUE(pw_cli_parse_count("18446744073709551615", &v, why, sizeof why));
    EXPECT_EQ(v, UINT64_MAX);
    const struct {
        const char *text;
        const char *reason;
    } bad[] = {{"", "not a number"},      {"-1", "not a number"},        {"0", "zero"},
               {"10x", "'x' after"},      {"1e6", "'e6' after"},         {"18446744073709551616", "too large"}};
    for (const auto &c : bad) {
        v = 77;
        EXPECT_FALSE(pw_cli_parse_count(c.text, &v, why, sizeof why)) << c.text;
        EXPECT_NE(std::string(why).find(c.reason), std::string::npos) << c.text << ": " << why;
        EXPECT_EQ(v, 77u) << c.text;
    }
}

} // namespace
