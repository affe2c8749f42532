// The ISS's rules at the C level (cmodel/iss.h), where a table or a single
// record says it more clearly than an assembly test: CSR write masks and
// reset values, the order of exceptions within one instruction, retirement
// records, interrupt injection and timing-dependent reads (the lockstep
// API), the translation memo against page-table stores, run status.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "iss_shim.h"

namespace {

constexpr uint32_t kRam = PW_MEM_RAM;

// ---- a few encoders (unprivileged spec, chapter 2)
uint32_t r_type(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
uint32_t i_type(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op)
{
    return (uint32_t(imm) & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
uint32_t s_type(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3)
{
    uint32_t u = uint32_t(imm) & 0xfff;
    return (u >> 5) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | 0x23;
}
uint32_t addi(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 0, rd, 0x13); }
uint32_t lw(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 2, rd, 0x03); }
uint32_t lh(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 1, rd, 0x03); }
uint32_t sw(uint32_t rs2, uint32_t rs1, int32_t imm) { return s_type(imm, rs2, rs1, 2); }
uint32_t sb(uint32_t rs2, uint32_t rs1, int32_t imm) { return s_type(imm, rs2, rs1, 0); }
uint32_t csrrw(uint32_t rd, uint32_t csr, uint32_t rs1) { return i_type(int32_t(csr), rs1, 1, rd, 0x73); }
uint32_t csrrs(uint32_t rd, uint32_t csr, uint32_t rs1) { return i_type(int32_t(csr), rs1, 2, rd, 0x73); }
uint32_t jalr(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 0, rd, 0x67); }
constexpr uint32_t kEcall = 0x00000073, kEbreak = 0x00100073, kMret = 0x30200073, kNop = 0x00000013;

// An ISS with a program at the start of RAM.
struct Iss {
    pw_iss *iss;
    explicit Iss(const std::vector<uint32_t> &code = {}, bool has_m = true, bool svadu = false)
    {
        pw_iss_config cfg;
        pw_iss_config_default(&cfg);
        cfg.has_m = has_m;
        cfg.svadu = svadu;
        iss = pw_iss_new(&cfg);
        load(kRam, code);
    }
    explicit Iss(const pw_iss_config *cfg) : iss(pw_iss_new(cfg)) {}
    Iss(const Iss &) = delete;
    Iss &operator=(const Iss &) = delete;
    ~Iss() { pw_iss_free(iss); }
    void load(uint32_t pa, const std::vector<uint32_t> &words)
    {
        if (!words.empty()) {
            EXPECT_TRUE(pw_iss_write_phys(iss, pa, words.data(), 4 * words.size()));
        }
    }
    void poke(uint32_t pa, uint32_t v) { EXPECT_TRUE(pw_iss_write_phys(iss, pa, &v, 4)); }
    uint32_t peek(uint32_t pa)
    {
        uint32_t v = 0;
        EXPECT_TRUE(pw_iss_read_phys(iss, pa, &v, 4));
        return v;
    }
    pw_rvfi step()
    {
        pw_rvfi r;
        pw_iss_step(iss, &r);
        return r;
    }
    uint32_t x(unsigned r) { return pw_iss_xreg(iss, r); }
    void set_x(unsigned r, uint32_t v) { pw_iss_set_xreg(iss, r, v); }
    uint32_t csr(uint32_t addr)
    {
        uint32_t v = 0;
        EXPECT_TRUE(pw_iss_csr_get(iss, addr, &v));
        return v;
    }
};

// ---------------------------------------------------------------- CSRs

struct CsrRow {
    const char *name;
    uint32_t addr, wmask, reset;
};
const CsrRow kCsrs[] = {
#define PW_CSR_ROW(name, addr, wmask, reset) {#name, addr, wmask, reset},
    PW_CSR_TABLE(PW_CSR_ROW)
#undef PW_CSR_ROW
};

TEST(IssCsr, ResetValuesAreTheTable)
{
    Iss t;
    for (const CsrRow &c : kCsrs) {
        SCOPED_TRACE(c.name);
        uint32_t expect = c.addr == PW_CSR_MISA ? c.reset | PW_MISA_EXT_M : c.reset;
        EXPECT_EQ(t.csr(c.addr), expect);
    }
}

