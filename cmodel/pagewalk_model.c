/* pagewalk-model: check .vec files against the Sv32 golden model, and
 * narrate single translations. Usage: pagewalk-model help. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "mmu_cycle.h"
#include "stim.h"
#include "sv32.h"
#include "trace.h"
#include "vec.h"

#ifndef PAGEWALK_VERSION
#define PAGEWALK_VERSION "dev"
#endif

enum { EXIT_FAILED_CHECKS = 1, EXIT_USAGE = 2 };

static const char USAGE[] =
    "usage: pagewalk-model COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "commands:\n"
    "  check [OPTIONS] FILE.vec...\n"
    "      Check every t and c line of each file against the Sv32 model. Prints\n"
    "      each failure with file:line, expected and actual result and the walk,\n"
    "      then 'N passed, M failed'. Exit 0: all passed; 1: a check failed;\n"
    "      2: a file is missing or malformed.\n"
    "      -q, --quiet          print only the summary line\n"
    "      -v, --verbose        also print every passing check\n"
    "      --max-reports N      narrate at most N failures in full (default 20, 0 = all)\n"
    "  explain FILE.vec:LINE\n"
    "      Narrate the t line at LINE, with memory as the file left it just before.\n"
    "  explain [--ad svade|svadu] [--mem FILE.vec] SATP PRIV ACC SUM MXR VA\n"
    "      Narrate one translation (fields as in a t line) against the memory\n"
    "      FILE.vec leaves behind (default: empty memory). --ad overrides the\n"
    "      file's A/D policy (default svade).\n"
    "  replay [--entries N] [--hit-latency L] [--counter-bits B] [--sfence-flush-all]\n"
    "         [--ppn-in-bram] [--trace OUT] FILE.stim\n"
    "      Drive the MMU's cycle model with a stimulus (docs/stimulus-format.md) and\n"
    "      write its trace (docs/trace-format.md) to OUT (default: standard output).\n"
    "      The modelled build's parameters (docs/mmu.md): --entries (default 8),\n"
    "      --hit-latency 1, 2 or 3 (default 1), --counter-bits 32, 16 or 0 (default\n"
    "      32), --sfence-flush-all, --ppn-in-bram (needs --hit-latency 3).\n"
    "  help      this text\n"
    "  version   the version\n"
    "\n"
    "The .vec format: docs/vec-format.md. The rules: docs/translation.md.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("pagewalk-model: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'pagewalk-model help'.\n", stderr);
    return EXIT_USAGE;
}

static int cmd_check(int argc, char **argv)
{
    pw_vec_options opt = {.out = stdout, .max_reports = 20};
    bool quiet = false;
    int i = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
            quiet = true;
        } else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) {
            opt.verbose = true;
        } else if (!strcmp(argv[i], "--max-reports")) {
            char *end;
            if (i + 1 == argc)
                return usage_error("%s needs a number", argv[i]);
            errno = 0;
            unsigned long n = strtoul(argv[++i], &end, 10);
            if (*end || end == argv[i] || errno || n > 1000000)
                return usage_error("--max-reports takes a number, not '%s'", argv[i]);
            opt.max_reports = (unsigned)n;
        } else {
            return usage_error("check: unknown option '%s'", argv[i]);
        }
    }
    if (i == argc)
        return usage_error("%s", "check needs at least one FILE.vec");
    if (quiet)
        opt.max_reports = 0, opt.out = fopen("/dev/null", "w");
    if (!opt.out)
        opt.out = stdout;

    pw_vec_totals totals = {0};
    int status = 0;
    for (; i < argc; i++) {
        int s = pw_vec_check_file(argv[i], &opt, &totals);
        if (s > status)
            status = s;
    }
    if (opt.out != stdout)
        fclose(opt.out);
    if (totals.failed > totals.reported && !quiet)
        printf("(%lu more failures not shown; use --max-reports 0 to see all)\n",
               totals.failed - totals.reported);
    if (totals.errors)
        printf("%lu file%s could not be checked\n", totals.errors, totals.errors == 1 ? "" : "s");
    printf("%lu passed, %lu failed\n", totals.passed, totals.failed);
    return status;
}

/* Narrate one translation given as the fields of a t line. */
static int explain_fields(char **field, const char *mem_path, const char *ad_name)
{
    char line[512], err[256];
    pw_vec_line l;
    snprintf(line, sizeof line, "t %s %s %s %s %s %s pa=0", field[0], field[1], field[2],
             field[3], field[4], field[5]);
    if (!pw_vec_parse_line(line, &l, err, sizeof err))
        return usage_error("explain: %s", err);

    pw_sparse_mem *mem = pw_smem_new();
    pw_ad_policy ad = PW_AD_SVADE;
    if (!mem || (mem_path && pw_vec_replay(mem_path, 0, stderr, mem, &ad, NULL))) {
        pw_smem_free(mem);
        return EXIT_USAGE;
    }
    if (ad_name)
        ad = !strcmp(ad_name, "svadu") ? PW_AD_SVADU : PW_AD_SVADE;
    l.ctx.ad = ad;
    pw_mem port = pw_smem_port(mem);
    pw_result res;
    pw_translate(&l.ctx, &port, l.va, l.access, &res);
    pw_explain(stdout, "", &l.ctx, l.va, l.access, &res);
    pw_smem_free(mem);
    return 0;
}

