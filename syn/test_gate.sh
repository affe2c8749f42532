#!/usr/bin/env bash
# Gate-level check (docs/fpga.md): each A/D build's synth_ice40 netlist runs a
# recorded stimulus in Icarus and its trace must equal the cycle model's; then
# a netlist with corrupted LUTs must disagree. Run by `make test-gate`.
#   usage: syn/test_gate.sh GATE_DIR SEED CYCLES
# GATE_DIR/svade and GATE_DIR/svadu hold the built tb_gate.vvp, pw_mmu_gate.v
# and pw_mmu_wrap.v (syn/gate.mk). Environment: COSIM_CMD, MODEL_CMD, VVP,
# IVERILOG, PYTHON, PAGEWALK_TRACE (the trace tool's command line), RTL_INC,
# ICARUS_TB (the testbench files), CELLS_SIM (yosys's ice40/cells_sim.v).
set -euo pipefail
gate=$1 seed=$2 cycles=$3
: "${COSIM_CMD:?} ${MODEL_CMD:?} ${VVP:?} ${IVERILOG:?} ${PYTHON:?} ${PAGEWALK_TRACE:?}"
: "${RTL_INC:?} ${ICARUS_TB:?} ${CELLS_SIM:?}"

echo "== gate level: the synth_ice40 netlist against the cycle model ($cycles cycles per A/D build)"
for ad in svade svadu; do
    d=$gate/$ad
    "$COSIM_CMD" --ad "$ad" --seed "$seed" --cycles "$cycles" --write-stimulus "$d/run.stim" || exit 2
    "$MODEL_CMD" replay --trace "$d/model.trace" "$d/run.stim" || exit 2
    "$VVP" -n "$d/tb_gate.vvp" "+stim=$d/run.stim" "+trace=$d/gate.trace" >"$d/vvp.log" 2>&1 ||
        { cat "$d/vvp.log"; exit 1; }
    # shellcheck disable=SC2086  # PAGEWALK_TRACE is a command line
    if $PAGEWALK_TRACE diff "$d/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1; then
        echo "  $ad: gates and model agree ($(grep -vc '^#' "$d/gate.trace") trace lines)"
    else
        echo "  $ad: gates and model DIFFER:"
        head -n 20 "$d/diff.txt"
        exit 1
    fi
done

echo "== gate level: a netlist with broken LUTs must disagree"
d=$gate/broken
mkdir -p "$d"
"$PYTHON" syn/corrupt_luts.py "$gate/svade/pw_mmu_gate.v" 50 "$d/pw_mmu_gate.v" | sed 's/^/  /'
# shellcheck disable=SC2086  # ICARUS_TB is a list of files
"$IVERILOG" -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I"$RTL_INC" -s tb_mmu -P tb_mmu.TlbEntries=8 -P tb_mmu.Svadu=0 \
    -o "$d/tb_gate.vvp" $ICARUS_TB "$gate/svade/pw_mmu_wrap.v" "$d/pw_mmu_gate.v" "$CELLS_SIM"
# The broken netlist may also hang or stop its testbench: only the diff decides.
"$VVP" -n "$d/tb_gate.vvp" "+stim=$gate/svade/run.stim" "+trace=$d/gate.trace" >"$d/vvp.log" 2>&1 || true
# shellcheck disable=SC2086
if $PAGEWALK_TRACE diff "$gate/svade/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1; then
    echo "  the broken netlist was NOT caught"
    exit 1
fi
echo "  caught: $(head -n 1 "$d/diff.txt" | sed 's/^pagewalk-trace diff (timed): //')"
