// Requests in the random world, in the TLM face's terms.
#include "transaction_world.h"

namespace pwsc {

TransactionWorld::TransactionWorld(BackdoorMemory &memory, uint64_t seed)
    : memory_(memory), rng_(seed), world_(memory_, rng_, cosim::WorldStyle::transaction())
{
}

Request TransactionWorld::next_request()
{
    Request r;
    bool kernel;
    r.va = world_.pick_va(&kernel);
    r.access = Access(cosim::PageTableWorld::access_for(rng_.below(100)));
    r.priv = Priv(world_.pick_priv(kernel));
    r.context = {world_.satp(), world_.sum(), world_.mxr()};
    return r;
}

void TransactionWorld::remember(const Request &request, const Outcome &outcome)
{
    if (!outcome.fault && (request.context.satp & PW_SATP_MODE) && request.priv != Priv::Machine)
        world_.remember(request.va);
}

}  // namespace pwsc