/* Narrate the t line at FILE:LINE. */
static int explain_line(const char *spec)
{
    const char *colon = strrchr(spec, ':');
    char *end;
    errno = 0;
    unsigned long n = colon ? strtoul(colon + 1, &end, 10) : 0;
    if (!colon || *end || end == colon + 1 || errno || n == 0 || n > 100000000)
        return usage_error("explain: '%s' is not FILE.vec:LINE", spec);
    char *path = strndup(spec, (size_t)(colon - spec));
    pw_sparse_mem *mem = pw_smem_new();
    pw_ad_policy ad;
    pw_vec_line l;
    int status = EXIT_USAGE;
    if (path && mem && pw_vec_replay(path, (unsigned)n, stderr, mem, &ad, &l) == 0) {
        pw_mem port = pw_smem_port(mem);
        pw_result res;
        char got[32], want[32];
        pw_result expected = {.fault = l.expect_fault, .cause = l.expect_cause, .pa = l.expect_pa};
        pw_translate(&l.ctx, &port, l.va, l.access, &res);
        pw_result_text(&res, got, sizeof got);
        pw_result_text(&expected, want, sizeof want);
        printf("%s:%lu: expects %s\n", path, n, want);
        pw_explain(stdout, "", &l.ctx, l.va, l.access, &res);
        bool agree = res.fault == expected.fault &&
                     (res.fault ? res.cause == expected.cause : res.pa == expected.pa);
        printf("%s\n", agree ? "the model agrees" : "the model DISAGREES");
        status = agree ? 0 : EXIT_FAILED_CHECKS;
    }
    free(path);
    pw_smem_free(mem);
    return status;
}

static int cmd_explain(int argc, char **argv)
{
    const char *mem_path = NULL, *ad = NULL;
    int i = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--mem") && i + 1 < argc) {
            mem_path = argv[++i];
        } else if (!strcmp(argv[i], "--ad") && i + 1 < argc) {
            ad = argv[++i];
            if (strcmp(ad, "svade") && strcmp(ad, "svadu"))
                return usage_error("--ad takes svade or svadu, not '%s'", ad);
        } else if (!strcmp(argv[i], "--mem") || !strcmp(argv[i], "--ad")) {
            return usage_error("%s needs a value", argv[i]);
        } else {
            return usage_error("explain: unknown option '%s'", argv[i]);
        }
    }
    if (argc - i == 1 && !mem_path && !ad)
        return explain_line(argv[i]);
    if (argc - i == 6)
        return explain_fields(argv + i, mem_path, ad);
    return usage_error("%s", "explain takes FILE.vec:LINE, or SATP PRIV ACC SUM MXR VA");
}

