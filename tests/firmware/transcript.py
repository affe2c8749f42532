#!/usr/bin/env python3
"""Check and compare the firmware's console transcripts.

  transcript.py check LOG --programs N [--kills K] [--first NAME]
      LOG must show: every program passed ("init: N passed, 0 failed"), the
      kernel's consistency pass held, every kill line in the exact format
      "pid P killed: CAUSE at 0xVVVVVVVV (pc 0xPPPPPPPP)" (K of them when
      given), no failed check, no panic, no unexpected M-mode trap.
      With --first NAME (a run whose first process is NAME, not init) the
      pass line is not required, but the kernel must report status 0.

  transcript.py compare A B [--ignore REGEX ...]
      A and B must agree line by line once timing lines ("[t] ...", which
      state timing or engine-specific figures) and lines matching any REGEX
      are dropped. Prints the first difference.

Exit status 0 when everything holds, 1 otherwise (with the reasons).
"""
import argparse
import re
import sys

KILL = re.compile(r"^pid (\d+) killed: (.+) at 0x([0-9a-f]{8}) \(pc 0x([0-9a-f]{8})\)$")
CAUSES = {"misaligned fetch", "fetch access fault", "illegal instruction", "breakpoint", "misaligned load",
          "load access fault", "misaligned store", "store access fault", "fetch page fault",
          "load page fault", "store page fault", "out of memory"}


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return [line.rstrip("\r\n") for line in f]
    except OSError as e:
        sys.exit(f"transcript.py: cannot read {path}: {e.strerror}")


def check(args):
    lines = read(args.log)
    problems = []
    if args.first:
        if not any(re.match(rf"^kernel: pid 1 \({re.escape(args.first)}\) exited with status 0; halting$", l) for l in lines):
            problems.append(f"no 'kernel: pid 1 ({args.first}) exited with status 0' line")
    else:
        want = f"init: {args.programs} passed, 0 failed"
        if want not in lines:
            got = [l for l in lines if re.match(r"^init: \d+ passed, \d+ failed$", l)]
            problems.append(f"expected '{want}', found {got or 'no summary line'}")
    if not any(l.startswith("kernel: consistency checks passed") for l in lines):
        problems.append("the kernel's consistency checks did not pass")
    kills = 0
    for n, l in enumerate(lines, 1):
        if "killed" in l and l.startswith("pid "):
            m = KILL.match(l)
            if not m:
                problems.append(f"line {n}: kill line not in the format 'pid P killed: CAUSE at 0x... (pc 0x...)': {l}")
            elif m.group(2) not in CAUSES:
                problems.append(f"line {n}: unknown cause '{m.group(2)}'")
            kills += 1
        for bad in ("FAIL", "kernel panic", "M-mode: unexpected trap", "check: ", "FAILED"):
            if bad in l:
                problems.append(f"line {n}: {l}")
    if args.kills is not None and kills != args.kills:
        problems.append(f"{kills} kill lines, expected {args.kills}")
    for p in problems:
        print(f"{args.log}: {p}")
    return 1 if problems else 0


def kept(lines, ignore):
    return [(n, l) for n, l in enumerate(lines, 1) if not l.startswith("[t]") and not any(r.search(l) for r in ignore)]


def compare(args):
    ignore = [re.compile(r) for r in args.ignore]
    a, b = kept(read(args.a), ignore), kept(read(args.b), ignore)
    for (na, la), (nb, lb) in zip(a, b):
        if la != lb:
            print(f"transcripts differ: {args.a}:{na}: {la!r}\n                   {args.b}:{nb}: {lb!r}")
            return 1
    if len(a) != len(b):
        longer, name = (a, args.a) if len(a) > len(b) else (b, args.b)
        n, l = longer[min(len(a), len(b))]
        print(f"transcripts differ: {name} has more lines, from {name}:{n}: {l!r}")
        return 1
    print(f"transcripts agree: {args.a} and {args.b} ({len(a)} lines compared)")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("log")
    c.add_argument("--programs", type=int, default=0)
    c.add_argument("--kills", type=int)
    c.add_argument("--first")
    d = sub.add_parser("compare")
    d.add_argument("a")
    d.add_argument("b")
    d.add_argument("--ignore", action="append", default=[])
    args = ap.parse_args()
    sys.exit(check(args) if args.cmd == "check" else compare(args))


if __name__ == "__main__":
    main()
