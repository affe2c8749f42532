// The directed Sv32 cases. Expected outcomes are written by hand from the
// privileged specification 1.12 (section numbers in each rule), never
// computed by the model under test.
#include "directed_cases.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>

namespace directed {
namespace {

constexpr pw_priv Um = PW_PRIV_U, Sm = PW_PRIV_S, Mm = PW_PRIV_M;
constexpr pw_access Ld = PW_ACCESS_LOAD, St = PW_ACCESS_STORE, Fx = PW_ACCESS_FETCH;
constexpr Level Page = Level::Page, Mega = Level::Mega;

// Exception codes, spelled out (privileged spec 3.1.15).
constexpr uint32_t kFetchAccess = 1, kLoadAccess = 5, kStoreAccess = 7;
constexpr uint32_t kFetchPage = 12, kLoadPage = 13, kStorePage = 15;

// The PAs the layout yields: 0x90000 << 12 | 0xabc, and PPN[1] 0x240 << 22 | 0x001abc.
constexpr uint64_t kPagePa = 0x90000abcu;
constexpr uint64_t kMegaPa = 0x90001abcu;

// A leaf word with the default PPN, or with a chosen one.
constexpr uint32_t L(uint32_t flags) { return (kDataPpn << 10) | flags; }
constexpr uint32_t Lp(uint32_t ppn, uint32_t flags) { return (ppn << 10) | flags; }
constexpr uint32_t Rsw(uint32_t v) { return v << 8; }

constexpr Outcome ok(uint64_t pa) { return {0, pa, kUnchanged}; }
constexpr Outcome written(uint64_t pa, uint32_t leaf_after) { return {0, pa, leaf_after}; }
constexpr Outcome fault(uint32_t cause) { return {cause, 0, kUnchanged}; }

const std::vector<Case> kCases = {
    // ---- no translation
    {"bare_mode_passthrough", "4.1.11: satp.MODE=0 (Bare): PA = VA", Page, L(V | R | A), Sm, Ld,
     0, 0, ok(kPageVa), ok(kPageVa), kPointer, BusError::None, 0x00080000u},
    {"bare_mode_ignores_bad_tables", "4.1.11: Bare mode never reads the tables", Page, L(0), Um,
     Fx, 0, 0, ok(kPageVa), ok(kPageVa), 0, BusError::RootPte, 0x00080000u},
    {"machine_mode_passthrough", "3.1.6.3: effective privilege M (MPRV=0 or MPP=M) is not translated",
     Page, L(0), Mm, Ld, 0, 0, ok(kPageVa), ok(kPageVa)},
    {"machine_mode_store_passthrough", "3.1.6.3: effective privilege M is not translated", Page,
     L(V | R), Mm, St, 0, 0, ok(kPageVa), ok(kPageVa)},

    // ---- successful walks
    {"page_load_S", "4.3.2 steps 1-8: two-level walk to a 4 KiB page", Page, L(V | R | W | A | D),
     Sm, Ld, 0, 0, ok(kPagePa), ok(kPagePa)},
    {"page_store_S", "4.3.2: store through a 4 KiB page with W, A, D", Page, L(V | R | W | A | D),
     Sm, St, 0, 0, ok(kPagePa), ok(kPagePa)},
    {"page_fetch_S", "4.3.2: fetch from an execute-only page", Page, L(V | X | A), Sm, Fx, 0, 0,
     ok(kPagePa), ok(kPagePa)},
    {"page_load_U", "4.3.1: U-mode load from a U=1 page", Page, L(V | R | U | A), Um, Ld, 0, 0,
     ok(kPagePa), ok(kPagePa)},
    {"page_store_U", "4.3.1: U-mode store to a U=1 page", Page, L(V | R | W | U | A | D), Um, St,
     0, 0, ok(kPagePa), ok(kPagePa)},
    {"page_fetch_U", "4.3.1: U-mode fetch from a U=1 page", Page, L(V | X | U | A), Um, Fx, 0, 0,
     ok(kPagePa), ok(kPagePa)},
    {"megapage_load_S", "4.3.2 step 8: megapage PA = PPN[1] above VA[21:0]", Mega, L(V | R | A),
     Sm, Ld, 0, 0, ok(kMegaPa), ok(kMegaPa)},
    {"megapage_fetch_U", "4.3.2 step 8: megapage fetch from U-mode", Mega, L(V | X | U | A), Um,
     Fx, 0, 0, ok(kMegaPa), ok(kMegaPa)},
    {"pa_34_bit_page", "4.3.1: a 22-bit PPN gives a 34-bit PA", Page, Lp(0x3fffff, V | R | A), Sm,
     Ld, 0, 0, ok(0x3fffffabcull), ok(0x3fffffabcull)},
    {"pa_34_bit_megapage", "4.3.1: megapage PPN[1] 0xfff gives a 34-bit PA", Mega,
     Lp(0x3ffc00, V | R | A), Sm, Ld, 0, 0, ok(0x3ffc01abcull), ok(0x3ffc01abcull)},
    {"global_leaf_translates", "4.3.1: G marks a global mapping; translation ignores it", Page,
     L(V | R | G | A), Sm, Ld, 0, 0, ok(kPagePa), ok(kPagePa)},
    {"global_pointer_translates", "4.3.1: G is allowed in a pointer PTE", Page, L(V | R | A), Sm,
     Ld, 0, 0, ok(kPagePa), ok(kPagePa), kPointer | G},
    {"reserved_rsw_ignored_leaf", "4.3.1: RSW is for software; hardware ignores it", Page,
     L(V | R | A | Rsw(3)), Sm, Ld, 0, 0, ok(kPagePa), ok(kPagePa)},
    {"reserved_rsw_ignored_pointer", "4.3.1: RSW in a pointer PTE is ignored", Page, L(V | R | A),
     Sm, Ld, 0, 0, ok(kPagePa), ok(kPagePa), kPointer | Rsw(2)},

    // ---- invalid_pte: V=0
    {"invalid_pointer_load", "4.3.2 step 3: V=0 in the root PTE", Page, L(V | R | A), Sm, Ld, 0,
     0, fault(kLoadPage), fault(kLoadPage), kPointer & ~V},
    {"invalid_leaf_load", "4.3.2 step 3: V=0 in the leaf, whatever else is set", Page,
     L(R | W | X | U | A | D), Um, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},
    {"invalid_leaf_store", "4.3.2 step 3: V=0 gives a store page fault", Page,
     L(R | W | A | D), Sm, St, 0, 0, fault(kStorePage), fault(kStorePage)},
    {"invalid_leaf_fetch", "4.3.2 step 3: V=0 gives an instruction page fault", Page,
     L(X | A), Sm, Fx, 0, 0, fault(kFetchPage), fault(kFetchPage)},
    {"invalid_megapage", "4.3.2 step 3: V=0 in a megapage leaf", Mega, L(R | X | A), Sm, Ld, 0,
     0, fault(kLoadPage), fault(kLoadPage)},

    // ---- reserved RWX encodings: W=1 with R=0
    {"reserved_w_only_load", "4.3.2 step 3: W=1 R=0 is reserved", Page, L(V | W | A | D), Sm,
     Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},
    {"reserved_w_only_store", "4.3.2 step 3: W=1 R=0 is reserved, even for a store", Page,
     L(V | W | A | D), Sm, St, 0, 0, fault(kStorePage), fault(kStorePage)},
    {"reserved_wx_fetch", "4.3.2 step 3: W=1 X=1 R=0 is reserved", Page, L(V | W | X | A | D),
     Sm, Fx, 0, 0, fault(kFetchPage), fault(kFetchPage)},
    {"reserved_w_only_root", "4.3.2 step 3: W=1 R=0 in the root PTE", Mega, L(V | W | A | D), Sm,
     Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},

    // ---- non-leaf PTEs
    {"pointer_with_a", "4.3.1: A in a pointer PTE is reserved", Page, L(V | R | A), Sm, Ld, 0, 0,
     fault(kLoadPage), fault(kLoadPage), kPointer | A},
    {"pointer_with_d", "4.3.1: D in a pointer PTE is reserved", Page, L(V | R | W | A | D), Sm,
     St, 0, 0, fault(kStorePage), fault(kStorePage), kPointer | D},
    {"pointer_with_u", "4.3.1: U in a pointer PTE is reserved", Page, L(V | X | U | A), Um, Fx, 0,
     0, fault(kFetchPage), fault(kFetchPage), kPointer | U},
    {"pointer_at_level_0_load", "4.3.2 step 4: a pointer at level 0 has nowhere to go", Page,
     L(V), Sm, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},
    {"pointer_at_level_0_over_valid_leaf", "4.3.2 step 4: no third level, even if one would translate",
     Page, Lp(0x80002, V), Sm, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage), kPointer,
     BusError::None, kSatp, 0, 0x80002008u, L(V | R | W | A | D)},
    {"pointer_at_level_0_fetch", "4.3.2 step 4: a pointer at level 0, fetch", Page, L(V | G),
     Um, Fx, 0, 0, fault(kFetchPage), fault(kFetchPage)},

