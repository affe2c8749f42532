#!/usr/bin/env bash
# Install the Debian packages that are missing, quietly.
#   usage: mk/deps.sh PACKAGE...
# Says nothing when every package is installed. Otherwise, as root: one line
# naming what it installs, apt-get's output only if apt-get fails; not root:
# the command to run, and exit 1. On a system without dpkg: a note, exit 0.
set -euo pipefail
if ! command -v dpkg-query >/dev/null; then
    echo "deps: not a Debian system; install the equivalents of: $*"
    exit 0
fi
# One dpkg-query for all: it names the installed ones (and complains, on
# stderr, about packages it has never heard of).
installed=" $(dpkg-query -W -f='${db:Status-Status} ${Package}\n' "$@" 2>/dev/null |
              awk '$1 == "installed" { printf "%s ", $2 }' || true)"
missing=()
for p in "$@"; do
    [[ $installed == *" $p "* ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) != 0 ]]; then
    echo "error: missing Debian packages: ${missing[*]}"
    echo "       install them with: sudo apt-get install -y ${missing[*]}"
    exit 1
fi
echo "deps: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Another apt-get may hold the lock for a while: wait for it rather than fail.
if ! { apt-get -o DPkg::Lock::Timeout=300 update -qq &&
       DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}"; } \
       >"$log" 2>&1; then
    cat "$log"
    echo "error: apt-get could not install: ${missing[*]}"
    exit 1
fi
