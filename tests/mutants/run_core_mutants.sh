#!/usr/bin/env bash
# Build each deliberate core bug of tests/mutants/core.mutants into its own
# pagewalk-soc and require the RTL-vs-ISS lockstep to report a MISMATCH.
#   usage: run_core_mutants.sh BUILD_DIR [NAME...]      (no NAME: all of them)
# Environment (set by rtl/soc/soc.mk): VERILATOR, SOC_VFLAGS (the normal
# Verilator flags), MUTANT_VFLAGS (optimisation for mutant builds), CXX,
# HARNESS_OBJS (the default build's harness objects: a mutant changes no
# port, so they link with any mutant's model), LINK_LIBS, RTL_OTHER (the
# non-core RTL files), JOBS, MAX_CYCLES.
set -uo pipefail
build=$1; shift
want=("$@")
root=$build/soc/mutants
mkdir -p "$root"

# Build and judge one mutant; prints one verdict line.
one() {
    local name=$1 file=$2 programs=$3 expr=$4
    local dir=$root/$name
    rm -rf "$dir" && mkdir -p "$dir/rtl"
    cp rtl/core/*.v "$dir/rtl/"
    sed "$expr" "rtl/core/$file" > "$dir/rtl/$file"
    if cmp -s "$dir/rtl/$file" "rtl/core/$file"; then
        echo "BROKEN  $name: the expression no longer changes rtl/core/$file"; return
    fi
    # shellcheck disable=SC2086
    if ! $VERILATOR $SOC_VFLAGS $MUTANT_VFLAGS -GWithM=1 -GSvadu=0 -Mdir "$dir/obj" \
            "$dir"/rtl/*.v $RTL_OTHER --build -j 1 > "$dir/build.log" 2>&1 ||
       ! $CXX -o "$dir/pagewalk-soc" $HARNESS_OBJS "$dir/obj/Vsoc__ALL.a" $LINK_LIBS >> "$dir/build.log" 2>&1; then
        echo "BROKEN  $name: does not build (see $dir/build.log)"; return
    fi
    local broken=""
    for p in ${programs//,/ }; do
        local elf
        case $p in
            isa:*) elf=$build/isa/${p#isa:}.elf ;;
            soc:*) elf=$build/soc/tests/${p#soc:}.elf ;;
            *) echo "BROKEN  $name: unknown program '$p' (isa:NAME or soc:NAME)"; return ;;
        esac
        [[ -f $elf ]] || { echo "BROKEN  $name: $elf is missing"; return; }
        "$dir/pagewalk-soc" --lockstep --max-cycles "$MAX_CYCLES" --wave "$dir/mismatch.fst" "$elf" \
            > "$dir/run.log" 2>&1
        local status=$?
        if [[ $status -eq 125 ]] && grep -q '^MISMATCH' "$dir/run.log"; then
            echo "caught  $name: $p, $(grep -m1 "^MISMATCH" "$dir/run.log"); $(sed -n "2s/^ *//p" "$dir/run.log")"
            return
        fi
        # A pass (0) or a program's own failure verdict is a miss; anything
        # else (the cycle limit, a crash, a usage error) makes the run broken.
        if [[ $status -eq 124 || $status -eq 2 || $status -gt 128 ]]; then
            broken="$broken $p:exit$status"
        fi
    done
    if [[ -n $broken ]]; then
        echo "BROKEN  $name: no MISMATCH, and runs did not finish:$broken (see $dir/run.log)"
    else
        echo "MISSED  $name: $programs passed in lockstep"
    fi
}
export -f one
export root build

grep -v '^\s*#' tests/mutants/core.mutants | grep -v '^\s*$' | while IFS='|' read -r name file programs expr; do
    name=$(echo "$name" | xargs); file=$(echo "$file" | xargs); programs=$(echo "$programs" | xargs)
    expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
    if [[ ${#want[@]} -gt 0 && ! " ${want[*]} " =~ " $name " ]]; then continue; fi
    printf '%s\0%s\0%s\0%s\0' "$name" "$file" "$programs" "$expr"
done | xargs -0 -n 4 -P "${JOBS:-2}" bash -c 'one "$@"' _ | tee "$root/verdicts.txt"

caught=$(grep -c '^caught' "$root/verdicts.txt")
missed=$(grep -c '^MISSED' "$root/verdicts.txt")
broken=$(grep -c '^BROKEN' "$root/verdicts.txt")
echo "core mutants: $caught caught, $missed missed, $broken broken"
[[ $missed -eq 0 && $broken -eq 0 && $caught -gt 0 ]]