// csrrw x0, CSR, x1 (x1 = all ones), then csrrs x2, CSR, x0: each writable
// bit is WMASK; read-only CSRs trap with the instruction as tval.
TEST(IssCsr, WritesOfAllOnesLeaveTheWriteMask)
{
    for (const CsrRow &c : kCsrs) {
        SCOPED_TRACE(c.name);
        Iss t({csrrw(0, c.addr, 1), csrrs(2, c.addr, 0)});
        pw_iss_csr_set(t.iss, PW_CSR_MTVEC, kRam + 0x100);
        t.set_x(1, 0xffffffff);
        pw_rvfi w = t.step();
        if ((c.addr >> 10) == 3) {
            EXPECT_TRUE(w.trap);
            EXPECT_EQ(w.cause, PW_CAUSE_ILLEGAL_INSN);
            EXPECT_EQ(w.tval, csrrw(0, c.addr, 1));
            continue;
        }
        ASSERT_FALSE(w.trap);
        pw_rvfi r = t.step();
        uint32_t reset = c.addr == PW_CSR_MISA ? c.reset | PW_MISA_EXT_M : c.reset;
        uint32_t expect = (reset & ~c.wmask) | c.wmask;
        if (c.addr == PW_CSR_SIE || c.addr == PW_CSR_SIP)
            expect = 0; // nothing delegated: the views show nothing
        EXPECT_EQ(r.rd_wdata, expect) << "read back 0x" << std::hex << r.rd_wdata;
    }
}

TEST(IssCsr, ViewsFollowMidelegAndMstatus)
{
    Iss t;
    ASSERT_TRUE(pw_iss_csr_set(t.iss, PW_CSR_MIDELEG, PW_IRQ_SSI));
    ASSERT_TRUE(pw_iss_csr_set(t.iss, PW_CSR_SIE, 0xffffffff));
    EXPECT_EQ(t.csr(PW_CSR_MIE), PW_IRQ_SSI); // only the delegated bit
    ASSERT_TRUE(pw_iss_csr_set(t.iss, PW_CSR_MIP, PW_IRQ_SSI | PW_IRQ_STI));
    EXPECT_EQ(t.csr(PW_CSR_SIP), PW_IRQ_SSI);
    ASSERT_TRUE(pw_iss_csr_set(t.iss, PW_CSR_MSTATUS, 0xffffffff));
    EXPECT_EQ(t.csr(PW_CSR_SSTATUS), PW_CSR_SSTATUS_WMASK);
}

TEST(IssCsr, MppReservedValueKeepsTheField)
{
    Iss t;
    pw_iss_csr_set(t.iss, PW_CSR_MSTATUS, PW_PRIV_S_VALUE << PW_MSTATUS_MPP_SHIFT);
    pw_iss_csr_set(t.iss, PW_CSR_MSTATUS, 2u << PW_MSTATUS_MPP_SHIFT);
    EXPECT_EQ(t.csr(PW_CSR_MSTATUS), PW_PRIV_S_VALUE << PW_MSTATUS_MPP_SHIFT);
}

TEST(IssCsr, CounterEnablesFromSAndU)
{
    // csrrs x5, time, x0 in S and in U, with the enables varied.
    struct Case {
        pw_priv priv;
        uint32_t mcounteren, scounteren;
        bool legal;
    } cases[] = {
        {PW_PRIV_S, 0, 0, false}, {PW_PRIV_S, PW_COUNTEREN_TM, 0, true},
        {PW_PRIV_U, PW_COUNTEREN_TM, 0, false}, {PW_PRIV_U, 0, PW_COUNTEREN_TM, false},
        {PW_PRIV_U, PW_COUNTEREN_TM, PW_COUNTEREN_TM, true}, {PW_PRIV_U, PW_COUNTEREN_CY, PW_COUNTEREN_CY, false},
    };
    for (const Case &c : cases) {
        Iss t({csrrs(5, PW_CSR_TIME, 0)});
        pw_iss_csr_set(t.iss, PW_CSR_MCOUNTEREN, c.mcounteren);
        pw_iss_csr_set(t.iss, PW_CSR_SCOUNTEREN, c.scounteren);
        pw_iss_set_priv(t.iss, c.priv);
        pw_rvfi r = t.step();
        EXPECT_EQ(r.trap, !c.legal) << "priv " << c.priv << " m " << c.mcounteren << " s " << c.scounteren;
    }
}

