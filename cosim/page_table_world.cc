// The random page-table world: building it, choosing what to ask in it,
// changing it under covering sfences.
#include "page_table_world.h"

#include <algorithm>

namespace cosim {
namespace {

constexpr uint64_t kTableBase = 0x80000000u;   // unsteered: roots, then level-0 tables, 4 KiB apart
constexpr unsigned kSpaces = 4;                 // address spaces: roots and ASIDs
constexpr unsigned kUserTables = 8;             // reached from user root entries (never G)
constexpr unsigned kKernelTables = 4;           // reached only from kernel root entries (G allowed)
constexpr unsigned kL0Tables = kUserTables + kKernelTables;
constexpr uint64_t kErrorTable = 0xf0000000u;   // unsteered: the table of bus errors
constexpr unsigned kRegions = 16;               // steered: 1 GiB regions of the 34-bit space, one table each
constexpr unsigned kRegionPages = 1u << 18;     // 4 KiB pages in a region
constexpr uint32_t kDataPpn = 0x90000;          // leaves map data pages from here
constexpr unsigned kKernelVpn1 = 0x300;         // VPN[1] from here on: kernel space
constexpr unsigned kUserVpn1s = 6, kKernelVpn1s = 3, kVpn0s = 24;
constexpr unsigned kAsids = 1u << PW_SATP_ASID_WIDTH;

constexpr uint32_t V = PW_PTE_V, R = PW_PTE_R, W = PW_PTE_W, X = PW_PTE_X, U = PW_PTE_U, G = PW_PTE_G,
                   A = PW_PTE_A, D = PW_PTE_D;

constexpr uint32_t kPointerReserved[] = {A, D, U};  // must be 0 in a pointer

uint32_t make_pte(uint64_t ppn, uint32_t flags) { return uint32_t(ppn << PW_PTE_PPN_SHIFT) | flags; }

uint64_t pte_ppn(uint32_t pte) { return pte >> PW_PTE_PPN_SHIFT; }

bool is_pointer(uint32_t pte) { return (pte & V) && !(pte & (R | W | X)); }

}  // namespace

WorldStyle WorldStyle::per_cycle()
{
    WorldStyle s;
    s.perms = {R, R | W, X, R | X, R | W | X, W, W | X};  // the last two are reserved encodings
    s.common_perms = 5;
    s.rare_from = 0;  // the rare draw is from every encoding
    s.user_u_percent = 85;
    s.kernel_u_percent = 10;
    s.a_percent = 75;
    s.d_percent = 60;
    s.distinct_vpn1 = false;
    s.offset_mask = 0xffc;
    s.reuse = Reuse::RecentPicks;
    s.reuse_percent = 50;  // the driver sets its seed's own
    s.owner_priv_percent = 80;
    s.steer = true;
    return s;
}

WorldStyle WorldStyle::transaction()
{
    WorldStyle s;
    // Weighted towards what most accesses can use; W and W|X are reserved.
    s.perms = {R | W | X, R | W | X, R | W, R | W, R | W, R | X, R, X, W, W | X};
    s.common_perms = 8;
    s.rare_from = 8;  // the rare draw is a reserved encoding
    s.user_u_percent = 90;
    s.kernel_u_percent = 8;
    s.a_percent = 85;
    s.d_percent = 65;
    s.distinct_vpn1 = true;
    s.offset_mask = 0xfff;
    s.reuse = Reuse::RecentSuccesses;
    s.reuse_percent = 60;
    s.owner_priv_percent = 85;
    s.steer = false;
    return s;
}

PageTableWorld::PageTableWorld(WorldMemory &memory, Rng &rng, const WorldStyle &style)
    : memory_(memory), rng_(rng), style_(style)
{
}

// ---------------------------------------------------------------- PTEs

// Flags of every mix, mostly usable ones; G only in kernel space.
uint32_t PageTableWorld::random_leaf(bool kernel, bool megapage)
{
    unsigned rare = unsigned(style_.perms.size()) - style_.rare_from;
    uint32_t flags = V | style_.perms[rng_.percent(95) ? rng_.below(style_.common_perms)
                                                       : style_.rare_from + rng_.below(rare)];
    if (rng_.percent(kernel ? style_.kernel_u_percent : style_.user_u_percent))
        flags |= U;
    if (rng_.percent(style_.a_percent))
        flags |= A;
    if (rng_.percent(style_.d_percent))
        flags |= D;
    if (kernel && rng_.percent(50))
        flags |= G;
    flags |= rng_.below(4) << PW_PTE_RSW_SHIFT;
    if (rng_.percent(3))
        flags &= ~V;
    uint64_t ppn = rng_.percent(90) ? kDataPpn + rng_.below(0x10000) : rng_.u32() & PW_PTE_PPN_MASK;
    if (megapage && rng_.percent(style_.steer ? 80 : 85))
        ppn &= ~uint64_t(PW_PTE_PPN0_MASK);  // aligned; the others are misaligned megapages
    else if (megapage && style_.steer && rng_.percent(85))  // PPN[0] with one bit set, each in turn
        ppn = (ppn & ~uint64_t(PW_PTE_PPN0_MASK)) | 1u << (misaligned_bit_++ % PW_PTE_PPN0_WIDTH);
    return make_pte(ppn, flags);
}

// Any flags at all, pointing at data (never at a table); never G in user space.
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
            table = error_table_;  // the walk's next read is a bus error
        return make_pte(table >> 12, flags);
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

// ---------------------------------------------------------------- building

// Kernel entries are the same in every root: global mappings must be.
void PageTableWorld::write_root_entry(unsigned space, unsigned vpn1, uint32_t value)
{
    if (vpn1 < kKernelVpn1) {
        memory_.poke(spaces_[space].root + 4 * vpn1, value);
        return;
    }
    for (const Space &s : spaces_)
        memory_.poke(s.root + 4 * vpn1, value);
}

void PageTableWorld::draw_vpn1s(std::vector<unsigned> &out, unsigned count, unsigned first, unsigned span)
{
    while (out.size() < count) {
        unsigned v = first + rng_.below(span);
        if (!style_.distinct_vpn1 || std::find(out.begin(), out.end(), v) == out.end())
            out.push_back(v);
    }
}

// Where the tables lie. Steered: the 4 roots and 12 level-0 tables take the
// 16 regions of the 34-bit space in a random order, each at a random page of
// its region (so every region holds a table in every run, and each run puts
// its roots in other regions); the error table anywhere else.
void PageTableWorld::place_tables()
{
    std::vector<uint64_t> at;
    if (!style_.steer) {
        for (unsigned t = 0; t < kSpaces + kL0Tables; t++)
            at.push_back(kTableBase + 0x1000ull * t);
        error_table_ = kErrorTable;
    } else {
        std::vector<unsigned> regions;
        for (unsigned r = 0; r < kRegions; r++)
            regions.push_back(r);
        for (unsigned i = kRegions - 1; i > 0; i--)
            std::swap(regions[i], regions[rng_.below(i + 1)]);
        for (unsigned r : regions)
            at.push_back((uint64_t(r) * kRegionPages + rng_.below(kRegionPages)) << 12);
        do {
            error_table_ = uint64_t(rng_.below(kRegions * kRegionPages)) << 12;
        } while (std::find(at.begin(), at.end(), error_table_) != at.end());
    }
    for (unsigned s = 0; s < kSpaces; s++)
        spaces_.push_back({at[s], 0});
    for (unsigned t = 0; t < kL0Tables; t++)
        l0_tables_.push_back(at[kSpaces + t]);
}

// Distinct ASIDs. Steered: space 0 takes a random ASID and the others
// differ from it in one bit each (three distinct bits), so a lookup or an
// sfence of one space next to another's entries tests one comparator bit.
void PageTableWorld::choose_asids()
{
    if (style_.steer) {
        uint32_t base = rng_.below(kAsids);
        std::vector<unsigned> bits;
        while (bits.size() < kSpaces - 1) {
            unsigned b = rng_.below(PW_SATP_ASID_WIDTH);
            if (std::find(bits.begin(), bits.end(), b) == bits.end())
                bits.push_back(b);
        }
        spaces_[0].asid = base;
        for (unsigned s = 1; s < kSpaces; s++)
            spaces_[s].asid = base ^ 1u << bits[s - 1];
        return;
    }
    for (unsigned s = 0; s < kSpaces; s++) {
        uint32_t asid;
        do {
            asid = rng_.below(kAsids);
        } while (std::any_of(spaces_.begin(), spaces_.begin() + s, [&](const Space &o) { return o.asid == asid; }));
        spaces_[s].asid = asid;
    }
}

void PageTableWorld::build()
{
    // Unsteered, these draw exactly what every seed of that style always drew.
    place_tables();
    choose_asids();
    if (style_.steer)
        misaligned_bit_ = rng_.below(PW_PTE_PPN0_WIDTH);  // each seed starts its walk elsewhere
    memory_.add_error(error_table_, 4096, false);

    draw_vpn1s(user_vpn1_, kUserVpn1s, 0, kKernelVpn1);
    draw_vpn1s(kernel_vpn1_, kKernelVpn1s, kKernelVpn1, 1024 - kKernelVpn1);
    for (unsigned i = 0; i < kVpn0s; i++)
        vpn0_.push_back(rng_.below(1024));

    for (unsigned s = 0; s < kSpaces; s++)
        for (unsigned v : user_vpn1_)
            write_root_entry(s, v, random_root_entry(false));
    for (unsigned v : kernel_vpn1_)
        write_root_entry(0, v, random_root_entry(true));
    for (unsigned t = 0; t < kL0Tables; t++)
        for (unsigned v : vpn0_)
            memory_.poke(l0_tables_[t] + 4 * v, random_l0_entry(t >= kUserTables));

    // A few PTE words fail on every access, a few only on the A/D write-back.
    for (int i = 0; i < 3; i++)
        memory_.add_error(l0_tables_[rng_.below(kL0Tables)] + 4 * vpn0_[rng_.below(kVpn0s)], 4, false);
    for (int i = 0; i < 6; i++)
        memory_.add_error(l0_tables_[rng_.below(kL0Tables)] + 4 * vpn0_[rng_.below(kVpn0s)], 4, true);
    if (style_.steer) {
        // User root entries (each space has its own) that fail on every
        // access, and some only on a write: the A/D write-back of a megapage,
        // so those are taken from the megapages that will need one.
        for (int i = 0; i < 2; i++)
            memory_.add_error(spaces_[rng_.below(kSpaces)].root + 4 * user_vpn1_[rng_.below(kUserVpn1s)], 4, false);
        std::vector<uint64_t> clean_megapages;
        for (const Space &sp : spaces_)
            for (unsigned v : user_vpn1_) {
                uint32_t e = memory_.peek(sp.root + 4 * v);
                if ((e & V) && (e & (R | X)) && (~e & (A | D)))
                    clean_megapages.push_back(sp.root + 4 * v);
            }
        for (int i = 0; i < 4; i++) {
            uint64_t at = clean_megapages.empty() || rng_.percent(25)
                              ? spaces_[rng_.below(kSpaces)].root + 4 * user_vpn1_[rng_.below(kUserVpn1s)]
                              : clean_megapages[rng_.below(uint32_t(clean_megapages.size()))];
            memory_.add_error(at, 4, true);
        }
    }
    space_ = 0;
}

// ---------------------------------------------------------------- context and requests

uint32_t PageTableWorld::satp() const
{
    const Space &s = spaces_[space_];
    return (bare_ ? 0 : PW_SATP_MODE) | s.asid << PW_SATP_ASID_SHIFT | uint32_t(s.root >> 12);
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

// Is there a VA to ask again? With RecentPicks every slot is drawn from, so
// pick_va asks whether the slot written next is filled; sfences do not ask.
bool PageTableWorld::recent_ready() const
{
    return style_.reuse == WorldStyle::Reuse::RecentPicks || recent_count_ > 0;
}

uint32_t PageTableWorld::recent_va()
{
    if (style_.reuse == WorldStyle::Reuse::RecentPicks)
        return recent_[rng_.below(16)];
    return recent_[rng_.below(std::min(recent_count_, 16u))];
}

uint32_t PageTableWorld::pick_va(bool *kernel)
{
    uint32_t va;
    bool again = style_.reuse == WorldStyle::Reuse::RecentPicks
                     ? rng_.percent(style_.reuse_percent) && recent_[recent_count_ % 16]
                     : recent_count_ && rng_.percent(style_.reuse_percent);
    if (again) {
        va = recent_va();
    } else if (rng_.percent(90)) {
        bool k = rng_.percent(30);
        unsigned vpn1 = k ? kernel_vpn1_[rng_.below(kKernelVpn1s)] : user_vpn1_[rng_.below(kUserVpn1s)];
        va = vpn1 << 22 | vpn0_[rng_.below(kVpn0s)] << 12 | (rng_.u32() & style_.offset_mask);
        if (style_.reuse == WorldStyle::Reuse::RecentPicks)
            recent_[recent_count_++ % 16] = va;
    } else {
        va = rng_.u32();
    }
    *kernel = (va >> 22) >= kKernelVpn1;
    return va;
}

unsigned PageTableWorld::pick_priv(bool kernel)
{
    unsigned p = rng_.below(100);
    return p < 5 ? PW_PRIV_M_VALUE : (p < style_.owner_priv_percent) != kernel ? PW_PRIV_U_VALUE : PW_PRIV_S_VALUE;
}

unsigned PageTableWorld::access_for(unsigned roll)
{
    return roll < 45 ? PW_MMU_ACCESS_LOAD : roll < 80 ? PW_MMU_ACCESS_STORE : PW_MMU_ACCESS_FETCH;
}

void PageTableWorld::remember(uint32_t va) { recent_[recent_count_++ % 16] = va; }

uint32_t PageTableWorld::random_space_asid() { return spaces_[rng_.below(kSpaces)].asid; }

Sfence PageTableWorld::random_sfence(uint32_t fallback_asid)
{
    Sfence f;
    f.all_va = rng_.percent(40);
    f.all_asid = rng_.percent(40);
    f.va = recent_ready() && rng_.percent(70) ? recent_va() : rng_.u32();
    if (rng_.percent(80))
        f.asid = random_space_asid();
    else
        f.asid = style_.reuse == WorldStyle::Reuse::RecentPicks ? fallback_asid : rng_.below(kAsids);
    return f;
}

// ---------------------------------------------------------------- changes

// Which root entries lead to level-0 table t: (space, VPN[1]) pairs. Only
// the mapped VPN[1]s ever hold an entry. conservative: count a W-only
// (reserved) entry too; the walker faults on it, so that only widens a flush.
std::vector<std::pair<unsigned, unsigned>> PageTableWorld::roots_reaching(unsigned t, bool conservative) const
{
    std::vector<unsigned> mapped = user_vpn1_;
    mapped.insert(mapped.end(), kernel_vpn1_.begin(), kernel_vpn1_.end());
    std::vector<std::pair<unsigned, unsigned>> found;
    for (unsigned s = 0; s < kSpaces; s++) {
        for (unsigned vpn1 : mapped) {
            uint32_t e = memory_.peek(spaces_[s].root + 4 * vpn1);
            bool pointer = conservative ? (e & V) && !(e & (R | X)) : is_pointer(e);
            if (pointer && pte_ppn(e) == l0_tables_[t] >> 12)
                found.push_back({s, vpn1});
        }
    }
    return found;
}

// One sfence for one change. A root entry's whole 4 MiB range changes, so
// only an all-VA flush covers it. Level-0 tables are shared: flush that VA
// page in every address space (one VA, all ASIDs) when a single VPN[1]
// reaches the table, else everything.
Sfence PageTableWorld::change_tables_one_sfence()
{
    Sfence f;
    f.va = rng_.u32();
    f.asid = rng_.below(kAsids);
    unsigned target = rng_.below(3);
    if (target == 0) {
        bool kernel = rng_.percent(30);
        unsigned space = rng_.below(kSpaces);
        unsigned vpn1 = kernel ? kernel_vpn1_[rng_.below(kKernelVpn1s)] : user_vpn1_[rng_.below(kUserVpn1s)];
        write_root_entry(space, vpn1, random_root_entry(kernel));
        f.all_va = true;
        f.all_asid = kernel || rng_.percent(30);
        f.asid = spaces_[space].asid;
        return f;
    }
    unsigned t = rng_.below(kL0Tables);
    unsigned vpn0 = vpn0_[rng_.below(kVpn0s)];
    memory_.poke(l0_tables_[t] + 4 * vpn0, random_l0_entry(t >= kUserTables));
    f.all_va = f.all_asid = true;
    int only_vpn1 = -1;
    bool many = false;
    for (const auto &root : roots_reaching(t, true)) {
        if (only_vpn1 >= 0 && unsigned(only_vpn1) != root.second)
            many = true;
        only_vpn1 = int(root.second);
    }
    if (!many && only_vpn1 >= 0 && rng_.percent(70)) {
        f.all_va = false;
        f.va = uint32_t(only_vpn1) << 22 | vpn0 << 12 | (rng_.u32() & 0xfff);
    }
    return f;
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
    f.asid = f.all_asid ? rng_.below(kAsids) : asid;
    return f;
}

// The sfences that cover a change of the level-0 entry vpn0 of table t: its
// VA under every root entry that reaches the table (sometimes, everything).
std::vector<Sfence> PageTableWorld::cover_l0_change(unsigned t, unsigned vpn0)
{
    if (rng_.percent(30))
        return {Sfence{}};  // everything
    std::vector<Sfence> cover;
    for (const auto &root : roots_reaching(t, false)) {
        unsigned vpn1 = root.second;
        Sfence f;
        f.va = vpn1 << 22 | vpn0 << 12 | (rng_.u32() & 0xfff);
        f.all_va = false;
        // A user entry is never global: its VA in its ASID is enough.
        // A kernel entry may be global: its VA in every ASID.
        f.all_asid = vpn1 >= kKernelVpn1;
        f.asid = f.all_asid ? rng_.below(kAsids) : spaces_[root.first].asid;
        cover.push_back(f);
    }
    return cover;
}

std::vector<Sfence> PageTableWorld::change_tables()
{
    unsigned roll = rng_.below(100);
    if (roll < 50) {
        // A root entry: of one space in user space, of every space in kernel space.
        bool kernel = roll < 15;
        unsigned space = rng_.below(kSpaces);
        unsigned vpn1 = kernel ? kernel_vpn1_[rng_.below(kKernelVpn1s)] : user_vpn1_[rng_.below(kUserVpn1s)];
        uint32_t old = memory_.peek(spaces_[space].root + 4 * vpn1);
        write_root_entry(space, vpn1, random_root_entry(kernel));
        return {cover_root_change(vpn1, old, spaces_[space].asid)};
    }
    unsigned t = rng_.below(kL0Tables);
    unsigned vpn0 = vpn0_[rng_.below(kVpn0s)];
    memory_.poke(l0_tables_[t] + 4 * vpn0, random_l0_entry(t >= kUserTables));
    return cover_l0_change(t, vpn0);
}

}  // namespace cosim
