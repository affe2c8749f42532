#!/usr/bin/env python3
"""board_mmu: the MMU parameters a board top gives pw_board_top, as yosys
chparam arguments, so the synthesis report measures the MMU a board uses
without stating its choice a second time.

usage: board_mmu.py BOARD_TOP.v            prints e.g. "-set HitLatency 3 -set CounterBits 16 ..."
       board_mmu.py BOARD_TOP.v MODULE     the same as iverilog options: "-P MODULE.HitLatency=3 ..."
"""
import re
import sys

PARAMS = ("HitLatency", "CounterBits", "SfenceFlushAll", "PpnInBram")


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    try:
        text = open(argv[1], encoding="utf-8").read()
    except OSError as e:
        sys.stderr.write("board_mmu.py: error: %s\n" % e)
        return 1
    inst = re.search(r"pw_board_top\s*#\s*\((.*?)\)\s*u_\w+\s*\(", text, re.S)
    if not inst:
        sys.stderr.write("%s: error: no pw_board_top instance with parameters\n" % argv[1])
        return 1
    args = []
    for name in PARAMS:
        m = re.search(r"\.%s\s*\(\s*(\d+)\s*\)" % name, inst.group(1))
        if not m:
            sys.stderr.write("%s: error: the pw_board_top instance does not set %s\n" % (argv[1], name))
            return 1
        if len(argv) == 3:
            args.append("-P %s.%s=%s" % (argv[2], name, m.group(1)))
        else:
            args.append("-set %s %s" % (name, m.group(1)))
    print(" ".join(args))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
