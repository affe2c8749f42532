// The longer members of the cycle model's bench (mmu_cycle_bench.h).
#include "mmu_cycle_bench.h"

namespace mmu_bench {

void Mmu::configure(unsigned entries, pw_ad_policy ad, unsigned hit_latency,
                    pw_counter_width counters, bool flush_all)
{
    pw_mmu_config cfg{entries, ad, true, hit_latency, counters, flush_all, false};
    ASSERT_TRUE(pw_mmu_init(&m, &cfg));
    in = pw_mmu_inputs{};
    in.rst_n = true;
    in.satp = sv32_satp(1);
    pending = false;
    waited = 0;
}

void Mmu::tick()
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

uint64_t Mmu::issue(uint32_t va, unsigned access, unsigned priv)
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

Response Mmu::wait_response(uint64_t accepted, unsigned limit)
{
    for (unsigned i = 0; i < limit && !out().resp_valid; i++)
        tick();
    if (!out().resp_valid)
        ADD_FAILURE() << "no response within " << limit << " cycles of cycle " << accepted;
    return Response{out().resp_fault, out().resp_cause, out().resp_paddr, accepted, cycle};
}

void Mmu::present_loads(const std::vector<uint32_t> &vas, unsigned cycles)
{
    trace.clear();
    size_t next = 0;
    for (unsigned c = 0; c < cycles; c++) {
        in.req_valid = next < vas.size();
        in.req_vaddr = in.req_valid ? vas[next] : 0;
        in.req_access = kLoad;
        in.req_priv = kS;
        const bool accepted = in.req_valid && out().req_ready;
        tick();
        next += accepted;
    }
    in.req_valid = false;
}

void Mmu::expect_answers_from(unsigned first, const std::vector<uint64_t> &pas)
{
    for (size_t c = 0; c < trace.size(); c++) {
        SCOPED_TRACE("diagram cycle " + std::to_string(c));
        const pw_mmu_outputs &o = trace[c].out;
        EXPECT_TRUE(o.req_ready);
        const bool answering = c >= first && c < first + pas.size();
        EXPECT_EQ(o.resp_valid, answering);
        if (answering) {
            EXPECT_EQ(o.resp_paddr, pas[c - first]);
            EXPECT_FALSE(o.resp_fault);
        }
    }
}

void Mmu::sweep_memory_timing(unsigned hit_latency, unsigned beyond_walk,
                              const std::function<void(pw_ad_policy ad, unsigned walk)> &check)
{
    for (pw_ad_policy ad : {PW_AD_SVADE, PW_AD_SVADU})
        for (unsigned l : {1u, 2u, 5u})
            for (unsigned n : {0u, 1u, 3u}) {
                SCOPED_TRACE("memory latency " + std::to_string(l) + ", stall " +
                             std::to_string(n) + (ad == PW_AD_SVADU ? ", svadu" : ", svade"));
                configure(8, ad, hit_latency);
                latency = l;
                stall = n;
                map4k(kVaA, 0x12345, PW_PTE_V | PW_PTE_R | PW_PTE_W);  // A = D = 0
                const unsigned access = 1 + n + l;  // handshake cycle, stall, latency
                const unsigned walk = 2 * access + (ad == PW_AD_SVADU ? access : 0);
                Response r = translate(kVaA, kLoad);
                EXPECT_EQ(r.cycles(), walk + beyond_walk);
                EXPECT_EQ(r.fault, ad == PW_AD_SVADE);
                for (size_t c = 1; c < trace.size(); c++)
                    EXPECT_FALSE(trace[c].out.req_ready) << "cycle " << c;
                EXPECT_TRUE(out().req_ready);
                check(ad, walk);
            }
}

void Mmu::set_sfence(bool valid, bool all_va, bool all_asid, uint32_t va, uint32_t asid)
{
    in.sfence_valid = valid;
    in.sfence_all_va = all_va;
    in.sfence_all_asid = all_asid;
    in.sfence_vaddr = va;
    in.sfence_asid = asid;
}

unsigned Mmu::valid_entries() const
{
    unsigned n = 0;
    for (unsigned i = 0; i < m.cfg.tlb_entries; i++)
        n += m.tlb[i].valid;
    return n;
}

void Mmu::map4k(uint32_t va, uint32_t ppn, uint32_t flags, uint32_t pointer_flags,
                uint32_t root_ppn)
{
    uint32_t pointer = word(l1_addr(va, root_ppn));
    uint32_t table = pointer >> 10;
    if ((pointer & PW_PTE_V) == 0 || (pointer & (PW_PTE_R | PW_PTE_X)) != 0)
        table = next_table_ppn++;
    pw_smem_set(mem, l1_addr(va, root_ppn), table << 10 | pointer_flags);
    pw_smem_set(mem, (uint64_t(table) << 12) + 4 * vpn0(va), ppn << 10 | flags);
}

std::vector<uint64_t> Mmu::map_abc()
{
    map4k(kVaA, 0x11111, kLeaf);
    map4k(kVaB, 0x22222, kLeaf);
    map4k(kVaC, 0x33333, kLeaf);
    return {page_pa(0x11111, kVaA), page_pa(0x22222, kVaB), page_pa(0x33333, kVaC)};
}

pw_result Mmu::reference(uint32_t va, unsigned access, unsigned priv, pw_ad_policy ad)
{
    pw_context ctx{in.satp, arch_priv(priv & 3), in.sum, in.mxr, ad};
    pw_mem port{this, dry_read, dry_write};
    pw_result r;
    pw_translate(&ctx, &port, va, arch_access(access & 3), &r);
    return r;
}

void Mmu::handshake(const pw_mmu_outputs &o)
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

bool Mmu::dry_read(void *ctx, uint64_t pa, uint32_t *v)
{
    return pw_smem_get(static_cast<Mmu *>(ctx)->mem, pa, v);
}

bool Mmu::dry_write(void *ctx, uint64_t pa, uint32_t)
{
    auto *self = static_cast<Mmu *>(ctx);
    uint32_t v;
    return pw_smem_get(self->mem, pa, &v) && !self->write_errors.count(pa);
}

void expect_diagram(const std::vector<Cycle> &trace, const std::vector<DiagramCycle> &diagram)
{
    ASSERT_EQ(trace.size(), diagram.size());
    for (size_t c = 0; c < diagram.size(); c++) {
        SCOPED_TRACE("diagram cycle " + std::to_string(c));
        const Cycle &t = trace[c];
        const DiagramCycle &d = diagram[c];
        EXPECT_EQ(t.state, d.state);
        EXPECT_EQ(t.out.req_ready, d.req_ready);
        EXPECT_EQ(t.out.mem_req_valid, d.mem_req_valid);
        EXPECT_FALSE(t.out.mem_req_we);
        if (d.mem_req_addr != kNoAddr) {
            EXPECT_EQ(t.out.mem_req_addr, d.mem_req_addr);
        }
        EXPECT_EQ(t.in.mem_resp_valid, d.mem_resp_valid);
        EXPECT_EQ(t.out.resp_valid, d.resp_valid);
    }
}

}  // namespace mmu_bench
