#!/usr/bin/env python3
"""Invert the truth table of every Nth LUT in a netlist: a deliberately
broken synthesis result that the gate-level check must catch.

usage: corrupt_luts.py NETLIST.v EVERY OUT.v
"""
import re
import sys


def main():
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    src, every, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    count = 0

    def invert(m):
        nonlocal count
        count += 1
        if count % every:
            return m.group(0)
        return ".LUT_INIT(16'h%04x)" % (int(m.group(1), 16) ^ 0xFFFF)

    with open(src, encoding="utf-8") as f:
        text = re.sub(r"\.LUT_INIT\(16'h([0-9a-fA-F]{4})\)", invert, f.read())
    if count < every:
        sys.stderr.write(f"{src}: error: only {count} LUTs, none changed\n")
        return 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{count // every} of {count} LUTs inverted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
