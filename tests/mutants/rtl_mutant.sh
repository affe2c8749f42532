#!/usr/bin/env bash
# One deliberate RTL bug of tests/mutants/rtl.mutants or rtl_pipe.mutants,
# as one job of the mutant suite: build it (with the parameters of its build)
# into its own pagewalk-cosim and its own directed program, run the directed
# vector files and scenarios (tests/cosim, the same tests the real RTL
# passes), then seeds until the lockstep co-simulation reports a MISMATCH.
#   usage: rtl_mutant.sh BUILD_DIR NAME
# The tools and flags come from BUILD_DIR/mutants/toolchain.env, which
# `make mutants` writes (VERILATOR, VERILATE_FLAGS, CXX, COSIM_CXXFLAGS,
# COSIM_LINK_OBJS, COSIM_LINK_LIBS, DIRECTED_LINK_OBJS, MUTANT_SEEDS,
# MUTANT_CYCLES, and COSIM_BUILD_TABLE for rtl_pipe.mutants).
# Exit status (the suite's job protocol, docs/regress.md): 0 caught, 1 missed,
# 3 broken (the experiment could not be done: a stale expression, a build
# failure, or a run that ended in anything but a pass or a reported
# MISMATCH). Caught means a check reported a disagreement: a seed's MISMATCH,
# or a directed test failing by a check (directed_verdict.cc). The last line
# says which checks caught it, e.g.
#   directed: 3 of 32 tests (MISMATCH Mmu/Scenario...); seeds: seed 2 (MISMATCH at cycle ...)
set -uo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: rtl_mutant.sh BUILD_DIR NAME" >&2; exit 2
fi
build=$1 name=$2
env_file=$build/mutants/toolchain.env
broken() { echo "$*"; exit 3; }
[[ -r $env_file ]] || broken "no $env_file (make mutants writes it)"
# shellcheck disable=SC1090
source "$env_file"

# The bug: in rtl.mutants (the one-cycle MMU of its A/D policy) or in
# rtl_pipe.mutants (a build of COSIM_BUILD_TABLE; "= NAME" borrows the
# expression of that bug of rtl.mutants).
find_line() {
    grep -v '^\s*#' "$1" | awk -F'|' -v n="$2" '{ k = $1; gsub(/^ +| +$/, "", k) } k == n { print; exit }'
}
list=tests/mutants/rtl.mutants
line=$(find_line "$list" "$name")
if [[ -z $line ]]; then
    list=tests/mutants/rtl_pipe.mutants
    line=$(find_line "$list" "$name")
fi
[[ -n $line ]] || broken "no mutant '$name' in tests/mutants/rtl.mutants or rtl_pipe.mutants"
IFS='|' read -r _ file policy expr <<< "$line"
file=$(echo "$file" | xargs); policy=$(echo "$policy" | xargs)
expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
if [[ $expr == "="* ]]; then
    original=$(echo "${expr#=}" | xargs)
    oline=$(find_line tests/mutants/rtl.mutants "$original")
    [[ -n $oline ]] || broken "$list: '$name' borrows '$original', which tests/mutants/rtl.mutants lacks"
    IFS='|' read -r _ _ _ expr <<< "$oline"
    expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
fi

# The build's parameters: a policy alone is the one-cycle MMU's defaults.
params=() defines=()
if [[ $list == tests/mutants/rtl_pipe.mutants ]]; then
    entry=$(tr ' ' '\n' <<< "${COSIM_BUILD_TABLE:-}" | grep "^$policy:" || true)
    [[ -n $entry ]] || broken "no build '$policy' in COSIM_BUILD_TABLE (cosim/cosim.mk)"
    IFS=: read -r _ svadu latency counter_bits flush_all ppn_in_bram <<< "$entry"
    case $counter_bits in 32) counters=PW_COUNTERS_32 ;; 16) counters=PW_COUNTERS_16 ;; *) counters=PW_COUNTERS_NONE ;; esac
    params=(-GHitLatency="$latency" -GCounterBits="$counter_bits" -GSfenceFlushAll="$flush_all" -GPpnInBram="$ppn_in_bram")
    defines=(-DDUT_HIT_LATENCY="$latency" -DDUT_COUNTERS="$counters" -DDUT_FLUSH_ALL="$flush_all"
             -DDUT_PPN_IN_BRAM="$ppn_in_bram")
    [[ $svadu == 1 ]] && policy_ad=svadu || policy_ad=svade
