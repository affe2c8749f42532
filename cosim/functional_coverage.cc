// The functional bins: which exist for a build, and counting them.
#include "functional_coverage.h"

#include <atomic>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace cosim {
namespace {

const char *const kStates[] = {"idle", "read", "wait_read", "write", "wait_write", "done"};  // pw_walk_state order
static_assert(sizeof kStates / sizeof kStates[0] == PW_WALK_DONE + 1, "a name for every walker state");
const char *const kForms[] = {"va_asid", "va", "asid", "all"};  // all_va | all_asid << 1
const char *const kAccess[] = {"r", "w", "x"};
const char *const kPriv[] = {"U", "S"};

// Every way a translation can end (docs/translation.md): the architectural
// model's reasons, with a Svadu success split by whether it wrote A/D back.
enum Result {
    kOk, kOkAdUpdate, kPteBusError, kInvalid, kWWithoutR, kPointerReserved, kPointerAtLevel0,
    kUserPageFromS, kSupervisorPageFromU, kNoPermission, kMisalignedMegapage, kAClear, kDClear,
    kWritebackBusError, kResults
};
const char *const kResultNames[] = {"ok", "ok_ad_update", "pte_bus_error", "invalid", "w_without_r",
                                    "pointer_reserved", "pointer_at_level0", "user_page_from_s",
                                    "supervisor_page_from_u", "no_permission", "misaligned_megapage",
                                    "a_clear", "d_clear", "writeback_bus_error"};

// Can a translation end so, in this build? (The bins that cannot exist are
// not listed: a hit never reads memory, faults are never cached, only level
// 1 holds megapages and reserved pointers, only level 0 a pointer at the
// leaf level, and each A/D policy has its own ways.)
bool reachable(pw_ad_policy ad, unsigned priv, unsigned acc, Result r, unsigned level, bool hit)
{
    bool svadu = ad == PW_AD_SVADU, store = acc == 1;
    switch (r) {
    case kOk: return true;
    case kOkAdUpdate: case kWritebackBusError: return svadu && !hit;
    case kAClear: return !svadu && !hit;
    case kDClear: return !svadu && store;
    case kUserPageFromS: return priv == 1;
    case kSupervisorPageFromU: return priv == 0;
    case kNoPermission: return true;
    case kMisalignedMegapage: case kPointerReserved: return level == 1 && !hit;
    case kPointerAtLevel0: return level == 0 && !hit;
    case kPteBusError: case kInvalid: case kWWithoutR: return !hit;
    default: return false;
    }
}

std::string xlate_name(pw_ad_policy ad, unsigned priv, unsigned acc, Result r, unsigned level, bool hit)
{
    return std::string("xlate.") + pw_ad_name(ad) + "." + kPriv[priv] + "." + kAccess[acc] + "." +
           kResultNames[r] + ".l" + std::to_string(level) + (hit ? ".hit" : ".miss");
}

Result result_of(const pw_result &r, bool wrote)
{
    switch (r.end) {
    case PW_END_OK: return wrote ? kOkAdUpdate : kOk;
    case PW_END_PTE_BUS_ERROR: return kPteBusError;
    case PW_END_INVALID: return kInvalid;
    case PW_END_W_WITHOUT_R: return kWWithoutR;
    case PW_END_POINTER_RESERVED: return kPointerReserved;
    case PW_END_POINTER_AT_LEAF_LEVEL: return kPointerAtLevel0;
    case PW_END_USER_PAGE_FROM_S: return kUserPageFromS;
    case PW_END_SUPERVISOR_PAGE_FROM_U: return kSupervisorPageFromU;
    case PW_END_NO_PERMISSION: return kNoPermission;
    case PW_END_MISALIGNED_MEGAPAGE: return kMisalignedMegapage;
    case PW_END_A_CLEAR: return kAClear;
    case PW_END_D_CLEAR: return kDClear;
    case PW_END_WRITEBACK_BUS_ERROR: return kWritebackBusError;
    default: return kResults;  // bare and M-mode: not a translation
    }
}

unsigned region(uint64_t pa) { return unsigned(pa >> 30) & 15; }

unsigned port_access(unsigned a) { return a >= 2 ? 2 : a; }

bool single_bit(uint32_t v) { return v && !(v & (v - 1)); }

unsigned bit_of(uint32_t v)
{
    unsigned b = 0;
    while (!(v & 1)) {
        v >>= 1;
        b++;
    }
    return b;
}

bool va_match(const pw_tlb_entry &e, uint32_t va)
{
    uint32_t vpn1 = va >> 22, vpn0 = (va >> 12) & 0x3ff;
    return e.vpn1 == vpn1 && (e.mega || e.vpn0 == vpn0);
}

}  // namespace

