/* The translation vector format (.vec): writing lines, parsing one line, and
 * replaying a file against the architectural model. Format: docs/vec-format.md. */
#ifndef PAGEWALK_VEC_H
#define PAGEWALK_VEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "memory.h"
#include "sv32.h"

typedef enum {
    PW_VEC_BLANK,     /* empty or comment */
    PW_VEC_AD,        /* ad svade | ad svadu */
    PW_VEC_RESET,     /* reset */
    PW_VEC_MEM,       /* m ADDR VALUE */
    PW_VEC_BUS_ERROR, /* e ADDR */
    PW_VEC_TRANSLATE, /* t SATP PRIV ACC SUM MXR VA RESULT */
    PW_VEC_CHECK,     /* c ADDR VALUE */
} pw_vec_kind;

/* One parsed line. Fields not used by a kind are zero. */
typedef struct {
    pw_vec_kind kind;
    pw_ad_policy ad;      /* ad */
    uint64_t addr;        /* m, e, c */
    uint32_t value;       /* m, c */
    pw_context ctx;       /* t: satp, priv, sum, mxr (ad comes from the file) */
    pw_access access;     /* t */
    uint32_t va;          /* t */
    bool expect_fault;    /* t */
    uint32_t expect_cause;
    uint64_t expect_pa;
} pw_vec_line;

/* Parse one line (its newline already removed). On error returns false and
 * writes a one-line message, without file or line, into err. */
bool pw_vec_parse_line(const char *text, pw_vec_line *line, char *err, size_t errlen);

/* Write a parsed t line back in canonical .vec notation (without RESULT). */
void pw_vec_format_request(const pw_vec_line *line, char *buf, size_t len);

/* Writing .vec lines (cmodel/vec_write.c), each in its one notation. */
void pw_vec_print_ad(FILE *out, pw_ad_policy ad);
void pw_vec_print_reset(FILE *out);
void pw_vec_print_word(FILE *out, uint64_t addr, uint32_t value);   /* m */
void pw_vec_print_error(FILE *out, uint64_t addr);                  /* e */
void pw_vec_print_check(FILE *out, uint64_t addr, uint32_t value);  /* c */
/* A t line: the translation and its expected result (fault, cause, pa of
 * result; the A/D policy of ctx is the file's, set by an ad line). */
void pw_vec_print_translate(FILE *out, const pw_context *ctx, pw_access access, uint32_t va,
                            const pw_result *result);

/* How a replay reports. */
typedef struct {
    FILE *out;            /* failures and errors go here */
    unsigned max_reports; /* failures narrated in full before only counting; 0 = all */
    bool verbose;         /* also print a line for every passing check */
} pw_vec_options;

/* What a replay found, added up over files. */
typedef struct {
    unsigned long passed;
    unsigned long failed;
    unsigned long reported; /* failures narrated so far */
    unsigned long errors;   /* files that could not be read or parsed */
} pw_vec_totals;

/* Check every t and c line of the file at path; adds to totals. A file with
 * no t or c line is an error (a truncated file must not pass). Returns 0
 * when all passed, 1 on a failed check, 2 when the file is unreadable or
 * malformed (the replay stops at the first malformed line). */
int pw_vec_check_file(const char *path, const pw_vec_options *opt, pw_vec_totals *totals);

/* Replay path up to but not including line stop (0: the whole file),
 * leaving memory and the A/D policy as the file left them. When stop is a t
 * line, *stop_line receives it. Returns 0, or 2 after printing an error. */
int pw_vec_replay(const char *path, unsigned stop, FILE *err, pw_sparse_mem *mem,
                  pw_ad_policy *ad, pw_vec_line *stop_line);

#endif
