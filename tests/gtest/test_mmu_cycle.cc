// The MMU cycle model (cmodel/mmu_cycle.c) against docs/mmu.md: the timing
// diagrams cycle by cycle, the TLB rules, and, on random tables, the
// architectural model pw_translate().
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "pagewalk_shim.h"

namespace {

constexpr uint32_t kRootPpn = 0x80000;  // root table at 0x8000_0000
constexpr uint32_t kLeaf = PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X | PW_PTE_A | PW_PTE_D;
constexpr unsigned kLoad = PW_MMU_ACCESS_LOAD, kStore = PW_MMU_ACCESS_STORE,
                   kFetch = PW_MMU_ACCESS_FETCH;
constexpr unsigned kU = PW_PRIV_U_VALUE, kS = PW_PRIV_S_VALUE, kM = PW_PRIV_M_VALUE;

uint32_t sv32_satp(uint32_t asid, uint32_t root_ppn = kRootPpn)
{
    return PW_SATP_MODE | asid << PW_SATP_ASID_SHIFT | root_ppn;
}
uint32_t vpn1(uint32_t va) { return va >> PW_VA_VPN1_SHIFT & PW_VA_VPN1_MASK; }
uint32_t vpn0(uint32_t va) { return va >> PW_VA_VPN0_SHIFT & PW_VA_VPN0_MASK; }
uint64_t page_pa(uint32_t ppn, uint32_t va) { return uint64_t(ppn) << 12 | (va & 0xfff); }

pw_access arch_access(unsigned port)
{
    return port == kLoad ? PW_ACCESS_LOAD : port == kStore ? PW_ACCESS_STORE : PW_ACCESS_FETCH;
}
pw_priv arch_priv(unsigned port)
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
                   pw_counter_width counters = PW_COUNTERS_32, bool flush_all = false)
    {
        pw_mmu_config cfg{entries, ad, true, hit_latency, counters, flush_all, false};
        ASSERT_TRUE(pw_mmu_init(&m, &cfg));
        in = pw_mmu_inputs{};
        in.rst_n = true;
        in.satp = sv32_satp(1);
        pending = false;
        waited = 0;
    }
    const pw_mmu_outputs &out() const { return *pw_mmu_outputs_now(&m); }
    Cycle now() const { return Cycle{cycle, m.state, out(), in}; }

    // One clock: the responder drives its inputs from this cycle's outputs,
    // then the edge.
    void tick()
    {
        const pw_mmu_outputs o = out();
        in.mem_resp_valid = false;
        in.mem_resp_err = false;
        in.mem_resp_rdata = 0xdeadbeef;  // must be ignored without valid
        if (pending && pending_at == cycle) {
            in.mem_resp_valid = true;
            in.mem_resp_rdata = pending_rdata;
            in.mem_resp_err = pending_err;
            pending = false;
        } else if (inject_resp && !pending) {
            in.mem_resp_valid = true;
            in.mem_resp_err = true;
        }
        in.mem_req_ready = waited >= stall;
        if (o.mem_req_valid) {
            if (in.mem_req_ready) {
                EXPECT_FALSE(pending) << "two memory requests outstanding, cycle " << cycle;
                handshake(o);
                waited = 0;
            } else {
                waited++;
            }
        }
        if (before_edge)
            before_edge();
        trace.push_back(now());
        pw_mmu_step(&m, &in);
        cycle++;
    }

    // Present a request for one cycle; it must be accepted. Returns its cycle.
    uint64_t issue(uint32_t va, unsigned access, unsigned priv = kS)
    {
        EXPECT_TRUE(out().req_ready) << "request at cycle " << cycle << " not accepted";
        trace.clear();
        in.req_valid = true;
        in.req_vaddr = va;
        in.req_access = access;
        in.req_priv = priv;
        uint64_t accepted = cycle;
        tick();
        in.req_valid = false;
        return accepted;
    }
    // Tick until resp_valid, bounded: a hang is a failure.
    Response wait_response(uint64_t accepted, unsigned limit = 500)
    {
        for (unsigned i = 0; i < limit && !out().resp_valid; i++)
            tick();
        if (!out().resp_valid)
            ADD_FAILURE() << "no response within " << limit << " cycles of cycle " << accepted;
        return Response{out().resp_fault, out().resp_cause, out().resp_paddr, accepted, cycle};
    }
    Response translate(uint32_t va, unsigned access, unsigned priv = kS)
    {
        return wait_response(issue(va, access, priv));
    }
    void idle(unsigned n)
    {
        for (unsigned i = 0; i < n; i++)
            tick();
    }
    // One cycle with an sfence.vma.
    void sfence(bool all_va, bool all_asid, uint32_t va = 0, uint32_t asid = 0)
    {
        set_sfence(true, all_va, all_asid, va, asid);
        tick();
        in.sfence_valid = false;
    }
    void set_sfence(bool valid, bool all_va, bool all_asid, uint32_t va, uint32_t asid)
    {
        in.sfence_valid = valid;
        in.sfence_all_va = all_va;
        in.sfence_all_asid = all_asid;
        in.sfence_vaddr = va;
        in.sfence_asid = asid;
    }
    unsigned valid_entries() const
    {
        unsigned n = 0;
        for (unsigned i = 0; i < m.cfg.tlb_entries; i++)
            n += m.tlb[i].valid;
        return n;
    }

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
               uint32_t root_ppn = kRootPpn)
    {
        uint32_t pointer = word(l1_addr(va, root_ppn));
        uint32_t table = pointer >> 10;
        if ((pointer & PW_PTE_V) == 0 || (pointer & (PW_PTE_R | PW_PTE_X)) != 0)
            table = next_table_ppn++;
        pw_smem_set(mem, l1_addr(va, root_ppn), table << 10 | pointer_flags);
        pw_smem_set(mem, (uint64_t(table) << 12) + 4 * vpn0(va), ppn << 10 | flags);
    }
    void map_mega(uint32_t va, uint32_t ppn, uint32_t flags, uint32_t root_ppn = kRootPpn)
    {
        pw_smem_set(mem, l1_addr(va, root_ppn), ppn << 10 | flags);
    }

    // What the architectural model says about an access now, without
    // writing memory (write-backs are returned in r.steps).
    pw_result reference(uint32_t va, unsigned access, unsigned priv, pw_ad_policy ad)
    {
        pw_context ctx{in.satp, arch_priv(priv & 3), in.sum, in.mxr, ad};
        pw_mem port{this, dry_read, dry_write};
        pw_result r;
        pw_translate(&ctx, &port, va, arch_access(access & 3), &r);
        return r;
    }

private:
    bool pending = false;
    uint64_t pending_at = 0;
    uint32_t pending_rdata = 0;
    bool pending_err = false;
    unsigned waited = 0;

    void handshake(const pw_mmu_outputs &o)
    {
        uint32_t v = 0;
        bool ok = pw_smem_get(mem, o.mem_req_addr, &v);
        if (o.mem_req_we) {
            ok = ok && !write_errors.count(o.mem_req_addr);
            if (ok)
                pw_smem_set(mem, o.mem_req_addr, o.mem_req_wdata);
            v = 0;
        }
        accesses.push_back({cycle, o.mem_req_addr, o.mem_req_we, o.mem_req_wdata});
        pending = true;
        pending_at = cycle + latency;
        pending_rdata = v;
        pending_err = !ok;
    }
    static bool dry_read(void *ctx, uint64_t pa, uint32_t *v)
    {
        return pw_smem_get(static_cast<Mmu *>(ctx)->mem, pa, v);
    }
    static bool dry_write(void *ctx, uint64_t pa, uint32_t)
    {
        auto *self = static_cast<Mmu *>(ctx);
        uint32_t v;
        return pw_smem_get(self->mem, pa, &v) && !self->write_errors.count(pa);
    }
};

constexpr uint32_t kVaA = 0x00401abc, kVaB = 0x00802123, kVaC = 0x00c03ffc;

// ---------------------------------------------------------------- timing

TEST_F(Mmu, HitAnswersOneCycleAfterAcceptanceOnePerCycle)
{
    map4k(kVaA, 0x11111, kLeaf);
    map4k(kVaB, 0x22222, kLeaf);
    map4k(kVaC, 0x33333, kLeaf);
    for (uint32_t va : {kVaA, kVaB, kVaC})
        translate(va, kLoad);
    idle(1);  // past the last response
    uint32_t hits = out().cnt_hits;

    // The diagram: requests A, B, C in cycles 0, 1, 2.
    const uint32_t vas[] = {kVaA, kVaB, kVaC};
    const uint64_t pas[] = {page_pa(0x11111, kVaA), page_pa(0x22222, kVaB),
                            page_pa(0x33333, kVaC)};
    for (int c = 0; c < 4; c++) {
        SCOPED_TRACE("diagram cycle " + std::to_string(c));
        EXPECT_TRUE(out().req_ready);
        EXPECT_EQ(out().resp_valid, c > 0);
        if (c > 0) {
            EXPECT_EQ(out().resp_paddr, pas[c - 1]);
            EXPECT_FALSE(out().resp_fault);
        }
        in.req_valid = c < 3;
        if (c < 3)
            in.req_vaddr = vas[c];
        tick();
    }
    EXPECT_FALSE(out().resp_valid);
    EXPECT_EQ(out().cnt_hits, hits + 3);
    EXPECT_EQ(out().cnt_misses, 3u);
    EXPECT_TRUE(accesses.size() == 6u) << "hits made no memory access";
}

