#!/usr/bin/env bash
# Build each deliberate bug of tests/mutants/model.mutants into its own
# pagewalk-model and require `pagewalk-model check` on the vector files to
# fail. Proves the vectors (and the checker) catch real mistakes. Each mutant
# is one job (tests/mutants/model_mutant.sh) of a suite (suite/), with a
# record per mutant in BUILD_DIR/model-mutants/results (docs/regress.md).
#   usage: run_model_mutants.sh BUILD_DIR VECTOR_FILE...
# Environment (set by the Makefile): CC, MODEL_OTHER_SRCS (every model source
# but sv32.c), PYTHON, SUITE_ARGS (suite run options: --jobs, --scheduler, ...).
set -euo pipefail
build=$1; shift
work=$build/model-mutants
mkdir -p "$work"
CC=${CC:-gcc}
: "${MODEL_OTHER_SRCS:?set by the Makefile: every model source but sv32.c}"
VECTORS="$*"
[[ -n $VECTORS ]] || { echo "usage: run_model_mutants.sh BUILD_DIR VECTOR_FILE..." >&2; exit 2; }
declare -p CC MODEL_OTHER_SRCS VECTORS > "$work/toolchain.env"
jobs=$work/jobs.txt
grep -v '^\s*#' tests/mutants/model.mutants | grep -v '^\s*$' | cut -d'|' -f1 | xargs -n1 |
    while read -r name; do echo "$name: tests/mutants/model_mutant.sh $build $name"; done > "$jobs"
# shellcheck disable=SC2086
exec "${PYTHON:-python3}" suite run "$jobs" --suite pagewalk.mutants.model \
    --words caught,MISSED,BROKEN --list --timeout 600 \
    --results "$work/results" --junit "$work/mutants.xml" ${SUITE_ARGS:-}
