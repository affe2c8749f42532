#!/usr/bin/env bash
# Gate-level check (docs/fpga.md): each build's synth_ice40 netlist runs a
# recorded stimulus in Icarus and its trace must equal the cycle model's; then
# a netlist of the first build with corrupted LUTs must disagree. Run by
# `make test-gate`.
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
    # shellcheck disable=SC2086  # PAGEWALK_TRACE is a command line
    if $PAGEWALK_TRACE diff "$d/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1; then
        echo "  $name: gates and model agree ($(grep -vc '^#' "$d/gate.trace") trace lines)"
    else
        echo "  $name: gates and model DIFFER:"
        head -n 20 "$d/diff.txt"
        exit 1
    fi
done

first=$1
echo "== gate level: a netlist with broken LUTs must disagree ($first)"
d=$gate/broken
mkdir -p "$d"
"$PYTHON" syn/corrupt_luts.py "$gate/$first/pw_mmu_gate.v" 50 "$d/pw_mmu_gate.v" | sed 's/^/  /'
# shellcheck disable=SC2086  # ICARUS_TB is a list of files, the options words
"$IVERILOG" -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I"$RTL_INC" -s tb_mmu -P tb_mmu.TlbEntries=8 $(tb_options "$first") \
    -o "$d/tb_gate.vvp" $ICARUS_TB "$gate/$first/pw_mmu_wrap.v" "$d/pw_mmu_gate.v" "$CELLS_SIM"
# The broken netlist may also hang or stop its testbench: only the diff decides.
"$VVP" -n "$d/tb_gate.vvp" "+stim=$gate/$first/run.stim" "+trace=$d/gate.trace" >"$d/vvp.log" 2>&1 || true
# shellcheck disable=SC2086
if $PAGEWALK_TRACE diff "$gate/$first/model.trace" "$d/gate.trace" >"$d/diff.txt" 2>&1; then
    echo "  the broken netlist was NOT caught"
    exit 1
fi
echo "  caught: $(head -n 1 "$d/diff.txt" | sed 's/^pagewalk-trace diff (timed): //')"