    // ---- U bit, SUM (vm_sv32: U bit, SUM set and unset, mprv in S and U)
    {"u_mode_supervisor_page_load", "4.3.1: U-mode may only use U=1 pages", Page,
     L(V | R | W | X | A | D), Um, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},
    {"u_mode_supervisor_page_store", "4.3.1: U-mode store to a U=0 page", Page,
     L(V | R | W | X | A | D), Um, St, 0, 0, fault(kStorePage), fault(kStorePage)},
    {"u_mode_supervisor_page_fetch", "4.3.1: U-mode fetch from a U=0 page", Page,
     L(V | R | W | X | A | D), Um, Fx, 0, 0, fault(kFetchPage), fault(kFetchPage)},
    {"u_mode_sum_does_not_help", "3.1.6.3: SUM has no effect in U-mode", Page,
     L(V | R | W | A | D), Um, Ld, 1, 0, fault(kLoadPage), fault(kLoadPage)},
    {"s_mode_user_page_load_sum0", "3.1.6.3: S-mode load from a U page needs SUM=1", Page,
     L(V | R | W | U | A | D), Sm, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},
    {"s_mode_user_page_store_sum0", "3.1.6.3: S-mode store to a U page needs SUM=1", Page,
     L(V | R | W | U | A | D), Sm, St, 0, 0, fault(kStorePage), fault(kStorePage)},
    {"s_mode_user_page_load_sum1", "3.1.6.3: SUM=1 lets S-mode load from a U page", Page,
     L(V | R | W | U | A | D), Sm, Ld, 1, 0, ok(kPagePa), ok(kPagePa)},
    {"s_mode_user_page_store_sum1", "3.1.6.3: SUM=1 lets S-mode store to a U page", Page,
     L(V | R | W | U | A | D), Sm, St, 1, 0, ok(kPagePa), ok(kPagePa)},
    {"s_mode_user_page_fetch_sum1", "4.3.1: S-mode never executes U pages, SUM or not", Page,
     L(V | X | U | A), Sm, Fx, 1, 0, fault(kFetchPage), fault(kFetchPage)},
    {"s_mode_user_page_fetch_sum0", "4.3.1: S-mode fetch from a U page", Page, L(V | X | U | A),
     Sm, Fx, 0, 0, fault(kFetchPage), fault(kFetchPage)},
    {"mprv_effective_S_load", "3.1.6.3: MPRV=1, MPP=S: the load is checked as S", Page,
     L(V | R | A), Sm, Ld, 0, 0, ok(kPagePa), ok(kPagePa)},
    {"mprv_effective_U_store", "3.1.6.3: MPRV=1, MPP=U: the store is checked as U", Page,
     L(V | R | W | A | D), Um, St, 0, 0, fault(kStorePage), fault(kStorePage)},

