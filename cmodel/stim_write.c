/* Writing .stim files: every line of the format, in its one notation. */
#include "stim.h"

#include <inttypes.h>
#include <string.h>

void pw_stim_print_header(FILE *out, const char *comment, pw_ad_policy ad, uint64_t cycles)
{
    fputs("pagewalk-stimulus 1\n", out);
    for (const char *line = comment; line && *line;) {
        size_t n = strcspn(line, "\n");
        fprintf(out, "# %.*s\n", (int)n, line);
        line += n + (line[n] == '\n');
    }
    fprintf(out, "ad %s\ncycles %" PRIu64 "\n", pw_ad_name(ad), cycles);
}

void pw_stim_print_word(FILE *out, uint64_t addr, uint32_t value)
{
    fprintf(out, "m %09" PRIx64 " %08" PRIx32 "\n", addr, value);
}

void pw_stim_print_error(FILE *out, uint64_t addr) { fprintf(out, "e %09" PRIx64 "\n", addr); }

void pw_stim_print_write_error(FILE *out, uint64_t addr) { fprintf(out, "w %09" PRIx64 "\n", addr); }

void pw_stim_print_plan(FILE *out, unsigned ready, unsigned latency)
{
    fprintf(out, "plan %u %u\n", ready, latency);
}

void pw_stim_print_reset(FILE *out, uint64_t cycle) { fprintf(out, "@%" PRIu64 " reset\n", cycle); }

void pw_stim_print_ctx(FILE *out, uint64_t cycle, uint32_t satp, bool sum, bool mxr)
{
    fprintf(out, "@%" PRIu64 " ctx %08" PRIx32 " %d %d\n", cycle, satp, sum, mxr);
}

void pw_stim_print_sfence(FILE *out, uint64_t cycle, uint32_t va, uint32_t asid, bool all_va, bool all_asid)
{
    fprintf(out, "@%" PRIu64 " sfence %08" PRIx32 " %03" PRIx32 " %d %d\n", cycle, va, asid, all_va, all_asid);
}

void pw_stim_print_req(FILE *out, uint64_t cycle, uint32_t va, unsigned access, unsigned priv)
{
    fprintf(out, "@%" PRIu64 " req %08" PRIx32 " %s %s\n", cycle, va,
            pw_access_name(pw_mmu_port_access(access)), pw_priv_name(pw_mmu_port_priv(priv)));
}
