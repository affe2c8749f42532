#!/usr/bin/env bash
# The trace checks beyond trace-compare (docs/traces.md). Run by `make test-traces`.
#   usage: tests/traces/test_traces.sh TRACE_DIR REFERENCE_TRACE
# REFERENCE_TRACE: a real model trace (trace-compare's) to inject changes into.
# Environment (set by tests/traces/traces.mk): MODEL_CMD, PAGEWALK_TRACE (the
# trace tool's path), VVP, ICARUS_DIR (the built tb_mmu_svade.vvp), PYTHON.
set -euo pipefail
dir=$1 reference=$2
: "${MODEL_CMD:?} ${PAGEWALK_TRACE:?} ${VVP:?} ${ICARUS_DIR:?} ${PYTHON:?}"
mkdir -p "$dir"

# replay [MODEL OPTIONS] STIM EXPECTED: the model's trace of STIM must equal EXPECTED.
replay() {
    local expected=${*: -1} stim=${*: -2:1}
    "$MODEL_CMD" replay "${@:1:$#-2}" "$stim" |
        "$PAGEWALK_TRACE" diff --context 3 "$expected" /dev/stdin >"$dir/replay.diff" ||
        { cat "$dir/replay.diff"; exit 1; }
    echo "${stim%.stim}: model agrees"
}

echo "== traces: the model reproduces the hand-worked traces"
for s in tests/icarus/smoke tests/icarus/smoke-svadu; do
    replay "$s.stim" "$s.expected.trace"
done
# These traces were written by the cycle model itself: regression snapshots.
# A difference says the model's behaviour changed, not which side is right.
echo "== traces: the model still gives its regression snapshots (model-made, not references)"
for s in tests/traces/basic tests/traces/basic-slow tests/traces/reset-abort; do
    replay --entries 4 "$s.stim" "$s.trace"
done

echo "== traces: a malformed stimulus is refused by the model and Icarus at the same file:line"
for f in tests/icarus/bad/*.stim; do
    m=$({ "$MODEL_CMD" replay "$f" 2>&1 >/dev/null || true; } | grep -o "^$f:[0-9]*: error" | head -n 1 || true)
    i=$({ "$VVP" -n "$ICARUS_DIR/tb_mmu_svade.vvp" "+stim=$f" "+trace=$dir/bad.trace" 2>&1 || true; } |
        grep -o "^$f:[0-9]*: error" | head -n 1 || true)
    if [[ -z $m || $m != "$i" ]]; then
        echo "$f: model says '$m', Icarus says '$i'"
        exit 1
    fi
    echo "$m (both)"
done

echo "== traces: one changed event in a real trace is found at exactly that line"
"$PYTHON" tests/traces/check_injection.py "$PAGEWALK_TRACE" "$reference" "$dir" | tail -1

echo "== pagewalk-trace tests"
"$PYTHON" -m unittest cosim/test_pagewalk_trace.py 2>&1 | tail -3