    // ---- MXR
    {"mxr0_load_exec_only", "3.1.6.3: MXR=0: loads need R", Page, L(V | X | A), Sm, Ld, 0, 0,
     fault(kLoadPage), fault(kLoadPage)},
    {"mxr1_load_exec_only", "3.1.6.3: MXR=1: loads may use R or X", Page, L(V | X | A), Sm, Ld,
     0, 1, ok(kPagePa), ok(kPagePa)},
    {"mxr1_store_exec_only", "3.1.6.3: MXR does not grant W", Page, L(V | X | A | D), Sm, St, 0,
     1, fault(kStorePage), fault(kStorePage)},
    {"mxr1_fetch_read_only", "3.1.6.3: MXR does not grant X", Page, L(V | R | A), Sm, Fx, 0, 1,
     fault(kFetchPage), fault(kFetchPage)},
    {"mxr1_user_load_exec_only", "3.1.6.3: MXR applies in U-mode too", Page, L(V | X | U | A), Um,
     Ld, 0, 1, ok(kPagePa), ok(kPagePa)},
    {"mxr1_sum0_s_user_exec_only", "3.1.6.3: MXR does not lift the U check", Page,
     L(V | X | U | A), Sm, Ld, 0, 1, fault(kLoadPage), fault(kLoadPage)},
    {"mxr1_sum1_s_user_exec_only", "3.1.6.3: SUM and MXR together", Page, L(V | X | U | A), Sm, Ld,
     1, 1, ok(kPagePa), ok(kPagePa)},

