#!/usr/bin/env bash
# pagewalk-soc's answers to bad input and limits: the exit status and a
# message that names the problem, never a crash or a hang.
#   usage: test_cli.sh build/pagewalk-soc GOOD.elf
set -uo pipefail
soc=$1 good=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect STATUS PATTERN -- ARGS...: run, compare the status, grep stderr.
expect() {
    local want=$1 pattern=$2; shift 3
    timeout 60 "$soc" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [[ $got -eq $want ]] && grep -q -- "$pattern" "$tmp/err"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: pagewalk-soc $*: status $got (want $want), stderr:"; sed 's/^/    /' "$tmp/err"
    fi
}

printf 'not an ELF\n' > "$tmp/text.elf"
head -c 100 "$good" > "$tmp/short.elf"
expect 2 "no-such.elf"            -- "$tmp/no-such.elf"
expect 2 "text.elf"               -- "$tmp/text.elf"
expect 2 "short.elf"              -- "$tmp/short.elf"
expect 2 "unknown option '--bogus'" -- --bogus "$good"
expect 2 "no ELF given"           --
expect 2 "one ELF only"           -- "$good" "$good"
expect 2 "--ram '3'"              -- --ram 3 "$good"
expect 2 "--ram '64M'"            -- --ram 64M "$good"
expect 2 "--isa 'rv64i'"          -- --isa rv64i "$good"
expect 2 "--max-cycles ''"        -- "$good" --max-cycles
expect 124 "stopped after 100 cycles" -- --max-cycles 100 "$good"
expect 2 "cannot open"            -- --wave "$tmp/no-dir/w.fst" "$good"
echo "pagewalk-soc command line: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