TEST_F(Mmu, TracePortPulsesOnceForEachFillWithItsEntry)
{
    map4k(kVaA, 0x12345, kLeaf);
    Response r = translate(kVaA, kLoad);
    ASSERT_FALSE(r.fault);
    // The response cycle is the first after the fill edge: the port shows it now.
    EXPECT_TRUE(out().trace_fill);
    EXPECT_EQ(out().trace_fill_index, 0u);
    EXPECT_FALSE(out().trace_fill_evict);
    EXPECT_EQ(out().trace_fill_vpn, kVaA >> 12);
    EXPECT_EQ(out().trace_fill_asid, 1u);
    EXPECT_FALSE(out().trace_fill_mega);
    EXPECT_EQ(out().trace_fill_ppn, 0x12345u);
    tick();
    EXPECT_FALSE(out().trace_fill) << "a one-cycle pulse";
    EXPECT_EQ(out().trace_fill_ppn, 0x12345u) << "the payload holds";
    translate(kVaA, kLoad);  // a hit writes nothing
    EXPECT_FALSE(out().trace_fill);
}

TEST_F(Mmu, MissMatchesTheDiagram)
{
    map4k(kVaA, 0x12345, kLeaf);
    const uint64_t l1 = l1_addr(kVaA), l0 = l0_addr(kVaA);
    Response r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));

    tick();  // records cycle 5 with its inputs
    ASSERT_EQ(trace.size(), 6u);
    const pw_walk_state state[] = {PW_WALK_IDLE, PW_WALK_READ, PW_WALK_WAIT_READ,
                                   PW_WALK_READ, PW_WALK_WAIT_READ, PW_WALK_IDLE};
    const int req_ready[] = {1, 0, 0, 0, 0, 1};
    const int mem_req_valid[] = {0, 1, 0, 1, 0, 0};
    const uint64_t addr[] = {0, l1, l1, l0, l0, l0};  // cycle 0: "-"
    const int mem_resp_valid[] = {0, 0, 1, 0, 1, 0};
    const int resp_valid[] = {0, 0, 0, 0, 0, 1};
    for (int c = 0; c < 6; c++) {
        SCOPED_TRACE("diagram cycle " + std::to_string(c));
        const Cycle &t = trace[c];
        EXPECT_EQ(t.state, state[c]);
        EXPECT_EQ(t.out.req_ready, req_ready[c]);
        EXPECT_EQ(t.out.mem_req_valid, mem_req_valid[c]);
        EXPECT_FALSE(t.out.mem_req_we);
        if (c > 0) {
            EXPECT_EQ(t.out.mem_req_addr, addr[c]);
        }
        EXPECT_EQ(t.in.mem_resp_valid, mem_resp_valid[c]);
        EXPECT_EQ(t.out.resp_valid, resp_valid[c]);
    }
    EXPECT_EQ(out().cnt_walk_cycles, 4u);
    EXPECT_EQ(out().mem_req_addr, l0) << "held";
}

TEST_F(Mmu, SvaduWriteBackAddsWriteAndWaitWrite)
{
    configure(8, PW_AD_SVADU);
    const uint32_t leaf = PW_PTE_V | PW_PTE_R | PW_PTE_W;  // A = D = 0
    map4k(kVaA, 0x12345, leaf);
    map4k(kVaB, 0x23456, leaf);
    const uint64_t l0 = l0_addr(kVaA);

    Response r = translate(kVaA, kStore);
    EXPECT_EQ(r.cycles(), 7u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    const pw_walk_state state[] = {PW_WALK_IDLE, PW_WALK_READ, PW_WALK_WAIT_READ,
                                   PW_WALK_READ, PW_WALK_WAIT_READ, PW_WALK_WRITE,
                                   PW_WALK_WAIT_WRITE};
    ASSERT_EQ(trace.size(), 7u);
    for (int c = 0; c < 7; c++) {
        SCOPED_TRACE("cycle " + std::to_string(c));
        EXPECT_EQ(trace[c].state, state[c]);
        EXPECT_EQ(trace[c].out.mem_req_we, c == 5);
        EXPECT_EQ(trace[c].out.mem_req_valid, c == 1 || c == 3 || c == 5);
    }
    EXPECT_EQ(trace[5].out.mem_req_addr, l0);
    EXPECT_EQ(trace[5].out.mem_req_wdata, (0x12345u << 10) | leaf | PW_PTE_A | PW_PTE_D);
    EXPECT_EQ(word(l0), (0x12345u << 10) | leaf | PW_PTE_A | PW_PTE_D);
    EXPECT_TRUE(m.tlb[0].valid && m.tlb[0].d);
    EXPECT_EQ(out().mem_req_wdata, trace[5].out.mem_req_wdata) << "wdata holds";

    r = translate(kVaB, kLoad);  // a load sets A only
    EXPECT_EQ(r.cycles(), 7u);
    EXPECT_EQ(word(l0_addr(kVaB)), (0x23456u << 10) | leaf | PW_PTE_A);
    EXPECT_TRUE(m.tlb[1].valid && !m.tlb[1].d);
    EXPECT_EQ(out().cnt_walk_cycles, 12u);
}

TEST_F(Mmu, SvadeFaultsInsteadOfWritingBack)
{
    map4k(kVaA, 0x12345, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A);  // D = 0
    map4k(kVaB, 0x23456, PW_PTE_V | PW_PTE_R | PW_PTE_W);            // A = 0
    Response r = translate(kVaA, kStore);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_TRUE(r.fault);
    EXPECT_EQ(r.cause, PW_CAUSE_STORE_PAGE_FAULT);
    EXPECT_EQ(r.pa, 0u);
    r = translate(kVaB, kLoad);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_EQ(r.cause, PW_CAUSE_LOAD_PAGE_FAULT);
    for (const MemAccess &a : accesses)
        EXPECT_FALSE(a.write);
    EXPECT_EQ(valid_entries(), 0u);
    EXPECT_EQ(out().cnt_faults, 2u);
}

TEST_F(Mmu, BackPressureAndLatencyExtendTheWalkExactly)
{
    for (pw_ad_policy ad : {PW_AD_SVADE, PW_AD_SVADU})
        for (unsigned l : {1u, 2u, 5u})
            for (unsigned n : {0u, 1u, 3u}) {
                SCOPED_TRACE("latency " + std::to_string(l) + ", stall " + std::to_string(n) +
                             (ad == PW_AD_SVADU ? ", svadu" : ", svade"));
                configure(8, ad);
                latency = l;
                stall = n;
                map4k(kVaA, 0x12345, PW_PTE_V | PW_PTE_R | PW_PTE_W);  // A = D = 0
                const unsigned access = 1 + n + l;  // handshake cycle, stall, latency
                const unsigned walk = 2 * access + (ad == PW_AD_SVADU ? access : 0);
                Response r = translate(kVaA, kLoad);
                EXPECT_EQ(r.cycles(), walk + 1);
                EXPECT_EQ(r.fault, ad == PW_AD_SVADE);
                EXPECT_EQ(out().cnt_walk_cycles, walk);
                // req_ready low for the whole walk
                for (size_t c = 1; c < trace.size(); c++)
                    EXPECT_FALSE(trace[c].out.req_ready) << "cycle " << c;
                EXPECT_TRUE(out().req_ready);
            }
}

TEST_F(Mmu, HeldOutputsHoldUntilReloaded)
{
    map4k(kVaA, 0x12345, kLeaf);
    map4k(kVaB, 0x54321, PW_PTE_V);  // a pointer at level 0: a page fault
    Response r = translate(kVaA, kLoad);
    const uint64_t l0 = l0_addr(kVaA);
    idle(3);
    EXPECT_FALSE(out().resp_valid);
    EXPECT_EQ(out().resp_paddr, r.pa);
    EXPECT_EQ(out().mem_req_addr, l0);
    translate(kVaA, kStore);  // a hit loads no walker register
    EXPECT_EQ(out().mem_req_addr, l0);
    r = translate(kVaB, kFetch);
    EXPECT_TRUE(r.fault);
    EXPECT_EQ(r.cause, PW_CAUSE_FETCH_PAGE_FAULT);
    idle(2);
    EXPECT_TRUE(out().resp_fault);
    EXPECT_EQ(out().resp_cause, PW_CAUSE_FETCH_PAGE_FAULT);
    EXPECT_EQ(out().resp_paddr, 0u);
    EXPECT_EQ(out().mem_req_addr, l0_addr(kVaB));
    in.satp = 0;  // bare: a passthrough response clears fault and cause
    r = translate(0xfedcba98, kLoad);
    EXPECT_FALSE(out().resp_fault);
    EXPECT_EQ(out().resp_cause, 0u);
    EXPECT_EQ(out().resp_paddr, 0xfedcba98u);
}

TEST_F(Mmu, MemoryResponsesOutsideWaitStatesAreIgnored)
{
    map4k(kVaA, 0x12345, kLeaf);
    stall = 2;
    inject_resp = true;  // err pulses in IDLE and READ cycles
    idle(2);
    Response r = translate(kVaA, kLoad);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.cycles(), 2 * (1 + 2 + 1) + 1u);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
}