    // ---- R/W/X permissions
    {"store_to_read_only", "4.3.2 step 5: stores need W", Page, L(V | R | A | D), Sm, St, 0, 0,
     fault(kStorePage), fault(kStorePage)},
    {"fetch_from_read_write", "4.3.2 step 5: fetches need X", Page, L(V | R | W | A | D), Sm, Fx,
     0, 0, fault(kFetchPage), fault(kFetchPage)},
    {"load_from_read_exec", "4.3.2 step 5: loads need R", Page, L(V | R | X | A), Sm, Ld, 0, 0,
     ok(kPagePa), ok(kPagePa)},

    // ---- misaligned superpage
    {"megapage_misaligned_load", "4.3.2 step 6: megapage PPN[0] != 0 is misaligned", Mega,
     Lp(0x90001, V | R | A), Sm, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},
    {"megapage_misaligned_store", "4.3.2 step 6: misaligned megapage, store", Mega,
     Lp(0x90200, V | R | W | A | D), Sm, St, 0, 0, fault(kStorePage), fault(kStorePage)},
    {"megapage_misaligned_fetch", "4.3.2 step 6: misaligned megapage, fetch", Mega,
     Lp(0x903ff, V | X | U | A), Um, Fx, 0, 0, fault(kFetchPage), fault(kFetchPage)},
    {"megapage_misaligned_a_clear", "4.3.2 steps 6-7: misaligned faults before any A/D update",
     Mega, Lp(0x90001, V | R), Sm, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},

    // ---- A and D (vm_sv32 A_and_D, rv32si-p-dirty)
    {"a_clear_load", "4.3.2 step 7: A=0", Page, L(V | R | W), Sm, Ld, 0, 0, fault(kLoadPage),
     written(kPagePa, L(V | R | W | A))},
    {"a_clear_fetch", "4.3.2 step 7: A=0 on a fetch", Page, L(V | X), Sm, Fx, 0, 0,
     fault(kFetchPage), written(kPagePa, L(V | X | A))},
    {"a_clear_store", "4.3.2 step 7: A=0 and D=0 on a store: both set", Page, L(V | R | W), Sm, St,
     0, 0, fault(kStorePage), written(kPagePa, L(V | R | W | A | D))},
    {"dirty_d_clear_store", "4.3.2 step 7: store with D=0 (rv32si-p-dirty)", Page,
     L(V | R | W | A), Sm, St, 0, 0, fault(kStorePage), written(kPagePa, L(V | R | W | A | D))},
    {"dirty_d_clear_load_S", "4.3.2 step 7: a load never needs D, so no write-back", Page,
     L(V | R | W | A), Sm, Ld, 0, 0, ok(kPagePa), ok(kPagePa)},
    {"dirty_read_only_store", "rv32si-p-dirty: a faulting store leaves D clear", Page,
     L(V | R | A), Sm, St, 0, 0, fault(kStorePage), fault(kStorePage)},
    {"a_clear_permission_fault", "4.3.2 step 7: A is not set when the access faults", Page,
     L(V | R | W), Um, Ld, 0, 0, fault(kLoadPage), fault(kLoadPage)},
    {"megapage_a_clear_load", "4.3.2 step 7: A/D write-back to a megapage leaf", Mega,
     L(V | R), Sm, Ld, 0, 0, fault(kLoadPage), written(kMegaPa, L(V | R | A))},
    {"megapage_d_clear_store", "4.3.2 step 7: D write-back to a megapage leaf", Mega,
     L(V | R | W | A), Sm, St, 0, 0, fault(kStorePage), written(kMegaPa, L(V | R | W | A | D))},
    {"a_and_d_set_no_writeback", "4.3.2 step 7: nothing to update", Page, L(V | R | W | A | D), Sm,
     St, 0, 0, ok(kPagePa), ok(kPagePa)},

