/* The board self-test generator (syn/selftest/): what its parts share.
 *
 *   selftest_tables.c   the walker memory the board builds, and its tables
 *   selftest_formats.c  the templates of the UART lines the board prints
 *   selftest_gen.c      the request list, its expected results, the outputs
 *
 * The memory and the request layout are documented in docs/fpga.md. */
#ifndef PAGEWALK_SELFTEST_GEN_H
#define PAGEWALK_SELFTEST_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "sv32.h"

/* ------------------------------------------------------------ memory layout */
/* Four 4 KiB tables at PW_MEM_RAM; each keeps 256 PTEs, so PTE index bits 9:8
 * are ignored (an entry answers at four indexes). Anything else is a bus error. */
enum {
    TABLE_BITS = 2,
    INDEX_BITS = 8,
    TABLES = 1 << TABLE_BITS,
    TABLE_WORDS = 1 << INDEX_BITS,
    RAM_WORDS = TABLES * TABLE_WORDS,
    REQ_DEPTH = 256,            /* ROM entries, the end marker included */
    DEFAULT_REQUESTS = 240,     /* translations and sfences */
    MAX_TOUCHED = 4 * REQ_DEPTH,
    STIM_STEP_CYCLES = 64,      /* .stim: cycles from one step to the next */
};

/* The tables: two roots (one per ASID), a level-0 table the roots use
 * privately, and one only shared root slots point to (it may hold G leaves). */
enum { ROOT_ASID1, ROOT_ASID2, L0_PRIVATE, L0_SHARED };
enum { ASID1 = 1, ASID2 = 2 };

/* ------------------------------------------------------------ random numbers */
/* xorshift: the seed names the self-test on every machine. */
typedef struct {
    uint64_t state;
} st_rng;

void st_rng_seed(st_rng *r, uint64_t seed);
uint32_t st_rand(st_rng *r);
/* True with probability percent/100. */
int st_chance(st_rng *r, unsigned percent);

/* ------------------------------------------------------------ the walker memory */
/* The RAM exactly as rtl/board/pw_board_mem.v builds it, aliases and bus
 * errors included, so the model and the board see one memory. */
typedef struct {
    uint32_t ram[RAM_WORDS];
} st_board;

/* Fill the tables with random PTEs. */
void st_build_tables(st_board *b, st_rng *r);
/* The memory as the architectural model's walker port. */
pw_mem st_board_port(st_board *b);
/* satp for a root table and an ASID (Sv32 mode). */
uint32_t st_satp_for(unsigned root, uint32_t asid);

/* ------------------------------------------------------------ UART line templates */
enum { FMT_DEPTH = 1024, NIBBLES = 114 };

/* Translate every template into the template ROM; exits on a bad template. */
void st_build_formats(void);
/* The template ROM as $readmemh words. */
void st_write_format_rom(FILE *out);
/* The defines the board's printer and feed need: line starts, nibble fields. */
void st_write_format_defines(FILE *out);

#endif
