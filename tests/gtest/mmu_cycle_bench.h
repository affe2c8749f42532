// The bench of the cycle model's tests (tests/gtest/test_mmu_cycle_*.cc): a
// model, a sparse memory with page tables, and a memory responder with a
// latency and per-request back-pressure, driven cycle by cycle. The longer
// members are in mmu_cycle_bench.cc.
#ifndef PAGEWALK_TESTS_MMU_CYCLE_BENCH_H
#define PAGEWALK_TESTS_MMU_CYCLE_BENCH_H

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "pagewalk_shim.h"

namespace mmu_bench {

constexpr uint32_t kRootPpn = 0x80000;  // root table at 0x8000_0000
constexpr uint32_t kLeaf = PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X | PW_PTE_A | PW_PTE_D;
constexpr unsigned kLoad = PW_MMU_ACCESS_LOAD, kStore = PW_MMU_ACCESS_STORE,
                   kFetch = PW_MMU_ACCESS_FETCH;
constexpr unsigned kU = PW_PRIV_U_VALUE, kS = PW_PRIV_S_VALUE, kM = PW_PRIV_M_VALUE;

constexpr uint32_t kVaA = 0x00401abc, kVaB = 0x00802123, kVaC = 0x00c03ffc;

inline uint32_t sv32_satp(uint32_t asid, uint32_t root_ppn = kRootPpn)
{
    return PW_SATP_MODE | asid << PW_SATP_ASID_SHIFT | root_ppn;
}
inline uint32_t vpn1(uint32_t va) { return va >> PW_VA_VPN1_SHIFT & PW_VA_VPN1_MASK; }
inline uint32_t vpn0(uint32_t va) { return va >> PW_VA_VPN0_SHIFT & PW_VA_VPN0_MASK; }
inline uint64_t page_pa(uint32_t ppn, uint32_t va) { return uint64_t(ppn) << 12 | (va & 0xfff); }

// The port encodings, written out again here rather than taken from the
// cycle model (pw_mmu_port_access), which is what these tests check.
inline pw_access arch_access(unsigned port)
{
    return port == kLoad ? PW_ACCESS_LOAD : port == kStore ? PW_ACCESS_STORE : PW_ACCESS_FETCH;
}
inline pw_priv arch_priv(unsigned port)
{
    return port == kU ? PW_PRIV_U : port == kS ? PW_PRIV_S : PW_PRIV_M;
}

// One memory handshake the responder took.
struct MemAccess {
    uint64_t cycle;
    uint64_t addr;
    bool write;
    uint32_t wdata;
};

// One response, with the cycle of acceptance and the cycle of resp_valid.
struct Response {
    bool fault;
    uint32_t cause;
    uint64_t pa;
    uint64_t accepted, answered;
    uint64_t cycles() const { return answered - accepted; }
};

// One cycle as seen before its edge.
struct Cycle {
    uint64_t n;
    pw_walk_state state;
    pw_mmu_outputs out;
    pw_mmu_inputs in;
};

// Testbench: a model, a sparse memory with page tables, and a memory
// responder with a latency and per-request back-pressure.
class Mmu : public testing::Test {
protected:
    pw_mmu_model m;
    pw_sparse_mem *mem = pw_smem_new();
    pw_mmu_inputs in{};
    uint64_t cycle = 0;          // the current cycle; out() are its outputs
    std::vector<Cycle> trace;    // cycles since the last issue()
    std::function<void()> before_edge;  // drives extra inputs (sfence, reset)

    unsigned latency = 1;        // handshake to mem_resp_valid, cycles (>= 1)
    unsigned stall = 0;          // cycles mem_req_ready stays low per request
    std::set<uint64_t> write_errors;  // words whose write-back is a bus error
    std::vector<MemAccess> accesses;
    bool inject_resp = false;    // a spurious mem_resp_valid in every free cycle

    uint32_t next_table_ppn = kRootPpn + 1;

    ~Mmu() override { pw_smem_free(mem); }
    void SetUp() override { configure(8, PW_AD_SVADE); }

    // A fresh model (the memory and its tables stay).
    void configure(unsigned entries, pw_ad_policy ad, unsigned hit_latency = 1,
                   pw_counter_width counters = PW_COUNTERS_32, bool flush_all = false);
    const pw_mmu_outputs &out() const { return *pw_mmu_outputs_now(&m); }
    Cycle now() const { return Cycle{cycle, m.state, out(), in}; }

