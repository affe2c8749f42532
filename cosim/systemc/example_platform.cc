// The example platform: construction and binding; the timing each seed picks.
#include "example_platform.h"

namespace pwsc {
namespace {

sc_core::sc_time clock_period()
{
    return sc_core::sc_time(ExamplePlatform::kClockNs, sc_core::SC_NS);
}

// Memory latency from the seed: usually a few cycles, sometimes up to twelve,
// now and then much slower; never a whole number of cycles on purpose.
MemoryTiming memory_timing(uint64_t seed)
{
    cosim::Rng rng(seed ^ 0x6d656d6f7279ull);  // "memory": a stream of its own
    MemoryTiming t;
    t.min_latency = sc_core::sc_time(1, sc_core::SC_NS);
    t.max_latency = clock_period() * (1 + rng.below(rng.percent(30) ? 12 : 3));
    t.slow_per_mille = rng.below(20);
    t.slow_latency = clock_period() * (20 + rng.below(60)) + sc_core::sc_time(3, sc_core::SC_NS);
    t.seed = rng.next();
    return t;
}

TlmMmuConfig mmu_config(uint64_t seed)
{
    cosim::Rng rng(seed ^ 0x627269646765ull);  // "bridge"
    TlmMmuConfig c;
    c.clock_period = clock_period();
    c.memory_ready_percent = 30 + rng.below(71);
    c.seed = rng.next();
    return c;
}

}  // namespace

ExamplePlatform::ExamplePlatform(sc_core::sc_module_name name, const VerilatedMmuBuild &build,
                                 const PlatformConfig &config)
    : sc_core::sc_module(name), clock("clock", clock_period()), reset_n("reset_n"),
      memory("memory", memory_timing(config.seed)), mmu("mmu", build, mmu_config(config.seed)),
      scoreboard("scoreboard", memory, build.ad, build.hit_latency, clock_period(), config.reproduce), world(memory, config.seed),
      generator("generator", world, scoreboard, GeneratorConfig{config.seed, config.translations, clock_period()})
{
    mmu.clk(clock);
    mmu.rst_n(reset_n);
    mmu.memory_socket.bind(memory.socket);
    scoreboard.clk(clock);
    scoreboard.rst_n(reset_n);
    scoreboard.watch(mmu.pins());
    generator.rst_n(reset_n);
    generator.socket.bind(mmu.translate_socket);
    world.build();
    SC_HAS_PROCESS(ExamplePlatform);
    SC_THREAD(drive_reset);
}

void ExamplePlatform::drive_reset()
{
    reset_n.write(false);
    for (int i = 0; i < 3; i++)
        wait(clock.posedge_event());
    reset_n.write(true);
}

}  // namespace pwsc
