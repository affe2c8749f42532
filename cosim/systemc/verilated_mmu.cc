// One Verilated SystemC build of pw_mmu behind VerilatedMmuBuild. Compiled
// once per build with VMMU_CLASS (the --prefix), VMMU_FUNCTION (the factory's
// name in verilated_mmu.h), VMMU_NAME, VMMU_AD and VMMU_ENTRIES defined.
#include "verilated_mmu.h"

#define PW_STR2(x) #x
#define PW_STR(x) PW_STR2(x)
#include PW_STR(VMMU_CLASS.h)

namespace pwsc {
namespace {

// Construct the model and bind each of its ports.
std::unique_ptr<sc_core::sc_module> make_model(const char *name, sc_core::sc_in<bool> &clk,
                                               sc_core::sc_in<bool> &rst_n, MmuSignals &p)
{
    auto m = std::make_unique<VMMU_CLASS>(name);
    m->clk_i(clk);
    m->rst_ni(rst_n);
    m->satp_i(p.satp);
    m->sum_i(p.sum);
    m->mxr_i(p.mxr);
    m->req_valid_i(p.req_valid);
    m->req_ready_o(p.req_ready);
    m->req_vaddr_i(p.req_vaddr);
    m->req_access_i(p.req_access);
    m->req_priv_i(p.req_priv);
    m->resp_valid_o(p.resp_valid);
    m->resp_paddr_o(p.resp_paddr);
    m->resp_fault_o(p.resp_fault);
    m->resp_cause_o(p.resp_cause);
    m->sfence_valid_i(p.sfence_valid);
    m->sfence_vaddr_i(p.sfence_vaddr);
    m->sfence_asid_i(p.sfence_asid);
    m->sfence_all_va_i(p.sfence_all_va);
    m->sfence_all_asid_i(p.sfence_all_asid);
    m->mem_req_valid_o(p.mem_req_valid);
    m->mem_req_ready_i(p.mem_req_ready);
    m->mem_req_addr_o(p.mem_req_addr);
    m->mem_req_we_o(p.mem_req_we);
    m->mem_req_wdata_o(p.mem_req_wdata);
    m->mem_resp_valid_i(p.mem_resp_valid);
    m->mem_resp_rdata_i(p.mem_resp_rdata);
    m->mem_resp_err_i(p.mem_resp_err);
    m->cnt_hits_o(p.cnt_hits);
    m->cnt_misses_o(p.cnt_misses);
    m->cnt_walks_o(p.cnt_walks);
    m->cnt_faults_o(p.cnt_faults);
    m->cnt_walk_cycles_o(p.cnt_walk_cycles);
    m->trace_fill_o(p.trace_fill);
    m->trace_fill_index_o(p.trace_fill_index);
    m->trace_fill_evict_o(p.trace_fill_evict);
    m->trace_fill_vpn_o(p.trace_fill_vpn);
    m->trace_fill_asid_o(p.trace_fill_asid);
    m->trace_fill_mega_o(p.trace_fill_mega);
    m->trace_fill_global_o(p.trace_fill_global);
    m->trace_fill_ppn_o(p.trace_fill_ppn);
    m->trace_fill_perm_o(p.trace_fill_perm);
    return m;
}

}  // namespace

VerilatedMmuBuild VMMU_FUNCTION()
{
    return {VMMU_NAME, VMMU_AD, VMMU_ENTRIES, make_model};
}

}  // namespace pwsc
