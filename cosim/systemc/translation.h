// A translation request, its outcome and an sfence, in the MMU's own terms
// (docs/mmu.md): what the TLM face carries, the request generator makes and
// the scoreboard checks. Plain C++, no SystemC.
#ifndef PAGEWALK_SC_TRANSLATION_H
#define PAGEWALK_SC_TRANSLATION_H

#include <cstdint>
#include <string>

#include "page_table_world.h"
#include "pagewalk_shim.h"

namespace pwsc {

// req_access_i encodings.
enum class Access : uint8_t {
    Load = PW_MMU_ACCESS_LOAD,
    Store = PW_MMU_ACCESS_STORE,
    Fetch = PW_MMU_ACCESS_FETCH,
};

// req_priv_i encodings: the effective privilege.
enum class Priv : uint8_t {
    User = PW_PRIV_U_VALUE,
    Supervisor = PW_PRIV_S_VALUE,
    Machine = PW_PRIV_M_VALUE,
};

// The context inputs, stable from acceptance to response.
struct Context {
    uint32_t satp = 0;  // MODE (31), ASID (30:22), PPN (21:0)
    bool sum = false;   // mstatus.SUM
    bool mxr = false;   // mstatus.MXR
};

struct Request {
    uint32_t va = 0;
    Access access = Access::Load;
    Priv priv = Priv::Supervisor;
    Context context;
};

// resp_fault_o, resp_cause_o, resp_paddr_o.
struct Outcome {
    bool fault = false;
    uint32_t cause = 0;  // exception code when fault: 12, 13, 15 (page), 1, 5, 7 (access)
    uint64_t pa = 0;     // 34-bit physical address when !fault
};

// One sfence.vma (the random world's): va = rs1 unless all_va, asid = rs2 unless all_asid.
using Sfence = cosim::Sfence;

// Is cause an access fault (a bus error during the walk), not a page fault?
bool is_access_fault(uint32_t cause);

// "load", "store", "fetch".
const char *access_word(Access access);
// "S-mode store of VA 0x00402abc (satp 0x80012345, SUM=0 MXR=1)".
std::string describe(const Request &request);
// "pa=0x090001abc" or "fault=13 (load page fault)".
std::string describe(const Outcome &outcome);
// "sfence.vma VA 0x00402000, all ASIDs".
std::string describe(const Sfence &sfence);

// The architectural model's names for the same things.
pw_access model_access(Access access);
pw_priv model_priv(Priv priv);

}  // namespace pwsc

#endif
