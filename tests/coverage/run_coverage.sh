#!/usr/bin/env bash
# The coverage regression of rtl/mmu (docs/coverage.md): seeded lockstep runs
# of every build of COV_BUILD_NAMES, the directed scenarios and the vector files, all on the
# coverage builds; then the merged report. Run by `make coverage` (--targets:
# every point covered or waived) and `make test-coverage` (--baseline FILE:
# nothing worse than the committed figures).
#   usage: tests/coverage/run_coverage.sh COV_DIR SEEDS CYCLES [--targets] [--baseline FILE]
# Environment: COSIM_COV (pagewalk-cosim-cov), TESTS_COV (cosim-tests-cov),
# COV_BUILD_NAMES (the builds linked into both; the seeded runs run them all),
# PYTHON, VERILATOR_COVERAGE, JOBS.
set -euo pipefail
dir=$1 seeds=$2 cycles=$3; shift 3
: "${COSIM_COV:?} ${TESTS_COV:?} ${PYTHON:?} ${VERILATOR_COVERAGE:?} ${COV_BUILD_NAMES:?}"
jobs=${JOBS:-2}
data=$dir/data
rm -rf "$data" "$dir/report" "$dir/annotated"
mkdir -p "$data"
export PAGEWALK_COVERAGE_DIR=$data
start=$SECONDS

echo "== coverage: $seeds seeds x $cycles cycles per build ($COV_BUILD_NAMES; seeded lockstep runs, coverage builds)"
"$PYTHON" cosim/regress.py --sim "$COSIM_COV" --seeds "$seeds" --cycles "$cycles" --jobs "$jobs" \
    --builds all --results "$dir/regress" --chunk 4 | tail -n 4

echo "== coverage: the directed scenarios and vector files (directed-*.vec, QEMU's)"
"$TESTS_COV" --gtest_filter='Vec/*:Mmu/Scenario.*' --gtest_brief=1 | tail -n 3

echo "== coverage: merged report (build/coverage/report/summary.md)"
shopt -s nullglob
dats=("$data"/*.dat)
bins=("$data"/*.bins)
(( ${#dats[@]} )) || { echo "coverage: no coverage file was written to $data"; exit 1; }
status=0
"$PYTHON" tests/coverage/coverage_report.py --out "$dir/report" --waivers tests/coverage/waivers.txt \
    ${bins[0]+--bins "${bins[@]}"} "$@" "${dats[@]}" || status=$?
[[ $status == 2 ]] && exit 2
"$VERILATOR_COVERAGE" --annotate "$dir/annotated" --annotate-min 1 "$dir/report/merged.dat" >"$dir/annotate.log" 2>&1 ||
    { cat "$dir/annotate.log"; exit 2; }
echo "annotated sources: $dir/annotated (a line marked % has a point not covered); $((SECONDS - start)) s"
exit $status