// ---------------------------------------------------------------- sfence

TEST_F(Mmu, SfenceFormsFlushExactlyTheDocumentedEntries)
{
    const uint32_t root2 = 0x80100, root3 = 0x80200;
    const uint32_t va_a4 = 0x00403000;  // vpn1 of A, another vpn0
    const uint32_t va_c = 0x00c05000, va_mega = 0x01000000;
    map4k(kVaA, 0x10001, kLeaf);
    map4k(kVaB, 0x10002, kLeaf);
    map4k(va_a4, 0x10003, kLeaf);
    map4k(kVaA, 0x20001, kLeaf, PW_PTE_V, root2);
    map4k(va_c, 0x20005, kLeaf, PW_PTE_V | PW_PTE_G, root2);  // global through its pointer
    map_mega(va_mega, 0x20400, kLeaf, root2);
    map_mega(kVaA, 0x30000, kLeaf | PW_PTE_G, root3);          // global megapage over A

    struct Fill {
        uint32_t asid, root, va;
    };
    // entries 0..6, in fill order
    // (the global megapage after va_a4, which it would otherwise answer)
    const Fill fills[] = {{1, kRootPpn, kVaA}, {1, kRootPpn, kVaB}, {2, root2, kVaA},
                          {1, kRootPpn, va_a4}, {3, root3, kVaA},   {2, root2, va_c},
                          {2, root2, va_mega}};
    struct Case {
        bool all_va, all_asid;
        uint32_t va, asid;
        std::set<unsigned> flushed;
    };
    const Case cases[] = {
        {true, true, 0, 0, {0, 1, 2, 3, 4, 5, 6}},
        {true, false, 0, 1, {0, 1, 3}},          // non-global of ASID 1
        {true, false, 0, 2, {2, 6}},             // entry 5 is global via its pointer
        {true, false, 0, 3, {}},                 // entry 4 is global
        {false, true, kVaA, 0, {0, 2, 4}},       // the VA everywhere; megapage by vpn1
        {false, true, va_c, 7, {5}},             // global entries too
        {false, false, kVaA, 1, {0}},            // global megapage 4 spared
        {false, false, kVaA, 3, {}},             // entry 4 is global
        {false, false, va_mega + 0x234000, 2, {6}},  // megapage matched by vpn1 only
        {false, false, va_c, 2, {}},             // global via pointer: spared
    };
    for (const Case &c : cases) {
        SCOPED_TRACE("all_va " + std::to_string(c.all_va) + " all_asid " +
                     std::to_string(c.all_asid) + " va " + std::to_string(c.va) + " asid " +
                     std::to_string(c.asid));
        configure(8, PW_AD_SVADE);
        for (unsigned i = 0; i < 7; i++) {
            in.satp = sv32_satp(fills[i].asid, fills[i].root);
            Response r = translate(fills[i].va, kLoad);
            ASSERT_FALSE(r.fault);
            ASSERT_TRUE(m.events.fill);
            ASSERT_EQ(m.events.fill_index, i);
        }
        EXPECT_TRUE(m.tlb[4].global && m.tlb[4].mega);
        EXPECT_TRUE(m.tlb[5].global && !m.tlb[5].mega);
        EXPECT_FALSE(m.tlb[0].global || m.tlb[6].global);
        EXPECT_TRUE(m.tlb[6].mega);
        sfence(c.all_va, c.all_asid, c.va, c.asid);
        EXPECT_EQ(m.events.flushed, c.flushed.size());
        for (unsigned i = 0; i < 7; i++)
            EXPECT_EQ(m.tlb[i].valid, !c.flushed.count(i)) << "entry " << i;
    }
}

TEST_F(Mmu, RequestInTheSfenceCycleIsLookedUpBeforeTheFlush)
{
    map4k(kVaA, 0x12345, kLeaf);
    translate(kVaA, kLoad);
    set_sfence(true, true, true, 0, 0);
    uint64_t accepted = issue(kVaA, kLoad);
    in.sfence_valid = false;
    EXPECT_TRUE(m.events.hit);
    EXPECT_EQ(m.events.flushed, 1u);
    Response r = wait_response(accepted);
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(valid_entries(), 0u);
}

// A sfence in cycle `at` relative to acceptance of a miss.
struct SfenceDuringWalk {
    int at;
    bool svadu;
    bool cancels;
};

class MmuSfenceWalk : public Mmu, public testing::WithParamInterface<SfenceDuringWalk> {};

TEST_P(MmuSfenceWalk, CancelsTheFillButNotTheResponse)
{
    const SfenceDuringWalk p = GetParam();
    configure(8, p.svadu ? PW_AD_SVADU : PW_AD_SVADE);
    map4k(kVaA, 0x12345, p.svadu ? (kLeaf & ~PW_PTE_D) : kLeaf);
    // a sfence of an unrelated VA and ASID: any sfence cancels the fill
    const uint64_t start = cycle + 2;  // two idle cycles, then the request
    bool fill_cancelled = false;
    before_edge = [&] {
        set_sfence(int64_t(cycle) - int64_t(start) == p.at, false, false, 0x7ff00000, 0x1ff);
    };
    idle(2);
    Response r = translate(kVaA, kStore);
    fill_cancelled = m.events.fill_cancelled;
    idle(2);
    before_edge = nullptr;
    in.sfence_valid = false;
    EXPECT_EQ(r.accepted, start);
    EXPECT_EQ(r.cycles(), p.svadu ? 7u : 5u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    EXPECT_EQ(fill_cancelled, p.cancels);
    EXPECT_EQ(valid_entries(), p.cancels ? 0u : 1u);
    uint32_t misses = out().cnt_misses;
    r = translate(kVaA, kStore);
    EXPECT_EQ(out().cnt_misses, misses + (p.cancels ? 1 : 0));
    EXPECT_EQ(r.cycles(), p.cancels ? 5u : 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Cycles, MmuSfenceWalk,
    testing::Values(SfenceDuringWalk{-1, false, false}, SfenceDuringWalk{0, false, true},
                    SfenceDuringWalk{1, false, true}, SfenceDuringWalk{2, false, true},
                    SfenceDuringWalk{3, false, true}, SfenceDuringWalk{4, false, true},
                    SfenceDuringWalk{5, false, false}, SfenceDuringWalk{0, true, true},
                    SfenceDuringWalk{4, true, true}, SfenceDuringWalk{6, true, true},
                    SfenceDuringWalk{7, true, false}),
    [](const testing::TestParamInfo<SfenceDuringWalk> &i) {
        return std::string(i.param.svadu ? "Svadu" : "Svade") + "At" +
               (i.param.at < 0 ? "Before" : std::to_string(i.param.at));
    });

TEST_F(Mmu, SfenceInTheDiagramCycle2CancelsTheFillAtCycle4)
{
    map4k(kVaA, 0x12345, kLeaf);
    uint64_t accepted = issue(kVaA, kLoad);
    tick();  // cycle 1
    sfence(true, true);  // cycle 2
    tick();  // cycle 3
    EXPECT_FALSE(m.events.fill_cancelled);
    tick();  // cycle 4: the edge that registers the response
    EXPECT_TRUE(m.events.fill_cancelled);
    EXPECT_FALSE(m.events.fill);
    Response r = wait_response(accepted);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(valid_entries(), 0u);
}

TEST_F(Mmu, LowestMatchingIndexWins)
{
    const uint32_t root2 = 0x80100;
    map4k(kVaA, 0x11111, kLeaf);                            // ASID 1: non-global
    map4k(kVaA, 0x22222, kLeaf | PW_PTE_G, PW_PTE_V, root2);  // ASID 2: global
    translate(kVaA, kLoad);
    in.satp = sv32_satp(2, root2);
    translate(kVaA, kLoad);
    ASSERT_TRUE(m.tlb[0].valid && m.tlb[1].valid && m.tlb[1].global);
    in.satp = sv32_satp(1);
    Response r = translate(kVaA, kLoad);  // entries 0 and 1 both match
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(r.pa, page_pa(0x11111, kVaA));
    sfence(false, false, kVaA, 1);  // entry 0 only
    r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(r.pa, page_pa(0x22222, kVaA));
}

// ---------------------------------------------------------------- replacement

TEST_F(Mmu, ReplacementLowestInvalidThenVictimPointerWrapping)
{
    configure(4, PW_AD_SVADE);
    auto va = [](unsigned page) { return 0x10000000u + (page << 12); };
    for (unsigned p = 0; p < 10; p++)
        map4k(va(p), 0x40000 + p, kLeaf);
    auto fill = [&](unsigned page) {
        Response r = translate(va(page), kLoad);
        EXPECT_FALSE(r.fault);
        EXPECT_TRUE(m.events.fill);
        return m.events.fill_index;
    };
    for (unsigned p = 0; p < 4; p++) {
        EXPECT_EQ(fill(p), p);
        EXPECT_FALSE(m.events.evicted);
        EXPECT_EQ(m.victim, 0u) << "the pointer moves only when used";
    }
    const unsigned expect_index[] = {0, 1, 2, 3, 0};  // pages 4..8
    for (unsigned p = 4; p < 9; p++) {
        EXPECT_EQ(fill(p), expect_index[p - 4]) << "page " << p;
        EXPECT_TRUE(m.events.evicted);
        EXPECT_EQ(m.events.evicted_entry.vpn0, vpn0(va(p - 4)));
        EXPECT_EQ(m.victim, (expect_index[p - 4] + 1) % 4);
    }
    // Pages now: 8, 5, 6, 7; victim at 1. Flush page 6 (entry 2).
    sfence(false, true, va(6), 0);
    EXPECT_FALSE(m.tlb[2].valid);
    EXPECT_EQ(fill(9), 2u);
    EXPECT_FALSE(m.events.evicted);
    EXPECT_EQ(m.victim, 1u);
    EXPECT_EQ(fill(1), 1u);
    EXPECT_EQ(m.victim, 2u);
    // reset puts the pointer back at 0
    in.rst_n = false;
    tick();
    in.rst_n = true;
    EXPECT_EQ(m.victim, 0u);
    EXPECT_EQ(valid_entries(), 0u);
}

TEST_F(Mmu, SvaduStoreHitOnCleanEntryRefillsThatEntry)
{
    configure(8, PW_AD_SVADU);
    const uint32_t clean = PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A;  // D = 0
    map4k(kVaA, 0x11111, clean);
    map4k(kVaB, 0x22222, clean);
    translate(kVaA, kLoad);
    translate(kVaB, kLoad);
    EXPECT_EQ(m.events.fill_index, 1u);
    EXPECT_FALSE(m.tlb[1].d);
    sfence(false, true, kVaA, 0);  // entry 0 invalid: the refill must not go there
    ASSERT_FALSE(m.tlb[0].valid);
    const uint32_t hits = out().cnt_hits, misses = out().cnt_misses;

    Response r = translate(kVaB, kStore);
    EXPECT_EQ(r.cycles(), 7u);
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x22222, kVaB));
    EXPECT_EQ(out().cnt_hits, hits);
    EXPECT_EQ(out().cnt_misses, misses + 1);
    EXPECT_TRUE(m.events.fill);
    EXPECT_EQ(m.events.fill_index, 1u);
    EXPECT_FALSE(m.tlb[0].valid);
    EXPECT_TRUE(m.tlb[1].d);
    EXPECT_EQ(word(l0_addr(kVaB)), (0x22222u << 10) | clean | PW_PTE_D);
    EXPECT_EQ(m.victim, 0u);

    r = translate(kVaB, kStore);  // now a plain hit
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_EQ(out().cnt_hits, hits + 1);
}

