// The random world the MMU walks, and the per-cycle driver.
#include "stimulus.h"

#include <algorithm>

namespace cosim {
namespace {

constexpr uint64_t kTableBase = 0x80000000u;  // page tables live here
constexpr unsigned kSpaces = 4;                // address spaces: roots and ASIDs
constexpr unsigned kUserTables = 8;            // level-0 tables user root entries use: never G
constexpr unsigned kKernelTables = 4;          // level-0 tables only kernel entries reach: G allowed
constexpr unsigned kL0Tables = kUserTables + kKernelTables;
constexpr uint32_t kErrorTablePpn = 0xf0000;   // a "table" whose every word errs
constexpr unsigned kKernelFirstVpn1 = 0x300;   // VPN[1] 0x300..0x3ff: kernel, same everywhere

constexpr uint32_t V = PW_PTE_V, R = PW_PTE_R, W = PW_PTE_W, X = PW_PTE_X, U = PW_PTE_U,
                   G = PW_PTE_G, A = PW_PTE_A, D = PW_PTE_D;

constexpr uint32_t kPointerReserved[] = {A, D, U};  // must be 0 in a pointer

uint32_t pte(uint64_t ppn, uint32_t flags) { return uint32_t(ppn << PW_PTE_PPN_SHIFT) | flags; }

// Any flags at all, pointing into data (never at a table), and never G
// unless in kernel space: a global mapping must be the same everywhere.
uint32_t junk(Rng &rng, bool kernel)
{
    uint32_t flags = rng.u32() & 0x3ff & (kernel ? ~0u : ~G);
    return pte(0x90000 + rng.below(0x10000), flags);
}

}  // namespace

Stimulus::Stimulus(uint64_t seed, pw_sparse_mem *mem, MemoryAgent *agent)
    : mem_(mem), agent_(agent), rng_(seed)
{
    rates_.request_percent = 30 + rng_.below(71);
    rates_.reuse_percent = 40 + rng_.below(50);
    rates_.sfence_per_mille = 2 + rng_.below(20);
    rates_.change_per_mille = 2 + rng_.below(30);
    rates_.switch_per_mille = 5 + rng_.below(30);
    rates_.reset_per_million = rng_.percent(30) ? 20 : 0;
    build_world();
}

// A leaf with flags from every mix, mostly usable ones.
uint32_t Stimulus::random_leaf(bool kernel, bool mega)
{
    static const uint32_t perms[] = {R, R | W, X, R | X, R | W | X, W, W | X};  // last two reserved
    uint32_t flags = V | perms[rng_.below(rng_.percent(95) ? 5 : 7)];
    if (rng_.percent(kernel ? 10 : 85))
        flags |= U;
    if (rng_.percent(75))
        flags |= A;
    if (rng_.percent(60))
        flags |= D;
    if (kernel && rng_.percent(50))
        flags |= G;
    flags |= rng_.below(4) << PW_PTE_RSW_SHIFT;
    if (rng_.percent(3))
        flags &= ~V;
    uint64_t ppn = rng_.percent(90) ? 0x90000 + rng_.below(0x10000) : rng_.u32() & PW_PTE_PPN_MASK;
    if (mega && rng_.percent(85))
        ppn &= ~uint64_t(PW_PTE_PPN0_MASK);  // aligned; the rest are misaligned megapages
    return pte(ppn, flags);
}

uint32_t Stimulus::random_root_entry(bool kernel)
{
    unsigned roll = rng_.below(100);
    if (roll < 65) {  // a pointer to a shared level-0 table
        uint32_t flags = V | (kernel && rng_.percent(30) ? G : 0);
        if (rng_.percent(3))
            flags |= kPointerReserved[rng_.below(3)];
        // User entries use user tables only; kernel entries may use any.
        uint64_t table = l0_tables_[rng_.below(kernel ? kL0Tables : kUserTables)] >> 12;
        if (rng_.percent(2))
            table = kErrorTablePpn;  // the walk's next read is a bus error
        return pte(table, flags);
    }
    if (roll < 88) {
        // A kernel megapage is copied into every root, and a Svadu write-back
        // sets A/D in one copy only; kernels create such mappings with A and
        // D already set (as Linux's PAGE_KERNEL does), so the copies agree.
        uint32_t leaf = random_leaf(kernel, true);
        return kernel && (leaf & V) ? leaf | A | D : leaf;
    }
    if (roll < 94)
        return 0;  // invalid
    return junk(rng_, kernel);
}

uint32_t Stimulus::random_l0_entry(bool kernel)
{
    unsigned roll = rng_.below(100);
    if (roll < 85)
        return random_leaf(kernel, false);
    if (roll < 90)
        return pte(l0_tables_[rng_.below(kL0Tables)] >> 12, V);  // pointer at level 0
    if (roll < 95)
        return 0;
    return junk(rng_, kernel);
}

// Kernel entries are the same in every root: global mappings must be.
void Stimulus::write_root_entry(unsigned space, unsigned vpn1, uint32_t value)
{
    if (vpn1 >= kKernelFirstVpn1) {
        for (const Space &s : spaces_)
            pw_smem_set(mem_, s.root + 4 * vpn1, value);
    } else {
        pw_smem_set(mem_, spaces_[space].root + 4 * vpn1, value);
    }
}

void Stimulus::build_world()
{
    for (unsigned i = 0; i < kSpaces; i++) {
        uint32_t asid;
        do
            asid = rng_.below(1u << PW_SATP_ASID_WIDTH);
        while (std::any_of(spaces_.begin(), spaces_.end(), [&](const Space &s) { return s.asid == asid; }));
        spaces_.push_back({kTableBase + 0x1000ull * i, asid});
    }
    for (unsigned i = 0; i < kL0Tables; i++)
        l0_tables_.push_back(kTableBase + 0x1000ull * (kSpaces + i));
    for (unsigned i = 0; i < 1024; i++)
        pw_smem_set_error(mem_, (uint64_t(kErrorTablePpn) << 12) + 4 * i);

    for (unsigned i = 0; i < 6; i++)
        user_vpn1_.push_back(rng_.below(kKernelFirstVpn1));
    for (unsigned i = 0; i < 3; i++)
        kernel_vpn1_.push_back(kKernelFirstVpn1 + rng_.below(1024 - kKernelFirstVpn1));
    for (unsigned i = 0; i < 24; i++)
        vpn0_.push_back(rng_.below(1024));

    for (unsigned s = 0; s < kSpaces; s++)
        for (unsigned v : user_vpn1_)
            write_root_entry(s, v, random_root_entry(false));
    for (unsigned v : kernel_vpn1_)
        write_root_entry(0, v, random_root_entry(true));
    for (unsigned t = 0; t < kL0Tables; t++)
        for (unsigned v : vpn0_)
            pw_smem_set(mem_, l0_tables_[t] + 4 * v, random_l0_entry(t >= kUserTables));
    // A few PTE words fail on reads, a few only on the A/D write-back.
    for (int i = 0; i < 3; i++)
        pw_smem_set_error(mem_, l0_tables_[rng_.below(kL0Tables)] + 4 * vpn0_[rng_.below(24)]);
    for (int i = 0; i < 6; i++)
        agent_->add_write_error(l0_tables_[rng_.below(kL0Tables)] + 4 * vpn0_[rng_.below(24)]);
    space_ = 0;
}

// A VA: mostly recent ones (TLB hits) or mapped ones, sometimes anything.
uint32_t Stimulus::pick_va(bool *kernel)
{
    uint32_t va;
    if (rng_.percent(rates_.reuse_percent) && recent_[recent_next_ % 16]) {
        va = recent_[rng_.below(16)];
    } else if (rng_.percent(90)) {
        bool k = rng_.percent(30);
        unsigned vpn1 = k ? kernel_vpn1_[rng_.below(3)] : user_vpn1_[rng_.below(6)];
        va = vpn1 << 22 | vpn0_[rng_.below(24)] << 12 | (rng_.u32() & 0xffc);
        recent_[recent_next_++ % 16] = va;
    } else {
        va = rng_.u32();
    }
    *kernel = (va >> 22) >= kKernelFirstVpn1;
    return va;
}

void Stimulus::switch_context()
{
    unsigned what = rng_.below(10);
    if (what < 6) {
        space_ = rng_.below(kSpaces);
        bare_ = rng_.percent(5);
    } else if (what < 8) {
        sum_ = !sum_;
    } else {
        mxr_ = !mxr_;
    }
}

// Rewrite one PTE and cover it with an sfence, as software would.
void Stimulus::change_tables(pw_mmu_inputs *in)
{
    in->sfence_valid = true;
    in->sfence_vaddr = rng_.u32();
    in->sfence_asid = rng_.below(1u << PW_SATP_ASID_WIDTH);
    unsigned target = rng_.below(3);
    if (target == 0) {
        // A root entry of one space (or of all, in the kernel half): its whole
        // 4 MiB range changes, so only an all-VA flush covers it.
        bool kernel = rng_.percent(30);
        unsigned space = rng_.below(kSpaces);
        unsigned vpn1 = kernel ? kernel_vpn1_[rng_.below(3)] : user_vpn1_[rng_.below(6)];
        write_root_entry(space, vpn1, random_root_entry(kernel));
        in->sfence_all_va = true;
        in->sfence_all_asid = kernel || rng_.percent(30);
        in->sfence_asid = spaces_[space].asid;
    } else {
        // A level-0 entry: tables are shared, so flush that VA page in every
        // address space (one VA, all ASIDs) when it names one page, else all.
        unsigned t = rng_.below(kL0Tables);
        uint64_t table = l0_tables_[t];
        unsigned vpn0 = vpn0_[rng_.below(24)];
        pw_smem_set(mem_, table + 4 * vpn0, random_l0_entry(t >= kUserTables));
        in->sfence_all_asid = true;
        in->sfence_all_va = true;
        // Which root entries lead to this table? If just one VPN[1], one VA suffices.
        int only_vpn1 = -1;
        bool many = false;
        uint32_t want = pte(table >> 12, 0) >> PW_PTE_PPN_SHIFT;
        std::vector<unsigned> populated = user_vpn1_;  // no other root entry is ever set
        populated.insert(populated.end(), kernel_vpn1_.begin(), kernel_vpn1_.end());
        for (const Space &s : spaces_) {
            for (unsigned v : populated) {
                uint32_t e = 0;
                pw_smem_get(mem_, s.root + 4 * v, &e);
                if (!(e & V) || (e & (R | X)) || (e >> PW_PTE_PPN_SHIFT) != want)
                    continue;
                if (only_vpn1 >= 0 && unsigned(only_vpn1) != v)
                    many = true;
                only_vpn1 = int(v);
            }
        }
        if (!many && only_vpn1 >= 0 && rng_.percent(70)) {
            in->sfence_all_va = false;
            in->sfence_vaddr = uint32_t(only_vpn1) << 22 | vpn0 << 12 | (rng_.u32() & 0xfff);
        }
    }
    changes++;
}

void Stimulus::drive(uint64_t cycle, bool idle, pw_mmu_inputs *in)
{
    (void)cycle;
    changed_ = switched_ = resetting_ = new_request_ = false;
    in->rst_n = true;
    in->sfence_valid = false;
    in->sfence_all_va = in->sfence_all_asid = false;
    in->sfence_vaddr = rng_.u32();
    in->sfence_asid = rng_.below(1u << PW_SATP_ASID_WIDTH);

    if (rates_.reset_per_million && rng_.below(1000000) < rates_.reset_per_million) {
        in->rst_n = false;
        resetting_ = true;
        resets++;
    } else if (idle && !holding_ && rng_.per_mille(rates_.change_per_mille)) {
        change_tables(in);  // no request this cycle: it would see the TLB before the flush
        changed_ = true;
        sfences++;
    } else if (idle && !holding_ && rng_.per_mille(rates_.switch_per_mille)) {
        switch_context();
        switched_ = true;
        switches++;
    } else if (rng_.per_mille(rates_.sfence_per_mille)) {
        // A pure flush of a random form, possibly in the middle of a walk.
        in->sfence_valid = true;
        in->sfence_all_va = rng_.percent(40);
        in->sfence_all_asid = rng_.percent(40);
        in->sfence_vaddr = rng_.percent(70) ? recent_[rng_.below(16)] : rng_.u32();
        in->sfence_asid = rng_.percent(80) ? spaces_[rng_.below(kSpaces)].asid : in->sfence_asid;
        sfences++;
    }

    const Space &s = spaces_[space_];
    in->satp = (bare_ ? 0 : PW_SATP_MODE) | s.asid << PW_SATP_ASID_SHIFT | uint32_t(s.root >> 12);
    in->sum = sum_;
    in->mxr = mxr_;

    if (!holding_ && !changed_ && !switched_ && rng_.percent(rates_.request_percent)) {
        unsigned roll = rng_.below(100);
        bool kernel;
        holding_ = true;
        new_request_ = true;
        req_va_ = pick_va(&kernel);
        req_access_ = roll < 45 ? PW_MMU_ACCESS_LOAD : roll < 80 ? PW_MMU_ACCESS_STORE : PW_MMU_ACCESS_FETCH;
        // Mostly the privilege that owns the region, so most walks can succeed.
        unsigned p = rng_.below(100);
        req_priv_ = p < 5 ? PW_PRIV_M_VALUE : (p < 80) != kernel ? PW_PRIV_U_VALUE : PW_PRIV_S_VALUE;
    }
    in->req_valid = holding_ && in->rst_n;
    // When no request is presented, the payload is noise the MMU must ignore.
    in->req_vaddr = holding_ ? req_va_ : rng_.u32();
    in->req_access = holding_ ? req_access_ : rng_.below(4);
    in->req_priv = holding_ ? req_priv_ : rng_.below(4);
}

}  // namespace cosim