// ---------------------------------------------------------------- traps and records

// Sv32 tables at kRam + 0x10000: VA 0x40000000 -> page at kRam + 0x20000,
// flags given; everything else unmapped.
void map_one(Iss &t, uint32_t flags, uint32_t page = kRam + 0x20000)
{
    uint32_t root = kRam + 0x10000, l0 = kRam + 0x11000;
    t.poke(root + (0x40000000u >> 22) * 4, ((l0 >> 12) << 10) | PW_PTE_V);
    t.poke(l0, ((page >> 12) << 10) | flags);
    pw_iss_csr_set(t.iss, PW_CSR_SATP, PW_SATP_MODE | (root >> 12));
}

TEST(IssTraps, FetchPageFaultBeforeIllegal)
{
    // S-mode jumps to an unmapped page holding an illegal word: the fetch fault wins.
    Iss t({jalr(0, 1, 0)});
    t.poke(kRam + 0x20000, 0xffffffff);
    map_one(t, PW_PTE_V | PW_PTE_R | PW_PTE_A); // readable, not executable
    // code must be fetchable in S: an identity megapage for RAM
    t.poke(kRam + 0x10000 + (kRam >> 22) * 4, ((kRam >> 12) << 10) | PW_PTE_V | PW_PTE_R | PW_PTE_X | PW_PTE_A);
    pw_iss_set_priv(t.iss, PW_PRIV_S);
    t.set_x(1, 0x40000000);
    ASSERT_FALSE(t.step().trap);
    pw_rvfi r = t.step();
    EXPECT_TRUE(r.trap);
    EXPECT_EQ(r.cause, PW_CAUSE_FETCH_PAGE_FAULT);
    EXPECT_EQ(r.tval, 0x40000000u);
    EXPECT_EQ(r.insn, 0u) << "no instruction bits when the fetch faulted";
}

TEST(IssTraps, MisalignedBeforePageFaultAndAccessFault)
{
    {
        Iss t({lw(5, 1, 2)});
        map_one(t, 0); // invalid: a page fault if it were translated
        t.poke(kRam + 0x10000 + (kRam >> 22) * 4, ((kRam >> 12) << 10) | PW_PTE_V | PW_PTE_R | PW_PTE_X | PW_PTE_A);
        pw_iss_set_priv(t.iss, PW_PRIV_S);
        t.set_x(1, 0x40000000);
        pw_rvfi r = t.step();
        EXPECT_EQ(r.cause, PW_CAUSE_LOAD_MISALIGNED);
        EXPECT_EQ(r.tval, 0x40000002u);
    }
    {
        Iss t({sw(5, 1, 1)});
        t.set_x(1, 0x00200000); // no device there
        pw_rvfi r = t.step();
        EXPECT_EQ(r.cause, PW_CAUSE_STORE_MISALIGNED);
        EXPECT_EQ(r.tval, 0x00200001u);
    }
}

TEST(IssTraps, MisalignedJumpTrapsAtTheJumpAndKeepsRd)
{
    Iss t({jalr(1, 2, 2)});
    t.set_x(1, 77);
    t.set_x(2, kRam + 0x100);
    pw_rvfi r = t.step();
    EXPECT_TRUE(r.trap);
    EXPECT_EQ(r.cause, PW_CAUSE_FETCH_MISALIGNED);
    EXPECT_EQ(r.tval, kRam + 0x102);
    EXPECT_EQ(r.pc_rdata, kRam);
    EXPECT_EQ(t.x(1), 77u);
    EXPECT_EQ(t.csr(PW_CSR_MEPC), kRam);
}