    // One clock: the responder drives its inputs from this cycle's outputs,
    // then the edge.
    void tick();
    // Present a request for one cycle; it must be accepted. Returns its cycle.
    uint64_t issue(uint32_t va, unsigned access, unsigned priv = kS);
    // Tick until resp_valid, bounded: a hang is a failure.
    Response wait_response(uint64_t accepted, unsigned limit = 500);
    Response translate(uint32_t va, unsigned access, unsigned priv = kS)
    {
        return wait_response(issue(va, access, priv));
    }
    void idle(unsigned n)
    {
        for (unsigned i = 0; i < n; i++)
            tick();
    }
    // One cycle with rst_n low.
    void reset_cycle()
    {
        in.rst_n = false;
        tick();
        in.rst_n = true;
    }
    // Loads in S-mode to vas, one presented per cycle from cycle 0 and each
    // held until accepted, for `cycles` cycles; trace holds those cycles.
    void present_loads(const std::vector<uint32_t> &vas, unsigned cycles);
    // Every traced cycle ready, and the responses pas, without fault, in
    // consecutive cycles from `first` and in no other cycle.
    void expect_answers_from(unsigned first, const std::vector<uint64_t> &pas);
    // For each memory latency and stall, under both A/D policies: a fresh
    // model at hit_latency with kVaA mapped A = D = 0, and a load to it, which
    // answers `beyond_walk` cycles after a walk of `walk` cycles, faulting
    // under Svade, with req_ready low from the cycle after acceptance until
    // the response. check(ad, walk) asks the rest.
    void sweep_memory_timing(unsigned hit_latency, unsigned beyond_walk,
                             const std::function<void(pw_ad_policy ad, unsigned walk)> &check);

    // One cycle with an sfence.vma.
    void sfence(bool all_va, bool all_asid, uint32_t va = 0, uint32_t asid = 0)
    {
        set_sfence(true, all_va, all_asid, va, asid);
        tick();
        in.sfence_valid = false;
    }
    void set_sfence(bool valid, bool all_va, bool all_asid, uint32_t va, uint32_t asid);
    unsigned valid_entries() const;

    // Page tables. Level-0 tables are allocated after the root.
    uint64_t l1_addr(uint32_t va, uint32_t root_ppn = kRootPpn)
    {
        return (uint64_t(root_ppn) << 12) + 4 * vpn1(va);
    }
    uint64_t l0_addr(uint32_t va, uint32_t root_ppn = kRootPpn)
    {
        uint32_t pointer = word(l1_addr(va, root_ppn));
        return (uint64_t(pointer >> 10) << 12) + 4 * vpn0(va);
    }
    uint32_t word(uint64_t pa)
    {
        uint32_t v = 0;
        pw_smem_get(mem, pa, &v);
        return v;
    }
    // Map va's 4 KiB page to ppn through a pointer with pointer_flags.
    void map4k(uint32_t va, uint32_t ppn, uint32_t flags, uint32_t pointer_flags = PW_PTE_V,
               uint32_t root_ppn = kRootPpn);
    void map_mega(uint32_t va, uint32_t ppn, uint32_t flags, uint32_t root_ppn = kRootPpn)
    {
        pw_smem_set(mem, l1_addr(va, root_ppn), ppn << 10 | flags);
    }
    // kVaA, kVaB, kVaC to pages 0x11111, 0x22222, 0x33333; returns their PAs.
    std::vector<uint64_t> map_abc();

    // What the architectural model says about an access now, without
    // writing memory (write-backs are returned in r.steps).
    pw_result reference(uint32_t va, unsigned access, unsigned priv, pw_ad_policy ad);

private:
    bool pending = false;
    uint64_t pending_at = 0;
    uint32_t pending_rdata = 0;
    bool pending_err = false;
    unsigned waited = 0;

    void handshake(const pw_mmu_outputs &o);
    static bool dry_read(void *ctx, uint64_t pa, uint32_t *v);
    static bool dry_write(void *ctx, uint64_t pa, uint32_t);
};

// One cycle of a timing diagram (docs/mmu.md): what the trace must show.
constexpr uint64_t kNoAddr = ~uint64_t(0);  // mem_req_addr drawn "-": not checked
struct DiagramCycle {
    pw_walk_state state;
    int req_ready, mem_req_valid;
    uint64_t mem_req_addr;
    int mem_resp_valid, resp_valid;
};

// The trace is the diagram, cycle by cycle; no cycle writes memory.
void expect_diagram(const std::vector<Cycle> &trace, const std::vector<DiagramCycle> &diagram);

}  // namespace mmu_bench

#endif
