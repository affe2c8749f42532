#!/usr/bin/env bash
# One seeded stimulus per build through the model, Verilator and Icarus; the
# three traces diffed pairwise (docs/traces.md). Run by `make trace-compare`.
#   usage: cosim/trace_compare.sh OUTDIR SEED NAME:CYCLES...
# Each NAME is a build of MMU_BUILDS (mk/common.mk: both A/D policies at each
# hit latency, and the option builds), run for CYCLES cycles.
# Environment (set by cosim/cosim.mk): COSIM_CMD, MODEL_CMD, VVP, ICARUS_DIR
# (the built tb_mmu_NAME.vvp), MMU_BUILDS, PAGEWALK_TRACE (the trace tool's
# command line), WAVES=1 for an FST (Verilator) and a VCD (Icarus).
# Exit status: 0 all agree, 1 two traces differ, 2 a run could not be made.
set -euo pipefail
out=$1 seed=$2
shift 2
: "${COSIM_CMD:?} ${MODEL_CMD:?} ${VVP:?} ${ICARUS_DIR:?} ${PAGEWALK_TRACE:?} ${MMU_BUILDS:?}"
waves=${WAVES:-0}
mkdir -p "$out"

# The model's options for a build: its parameters (docs/mmu.md).
model_options() {
    local entry
    entry=$(tr ' ' '\n' <<< "$MMU_BUILDS" | grep "^$1:") || { echo "no build '$1' in MMU_BUILDS" >&2; return 2; }
    IFS=: read -r _ _ latency counter_bits flush_all ppn_in_bram <<< "$entry"
    echo "--hit-latency $latency --counter-bits $counter_bits" \
         "$([[ $flush_all == 1 ]] && echo --sfence-flush-all)" "$([[ $ppn_in_bram == 1 ]] && echo --ppn-in-bram)"
}

status=0
for run in "$@"; do
    name=${run%%:*} cycles=${run#*:}
    options=$(model_options "$name") || exit 2
    base=$out/seed$seed-$name
    "$COSIM_CMD" --dut "$name" --seed "$seed" --cycles "$cycles" --write-stimulus "$base.stim" || exit 2
    echo "== $base.stim: $cycles cycles, $(grep -c ' req ' "$base.stim") requests ($name)"
    # shellcheck disable=SC2086  # options are words
    "$MODEL_CMD" replay $options --trace "$base.model.trace" "$base.stim" || exit 2
    fst=()
    [[ $waves == 1 ]] && fst=(--trace "$base.verilator.fst")
    "$COSIM_CMD" --dut "$name" --stimulus "$base.stim" --trace-out "$base.verilator.trace" "${fst[@]}" || status=1
    vcd=()
    [[ $waves == 1 ]] && vcd=("+vcd=$base.icarus.vcd")
    "$VVP" -n "$ICARUS_DIR/tb_mmu_$name.vvp" "+stim=$base.stim" "+trace=$base.icarus.trace" "${vcd[@]}" \
        >"$base.icarus.log" || { cat "$base.icarus.log"; exit 2; }
    for pair in "model verilator" "model icarus" "verilator icarus"; do
        read -r a b <<<"$pair"
        # shellcheck disable=SC2086  # PAGEWALK_TRACE is a command line
        if $PAGEWALK_TRACE diff "$base.$a.trace" "$base.$b.trace" >"$base.$a-$b.diff" 2>&1; then
            echo "  $a vs $b: agree ($(grep -vc '^#' "$base.$a.trace") trace lines)"
        else
            status=1
            echo "  $a vs $b: DIFFER (see $base.$a-$b.diff):"
            head -n 20 "$base.$a-$b.diff" | sed 's/^/    /'
        fi
    done
done
exit $status
