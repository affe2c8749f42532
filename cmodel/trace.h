/* Writing traces (docs/trace-format.md) from an MMU's inputs and outputs,
 * one cycle at a time. Every engine feeds it its own signals. */
#ifndef PAGEWALK_TRACE_H
#define PAGEWALK_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mmu_cycle.h"

typedef struct {
    FILE *out;
    bool started;
    uint32_t satp;
    bool sum, mxr;
} pw_trace_writer;

/* Write the header; engine, build and stimulus name the run in a comment. */
void pw_trace_begin(pw_trace_writer *t, FILE *out, const char *engine, const char *build,
                    const char *stimulus);
/* Write the events of one cycle. */
void pw_trace_cycle(pw_trace_writer *t, uint64_t cycle, const pw_mmu_inputs *in,
                    const pw_mmu_outputs *out);

#endif
