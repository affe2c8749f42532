#!/usr/bin/env bash
# Build each deliberate core bug of tests/mutants/core.mutants into its own
# pagewalk-soc and require the RTL-vs-ISS lockstep to report a MISMATCH.
# Each mutant is one job (tests/mutants/core_mutant.sh) of a suite (suite/),
# run here with --jobs workers or as a SLURM job array, with a record per
# mutant in BUILD_DIR/soc/mutants/results (docs/regress.md).
#   usage: run_core_mutants.sh BUILD_DIR [NAME...]      (no NAME: all of them)
# Environment (set by rtl/soc/soc.mk): VERILATOR, SOC_VFLAGS (the normal
# Verilator flags), MUTANT_VFLAGS (optimisation for mutant builds), CXX,
# HARNESS_OBJS (the default build's harness objects: a mutant changes no
# port, so they link with any mutant's model), LINK_LIBS, RTL_OTHER (the SoC's
# own RTL files; each job copies the core and the MMU), MAX_CYCLES, PYTHON,
# SUITE_ARGS (suite run options).
set -euo pipefail
build=$1; shift
root=$build/soc/mutants
mkdir -p "$root"
for v in VERILATOR SOC_VFLAGS MUTANT_VFLAGS CXX HARNESS_OBJS LINK_LIBS RTL_OTHER MAX_CYCLES; do
    [[ -n ${!v:-} ]] || { echo "run_core_mutants.sh: $v is not set (run make mutants-core)" >&2; exit 2; }
done
# What every job (here or on a SLURM node) builds with.
declare -p VERILATOR SOC_VFLAGS MUTANT_VFLAGS CXX HARNESS_OBJS LINK_LIBS RTL_OTHER MAX_CYCLES \
    > "$root/toolchain.env"

mapfile -t names < <(grep -v '^\s*#' tests/mutants/core.mutants | grep -v '^\s*$' |
                     cut -d'|' -f1 | xargs -n1)
for want in "$@"; do
    if [[ ! " ${names[*]} " =~ " $want " ]]; then
        echo "run_core_mutants.sh: no mutant '$want' in tests/mutants/core.mutants" >&2; exit 2
    fi
done
jobs=$root/jobs.txt
: > "$jobs"
for name in "${names[@]}"; do
    if [[ $# -gt 0 && ! " $* " =~ " $name " ]]; then continue; fi
    echo "$name: tests/mutants/core_mutant.sh $build $name" >> "$jobs"
done
# shellcheck disable=SC2086
exec "${PYTHON:-python3}" suite run "$jobs" --suite pagewalk.mutants.core \
    --words caught,MISSED,BROKEN --list --timeout 1800 \
    --results "$root/results" --junit "$root/mutants.xml" ${SUITE_ARGS:-}
