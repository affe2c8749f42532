// Every port of pw_mmu (docs/mmu.md, "Interface") as a SystemC signal, for
// binding the Verilated model and for monitors such as the Scoreboard.
//
// The request, context and sfence signals are written from the thread of
// whichever TLM initiator calls TlmMmu::b_transport, so they allow many
// writers (one at a time: TlmMmu serialises translations).
#ifndef PAGEWALK_SC_MMU_SIGNALS_H
#define PAGEWALK_SC_MMU_SIGNALS_H

#include <cstdint>
#include <systemc>

namespace pwsc {

template <typename T>
using Signal = sc_core::sc_signal<T>;
template <typename T>
using InitiatorSignal = sc_core::sc_signal<T, sc_core::SC_MANY_WRITERS>;

// Widths as Verilator --sc maps them: 1 bit bool, 2 to 32 bits uint32_t,
// 33 to 64 bits uint64_t.
struct MmuSignals {
    // context
    InitiatorSignal<uint32_t> satp{"satp"};
    InitiatorSignal<bool> sum{"sum"};
    InitiatorSignal<bool> mxr{"mxr"};
    // request
    InitiatorSignal<bool> req_valid{"req_valid"};
    Signal<bool> req_ready{"req_ready"};
    InitiatorSignal<uint32_t> req_vaddr{"req_vaddr"};
    InitiatorSignal<uint32_t> req_access{"req_access"};  // 0 load, 1 store, 2 fetch
    InitiatorSignal<uint32_t> req_priv{"req_priv"};      // 0 U, 1 S, 3 M
    // response
    Signal<bool> resp_valid{"resp_valid"};
    Signal<uint64_t> resp_paddr{"resp_paddr"};
    Signal<bool> resp_fault{"resp_fault"};
    Signal<uint32_t> resp_cause{"resp_cause"};
    // sfence.vma
    InitiatorSignal<bool> sfence_valid{"sfence_valid"};
    InitiatorSignal<uint32_t> sfence_vaddr{"sfence_vaddr"};
    InitiatorSignal<uint32_t> sfence_asid{"sfence_asid"};
    InitiatorSignal<bool> sfence_all_va{"sfence_all_va"};
    InitiatorSignal<bool> sfence_all_asid{"sfence_all_asid"};
    // walker memory port
    Signal<bool> mem_req_valid{"mem_req_valid"};
    Signal<bool> mem_req_ready{"mem_req_ready"};
    Signal<uint64_t> mem_req_addr{"mem_req_addr"};
    Signal<bool> mem_req_we{"mem_req_we"};
    Signal<uint32_t> mem_req_wdata{"mem_req_wdata"};
    Signal<bool> mem_resp_valid{"mem_resp_valid"};
    Signal<uint32_t> mem_resp_rdata{"mem_resp_rdata"};
    Signal<bool> mem_resp_err{"mem_resp_err"};
    // counters
    Signal<uint32_t> cnt_hits{"cnt_hits"};
    Signal<uint32_t> cnt_misses{"cnt_misses"};
    Signal<uint32_t> cnt_walks{"cnt_walks"};
    Signal<uint32_t> cnt_faults{"cnt_faults"};
    Signal<uint32_t> cnt_walk_cycles{"cnt_walk_cycles"};
    // trace port (constant 0: these builds have TracePort = 0)
    Signal<bool> trace_fill{"trace_fill"};
    Signal<uint32_t> trace_fill_index{"trace_fill_index"};
    Signal<bool> trace_fill_evict{"trace_fill_evict"};
    Signal<uint32_t> trace_fill_vpn{"trace_fill_vpn"};
    Signal<uint32_t> trace_fill_asid{"trace_fill_asid"};
    Signal<bool> trace_fill_mega{"trace_fill_mega"};
    Signal<bool> trace_fill_global{"trace_fill_global"};
    Signal<uint32_t> trace_fill_ppn{"trace_fill_ppn"};
    Signal<uint32_t> trace_fill_perm{"trace_fill_perm"};
};

}  // namespace pwsc

#endif
