// The scoreboard: watches the MMU's request and response pins, and checks
// every translation the MMU answers against the architectural model
// (GoldenCheck) on memory as it is at the response, and against the timing
// contract of docs/mmu.md: the response comes in the cycle after the
// acceptance (no walk) or after the walk's last memory response. It also
// checks what the TLM face reported for each transaction (check_transaction).
//
//   pwsc::Scoreboard scoreboard("scoreboard", memory, mmu.ad(), clock_period, reproduce);
//   scoreboard.clk(clock);
//   scoreboard.rst_n(reset_n);
//   scoreboard.watch(mmu.pins());
//
// The first disagreement prints a report (request, both answers, the walk,
// the command that reproduces it) and stops the simulation.
#ifndef PAGEWALK_SC_SCOREBOARD_H
#define PAGEWALK_SC_SCOREBOARD_H

#include <cstdint>
#include <string>
#include <systemc>
#include <tlm>

#include "golden_check.h"
#include "mmu_signals.h"
#include "translation_extension.h"

namespace pwsc {

struct ScoreboardStats {
    uint64_t translations = 0;  // responses seen on the pins, each checked
    uint64_t transactions = 0;  // TLM transactions checked
    uint64_t mismatches = 0;
    uint64_t faults[16] = {};   // responses by cause
};

class Scoreboard : public sc_core::sc_module {
  public:
    sc_core::sc_in<bool> clk;
    sc_core::sc_in<bool> rst_n;
    // the MMU's context, request and response pins
    sc_core::sc_in<uint32_t> satp;
    sc_core::sc_in<bool> sum, mxr;
    sc_core::sc_in<bool> req_valid, req_ready;
    sc_core::sc_in<uint32_t> req_vaddr, req_access, req_priv;
    sc_core::sc_in<bool> resp_valid, resp_fault;
    sc_core::sc_in<uint64_t> resp_paddr;
    sc_core::sc_in<uint32_t> resp_cause;
    sc_core::sc_in<bool> mem_resp_valid;

    // hit_latency: the build's HitLatency (docs/mmu.md), which the timing check follows.
    Scoreboard(sc_core::sc_module_name name, const BackdoorMemory &memory, pw_ad_policy ad, unsigned hit_latency,
               sc_core::sc_time clock_period, std::string reproduce);

    // Bind every pin port to the MMU's signals.
    void watch(const MmuSignals &pins);
    // Check a TLM transaction the MMU's target socket has just completed:
    // its response status and extension against the architectural model.
    void check_transaction(const tlm::tlm_generic_payload &tx, const TranslationExtension &ext);

    const ScoreboardStats &stats() const { return stats_; }

  private:
    // At each rising edge: a response to check, a request accepted.
    void on_edge();
    // Check the response seen at this edge (edge_): its timing and its answer.
    void check_response(const Outcome &got);
    // Count a disagreement, report it, stop the simulation.
    void mismatch(const std::string &what, const std::string &details);

    GoldenCheck golden_;
    sc_core::sc_time clock_period_;
    std::string reproduce_;
    bool outstanding_ = false;
    Request pending_;
    uint64_t edge_ = 0;             // rising edges so far
    uint64_t accepted_edge_ = 0;    // the edge that accepted pending_
    uint64_t memory_edge_ = 0;      // the edge that saw its walk's last memory response
    unsigned hit_latency_;          // cycles from acceptance to a hit's response
    ScoreboardStats stats_;
};

}  // namespace pwsc

#endif
