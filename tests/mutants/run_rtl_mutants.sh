#!/usr/bin/env bash
# Build each deliberate RTL bug of tests/mutants/rtl.mutants into its own
# pagewalk-cosim and require the lockstep co-simulation to catch it.
#   usage: run_rtl_mutants.sh BUILD_DIR [NAME...]      (no NAME: all of them)
# Environment (set by the Makefile): VERILATOR, VERILATE_FLAGS, CXX,
# COSIM_CXXFLAGS, COSIM_LINK (harness objects and libraries), JOBS,
# MUTANT_SEEDS (seeds tried per mutant), MUTANT_CYCLES (cycles per seed).
set -uo pipefail
build=$1; shift
want=("$@")
root=$build/mutants
mkdir -p "$root"
seeds=${MUTANT_SEEDS:-20}
cycles=${MUTANT_CYCLES:-100000}

# Build and run one mutant; prints one verdict line.
one() {
    local name=$1 file=$2 policy=$3 expr=$4
    local dir=$root/$name svadu=0
    [[ $policy == svadu ]] && svadu=1
    rm -rf "$dir" && mkdir -p "$dir/rtl"
    cp rtl/mmu/*.v "$dir/rtl/"
    sed "$expr" "rtl/mmu/$file" > "$dir/rtl/$file"
    if cmp -s "$dir/rtl/$file" "rtl/mmu/$file"; then
        echo "BROKEN  $name: the expression no longer changes rtl/mmu/$file"; return
    fi
    # shellcheck disable=SC2086
    if ! $VERILATOR $VERILATE_FLAGS --prefix Vmmu_mut -GSvadu=$svadu -Mdir "$dir" \
            "$dir"/rtl/*.v \
            --build -j 1 > "$dir/build.log" 2>&1 ||
       ! $CXX $COSIM_CXXFLAGS -I"$dir" -DDUT_CLASS=Vmmu_mut -DDUT_NAME="$name" \
            -DDUT_AD=$([[ $svadu == 1 ]] && echo PW_AD_SVADU || echo PW_AD_SVADE) -DDUT_ENTRIES=8 \
            -c cosim/dut_verilated.cc -o "$dir/dut.o" >> "$dir/build.log" 2>&1 ||
       ! $CXX -o "$dir/pagewalk-cosim" $COSIM_LINK_OBJS "$dir/dut.o" "$dir/Vmmu_mut__ALL.a" \
            $COSIM_LINK_LIBS >> "$dir/build.log" 2>&1; then
        echo "BROKEN  $name: does not build (see $dir/build.log)"; return
    fi
    for seed in $(seq 1 "$seeds"); do
        if ! "$dir/pagewalk-cosim" --dut "$name" --seed "$seed" --cycles "$cycles" --no-wave \
                > "$dir/seed$seed.log" 2>&1; then
            local what
            what=$(grep -m1 '^MISMATCH' "$dir/seed$seed.log" | sed 's/ (build.*): /: /')
            echo "caught  $name: seed $seed, ${what:-exit status $?}"
            return
        fi
    done
    echo "MISSED  $name: $seeds seeds of $cycles cycles all passed"
}
export -f one
export root seeds cycles

grep -v '^\s*#' tests/mutants/rtl.mutants | grep -v '^\s*$' | while IFS='|' read -r name file policy expr; do
    name=$(echo "$name" | xargs); file=$(echo "$file" | xargs); policy=$(echo "$policy" | xargs)
    expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
    if [[ ${#want[@]} -gt 0 && ! " ${want[*]} " =~ " $name " ]]; then continue; fi
    printf '%s\0%s\0%s\0%s\0' "$name" "$file" "$policy" "$expr"
done | xargs -0 -n 4 -P "${JOBS:-2}" bash -c 'one "$@"' _ | tee "$root/verdicts.txt"

caught=$(grep -c '^caught' "$root/verdicts.txt")
missed=$(grep -c '^MISSED' "$root/verdicts.txt")
broken=$(grep -c '^BROKEN' "$root/verdicts.txt")
echo "rtl mutants: $caught caught, $missed missed, $broken broken"
[[ $missed -eq 0 && $broken -eq 0 && $caught -gt 0 ]]
