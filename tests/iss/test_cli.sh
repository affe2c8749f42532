#!/usr/bin/env bash
# pagewalk-iss's and pagewalk-soc's answers to bad input and limits: the exit
# status and a message that names the problem and the file or option, never a
# crash or a hang. Both commands share the ELF loader (cmodel/elf.c) and the
# option values (cmodel/cli.c), so both get the same cases; each then gets
# its own options.
#   usage: test_cli.sh COMMAND GOOD.elf
#   (COMMAND is build/pagewalk-iss or build/pagewalk-soc; GOOD.elf a program
#   with a PT_LOAD segment in RAM that passes)
set -uo pipefail
cmd=$1 good=$2
name=$(basename "$cmd")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect STATUS PATTERN -- ARGS...: run, compare the status, grep stderr.
expect() {
    local want=$1 pattern=$2; shift 3
    timeout 60 "$cmd" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [[ $got -eq $want ]] && grep -q -- "$pattern" "$tmp/err"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name $*: status $got (want $want), stderr:"; sed 's/^/    /' "$tmp/err"
    fi
}

# The ELF32 header's fields used below (little-endian): e_ident[EI_CLASS] at
# 4, e_ident[EI_DATA] at 5, e_machine at 18, e_phoff at 28; a program header
# is 32 bytes, p_type at 0 and p_paddr at 12.
u32_at() { od -An -t u4 -j "$2" -N 4 "$1" | tr -d ' '; }
u16_at() { od -An -t u2 -j "$2" -N 2 "$1" | tr -d ' '; }
# poke FILE OFFSET HEXBYTES: a copy of the good ELF with bytes replaced.
poke() {
    cp "$good" "$1"
    printf '%b' "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# The offset of the first PT_LOAD program header.
first_load() {
    local phoff phnum i
    phoff=$(u32_at "$good" 28) phnum=$(u16_at "$good" 44)
    for ((i = 0; i < phnum; i++)); do
        [[ $(u32_at "$good" $((phoff + 32 * i))) -eq 1 ]] && { echo $((phoff + 32 * i)); return; }
    done
    echo "test_cli.sh: $good has no PT_LOAD segment" >&2; exit 2
}

printf 'not an ELF\n' > "$tmp/text.elf"
: > "$tmp/empty.elf"
head -c 100 "$good" > "$tmp/short.elf"
poke "$tmp/elf64.elf" 4 '\x02'
poke "$tmp/big-endian.elf" 5 '\x02'
poke "$tmp/x86.elf" 18 '\x03\x00'
poke "$tmp/phdrs-past-end.elf" 28 '\x00\x00\x10\x00'          # e_phoff 1 MiB
load=$(first_load) || exit 2
poke "$tmp/low-segment.elf" $((load + 12)) '\x00\x00\x00\x10'   # p_paddr 0x10000000
poke "$tmp/high-segment.elf" $((load + 12)) '\xf8\x0f\x00\x80'  # p_paddr 0x80000ff8, with --ram 4K

expect 2 "$tmp/no-such.elf: cannot open: No such file" -- "$tmp/no-such.elf"
expect 2 "$tmp: read error (is it a directory?)" -- "$tmp"
expect 2 "text.elf: not an ELF file"                -- "$tmp/text.elf"
expect 2 "empty.elf: not an ELF file"               -- "$tmp/empty.elf"
expect 2 "short.elf: truncated"                     -- "$tmp/short.elf"
expect 2 "elf64.elf: not an RV32 ELF: the class is ELF64" -- "$tmp/elf64.elf"
expect 2 "big-endian.elf: not an RV32 ELF: big-endian" -- "$tmp/big-endian.elf"
expect 2 "x86.elf: not an RV32 ELF: machine 3 is not RISC-V" -- "$tmp/x86.elf"
expect 2 "phdrs-past-end.elf: truncated: the [0-9]* program headers at offset 1048576 run past the end" \
                                                    -- "$tmp/phdrs-past-end.elf"
expect 2 "low-segment.elf: segment [0-9]* \[0x10000000, 0x[0-9a-f]*) is outside RAM" -- "$tmp/low-segment.elf"
expect 2 "high-segment.elf: segment [0-9]* \[0x80000ff8, 0x[0-9a-f]*) is outside RAM .*(a larger --ram?)" \
                                                    -- --ram 4K "$tmp/high-segment.elf"
expect 2 "$name: unknown option '--bogus'"          -- --bogus "$good"
expect 2 "no ELF given"                             --
expect 2 "one ELF only"                             -- "$good" "$good"
expect 2 "--ram '3': not a multiple of 4K"          -- --ram 3 "$good"
expect 2 "--ram '5x': 'x' after the number"         -- --ram 5x "$good"
expect 2 "--ram needs a value"                      -- "$good" --ram
expect 2 "--isa 'rv64i'"                            -- --isa rv64i "$good"
expect 2 "--max-insns 'x': not a number"            -- --max-insns x "$good"
expect 124 "stopped after 10 instructions"          -- --max-insns 10 "$good"

case $name in
pagewalk-iss)
    expect 2 "--ram '4096M': more than the most"    -- --ram 4096M "$good"
    expect 2 "cannot write the commit log '$tmp/no-dir/log'" -- --log-commits "$tmp/no-dir/log" "$good"
    ;;
pagewalk-soc)
    expect 2 "--ram '64M': more than the most, 16M" -- --ram 64M "$good"
    expect 2 "--max-cycles needs a value"           -- "$good" --max-cycles
    expect 2 "--max-cycles '-5': not a number"      -- --max-cycles -5 "$good"
    expect 124 "stopped after 100 cycles"           -- --max-cycles 100 "$good"
    expect 2 "cannot open"                          -- --wave "$tmp/no-dir/w.fst" "$good"
    ;;
*)
    echo "test_cli.sh: $name is neither pagewalk-iss nor pagewalk-soc" >&2; exit 2 ;;
esac
echo "$name command line: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