TEST(IssTraps, EcallCausesAndDelegation)
{
    struct Case {
        pw_priv priv;
        uint32_t medeleg;
        uint32_t cause;
        uint8_t to;
    } cases[] = {
        {PW_PRIV_M, 0, PW_CAUSE_ECALL_M, PW_PRIV_M_VALUE},
        {PW_PRIV_S, 0, PW_CAUSE_ECALL_S, PW_PRIV_M_VALUE},
        {PW_PRIV_U, 0, PW_CAUSE_ECALL_U, PW_PRIV_M_VALUE},
        {PW_PRIV_U, 1u << PW_CAUSE_ECALL_U, PW_CAUSE_ECALL_U, PW_PRIV_S_VALUE},
        {PW_PRIV_S, 1u << PW_CAUSE_ECALL_S, PW_CAUSE_ECALL_S, PW_PRIV_S_VALUE},
        // medeleg cannot take M's own traps away; bit 11 is not writable either
        {PW_PRIV_M, 0xffffffff, PW_CAUSE_ECALL_M, PW_PRIV_M_VALUE},
    };
    for (const Case &c : cases) {
        Iss t({kEcall});
        pw_iss_csr_set(t.iss, PW_CSR_MEDELEG, c.medeleg);
        pw_iss_csr_set(t.iss, PW_CSR_MTVEC, kRam + 0x100);
        pw_iss_csr_set(t.iss, PW_CSR_STVEC, kRam + 0x200);
        pw_iss_set_priv(t.iss, c.priv);
        pw_rvfi r = t.step();
        EXPECT_TRUE(r.trap);
        EXPECT_EQ(r.cause, c.cause);
        EXPECT_EQ(r.tval, 0u);
        EXPECT_EQ(r.trap_mode, c.to);
        EXPECT_EQ(r.pc_wdata, c.to == PW_PRIV_M_VALUE ? kRam + 0x100 : kRam + 0x200);
        EXPECT_EQ(r.mode, uint8_t(c.priv));
    }
}

TEST(IssTraps, EbreakTvalIsThePc)
{
    Iss t({kNop, kEbreak});
    t.step();
    pw_rvfi r = t.step();
    EXPECT_EQ(r.cause, PW_CAUSE_BREAKPOINT);
    EXPECT_EQ(r.tval, kRam + 4);
}

TEST(IssTraps, MulIsIllegalWithoutM)
{
    uint32_t mul = r_type(1, 2, 1, 0, 3, 0x33);
    Iss with({mul}, true), without({mul}, false);
    EXPECT_FALSE(with.step().trap);
    pw_rvfi r = without.step();
    EXPECT_TRUE(r.trap);
    EXPECT_EQ(r.cause, PW_CAUSE_ILLEGAL_INSN);
    EXPECT_EQ(r.tval, mul);
    EXPECT_EQ(without.csr(PW_CSR_MISA), PW_MISA_BASE);
}

TEST(IssRecords, LoadStoreLanesAndTrapZeros)
{
    Iss t({lh(5, 1, 2), sb(6, 1, 3), lw(7, 2, 0)});
    pw_iss_csr_set(t.iss, PW_CSR_MTVEC, kRam + 0x100);
    t.poke(kRam + 0x1000, 0xa1b2c3d4);
    t.set_x(1, kRam + 0x1000);
    t.set_x(6, 0x1234565a);
    t.set_x(2, 0x00200000);
    pw_rvfi r = t.step();
    EXPECT_EQ(r.mem_addr, kRam + 0x1000);
    EXPECT_EQ(r.mem_rmask, 0xc);
    EXPECT_EQ(r.mem_rdata, 0xa1b20000u);
    EXPECT_EQ(r.rd_addr, 5);
    EXPECT_EQ(r.rd_wdata, 0xffffa1b2u);
    r = t.step();
    EXPECT_EQ(r.mem_wmask, 0x8);
    EXPECT_EQ(r.mem_wdata, 0x5a000000u);
    EXPECT_EQ(r.rd_addr, 0);
    EXPECT_EQ(t.peek(kRam + 0x1000), 0x5ab2c3d4u);
    r = t.step(); // access fault: every mem_ and rd_ field is zero
    EXPECT_TRUE(r.trap);
    EXPECT_EQ(r.cause, PW_CAUSE_LOAD_ACCESS);
    EXPECT_EQ(r.mem_addr | r.mem_rmask | r.mem_rdata | r.rd_addr | r.rd_wdata, 0u);
    EXPECT_EQ(r.pc_wdata, kRam + 0x100);
    EXPECT_EQ(r.order, 2u);
}

