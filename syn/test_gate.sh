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
    status=0
    # shellcheck disable=SC2086  # PAGEWALK_TRACE is a command line
    $PAGEWALK_TRACE diff "$d/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1 || status=$?
    case $status in
        0) echo "  $ad: gates and model agree ($(grep -vc '^#' "$d/gate.trace") trace lines)" ;;
        1) echo "  $ad: gates and model DIFFER:"; head -n 20 "$d/diff.txt"; exit 1 ;;
        *) head -n 5 "$d/diff.txt"; echo "  $ad: BROKEN: the traces could not be compared (exit status $status)"
           exit 1 ;;
    esac
done

echo "== gate level: a netlist with broken LUTs must disagree"
d=$gate/broken
mkdir -p "$d"
"$PYTHON" syn/corrupt_luts.py "$gate/svade/pw_mmu_gate.v" 50 "$d/pw_mmu_gate.v" | sed 's/^/  /'
# shellcheck disable=SC2086  # ICARUS_TB is a list of files
"$IVERILOG" -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I"$RTL_INC" -s tb_mmu -P tb_mmu.TlbEntries=8 -P tb_mmu.Svadu=0 \
    -o "$d/tb_gate.vvp" $ICARUS_TB "$gate/svade/pw_mmu_wrap.v" "$d/pw_mmu_gate.v" "$CELLS_SIM"
# Caught means the run completed and the trace diff, having read both traces,
# reported a difference. A testbench that stops early, a malformed or missing
# trace, or any other failure of the experiment is BROKEN: it shows nothing.
broken() { echo "  BROKEN: $*"; exit 1; }
status=0
"$VVP" -n "$d/tb_gate.vvp" "+stim=$gate/svade/run.stim" "+trace=$d/gate.trace" >"$d/vvp.log" 2>&1 || status=$?
if [[ $status -ne 0 ]] || ! grep -q '^tb_mmu: .* cycles, ' "$d/vvp.log"; then
    tail -n 5 "$d/vvp.log" | sed 's/^/    /'
    broken "the testbench did not complete its run on the broken netlist (exit status $status, $d/vvp.log)"
fi
status=0
# shellcheck disable=SC2086
$PAGEWALK_TRACE diff "$gate/svade/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1 || status=$?
case $status in
    0) echo "  the broken netlist was NOT caught: its trace equals the model's"; exit 1 ;;
    1) echo "  caught: $(head -n 1 "$d/diff.txt" | sed 's/^pagewalk-trace diff (timed): //')" ;;
    *) head -n 5 "$d/diff.txt" | sed 's/^/    /'
       broken "pagewalk-trace diff could not compare the traces (exit status $status)" ;;
esac
