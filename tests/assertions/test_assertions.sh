#!/usr/bin/env bash
# The interface assertions in simulation (docs/mmu.md, "Assertions"): the
# deliberately broken testbench tests/assertions/tb_protocol_broken.v must stop
# on the named rule for each case, under Icarus and under Verilator --assert;
# its clean case must end normally; a build without PW_ASSERTIONS must not
# check anything (the context case runs to its end); and synthesis with
# PW_ASSERTIONS defined must contain no checker. Run by `make test-assertions`.
# Every case runs at HitLatency 1 and again at 2 (the checker's queue of
# requests in flight); early_resp, a rule only a pipelined MMU has, at 2.
#   usage: tests/assertions/test_assertions.sh ICARUS.vvp ICARUS_NOASSERT.vvp VERILATOR_BINARY
#          ICARUS_L2.vvp VERILATOR_L2_BINARY
# Environment: VVP, YOSYS, RTL_INC, RTL_MMU (the MMU's files), RTL_ASSERT_FLAGS.
set -euo pipefail
if [[ $# -ne 5 ]]; then
    echo "usage: test_assertions.sh ICARUS.vvp ICARUS_NOASSERT.vvp VERILATOR ICARUS_L2.vvp VERILATOR_L2" >&2
    exit 2
fi
icarus=$1 icarus_off=$2 verilated=$3 icarus_l2=$4 verilated_l2=$5
: "${VVP:?} ${YOSYS:?} ${RTL_INC:?} ${RTL_MMU:?} ${RTL_ASSERT_FLAGS:?}"
dir=$(dirname "$verilated")

# case RULE: the rule each broken case must fire (clean: none).
cases="clean: context:e_context_stable mem_resp:e_mem_resp_expected extra_resp:a_resp_expected
       second_resp:a_resp_expected mem_req_moved:a_mem_req_held blocking:a_blocking
       resp_fields:a_resp_fields bare:a_bare mem_req_idle:a_mem_req_in_walk
       mem_unaligned:a_mem_aligned mem_write:a_mem_no_write"
cases_l2="$cases early_resp:a_resp_expected"

echo "== assertions: a deliberately broken testbench; each broken rule must stop the run by name"
failures=0
for run in icarus verilator icarus@2 verilator@2; do
    engine=${run%@*} latency=1 list=$cases vvp=$icarus binary=$verilated
    if [[ $run == *@2 ]]; then
        latency=2 list=$cases_l2 vvp=$icarus_l2 binary=$verilated_l2
    fi
    for c in $list; do
        name=${c%%:*} rule=${c#*:}
        log=$dir/$engine-l$latency-$name.log
        status=0
        if [[ $engine == icarus ]]; then
            "$VVP" -n "$vvp" "+case=$name" >"$log" 2>&1 || status=$?
        else
            # A failed assertion ends Verilator's own main with $stop, which
            # aborts; the subshell keeps bash's "Aborted" note in the log.
            ( "$binary" "+case=$name"; exit $? ) >"$log" 2>&1 || status=$?
        fi
        engine_l="$engine (latency $latency)"
        if [[ -z $rule ]]; then
            if [[ $status == 0 ]] && grep -q "case $name: no interface rule broken" "$log"; then
                echo "  $engine_l $name: ran to its end, no rule fired"
            else
                echo "  $engine_l $name: FAILED: exit status $status, expected a clean end ($log):"
                sed 's/^/    /' "$log" | head -n 5
                failures=$((failures + 1))
            fi
            continue
        fi
        # Fired means: the run stopped early (non-zero exit) and the simulator
        # named this rule of the checker inside pw_mmu. Anything else is a failure.
        fired=$(grep -m1 -o "u_mmu\.u_protocol\.$rule\b" "$log" || true)
        if [[ $status != 0 && -n $fired ]] && ! grep -q "no interface rule broken" "$log"; then
            echo "  $engine_l $name: $rule fired (exit status $status; the simulator named $fired)"
        else
            echo "  $engine_l $name: FAILED: exit status $status, $rule did not fire ($log):"
            sed 's/^/    /' "$log" | head -n 5
            failures=$((failures + 1))
        fi
    done
done

echo "== assertions: compiled out without PW_ASSERTIONS, and out of synthesis"
log=$dir/icarus-noassert-context.log
if "$VVP" -n "$icarus_off" +case=context >"$log" 2>&1 && grep -q "no interface rule broken" "$log"; then
    echo "  icarus without PW_ASSERTIONS: the context case runs to its end (nothing is checked)"
else
    echo "  FAILED: without PW_ASSERTIONS the context case should run to its end ($log)"
    failures=$((failures + 1))
fi
# shellcheck disable=SC2086  # RTL_MMU and RTL_ASSERT_FLAGS are lists
# The checker's file is not read: an instance left in would fail the hierarchy.
if "$YOSYS" -q -p "read_verilog -I$RTL_INC $RTL_ASSERT_FLAGS $RTL_MMU; hierarchy -check -top pw_mmu; \
        select -assert-none */t:pw_mmu_protocol" >"$dir/yosys.log" 2>&1; then
    echo "  yosys with PW_ASSERTIONS defined: pw_mmu instantiates no checker (SYNTHESIS keeps it out)"
else
    tail -n 5 "$dir/yosys.log"
    echo "  FAILED: the synthesized MMU contains the checker, or yosys failed ($dir/yosys.log)"
    failures=$((failures + 1))
fi
[[ $failures == 0 ]] || { echo "assertions: $failures check(s) failed"; exit 1; }
echo "assertions: every broken rule fired on both simulators; none in the clean run or in synthesis"
