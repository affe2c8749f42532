#!/usr/bin/env bash
# One seeded stimulus through the model, Verilator and Icarus; the three
# traces diffed pairwise (docs/traces.md). Run by `make trace-compare`.
#   usage: cosim/trace_compare.sh OUTDIR SEED CYCLES
# Environment (set by cosim/cosim.mk): COSIM_CMD, MODEL_CMD, VVP, ICARUS_DIR
# (the built tb_mmu_svade.vvp and tb_mmu_svadu.vvp), PAGEWALK_TRACE (the trace
# tool's command line), WAVES=1 for an FST (Verilator) and a VCD (Icarus).
# Exit status: 0 all agree, 1 two traces differ, 2 a run could not be made.
set -euo pipefail
out=$1 seed=$2 cycles=$3
: "${COSIM_CMD:?} ${MODEL_CMD:?} ${VVP:?} ${ICARUS_DIR:?} ${PAGEWALK_TRACE:?}"
waves=${WAVES:-0}
mkdir -p "$out"

status=0
for ad in svade svadu; do
    base=$out/seed$seed-$ad
    "$COSIM_CMD" --ad "$ad" --seed "$seed" --cycles "$cycles" --write-stimulus "$base.stim" || exit 2
    echo "== $base.stim: $cycles cycles, $(grep -c ' req ' "$base.stim") requests ($ad)"
    "$MODEL_CMD" replay --trace "$base.model.trace" "$base.stim" || exit 2
    fst=()
    [[ $waves == 1 ]] && fst=(--trace "$base.verilator.fst")
    "$COSIM_CMD" --ad "$ad" --stimulus "$base.stim" --trace-out "$base.verilator.trace" "${fst[@]}" || status=1
    vcd=()
    [[ $waves == 1 ]] && vcd=("+vcd=$base.icarus.vcd")
    "$VVP" -n "$ICARUS_DIR/tb_mmu_$ad.vvp" "+stim=$base.stim" "+trace=$base.icarus.trace" "${vcd[@]}" \
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
