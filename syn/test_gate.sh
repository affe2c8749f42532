#!/usr/bin/env bash
# Gate-level check (docs/fpga.md): each build's synth_ice40 netlist runs a
# recorded stimulus in Icarus and its trace must equal the cycle model's; then
# each build's netlist with corrupted LUTs must disagree. Run by `make test-gate`.
#   usage: syn/test_gate.sh GATE_DIR SEED CYCLES BUILD...
# GATE_DIR/BUILD holds the built tb_gate.vvp, pw_mmu_gate.v and pw_mmu_wrap.v
# of each build of MMU_BUILDS named (syn/gate.mk). Environment: COSIM_CMD,
# MODEL_CMD, VVP, IVERILOG, PYTHON, PAGEWALK_TRACE (the trace tool's command
# line), RTL_INC, ICARUS_TB (the testbench files), CELLS_SIM (yosys's
# ice40/cells_sim.v), MMU_BUILDS (mk/common.mk).
set -euo pipefail
gate=$1 seed=$2 cycles=$3
shift 3
: "${COSIM_CMD:?} ${MODEL_CMD:?} ${VVP:?} ${IVERILOG:?} ${PYTHON:?} ${PAGEWALK_TRACE:?}"
: "${RTL_INC:?} ${ICARUS_TB:?} ${CELLS_SIM:?} ${MMU_BUILDS:?}"
[[ $# -gt 0 ]] || { echo "test_gate.sh: no build named" >&2; exit 2; }

# A build's parameters: the model's replay options, or the testbench's -P options.
build_fields() {
    tr ' ' '\n' <<< "$MMU_BUILDS" | grep "^$1:" || { echo "test_gate.sh: no build '$1' in MMU_BUILDS" >&2; return 2; }
}
model_options() {
    local svadu latency counter_bits flush_all ppn_in_bram
    IFS=: read -r _ svadu latency counter_bits flush_all ppn_in_bram <<< "$(build_fields "$1")"
    echo "--hit-latency $latency --counter-bits $counter_bits" \
         "$([[ $flush_all == 1 ]] && echo --sfence-flush-all)" "$([[ $ppn_in_bram == 1 ]] && echo --ppn-in-bram)"
}
tb_options() {
    local svadu latency counter_bits flush_all ppn_in_bram
    IFS=: read -r _ svadu latency counter_bits flush_all ppn_in_bram <<< "$(build_fields "$1")"
    echo "-P tb_mmu.Svadu=$svadu -P tb_mmu.HitLatency=$latency -P tb_mmu.CounterBits=$counter_bits" \
         "-P tb_mmu.SfenceFlushAll=$flush_all -P tb_mmu.PpnInBram=$ppn_in_bram"
}

echo "== gate level: the synth_ice40 netlist against the cycle model ($cycles cycles per build)"
for name in "$@"; do
    d=$gate/$name
    options=$(model_options "$name") || exit 2
    "$COSIM_CMD" --dut "$name" --seed "$seed" --cycles "$cycles" --write-stimulus "$d/run.stim" || exit 2
    # shellcheck disable=SC2086  # options are words
    "$MODEL_CMD" replay $options --trace "$d/model.trace" "$d/run.stim" || exit 2
    "$VVP" -n "$d/tb_gate.vvp" "+stim=$d/run.stim" "+trace=$d/gate.trace" >"$d/vvp.log" 2>&1 ||
        { cat "$d/vvp.log"; exit 1; }
    status=0
    # shellcheck disable=SC2086  # PAGEWALK_TRACE is a command line
    $PAGEWALK_TRACE diff "$d/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1 || status=$?
    case $status in
        0) echo "  $name: gates and model agree ($(grep -vc '^#' "$d/gate.trace") trace lines)" ;;
        1) echo "  $name: gates and model DIFFER:"; head -n 20 "$d/diff.txt"; exit 1 ;;
        *) head -n 5 "$d/diff.txt"; echo "  $name: BROKEN: the traces could not be compared (exit status $status)"
           exit 1 ;;
    esac
done

# Each build's netlist, LUTs corrupted, must disagree with the model: the
# check can fail at every latency it passes at.
broken() { echo "  BROKEN: $*"; exit 1; }
for name in "$@"; do
    echo "== gate level: a netlist with broken LUTs must disagree ($name)"
    d=$gate/broken-$name
    mkdir -p "$d"
    "$PYTHON" syn/corrupt_luts.py "$gate/$name/pw_mmu_gate.v" 50 "$d/pw_mmu_gate.v" | sed 's/^/  /'
    # shellcheck disable=SC2086  # ICARUS_TB is a list of files, the options words
    "$IVERILOG" -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I"$RTL_INC" -s tb_mmu -P tb_mmu.TlbEntries=8 $(tb_options "$name") \
        -o "$d/tb_gate.vvp" $ICARUS_TB "$gate/$name/pw_mmu_wrap.v" "$d/pw_mmu_gate.v" "$CELLS_SIM"
    # Caught means the run completed and the trace diff, having read both traces,
    # reported a difference. A testbench that stops early, a malformed or missing
    # trace, or any other failure of the experiment is BROKEN: it shows nothing.
    status=0
    "$VVP" -n "$d/tb_gate.vvp" "+stim=$gate/$name/run.stim" "+trace=$d/gate.trace" >"$d/vvp.log" 2>&1 || status=$?
    if [[ $status -ne 0 ]] || ! grep -q '^tb_mmu: .* cycles, ' "$d/vvp.log"; then
        tail -n 5 "$d/vvp.log" | sed 's/^/    /'
        broken "$name: the testbench did not complete its run on the broken netlist (exit status $status, $d/vvp.log)"
    fi
    status=0
    # shellcheck disable=SC2086
    $PAGEWALK_TRACE diff "$gate/$name/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1 || status=$?
    case $status in
        0) echo "  $name: the broken netlist was NOT caught: its trace equals the model's"; exit 1 ;;
        1) echo "  caught: $(head -n 1 "$d/diff.txt" | sed 's/^pagewalk-trace diff (timed): //')" ;;
        *) head -n 5 "$d/diff.txt" | sed 's/^/    /'
           broken "$name: pagewalk-trace diff could not compare the traces (exit status $status)" ;;
    esac
done
