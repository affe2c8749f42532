#!/usr/bin/env bash
# One deliberate bug of tests/mutants/model.mutants, as one job of the model
# mutant suite: build a pagewalk-model with it and require
# `pagewalk-model check` on the vector files to report failed translations.
#   usage: model_mutant.sh BUILD_DIR NAME
# The compiler, the rest of the model and the vector files come from
# BUILD_DIR/model-mutants/toolchain.env, which `make test-model-mutants`
# writes (CC, MODEL_OTHER_SRCS, VECTORS).
# Exit status (the suite's job protocol, docs/regress.md): 0 caught, 1 missed,
# 3 broken (a stale expression, a build failure, or a check that ended in
# anything but a pass or a report of failed translations). The last line says why.
set -uo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: model_mutant.sh BUILD_DIR NAME" >&2; exit 2
fi
build=$1 name=$2
work=$build/model-mutants
env_file=$work/toolchain.env
broken() { echo "$*"; exit 3; }
[[ -r $env_file ]] || broken "no $env_file (make test-model-mutants writes it)"
# shellcheck disable=SC1090
source "$env_file"

line=$(grep -v '^\s*#' tests/mutants/model.mutants | awk -F'|' -v n="$name" \
       '{ k = $1; gsub(/^ +| +$/, "", k) } k == n { print; exit }')
[[ -n $line ]] || broken "no mutant '$name' in tests/mutants/model.mutants"
expr=$(echo "${line#*|}" | sed 's/^ *//; s/ *$//')
src=$work/$name.c
# Each command of the expression must change the file (apply_mutant.py).
applied=$("${PYTHON:-python3}" tests/mutants/apply_mutant.py cmodel/sv32.c "$src" "$expr") ||
    broken "$applied"
read -r -a others <<< "$MODEL_OTHER_SRCS"
read -r -a vectors <<< "$VECTORS"
if ! $CC -std=c11 -O1 -D_POSIX_C_SOURCE=200809L -I"$build/gen" -Icmodel -o "$work/$name" \
        "$src" "${others[@]}" 2> "$work/$name.log"; then
    tail -n 20 "$work/$name.log"
    broken "does not compile (see $work/$name.log)"
fi
"$work/$name" check --quiet "${vectors[@]}" > "$work/$name.out" 2>&1
status=$?
last=$(tail -n 1 "$work/$name.out")
[[ $status -eq 0 ]] && { echo "every vector still passes ($last)"; exit 1; }
tail -n 20 "$work/$name.out"
# Only failed translations reported by the checker are a catch.
if [[ $status -eq 1 && $last =~ ^[0-9]+\ passed,\ [1-9][0-9]*\ failed$ ]]; then
    echo "$last"
    exit 0
fi
broken "check ended with exit status $status without reporting failures (see $work/$name.out)"