/* Run the cycle model over a stimulus, writing its trace. */
static int cmd_replay(int argc, char **argv)
{
    const char *trace_path = NULL, *stim_path = NULL;
    unsigned long entries = 8, hit_latency = 1, counter_bits = 32;
    bool flush_all = false, ppn_in_bram = false;
    for (int i = 0; i < argc; i++) {
        char *end;
        if (!strcmp(argv[i], "--trace") && i + 1 < argc) {
            trace_path = argv[++i];
        } else if (!strcmp(argv[i], "--entries") && i + 1 < argc) {
            entries = strtoul(argv[++i], &end, 10);
            if (*end || entries < 4 || entries > PW_MMU_MAX_ENTRIES)
                return usage_error("--entries takes a number from 4 to 32, not '%s'", argv[i]);
        } else if (!strcmp(argv[i], "--hit-latency") && i + 1 < argc) {
            hit_latency = strtoul(argv[++i], &end, 10);
            if (*end || hit_latency < 1 || hit_latency > PW_MMU_MAX_HIT_LATENCY)
                return usage_error("--hit-latency takes 1, 2 or 3, not '%s'", argv[i]);
        } else if (!strcmp(argv[i], "--counter-bits") && i + 1 < argc) {
            counter_bits = strtoul(argv[++i], &end, 10);
            if (*end || (counter_bits != 32 && counter_bits != 16 && counter_bits != 0))
                return usage_error("--counter-bits takes 32, 16 or 0, not '%s'", argv[i]);
        } else if (!strcmp(argv[i], "--sfence-flush-all")) {
            flush_all = true;
        } else if (!strcmp(argv[i], "--ppn-in-bram")) {
            ppn_in_bram = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage_error("replay: unknown option '%s'", argv[i]);
        } else if (!stim_path) {
            stim_path = argv[i];
        } else {
            return usage_error("replay takes one FILE.stim, not also '%s'", argv[i]);
        }
    }
    if (ppn_in_bram && hit_latency != 3)
        return usage_error("%s", "--ppn-in-bram needs --hit-latency 3");
    if (!stim_path)
        return usage_error("%s", "replay needs a FILE.stim");
    pw_stim stim;
    if (pw_stim_load(stim_path, &stim, stderr))
        return EXIT_USAGE;
    FILE *out = trace_path ? fopen(trace_path, "w") : stdout;
    if (!out) {
        fprintf(stderr, "pagewalk-model: error: cannot write %s: %s\n", trace_path, strerror(errno));
        pw_stim_free(&stim);
        return EXIT_USAGE;
    }
    pw_mmu_config cfg = {.tlb_entries = (unsigned)entries, .ad = stim.ad, .trace_port = true,
                         .hit_latency = (unsigned)hit_latency,
                         .counters = counter_bits == 32 ? PW_COUNTERS_32
                                     : counter_bits == 16 ? PW_COUNTERS_16 : PW_COUNTERS_NONE,
                         .sfence_flush_all = flush_all, .ppn_in_bram = ppn_in_bram};
    pw_mmu_model *m = malloc(sizeof *m);
    if (!m || !pw_mmu_init(m, &cfg)) {
        fprintf(stderr, "pagewalk-model: error: out of memory\n");
        return EXIT_USAGE;
    }
    /* "svadu (8 entries)", with the other parameters where they are not the defaults */
    char build[128], latency_text[24] = "", counters_text[24] = "";
    if (hit_latency != 1)
        snprintf(latency_text, sizeof latency_text, ", hit latency %lu", hit_latency);
    if (counter_bits != 32)
        snprintf(counters_text, sizeof counters_text, ", %lu-bit counters", counter_bits);
    snprintf(build, sizeof build, "%s (%lu entries%s%s%s%s)", pw_ad_name(stim.ad), entries, latency_text,
             counters_text, flush_all ? ", flush-all sfence" : "", ppn_in_bram ? ", PPN in block RAM" : "");
    pw_trace_writer tw;
    pw_trace_begin(&tw, out, "model", build, stim_path);
    pw_stim_driver d;
    pw_stim_driver_init(&d, &stim);
    for (uint64_t c = 0; c < stim.cycles; c++) {
        pw_mmu_inputs in;
        pw_stim_inputs(&d, c, pw_mmu_outputs_now(m), &in);
        pw_trace_cycle(&tw, c, &in, pw_mmu_outputs_now(m));
        pw_mmu_step(m, &in);
    }
    if (out != stdout)
        fclose(out);
    free(m);
    pw_stim_free(&stim);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("%s", "no command given");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 2, argv + 2);
    if (!strcmp(cmd, "explain"))
        return cmd_explain(argc - 2, argv + 2);
    if (!strcmp(cmd, "replay"))
        return cmd_replay(argc - 2, argv + 2);
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("pagewalk-model %s\n", PAGEWALK_VERSION);
        return 0;
    }
    return usage_error("unknown command '%s'", cmd);
}
