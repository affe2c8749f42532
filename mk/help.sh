#!/usr/bin/env bash
# Print `make help` from the `## ` lines of the given makefiles, in order.
#   usage: mk/help.sh MAKEFILE...
# A line `## TARGET ARGS: text` starts an entry ("all" prints as plain `make`);
# a line `##` followed by two spaces continues the entry above it.
set -euo pipefail
awk '
  /^## [^ ]/ {
    line = substr($0, 4)
    split_at = index(line, ": ")
    if (split_at == 0) { printf "%s: malformed help line: %s\n", FILENAME, $0 > "/dev/stderr"; exit 2 }
    target = substr(line, 1, split_at - 1)
    text = substr(line, split_at + 2)
    name = (target == "all") ? "make" : "make " target
    if (length(name) <= 20) printf "  %-20s %s\n", name, text
    else                    printf "  %s  %s\n", name, text
    next
  }
  /^##  / { printf "  %-20s %s\n", "", substr($0, 5); next }
' "$@"