TEST_F(Mmu, SvaduStoreHitWithoutWritePermissionFaultsOnTheHit)
{
    configure(8, PW_AD_SVADU);
    map4k(kVaA, 0x11111, PW_PTE_V | PW_PTE_R | PW_PTE_A);  // no W, D = 0
    translate(kVaA, kLoad);
    Response r = translate(kVaA, kStore);
    EXPECT_EQ(r.cycles(), 1u);
    EXPECT_TRUE(r.fault);
    EXPECT_EQ(r.cause, PW_CAUSE_STORE_PAGE_FAULT);
    EXPECT_EQ(out().cnt_misses, 1u);
    EXPECT_EQ(out().cnt_hits, 1u);
}

// ---------------------------------------------------------------- faults

TEST_F(Mmu, FaultsAreNeverCachedAndCarryTheAccessType)
{
    const unsigned kinds[] = {kLoad, kStore, kFetch, 3};  // 3: reserved, fetch
    const uint32_t page_cause[] = {PW_CAUSE_LOAD_PAGE_FAULT, PW_CAUSE_STORE_PAGE_FAULT,
                                   PW_CAUSE_FETCH_PAGE_FAULT, PW_CAUSE_FETCH_PAGE_FAULT};
    const uint32_t access_cause[] = {PW_CAUSE_LOAD_ACCESS, PW_CAUSE_STORE_ACCESS,
                                     PW_CAUSE_FETCH_ACCESS, PW_CAUSE_FETCH_ACCESS};
    for (pw_ad_policy ad : {PW_AD_SVADE, PW_AD_SVADU})
        for (unsigned k = 0; k < 4; k++) {
            SCOPED_TRACE("access " + std::to_string(kinds[k]) +
                         (ad == PW_AD_SVADU ? " svadu" : " svade"));
            configure(8, ad);
            const uint32_t base = 0x20000000u + (k << 24) + (ad << 23);
            const uint32_t va_invalid = base, va_l1_err = base + (1u << 22),
                           va_l0_err = base + 0x1000, va_wb_err = base + 0x2000;
            map4k(va_invalid, 0x11111, kLeaf & ~PW_PTE_V);
            map4k(va_l0_err, 0x22222, kLeaf);
            pw_smem_set_error(mem, l0_addr(va_l0_err));
            pw_smem_set_error(mem, l1_addr(va_l1_err));
            map4k(va_wb_err, 0x33333, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X);  // A = D = 0
            write_errors.insert(l0_addr(va_wb_err));

            Response r = translate(va_invalid, kinds[k]);
            EXPECT_TRUE(r.fault);
            EXPECT_EQ(r.cause, page_cause[k]);
            EXPECT_FALSE(m.events.fill);
            r = translate(va_l1_err, kinds[k]);
            EXPECT_EQ(r.cause, access_cause[k]);
            EXPECT_EQ(r.cycles(), 3u) << "one cycle after the response that decided it";
            r = translate(va_l0_err, kinds[k]);
            EXPECT_EQ(r.cause, access_cause[k]);
            r = translate(va_wb_err, kinds[k]);
            EXPECT_EQ(r.cause, ad == PW_AD_SVADU ? access_cause[k] : page_cause[k]);
            EXPECT_EQ(r.cycles(), ad == PW_AD_SVADU ? 7u : 5u);
            EXPECT_EQ(word(l0_addr(va_wb_err)) & (PW_PTE_A | PW_PTE_D), 0u);
            EXPECT_EQ(valid_entries(), 0u);
            EXPECT_EQ(out().cnt_faults, 4u);
            EXPECT_EQ(out().cnt_walks, 4u);

            // Fixed without a sfence: the next access walks and succeeds.
            map4k(va_invalid, 0x11111, kLeaf);
            r = translate(va_invalid, kinds[k]);
            EXPECT_FALSE(r.fault);
            EXPECT_EQ(r.cycles(), 5u);
            EXPECT_EQ(out().cnt_misses, 5u);
            EXPECT_EQ(valid_entries(), 1u);
        }
}

// Every leaf flag set, privilege, SUM, MXR and access: the hit path and the
// miss path give pw_translate's answer (so the same cause either way).
TEST_F(Mmu, HitAndMissGiveTheSameAnswerAsTheArchitecturalModel)
{
    const uint32_t rwx[] = {PW_PTE_R, PW_PTE_R | PW_PTE_W, PW_PTE_X, PW_PTE_R | PW_PTE_X,
                            PW_PTE_R | PW_PTE_W | PW_PTE_X};
    std::vector<uint32_t> leaves;
    for (uint32_t perm : rwx)
        for (uint32_t u : {0u, PW_PTE_U})
            for (uint32_t d : {0u, PW_PTE_D})
                for (uint32_t mega : {0u, 1u})
                    leaves.push_back(perm | u | d | PW_PTE_V | PW_PTE_A | mega << 31);
    unsigned hit_checks = 0;
    for (size_t i = 0; i < leaves.size(); i++) {
        const bool mega = leaves[i] >> 31;
        const uint32_t leaf = leaves[i] & 0xff;
        const uint32_t va = 0x40000000u + uint32_t(i << 22) + 0x5678;
        if (mega)
            map_mega(va, (0x300u + uint32_t(i)) << 10, leaf);  // aligned
        else
            map4k(va, 0x50000 + uint32_t(i), leaf);
        for (unsigned priv : {kU, kS})
            for (unsigned sum = 0; sum < 2; sum++)
                for (unsigned mxr = 0; mxr < 2; mxr++)
                    for (unsigned access : {kLoad, kStore, kFetch}) {
                        SCOPED_TRACE("leaf " + std::to_string(leaf) + (mega ? " mega" : "") +
                                     " priv " + std::to_string(priv) + " sum " +
                                     std::to_string(sum) + " mxr " + std::to_string(mxr) +
                                     " access " + std::to_string(access));
                        in.sum = sum;
                        in.mxr = mxr;
                        pw_result want = reference(va, access, priv, PW_AD_SVADE);
                        // miss
                        sfence(true, true);
                        Response r = translate(va, access, priv);
                        EXPECT_GT(r.cycles(), 1u);
                        EXPECT_EQ(r.fault, want.fault);
                        EXPECT_EQ(r.cause, want.cause);
                        EXPECT_EQ(r.pa, want.pa);
                        // hit: fill with any access that succeeds, then repeat
                        sfence(true, true);
                        bool filled = false;
                        in.sum = 1;
                        in.mxr = 0;
                        for (unsigned fa : {kLoad, kFetch, kStore})
                            for (unsigned fp : {kU, kS})
                                if (!filled && !reference(va, fa, fp, PW_AD_SVADE).fault)
                                    filled = !translate(va, fa, fp).fault;
                        in.sum = sum;
                        in.mxr = mxr;
                        if (!filled)
                            continue;
                        r = translate(va, access, priv);
                        ASSERT_EQ(r.cycles(), 1u) << "not a hit";
                        hit_checks++;
                        EXPECT_EQ(r.fault, want.fault);
                        EXPECT_EQ(r.cause, want.cause);
                        EXPECT_EQ(r.pa, want.pa);
                    }
    }
    EXPECT_GT(hit_checks, 400u);
}

