/* The architectural Sv32 model: one access translated against a memory.
 *
 * Plain C11, no global state: every call gets its context, its memory and its
 * result, so any number of models can run side by side. The walk follows the
 * RISC-V privileged specification 1.12, section 4.3.2, check by check; see
 * docs/translation.md for each rule and its section.
 */
#ifndef PAGEWALK_SV32_H
#define PAGEWALK_SV32_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "pagewalk_defs.h"

/* Access types, encoded as the PTE permission bit each one needs, so the
 * permission check is a single mask. */
typedef enum {
    PW_ACCESS_LOAD = PW_PTE_R,
    PW_ACCESS_STORE = PW_PTE_W,
    PW_ACCESS_FETCH = PW_PTE_X,
} pw_access;

/* Effective privilege (mstatus.MPRV already resolved by the caller). */
typedef enum {
    PW_PRIV_U = PW_PRIV_U_VALUE,
    PW_PRIV_S = PW_PRIV_S_VALUE,
    PW_PRIV_M = PW_PRIV_M_VALUE,
} pw_priv;

/* What the hardware does with a PTE whose A (or, for a store, D) bit is clear. */
typedef enum {
    PW_AD_SVADE, /* raise a page fault; software sets the bits */
    PW_AD_SVADU, /* write the PTE back with the bits set, then complete */
} pw_ad_policy;

/* Physical memory as the walker sees it: 32-bit words at word-aligned
 * addresses of up to 34 bits. Each callback returns false on a bus error. */
typedef struct {
    void *ctx;
    bool (*read)(void *ctx, uint64_t pa, uint32_t *value);
    bool (*write)(void *ctx, uint64_t pa, uint32_t value);
} pw_mem;

/* Everything besides the address that decides a translation. */
typedef struct {
    uint32_t satp;
    pw_priv priv;
    bool sum;
    bool mxr;
    pw_ad_policy ad;
} pw_context;

/* Why a translation ended: one value per check of the walk. */
typedef enum {
    PW_END_OK,               /* translated through the page tables */
    PW_END_BARE,             /* satp.MODE = 0: PA = VA */
    PW_END_MACHINE,          /* effective privilege M: PA = VA */
    PW_END_PTE_BUS_ERROR,    /* reading a PTE was a bus error */
    PW_END_INVALID,          /* V = 0 */
    PW_END_W_WITHOUT_R,      /* W = 1 with R = 0 is reserved */
    PW_END_POINTER_RESERVED, /* pointer PTE with D, A or U set */
    PW_END_POINTER_AT_LEAF_LEVEL, /* pointer PTE at level 0 */
    PW_END_USER_PAGE_FROM_S, /* S-mode access to U=1 page (no SUM, or a fetch) */
    PW_END_SUPERVISOR_PAGE_FROM_U, /* U-mode access to a U=0 page */
    PW_END_NO_PERMISSION,    /* R/W/X (with MXR) does not allow the access */
    PW_END_MISALIGNED_MEGAPAGE, /* megapage with PPN[0] != 0 */
    PW_END_A_CLEAR,          /* Svade: A = 0 */
    PW_END_D_CLEAR,          /* Svade: store with D = 0 */
    PW_END_WRITEBACK_BUS_ERROR, /* Svadu: writing A/D back was a bus error */
} pw_end;

/* One memory access the walk made. */
typedef struct {
    bool write;       /* false: PTE read, true: A/D write-back */
    int level;        /* 1 (root) or 0 */
    uint64_t addr;    /* physical address of the PTE */
    uint32_t value;   /* value read, or value written */
    bool bus_error;
} pw_step;

#define PW_MAX_STEPS 3 /* two reads and one write-back */

/* The outcome of one translation, with the walk that produced it. */
typedef struct {
    bool fault;
    uint32_t cause;   /* exception code when fault */
    uint64_t pa;      /* physical address (34 bits) when !fault */
    pw_end end;
    int level;        /* level where the walk ended; -1 when there was no walk */
    uint32_t pte;     /* the last PTE seen, as left in memory */
    unsigned nsteps;
    pw_step steps[PW_MAX_STEPS];
} pw_result;

/* Translate one access of virtual address va. */
void pw_translate(const pw_context *ctx, const pw_mem *mem, uint32_t va,
                  pw_access access, pw_result *result);

/* Exception code for a page fault / access fault of this access type. */
uint32_t pw_page_fault_cause(pw_access access);
uint32_t pw_access_fault_cause(pw_access access);

/* Short names used by the .vec, .stim and trace formats and reports ("U", "r", ...). */
const char *pw_priv_name(pw_priv priv);
const char *pw_access_name(pw_access access);
/* The short names back: false when name is none of them. */
bool pw_priv_parse(const char *name, pw_priv *priv);
bool pw_access_parse(const char *name, pw_access *access);
/* "load", "store", "fetch". */
const char *pw_access_word(pw_access access);
const char *pw_ad_name(pw_ad_policy ad);
const char *pw_cause_name(uint32_t cause);
/* One sentence on why a translation ended, e.g. "V=0: the PTE is invalid". */
const char *pw_end_text(pw_end end);

/* Narrate a translation step by step, one line per step, each line starting
 * with indent. See docs/translation.md for a worked example. */
void pw_explain(FILE *out, const char *indent, const pw_context *ctx, uint32_t va,
                pw_access access, const pw_result *result);
/* The same narration in a string the caller frees; NULL when out of memory.
 * (C++: pw_explain_text in pagewalk_shim.h.) */
char *pw_explain_string(const char *indent, const pw_context *ctx, uint32_t va, pw_access access,
                        const pw_result *result);

/* Format "pa=HEX" or "fault=CAUSE", the .vec RESULT notation, into buf. */
void pw_result_text(const pw_result *result, char *buf, size_t len);

#endif
