// Every port of pw_mmu (docs/mmu.md, "Interface") but the clock and the reset
// as a SystemC signal, for binding the Verilated model and for monitors such
// as the Scoreboard. The members are generated from cmodel/gen/mmu.ports
// (PW_MMU_PINS): one per port, named as the port without its suffix.
//
// The requester's inputs (the context, request and sfence groups) are written
// from the thread of whichever TLM initiator calls TlmMmu::b_transport, so
// they allow many writers (one at a time: TlmMmu serialises translations).
#ifndef PAGEWALK_SC_MMU_SIGNALS_H
#define PAGEWALK_SC_MMU_SIGNALS_H

#include <cstdint>
#include <string_view>
#include <systemc>
#include <type_traits>

#include "pagewalk_shim.h"

namespace pwsc {

template <typename T>
using Signal = sc_core::sc_signal<T>;
template <typename T>
using InitiatorSignal = sc_core::sc_signal<T, sc_core::SC_MANY_WRITERS>;

// Is a pin written by the TLM initiators (an input of the requester's groups)?
constexpr bool written_by_initiators(std::string_view dir, std::string_view group)
{
    return dir == "in" && (group == "context" || group == "request" || group == "sfence");
}

template <typename T, bool ManyWriters>
using PinSignal = std::conditional_t<ManyWriters, InitiatorSignal<T>, Signal<T>>;

// Types as Verilator --sc maps widths: 1 bit bool, 2 to 32 bits uint32_t,
// 33 to 64 bits uint64_t (the C type of the port list). The trace port's pins
// stay 0 in these builds (TracePort = 0).
struct MmuSignals {
#define PW_SC_PIN(dir, name, port, width, ctype, group) \
    PinSignal<ctype, written_by_initiators(#dir, #group)> name{#name};
    PW_MMU_PINS(PW_SC_PIN)
#undef PW_SC_PIN
};

}  // namespace pwsc

#endif
