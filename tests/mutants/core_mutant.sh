#!/usr/bin/env bash
# One deliberate bug of tests/mutants/core.mutants, as one job of the
# core mutant suite: build it into its own pagewalk-soc and run the programs
# its line names in lockstep with the ISS until one reports a MISMATCH.
#   usage: core_mutant.sh BUILD_DIR NAME
# The tools and flags come from BUILD_DIR/soc/mutants/toolchain.env, which
# `make mutants-core` writes (VERILATOR, SOC_VFLAGS, MUTANT_VFLAGS, CXX,
# HARNESS_OBJS, LINK_LIBS, RTL_OTHER, RTL_MMU, MAX_CYCLES).
# Exit status (the suite's job protocol, docs/regress.md): 0 caught, 1 missed,
# 3 broken (a stale expression, a build failure, a program missing, or runs
# that ended in neither a verdict nor a MISMATCH: a crash, the cycle limit).
# The last line says why.
set -uo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: core_mutant.sh BUILD_DIR NAME" >&2; exit 2
fi
build=$1 name=$2
env_file=$build/soc/mutants/toolchain.env
broken() { echo "$*"; exit 3; }
[[ -r $env_file ]] || broken "no $env_file (make mutants-core writes it)"
# shellcheck disable=SC1090
source "$env_file"

line=$(grep -v '^\s*#' tests/mutants/core.mutants | awk -F'|' -v n="$name" \
       '{ k = $1; gsub(/^ +| +$/, "", k) } k == n { print; exit }')
[[ -n $line ]] || broken "no mutant '$name' in tests/mutants/core.mutants"
IFS='|' read -r _ file programs expr <<< "$line"
file=$(echo "$file" | xargs); programs=$(echo "$programs" | xargs)
expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')

# FILE is under rtl/core, or mmu/NAME for the MMU inside the SoC (a bug only
# the MMU's cycle-model check can see).
dir=$build/soc/mutants/$name
rm -rf "$dir" && mkdir -p "$dir/rtl/core" "$dir/rtl/mmu"
cp rtl/core/*.v "$dir/rtl/core/"
cp rtl/mmu/*.v "$dir/rtl/mmu/"
case $file in
    mmu/*) src=rtl/$file ;;
    *)     src=rtl/core/$file ;;
esac
[[ -f $src ]] || broken "no $src"
# Each command of the expression must change the file (apply_mutant.py).
applied=$("${PYTHON:-python3}" tests/mutants/apply_mutant.py "$src" "$dir/$src" "$expr") ||
    broken "$applied"
echo "building $name: $src with: $expr"
# The MMU's files in the order of the build's RTL_MMU, from the copy.
mmu_files=()
for f in $RTL_MMU; do mmu_files+=("$dir/$f"); done
# shellcheck disable=SC2086
if ! $VERILATOR $SOC_VFLAGS $MUTANT_VFLAGS -GWithM=1 -GSvadu=0 -Mdir "$dir/obj" \
        "$dir"/rtl/core/*.v $RTL_OTHER "${mmu_files[@]}" --build -j 1 > "$dir/build.log" 2>&1 ||
   ! $CXX -o "$dir/pagewalk-soc" $HARNESS_OBJS "$dir/obj/Vsoc__ALL.a" $LINK_LIBS >> "$dir/build.log" 2>&1; then
    tail -n 20 "$dir/build.log"
    broken "does not build (see $dir/build.log)"
fi

unfinished="" statuses=""
for p in ${programs//,/ }; do
    case $p in
        isa:*) elf=$build/isa/${p#isa:}.elf ;;
        soc:*) elf=$build/soc/tests/${p#soc:}.elf ;;
        *) broken "unknown program '$p' (isa:NAME or soc:NAME)" ;;
    esac
    [[ -f $elf ]] || broken "$elf is missing"
    log=$dir/${p/:/-}.log
    "$dir/pagewalk-soc" --lockstep --max-cycles "$MAX_CYCLES" --wave "$dir/mismatch.fst" "$elf" > "$log" 2>&1
    status=$?
    statuses="$statuses $p:exit$status"
    if [[ $status -eq 125 ]] && grep -qE '^(MMU )?MISMATCH' "$log"; then
        grep -m1 -A1 -E '^(MMU )?MISMATCH' "$log" | sed 's/^ *//' | paste -sd ';' | sed "s/^/$p: /"
        exit 0
    fi
    # A pass (0) or the program's own failure code is a miss; the cycle
    # limit, a usage error or a signal is no experiment.
    if [[ $status -eq 124 || $status -eq 2 || $status -gt 128 ]]; then
        unfinished="$unfinished $p:exit$status"
    fi
done
[[ -z $unfinished ]] || broken "no MISMATCH, and runs did not finish:$unfinished (see $dir)"
# Exit 0 is a pass; another is the program's own verdict (a test case that
# failed), which the RTL and the ISS reached together.
echo "no MISMATCH: the RTL and the ISS agreed to the end (${statuses# })"
exit 1
