/* The ISS's C API (cmodel/iss.h, cmodel/elf.h) made callable from C++: for
 * GoogleTest and the RTL lockstep harness. Kept apart from pagewalk_shim.h
 * because it needs the generated pagewalk_core.h. */
#ifndef PAGEWALK_ISS_SHIM_H
#define PAGEWALK_ISS_SHIM_H

#ifdef __cplusplus
extern "C" {
#endif

#include "elf.h"
#include "iss.h"

#ifdef __cplusplus
}
#endif

#endif
