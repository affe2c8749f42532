// Directed Sv32 cases: one row per check of docs/translation.md (and the
// scenarios of riscv-arch-test vm_sv32 and riscv-tests rv32si-p-dirty), with
// the expected outcome under each A/D policy written out by hand from the
// specification. The same table drives the GoogleTest suite and generates
// tests/vectors/directed-*.vec.
#ifndef PAGEWALK_DIRECTED_CASES_H
#define PAGEWALK_DIRECTED_CASES_H

#include <cstdint>
#include <string>
#include <vector>

#include "pagewalk_shim.h"

namespace directed {

// The page-table layout every case starts from (docs/translation.md walks
// through the same numbers):
//   satp = Sv32, ASID 5, root table at 0x8000_0000
//   VA 0x0040_2abc: root[1] (0x8000_0004) -> table at 0x8000_1000, entry [2]
//                   (0x8000_1008) is the leaf: a 4 KiB page
//   VA 0x00c0_1abc: root[3] (0x8000_000c) is the leaf: a 4 MiB megapage
constexpr uint32_t kSatp = 0x80000000u | (5u << 22) | 0x80000u;
constexpr uint64_t kRootPte = 0x80000004u;      // root[1], pointer for the 4 KiB case
constexpr uint64_t kLeafPte = 0x80001008u;      // level-0 leaf
constexpr uint64_t kMegaPte = 0x8000000cu;      // root[3], megapage leaf
constexpr uint32_t kPageVa = 0x00402abcu;
constexpr uint32_t kMegaVa = 0x00c01abcu;
constexpr uint32_t kPointer = (0x80001u << 10) | PW_PTE_V;  // root[1] default
constexpr uint32_t kDataPpn = 0x90000u;                     // leaf PPN default

// PTE flag shorthands.
constexpr uint32_t V = PW_PTE_V, R = PW_PTE_R, W = PW_PTE_W, X = PW_PTE_X, U = PW_PTE_U,
                   G = PW_PTE_G, A = PW_PTE_A, D = PW_PTE_D;

enum class Level { Page, Mega };                 // where the leaf sits
// Which PTE word gives bus errors: RootPte and LeafPte on reads and writes
// (as the .vec `e` line does), LeafWrite only on writes (A/D write-back).
enum class BusError { None, RootPte, LeafPte, LeafWrite };

// What one policy must produce. cause 0 means success; then pa is checked.
// leaf_after is the leaf word after the translation: kUnchanged when the
// walker must not write it.
constexpr uint32_t kUnchanged = 0xffffffffu;
struct Outcome {
    uint32_t cause;
    uint64_t pa;
    uint32_t leaf_after;
};

struct Case {
    const char *name;   // also the GoogleTest name
    const char *rule;   // what it checks, with the specification section
    Level level;
    uint32_t leaf;      // the leaf word: flags, and PPN when leaf_ppn_set
    pw_priv priv;
    pw_access access;
    bool sum;
    bool mxr;
    Outcome svade;
    Outcome svadu;
    uint32_t pointer = kPointer;  // root[1] for Level::Page
    BusError bus_error = BusError::None;
    uint32_t satp = kSatp;
    uint32_t va = 0;              // 0: kPageVa or kMegaVa by level
    uint64_t extra_addr = 0;      // one more word of memory, when not 0
    uint32_t extra_value = 0;
};

// Every directed case.
const std::vector<Case> &all_cases();

// The physical address of the leaf word for this case.
uint64_t leaf_address(const Case &c);
// The VA this case translates.
uint32_t case_va(const Case &c);
// Load the case's page tables and bus errors into an empty memory.
void install(const Case &c, pw_sparse_mem *mem);
// The expected outcome under a policy.
const Outcome &expected(const Case &c, pw_ad_policy ad);
// The case as .vec lines (reset, ad, m, e, t, c), ready to append to a file.
std::string to_vec(const Case &c, pw_ad_policy ad);

}  // namespace directed

#endif