TEST(IssRecords, EqualNamesTheFirstDifference)
{
    pw_rvfi a{}, b{};
    a.rd_wdata = 5;
    b.rd_wdata = 4;
    b.mem_wdata = 1;
    char diff[128];
    EXPECT_FALSE(pw_rvfi_equal(&a, &b, diff, sizeof diff));
    EXPECT_STREQ(diff, "rd_wdata: 0x00000005 vs 0x00000004");
    b = a;
    b.cause = 9; // informative fields are not compared
    EXPECT_TRUE(pw_rvfi_equal(&a, &b, diff, sizeof diff));
}

// ---------------------------------------------------------------- the lockstep API

TEST(IssLockstep, InjectedInterruptEntersTheHandler)
{
    pw_iss_config cfg;
    pw_iss_config_default(&cfg);
    cfg.interrupts = PW_ISS_IRQ_INJECTED;
    Iss t(&cfg);
    t.load(kRam, {kNop, kNop});
    t.load(kRam + 0x100, {kNop});
    pw_iss_csr_set(t.iss, PW_CSR_MTVEC, kRam + 0x100);
    char why[200];
    // MTIE off: refused
    EXPECT_FALSE(pw_iss_inject_interrupt(t.iss, PW_IRQ_MTI_BIT, why, sizeof why));
    EXPECT_NE(std::string(why).find("not enabled"), std::string::npos) << why;
    pw_iss_csr_set(t.iss, PW_CSR_MIE, PW_IRQ_MTI);
    pw_iss_csr_set(t.iss, PW_CSR_MSTATUS, PW_MSTATUS_MIE);
    // timer pending in its own view or not, the ISS takes the RTL's word for MTI
    EXPECT_FALSE(t.step().intr); // self mode off: nothing taken on its own
    ASSERT_TRUE(pw_iss_inject_interrupt(t.iss, PW_IRQ_MTI_BIT, why, sizeof why)) << why;
    pw_rvfi r = t.step();
    EXPECT_TRUE(r.intr);
    EXPECT_FALSE(r.trap);
    EXPECT_EQ(r.pc_rdata, kRam + 0x100);
    EXPECT_EQ(t.csr(PW_CSR_MCAUSE), PW_MCAUSE_INTERRUPT | PW_IRQ_MTI_BIT);
    EXPECT_EQ(t.csr(PW_CSR_MEPC), kRam + 4);
}

TEST(IssLockstep, InjectionRefusedWhenAHigherInterruptIsPending)
{
    Iss t;
    pw_iss_csr_set(t.iss, PW_CSR_MIE, PW_IRQ_SSI | PW_IRQ_STI);
    pw_iss_csr_set(t.iss, PW_CSR_MIP, PW_IRQ_SSI | PW_IRQ_STI);
    pw_iss_set_priv(t.iss, PW_PRIV_U);
    char why[200];
    EXPECT_FALSE(pw_iss_inject_interrupt(t.iss, PW_IRQ_STI_BIT, why, sizeof why));
    EXPECT_NE(std::string(why).find("SSI has priority over STI"), std::string::npos) << why;
    EXPECT_TRUE(pw_iss_inject_interrupt(t.iss, PW_IRQ_SSI_BIT, why, sizeof why)) << why;
}

struct Timing {
    std::vector<std::pair<pw_iss_timing, uint32_t>> calls;
    static uint32_t read(void *ctx, pw_iss_timing what, uint32_t addr, uint32_t)
    {
        static_cast<Timing *>(ctx)->calls.push_back({what, addr});
        return 0x1234 + uint32_t(what);
    }
};

