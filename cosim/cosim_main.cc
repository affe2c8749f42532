// pagewalk-cosim: one seeded lockstep co-simulation of a Verilated MMU
// build against the C cycle model and the architectural model.
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>

#include "lockstep.h"
#include "replay.h"

namespace {

const char kUsage[] =
    "usage: pagewalk-cosim [OPTIONS]\n"
    "  --ad svade|svadu     the build for that A/D policy (default svade)\n"
    "  --dut NAME           a build by name (see --list); overrides --ad\n"
    "  --seed N             stimulus seed (default 1)\n"
    "  --cycles N           cycles to run (default 100000)\n"
    "  --raw                run the RTL alone with the same stimulus, checking nothing\n"
    "  --bench              run checked, then raw, on the same seed; print both speeds\n"
    "                       (processor time, the best of --repeat N runs each, default 3)\n"
    "  --trace FILE.fst     record the whole run as an FST waveform\n"
    "  --wave-dir DIR       where a failure's waveform goes (default build/cosim/waves)\n"
    "  --no-wave            no waveform on failure\n"
    "  --events N           events shown before a failure (default 20, at most 256)\n"
    "  --json               end with a one-line JSON summary\n"
    "  --stimulus FILE      drive the RTL (cycle model in lockstep) from a .stim file\n"
    "                       (docs/stimulus-format.md) and write the RTL's trace\n"
    "  --trace-out FILE     where that trace goes (default: standard output)\n"
    "  --write-stimulus FILE  record the seeded run as a .stim file, without table\n"
    "                       changes and resets, which a stimulus cannot state\n"
    "  --list               list the builds linked in\n"
    "Exit status: 0 all agreed, 1 a mismatch, 2 a usage error.\n";

int usage_error(const std::string &msg)
{
    std::fprintf(stderr, "pagewalk-cosim: error: %s\nTry 'pagewalk-cosim --help'.\n", msg.c_str());
    return 2;
}

bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (!s || !*s || *s == '-')
        return false;
    errno = 0;
    unsigned long long v = std::strtoull(s, &end, 0);
    if (*end || errno)
        return false;
    *out = v;
    return true;
}

void print_summary(const cosim::DutBuild &b, uint64_t seed, const cosim::RunStats &s, bool ok, bool json)
{
    std::printf("%s: build %s (%s), seed %" PRIu64 ": %" PRIu64 " cycles, %" PRIu64
                " translations (%" PRIu64 " hits, %" PRIu64 " misses), faults",
                ok ? "PASS" : "FAIL", b.name.c_str(), b.describe().c_str(), seed, s.cycles,
                s.translations, s.hits, s.misses);
    static const unsigned causes[] = {1, 5, 7, 12, 13, 15};
    for (unsigned c : causes)
        std::printf(" %u:%" PRIu64, c, s.faults[c]);
    std::printf(", %" PRIu64 " sfences, %.2f s (%.2f M cycles/s)\n", s.sfences, s.seconds,
                s.seconds > 0 ? double(s.cycles) / s.seconds / 1e6 : 0.0);
    if (!json)
        return;
    std::printf("{\"seed\": %" PRIu64 ", \"dut\": \"%s\", \"ad\": \"%s\", \"entries\": %u, \"hit_latency\": %u"
                ", \"cycles\": %" PRIu64 ", \"translations\": %" PRIu64 ", \"hits\": %" PRIu64
                ", \"misses\": %" PRIu64 ", \"faults\": {",
                seed, b.name.c_str(), pw_ad_name(b.ad), b.tlb_entries, b.hit_latency, s.cycles, s.translations,
                s.hits, s.misses);
    for (unsigned i = 0; i < 6; i++)
        std::printf("%s\"%u\": %" PRIu64, i ? ", " : "", causes[i], s.faults[causes[i]]);
    std::printf("}, \"sfences\": %" PRIu64 ", \"mismatches\": %" PRIu64 ", \"seconds\": %.3f}\n", s.sfences,
                s.mismatches, s.seconds);
}

}  // namespace

