// One Verilated build behind the Dut interface. Compiled once per build
// with DUT_CLASS (the --prefix), DUT_NAME, DUT_AD and DUT_ENTRIES defined,
// the options it was Verilated with (DUT_HIT_LATENCY, DUT_COUNTERS,
// DUT_FLUSH_ALL, DUT_PPN_IN_BRAM) when they are not the defaults, and
// DUT_COVERAGE for a build Verilated with coverage (docs/coverage.md):
// such a DUT writes its line and toggle counts when it is destroyed, into
// the folder $PAGEWALK_COVERAGE_DIR names (nothing when it is unset).
#include <verilated.h>
#include <verilated_fst_c.h>
#ifdef DUT_COVERAGE
#include <verilated_cov.h>

#include <atomic>
#include <cstdlib>
#include <unistd.h>
#endif

#include "dut.h"

#define PW_STR2(x) #x
#define PW_STR(x) PW_STR2(x)
#define PW_CAT2(a, b) a##b
#define PW_CAT(a, b) PW_CAT2(a, b)
#include PW_STR(DUT_CLASS.h)
#include PW_STR(PW_CAT(DUT_CLASS, ___024root.h))  // the model's state, for forget_clock_high()

namespace cosim {
namespace {

// Verilator 5 finds a rising edge by comparing the clock with its value at
// the previous evaluation (the root's __Vtrigrprev__TOP__clk_i). Clearing
// that value stands for the falling edge's evaluation; a Verilator that names
// it otherwise gets the evaluation (false).
template <typename Root>
auto forget_clock_high(Root *root) -> decltype(root->__Vtrigrprev__TOP__clk_i = 0, true)
{
    root->__Vtrigrprev__TOP__clk_i = 0;
    return true;
}
inline bool forget_clock_high(...) { return false; }

#ifdef DUT_COVERAGE
constexpr bool kCountsCoverage = true;
#else
constexpr bool kCountsCoverage = false;
#endif

class VerilatedDut : public Dut {
  public:
    VerilatedDut() : ctx_(new VerilatedContext), top_(new DUT_CLASS(ctx_.get(), "mmu"))
    {
        ctx_->traceEverOn(true);
        // A failed assertion ($error, then $stop) must not abort the program:
        // it sets gotError(), which the harness reads and reports.
        ctx_->fatalOnError(false);
        top_->clk_i = 0;
        top_->eval();
#ifdef DUT_COVERAGE
        // Per instance: the two leaf checks' toggles must not add up.
        ctx_->coveragep()->forcePerInstance(true);
        // The first evaluation settles every signal from Verilator's idea of
        // its previous value (0), which counts as a toggle it never made; it
        // also runs every combinational block, whose own line point Verilator
        // counts only then. So the settle is written apart (once a process:
        // every instance settles alike), its toggles to be ignored, and the
        // counts start again from zero.
        write_coverage(true);
        ctx_->coveragep()->zero();
#endif
    }
    ~VerilatedDut() override
    {
        trace_close();
        top_->final();
#ifdef DUT_COVERAGE
        write_coverage(false);
#endif
        // The model's scopes unregister from Verilated::threadContextp(),
        // not from their own context, and a context sets that pointer only
        // when it is made. With two DUTs alive (pagewalk-cosim --bench, a
        // failure's rerun), the one made last and destroyed first leaves it
        // dangling, and destroying the other then locked freed memory: the
        // program hung. Point it at this DUT's context first.
        Verilated::threadContextp(ctx_.get());
        top_.reset();
    }

    // One assignment per port (cmodel/gen/mmu.ports): the Verilated model's
    // members are the RTL's port names.
    void set_inputs(const pw_mmu_inputs &in) override
    {
#define PW_SET_INPUT(name, port, width, ctype, group) top_->port = in.name;
        PW_MMU_INPUTS(PW_SET_INPUT)
#undef PW_SET_INPUT
    }

    void outputs(pw_mmu_outputs *o) override
    {
#define PW_GET_OUTPUT(name, port, width, ctype, group) o->name = ctype(top_->port);
        PW_MMU_OUTPUTS(PW_GET_OUTPUT)
#undef PW_GET_OUTPUT
    }

    // One evaluation per cycle: the rising edge. The design has no logic on
    // the falling edge, and evaluating it only settled the combinational
    // logic again on unchanged inputs (a third of the model's time per
    // cycle, docs/cosim.md "Where the time goes"). Without it the model must
    // still see the next rising edge: its edge detector remembers the clock
    // as low. A waveform records the falling edge as it is, and a coverage
    // build sees it too (the clock's toggle, each block's count as before).
    void tick() override
    {
        top_->clk_i = 1;
        top_->eval();
        if (fst_ && tracing_)
            fst_->dump(cycle_ * 10);
        top_->clk_i = 0;
        if ((fst_ && tracing_) || kCountsCoverage || !forget_clock_high(top_->rootp)) {
            top_->eval();
            if (fst_ && tracing_)
                fst_->dump(cycle_ * 10 + 5);
        }
        cycle_++;
    }

    bool assertion_failed() const override { return ctx_->gotError(); }

    bool trace_open(const std::string &path) override
    {
        trace_close();
        fst_.reset(new VerilatedFstC);
        top_->trace(fst_.get(), 99);
        fst_->open(path.c_str());
        return fst_->isOpen();
    }
    void trace_active(bool on) override { tracing_ = on; }
    void trace_close() override
    {
        if (fst_)
            fst_->close();
        fst_.reset();
    }

  private:
#ifdef DUT_COVERAGE
    // One file per DUT instance, BUILD-PID-N.dat (a run may make several),
    // and the settle of the first one, BUILD-PID-settle.dat.
    void write_coverage(bool settle)
    {
        const char *dir = std::getenv("PAGEWALK_COVERAGE_DIR");
        if (!dir || !*dir)
            return;
        static std::atomic<unsigned> instances{0};
        static std::atomic<bool> settled{false};
        if (settle && settled.exchange(true))
            return;
        std::string path = std::string(dir) + "/" + PW_STR(DUT_NAME) + "-" + std::to_string(getpid()) + "-" +
                           (settle ? std::string("settle") : std::to_string(instances++)) + ".dat";
        ctx_->coveragep()->write(path.c_str());
    }
#endif
    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<DUT_CLASS> top_;
    std::unique_ptr<VerilatedFstC> fst_;
    bool tracing_ = false;
    uint64_t cycle_ = 0;  // cycles ticked: waveform time is 10 units a cycle
};

std::unique_ptr<Dut> make() { return std::unique_ptr<Dut>(new VerilatedDut); }

// The options default to the MMU's defaults (a mutant's build gives none).
#ifndef DUT_HIT_LATENCY
#define DUT_HIT_LATENCY 1
#endif
#ifndef DUT_COUNTERS
#define DUT_COUNTERS PW_COUNTERS_32
#endif
#ifndef DUT_FLUSH_ALL
#define DUT_FLUSH_ALL 0
#endif
#ifndef DUT_PPN_IN_BRAM
#define DUT_PPN_IN_BRAM 0
#endif

RegisterDut registered({PW_STR(DUT_NAME), DUT_AD, DUT_ENTRIES, make, DUT_HIT_LATENCY, DUT_COUNTERS,
                        DUT_FLUSH_ALL != 0, DUT_PPN_IN_BRAM != 0});

}  // namespace
}  // namespace cosim