// Each rule of the WAIT_READ ladder, at the level where it decides: the
// answer is pw_translate's, one cycle after the read that decided it.
TEST_F(Mmu, WalkerRulesMatchTheArchitecturalModel)
{
    const uint32_t table = 0x80010;
    struct Case {
        const char *rule;
        uint32_t l1, l0;  // l0 used when l1 points to `table`
        int level;        // where the walk ends
    };
    const uint32_t ptr = table << 10 | PW_PTE_V;
    const Case cases[] = {
        {"invalid at level 1", 0, 0, 1},
        {"W without R at level 1", ptr | PW_PTE_W, 0, 1},
        {"W|X without R at level 0", ptr, 0x12345u << 10 | PW_PTE_V | PW_PTE_W | PW_PTE_X, 0},
        {"pointer with D", ptr | PW_PTE_D, 0, 1},
        {"pointer with A", ptr | PW_PTE_A, 0, 1},
        {"pointer with U", ptr | PW_PTE_U, 0, 1},
        {"pointer at level 0", ptr, ptr, 0},
        {"misaligned megapage", 0x12345u << 10 | kLeaf, 0, 1},
        {"aligned megapage", 0x12000u << 10 | kLeaf, 0, 1},
        {"megapage without A", 0x12000u << 10 | (kLeaf & ~PW_PTE_A), 0, 1},
        {"4 KiB page", ptr, 0x12345u << 10 | kLeaf, 0},
        {"4 KiB page, U", ptr, 0x12345u << 10 | kLeaf | PW_PTE_U, 0},
        {"4 KiB page, X only", ptr, 0x12345u << 10 | PW_PTE_V | PW_PTE_X | PW_PTE_A, 0},
    };
    const uint32_t va = 0x00801234;
    for (const Case &c : cases)
        for (unsigned access : {kLoad, kStore, kFetch}) {
            SCOPED_TRACE(std::string(c.rule) + ", access " + std::to_string(access));
            configure(8, PW_AD_SVADE);
            pw_smem_set(mem, l1_addr(va), c.l1);
            pw_smem_set(mem, (uint64_t(table) << 12) + 4 * vpn0(va), c.l0);
            pw_result want = reference(va, access, kS, PW_AD_SVADE);
            ASSERT_EQ(want.level, c.level);
            Response r = translate(va, access);
            EXPECT_EQ(r.fault, want.fault);
            EXPECT_EQ(r.cause, want.cause);
            EXPECT_EQ(r.pa, want.pa);
            EXPECT_EQ(r.cycles(), c.level == 1 ? 3u : 5u);
            EXPECT_EQ(m.events.fill, !want.fault);
        }
}

TEST_F(Mmu, MegapageEntryAnswersTheWholeMegapage)
{
    map_mega(kVaA, 0x12000, kLeaf);  // 4 MiB at VA 0x00400000
    Response r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 5u - 2);
    EXPECT_TRUE(m.tlb[0].mega);
    for (uint32_t va : {0x00400000u, 0x007ffffcu, 0x00555555u}) {
        r = translate(va, kLoad);
        EXPECT_EQ(r.cycles(), 1u) << "a hit for any VPN[0]";
        EXPECT_EQ(r.pa, uint64_t(0x12000) << 12 | (va & 0x3fffff));
    }
    EXPECT_EQ(out().cnt_misses, 1u);
}

// ---------------------------------------------------------------- passthrough

TEST_F(Mmu, MachineModeAndBareAnswerInOneCycleUncounted)
{
    map4k(kVaA, 0x12345, kLeaf & ~PW_PTE_V);  // would fault if translated
    struct Case {
        uint32_t satp;
        unsigned priv;
    };
    const Case cases[] = {{sv32_satp(1), kM}, {sv32_satp(1), 2}, {0, kS}, {0, kU},
                          {sv32_satp(5) & ~PW_SATP_MODE, kU}};
    for (const Case &c : cases)
        for (unsigned access : {kLoad, kStore, kFetch, 3u}) {
            in.satp = c.satp;
            Response r = translate(kVaA | 0xf0000000u, access, c.priv);
            EXPECT_EQ(r.cycles(), 1u);
            EXPECT_FALSE(r.fault);
            EXPECT_EQ(r.cause, 0u);
            EXPECT_EQ(r.pa, uint64_t(kVaA | 0xf0000000u));
            EXPECT_TRUE(m.events.accepted);
            EXPECT_FALSE(m.events.hit);
        }
    const pw_mmu_outputs &o = out();
    EXPECT_EQ(o.cnt_hits + o.cnt_misses + o.cnt_walks + o.cnt_faults + o.cnt_walk_cycles, 0u);
    EXPECT_TRUE(accesses.empty());
    EXPECT_EQ(valid_entries(), 0u);
}

// ---------------------------------------------------------------- counters, reset

TEST_F(Mmu, CountersCountWhatTheTableSays)
{
    map4k(kVaA, 0x12345, kLeaf);
    map_mega(kVaB, 0, 0);  // V = 0 at level 1
    translate(kVaA, kLoad);  // miss, walk 4 cycles
    translate(kVaA, kLoad);  // hit
    translate(kVaA, kFetch, kU);  // hit fault (U = 0)
    translate(kVaB, kStore);  // miss fault at level 1: walk 2 cycles
    translate(kVaB, kStore, kM);  // passthrough
    const pw_mmu_outputs &o = out();
    EXPECT_EQ(o.cnt_hits, 2u);
    EXPECT_EQ(o.cnt_misses, 2u);
    EXPECT_EQ(o.cnt_walks, 2u);
    EXPECT_EQ(o.cnt_faults, 2u);
    EXPECT_EQ(o.cnt_walk_cycles, 6u);
    // a walk cycle counts at its edge: the count of cycle c shows in c + 1
    issue(kVaC, kLoad);
    EXPECT_EQ(out().cnt_walk_cycles, 6u);
    tick();
    EXPECT_EQ(out().cnt_walk_cycles, 7u);
    EXPECT_EQ(out().cnt_misses, 3u);
}

TEST_F(Mmu, ResetInTheMiddleOfAWalk)
{
    map4k(kVaA, 0x12345, kLeaf);
    map4k(kVaB, 0x23456, kLeaf);
    translate(kVaB, kLoad);
    latency = 3;
    issue(kVaA, kLoad);
    idle(2);  // READ, then WAIT_READ with the response two cycles away
    ASSERT_EQ(m.state, PW_WALK_WAIT_READ);
    // reset wins over a request, a sfence and everything else
    in.rst_n = false;
    in.req_valid = true;
    in.req_vaddr = kVaB;
    set_sfence(true, true, true, 0, 0);
    tick();
    in.req_valid = false;
    in.sfence_valid = false;
    in.rst_n = true;
    const pw_mmu_outputs &o = out();
    EXPECT_EQ(m.state, PW_WALK_IDLE);
    EXPECT_TRUE(o.req_ready);
    EXPECT_FALSE(o.resp_valid || o.resp_fault || o.mem_req_valid || o.mem_req_we);
    EXPECT_EQ(o.resp_paddr | o.resp_cause | o.mem_req_addr | o.mem_req_wdata, 0u);
    EXPECT_EQ(o.cnt_hits | o.cnt_misses | o.cnt_walks | o.cnt_faults | o.cnt_walk_cycles, 0u);
    EXPECT_EQ(valid_entries(), 0u);
    EXPECT_EQ(m.victim, 0u);
    EXPECT_FALSE(m.events.accepted || m.events.fill || m.events.flushed);
    idle(3);  // the old walk's memory response arrives: ignored
    EXPECT_FALSE(out().resp_valid);
    EXPECT_EQ(m.state, PW_WALK_IDLE);
    latency = 1;
    Response r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 5u);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    EXPECT_EQ(out().cnt_misses, 1u);
    EXPECT_EQ(out().cnt_walk_cycles, 4u);
}

