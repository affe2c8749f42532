#!/usr/bin/env bash
# Run every deliberate RTL bug of tests/mutants/rtl.mutants (the list the
# co-simulation's mutant run reads too) against the formal properties: the
# bounded task all:bmc_<policy> of tests/formal/all.sby, from reset. The
# pipelined MMU's bugs (tests/mutants/rtl_pipe.mutants) whose build is a
# plain svade_l2, svadu_l2, svade_l3 or svadu_l3 run against the interface
# rules at that latency (tests/formal/pipe.sby, task l2_svade and so on);
# those of builds with other options are left to the co-simulation.
#   usage: run_formal_mutants.sh OUT_DIR [NAME...]     (no NAME: all of them)
# Environment (set by formal.mk): what run_formal.py needs, JOBS.
# One line per mutant:
#   caught  NAME: the assertions that failed (N-cycle counterexample)
#   MISSED  NAME: every property held to the bound
#   BROKEN  NAME: the expression no longer changes the file, or the mutant
#                 does not elaborate; never counted as caught
# Exit status 0 when the run itself worked; the verdicts are the report.
set -uo pipefail
out=$1; shift
want=("$@")
here=$(cd "$(dirname "$0")" && pwd)
root=$(pwd)
mkdir -p "$out"

one() {
    local name=$1 file=$2 task=$3 expr=$4
    [[ -n $name ]] || { echo "BROKEN  (a mutant line without a name)"; return; }
    local dir=$out/$name
    rm -rf "$dir" && mkdir -p "$dir/rtl"
    cp "$root"/rtl/mmu/*.v "$dir/rtl/"
    local applied
    if ! applied=$(python3 "$root/tests/mutants/apply_mutant.py" "$root/rtl/mmu/$file" "$dir/rtl/$file" "$expr"); then
        echo "BROKEN  $name: $applied"; return
    fi
    local line
    line=$(PW_FORMAL_RTL="$(cd "$dir/rtl" && pwd)" python3 "$here/run_formal.py" --expect any \
               --out "$dir" "$task" | head -1)
    # line: all:bmc_svade  STATUS  SECONDS s  ASSERTIONS (N-cycle counterexample)
    local log=$dir/${task/:/_}/logfile.txt
    local status seconds what
    status=$(awk '{print $2}' <<<"$line")
    seconds=$(awk '{print $3}' <<<"$line")
    what=$(sed -E 's/^\S+\s+\S+\s+\S+ s\s+//' <<<"$line")
    case $status in
        FAIL)
            if [[ $what == *counterexample* ]]; then
                echo "caught  $name: $what, ${seconds} s"
            else
                echo "BROKEN  $name: failed without a counterexample (see $log)"
            fi ;;
        PASS) echo "MISSED  $name: every property held for the bound, ${seconds} s" ;;
        *)    echo "BROKEN  $name: sby says $status (see $log)" ;;
    esac
}
export -f one
export out root here

# The expression of rtl.mutants' NAME (rtl_pipe.mutants' "= NAME" lines).
expr_of() {
    grep -v '^\s*#' "$root/tests/mutants/rtl.mutants" | while IFS='|' read -r n _ _ e; do
        [[ $(echo "$n" | xargs) == "$1" ]] && { echo "$e" | sed 's/^ *//; s/ *$//'; break; }
    done
}
trim() { sed 's/^ *//; s/ *$//' <<<"$1"; }
# A name that is in neither list is a typo, not an empty run.
known=" $(grep -hv '^\s*#' "$root/tests/mutants/rtl.mutants" "$root/tests/mutants/rtl_pipe.mutants" |
          grep -v '^\s*$' | cut -d'|' -f1 | xargs) "
for w in "${want[@]}"; do
    if [[ $known != *" $w "* ]]; then
        echo "run_formal_mutants.sh: no mutant '$w' in tests/mutants/rtl.mutants or rtl_pipe.mutants" >&2
        exit 2
    fi
done
{
    grep -v '^\s*#' "$root/tests/mutants/rtl.mutants" | grep -v '^\s*$' | sed 's/^/rtl|/'
    grep -v '^\s*#' "$root/tests/mutants/rtl_pipe.mutants" | grep -v '^\s*$' | sed 's/^/pipe|/'
} | while IFS='|' read -r list name file build expr; do
    name=$(trim "$name"); file=$(trim "$file"); build=$(trim "$build"); expr=$(trim "$expr")
    if [[ ${#want[@]} -gt 0 && ! " ${want[*]} " =~ " $name " ]]; then continue; fi
    if [[ $list == rtl ]]; then
        task=all:bmc_$build
    elif [[ $build =~ ^(svade|svadu)_l([23])$ ]]; then
        task=pipe:l${BASH_REMATCH[2]}_${BASH_REMATCH[1]}
        [[ $expr == "= "* ]] && expr=$(expr_of "${expr#= }")
    else
        # a build with options the formal model does not set
        [[ ${#want[@]} -gt 0 ]] &&
            echo "skipped $name: its build $build sets options the formal model does not (make mutants checks it)" >&2
        continue
    fi
    printf '%s\0%s\0%s\0%s\0' "$name" "$file" "$task" "$expr"
done | xargs -0 -r -n 4 -P "${JOBS:-2}" bash -c 'one "$@"' _ | tee "$out/verdicts.txt"

caught=$(grep -c '^caught' "$out/verdicts.txt")
missed=$(grep -c '^MISSED' "$out/verdicts.txt")
broken=$(grep -c '^BROKEN' "$out/verdicts.txt")
echo "formal mutants: $caught caught, $missed missed, $broken broken"
