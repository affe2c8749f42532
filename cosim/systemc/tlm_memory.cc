// The TLM-2.0 memory target: sparse words, annotated latency, bus errors.
#include "tlm_memory.h"

namespace pwsc {

TlmMemory::TlmMemory(sc_core::sc_module_name name, const MemoryTiming &timing)
    : sc_core::sc_module(name), socket("socket"), timing_(timing), rng_(timing.seed)
{
    socket.register_b_transport(this, &TlmMemory::b_transport);
    socket.register_transport_dbg(this, &TlmMemory::transport_dbg);
}

uint32_t TlmMemory::peek_word(uint64_t addr) const
{
    auto it = words_.find(addr >> 2);
    return it == words_.end() ? 0 : it->second;
}

void TlmMemory::poke_word(uint64_t addr, uint32_t value)
{
    words_[addr >> 2] = value;
}

void TlmMemory::add_error_region(uint64_t base, uint64_t bytes, ErrorOn on)
{
    errors_.push_back({base, bytes, on});
}

bool TlmMemory::is_error(uint64_t addr, bool write) const
{
    for (const ErrorRegion &r : errors_) {
        bool applies = r.on == ErrorOn::ReadsAndWrites || (r.on == ErrorOn::Writes) == write;
        if (applies && addr >= r.base && addr - r.base < r.bytes)
            return true;
    }
    return false;
}

tlm::tlm_response_status TlmMemory::check(const tlm::tlm_generic_payload &tx, bool honour_errors) const
{
    uint64_t addr = tx.get_address(), len = tx.get_data_length();
    if (tx.get_byte_enable_ptr())
        return tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE;
    if (tx.get_streaming_width() < len)
        return tlm::TLM_BURST_ERROR_RESPONSE;
    if (len > (uint64_t(1) << kAddressBits) || addr > (uint64_t(1) << kAddressBits) - len)
        return tlm::TLM_ADDRESS_ERROR_RESPONSE;
    if (honour_errors) {
        bool write = tx.is_write();
        for (uint64_t a = addr & ~uint64_t(3); a < addr + len; a += 4)
            if (is_error(a, write))
                return tlm::TLM_ADDRESS_ERROR_RESPONSE;
    }
    return tlm::TLM_OK_RESPONSE;
}

void TlmMemory::move_data(tlm::tlm_generic_payload &tx)
{
    unsigned char *data = tx.get_data_ptr();
    uint64_t addr = tx.get_address();
    for (unsigned i = 0; i < tx.get_data_length(); i++) {
        uint64_t a = addr + i;
        unsigned shift = 8 * unsigned(a & 3);
        if (tx.is_write()) {
            uint32_t &w = words_[a >> 2];
            w = (w & ~(0xffu << shift)) | uint32_t(data[i]) << shift;
        } else {
            data[i] = uint8_t(peek_word(a) >> shift);
        }
    }
}

sc_core::sc_time TlmMemory::next_latency()
{
    if (timing_.slow_per_mille && rng_.per_mille(timing_.slow_per_mille))
        return timing_.slow_latency;
    double spread = rng_.below(1001) / 1000.0;
    return timing_.min_latency + (timing_.max_latency - timing_.min_latency) * spread;
}

void TlmMemory::b_transport(tlm::tlm_generic_payload &tx, sc_core::sc_time &delay)
{
    delay += next_latency();
    if (tx.is_read())
        stats_.reads++;
    else if (tx.is_write())
        stats_.writes++;
    else {
        tx.set_response_status(tlm::TLM_OK_RESPONSE);  // TLM_IGNORE_COMMAND
        return;
    }
    tlm::tlm_response_status status = check(tx, true);
    if (status == tlm::TLM_OK_RESPONSE)
        move_data(tx);
    else
        stats_.errors++;
    tx.set_dmi_allowed(false);
    tx.set_response_status(status);
}

unsigned int TlmMemory::transport_dbg(tlm::tlm_generic_payload &tx)
{
    if (tx.get_command() == tlm::TLM_IGNORE_COMMAND || check(tx, false) != tlm::TLM_OK_RESPONSE)
        return 0;
    move_data(tx);
    return tx.get_data_length();
}

}  // namespace pwsc