    // ---- bus errors on PTE accesses: access faults of the access type
    {"bus_error_root_pte_load", "4.3.2 step 2: PTE read fails: access fault", Page, L(V | R | A),
     Sm, Ld, 0, 0, fault(kLoadAccess), fault(kLoadAccess), kPointer, BusError::RootPte},
    {"bus_error_root_pte_store", "4.3.2 step 2: PTE read fails on a store", Page,
     L(V | R | W | A | D), Sm, St, 0, 0, fault(kStoreAccess), fault(kStoreAccess), kPointer,
     BusError::RootPte},
    {"bus_error_root_pte_fetch", "4.3.2 step 2: PTE read fails on a fetch", Page, L(V | X | A), Sm,
     Fx, 0, 0, fault(kFetchAccess), fault(kFetchAccess), kPointer, BusError::RootPte},
    {"bus_error_leaf_pte_load", "4.3.2 step 2: level-0 PTE read fails", Page, L(V | R | A), Sm,
     Ld, 0, 0, fault(kLoadAccess), fault(kLoadAccess), kPointer, BusError::LeafPte},
    {"bus_error_leaf_pte_fetch", "4.3.2 step 2: level-0 PTE read fails on a fetch", Page,
     L(V | X | A), Um, Fx, 0, 0, fault(kFetchAccess), fault(kFetchAccess), kPointer,
     BusError::LeafPte},
    {"bus_error_megapage_pte_store", "4.3.2 step 2: root PTE read fails on a store", Mega,
     L(V | R | W | A | D), Sm, St, 0, 0, fault(kStoreAccess), fault(kStoreAccess), kPointer,
     BusError::LeafPte},
    {"bus_error_writeback_store", "4.3.2 step 7: the A/D write-back fails: access fault", Page,
     L(V | R | W | A), Sm, St, 0, 0, fault(kStorePage), fault(kStoreAccess), kPointer,
     BusError::LeafWrite},
    {"bus_error_writeback_load", "4.3.2 step 7: the A write-back fails on a load", Page,
     L(V | R), Sm, Ld, 0, 0, fault(kLoadPage), fault(kLoadAccess), kPointer, BusError::LeafWrite},
    {"bus_error_writeback_fetch", "4.3.2 step 7: the A write-back fails on a fetch", Page,
     L(V | X), Sm, Fx, 0, 0, fault(kFetchPage), fault(kFetchAccess), kPointer,
     BusError::LeafWrite},
    {"bus_error_writeback_not_needed", "4.3.2 step 7: no write-back, so no bus error", Page,
     L(V | R | W | A | D), Sm, St, 0, 0, ok(kPagePa), ok(kPagePa), kPointer, BusError::LeafWrite},
};

}  // namespace

const std::vector<Case> &all_cases() { return kCases; }

uint64_t leaf_address(const Case &c) { return c.level == Level::Mega ? kMegaPte : kLeafPte; }

uint32_t case_va(const Case &c)
{
    if (c.va)
        return c.va;
    return c.level == Level::Mega ? kMegaVa : kPageVa;
}

// The word whose accesses fail, if any.
static bool error_address(const Case &c, uint64_t *addr)
{
    switch (c.bus_error) {
    case BusError::RootPte: *addr = c.level == Level::Mega ? kMegaPte : kRootPte; return true;
    case BusError::LeafPte: *addr = leaf_address(c); return true;
    default: return false;
    }
}

void install(const Case &c, pw_sparse_mem *mem)
{
    pw_smem_set(mem, kRootPte, c.pointer);
    pw_smem_set(mem, leaf_address(c), c.leaf);
    if (c.extra_addr)
        pw_smem_set(mem, c.extra_addr, c.extra_value);
    uint64_t bad;
    if (error_address(c, &bad))
        pw_smem_set_error(mem, bad);
}

const Outcome &expected(const Case &c, pw_ad_policy ad)
{
    return ad == PW_AD_SVADU ? c.svadu : c.svade;
}

std::string to_vec(const Case &c, pw_ad_policy ad)
{
    const Outcome &o = expected(c, ad);
    if (c.bus_error == BusError::LeafWrite) /* e ADDR fails reads too */
        return std::string("# ") + c.name + ": not expressible in .vec (a bus error on the "
               "write-back alone); covered by tests/gtest\n";
    // The lines through the model's .vec writer (cmodel/vec_write.c); the
    // expected result is the table's, never the model's.
    char *buf = nullptr;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    std::fprintf(f, "# %s: %s\n", c.name, c.rule);
    pw_vec_print_reset(f);
    pw_vec_print_ad(f, ad);
    pw_vec_print_word(f, kRootPte, c.pointer);
    pw_vec_print_word(f, leaf_address(c), c.leaf);
    if (c.extra_addr)
        pw_vec_print_word(f, c.extra_addr, c.extra_value);
    uint64_t bad;
    if (error_address(c, &bad))
        pw_vec_print_error(f, bad);
    pw_context ctx{c.satp, c.priv, c.sum, c.mxr, ad};
    pw_result want{};
    want.fault = o.cause != 0;
    want.cause = o.cause;
    want.pa = o.pa;
    pw_vec_print_translate(f, &ctx, c.access, case_va(c), &want);
    if (c.bus_error != BusError::LeafPte && !(c.bus_error == BusError::RootPte && c.level == Level::Mega))
        pw_vec_print_check(f, leaf_address(c), o.leaf_after == kUnchanged ? c.leaf : o.leaf_after);
    std::fclose(f);
    std::string s(buf, len);
    std::free(buf);
    return s;
}

}  // namespace directed
