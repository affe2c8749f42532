#!/usr/bin/env bash
# The SystemC/TLM-2.0 regression (docs/systemc.md), run by `make test-systemc`:
# seeded translations under both A/D policies (and at hit latency 2 and 3)
# must all agree with the architectural model; then the build with an
# injected bug must fail its run.
#   usage: cosim/systemc/test_systemc.sh SC_CMD BUG_CMD BUG_DIR BUG_NAME SEED TRANSLATIONS MORE
# TRANSLATIONS per one-cycle build, MORE per pipelined build.
# BUG_DIR holds rtl/policy (the policy the bug targets); logs go beside the programs.
set -euo pipefail
sc=$1 bug=$2 bug_dir=$3 bug_name=$4 seed=$5 translations=$6 more=$7
export SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1
sc_dir=$(dirname "$sc")

echo "== SystemC/TLM-2.0: $translations seeded translations per A/D policy, $more at hit latency 2 and 3," \
     "through the MMU's TLM socket"
total=0 runs=0
for build in svade:$translations svadu:$translations svade_l2:$more svadu_l3:$more; do
    name=${build%%:*} n=${build#*:}
    log=$sc_dir/test-$name.log
    status=0
    "$sc" --build "$name" --seed "$seed" --translations "$n" >"$log" 2>&1 || status=$?
    cat "$log"
    [[ $status == 0 ]] || exit 1
    # A pass is a completed run that says how much it checked, never a silent exit 0.
    n=$(sed -n 's/^pagewalk-sc: PASS .*: \([0-9]*\) translations checked.*/\1/p' "$log")
    [[ -n $n && $n -gt 0 ]] || { echo "systemc: BROKEN: the $name run ended 0 without a PASS summary ($log)"; exit 1; }
    total=$((total + n)) runs=$((runs + 1))
done

policy=$(cat "$bug_dir/rtl/policy")
echo "== SystemC: the injected bug $bug_name ($policy) must make the run fail"
log=$bug_dir/test.log
status=0
"$bug" --seed "$seed" --translations "$translations" >"$log" 2>&1 || status=$?
# Caught only when the run completed and its scoreboard reported mismatches:
# exit status 1, a MISMATCH report and the FAIL summary counting them. A run
# that passes is MISSED; a crash, an exception, a hang cut short or any other
# ending is BROKEN: no evidence either way. Both fail the test.
summary=$(grep -m1 '^pagewalk-sc: FAIL .* [1-9][0-9]* mismatches' "$log" || true)
if [[ $status == 1 ]] && grep -q '^MISMATCH' "$log" && [[ -n $summary ]]; then
    sed -n '/^MISMATCH/,/reproduce:/p' "$log" | sed 's/^/    /'
    echo "systemc: $runs runs, $total translations, 0 mismatches; injected bug caught ($bug_name: $(grep -m1 '^MISMATCH' "$log" | sed 's/^MISMATCH //'))"
elif [[ $status == 0 ]]; then
    tail -n 5 "$log"
    echo "systemc: the injected bug $bug_name was MISSED: the run passed"
    exit 1
else
    tail -n 20 "$log"
    echo "systemc: BROKEN: the run with the injected bug $bug_name ended with exit status $status without" \
         "a scoreboard mismatch report ($log)"
    exit 1
fi
