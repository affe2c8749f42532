// One Verilated build behind the Dut interface. Compiled once per build
// with DUT_CLASS (the --prefix), DUT_NAME, DUT_AD and DUT_ENTRIES defined,
// and the options it was Verilated with (DUT_HIT_LATENCY, DUT_COUNTERS,
// DUT_FLUSH_ALL, DUT_PPN_IN_BRAM) when they are not the defaults.
#include <verilated.h>
#include <verilated_fst_c.h>

#include "dut.h"

#define PW_STR2(x) #x
#define PW_STR(x) PW_STR2(x)
#include PW_STR(DUT_CLASS.h)

namespace cosim {
namespace {

class VerilatedDut : public Dut {
  public:
    VerilatedDut() : ctx_(new VerilatedContext), top_(new DUT_CLASS(ctx_.get(), "mmu"))
    {
        ctx_->traceEverOn(true);
        top_->clk_i = 0;
        top_->eval();
    }
    ~VerilatedDut() override
    {
        trace_close();
        top_->final();
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

    void tick() override
    {
        top_->clk_i = 1;
        top_->eval();
        if (fst_ && tracing_)
            fst_->dump(cycle_ * 10);
        top_->clk_i = 0;
        top_->eval();
        if (fst_ && tracing_)
            fst_->dump(cycle_ * 10 + 5);
        cycle_++;
    }

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
