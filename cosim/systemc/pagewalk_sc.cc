// pagewalk-sc: the SystemC/TLM-2.0 example platform run as a regression.
// One seeded run of one Verilated build; every translation checked. Prints
// one summary line ("pagewalk-sc: PASS ...") and exits 0, or reports the
// first mismatch and exits 1; a bad option exits 2.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <systemc>

#include "example_platform.h"
#include "options.h"
#include "verilated_mmu.h"

namespace {

// The build --ad names, or the first linked one; nullptr when none matches.
const pwsc::VerilatedMmuBuild *choose_build(const std::vector<pwsc::VerilatedMmuBuild> &builds,
                                            const std::string &ad, const std::string &name)
{
    for (const pwsc::VerilatedMmuBuild &b : builds)
        if (name.empty() ? (ad.empty() || ad == pw_ad_name(b.ad)) : name == b.name)
            return &b;
    return nullptr;
}

// The command line that reruns this run.
std::string reproduce(const char *program, const pwsc::VerilatedMmuBuild &build, const pwsc::Options &o)
{
    std::string which = o.build.empty() ? std::string(" --ad ") + pw_ad_name(build.ad) : " --build " + build.name;
    return std::string(program) + which + " --seed " + std::to_string(o.seed) + " --translations " +
           std::to_string(o.translations);
}

// The run's figures: what was checked, what the MMU and memory did.
void print_details(const pwsc::ExamplePlatform &p, double seconds)
{
    const pwsc::ScoreboardStats &s = p.scoreboard.stats();
    const pwsc::GeneratorStats &g = p.generator.stats();
    pwsc::MmuCounters c = p.mmu.counters();
    const pwsc::BridgeStats &b = p.mmu.bridge_stats();
    const pwsc::MemoryStats &m = p.memory.stats();
    uint64_t cycles = uint64_t(sc_core::sc_time_stamp() / sc_core::sc_time(pwsc::ExamplePlatform::kClockNs, sc_core::SC_NS));
    printf("  MMU: %" PRIu32 " TLB hits, %" PRIu32 " misses, %" PRIu32 " walks, %" PRIu32 " faults"
           " (page: %" PRIu64 " load, %" PRIu64 " store, %" PRIu64 " fetch; access: %" PRIu64 " load, %" PRIu64
           " store, %" PRIu64 " fetch)\n",
           c.hits, c.misses, c.walks, c.faults, s.faults[PW_CAUSE_LOAD_PAGE_FAULT], s.faults[PW_CAUSE_STORE_PAGE_FAULT],
           s.faults[PW_CAUSE_FETCH_PAGE_FAULT], s.faults[PW_CAUSE_LOAD_ACCESS], s.faults[PW_CAUSE_STORE_ACCESS],
           s.faults[PW_CAUSE_FETCH_ACCESS]);
    printf("  stimulus: %" PRIu64 " sfences, %" PRIu64 " table changes, %" PRIu64 " context switches\n", g.sfences,
           g.table_changes, g.context_switches);
    printf("  memory: %" PRIu64 " reads, %" PRIu64 " writes, %" PRIu64 " bus errors, mean latency %.2f cycles\n",
           m.reads, m.writes, m.errors, b.transactions ? double(b.latency_cycles) / double(b.transactions) : 0.0);
    printf("  %" PRIu64 " cycles in %.2f s (%.0f cycles/s)\n", cycles, seconds, seconds > 0 ? cycles / seconds : 0.0);
}

// Run the platform; the process exit status.
int run(const pwsc::VerilatedMmuBuild &build, const pwsc::Options &options, const std::string &again)
{
    pwsc::PlatformConfig config;
    config.seed = options.seed;
    config.translations = options.translations;
    config.reproduce = again;
    pwsc::ExamplePlatform platform("platform", build, config);

    auto start = std::chrono::steady_clock::now();
    sc_core::sc_start();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const pwsc::ScoreboardStats &s = platform.scoreboard.stats();
    const pwsc::GeneratorStats &g = platform.generator.stats();
    const pwsc::BridgeStats &b = platform.mmu.bridge_stats();
    std::string problem;
    if (s.mismatches)
        problem = std::to_string(s.mismatches) + " mismatch(es)";
    else if (b.protocol_errors)
        problem = std::to_string(b.protocol_errors) + " memory-port protocol error(s)";
    else if (s.translations != g.translations || s.transactions != g.translations)
        problem = "the scoreboard saw " + std::to_string(s.translations) + " responses and " +
                  std::to_string(s.transactions) + " transactions for " + std::to_string(g.translations) +
                  " translations";
    else if (g.translations != options.translations)
        problem = "the run ended after " + std::to_string(g.translations) + " translations";

    printf("pagewalk-sc: %s %s seed %" PRIu64 ": %" PRIu64 " translations checked (%" PRIu64
           " through TLM, %" PRIu64 " walks), %" PRIu64 " mismatches%s%s\n",
           problem.empty() ? "PASS" : "FAIL", build.name.c_str(), options.seed, s.translations, s.transactions,
           g.walks, s.mismatches, problem.empty() ? "" : ": ", problem.c_str());
    print_details(platform, seconds);
    if (!problem.empty())
        printf("  reproduce: %s\n", again.c_str());
    return problem.empty() ? 0 : 1;
}

}  // namespace

int sc_main(int argc, char **argv)
{
    const std::string program = argv[0];
    // The run ends with sc_stop(); SystemC need not say so.
    sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    pwsc::Options options;
    std::string error;
    if (!pwsc::parse_options(argc, argv, &options, &error)) {
        fprintf(stderr, "%s: %s\n%s", program.c_str(), error.c_str(), pwsc::usage(program).c_str());
        return 2;
    }
    if (options.help) {
        fputs(pwsc::usage(program).c_str(), stdout);
        return 0;
    }
    std::vector<pwsc::VerilatedMmuBuild> builds = pwsc::linked_mmu_builds();
    const pwsc::VerilatedMmuBuild *build = choose_build(builds, options.ad, options.build);
    if (!build) {
        std::string have;
        for (const pwsc::VerilatedMmuBuild &b : builds)
            have += std::string(have.empty() ? "" : ", ") + b.name + " (" + pw_ad_name(b.ad) + ", hit latency " +
                    std::to_string(b.hit_latency) + ")";
        fprintf(stderr, "%s: %s: this program has no %s build; it has: %s\n", program.c_str(),
                options.build.empty() ? "--ad" : "--build",
                (options.build.empty() ? options.ad : options.build).c_str(), have.c_str());
        return 2;
    }
    try {
        return run(*build, options, reproduce(program.c_str(), *build, options));
    } catch (const std::exception &e) {
        fprintf(stderr, "%s: %s\n  reproduce: %s\n", program.c_str(), e.what(),
                reproduce(program.c_str(), *build, options).c_str());
        return 1;
    }
}
