/* Values on the command lines of pagewalk-iss and pagewalk-soc, parsed once
 * for both (docs/iss.md, docs/soc.md):
 *
 *   uint32_t ram;
 *   char why[128];
 *   if (!pw_cli_parse_size("4M", PW_CLI_MAX_RAM, &ram, why, sizeof why))
 *       fprintf(stderr, "--ram '%s': %s\n", text, why);
 *       // e.g. "--ram '3K': not a multiple of 4K (one page)"
 */
#ifndef PAGEWALK_CLI_H
#define PAGEWALK_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest RAM the SoC's map has room for: from MEM_RAM (2 GiB) to 4 GiB. */
#define PW_CLI_MAX_RAM 0x80000000ull

/* A size in bytes: a whole number, decimal or 0x hex, optionally followed by
 * K or M (KiB, MiB): "1048576", "0x100000", "1024K", "4M". It must be a
 * positive multiple of 4 KiB (a page), at most max_bytes. On anything else
 * false, *bytes unchanged, and the reason in err without the value, e.g.
 * "not a multiple of 4K (one page)", "more than the most, 16M". */
bool pw_cli_parse_size(const char *text, uint64_t max_bytes, uint32_t *bytes, char *err, size_t errlen);

/* A positive whole number, decimal or 0x hex, below 2^64 (--max-insns,
 * --max-cycles). False with the reason in err otherwise. */
bool pw_cli_parse_count(const char *text, uint64_t *value, char *err, size_t errlen);

/* A usage error: "COMMAND: MESSAGE" and "(COMMAND --help lists the options)"
 * on stderr; returns the usage exit status, PW_ISS_EXIT_USAGE. */
int pw_cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