FunctionalCoverage::FunctionalCoverage(const pw_mmu_config &cfg) : cfg_(cfg)
{
    pw_ad_policy ad = cfg.ad;
    for (unsigned priv = 0; priv < 2; priv++)
        for (unsigned acc = 0; acc < 3; acc++)
            for (unsigned r = 0; r < kResults; r++)
                for (unsigned level = 0; level < 2; level++)
                    for (bool hit : {false, true})
                        if (reachable(ad, priv, acc, Result(r), level, hit))
                            bins_[xlate_name(ad, priv, acc, Result(r), level, hit)] = 0;
    for (const char *why : {"satp_bare", "machine"})
        for (const char *acc : kAccess)
            bins_[std::string("bare.") + pw_ad_name(ad) + "." + why + "." + acc] = 0;
    // Svade never writes back; only the pipelined walker (HitLatency 2, 3) has DONE.
    std::vector<unsigned> states = {PW_WALK_IDLE, PW_WALK_READ, PW_WALK_WAIT_READ};
    if (ad == PW_AD_SVADU)
        states.insert(states.end(), {PW_WALK_WRITE, PW_WALK_WAIT_WRITE});
    if (cfg.hit_latency > 1)
        states.push_back(PW_WALK_DONE);
    for (const char *form : kForms) {
        for (unsigned s : states)
            bins_[std::string("sfence.") + form + "." + kStates[s]] = 0;
        bins_[std::string("sfence.") + form + ".fill"] = 0;
    }
    for (unsigned b = 0; b < PW_SATP_ASID_WIDTH; b++)
        for (const char *kind : {"lookup_differs", "lookup_matches", "flush_spares", "flush_matches"})
            bins_[std::string("asid.") + kind + ".b" + std::to_string(b)] = 0;
    for (unsigned r = 0; r < 16; r++)
        for (const char *what : {"root", "table", "leaf"})
            bins_[std::string("pa.") + what + ".r" + std::to_string(r)] = 0;
    for (unsigned b = 0; b < PW_PTE_PPN0_WIDTH; b++)
        bins_["mega_misaligned.bit" + std::to_string(b)] = 0;
    for (const char *kind : {"read_l1", "read_l0"})
        bins_[std::string("bus_error.") + kind] = 0;
    if (ad == PW_AD_SVADU)
        for (const char *kind : {"writeback_l1", "writeback_l0"})
            bins_[std::string("bus_error.") + kind] = 0;
    for (unsigned s : states)
        bins_[std::string("reset.") + kStates[s]] = 0;
    for (unsigned i = 0; i < cfg.tlb_entries; i++)
        for (const char *ev : {"fill", "hit", "replace", "flush"})
            bins_["tlb.e" + std::to_string(i) + "." + ev] = 0;
}

void FunctionalCoverage::hit(const std::string &name)
{
    auto it = bins_.find(name);
    if (it != bins_.end())
        it->second++;
}

