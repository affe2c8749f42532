#!/usr/bin/env bash
# Copy rtl/mmu into OUT_DIR with one deliberate bug of tests/mutants/rtl.mutants
# applied (the list `make mutants` uses), and write the A/D policy that bug
# is meant for into OUT_DIR/policy. Run from the repository root.
#   usage: inject_bug.sh NAME OUT_DIR
set -euo pipefail
name=$1
out=$2
list=tests/mutants/rtl.mutants

line=$(grep -v '^\s*#' "$list" | awk -F'|' -v want="$name" '{ n = $1; gsub(/^ +| +$/, "", n); if (n == want) print }')
if [[ -z $line ]]; then
    echo "inject_bug.sh: no bug named '$name' in $list" >&2
    exit 1
fi
IFS='|' read -r _ file policy expr <<<"$line"
file=$(echo "$file" | xargs)
policy=$(echo "$policy" | xargs)
expr=$(sed 's/^ *//; s/ *$//' <<<"$expr")

rm -rf "$out"
mkdir -p "$out"
cp rtl/mmu/*.v "$out/"
sed "$expr" "rtl/mmu/$file" >"$out/$file"
if cmp -s "$out/$file" "rtl/mmu/$file"; then
    echo "inject_bug.sh: the expression of '$name' no longer changes rtl/mmu/$file" >&2
    exit 1
fi
echo "$policy" >"$out/policy"
echo "injected '$name' into $out/$file ($policy):"
{ diff "rtl/mmu/$file" "$out/$file" || true; } | sed -n 's/^[<>]/  &/p'
