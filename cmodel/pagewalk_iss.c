/* pagewalk-iss: run an RV32 ELF on the instruction-set simulator of the
 * pagewalk core and SoC. Console (the UART) on stdout; exit status from the
 * test finisher or tohost. docs/iss.md describes every option. */
#include "iss.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef PAGEWALK_VERSION
#define PAGEWALK_VERSION "dev"
#endif

static void usage(FILE *out)
{
    fprintf(out,
            "usage: pagewalk-iss [options] ELF\n"
            "Run an RV32 executable on the pagewalk ISS (RAM at 0x%08x, UART, CLINT, test finisher).\n"
            "The UART's output goes to stdout. Exit status: 0 when the program passes (test finisher\n"
            "0x5555 or tohost = 1), its failure code when it fails, %d when it hits --max-insns,\n"
            "%d for bad input.\n"
            "\n"
            "options:\n"
            "  --svadu            hardware sets PTE A/D bits (default: Svade, a page fault)\n"
            "  --ram SIZE         RAM size: bytes, or with K or M (default 1M; a multiple of 4K)\n"
            "  --isa rv32i|rv32im without or with the M extension (default rv32im)\n"
            "  --max-insns N      stop after N instructions (default: no limit)\n"
            "  --log-commits FILE one line per retired instruction, Spike's --log-commits format\n"
            "                     (FILE '-' is stderr)\n"
            "  --stats            at the end, print the instructions executed and their rate (stderr)\n"
            "  --no-memo          walk the page tables for every access (slower, same results:\n"
            "                     a check of the translation memo)\n"
            "  --version          print the version\n"
            "  --help             this text\n",
            PW_MEM_RAM, PW_ISS_EXIT_LIMIT, PW_ISS_EXIT_USAGE);
}

static int bad(const char *fmt, const char *arg)
{
    fprintf(stderr, "pagewalk-iss: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(pagewalk-iss --help lists the options)\n");
    return PW_ISS_EXIT_USAGE;
}

/* "1048576", "0x100000", "1024K", "4M". */
static bool parse_size(const char *s, uint32_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (end == s || errno || s[0] == '-')
        return false;
    if (*end == 'K' || *end == 'k') {
        v <<= 10;
        end++;
    } else if (*end == 'M' || *end == 'm') {
        v <<= 20;
        end++;
    }
    if (*end != '\0' || v == 0 || v > 0x80000000ull || v % 4096 != 0)
        return false;
    *out = (uint32_t)v;
    return true;
}

static void console(void *ctx, uint8_t byte)
{
    FILE *out = ctx;
    fputc(byte, out);
    if (byte == '\n')
        fflush(out);
}

int main(int argc, char **argv)
{
    pw_iss_config cfg;
    pw_iss_config_default(&cfg);
    cfg.console = console;
    cfg.console_ctx = stdout;
    uint64_t max_insns = 0;
    bool stats = false;
    const char *elf = NULL, *log_path = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("pagewalk-iss %s\n", PAGEWALK_VERSION);
            return 0;
        } else if (!strcmp(a, "--svadu")) {
            cfg.svadu = true;
        } else if (!strcmp(a, "--stats")) {
            stats = true;
        } else if (!strcmp(a, "--no-memo")) {
            cfg.no_memo = true;
        } else if (!strcmp(a, "--ram") || !strcmp(a, "--isa") || !strcmp(a, "--max-insns")
                   || !strcmp(a, "--log-commits")) {
            if (!value)
                return bad("%s needs a value", a);
            i++;
            if (!strcmp(a, "--ram")) {
                if (!parse_size(value, &cfg.ram_bytes))
                    return bad("--ram '%s': give a size such as 128K, 4M or 1048576, a multiple of 4K, "
                               "at most 2048M", value);
            } else if (!strcmp(a, "--isa")) {
                if (!strcmp(value, "rv32i"))
                    cfg.has_m = false;
                else if (!strcmp(value, "rv32im"))
                    cfg.has_m = true;
                else
                    return bad("--isa '%s': expected rv32i or rv32im", value);
            } else if (!strcmp(a, "--max-insns")) {
                char *end;
                errno = 0;
                max_insns = strtoull(value, &end, 0);
                if (end == value || *end || errno || value[0] == '-' || max_insns == 0)
                    return bad("--max-insns '%s': expected a positive number", value);
            } else {
                log_path = value;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            return bad("unknown option '%s'", a);
        } else if (elf) {
            return bad("one ELF only (got a second: '%s')", a);
        } else {
            elf = a;
        }
    }
    if (!elf)
        return bad("%sno ELF given", "");

    pw_iss *iss = pw_iss_new(&cfg);
    if (!iss) {
        fprintf(stderr, "pagewalk-iss: out of memory for %" PRIu32 " bytes of RAM\n", cfg.ram_bytes);
        return PW_ISS_EXIT_USAGE;
    }
    char err[512];
    if (!pw_iss_load_elf(iss, elf, err, sizeof err)) {
        fprintf(stderr, "pagewalk-iss: %s\n", err);
        pw_iss_free(iss);
        return PW_ISS_EXIT_USAGE;
    }
    FILE *log = NULL;
    if (log_path) {
        log = strcmp(log_path, "-") ? fopen(log_path, "w") : stderr;
        if (!log) {
            fprintf(stderr, "pagewalk-iss: cannot write the commit log '%s': %s\n", log_path, strerror(errno));
            pw_iss_free(iss);
            return PW_ISS_EXIT_USAGE;
        }
    }

    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    pw_iss_run(iss, max_insns, log);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    fflush(stdout);
    if (log && log != stderr)
        fclose(log);

    const pw_iss_status *st = pw_iss_status_of(iss);
    if (stats) {
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
        fprintf(stderr, "pagewalk-iss: %" PRIu64 " instructions in %.3f s of CPU time: %.1f million per second\n",
                st->insns, secs, secs > 0 ? (double)st->insns / secs / 1e6 : 0.0);
    }
    int status;
    switch (st->state) {
    case PW_ISS_PASSED:
        status = 0;
        break;
    case PW_ISS_FAILED:
        /* An exit status is 8 bits: a code that would read as 0 exits 1. */
        status = (st->code & 0xff) ? (int)(st->code & 0xff) : 1;
        fprintf(stderr, "pagewalk-iss: %s after %" PRIu64 " instructions\n", st->why, st->insns);
        break;
    default:
        status = PW_ISS_EXIT_LIMIT;
        fprintf(stderr, "pagewalk-iss: %s\n", st->why);
        break;
    }
    pw_iss_free(iss);
    return status;
}
