#!/bin/bash
# run_mutants.sh BUILD [NAME...]: build every kernel mutant of
# tests/mutants/firmware.mutants (or the NAMEs given), run its suite on QEMU
# and require the transcript checker to report the bug. Exit 1 when any
# mutant goes uncaught or its experiment breaks (no build, hang, panic).
set -u
build=$1
shift
list=tests/mutants/firmware.mutants
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
    cp -rp firmware/kernel firmware/mlayer "$dir/firmware/"
    cp -rp "$build/firmware/default-svade" "$dir/default-svade"
    rm -f "$dir/default-svade/suite.elf"
    sed -i -e "$expr" "$dir/firmware/$file"
    if cmp -s "firmware/$file" "$dir/firmware/$file"; then
        echo "mutant $name: the expression no longer changes firmware/$file"
        broken=$((broken + 1)); continue
    fi
    if ! make --no-print-directory -s FW_SRC="$dir/firmware" FW_OUT="$dir" "$dir/default-svade/suite.elf" \
            >"$dir/build.log" 2>&1; then
        echo "mutant $name: does not build (see $dir/build.log)"
        broken=$((broken + 1)); continue
    fi
    tests/firmware/run_qemu.sh "$dir/default-svade/suite.elf" "$dir/suite.qemu.log"
    status=$?
    # A panic counts as a broken experiment unless a check reported the bug first.
    panic_at=$(grep -n -m1 "kernel panic" "$dir/suite.qemu.log" | cut -d: -f1)
    report_at=$(grep -n -m1 -E "^check: |^FAIL " "$dir/suite.qemu.log" | cut -d: -f1)
    if [ "$status" -eq 125 ] || { [ -n "$panic_at" ] && { [ -z "$report_at" ] || [ "$report_at" -gt "$panic_at" ]; }; }; then
        echo "mutant $name: broken experiment (hang, or a panic before any check reported; see $dir/suite.qemu.log)"
        broken=$((broken + 1)); continue
    fi
    if python3 tests/firmware/transcript.py check "$dir/suite.qemu.log" --programs 9 --kills 11 >"$dir/check.log"; then
        echo "mutant $name: NOT caught"
        missed=$((missed + 1))
    else
        echo "mutant $name: caught: $(head -n 1 "$dir/check.log" | sed 's|^[^:]*: ||')"
        caught=$((caught + 1))
    fi
done <"$list"
echo "firmware mutants: $caught caught, $missed missed, $broken broken"
[ "$missed" -eq 0 ] && [ "$broken" -eq 0 ]