else
    policy_ad=$policy
fi

dir=$build/mutants/$name
svadu=0
[[ $policy_ad == svadu ]] && svadu=1
rm -rf "$dir" && mkdir -p "$dir/rtl"
cp rtl/mmu/*.v "$dir/rtl/"
# Each command of the expression must change the file (apply_mutant.py).
applied=$("${PYTHON:-python3}" tests/mutants/apply_mutant.py "rtl/mmu/$file" "$dir/rtl/$file" "$expr") ||
    broken "$applied"
echo "building $name ($policy): rtl/mmu/$file with: $expr"
# shellcheck disable=SC2086
if ! $VERILATOR $VERILATE_FLAGS --prefix Vmmu_mut -GSvadu=$svadu "${params[@]}" -Mdir "$dir" \
        "$dir"/rtl/*.v \
        --build -j 1 > "$dir/build.log" 2>&1 ||
   ! $CXX $COSIM_CXXFLAGS -I"$dir" -DDUT_CLASS=Vmmu_mut -DDUT_NAME="$name" \
        -DDUT_AD=$([[ $svadu == 1 ]] && echo PW_AD_SVADU || echo PW_AD_SVADE) -DDUT_ENTRIES=8 "${defines[@]}" \
        -c cosim/dut_verilated.cc -o "$dir/dut.o" >> "$dir/build.log" 2>&1 ||
   ! $CXX -o "$dir/pagewalk-cosim" $COSIM_LINK_OBJS "$dir/dut.o" "$dir/Vmmu_mut__ALL.a" \
        $COSIM_LINK_LIBS >> "$dir/build.log" 2>&1 ||
   ! $CXX -o "$dir/directed" $DIRECTED_LINK_OBJS "$dir/dut.o" "$dir/Vmmu_mut__ALL.a" \
        $COSIM_LINK_LIBS -lgtest >> "$dir/build.log" 2>&1; then
    tail -n 20 "$dir/build.log"
    broken "does not build (see $dir/build.log)"
fi

# The directed checks: vector files of the mutant's policy and the scenarios.
log=$dir/directed.log
"$dir/directed" --gtest_filter='Vec/VecThroughRtl.*:Mmu/Scenario.*' --gtest_brief=1 > "$log" 2>&1
status=$?
summary=$(grep '^DIRECTED: ' "$log" | tail -n 1)
case $status in
    0) directed="directed: passed (${summary#DIRECTED: })"
       directed_caught=0 ;;
    1) first=$(grep -m1 '^MISMATCH ' "$log" | cut -c1-160)
       directed="directed: ${summary#DIRECTED: } ($first)"
       directed_caught=1 ;;
    *) tail -n 30 "$log"
       broken "directed checks: exit status $status, not a verdict (${summary:-no summary}; see $log)" ;;
esac

seeds="seeds: $MUTANT_SEEDS of $MUTANT_CYCLES cycles passed"
seeds_caught=0
for seed in $(seq 1 "$MUTANT_SEEDS"); do
    log=$dir/seed$seed.log
    "$dir/pagewalk-cosim" --dut "$name" --seed "$seed" --cycles "$MUTANT_CYCLES" --no-wave > "$log" 2>&1
    status=$?
    [[ $status -eq 0 ]] && continue
    what=$(grep -m1 '^MISMATCH' "$log" | sed 's/ (build.*): /: /')
    if [[ $status -eq 1 && -n $what ]]; then
        seeds="seeds: seed $seed ($what)"
        seeds_caught=1
        break
    fi
    # Only a reported mismatch is a catch; a crash or an error is no evidence.
    tail -n 30 "$log"
    broken "seed $seed: exit status $status without a MISMATCH report (see $log)"
done
[[ $seeds_caught == 1 ]] && tail -n 30 "$dir/seed$seed.log"
echo "$directed; $seeds"
if [[ $directed_caught == 1 || $seeds_caught == 1 ]]; then
    exit 0
fi
exit 1
