#!/usr/bin/env bash
# One deliberate RTL bug of tests/mutants/rtl.mutants, as one job of the
# mutant suite: build it into its own pagewalk-cosim and try seeds until the
# lockstep co-simulation reports a MISMATCH.
#   usage: rtl_mutant.sh BUILD_DIR NAME
# The tools and flags come from BUILD_DIR/mutants/toolchain.env, which
# `make mutants` writes (VERILATOR, VERILATE_FLAGS, CXX, COSIM_CXXFLAGS,
# COSIM_LINK_OBJS, COSIM_LINK_LIBS, MUTANT_SEEDS, MUTANT_CYCLES).
# Exit status (the suite's job protocol, docs/regress.md): 0 caught, 1 missed,
# 3 broken (the experiment could not be done: a stale expression, a build
# failure, or a run that ended in anything but a pass or a reported MISMATCH).
# The last line says why.
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

line=$(grep -v '^\s*#' tests/mutants/rtl.mutants | awk -F'|' -v n="$name" \
       '{ k = $1; gsub(/^ +| +$/, "", k) } k == n { print; exit }')
[[ -n $line ]] || broken "no mutant '$name' in tests/mutants/rtl.mutants"
IFS='|' read -r _ file policy expr <<< "$line"
file=$(echo "$file" | xargs); policy=$(echo "$policy" | xargs)
expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')

dir=$build/mutants/$name
svadu=0
[[ $policy == svadu ]] && svadu=1
rm -rf "$dir" && mkdir -p "$dir/rtl"
cp rtl/mmu/*.v "$dir/rtl/"
sed "$expr" "rtl/mmu/$file" > "$dir/rtl/$file" || broken "the sed expression fails on rtl/mmu/$file"
if cmp -s "$dir/rtl/$file" "rtl/mmu/$file"; then
    broken "the expression no longer changes rtl/mmu/$file"
fi
echo "building $name ($policy): rtl/mmu/$file with: $expr"
# shellcheck disable=SC2086
if ! $VERILATOR $VERILATE_FLAGS --prefix Vmmu_mut -GSvadu=$svadu -Mdir "$dir" \
        "$dir"/rtl/*.v \
        --build -j 1 > "$dir/build.log" 2>&1 ||
   ! $CXX $COSIM_CXXFLAGS -I"$dir" -DDUT_CLASS=Vmmu_mut -DDUT_NAME="$name" \
        -DDUT_AD=$([[ $svadu == 1 ]] && echo PW_AD_SVADU || echo PW_AD_SVADE) -DDUT_ENTRIES=8 \
        -c cosim/dut_verilated.cc -o "$dir/dut.o" >> "$dir/build.log" 2>&1 ||
   ! $CXX -o "$dir/pagewalk-cosim" $COSIM_LINK_OBJS "$dir/dut.o" "$dir/Vmmu_mut__ALL.a" \
        $COSIM_LINK_LIBS >> "$dir/build.log" 2>&1; then
    tail -n 20 "$dir/build.log"
    broken "does not build (see $dir/build.log)"
fi

for seed in $(seq 1 "$MUTANT_SEEDS"); do
    log=$dir/seed$seed.log
    "$dir/pagewalk-cosim" --dut "$name" --seed "$seed" --cycles "$MUTANT_CYCLES" --no-wave > "$log" 2>&1
    status=$?
    [[ $status -eq 0 ]] && continue
    tail -n 30 "$log"
    what=$(grep -m1 '^MISMATCH' "$log" | sed 's/ (build.*): /: /')
    if [[ $status -eq 1 && -n $what ]]; then
        echo "seed $seed: $what"
        exit 0
    fi
    # Only a reported mismatch is a catch; a crash or an error is no evidence.
    broken "seed $seed: exit status $status without a MISMATCH report (see $log)"
done
echo "$MUTANT_SEEDS seeds of $MUTANT_CYCLES cycles all passed"
exit 1