TEST(MmuConfig, RejectsOutOfRangeParameters)
{
    pw_mmu_model m;
    for (unsigned n : {0u, 3u, 33u}) {
        pw_mmu_config cfg{n, PW_AD_SVADE, false, 1, PW_COUNTERS_32, false, false};
        EXPECT_FALSE(pw_mmu_init(&m, &cfg)) << n;
    }
    for (unsigned n : {4u, 32u}) {
        pw_mmu_config cfg{n, PW_AD_SVADU, false, 1, PW_COUNTERS_32, false, false};
        EXPECT_TRUE(pw_mmu_init(&m, &cfg)) << n;
    }
    for (unsigned latency : {0u, 1u, 2u, 3u}) {  // 0 reads as the default, 1
        pw_mmu_config cfg{8, PW_AD_SVADE, false, latency, PW_COUNTERS_16, true, false};
        EXPECT_TRUE(pw_mmu_init(&m, &cfg)) << latency;
        EXPECT_EQ(m.latency, latency ? latency : 1u);
    }
    pw_mmu_config four{8, PW_AD_SVADE, false, 4, PW_COUNTERS_32, false, false};
    EXPECT_FALSE(pw_mmu_init(&m, &four));
    pw_mmu_config bad_counters{8, PW_AD_SVADE, false, 1, pw_counter_width(3), false, false};
    EXPECT_FALSE(pw_mmu_init(&m, &bad_counters));
    for (unsigned latency : {1u, 2u, 3u}) {  // the PPN RAM is read at the picking edge
        pw_mmu_config bram{8, PW_AD_SVADE, false, latency, PW_COUNTERS_NONE, true, true};
        EXPECT_EQ(pw_mmu_init(&m, &bram), latency == 3) << latency;
    }
    EXPECT_STREQ(pw_walk_state_name(PW_WALK_WAIT_WRITE), "WAIT_WRITE");
    EXPECT_STREQ(pw_walk_state_name(PW_WALK_DONE), "DONE");
}

// ---------------------------------------------------------------- hit latency 2 and 3
// docs/mmu.md, "Hit latency 2 and 3": its timing diagrams, cycle by cycle.

class MmuLatency : public Mmu, public testing::WithParamInterface<unsigned> {
protected:
    unsigned L() const { return GetParam(); }
    void SetUp() override { configure(8, PW_AD_SVADE, L()); }
};

INSTANTIATE_TEST_SUITE_P(HitLatency, MmuLatency, testing::Values(2u, 3u),
                         [](const testing::TestParamInfo<unsigned> &i) {
                             return "Latency" + std::to_string(i.param);
                         });

TEST_P(MmuLatency, BackToBackHitsAnswerAfterTheLatencyOnePerCycle)
{
    map4k(kVaA, 0x11111, kLeaf);
    map4k(kVaB, 0x22222, kLeaf);
    map4k(kVaC, 0x33333, kLeaf);
    for (uint32_t va : {kVaA, kVaB, kVaC})
        translate(va, kLoad);
    idle(2);  // past the last response and its late count
    const uint32_t hits = out().cnt_hits;
    const uint64_t pas[] = {page_pa(0x11111, kVaA), page_pa(0x22222, kVaB),
                            page_pa(0x33333, kVaC)};
    const uint32_t vas[] = {kVaA, kVaB, kVaC};
    const unsigned cycles = L() + 4;
    for (unsigned c = 0; c < cycles; c++) {
        SCOPED_TRACE("diagram cycle " + std::to_string(c));
        EXPECT_TRUE(out().req_ready);
        // A, B, C answered in cycles L, L+1, L+2
        const bool answering = c >= L() && c < L() + 3;
        EXPECT_EQ(out().resp_valid, answering);
        if (answering) {
            EXPECT_EQ(out().resp_paddr, pas[c - L()]);
            EXPECT_FALSE(out().resp_fault);
        }
        // each hit counts at its response edge and shows a cycle later
        const unsigned counted = c <= L() ? 0 : std::min(c - L(), 3u);
        EXPECT_EQ(out().cnt_hits, hits + counted);
        in.req_valid = c < 3;
        if (c < 3)
            in.req_vaddr = vas[c];
        tick();
    }
    EXPECT_TRUE(accesses.size() == 6u) << "hits made no memory access";
}

TEST_P(MmuLatency, MissMatchesTheDiagram)
{
    map4k(kVaA, 0x12345, kLeaf);
    const uint64_t l1 = l1_addr(kVaA), l0 = l0_addr(kVaA);
    Response r = translate(kVaA, kLoad);
    EXPECT_EQ(r.cycles(), 7u) << "the same at both latencies";
    EXPECT_FALSE(r.fault);
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    tick();  // records cycle 7
    ASSERT_EQ(trace.size(), 8u);
    const pw_walk_state state[] = {PW_WALK_IDLE, PW_WALK_IDLE,      PW_WALK_READ, PW_WALK_WAIT_READ,
                                   PW_WALK_READ, PW_WALK_WAIT_READ, PW_WALK_DONE, PW_WALK_IDLE};
    const int req_ready[] = {1, 0, 0, 0, 0, 0, 0, 1};
    const int mem_req_valid[] = {0, 0, 1, 0, 1, 0, 0, 0};
    const uint64_t addr[] = {0, 0, l1, l1, l0, l0, l0, l0};  // cycles 0, 1: "-"
    const int mem_resp_valid[] = {0, 0, 0, 1, 0, 1, 0, 0};
    const int resp_valid[] = {0, 0, 0, 0, 0, 0, 0, 1};
    const uint32_t misses[] = {0, 0, 0, 1, 1, 1, 1, 1};
    for (int c = 0; c < 8; c++) {
        SCOPED_TRACE("diagram cycle " + std::to_string(c));
        const Cycle &t = trace[c];
        EXPECT_EQ(t.state, state[c]);
        EXPECT_EQ(t.out.req_ready, req_ready[c]);
        EXPECT_EQ(t.out.mem_req_valid, mem_req_valid[c]);
        EXPECT_FALSE(t.out.mem_req_we);
        if (c > 1) {
            EXPECT_EQ(t.out.mem_req_addr, addr[c]);
        }
        EXPECT_EQ(t.in.mem_resp_valid, mem_resp_valid[c]);
        EXPECT_EQ(t.out.resp_valid, resp_valid[c]);
        EXPECT_EQ(t.out.cnt_misses, misses[c]);
    }
    EXPECT_TRUE(m.tlb[0].valid) << "DONE filled the entry";
    // Six cycles outside IDLE (cycles 2 to 7), the last counted at the edge of
    // cycle 7 and shown in cycle 8.
    EXPECT_EQ(out().cnt_walk_cycles, 5u);
    tick();
    EXPECT_EQ(out().cnt_walk_cycles, 5u);
    EXPECT_EQ(out().cnt_walks, 1u);
}

TEST_P(MmuLatency, WalkCostsItsMemoryAccessesPlusThreeCycles)
{
    for (pw_ad_policy ad : {PW_AD_SVADE, PW_AD_SVADU})
        for (unsigned l : {1u, 2u, 5u})
            for (unsigned n : {0u, 1u, 3u}) {
                SCOPED_TRACE("memory latency " + std::to_string(l) + ", stall " +
                             std::to_string(n) + (ad == PW_AD_SVADU ? ", svadu" : ", svade"));
                configure(8, ad, L());
                latency = l;
                stall = n;
                map4k(kVaA, 0x12345, PW_PTE_V | PW_PTE_R | PW_PTE_W);  // A = D = 0
                const unsigned access = 1 + n + l;  // handshake cycle, stall, latency
                const unsigned walk = 2 * access + (ad == PW_AD_SVADU ? access : 0);
                Response r = translate(kVaA, kLoad);
                EXPECT_EQ(r.cycles(), walk + 3);
                EXPECT_EQ(r.fault, ad == PW_AD_SVADE);
                for (size_t c = 1; c < trace.size(); c++)
                    EXPECT_FALSE(trace[c].out.req_ready) << "cycle " << c;
                EXPECT_TRUE(out().req_ready);
                idle(1);
                EXPECT_EQ(out().cnt_walk_cycles, walk + 1) << "the walk and DONE";
            }
}

