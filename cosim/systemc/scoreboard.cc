// The scoreboard: every response on the MMU's pins, and every TLM
// transaction, against the architectural model.
#include "scoreboard.h"

#include <cinttypes>
#include <cstdio>

namespace pwsc {

Scoreboard::Scoreboard(sc_core::sc_module_name name, const BackdoorMemory &memory, pw_ad_policy ad,
                       unsigned hit_latency, sc_core::sc_time clock_period, std::string reproduce)
    : sc_core::sc_module(name), clk("clk"), rst_n("rst_n"), satp("satp"), sum("sum"), mxr("mxr"),
      req_valid("req_valid"), req_ready("req_ready"), req_vaddr("req_vaddr"), req_access("req_access"),
      req_priv("req_priv"), resp_valid("resp_valid"), resp_fault("resp_fault"), resp_paddr("resp_paddr"),
      resp_cause("resp_cause"), mem_resp_valid("mem_resp_valid"), golden_(memory, ad), clock_period_(clock_period), reproduce_(std::move(reproduce)),
      hit_latency_(hit_latency)
{
    SC_HAS_PROCESS(Scoreboard);
    SC_METHOD(on_edge);
    sensitive << clk.pos();
    dont_initialize();
}

void Scoreboard::watch(const MmuSignals &pins)
{
    satp(pins.satp);
    sum(pins.sum);
    mxr(pins.mxr);
    req_valid(pins.req_valid);
    req_ready(pins.req_ready);
    req_vaddr(pins.req_vaddr);
    req_access(pins.req_access);
    req_priv(pins.req_priv);
    resp_valid(pins.resp_valid);
    resp_fault(pins.resp_fault);
    resp_paddr(pins.resp_paddr);
    resp_cause(pins.resp_cause);
    mem_resp_valid(pins.mem_resp_valid);
}

void Scoreboard::on_edge()
{
    edge_++;
    if (!rst_n.read()) {
        outstanding_ = false;
        return;
    }
    // The values read are those of the cycle this edge ends.
    if (outstanding_ && mem_resp_valid.read())
        memory_edge_ = edge_;
    if (resp_valid.read()) {
        Outcome got{resp_fault.read(), resp_cause.read(), resp_paddr.read()};
        if (outstanding_)
            check_response(got);
        else
            mismatch("a response without a request", "  MMU: " + describe(got) + "\n");
    }
    if (req_valid.read() && req_ready.read()) {
        if (outstanding_)
            mismatch("a request accepted while another is unanswered", "  request: " + describe(pending_) + "\n");
        pending_.va = req_vaddr.read();
        pending_.access = Access(req_access.read());
        pending_.priv = Priv(req_priv.read());
        pending_.context = {satp.read(), sum.read(), mxr.read()};
        outstanding_ = true;
        accepted_edge_ = edge_;
        memory_edge_ = 0;
    }
}

void Scoreboard::check_response(const Outcome &got)
{
    outstanding_ = false;
    stats_.translations++;
    if (got.fault)
        stats_.faults[got.cause & 15]++;
    // docs/mmu.md: a hit (or an untranslated request) answers HitLatency cycles
    // after acceptance; a walk one cycle after its last memory response, or
    // two when pipelined (its DONE cycle, then the response).
    uint64_t after_memory = memory_edge_ + (hit_latency_ > 1 ? 2 : 1);
    uint64_t after_accept = accepted_edge_ + hit_latency_;
    uint64_t due = memory_edge_ ? (after_memory > after_accept ? after_memory : after_accept) : after_accept;
    if (edge_ != due) {
        mismatch("the response is not in the cycle the timing contract says",
                 "  request: " + describe(pending_) + "\n  accepted " + std::to_string(edge_ - accepted_edge_) +
                     " cycles before its response; " +
                     (memory_edge_ ? "the last memory response came " + std::to_string(edge_ - memory_edge_) +
                                         " cycles before it"
                                   : std::string("no memory response since")) +
                     "; the response is due " + std::to_string(hit_latency_) +
                     " cycles after acceptance, or " + (hit_latency_ > 1 ? "two cycles" : "one cycle") +
                     " after the last memory response, whichever is later\n");
    } else if (!golden_.step(pending_, got)) {
        mismatch("the MMU's answer is not the architectural model's", golden_.explain());
    }
}

void Scoreboard::check_transaction(const tlm::tlm_generic_payload &tx, const TranslationExtension &ext)
{
    stats_.transactions++;
    Request request = ext.request(tx.get_address());
    const Outcome &got = ext.outcome;
    tlm::tlm_response_status want = !got.fault                 ? tlm::TLM_OK_RESPONSE
                                    : is_access_fault(got.cause) ? tlm::TLM_GENERIC_ERROR_RESPONSE
                                                                 : tlm::TLM_ADDRESS_ERROR_RESPONSE;
    if (tx.get_response_status() != want)
        mismatch("the TLM response status does not match the outcome",
                 "  request: " + describe(request) + "\n  extension: " + describe(got) + "; status " +
                     tx.get_response_string() + "\n");
    else if (!golden_.step(request, got))
        mismatch("the TLM transaction's answer is not the architectural model's", golden_.explain());
}

void Scoreboard::mismatch(const std::string &what, const std::string &details)
{
    stats_.mismatches++;
    if (stats_.mismatches == 1) {
        sc_core::sc_time now = sc_core::sc_time_stamp();
        printf("MISMATCH at %s (cycle %" PRIu64 "): %s\n%s  reproduce: %s\n", now.to_string().c_str(),
               uint64_t(now / clock_period_), what.c_str(), details.c_str(), reproduce_.c_str());
        fflush(stdout);
        sc_core::sc_stop();
    }
}

}  // namespace pwsc