TEST(IssLockstep, TimingDependentReadsTakeTheHarnessValue)
{
    Timing timing;
    pw_iss_config cfg;
    pw_iss_config_default(&cfg);
    cfg.timing_read = &Timing::read;
    cfg.timing_ctx = &timing;
    Iss t(&cfg);
    t.load(kRam, {csrrs(5, PW_CSR_MCYCLE, 0), csrrs(6, PW_CSR_TIME, 0), lw(7, 1, 0), csrrs(8, PW_CSR_MINSTRET, 0),
                  csrrw(0, PW_CSR_MIP, 0)});
    t.set_x(1, PW_MEM_CLINT + PW_CLINT_MTIME);
    for (int i = 0; i < 5; i++)
        ASSERT_FALSE(t.step().trap);
    EXPECT_EQ(t.x(5), 0x1234u + PW_ISS_TIMING_CYCLE);
    EXPECT_EQ(t.x(6), 0x1234u + PW_ISS_TIMING_TIME);
    EXPECT_EQ(t.x(7), 0x1234u + PW_ISS_TIMING_MTIME);
    EXPECT_EQ(t.x(8), 3u) << "instret is deterministic: the ISS's own";
    ASSERT_EQ(timing.calls.size(), 3u) << "csrrw x0 does not read mip";
    EXPECT_EQ(timing.calls[2].second, PW_MEM_CLINT + PW_CLINT_MTIME);
}

// mtime counts one per instruction; MTIP when it reaches mtimecmp; the ISS
// takes the interrupt itself (PW_ISS_IRQ_SELF) before the next instruction.
TEST(IssInterrupts, TimerFromTheClint)
{
    Iss t;
    t.load(kRam + 0x100, {kNop});
    pw_iss_csr_set(t.iss, PW_CSR_MTVEC, kRam + 0x100);
    t.poke(kRam + 0x200, 5); // mtimecmp via a store, as software does
    t.load(kRam, {lw(2, 1, 0), sw(2, 3, 0), sw(0, 3, 4), kNop, kNop, kNop, kNop});
    t.set_x(1, kRam + 0x200);
    t.set_x(3, PW_MEM_CLINT + PW_CLINT_MTIMECMP);
    pw_iss_csr_set(t.iss, PW_CSR_MIE, PW_IRQ_MTI);
    pw_iss_csr_set(t.iss, PW_CSR_MSTATUS, PW_MSTATUS_MIE);
    for (int i = 0; i < 5; i++)
        EXPECT_FALSE(t.step().intr) << "instruction " << i;
    EXPECT_EQ(pw_iss_mtime(t.iss), 5u);
    pw_rvfi r = t.step();
    EXPECT_TRUE(r.intr);
    EXPECT_EQ(r.intr_cause, PW_MCAUSE_INTERRUPT | PW_IRQ_MTI_BIT);
    EXPECT_EQ(r.pc_rdata, kRam + 0x100);
    EXPECT_EQ(t.csr(PW_CSR_MEPC), kRam + 20);
}

// ---------------------------------------------------------------- translation memo

// The ISS has no TLB: a store to a PTE is seen by the next access, sfence.vma
// or not. The memo must forget what it remembered from the old PTE.
TEST(IssMemo, PageTableStoreIsSeenWithoutSfence)
{
    uint32_t l0 = kRam + 0x11000;
    uint32_t pte_b = (((kRam + 0x21000) >> 12) << 10) | PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D;
    Iss t({lw(5, 1, 0), sw(3, 2, 0), lw(6, 1, 0), lw(7, 1, 0)});
    map_one(t, PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_A | PW_PTE_D);
    t.poke(kRam + 0x10000 + (kRam >> 22) * 4,
           ((kRam >> 12) << 10) | PW_PTE_V | PW_PTE_R | PW_PTE_W | PW_PTE_X | PW_PTE_A | PW_PTE_D);
    t.poke(kRam + 0x20000, 0xaaaa);
    t.poke(kRam + 0x21000, 0xbbbb);
    pw_iss_set_priv(t.iss, PW_PRIV_S);
    t.set_x(1, 0x40000000);
    t.set_x(2, l0);
    t.set_x(3, pte_b);
    t.step();
    EXPECT_EQ(t.x(5), 0xaaaau);
    t.step(); // the PTE now points at the second page
    t.step();
    EXPECT_EQ(t.x(6), 0xbbbbu);
}

