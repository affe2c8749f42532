// The random page-table world: building it, asking for translations in it,
// changing it under covering sfences.
#include "page_table_world.h"

#include <algorithm>

namespace pwsc {
namespace {

constexpr uint64_t kTableBase = 0x80000000u;   // roots, then level-0 tables, 4 KiB apart
constexpr unsigned kSpaces = 4;
constexpr unsigned kUserTables = 8;             // reached from user root entries (never G)
constexpr unsigned kKernelTables = 4;           // reached only from kernel root entries
constexpr unsigned kL0Tables = kUserTables + kKernelTables;
constexpr uint64_t kErrorTable = 0xf0000000u;   // a "table" whose every word is a bus error
constexpr uint32_t kDataPpn = 0x90000;          // leaves map data pages from here
constexpr unsigned kKernelVpn1 = 0x300;         // VPN[1] from here on: kernel space
constexpr unsigned kUserVpn1s = 6, kKernelVpn1s = 3, kVpn0s = 24;

constexpr uint32_t V = PW_PTE_V, R = PW_PTE_R, W = PW_PTE_W, X = PW_PTE_X, U = PW_PTE_U, G = PW_PTE_G,
                   A = PW_PTE_A, D = PW_PTE_D;

constexpr uint32_t kPointerReserved[] = {A, D, U};  // must be 0 in a pointer

uint32_t make_pte(uint64_t ppn, uint32_t flags)
{
    return uint32_t(ppn << PW_PTE_PPN_SHIFT) | flags;
}

uint64_t pte_ppn(uint32_t pte)
{
    return pte >> PW_PTE_PPN_SHIFT;
}

bool is_pointer(uint32_t pte)
{
    return (pte & V) && !(pte & (R | W | X));
}

}  // namespace

PageTableWorld::PageTableWorld(BackdoorMemory &memory, uint64_t seed) : memory_(memory), rng_(seed) {}

// Flags of every mix, mostly usable ones; G only in kernel space.
uint32_t PageTableWorld::random_leaf(bool kernel, bool megapage)
{
    // R/W/X weighted towards what most accesses can use; W and W|X are reserved.
    static const uint32_t kPerms[] = {R | W | X, R | W | X, R | W, R | W, R | W, R | X, R, X, W, W | X};
    uint32_t flags = V | kPerms[rng_.percent(95) ? rng_.below(8) : 8 + rng_.below(2)];
    if (rng_.percent(kernel ? 8 : 90))
        flags |= U;
    if (rng_.percent(85))
        flags |= A;
    if (rng_.percent(65))
        flags |= D;
    if (kernel && rng_.percent(50))
        flags |= G;
    flags |= rng_.below(4) << PW_PTE_RSW_SHIFT;
    if (rng_.percent(3))
        flags &= ~V;
    uint64_t ppn = rng_.percent(90) ? kDataPpn + rng_.below(0x10000) : rng_.u32() & PW_PTE_PPN_MASK;
    if (megapage && rng_.percent(85))
        ppn &= ~uint64_t(PW_PTE_PPN0_MASK);  // aligned; the others are misaligned megapages
    return make_pte(ppn, flags);
}

// Any flags at all, pointing at data, never at a table.
uint32_t PageTableWorld::junk(bool kernel)
{
    uint32_t flags = rng_.u32() & 0x3ff & (kernel ? ~0u : ~G);
    return make_pte(kDataPpn + rng_.below(0x10000), flags);
}

uint32_t PageTableWorld::random_root_entry(bool kernel)
{
    unsigned roll = rng_.below(100);
    if (roll < 65) {  // a pointer: user entries to user tables only, kernel entries to any
        uint32_t flags = V | (kernel && rng_.percent(30) ? G : 0);
        if (rng_.percent(3))
            flags |= kPointerReserved[rng_.below(3)];
        uint64_t table = l0_tables_[rng_.below(kernel ? kL0Tables : kUserTables)];
        if (rng_.percent(2))
            table = kErrorTable;
        return make_pte(table >> 12, flags);
    }
    if (roll < 88) {
        uint32_t leaf = random_leaf(kernel, true);
        return kernel && (leaf & V) ? leaf | A | D : leaf;
    }
    if (roll < 94)
        return 0;
    return junk(kernel);
}

uint32_t PageTableWorld::random_l0_entry(bool kernel)
{
    unsigned roll = rng_.below(100);
    if (roll < 85)
        return random_leaf(kernel, false);
    if (roll < 90)
        return make_pte(l0_tables_[rng_.below(kL0Tables)] >> 12, V);  // a pointer at level 0
    if (roll < 95)
        return 0;
    return junk(kernel);
}

void PageTableWorld::write_root_entry(unsigned space, unsigned vpn1, uint32_t value)
{
    if (vpn1 < kKernelVpn1) {
        memory_.poke_word(spaces_[space].root + 4 * vpn1, value);
        return;
    }
    for (const Space &s : spaces_)
        memory_.poke_word(s.root + 4 * vpn1, value);
}

void PageTableWorld::build()
{
    while (spaces_.size() < kSpaces) {
        uint32_t asid = rng_.below(1u << PW_SATP_ASID_WIDTH);
        if (std::none_of(spaces_.begin(), spaces_.end(), [&](const Space &s) { return s.asid == asid; }))
            spaces_.push_back({kTableBase + 0x1000ull * spaces_.size(), asid});
    }
    for (unsigned t = 0; t < kL0Tables; t++)
        l0_tables_.push_back(kTableBase + 0x1000ull * (kSpaces + t));
    while (user_vpn1_.size() < kUserVpn1s) {
        unsigned v = rng_.below(kKernelVpn1);
        if (std::find(user_vpn1_.begin(), user_vpn1_.end(), v) == user_vpn1_.end())
            user_vpn1_.push_back(v);
    }
    while (kernel_vpn1_.size() < kKernelVpn1s) {
        unsigned v = kKernelVpn1 + rng_.below(1024 - kKernelVpn1);
        if (std::find(kernel_vpn1_.begin(), kernel_vpn1_.end(), v) == kernel_vpn1_.end())
            kernel_vpn1_.push_back(v);
    }
    for (unsigned i = 0; i < kVpn0s; i++)
        vpn0_.push_back(rng_.below(1024));

    for (unsigned s = 0; s < kSpaces; s++)
        for (unsigned v : user_vpn1_)
            write_root_entry(s, v, random_root_entry(false));
    for (unsigned v : kernel_vpn1_)
        write_root_entry(0, v, random_root_entry(true));
    for (unsigned t = 0; t < kL0Tables; t++)
        for (unsigned v : vpn0_)
            memory_.poke_word(l0_tables_[t] + 4 * v, random_l0_entry(t >= kUserTables));

    memory_.add_error_region(kErrorTable, 4096, ErrorOn::ReadsAndWrites);
    for (int i = 0; i < 3; i++)
        memory_.add_error_region(l0_tables_[rng_.below(kL0Tables)] + 4 * vpn0_[rng_.below(kVpn0s)], 4,
                                 ErrorOn::ReadsAndWrites);
    for (int i = 0; i < 6; i++)  // these fail only the A/D write-back
        memory_.add_error_region(l0_tables_[rng_.below(kL0Tables)] + 4 * vpn0_[rng_.below(kVpn0s)], 4,
                                 ErrorOn::Writes);
}

uint32_t PageTableWorld::satp() const
{
    const Space &s = spaces_[space_];
    return (bare_ ? 0 : PW_SATP_MODE) | s.asid << PW_SATP_ASID_SHIFT | uint32_t(s.root >> 12);
}

// Mostly a VA that translated recently (TLB hits) or a mapped one, sometimes anything.
uint32_t PageTableWorld::pick_va(bool *kernel)
{
    uint32_t va;
    if (recent_count_ && rng_.percent(60)) {
        va = recent_[rng_.below(std::min(recent_count_, 16u))];
    } else if (rng_.percent(90)) {
        unsigned vpn1 = rng_.percent(30) ? kernel_vpn1_[rng_.below(kKernelVpn1s)] : user_vpn1_[rng_.below(kUserVpn1s)];
        va = vpn1 << 22 | vpn0_[rng_.below(kVpn0s)] << 12 | (rng_.u32() & 0xfff);
    } else {
        va = rng_.u32();
    }
    *kernel = (va >> 22) >= kKernelVpn1;
    return va;
}

void PageTableWorld::remember(const Request &request, const Outcome &outcome)
{
    if (!outcome.fault && (request.context.satp & PW_SATP_MODE) && request.priv != Priv::Machine)
        recent_[recent_count_++ % 16] = request.va;
}

Request PageTableWorld::next_request()
{
    Request r;
    bool kernel;
    r.va = pick_va(&kernel);
    unsigned roll = rng_.below(100);
    r.access = roll < 45 ? Access::Load : roll < 80 ? Access::Store : Access::Fetch;
    // Mostly the privilege that owns the region, so that most walks can succeed.
    unsigned p = rng_.below(100);
    r.priv = p < 5 ? Priv::Machine : (p < 85) != kernel ? Priv::User : Priv::Supervisor;
    r.context = {satp(), sum_, mxr_};
    return r;
}

void PageTableWorld::switch_context()
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

std::vector<Sfence> PageTableWorld::cover_l0_change(unsigned t, unsigned vpn0)
{
    std::vector<Sfence> cover;
    if (rng_.percent(30))
        return {Sfence{}};  // everything
    std::vector<unsigned> mapped = user_vpn1_;  // no other root entry is ever set
    mapped.insert(mapped.end(), kernel_vpn1_.begin(), kernel_vpn1_.end());
    for (const Space &s : spaces_) {
        for (unsigned vpn1 : mapped) {
            uint32_t root = memory_.peek_word(s.root + 4 * vpn1);
            if (!is_pointer(root) || pte_ppn(root) != l0_tables_[t] >> 12)
                continue;
            Sfence f;
            f.va = vpn1 << 22 | vpn0 << 12 | (rng_.u32() & 0xfff);
            f.all_va = false;
            // A user entry is never global: its VA in its ASID is enough.
            // A kernel entry may be global: its VA in every ASID.
            f.all_asid = vpn1 >= kKernelVpn1;
            f.asid = f.all_asid ? rng_.below(1u << PW_SATP_ASID_WIDTH) : s.asid;
            cover.push_back(f);
        }
    }
    return cover;
}

// The sfence that covers a change of root entry vpn1 whose old value was
// old: a megapage (or nothing) was cached for one VA range, so that VA
// suffices; below a pointer any page may be cached, so every VA. User
// entries are never global (their ASID suffices); kernel entries may be.
Sfence PageTableWorld::cover_root_change(unsigned vpn1, uint32_t old, uint32_t asid)
{
    Sfence f;
    bool kernel = vpn1 >= kKernelVpn1;
    f.all_va = is_pointer(old) || rng_.percent(20);
    f.all_asid = kernel || rng_.percent(20);
    f.va = f.all_va ? rng_.u32() : vpn1 << 22 | (rng_.u32() & 0x3fffff);
    f.asid = f.all_asid ? rng_.below(1u << PW_SATP_ASID_WIDTH) : asid;
    return f;
}

std::vector<Sfence> PageTableWorld::change_tables()
{
    unsigned roll = rng_.below(100);
    if (roll < 50) {
        // A root entry: of one space in user space, of every space in kernel space.
        bool kernel = roll < 15;
        unsigned space = rng_.below(kSpaces);
        unsigned vpn1 = kernel ? kernel_vpn1_[rng_.below(kKernelVpn1s)] : user_vpn1_[rng_.below(kUserVpn1s)];
        uint32_t old = memory_.peek_word(spaces_[space].root + 4 * vpn1);
        write_root_entry(space, vpn1, random_root_entry(kernel));
        return {cover_root_change(vpn1, old, spaces_[space].asid)};
    }
    unsigned t = rng_.below(kL0Tables);
    unsigned vpn0 = vpn0_[rng_.below(kVpn0s)];
    memory_.poke_word(l0_tables_[t] + 4 * vpn0, random_l0_entry(t >= kUserTables));
    return cover_l0_change(t, vpn0);
}

Sfence PageTableWorld::random_sfence()
{
    Sfence f;
    f.all_va = rng_.percent(40);
    f.all_asid = rng_.percent(40);
    f.va = recent_count_ && rng_.percent(70) ? recent_[rng_.below(std::min(recent_count_, 16u))] : rng_.u32();
    f.asid = rng_.percent(80) ? spaces_[rng_.below(kSpaces)].asid : rng_.below(1u << PW_SATP_ASID_WIDTH);
    return f;
}

}  // namespace pwsc