void FunctionalCoverage::edge(const pw_mmu_model &before, const pw_mmu_inputs &in, const pw_mmu_outputs &out,
                              const pw_mmu_model &after)
{
    if (!in.rst_n) {
        hit(std::string("reset.") + kStates[before.state]);
        in_flight_.clear();
        return;
    }
    uint32_t asid = (in.satp >> PW_SATP_ASID_SHIFT) & PW_SATP_ASID_MASK;
    const unsigned n = cfg_.tlb_entries;

    // A request accepted: the lookup it made against the TLB before this edge.
    if (after.events.accepted) {
        in_flight_.push_back(after.events.hit);
        bool is_hit = after.events.hit;
        wrote_ = false;
        reads_ = 0;
        bool translated = (in.satp & PW_SATP_MODE) && pw_mmu_port_priv(in.req_priv) != PW_PRIV_M;
        if (translated) {
            int first = -1;
            for (unsigned i = 0; i < n; i++) {
                const pw_tlb_entry &e = before.tlb[i];
                if (!e.valid || !va_match(e, in.req_vaddr))
                    continue;
                if (first < 0 && (e.global || e.asid == asid))
                    first = int(i);
                if (e.global)
                    continue;
                uint32_t d = e.asid ^ asid;
                if (single_bit(d))
                    hit("asid.lookup_differs.b" + std::to_string(bit_of(d)));
                else if (d == 0)
                    for (unsigned b = 0; b < PW_SATP_ASID_WIDTH; b++)
                        if (asid >> b & 1)
                            hit("asid.lookup_matches.b" + std::to_string(b));
            }
            if (is_hit && first >= 0)
                hit("tlb.e" + std::to_string(first) + ".hit");
        }
    }
    // The walk's memory traffic, for the response's classification.
    if (!in_flight_.empty() && out.mem_req_valid && in.mem_req_ready) {
        if (out.mem_req_we) {
            wrote_ = true;
        } else {
            hit((reads_ == 0 ? "pa.root.r" : "pa.table.r") + std::to_string(region(out.mem_req_addr)));
            reads_++;
        }
    }
    if (in.sfence_valid) {
        const char *form = kForms[unsigned(in.sfence_all_va) | unsigned(in.sfence_all_asid) << 1];
        hit(std::string("sfence.") + form + "." + kStates[before.state]);
        if (!before.walk.cancel_fill && after.events.fill_cancelled)
            hit(std::string("sfence.") + form + ".fill");
        uint32_t sasid = in.sfence_asid & PW_SATP_ASID_MASK;
        for (unsigned i = 0; i < n; i++) {
            const pw_tlb_entry &e = before.tlb[i];
            if (!e.valid)
                continue;
            bool va = in.sfence_all_va || va_match(e, in.sfence_vaddr);
            if (!in.sfence_all_asid && !e.global && va) {
                uint32_t d = e.asid ^ sasid;
                if (single_bit(d))
                    hit("asid.flush_spares.b" + std::to_string(bit_of(d)));
                else if (d == 0)
                    for (unsigned b = 0; b < PW_SATP_ASID_WIDTH; b++)
                        if (sasid >> b & 1)
                            hit("asid.flush_matches.b" + std::to_string(b));
            }
            if (!after.tlb[i].valid)
                hit("tlb.e" + std::to_string(i) + ".flush");
        }
    }
    if (after.events.fill) {
        hit("tlb.e" + std::to_string(after.events.fill_index) + ".fill");
        if (after.events.evicted)
            hit("tlb.e" + std::to_string(after.events.fill_index) + ".replace");
    }
}

void FunctionalCoverage::response(const Request &req, const pw_mmu_outputs &out, const MemoryView *memory)
{
    if (in_flight_.empty())
        return;  // the checker has reported a response nobody asked for
    bool was_hit = in_flight_.front(), wrote = wrote_;
    in_flight_.pop_front();
    unsigned acc = port_access(req.access);
    pw_priv priv = pw_mmu_port_priv(req.priv);
    if (!(req.satp & PW_SATP_MODE) || priv == PW_PRIV_M) {
        hit(std::string("bare.") + pw_ad_name(cfg_.ad) + "." + (priv == PW_PRIV_M ? "machine" : "satp_bare") + "." +
            kAccess[acc]);
        return;
    }
    if (!out.resp_fault)
        hit("pa.leaf.r" + std::to_string(region(out.resp_paddr)));
    if (!memory)
        return;
    pw_result r = architectural_result(req, *memory, cfg_.ad);
    Result res = result_of(r, wrote);
    if (res == kResults || r.level < 0)
        return;
    hit(xlate_name(cfg_.ad, priv == PW_PRIV_U ? 0 : 1, acc, res, unsigned(r.level), was_hit));
    if (res == kMisalignedMegapage) {
        uint32_t ppn0 = (r.pte >> PW_PTE_PPN0_SHIFT) & PW_PTE_PPN0_MASK;
        if (single_bit(ppn0))
            hit("mega_misaligned.bit" + std::to_string(bit_of(ppn0)));
    }
    if (res == kPteBusError)
        hit("bus_error.read_l" + std::to_string(r.level));
    if (res == kWritebackBusError)
        hit("bus_error.writeback_l" + std::to_string(r.level));
}

void FunctionalCoverage::write(FILE *f) const
{
    std::fprintf(f, "# functional bins of one run (cosim/functional_coverage.h): bin NAME COUNT\n");
    for (const auto &b : bins_)
        std::fprintf(f, "bin %s %llu\n", b.first.c_str(), static_cast<unsigned long long>(b.second));
}

bool FunctionalCoverage::write_if_asked(const std::string &build) const
{
    const char *dir = std::getenv("PAGEWALK_COVERAGE_DIR");
    if (!dir || !*dir)
        return true;
    static std::atomic<unsigned> files{0};
    std::string path = std::string(dir) + "/" + build + "-" + std::to_string(getpid()) + "-" +
                       std::to_string(files++) + ".bins";
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return false;
    write(f);
    return std::fclose(f) == 0;
}

}  // namespace cosim
