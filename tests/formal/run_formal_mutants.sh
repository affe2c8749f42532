#!/usr/bin/env bash
# Run every deliberate RTL bug of tests/mutants/rtl.mutants (the list the
# co-simulation's mutant run reads too) against the formal properties: the
# bounded task all:bmc_<policy> of tests/formal/all.sby, from reset.
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
    local name=$1 file=$2 policy=$3 expr=$4
    local dir=$out/$name
    rm -rf "$dir" && mkdir -p "$dir/rtl"
    cp "$root"/rtl/mmu/*.v "$dir/rtl/"
    local applied
    if ! applied=$(python3 "$root/tests/mutants/apply_mutant.py" "$root/rtl/mmu/$file" "$dir/rtl/$file" "$expr"); then
        echo "BROKEN  $name: $applied"; return
    fi
    local line
    line=$(PW_FORMAL_RTL="$(cd "$dir/rtl" && pwd)" python3 "$here/run_formal.py" --expect any \
               --out "$dir" "all:bmc_$policy" | head -1)
    # line: all:bmc_svade  STATUS  SECONDS s  ASSERTIONS (N-cycle counterexample)
    local status seconds what
    status=$(awk '{print $2}' <<<"$line")
    seconds=$(awk '{print $3}' <<<"$line")
    what=$(sed -E 's/^\S+\s+\S+\s+\S+ s\s+//' <<<"$line")
    case $status in
        FAIL)
            if [[ $what == *counterexample* ]]; then
                echo "caught  $name: $what, ${seconds} s"
            else
                echo "BROKEN  $name: failed without a counterexample (see $dir/all_bmc_$policy/logfile.txt)"
            fi ;;
        PASS) echo "MISSED  $name: every property held for the bound, ${seconds} s" ;;
        *)    echo "BROKEN  $name: sby says $status (see $dir/all_bmc_$policy/logfile.txt)" ;;
    esac
}
export -f one
export out root here

grep -v '^\s*#' "$root/tests/mutants/rtl.mutants" | grep -v '^\s*$' |
while IFS='|' read -r name file policy expr; do
    name=$(echo "$name" | xargs); file=$(echo "$file" | xargs); policy=$(echo "$policy" | xargs)
    expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
    if [[ ${#want[@]} -gt 0 && ! " ${want[*]} " =~ " $name " ]]; then continue; fi
    printf '%s\0%s\0%s\0%s\0' "$name" "$file" "$policy" "$expr"
done | xargs -0 -n 4 -P "${JOBS:-2}" bash -c 'one "$@"' _ | tee "$out/verdicts.txt"

caught=$(grep -c '^caught' "$out/verdicts.txt")
missed=$(grep -c '^MISSED' "$out/verdicts.txt")
broken=$(grep -c '^BROKEN' "$out/verdicts.txt")
echo "formal mutants: $caught caught, $missed missed, $broken broken"
