// The output comparison: a fast test of every port each cycle, then a
// port-by-port table when something differs.
#include "output_check.h"
#include "text.h"

#include <cinttypes>

namespace cosim {
namespace {

// Every output, named, for comparison and reports.
struct Field {
    const char *name;
    uint64_t (*get)(const pw_mmu_outputs &);
    void (*set)(pw_mmu_outputs &, uint64_t);
};
const Field kFields[] = {
#define PW_OUTPUT_FIELD(name, port, width, ctype, group)                       \
    {#name, [](const pw_mmu_outputs &o) -> uint64_t { return o.name; }, \
     [](pw_mmu_outputs &o, uint64_t v) { o.name = ctype(v); }},
    PW_MMU_OUTPUTS(PW_OUTPUT_FIELD)
#undef PW_OUTPUT_FIELD
};

// Every output equal? One comparison per port, unrolled: this runs every cycle.
bool same(const pw_mmu_outputs &a, const pw_mmu_outputs &b)
{
#define PW_SAME_OUTPUT(name, port, width, ctype, group) &&a.name == b.name
    return true PW_MMU_OUTPUTS(PW_SAME_OUTPUT);
#undef PW_SAME_OUTPUT
}

}  // namespace

bool OutputCheck::step(uint64_t cycle, const pw_mmu_outputs &rtl, const pw_mmu_outputs &model)
{
    if (same(rtl, model))
        return true;
    for (const Field &f : kFields) {
        if (f.get(rtl) != f.get(model)) {
            cycle_ = cycle;
            rtl_ = rtl;
            model_ = model;
            first_ = f.name;
            return false;
        }
    }
    return true;
}

bool OutputCheck::fast_path_covers_every_output()
{
    for (const Field &f : kFields) {
        pw_mmu_outputs a{}, b{};
        f.set(b, 1);
        if (f.get(b) != 1 || same(a, b))
            return false;
    }
    return true;
}

std::string OutputCheck::explain() const
{
    std::string s = format("  %-16s %-14s %-14s\n", "output", "RTL", "cycle model");
    for (const Field &f : kFields) {
        uint64_t a = f.get(rtl_), b = f.get(model_);
        s += format("  %-16s 0x%-12" PRIx64 " 0x%-12" PRIx64 "%s\n", f.name, a, b, a != b ? " <-- differs" : "");
    }
    return s;
}

}  // namespace cosim
