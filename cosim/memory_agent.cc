// The walker's memory port, driven from the MMU's outputs each cycle.
#include "memory_agent.h"

#include <cinttypes>
#include <cstdio>

namespace cosim {

MemoryAgent::MemoryAgent(pw_sparse_mem *mem, uint64_t seed, MemoryTiming timing)
    : mem_(mem), rng_(seed), timing_(timing)
{
}

bool MemoryAgent::drive(uint64_t cycle, const pw_mmu_outputs &out, pw_mmu_inputs *in)
{
    handshake_ = false;
    // Idle inputs carry noise: the MMU must look only at what is valid.
    uint64_t noise = rng_.next();
    in->mem_resp_valid = false;
    in->mem_resp_rdata = uint32_t(noise);
    in->mem_resp_err = (noise >> 32) & 1;
    in->mem_req_ready = rng_.percent(timing_.ready_percent);

    bool outstanding = pending_;
    if (pending_ && cycle == due_) {
        in->mem_resp_valid = true;
        in->mem_resp_rdata = rdata_;
        in->mem_resp_err = err_;
        pending_ = false;
    }
    if (!out.mem_req_valid)
        return true;
    if (outstanding) {  // only one access may be outstanding
        char buf[160];
        std::snprintf(buf, sizeof buf, "memory port: request at 0x%" PRIx64
                      " while the previous one is unanswered", out.mem_req_addr);
        why_ = buf;
        return false;
    }
    if (!in->mem_req_ready) {
        waited_++;
        return true;
    }
    handshake_ = true;
    if (out.mem_req_we) {
        writes++;
        uint32_t ignored;
        err_ = is_write_error(out.mem_req_addr) || !pw_smem_get(mem_, out.mem_req_addr, &ignored);
        if (!err_)
            pw_smem_set(mem_, out.mem_req_addr, out.mem_req_wdata);
        rdata_ = 0;
    } else {
        reads++;
        err_ = !pw_smem_get(mem_, out.mem_req_addr, &rdata_);
    }
    errors += err_;
    unsigned latency = 1 + rng_.below(timing_.max_latency);
    if (rng_.per_mille(timing_.slow_per_mille))
        latency = 1 + rng_.below(timing_.slow_latency);
    pending_ = true;
    pending_we_ = out.mem_req_we;
    due_ = cycle + latency;
    if (plan_log)
        plan_log->push_back({waited_, latency});
    waited_ = 0;
    return true;
}

}  // namespace cosim