// Svadu: the walker's write-back is a PTE store too.
TEST(IssMemo, SvaduWritesAAndDOnce)
{
    uint32_t l0 = kRam + 0x11000;
    Iss t({lw(5, 1, 0), sw(5, 1, 4), lw(6, 1, 8)}, true, true);
    map_one(t, PW_PTE_V | PW_PTE_R | PW_PTE_W);
    t.poke(kRam + 0x10000 + (kRam >> 22) * 4,
           ((kRam >> 12) << 10) | PW_PTE_V | PW_PTE_R | PW_PTE_X | PW_PTE_A);
    pw_iss_set_priv(t.iss, PW_PRIV_S);
    t.set_x(1, 0x40000000);
    t.step();
    EXPECT_EQ(t.peek(l0) & (PW_PTE_A | PW_PTE_D), PW_PTE_A);
    t.step();
    EXPECT_EQ(t.peek(l0) & (PW_PTE_A | PW_PTE_D), PW_PTE_A | PW_PTE_D);
    EXPECT_FALSE(t.step().trap);
}

// ---------------------------------------------------------------- run status

TEST(IssRun, FinisherTohostAndLimit)
{
    {
        Iss t({sw(2, 1, 0)});
        t.set_x(1, PW_MEM_TEST_FINISHER);
        t.set_x(2, (7u << 16) | PW_FINISHER_FAIL);
        EXPECT_EQ(pw_iss_run(t.iss, 10, nullptr), PW_ISS_FAILED);
        EXPECT_EQ(pw_iss_status_of(t.iss)->code, 7u);
        EXPECT_STREQ(pw_iss_status_of(t.iss)->why, "fail code 7 (test finisher 0x00073333)");
    }
    {
        Iss t({0x0000006f}); // j .
        EXPECT_EQ(pw_iss_run(t.iss, 1000, nullptr), PW_ISS_MAX_INSNS);
        EXPECT_EQ(pw_iss_status_of(t.iss)->insns, 1000u);
        EXPECT_NE(std::string(pw_iss_status_of(t.iss)->why).find("stopped after 1000 instructions"),
                  std::string::npos);
    }
}

TEST(IssRun, TwoIssSideBySideShareNothing)
{
    Iss a({addi(5, 0, 1), addi(5, 5, 1)}), b({addi(5, 0, 40)});
    a.step();
    b.step();
    a.step();
    EXPECT_EQ(a.x(5), 2u);
    EXPECT_EQ(b.x(5), 40u);
    EXPECT_EQ(pw_iss_status_of(a.iss)->insns, 2u);
    EXPECT_EQ(pw_iss_status_of(b.iss)->insns, 1u);
}

TEST(IssText, CommitLogLinesAreSpikes)
{
    Iss t({addi(10, 0, 10), csrrw(0, PW_CSR_MTVEC, 10), sb(10, 1, 1), lw(11, 1, 0), kEcall});
    t.set_x(1, kRam + 0x1000);
    char *buf = nullptr;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    for (int i = 0; i < 5; i++) {
        pw_rvfi r = t.step();
        pw_iss_log_commit(f, &r);
    }
    fclose(f);
    EXPECT_EQ(std::string(buf),
              "core   0: 3 0x80000000 (0x00a00513) x10 0x0000000a\n"
              "core   0: 3 0x80000004 (0x30551073) c773_mtvec 0x00000008\n"
              "core   0: 3 0x80000008 (0x00a080a3) mem 0x80001001 0xa\n"
              "core   0: 3 0x8000000c (0x0000a583) x11 0x00000a00 mem 0x80001000\n");
    free(buf);
    char d[64];
    pw_iss_disasm(sb(10, 1, 1), kRam, d, sizeof d);
    EXPECT_STREQ(d, "sb a0, 1(ra)");
}

} // namespace
