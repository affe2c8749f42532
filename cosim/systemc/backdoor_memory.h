// What a memory offers besides its TLM socket: untimed word access that never
// faults (to build page tables, and to check translations against them) and
// its bus-error map. TlmMemory implements it; plain C++, no SystemC.
#ifndef PAGEWALK_SC_BACKDOOR_MEMORY_H
#define PAGEWALK_SC_BACKDOOR_MEMORY_H

#include <cstdint>

namespace pwsc {

// Which accesses to an error region answer with a bus error.
enum class ErrorOn : uint8_t { Reads, Writes, ReadsAndWrites };

class BackdoorMemory {
  public:
    virtual ~BackdoorMemory() = default;
    // The 32-bit word at a word-aligned address (unwritten words read 0).
    virtual uint32_t peek_word(uint64_t addr) const = 0;
    // Set the word at a word-aligned address, with no timing and no error.
    virtual void poke_word(uint64_t addr, uint32_t value) = 0;
    // Make [base, base + bytes) answer bus errors to the given accesses.
    virtual void add_error_region(uint64_t base, uint64_t bytes, ErrorOn on) = 0;
    // Would a transaction touching addr get a bus error?
    virtual bool is_error(uint64_t addr, bool write) const = 0;
};

}  // namespace pwsc

#endif