int main(int argc, char **argv)
{
    std::string dut = "svade", trace, wave_dir = "build/cosim/waves", stimulus, trace_out = "-", write_stim;
    uint64_t seed = 1, cycles = 100000, repeat = 3;
    bool json = false, raw = false, wave = true, bench = false;
    unsigned events = 20;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : nullptr;
        auto need = [&](const char *what) {
            if (!val)
                return false;
            (void)what;
            i++;
            return true;
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--list") {
            for (const cosim::DutBuild &b : cosim::dut_builds())
                std::printf("%s (%s)\n", b.name.c_str(), b.describe().c_str());
            return 0;
        } else if (a == "--ad" || a == "--dut") {
            if (!need("a name"))
                return usage_error(a + " needs a value");
            dut = val;
            if (a == "--ad" && dut != "svade" && dut != "svadu")
                return usage_error("--ad takes svade or svadu, not '" + dut + "'");
        } else if (a == "--seed" || a == "--cycles" || a == "--repeat") {
            uint64_t *dst = a == "--seed" ? &seed : a == "--cycles" ? &cycles : &repeat;
            if (!need("a number") || !parse_u64(val, dst))
                return usage_error(a + " takes a non-negative number");
        } else if (a == "--trace" || a == "--wave-dir" || a == "--stimulus" || a == "--trace-out" ||
                   a == "--write-stimulus") {
            if (!need("a path"))
                return usage_error(a + " needs a path");
            (a == "--trace" ? trace : a == "--wave-dir" ? wave_dir : a == "--stimulus" ? stimulus
                                   : a == "--trace-out" ? trace_out : write_stim) = val;
        } else if (a == "--events") {
            uint64_t n;
            if (!need("a number") || !parse_u64(val, &n) || n > 256)
                return usage_error("--events takes a number up to 256");
            events = unsigned(n);
        } else if (a == "--json") {
            json = true;
        } else if (a == "--raw") {
            raw = true;
        } else if (a == "--bench") {
            bench = true;
        } else if (a == "--no-wave") {
            wave = false;
        } else {
            return usage_error("unknown option '" + a + "'");
        }
    }
    const cosim::DutBuild *build = cosim::find_dut_build(dut);
    if (!build)
        return usage_error("no build named '" + dut + "' in this program (--list shows them)");

    if (!stimulus.empty())
        return cosim::replay_stimulus(*build, stimulus, trace_out, trace);
    if (!write_stim.empty())
        return cosim::record_stimulus(*build, seed, cycles, write_stim);

    cosim::RunOptions opt;
    opt.seed = seed;
    opt.cycles = cycles;
    opt.check = !raw;
    opt.events = events;
    opt.reproduce = std::string(argv[0]) + " --dut " + dut + " --seed " + std::to_string(seed);
    if (!trace.empty()) {
        opt.wave_path = trace;
        opt.trace_to = cycles;
    }
    if (bench) {
        // The same seed, lockstep with every check, then the RTL alone with
        // the same stimulus and memory agent, `repeat` times each; the best
        // processor time of each (another program on a shared machine only
        // ever makes a run slower).
        bool ok = true;
        double checked_cpu = 0, raw_cpu = 0, checked_wall = 0, raw_wall = 0;
        for (uint64_t i = 0; i < repeat; i++) {
            for (bool check : {true, false}) {
                cosim::RunOptions o = opt;
                o.check = check;
                cosim::Runner run(*build, o);
                bool passed = run.run();
                if (check)
                    ok = ok && passed;
                double &cpu = check ? checked_cpu : raw_cpu, &wall = check ? checked_wall : raw_wall;
                if (i == 0 || run.stats().cpu_seconds < cpu)
                    cpu = run.stats().cpu_seconds;
                if (i == 0 || run.stats().seconds < wall)
                    wall = run.stats().seconds;
            }
        }
        auto speed = [&](double seconds) { return seconds > 0 ? double(cycles) / seconds / 1e6 : 0.0; };
        std::printf("cosim %s: checked %.2f M cycles/s (lockstep, both models), raw %.2f M cycles/s (RTL, "
                    "stimulus and memory agent alone), ratio %.0f%% (targets: checked >= 5 M/s, ratio >= 50%%)%s\n"
                    "  processor time, best of %" PRIu64 " runs of %" PRIu64 " cycles, seed %" PRIu64
                    "; wall clock: checked %.2f, raw %.2f M cycles/s\n",
                    dut.c_str(), speed(checked_cpu), speed(raw_cpu),
                    raw_cpu > 0 ? 100.0 * raw_cpu / checked_cpu : 0.0, ok ? "" : " [the checked run FAILED]",
                    repeat, cycles, seed, speed(checked_wall), speed(raw_wall));
        return ok ? 0 : 1;
    }
    cosim::Runner run(*build, opt);
    bool ok = run.run();
    if (!ok) {
        std::fputs(run.report().c_str(), stdout);
        if (wave && trace.empty()) {
            // Run again, recording the window before the failure.
            mkdir(wave_dir.c_str(), 0777);
            cosim::RunOptions again = opt;
            again.cycles = run.failed_cycle() + 1;
            again.wave_path = wave_dir + "/" + dut + "-seed" + std::to_string(seed) + ".fst";
            again.trace_from = run.failed_cycle() > 200 ? run.failed_cycle() - 200 : 0;
            again.trace_to = run.failed_cycle();
            cosim::Runner rerun(*build, again);
            rerun.run();
            std::printf("  waveform: %s (cycles %" PRIu64 " to %" PRIu64 "; gtkwave opens it)\n",
                        again.wave_path.c_str(), again.trace_from, again.trace_to);
        }
    }
    print_summary(*build, seed, run.stats(), ok, json);
    return ok ? 0 : 1;
}
