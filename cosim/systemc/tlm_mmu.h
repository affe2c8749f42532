// The MMU as a TLM-2.0 component for a virtual platform: a Verilated pw_mmu
// with a target socket where one transaction is one translation or one
// sfence.vma (TranslationExtension), and an initiator socket on which its
// page-table walker reads PTEs and writes A/D back (through WalkerBridge).
//
//   pwsc::TlmMmu mmu("mmu", pwsc::verilated_mmu_svadu(), pwsc::TlmMmuConfig{});
//   mmu.clk(clock);                       // the MMU's clock (an sc_clock)
//   mmu.rst_n(reset_n);                   // synchronous, active low
//   cpu.socket.bind(mmu.translate_socket);
//   mmu.memory_socket.bind(memory.socket);
//
// b_transport is blocking and consumes simulated time: it first waits out
// the annotated delay, then presents the request at the next rising edge,
// waits for the response (wait() on clock edges) and returns with the delay
// unchanged. See docs/systemc.md for response statuses and timing.
#ifndef PAGEWALK_SC_TLM_MMU_H
#define PAGEWALK_SC_TLM_MMU_H

#include <cstdint>
#include <memory>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "mmu_signals.h"
#include "translation_extension.h"
#include "verilated_mmu.h"
#include "walker_bridge.h"

namespace pwsc {

struct TlmMmuConfig {
    sc_core::sc_time clock_period = sc_core::sc_time(10, sc_core::SC_NS);  // must match clk
    unsigned memory_ready_percent = 100;  // the bridge's back-pressure
    uint64_t seed = 1;                    // ... and its seed
    unsigned timeout_cycles = 100000;     // a translation slower than this is an error
};

// The MMU's counter outputs (docs/mmu.md, "Counters").
struct MmuCounters {
    uint32_t hits, misses, walks, faults, walk_cycles;
};

class TlmMmu : public sc_core::sc_module {
  public:
    sc_core::sc_in<bool> clk;
    sc_core::sc_in<bool> rst_n;
    tlm_utils::simple_target_socket<TlmMmu> translate_socket;
    tlm::tlm_initiator_socket<> memory_socket;

    TlmMmu(sc_core::sc_module_name name, const VerilatedMmuBuild &build, const TlmMmuConfig &config);

    pw_ad_policy ad() const { return build_.ad; }
    const VerilatedMmuBuild &build() const { return build_; }
    // The Verilated model's pins, for monitors (read them, never write them).
    const MmuSignals &pins() const { return pins_; }
    MmuCounters counters() const;
    const BridgeStats &bridge_stats() const { return bridge_.stats(); }

  private:
    // The target socket's blocking transport: one translation or sfence.
    void b_transport(tlm::tlm_generic_payload &tx, sc_core::sc_time &delay);
    // Is tx a transaction this MMU understands? (see docs/systemc.md)
    static bool well_formed(const tlm::tlm_generic_payload &tx, const TranslationExtension &ext);
    void translate(tlm::tlm_generic_payload &tx, TranslationExtension &ext);
    void sfence(tlm::tlm_generic_payload &tx, const TranslationExtension &ext);
    // Be at a rising edge, outside reset: where pins may be driven.
    void align_to_edge();
    // Wait for the next rising edge; false when reset is asserted there.
    bool next_edge();

    VerilatedMmuBuild build_;
    TlmMmuConfig config_;
    MmuSignals pins_;
    std::unique_ptr<sc_core::sc_module> rtl_;
    WalkerBridge bridge_;
    sc_core::sc_mutex translating_, fencing_;
};

}  // namespace pwsc

#endif
