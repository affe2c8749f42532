// Checks one completed translation against the architectural model
// (cmodel/sv32.c) on the walker's memory as it is now.
#ifndef PAGEWALK_COSIM_ARCH_CHECK_H
#define PAGEWALK_COSIM_ARCH_CHECK_H

#include <cstdint>
#include <functional>
#include <string>
#include <utility>

#include "pagewalk_shim.h"

namespace cosim {

// What the MMU's walker memory holds now, as a checker needs to see it: it
// reads words and asks whether a write would fail, and never writes.
class MemoryView {
  public:
    virtual ~MemoryView() = default;
    // The word at pa; false when reading it is a bus error.
    virtual bool read(uint64_t pa, uint32_t *value) const = 0;
    // Would writing the word at pa be a bus error?
    virtual bool write_fails(uint64_t pa) const = 0;
};

// The view of a sparse memory (cmodel/memory.h), with, optionally, words
// where only a write is a bus error.
class SparseMemoryView : public MemoryView {
  public:
    explicit SparseMemoryView(pw_sparse_mem *mem, std::function<bool(uint64_t)> write_error = nullptr)
        : mem_(mem), write_error_(std::move(write_error))
    {
    }
    bool read(uint64_t pa, uint32_t *value) const override { return pw_smem_get(mem_, pa, value); }
    bool write_fails(uint64_t pa) const override
    {
        uint32_t ignored;
        return (write_error_ && write_error_(pa)) || !pw_smem_get(mem_, pa, &ignored);
    }

  private:
    pw_sparse_mem *mem_;
    std::function<bool(uint64_t)> write_error_;
};

// A translation request as the MMU accepted it, with the context it ran in
// (port encodings: access PW_MMU_ACCESS_*, privilege PW_PRIV_*_VALUE).
struct Request {
    uint32_t va;
    unsigned access, priv;
    uint32_t satp;
    bool sum, mxr;
    uint64_t cycle;  // the cycle it was accepted in
};

// Describe a request in words ("S-mode store of VA 0x00402abc, satp ...").
std::string describe(const Request &r);

// The architectural model's walk of a request on memory as it is now,
// narrated one step a line (pw_explain), each line indented by four spaces.
std::string narrate_walk(const Request &r, const MemoryView &memory, pw_ad_policy ad);

// The architectural model's result for a request on memory as it is now
// (memory is never written: an A/D write-back still needed shows as a
// write step that did not fail).
pw_result architectural_result(const Request &r, const MemoryView &memory, pw_ad_policy ad);

// Checks one response against the architectural model on the memory as it
// is now. Memory is never written by the check: if the model would still
// need an A/D write-back, the MMU skipped one, and that fails.
//
//   ArchCheck arch(memory, PW_AD_SVADU);
//   if (!arch.step(request, outputs))
//       puts(arch.explain().c_str());   // request, both results, the walk
//
// explain() then reads, e.g.:
//   request: S-mode load of VA 0x00402abc (satp 0x80080000, SUM=0 MXR=0), accepted in cycle 10
//   RTL and cycle model: pa=90001abc; architectural model: fault=13
//   the walk, by the architectural model on memory as it is now:
//     ...one line per step...
class ArchCheck {
  public:
    ArchCheck(const MemoryView &memory, pw_ad_policy ad) : memory_(memory), ad_(ad) {}
    bool step(const Request &req, const pw_mmu_outputs &resp);
    std::string explain() const { return report_; }

  private:
    const MemoryView &memory_;
    pw_ad_policy ad_;
    std::string report_;
};

}  // namespace cosim

#endif
