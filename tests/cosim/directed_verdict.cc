// The main of a mutant's directed program: the vector files and directed
// scenarios of test_lockstep.cc run on the one build linked in (a mutant,
// tests/mutants/rtl_mutant.sh), ending with a verdict a script can read.
//
// A test that fails by an assertion (the lockstep checker's mismatch, a
// vector line whose result differs, an expectation of a scenario) is a
// reported disagreement: the mutant was detected. A test that fails by an
// exception, or a program that crashes or runs no test, did not do its
// experiment: that is broken, never a detection. The last line says which:
//
//   DIRECTED: 32 tests, 3 reported a mismatch, 0 broken
//
// Exit status: 0 every test passed, 1 a mismatch was reported (and nothing
// broke), 3 broken.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace {

class Verdict : public testing::EmptyTestEventListener {
  public:
    void OnTestStart(const testing::TestInfo &) override { failed_ = broken_ = false; }

    void OnTestPartResult(const testing::TestPartResult &r) override
    {
        if (!r.failed())
            return;
        std::string m = r.message() ? r.message() : "";
        // GoogleTest's own words for an exception escaping a test.
        if (m.find("C++ exception") != std::string::npos || m.find("Unknown C++ exception") != std::string::npos)
            broken_ = true;
        else if (!failed_)
            first_ = gist(m);
        failed_ = true;
    }

    // The line of a failure message that says what disagreed: the test's own
    // words (the checker's report) rather than GoogleTest's "Value of: x".
    static std::string gist(const std::string &m)
    {
        static const char *const kFrames[] = {"Value of:", "  Actual:", "Expected:", "Which is:", "Expected equality",
                                              "Expected: (", "  Actual", "Expected"};
        std::string first, line;
        for (size_t at = 0; at <= m.size();) {
            size_t end = m.find('\n', at);
            line = m.substr(at, end == std::string::npos ? std::string::npos : end - at);
            at = end == std::string::npos ? m.size() + 1 : end + 1;
            if (line.empty())
                continue;
            if (first.empty())
                first = line;
            bool frame = false;
            for (const char *f : kFrames)
                frame = frame || line.compare(0, std::string(f).size(), f) == 0 || line[0] == ' ';
            if (!frame)
                return line;
        }
        return first;
    }

    void OnTestEnd(const testing::TestInfo &t) override
    {
        std::string name = std::string(t.test_suite_name()) + "." + t.name();
        if (broken_) {
            broken_tests++;
            std::printf("BROKEN %s: an exception, not a check, ended it\n", name.c_str());
        } else if (failed_) {
            mismatches++;
            std::printf("MISMATCH %s: %s\n", name.c_str(), first_.c_str());
        }
    }

    unsigned mismatches = 0, broken_tests = 0;

  private:
    bool failed_ = false, broken_ = false;
    std::string first_;
};

}  // namespace

int main(int argc, char **argv)
{
    testing::InitGoogleTest(&argc, argv);
    auto *verdict = new Verdict;  // the listener list owns it
    testing::UnitTest::GetInstance()->listeners().Append(verdict);
    int status = RUN_ALL_TESTS();
    const testing::UnitTest &u = *testing::UnitTest::GetInstance();
    unsigned ran = unsigned(u.test_to_run_count());
    std::printf("DIRECTED: %u tests, %u reported a mismatch, %u broken\n", ran, verdict->mismatches,
                verdict->broken_tests);
    if (ran == 0) {
        std::printf("BROKEN: no test ran (no build linked in, or a filter that matches nothing)\n");
        return 3;
    }
    if (verdict->broken_tests)
        return 3;
    if (verdict->mismatches)
        return 1;
    return status == 0 ? 0 : 3;  // a failure the listener did not see (a failed set-up of the suite)
}
