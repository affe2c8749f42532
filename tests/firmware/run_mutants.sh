#!/bin/bash
# run_mutants.sh BUILD [NAME...]: build every kernel mutant of
# tests/mutants/firmware.mutants (or the NAMEs given), run its suite on QEMU
# and require the transcript checker to report the bug. Exit 1 when any
# mutant goes uncaught or its experiment breaks (no build, hang, panic).
#
# With ENGINE=rtl: the mutants of tests/mutants/firmware-rtl.mutants, each
# built as FW=quick in the small profile and run on the RTL SoC in lockstep
# with the ISS (SOC=path of pagewalk-soc); caught when the lockstep reports a
# divergence or the transcript checker reports the failure.
set -u
build=$1
shift
engine=${ENGINE:-qemu}
list=tests/mutants/firmware.mutants
[ "$engine" = rtl ] && list=tests/mutants/firmware-rtl.mutants
want=" $* "
caught=0 missed=0 broken=0
while IFS='|' read -r name file expr; do
    name=$(echo "$name" | xargs)
    file=$(echo "$file" | xargs)
    expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
    case "$name" in ''|\#*) continue ;; esac
    [ -n "$*" ] && [[ "$want" != *" $name "* ]] && continue
    dir=$build/firmware-mutants/$name
    rm -rf "$dir"
    mkdir -p "$dir/firmware"
    # Sources and the unmutated build keep their times, so only the mutated
    # file is recompiled before the link.
    cfg=default-svade elf=suite programs=9 kills=11
    [ "$engine" = rtl ] && cfg=small-svade elf=quick programs=6 kills=10
    cp -rp firmware/kernel firmware/mlayer "$dir/firmware/"
    cp -rp "$build/firmware/$cfg" "$dir/$cfg"
    rm -f "$dir/$cfg/$elf.elf"
    # Each command of the expression must change the file (apply_mutant.py).
    if ! applied=$("${PYTHON:-python3}" tests/mutants/apply_mutant.py "firmware/$file" "$dir/firmware/$file" "$expr"); then
        echo "mutant $name: $applied"
        broken=$((broken + 1)); continue
    fi
    if ! make --no-print-directory -s FW_SRC="$dir/firmware" FW_OUT="$dir" "$dir/$cfg/$elf.elf" \
            >"$dir/build.log" 2>&1; then
        echo "mutant $name: does not build (see $dir/build.log)"
        broken=$((broken + 1)); continue
    fi
    if [ "$engine" = rtl ]; then
        "${SOC:-$build/pagewalk-soc}" --lockstep "$dir/$cfg/$elf.elf" >"$dir/console.log" 2>"$dir/rtl.stderr"
        status=$?
        if [ "$status" -eq 125 ] && grep -q -i diverge "$dir/rtl.stderr"; then
            echo "mutant $name: caught: lockstep divergence: $(grep -i -m1 diverge "$dir/rtl.stderr")"
            caught=$((caught + 1)); continue
        fi
        [ "$status" -eq 124 ] && status=125   # --max-cycles: a hang
    else
        tests/firmware/run_qemu.sh "$dir/$cfg/$elf.elf" "$dir/console.log"
        status=$?
    fi
    # A panic counts as a broken experiment unless a check reported the bug first.
    panic_at=$(grep -n -m1 "kernel panic" "$dir/console.log" | cut -d: -f1)
    report_at=$(grep -n -m1 -E "^check: |^FAIL " "$dir/console.log" | cut -d: -f1)
    if [ "$status" -eq 125 ] || { [ -n "$panic_at" ] && { [ -z "$report_at" ] || [ "$report_at" -gt "$panic_at" ]; }; }; then
        echo "mutant $name: broken experiment (hang, or a panic before any check reported; see $dir/console.log)"
        broken=$((broken + 1)); continue
    fi
    if python3 tests/firmware/transcript.py check "$dir/console.log" --programs $programs --kills $kills >"$dir/check.log"; then
        echo "mutant $name: NOT caught"
        missed=$((missed + 1))
    else
        echo "mutant $name: caught: $(head -n 1 "$dir/check.log" | sed 's|^[^:]*: ||')"
        caught=$((caught + 1))
    fi
done <"$list"
echo "firmware mutants: $caught caught, $missed missed, $broken broken"
[ "$missed" -eq 0 ] && [ "$broken" -eq 0 ]
