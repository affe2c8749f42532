#!/bin/bash
# test_board_soc.sh VVP DIR [GEN_DIR BOOT_ELF]: the iCEBreaker SoC top (tests/board/tb_icebreaker_soc.v,
# built into DIR/tb.vvp) boots DIR/hello.img the way the board does: the image
# streams from the simulated SPI flash into the UART, the boot ROM copies it to
# SPRAM, checks it and jumps to it. Three runs:
#   good     the flash holds the image: the loader's line, hello's output, pass
#   corrupt  one bit of the image flipped in flash: the loader reports the checksum
#            and does not start it; the host then sends the good image on RX: pass
#   erased   an erased flash: no image is streamed (the loader would wait for the
#            host); checked on the flash model's counters with a short run
# docs/fpga.md, "Simulating the board".
set -u
vvp=$1 dir=$2
fail=0

run() {  # NAME ARGS...: DIR/NAME.log
  local name=$1; shift
  "$vvp" -n "$dir/tb.vvp" "$@" > "$dir/$name.log" 2>&1
}
want() {  # NAME PATTERN WHAT
  if grep -q -- "$2" "$dir/$1.log"; then echo "  ok $1: $3"
  else echo "  FAIL $1: $3 (no '$2' in $dir/$1.log)"; fail=1; fi
}
refuse() {  # NAME PATTERN WHAT
  if grep -q -- "$2" "$dir/$1.log"; then echo "  FAIL $1: $3 ('$2' in $dir/$1.log)"; fail=1
  else echo "  ok $1: $3"; fi
}

run good +flash_image="$dir/hello.hex" +max_cycles=3000000
want good '^pagewalk boot: 0x[0-9a-f]* bytes, checksum ok; starting at 0x80000000' "the loader checks and starts the image"
want good 'hello from the pagewalk SoC' "hello prints on the UART"
want good '^tb_board: pass after' "the finisher says pass"
want good 'flash: 1 wake-ups, 2 reads, 0 commands ignored' "the flash is woken before it is read"

run corrupt +flash_image="$dir/hello.hex" +corrupt=40 +host_image="$dir/hello.hex" +max_cycles=4000000
want corrupt '^pagewalk boot: error: checksum' "a flipped bit is reported"
want corrupt '^tb_board: the host sent' "the host's image follows"
want corrupt 'checksum ok; starting' "the host's good image is started"
want corrupt '^tb_board: pass after' "and passes"
n=$(grep -c 'starting at' "$dir/corrupt.log")
[ "$n" = 1 ] && echo "  ok corrupt: the bad image was never started" || { echo "  FAIL corrupt: $n starts"; fail=1; }

run erased +max_cycles=20000
want erased 'flash: 1 wake-ups, 1 reads, 0 commands ignored' "an erased flash is peeked at, not streamed"
refuse erased 'starting at' "nothing is started"

# bootimage.py refuses what the loader could not run, with a message naming the file.
bad() {  # WHAT PATTERN ARGS...
  local what=$1 pat=$2; shift 2
  if out=$(python3 syn/boot/bootimage.py image --defs "$gen" "$@" "$dir/bad.img" 2>&1); then
    echo "  FAIL bootimage: $what was accepted"; fail=1
  elif echo "$out" | grep -q -- "$pat"; then echo "  ok bootimage: $what: $out"
  else echo "  FAIL bootimage: $what: unexpected message: $out"; fail=1; fi
}
gen=${3:-build/gen}
bad "not an ELF" "is not an ELF file" tests/board/test_board_soc.sh
bad "a segment outside the SPRAM (the boot ROM's ELF)" "lies outside" "${4:-build/synth/boot/boot.elf}"
bad "a missing file" "cannot read" "$dir/no-such.elf"

[ $fail = 0 ] && echo "test-board-soc: passed" || { echo "test-board-soc: FAILED"; exit 1; }
