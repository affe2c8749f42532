/* The trace writer: the events of a cycle, in the documented order. */
#include "trace.h"

#include <inttypes.h>

void pw_trace_begin(pw_trace_writer *t, FILE *out, const char *engine, const char *build,
                    const char *stimulus)
{
    t->out = out;
    t->started = false;
    fprintf(out, "pagewalk-trace 1\n# engine %s, build %s, stimulus %s\n", engine, build, stimulus);
}

void pw_trace_cycle(pw_trace_writer *t, uint64_t c, const pw_mmu_inputs *in, const pw_mmu_outputs *o)
{
    FILE *f = t->out;
    if (!in->rst_n)
        fprintf(f, "%" PRIu64 " reset\n", c);
    if (!t->started || in->satp != t->satp || in->sum != t->sum || in->mxr != t->mxr)
        fprintf(f, "%" PRIu64 " ctx satp=%08" PRIx32 " sum=%d mxr=%d\n", c, in->satp, in->sum, in->mxr);
    t->started = true;
    t->satp = in->satp;
    t->sum = in->sum;
    t->mxr = in->mxr;
    if (in->sfence_valid)
        fprintf(f, "%" PRIu64 " sfence va=%08" PRIx32 " asid=%03x all_va=%d all_asid=%d\n", c,
                in->sfence_vaddr, in->sfence_asid, in->sfence_all_va, in->sfence_all_asid);
    if (in->req_valid && o->req_ready && in->rst_n)
        fprintf(f, "%" PRIu64 " req va=%08" PRIx32 " acc=%s priv=%s\n", c, in->req_vaddr,
                pw_access_name(pw_mmu_port_access(in->req_access)),
                pw_priv_name(pw_mmu_port_priv(in->req_priv)));
    if (o->resp_valid) {
        if (o->resp_fault)
            fprintf(f, "%" PRIu64 " resp fault=%" PRIu32 "\n", c, o->resp_cause);
        else
            fprintf(f, "%" PRIu64 " resp pa=%09" PRIx64 "\n", c, o->resp_paddr);
    }
    if (o->mem_req_valid && in->mem_req_ready) {
        if (o->mem_req_we)
            fprintf(f, "%" PRIu64 " mem wr addr=%09" PRIx64 " data=%08" PRIx32 "\n", c, o->mem_req_addr,
                    o->mem_req_wdata);
        else
            fprintf(f, "%" PRIu64 " mem rd addr=%09" PRIx64 "\n", c, o->mem_req_addr);
    }
    if (in->mem_resp_valid) {
        if (in->mem_resp_err)
            fprintf(f, "%" PRIu64 " memresp err\n", c);
        else
            fprintf(f, "%" PRIu64 " memresp data=%08" PRIx32 "\n", c, in->mem_resp_rdata);
    }
    if (o->trace_fill) {
        if (o->trace_fill_evict)
            fprintf(f, "%" PRIu64 " evict idx=%" PRIu32 "\n", c, o->trace_fill_index);
        uint32_t p = o->trace_fill_perm;
        fprintf(f, "%" PRIu64 " fill idx=%" PRIu32 " vpn=%05" PRIx32 " asid=%03" PRIx32
                " mega=%d g=%d ppn=%06" PRIx32 " perm=%c%c%c%c%c\n",
                c, o->trace_fill_index, o->trace_fill_vpn, o->trace_fill_asid, o->trace_fill_mega,
                o->trace_fill_global, o->trace_fill_ppn, (p & 1) ? 'R' : '-', (p & 2) ? 'W' : '-',
                (p & 4) ? 'X' : '-', (p & 8) ? 'U' : '-', (p & 16) ? 'D' : '-');
    }
}
