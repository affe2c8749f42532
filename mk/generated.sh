#!/usr/bin/env bash
# Committed generated files: compare them with fresh copies, or replace them.
#   usage: mk/generated.sh check|update FRESH_DIR FILE...
# FILE is a path in the repository; FRESH_DIR/FILE is what its generator
# makes now. check: exit 1 naming every stale FILE. update: copy the fresh
# ones over the stale ones and name them (commit them afterwards).
set -euo pipefail
mode=$1 fresh=$2
shift 2
stale=()
for f in "$@"; do
    [[ -f $fresh/$f ]] || { echo "error: $fresh/$f was not generated"; exit 2; }
    cmp -s "$fresh/$f" "$f" || stale+=("$f")
done
case $mode in
check)
    if [[ ${#stale[@]} -gt 0 ]]; then
        for f in "${stale[@]}"; do
            echo "error: $f is stale: run 'make generated' and commit it"
        done
        exit 1
    fi
    echo "generated files are current ($# files)"
    ;;
update)
    for f in "${stale[@]}"; do
        mkdir -p "$(dirname "$f")"
        cp "$fresh/$f" "$f"
        echo "rewrote $f"
    done
    [[ ${#stale[@]} -gt 0 ]] || echo "generated files were already current ($# files)"
    ;;
*)
    echo "usage: mk/generated.sh check|update FRESH_DIR FILE..." >&2
    exit 2
    ;;
esac
