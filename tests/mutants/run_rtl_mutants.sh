#!/usr/bin/env bash
# Build each deliberate RTL bug of tests/mutants/rtl.mutants and
# rtl_pipe.mutants (the pipelined MMU's, at hit latency 2 and 3) into its own
# pagewalk-cosim and require the lockstep co-simulation to catch it. Each
# mutant is one job (tests/mutants/rtl_mutant.sh) of a suite (suite/), run
# here with --jobs workers or as a SLURM job array, with a record per mutant
# in BUILD_DIR/mutants/results (docs/regress.md).
#   usage: run_rtl_mutants.sh BUILD_DIR [NAME...]      (no NAME: all of them)
# Environment (set by cosim/cosim.mk, `make mutants`): VERILATOR,
# VERILATE_FLAGS (with the include path of the generated Verilog), CXX,
# COSIM_CXXFLAGS, COSIM_LINK_OBJS, COSIM_LINK_LIBS (how to build a mutant's
# pagewalk-cosim), DIRECTED_LINK_OBJS (its directed program: tests/cosim),
# MUTANT_SEEDS (seeds tried per mutant), MUTANT_CYCLES (cycles per seed),
# COSIM_BUILD_TABLE (the builds rtl_pipe.mutants names),
# PYTHON, SUITE_ARGS (suite run options: --jobs, --scheduler, --chunk, --resume...).
set -euo pipefail
build=$1; shift
root=$build/mutants
mkdir -p "$root"
for v in VERILATOR VERILATE_FLAGS CXX COSIM_CXXFLAGS COSIM_LINK_OBJS COSIM_LINK_LIBS \
         DIRECTED_LINK_OBJS MUTANT_SEEDS MUTANT_CYCLES COSIM_BUILD_TABLE; do
    [[ -n ${!v:-} ]] || { echo "run_rtl_mutants.sh: $v is not set (run make mutants)" >&2; exit 2; }
done
# What every job (here or on a SLURM node) builds with.
declare -p VERILATOR VERILATE_FLAGS CXX COSIM_CXXFLAGS COSIM_LINK_OBJS COSIM_LINK_LIBS \
           DIRECTED_LINK_OBJS MUTANT_SEEDS MUTANT_CYCLES COSIM_BUILD_TABLE > "$root/toolchain.env"

# The one-cycle MMU's bugs, then the pipelined MMU's (docs/cosim.md).
mapfile -t names < <(cat tests/mutants/rtl.mutants tests/mutants/rtl_pipe.mutants |
                     grep -v '^\s*#' | grep -v '^\s*$' | cut -d'|' -f1 | xargs -n1)
for want in "$@"; do
    if [[ ! " ${names[*]} " =~ " $want " ]]; then
        echo "run_rtl_mutants.sh: no mutant '$want' in tests/mutants/rtl.mutants or rtl_pipe.mutants" >&2
        exit 2
    fi
done
jobs=$root/jobs.txt
: > "$jobs"
for name in "${names[@]}"; do
    if [[ $# -gt 0 && ! " $* " =~ " $name " ]]; then continue; fi
    echo "$name: tests/mutants/rtl_mutant.sh $build $name" >> "$jobs"
done
# shellcheck disable=SC2086
exec "${PYTHON:-python3}" suite run "$jobs" --suite pagewalk.mutants.rtl \
    --words caught,MISSED,BROKEN --list --timeout 3600 \
    --results "$root/results" --junit "$root/mutants.xml" ${SUITE_ARGS:-}