TEST_P(MmuLatency, RequestBehindAMissWaitsAndHitsAheadAnswer)
{
    // docs/mmu.md's HitLatency 3 diagram (A hits, B misses, C waits), at
    // both latencies: only the hits' response cycles move.
    const uint32_t va_c = kVaC;
    map4k(kVaA, 0x11111, kLeaf);
    map4k(kVaB, 0x22222, kLeaf);
    map4k(va_c, 0x33333, kLeaf);
    translate(kVaA, kLoad);
    translate(va_c, kLoad);
    idle(2);
    const uint32_t vas[] = {kVaA, kVaB, va_c};
    unsigned next = 0;
    std::vector<int> ready, resp;
    std::vector<uint64_t> pa;
    for (unsigned c = 0; c < 13; c++) {
        ready.push_back(out().req_ready);
        resp.push_back(out().resp_valid);
        pa.push_back(out().resp_paddr);
        in.req_valid = next < 3;
        in.req_vaddr = next < 3 ? vas[next] : 0;
        const bool accepted = in.req_valid && out().req_ready;
        tick();
        next += accepted;
    }
    in.req_valid = false;
    // B, accepted in cycle 1, missed: cycle 2 refuses C; the walk (memory
    // latency 1) answers B in cycle 8, when C is accepted.
    const std::vector<int> want_ready = {1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    EXPECT_EQ(ready, want_ready);
    std::vector<int> want_resp(13, 0);
    want_resp[L()] = 1;      // A
    want_resp[8] = 1;        // B
    want_resp[8 + L()] = 1;  // C
    EXPECT_EQ(resp, want_resp);
    EXPECT_EQ(pa[L()], page_pa(0x11111, kVaA));
    EXPECT_EQ(pa[8], page_pa(0x22222, kVaB));
    EXPECT_EQ(pa[8 + L()], page_pa(0x33333, va_c));
}

TEST_P(MmuLatency, HeldWalkerOutputsLoadOnEveryRead)
{
    // docs/mmu.md: pipelined, mem_req_wdata takes every word read and
    // mem_req_addr the next level of every word with R = X = 0, before the
    // rules decide.
    const uint32_t va_zero = 0x01002abc;  // a root entry that is all zero
    map4k(kVaA, 0x12345, kLeaf);
    Response r = translate(kVaA, kLoad);
    ASSERT_FALSE(r.fault);
    EXPECT_EQ(out().mem_req_wdata, word(l0_addr(kVaA))) << "the leaf read";
    EXPECT_EQ(out().mem_req_addr, l0_addr(kVaA));

    r = translate(va_zero, kLoad);  // V = 0 at level 1: a page fault
    ASSERT_TRUE(r.fault);
    EXPECT_EQ(out().mem_req_wdata, 0u);
    EXPECT_EQ(out().mem_req_addr, uint64_t(vpn0(va_zero)) * 4) << "PPN 0, the VA's VPN[0]";

    // A bus error on the level-0 read: its data (this responder sends 0)
    // is loaded too, and as R = X = 0, so is an address made from it.
    const uint32_t va_err = 0x00c07000;
    map4k(va_err, 0x54321, kLeaf);
    pw_smem_set_error(mem, l0_addr(va_err));
    r = translate(va_err, kStore);
    ASSERT_TRUE(r.fault);
    EXPECT_EQ(r.cause, PW_CAUSE_STORE_ACCESS);
    EXPECT_EQ(out().mem_req_wdata, 0u);
    EXPECT_EQ(out().mem_req_addr, uint64_t(vpn0(va_err)) * 4);
    idle(3);
    EXPECT_EQ(out().mem_req_addr, uint64_t(vpn0(va_err)) * 4) << "held until the next walk";
}

TEST_P(MmuLatency, SvaduWriteBackShowsTheWordToWrite)
{
    configure(8, PW_AD_SVADU, L());
    const uint32_t leaf = PW_PTE_V | PW_PTE_R | PW_PTE_W;  // A = D = 0
    map4k(kVaA, 0x12345, leaf);
    Response r = translate(kVaA, kStore);
    EXPECT_EQ(r.cycles(), 9u);
    EXPECT_FALSE(r.fault);
    const uint32_t written = (0x12345u << 10) | leaf | PW_PTE_A | PW_PTE_D;
    EXPECT_EQ(word(l0_addr(kVaA)), written);
    bool seen_write = false;
    for (const Cycle &t : trace)
        if (t.out.mem_req_we) {
            seen_write = true;
            EXPECT_EQ(t.out.mem_req_wdata, written);
            EXPECT_EQ(t.out.mem_req_addr, l0_addr(kVaA));
        }
    EXPECT_TRUE(seen_write);
    EXPECT_TRUE(m.tlb[0].valid && m.tlb[0].d) << "filled as written back";
}

TEST_P(MmuLatency, WalkSamplesSumAndMxrWhenItStarts)
{
    // The contract asks for stable SUM and MXR; where they are sampled is
    // still defined, and this test pins it: the cycle after acceptance.
    map4k(kVaA, 0x12345, kLeaf | PW_PTE_U);  // S-mode needs SUM
    for (bool sum_at_start : {false, true}) {
        SCOPED_TRACE(sum_at_start ? "SUM at the start" : "SUM after the start");
        configure(8, PW_AD_SVADE, L());
        in.sum = false;
        const uint64_t accepted = issue(kVaA, kLoad, kS);
        in.sum = sum_at_start;  // cycle 1: the walk starts at its edge
        tick();
        in.sum = !sum_at_start;  // the rest of the walk
        Response r = wait_response(accepted);
        EXPECT_EQ(r.fault, !sum_at_start);
        in.sum = false;
    }
    // A hit samples them at acceptance.
    configure(8, PW_AD_SVADE, L());
    in.sum = true;
    translate(kVaA, kLoad, kS);
    in.sum = true;
    const uint64_t accepted = issue(kVaA, kLoad, kS);
    in.sum = false;
    Response r = wait_response(accepted);
    EXPECT_EQ(r.cycles(), L());
    EXPECT_FALSE(r.fault);
}

TEST_P(MmuLatency, SfenceFromAcceptanceToDoneCancelsTheFill)
{
    // Cycles of a miss at memory latency 1: 0 acceptance, 1 stage 1, 2..5 the
    // reads, 6 DONE, 7 the response.
    for (int at = -1; at <= 7; at++) {
        SCOPED_TRACE("sfence in cycle " + std::to_string(at));
        configure(8, PW_AD_SVADE, L());
        map4k(kVaA, 0x12345, kLeaf);
        const uint64_t start = cycle + 2;
        before_edge = [&] {
            set_sfence(int64_t(cycle) - int64_t(start) == at, false, false, 0x7ff00000, 0x1ff);
        };
        idle(2);
        Response r = translate(kVaA, kLoad);
        idle(2);
        before_edge = nullptr;
        in.sfence_valid = false;
        EXPECT_EQ(r.accepted, start);
        EXPECT_EQ(r.cycles(), 7u);
        EXPECT_FALSE(r.fault);
        EXPECT_EQ(valid_entries(), at >= 0 && at <= 6 ? 0u : 1u);
    }
}

TEST_P(MmuLatency, RequestInTheSfenceCycleIsLookedUpBeforeTheFlush)
{
    map4k(kVaA, 0x12345, kLeaf);
    translate(kVaA, kLoad);
    set_sfence(true, true, true, 0, 0);
    const uint64_t accepted = issue(kVaA, kLoad);
    in.sfence_valid = false;
    EXPECT_TRUE(m.events.hit);
    Response r = wait_response(accepted);
    EXPECT_EQ(r.cycles(), L());
    EXPECT_EQ(r.pa, page_pa(0x12345, kVaA));
    EXPECT_EQ(valid_entries(), 0u);
    r = translate(kVaA, kLoad);  // the next request misses
    EXPECT_EQ(r.cycles(), 7u);
}

TEST_P(MmuLatency, SvaduRefillRewritesTheEntryThatHitAtAcceptance)
{
    configure(8, PW_AD_SVADU, L());
    const uint32_t clean = PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A;  // D = 0
    map4k(kVaA, 0x11111, clean);
    map4k(kVaB, 0x22222, clean);
    translate(kVaA, kLoad);
    translate(kVaB, kLoad);
    sfence(false, true, kVaA, 0);  // entry 0 invalid: the refill must not go there
    idle(1);
    Response r = translate(kVaB, kStore);
    EXPECT_EQ(r.cycles(), 9u);  // a walk with a write-back
    EXPECT_EQ(m.events.fill_index, 1u);
    EXPECT_TRUE(m.tlb[1].d);
    EXPECT_FALSE(m.tlb[0].valid);
    r = translate(kVaB, kStore);
    EXPECT_EQ(r.cycles(), L());
}

TEST_P(MmuLatency, ResetEmptiesThePipeline)
{
    map4k(kVaA, 0x12345, kLeaf);
    map4k(kVaB, 0x23456, kLeaf);
    translate(kVaA, kLoad);
    idle(2);
    // a hit in flight
    issue(kVaA, kLoad);
    in.rst_n = false;
    tick();
    in.rst_n = true;
    idle(4);
    for (const Cycle &t : trace)
        EXPECT_FALSE(t.out.resp_valid) << "cycle " << t.n;
    // a miss whose walk would start at the reset edge
    const size_t before = accesses.size();
    issue(kVaB, kLoad);
    in.rst_n = false;
    tick();
    in.rst_n = true;
    idle(8);
    EXPECT_EQ(accesses.size(), before) << "the walk never started";
    EXPECT_EQ(m.state, PW_WALK_IDLE);
    EXPECT_FALSE(out().resp_valid);
    const pw_mmu_outputs &o = out();
    EXPECT_EQ(o.cnt_hits | o.cnt_misses | o.cnt_walks | o.cnt_faults | o.cnt_walk_cycles, 0u);
}

TEST_P(MmuLatency, UntranslatedRequestsTakeTheLatencyToo)
{
    in.satp = 0;
    for (uint32_t va : {0x1000u, 0xfffff123u}) {
        Response r = translate(va, kStore, kS);
        EXPECT_EQ(r.cycles(), L());
        EXPECT_EQ(r.pa, uint64_t(va));
    }
    idle(2);
    EXPECT_EQ(out().cnt_hits, 0u);
}

// ---------------------------------------------------------------- counters, sfence options

TEST_F(Mmu, CountersWrapAtTheirWidthOrReadZero)
{
    map4k(kVaA, 0x12345, kLeaf);
    const unsigned kHits = 65536 + 3;
    for (pw_counter_width w : {PW_COUNTERS_32, PW_COUNTERS_16, PW_COUNTERS_NONE}) {
        SCOPED_TRACE("counter width " + std::to_string(w));
        configure(8, PW_AD_SVADE, 1, w);
        translate(kVaA, kLoad);  // the miss that fills
        in.req_valid = true;
        in.req_vaddr = kVaA;
        for (unsigned i = 0; i < kHits; i++) {
            pw_mmu_step(&m, &in);  // one hit per cycle
            cycle++;
        }
        in.req_valid = false;
        tick();
        const pw_mmu_outputs &o = out();
        switch (w) {
        case PW_COUNTERS_32: EXPECT_EQ(o.cnt_hits, kHits); break;
        case PW_COUNTERS_16: EXPECT_EQ(o.cnt_hits, kHits - 65536); break;
        case PW_COUNTERS_NONE: EXPECT_EQ(o.cnt_hits, 0u); break;
        }
        EXPECT_EQ(o.cnt_misses, w == PW_COUNTERS_NONE ? 0u : 1u);
        EXPECT_EQ(o.cnt_walk_cycles, w == PW_COUNTERS_NONE ? 0u : 4u);
    }
}

TEST_F(Mmu, FlushAllSfenceClearsEveryEntryWhateverItNames)
{
    for (bool flush_all : {false, true}) {
        SCOPED_TRACE(flush_all ? "SfenceFlushAll" : "exact");
        configure(8, PW_AD_SVADE, 1, PW_COUNTERS_32, flush_all);
        map4k(kVaA, 0x11111, kLeaf);
        map4k(kVaB, 0x22222, kLeaf | PW_PTE_G);
        translate(kVaA, kLoad);
        translate(kVaB, kLoad);
        ASSERT_EQ(valid_entries(), 2u);
        sfence(false, false, kVaC, 7);  // names neither entry
        EXPECT_EQ(valid_entries(), flush_all ? 0u : 2u);
        EXPECT_EQ(m.events.flushed, flush_all ? 2u : 0u);
    }
}

// ---------------------------------------------------------------- consistency

// Random requests over random tables (never modified except by the MMU's own
// A/D write-backs), random sfences, latency and back-pressure: every response
// and every write-back must be pw_translate's.
class MmuRandom : public Mmu,
                  public testing::WithParamInterface<std::tuple<pw_ad_policy, unsigned>> {};

TEST_P(MmuRandom, AgreesWithTheArchitecturalModel)
{
    const pw_ad_policy ad = std::get<0>(GetParam());
    const unsigned hit_latency = std::get<1>(GetParam());
    configure(8, ad, hit_latency);
    std::mt19937 rng(0x5eed + ad);
    auto rnd = [&](uint32_t n) { return uint32_t(rng() % n); };
    const uint32_t perms[] = {PW_PTE_R, PW_PTE_R | PW_PTE_W, PW_PTE_X, PW_PTE_R | PW_PTE_X,
                              PW_PTE_R | PW_PTE_W | PW_PTE_X};
    auto random_leaf = [&](uint32_t ppn) {
        uint32_t pte = ppn << 10 | (rnd(2) ? perms[4] : perms[rnd(5)]) | PW_PTE_V;
        pte |= (rnd(3) == 0 ? PW_PTE_U : 0) | (rnd(4) == 0 ? PW_PTE_G : 0);
        pte |= (rnd(10) < 8 ? PW_PTE_A : 0) | (rnd(2) ? PW_PTE_D : 0);
        if (rnd(30) == 0)
            pte &= ~PW_PTE_V;
        if (rnd(60) == 0)
            pte = rng();  // junk
        return pte;
    };
    // 16 megabyte regions: most point to a table, some are megapages
    std::vector<uint32_t> vpn1s, table_vpn1s;
    for (uint32_t i = 0; i < 16; i++) {
        uint32_t v1 = 0x100 + i * 7;
        vpn1s.push_back(v1);
        uint64_t l1 = (uint64_t(kRootPpn) << 12) + 4 * v1;
        switch (rnd(20)) {
        case 0:
        case 1: pw_smem_set(mem, l1, random_leaf(0x100 + i) & ~(0x3ffu << 10)); break;  // aligned mega
        case 2: pw_smem_set(mem, l1, random_leaf(0x4000 + i)); break;  // often misaligned
        case 3: pw_smem_set_error(mem, l1); break;
        default: {
            uint32_t table = next_table_ppn++;
            table_vpn1s.push_back(v1);
            uint32_t pointer = table << 10 | PW_PTE_V | (rnd(5) == 0 ? PW_PTE_G : 0);
            if (rnd(25) == 0)
                pointer |= PW_PTE_A;  // reserved in a pointer
            pw_smem_set(mem, l1, pointer);
            for (uint32_t v0 = 0; v0 < 32; v0++) {
                uint64_t l0 = (uint64_t(table) << 12) + 4 * v0;
                pw_smem_set(mem, l0, random_leaf(0x60000 + i * 32 + v0));
                if (rnd(60) == 0)
                    pw_smem_set_error(mem, l0);
                else if (rnd(60) == 0)
                    write_errors.insert(l0);
            }
        }
        }
    }
    // requests mostly from a working set a little larger than the TLB
    std::vector<uint32_t> pages;
    for (int i = 0; i < 12; i++)
        pages.push_back(rnd(4) ? table_vpn1s[rnd(uint32_t(table_vpn1s.size()))] << 22 | rnd(32) << 12
                               : vpn1s[rnd(16)] << 22 | rnd(32) << 12);
    before_edge = [&] {
        in.sfence_valid = rnd(150) == 0;
        in.sfence_all_va = rnd(2);
        in.sfence_all_asid = rnd(2);
        in.sfence_vaddr = vpn1s[rnd(16)] << 22 | rnd(32) << 12;
        in.sfence_asid = rnd(4);
    };
    unsigned faults = 0;

    const int kRequests = 4000;
    for (int n = 0; n < kRequests; n++) {
        latency = 1 + rnd(3);
        stall = rnd(3) == 0 ? rnd(3) : 0;
        idle(rnd(3) == 0 ? rnd(3) : 0);
        in.satp = rnd(30) == 0 ? rnd(1u << 31) : sv32_satp(rnd(4) == 0 ? rnd(4) : 1);
        in.sum = rnd(4) != 0;
        in.mxr = rnd(2);
        const unsigned priv = rnd(8) == 0 ? 2 + rnd(2) : rnd(4) == 0 ? kU : kS;
        const unsigned access = rnd(4);
        const uint32_t page =
            rnd(5) ? pages[rnd(uint32_t(pages.size()))] : vpn1s[rnd(16)] << 22 | rnd(32) << 12;
        const uint32_t va = page | rnd(4096);
        SCOPED_TRACE("request " + std::to_string(n) + " va " + std::to_string(va));
        pw_result want = reference(va, access, priv, ad);
        const size_t before = accesses.size();
        const uint64_t accepted = issue(va, access, priv);
        const bool hit = m.events.hit;
        Response r = wait_response(accepted);
        ASSERT_EQ(r.fault, want.fault) << pw_end_text(want.end);
        ASSERT_EQ(r.cause, want.cause);
        ASSERT_EQ(r.pa, want.pa);
        ASSERT_FALSE(r.fault && m.events.fill) << "a fault filled the TLB";
        std::vector<std::pair<uint64_t, uint32_t>> got, expect;
        for (size_t i = before; i < accesses.size(); i++)
            if (accesses[i].write)
                got.push_back({accesses[i].addr, accesses[i].wdata});
        for (unsigned i = 0; i < want.nsteps; i++)
            if (want.steps[i].write)
                expect.push_back({want.steps[i].addr, want.steps[i].value});
        ASSERT_EQ(got, expect) << "A/D write-backs differ";
        if (hit) {
            ASSERT_EQ(r.cycles(), hit_latency);
        }
        faults += r.fault;
    }
    before_edge = nullptr;
    in.sfence_valid = false;
    idle(2);  // the pipelined MMU counts a cycle late
    const pw_mmu_outputs &o = out();
    // the run covered both paths, and faults did not crowd out translations
    EXPECT_GT(o.cnt_hits, kRequests / 10u);
    EXPECT_GT(o.cnt_misses, kRequests / 10u);
    EXPECT_GT(faults, kRequests / 10u);
    EXPECT_LT(faults, kRequests * 2u / 3u);
    EXPECT_EQ(o.cnt_faults, faults);
}

INSTANTIATE_TEST_SUITE_P(PoliciesAndLatencies, MmuRandom,
                         testing::Combine(testing::Values(PW_AD_SVADE, PW_AD_SVADU),
                                          testing::Values(1u, 2u, 3u)),
                         [](const testing::TestParamInfo<std::tuple<pw_ad_policy, unsigned>> &i) {
                             return std::string(pw_ad_name(std::get<0>(i.param))) + "Latency" +
                                    std::to_string(std::get<1>(i.param));
                         });

}  // namespace
