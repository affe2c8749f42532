// Stimulus replay and recording.
#include "replay.h"

#include <cinttypes>
#include <cstdio>
#include <string>

#include "lockstep.h"
#include "mmu_checker.h"

namespace cosim {

int replay_stimulus(const DutBuild &build, const std::string &stim_path, const std::string &trace_path,
                    const std::string &wave_path)
{
    pw_stim stim;
    if (pw_stim_load(stim_path.c_str(), &stim, stderr))
        return 2;
    if (stim.ad != build.ad) {
        std::fprintf(stderr, "%s: error: the stimulus is for %s, the build '%s' is %s\n", stim_path.c_str(),
                     pw_ad_name(stim.ad), build.name.c_str(), pw_ad_name(build.ad));
        pw_stim_free(&stim);
        return 2;
    }
    FILE *out = trace_path == "-" ? stdout : std::fopen(trace_path.c_str(), "w");
    if (!out) {
        std::fprintf(stderr, "%s: error: cannot write the trace\n", trace_path.c_str());
        pw_stim_free(&stim);
        return 2;
    }
    std::unique_ptr<Dut> dut = build.make();
    if (!wave_path.empty() && dut->trace_open(wave_path))
        dut->trace_active(true);
    MmuChecker checker(build.config(), nullptr);  // the outputs, against the cycle model
    std::string name = build.name + " (" + build.describe() + ")";
    pw_trace_writer tw;
    pw_trace_begin(&tw, out, "verilator", name.c_str(), stim_path.c_str());
    pw_stim_driver drv;
    pw_stim_driver_init(&drv, &stim);
    int status = 0;
    for (uint64_t c = 0; c < stim.cycles; c++) {
        pw_mmu_outputs rtl;
        dut->outputs(&rtl);
        pw_mmu_inputs in;
        pw_stim_inputs(&drv, c, &rtl, &in);  // the RTL's outputs drive the memory
        if (!checker.step(c, in, rtl)) {
            std::fprintf(stderr, "MISMATCH at cycle %" PRIu64 " of %s: %s", c, stim_path.c_str(),
                         checker.mismatch().c_str());
            status = 1;
            break;
        }
        pw_trace_cycle(&tw, c, &in, &rtl);
        dut->set_inputs(in);
        dut->tick();
        if (dut->assertion_failed()) {
            std::fprintf(stderr, "MISMATCH at cycle %" PRIu64 " of %s: an interface assertion of the RTL failed "
                                 "(the %%Error line above names the rule)\n", c, stim_path.c_str());
            status = 1;
            break;
        }
    }
    dut->trace_close();
    if (out != stdout)
        std::fclose(out);
    pw_stim_free(&stim);
    return status;
}

int record_stimulus(const DutBuild &build, uint64_t seed, uint64_t cycles, const std::string &path)
{
    RunOptions opt;
    opt.seed = seed;
    opt.cycles = cycles;
    opt.record = true;
    Runner run(build, opt);
    bool ok = run.run();
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "%s: error: cannot write the stimulus\n", path.c_str());
        return 2;
    }
    std::fputs(run.recording().c_str(), f);
    std::fclose(f);
    if (!ok)
        std::fprintf(stderr, "note: the recorded run itself failed:\n%s", run.report().c_str());
    return 0;
}

}  // namespace cosim
