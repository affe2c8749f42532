// One Verilated build behind the Dut interface. Compiled once per build
// with DUT_CLASS (the --prefix), DUT_NAME, DUT_AD and DUT_ENTRIES defined.
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

    void set_inputs(const pw_mmu_inputs &in) override
    {
        DUT_CLASS &t = *top_;
        t.rst_ni = in.rst_n;
        t.satp_i = in.satp;
        t.sum_i = in.sum;
        t.mxr_i = in.mxr;
        t.req_valid_i = in.req_valid;
        t.req_vaddr_i = in.req_vaddr;
        t.req_access_i = in.req_access;
        t.req_priv_i = in.req_priv;
        t.sfence_valid_i = in.sfence_valid;
        t.sfence_vaddr_i = in.sfence_vaddr;
        t.sfence_asid_i = in.sfence_asid;
        t.sfence_all_va_i = in.sfence_all_va;
        t.sfence_all_asid_i = in.sfence_all_asid;
        t.mem_req_ready_i = in.mem_req_ready;
        t.mem_resp_valid_i = in.mem_resp_valid;
        t.mem_resp_rdata_i = in.mem_resp_rdata;
        t.mem_resp_err_i = in.mem_resp_err;
    }

    void outputs(pw_mmu_outputs *o) override
    {
        const DUT_CLASS &t = *top_;
        o->req_ready = t.req_ready_o;
        o->resp_valid = t.resp_valid_o;
        o->resp_paddr = t.resp_paddr_o;
        o->resp_fault = t.resp_fault_o;
        o->resp_cause = t.resp_cause_o;
        o->mem_req_valid = t.mem_req_valid_o;
        o->mem_req_addr = t.mem_req_addr_o;
        o->mem_req_we = t.mem_req_we_o;
        o->mem_req_wdata = t.mem_req_wdata_o;
        o->cnt_hits = t.cnt_hits_o;
        o->cnt_misses = t.cnt_misses_o;
        o->cnt_walks = t.cnt_walks_o;
        o->cnt_faults = t.cnt_faults_o;
        o->cnt_walk_cycles = t.cnt_walk_cycles_o;
        o->trace_fill = t.trace_fill_o;
        o->trace_fill_index = t.trace_fill_index_o;
        o->trace_fill_evict = t.trace_fill_evict_o;
        o->trace_fill_vpn = t.trace_fill_vpn_o;
        o->trace_fill_asid = t.trace_fill_asid_o;
        o->trace_fill_mega = t.trace_fill_mega_o;
        o->trace_fill_global = t.trace_fill_global_o;
        o->trace_fill_ppn = t.trace_fill_ppn_o;
        o->trace_fill_perm = t.trace_fill_perm_o;
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

RegisterDut registered({PW_STR(DUT_NAME), DUT_AD, DUT_ENTRIES, make});

}  // namespace
}  // namespace cosim
