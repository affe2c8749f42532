// The pagewalk-model command as a user meets it: exit codes, file:line
// errors, failure reports. Runs the built binary.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>

#ifndef PAGEWALK_MODEL_CMD
#error "PAGEWALK_MODEL_CMD must name the built pagewalk-model"
#endif
#ifndef PAGEWALK_SOURCE_DIR
#error "PAGEWALK_SOURCE_DIR must name the repository"
#endif

namespace {

struct CommandRun {
    int status;
    std::string output;  // stdout and stderr together
};

CommandRun run(const std::string &args)
{
    std::string cmd = std::string(PAGEWALK_MODEL_CMD) + " " + args + " 2>&1 </dev/null";
    FILE *p = popen(cmd.c_str(), "r");
    CommandRun r{-1, ""};
    if (!p)
        return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        r.output.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return r;
}

std::string src(const std::string &rel) { return std::string(PAGEWALK_SOURCE_DIR) + "/" + rel; }

std::string last_line(const std::string &s)
{
    size_t end = s.find_last_not_of('\n');
    size_t start = s.rfind('\n', end);
    return s.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

std::string temp_file(const std::string &name, const std::string &text)
{
    std::string path = testing::TempDir() + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

#define EXPECT_CONTAINS(hay, needle) \
    EXPECT_NE((hay).find(needle), std::string::npos) << "missing: " << (needle) << "\nin:\n" << (hay)

TEST(Cli, HelpAndVersion)
{
    CommandRun h = run("help");
    EXPECT_EQ(h.status, 0);
    EXPECT_CONTAINS(h.output, "usage: pagewalk-model");
    EXPECT_EQ(run("--version").status, 0);
}

TEST(Cli, UnknownCommandAndOptionsAreUsageErrors)
{
    CommandRun a = run("frobnicate");
    EXPECT_EQ(a.status, 2);
    EXPECT_CONTAINS(a.output, "unknown command 'frobnicate'");
    CommandRun b = run("check --bogus x.vec");
    EXPECT_EQ(b.status, 2);
    EXPECT_CONTAINS(b.output, "unknown option '--bogus'");
    CommandRun c = run("check");
    EXPECT_EQ(c.status, 2);
    EXPECT_CONTAINS(c.output, "at least one FILE.vec");
    CommandRun d = run("check --max-reports many x.vec");
    EXPECT_EQ(d.status, 2);
    EXPECT_EQ(run("").status, 2);
}

TEST(Cli, MissingFileIsNamed)
{
    CommandRun r = run("check /nonexistent/missing.vec");
    EXPECT_EQ(r.status, 2);
    EXPECT_CONTAINS(r.output, "/nonexistent/missing.vec: error: cannot open");
    EXPECT_EQ(last_line(r.output), "0 passed, 0 failed");
}

// Each malformed file in tests/vectors/bad/ names its first bad line.
struct BadFile {
    const char *file;
    const char *where;    // "file:line"
    const char *message;
};

class CliBadFile : public testing::TestWithParam<BadFile> {};

TEST_P(CliBadFile, ErrorNamesFileAndLine)
{
    std::string path = src(std::string("tests/vectors/bad/") + GetParam().file);
    CommandRun r = run("check " + path);
    EXPECT_EQ(r.status, 2);
    EXPECT_CONTAINS(r.output, path + ":" + GetParam().where + ": error: ");
    EXPECT_CONTAINS(r.output, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(Malformed, CliBadFile,
                         testing::Values(BadFile{"unknown-kind.vec", "4", "unknown line type 'q'"},
                                         BadFile{"field-count.vec", "3", "'t' takes 7 fields"},
                                         BadFile{"bad-hex.vec", "2", "VALUE 'zz' is not a hex number"},
                                         BadFile{"bad-cause.vec", "3", "3 is not a translation fault cause"},
                                         BadFile{"misaligned.vec", "2", "not word-aligned"},
                                         BadFile{"nul-byte.vec", "2", "NUL byte"}));

TEST(Cli, OtherFilesAreStillCheckedAfterAMalformedOne)
{
    std::string good = temp_file("good.vec", "t 0 S r 0 0 1234 pa=1234\n");
    CommandRun r = run("check " + src("tests/vectors/bad/bad-hex.vec") + " " + good);
    EXPECT_EQ(r.status, 2);
    EXPECT_CONTAINS(r.output, "1 file could not be checked");
    EXPECT_EQ(last_line(r.output), "1 passed, 0 failed");
}

TEST(Cli, FailureReportHasLineExpectedActualWalkAndReproducer)
{
    std::string path = src("tests/vectors/bad/wrong-expectation.vec");
    CommandRun r = run("check " + path);
    EXPECT_EQ(r.status, 1);
    EXPECT_CONTAINS(r.output, path + ":5: FAIL: t 80080000 U r 0 0 00402abc pa=90000abc");
    EXPECT_CONTAINS(r.output, "expected pa=90000abc, model gives fault=13 (load page fault)");
    EXPECT_CONTAINS(r.output, "level 0: read PTE at 0x80001008 = 0x240000c7 [V R W A D]");
    EXPECT_CONTAINS(r.output, "U-mode access to a U=0 page");
    EXPECT_CONTAINS(r.output, "reproduce: pagewalk-model explain " + path + ":5");
    EXPECT_CONTAINS(r.output, path + ":7: FAIL: c 80001008 24000047");
    EXPECT_EQ(last_line(r.output), "2 passed, 2 failed");

    CommandRun q = run("check --quiet " + path);
    EXPECT_EQ(q.status, 1);
    EXPECT_EQ(q.output, "2 passed, 2 failed\n");
}

TEST(Cli, ExplainALineOfAFile)
{
    std::string path = src("tests/vectors/bad/wrong-expectation.vec");
    CommandRun r = run("explain " + path + ":4");
    EXPECT_EQ(r.status, 0);
    EXPECT_CONTAINS(r.output, "S-mode load of VA 0x00402abc");
    EXPECT_CONTAINS(r.output, "result: pa=0x90000abc");
    EXPECT_CONTAINS(r.output, "the model agrees");
    CommandRun bad = run("explain " + path + ":2");
    EXPECT_EQ(bad.status, 2);
    EXPECT_CONTAINS(bad.output, path + ":2: error: not a t line");
    CommandRun past = run("explain " + path + ":999");
    EXPECT_EQ(past.status, 2);
    EXPECT_CONTAINS(past.output, "no line 999");
    EXPECT_EQ(run("explain " + path + ":x").status, 2);
}

TEST(Cli, ExplainFieldsAgainstAMemoryImage)
{
    std::string path = src("tests/vectors/bad/wrong-expectation.vec");
    CommandRun r = run("explain --ad svadu --mem " + path + " 80080000 S w 0 0 00402abc");
    EXPECT_EQ(r.status, 0);
    EXPECT_CONTAINS(r.output, "svadu");
    EXPECT_CONTAINS(r.output, "result: pa=0x90000abc");
    CommandRun bare = run("explain 0 U x 0 0 1234");
    EXPECT_EQ(bare.status, 0);
    EXPECT_CONTAINS(bare.output, "satp.MODE=0 (bare)");
    CommandRun bad = run("explain 80080000 Q r 0 0 1");
    EXPECT_EQ(bad.status, 2);
    EXPECT_CONTAINS(bad.output, "PRIV must be U, S or M");
    EXPECT_EQ(run("explain --ad maybe 0 U x 0 0 1234").status, 2);
}

TEST(Cli, AFileWithNothingToCheckIsAnError)
{
    std::string path = temp_file("empty.vec", "# nothing here\nm 80000000 1\n");
    CommandRun r = run("check " + path);
    EXPECT_EQ(r.status, 2);
    EXPECT_CONTAINS(r.output, path + ": error: no t or c lines");
    EXPECT_EQ(last_line(r.output), "0 passed, 0 failed");
}

TEST(Cli, BinaryGarbageIsAnErrorNotACrash)
{
    std::string junk("\x7f" "ELF\x01\x01\x01\x00\x00\x00\xff\xfe\n\x00\x01", 15);
    std::string path = temp_file("junk.vec", junk);
    CommandRun r = run("check " + path);
    EXPECT_EQ(r.status, 2);
    EXPECT_CONTAINS(r.output, path + ":1: error: ");
}

}  // namespace
