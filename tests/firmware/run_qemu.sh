#!/bin/bash
# run_qemu.sh ELF LOG [QEMU options...]: run one firmware ELF on QEMU's virt
# machine (-bios none, the ELF entered in M-mode at 0x80000000) with the
# console into LOG (CRs dropped). The exit status is QEMU's (the finisher's
# code), except that a run over FW_TIMEOUT seconds (default 120) or a QEMU
# that cannot start is reported here and gives status 125.
set -u
elf=$1 log=$2
shift 2
QEMU=${QEMU:-qemu-system-riscv32}
mkdir -p "$(dirname "$log")"
status=0
timeout "${FW_TIMEOUT:-120}" "$QEMU" -M virt -bios none -m 128M -nographic -kernel "$elf" "$@" \
    </dev/null 2>"$log.stderr" | tr -d '\r' >"$log" || status=${PIPESTATUS[0]}
if [ "$status" -eq 124 ]; then
    echo "run_qemu: $elf did not finish within ${FW_TIMEOUT:-120} s; its last lines:" >&2
    tail -n 5 "$log" >&2
    exit 125
fi
if [ -s "$log.stderr" ] && ! grep -q . "$log"; then
    echo "run_qemu: QEMU could not run $elf:" >&2
    cat "$log.stderr" >&2
    exit 125
fi
exit "$status"
