// The per-cycle driver over the random world.
#include "stimulus.h"

namespace cosim {
namespace {

// Each seed draws its own rates, so seeds differ in character as well as detail.
StimulusRates draw_rates(Rng &rng)
{
    StimulusRates r;
    r.request_percent = 30 + rng.below(71);
    r.reuse_percent = 40 + rng.below(50);
    r.sfence_per_mille = 2 + rng.below(20);
    r.change_per_mille = 2 + rng.below(30);
    r.switch_per_mille = 5 + rng.below(30);
    r.reset_per_million = rng.percent(30) ? 20 : 0;
    bool walk_resets = rng.percent(50);
    r.walk_reset_per_million = walk_resets ? 100 : 0;
    r.write_reset_per_mille = walk_resets ? 20 : 0;
    r.write_sfence_per_mille = 10 + rng.below(40);
    r.answer_sfence_per_mille = 2 + rng.below(8);
    r.owner_priv_percent = 50 + rng.below(41);
    r.user_u_percent = 50 + rng.below(41);
    r.a_percent = 50 + rng.below(41);
    r.d_percent = 40 + rng.below(41);
    return r;
}

WorldStyle style_for(const StimulusRates &rates)
{
    WorldStyle s = WorldStyle::per_cycle();
    s.reuse_percent = rates.reuse_percent;
    s.owner_priv_percent = rates.owner_priv_percent;
    s.user_u_percent = rates.user_u_percent;
    s.a_percent = rates.a_percent;
    s.d_percent = rates.d_percent;
    return s;
}

}  // namespace

uint32_t Stimulus::Memory::peek(uint64_t addr) const
{
    uint32_t value = 0;
    pw_smem_get(mem_, addr, &value);
    return value;
}

void Stimulus::Memory::poke(uint64_t addr, uint32_t value) { pw_smem_set(mem_, addr, value); }

void Stimulus::Memory::add_error(uint64_t base, uint64_t bytes, bool writes_only)
{
    for (uint64_t a = base; a < base + bytes; a += 4) {
        if (writes_only)
            agent_->add_write_error(a);
        else
            pw_smem_set_error(mem_, a);
    }
}

Stimulus::Stimulus(uint64_t seed, pw_sparse_mem *mem, MemoryAgent *agent)
    : rng_(seed), rates_(draw_rates(rng_)), agent_(agent), memory_(mem, agent),
      world_(memory_, rng_, style_for(rates_))
{
    world_.build();
}

namespace {

void drive_sfence(const Sfence &f, pw_mmu_inputs *in)
{
    in->sfence_valid = true;
    in->sfence_vaddr = f.va;
    in->sfence_asid = f.asid;
    in->sfence_all_va = f.all_va;
    in->sfence_all_asid = f.all_asid;
}

}  // namespace

void Stimulus::drive(uint64_t cycle, bool idle, const pw_mmu_outputs &out, pw_mmu_inputs *in)
{
    changed_ = switched_ = resetting_ = new_request_ = false;
    in->rst_n = true;
    in->sfence_valid = false;
    in->sfence_all_va = in->sfence_all_asid = false;
    in->sfence_vaddr = rng_.u32();
    in->sfence_asid = rng_.below(1u << PW_SATP_ASID_WIDTH);

    // The walker's phase, from its port and the memory's state: steered
    // resets and flushes aim at each state (READ, WAIT_READ, WRITE, WAIT_WRITE).
    bool writing = (out.mem_req_valid && out.mem_req_we) || agent_->busy_writing();
    bool reading = (out.mem_req_valid && !out.mem_req_we) || (agent_->busy() && !agent_->busy_writing());
    bool walk_reset = (writing && rng_.per_mille(rates_.write_reset_per_mille)) ||
                      (reading && rates_.walk_reset_per_million &&
                       rng_.below(1000000) < rates_.walk_reset_per_million);
    bool steered_sfence = (writing && rng_.per_mille(rates_.write_sfence_per_mille)) ||
                          (agent_->answers_in(cycle) && rng_.per_mille(rates_.answer_sfence_per_mille));

    if (walk_reset || (rates_.reset_per_million && rng_.below(1000000) < rates_.reset_per_million)) {
        in->rst_n = false;
        resetting_ = true;
        resets++;
    } else if (idle && !holding_ && rng_.per_mille(rates_.change_per_mille)) {
        // No request this cycle: it would see the TLB before the flush.
        drive_sfence(world_.change_tables_one_sfence(), in);
        changed_ = true;
        changes++;
        sfences++;
    } else if (idle && !holding_ && rng_.per_mille(rates_.switch_per_mille)) {
        world_.switch_context();
        switched_ = true;
        switches++;
    } else if (steered_sfence || rng_.per_mille(rates_.sfence_per_mille)) {
        // A pure flush of a random form, possibly in the middle of a walk;
        // when it names no space's ASID, it keeps this cycle's noise.
        drive_sfence(world_.random_sfence(in->sfence_asid), in);
        sfences++;
    }

    in->satp = world_.satp();
    in->sum = world_.sum();
    in->mxr = world_.mxr();

    if (!holding_ && !changed_ && !switched_ && rng_.percent(rates_.request_percent)) {
        unsigned roll = rng_.below(100);
        bool kernel;
        holding_ = true;
        new_request_ = true;
        req_va_ = world_.pick_va(&kernel);
        req_access_ = PageTableWorld::access_for(roll);
        req_priv_ = world_.pick_priv(kernel);
    }
    in->req_valid = holding_ && in->rst_n;
    // When no request is presented, the payload is noise the MMU must ignore.
    in->req_vaddr = holding_ ? req_va_ : rng_.u32();
    in->req_access = holding_ ? req_access_ : rng_.below(4);
    in->req_priv = holding_ ? req_priv_ : rng_.below(4);
}

}  // namespace cosim
