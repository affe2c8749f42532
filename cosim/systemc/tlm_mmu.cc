// The MMU's TLM-2.0 face: transactions in, request pins driven, responses out.
#include "tlm_mmu.h"

#include <string>

namespace pwsc {

TlmMmu::TlmMmu(sc_core::sc_module_name name, const VerilatedMmuBuild &build, const TlmMmuConfig &config)
    : sc_core::sc_module(name), clk("clk"), rst_n("rst_n"), translate_socket("translate_socket"),
      memory_socket("memory_socket"), build_(build), config_(config),
      rtl_(build.make("rtl", clk, rst_n, pins_)),
      bridge_("bridge", BridgeConfig{config.clock_period, config.memory_ready_percent, config.seed})
{
    translate_socket.register_b_transport(this, &TlmMmu::b_transport);
    bridge_.clk(clk);
    bridge_.rst_n(rst_n);
    bridge_.mem_req_valid(pins_.mem_req_valid);
    bridge_.mem_req_ready(pins_.mem_req_ready);
    bridge_.mem_req_addr(pins_.mem_req_addr);
    bridge_.mem_req_we(pins_.mem_req_we);
    bridge_.mem_req_wdata(pins_.mem_req_wdata);
    bridge_.mem_resp_valid(pins_.mem_resp_valid);
    bridge_.mem_resp_rdata(pins_.mem_resp_rdata);
    bridge_.mem_resp_err(pins_.mem_resp_err);
    bridge_.socket.bind(memory_socket);
}

MmuCounters TlmMmu::counters() const
{
    return {pins_.cnt_hits.read(), pins_.cnt_misses.read(), pins_.cnt_walks.read(), pins_.cnt_faults.read(),
            pins_.cnt_walk_cycles.read()};
}

bool TlmMmu::next_edge()
{
    wait(clk.posedge_event());
    return rst_n.read();
}

void TlmMmu::align_to_edge()
{
    if (!clk.posedge())
        wait(clk.posedge_event());
    while (!rst_n.read())
        wait(clk.posedge_event());
}

bool TlmMmu::well_formed(const tlm::tlm_generic_payload &tx, const TranslationExtension &ext)
{
    if (tx.get_address() > 0xffffffffu || tx.get_command() != ext.command())
        return false;
    if (ext.op == TranslationExtension::Op::Sfence)
        return true;
    bool access_ok = ext.access == Access::Load || ext.access == Access::Store || ext.access == Access::Fetch;
    bool priv_ok = ext.priv == Priv::User || ext.priv == Priv::Supervisor || ext.priv == Priv::Machine;
    return access_ok && priv_ok;
}

void TlmMmu::b_transport(tlm::tlm_generic_payload &tx, sc_core::sc_time &delay)
{
    TranslationExtension *ext = nullptr;
    tx.get_extension(ext);
    if (!ext || !well_formed(tx, *ext)) {
        tx.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
        return;
    }
    // Catch up with the initiator's local time before touching pins.
    if (delay != sc_core::SC_ZERO_TIME) {
        wait(delay);
        delay = sc_core::SC_ZERO_TIME;
    }
    tx.set_dmi_allowed(false);
    if (ext->op == TranslationExtension::Op::Sfence)
        sfence(tx, *ext);
    else
        translate(tx, *ext);
}

void TlmMmu::translate(tlm::tlm_generic_payload &tx, TranslationExtension &ext)
{
    translating_.lock();
    align_to_edge();
    uint32_t misses = pins_.cnt_misses.read();
    pins_.satp.write(ext.context.satp);
    pins_.sum.write(ext.context.sum);
    pins_.mxr.write(ext.context.mxr);
    pins_.req_vaddr.write(uint32_t(tx.get_address()));
    pins_.req_access.write(uint32_t(ext.access));
    pins_.req_priv.write(uint32_t(ext.priv));
    pins_.req_valid.write(true);

    // Each edge sees the cycle that ends there: first the acceptance, then the response.
    bool accepted = false, answered = false, running = true;
    unsigned cycles = 0;
    while (running && !answered && cycles < config_.timeout_cycles) {
        running = next_edge();
        cycles++;
        if (running && !accepted && pins_.req_ready.read()) {
            accepted = true;
            pins_.req_valid.write(false);
        } else if (running && accepted && pins_.resp_valid.read()) {
            answered = true;
        }
    }
    pins_.req_valid.write(false);
    translating_.unlock();
    if (!answered) {
        if (running)
            SC_REPORT_ERROR("/pagewalk/TlmMmu", (std::string(name()) + ": no response within " +
                                                 std::to_string(config_.timeout_cycles) + " cycles").c_str());
        tx.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);  // abandoned by a reset
        return;
    }
    ext.outcome.fault = pins_.resp_fault.read();
    ext.outcome.cause = pins_.resp_cause.read();
    ext.outcome.pa = pins_.resp_paddr.read();
    ext.cycles = cycles;
    ext.walked = pins_.cnt_misses.read() != misses;
    if (!ext.outcome.fault)
        tx.set_response_status(tlm::TLM_OK_RESPONSE);
    else if (is_access_fault(ext.outcome.cause))
        tx.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
    else
        tx.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

void TlmMmu::sfence(tlm::tlm_generic_payload &tx, const TranslationExtension &ext)
{
    fencing_.lock();
    align_to_edge();
    pins_.sfence_vaddr.write(uint32_t(tx.get_address()));
    pins_.sfence_asid.write(ext.sfence_asid);
    pins_.sfence_all_va.write(ext.sfence_all_va);
    pins_.sfence_all_asid.write(ext.sfence_all_asid);
    pins_.sfence_valid.write(true);
    next_edge();  // the MMU flushes at this edge
    pins_.sfence_valid.write(false);
    fencing_.unlock();
    tx.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace pwsc
