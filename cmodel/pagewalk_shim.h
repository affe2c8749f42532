/* The C shim: the golden model's C API, made callable from C++ (GoogleTest,
 * Verilator and SystemC harnesses). Part of the library's public face: C++
 * code includes this header, never the C headers one by one. The model stays
 * plain C11; this header is the only place that knows about C++ linkage. */
#ifndef PAGEWALK_SHIM_H
#define PAGEWALK_SHIM_H

#ifdef __cplusplus
extern "C" {
#endif

#include "memory.h"
#include "mmu_cycle.h"
#include "stim.h"
#include "trace.h"
#include "sv32.h"
#include "vec.h"

#ifdef __cplusplus
}

#include <cstdlib>
#include <string>

/* pw_explain's narration of a walk as a std::string, for reports. */
inline std::string pw_explain_text(const char *indent, const pw_context &ctx, uint32_t va, pw_access access,
                                   const pw_result &result)
{
    char *text = pw_explain_string(indent, &ctx, va, access, &result);
    if (!text)
        return std::string(indent) + "(no memory to narrate the walk)\n";
    std::string s(text);
    std::free(text);
    return s;
}
#endif

#endif
