#!/usr/bin/env python3
"""Change one event of a real trace in several ways; `pagewalk-trace diff`
must report each change at exactly its line and cycle.

usage: check_injection.py PAGEWALK_TRACE TRACE WORKDIR
"""
import random
import subprocess
import sys


def main():
    tool, trace, work = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(trace) as f:
        lines = f.readlines()
    events = [i for i, l in enumerate(lines) if l[0].isdigit()]
    cycle_of = {i: int(lines[i].split()[0]) for i in events}
    # A hex-valued last field (pa=, addr=, data=) can change and stay well formed.
    hex_fields = [i for i in events if any(k in lines[i] for k in (" pa=", " addr=", " data="))]
    # The last event of a cycle with a gap after it can move one cycle later.
    movable = [i for i in events if i + 1 < len(lines) and lines[i + 1][0].isdigit()
               and cycle_of[i + 1] > cycle_of[i] + 1 and (i == events[0] or cycle_of[i - 1] < cycle_of[i])]
    rng = random.Random(20261123)
    failures = 0
    # Each edit: (name, function of (lines, index) -> new lines)
    # A reset is the first event of its cycle: insert it before a cycle's first event.
    firsts = [i for i in events if i == events[0] or cycle_of[i - 1] < cycle_of[i]]

    def flip(line):
        digit = line.rstrip("\n")[-1]
        return line.rstrip("\n")[:-1] + "0123456789abcdef"[(int(digit, 16) + 1) % 16] + "\n"
    edits = [
        ("field changed", hex_fields, lambda ls, i: ls[:i] + [flip(ls[i])] + ls[i + 1:]),
        ("cycle shifted", movable, lambda ls, i: ls[:i] + [str(cycle_of[i] + 1) + " " +
                                                           ls[i].split(" ", 1)[1]] + ls[i + 1:]),
        ("event deleted", events, lambda ls, i: ls[:i] + ls[i + 1:]),
        ("event inserted", firsts, lambda ls, i: ls[:i] + [ls[i].split()[0] + " reset\n"] + ls[i:]),
    ]
    for name, where, edit in edits:
        for _ in range(3):
            i = rng.choice(where[len(where) // 10:])
            cycle = int(lines[i].split()[0])
            changed = edit(lines, i)
            path = f"{work}/injected.trace"
            with open(path, "w") as f:
                f.writelines(changed)
            r = subprocess.run([tool, "diff", trace, path], capture_output=True, text=True)
            head = r.stdout.splitlines()[:3]
            want_line = f":{i + 1}:"
            # Exactly this line, at this cycle (a shifted event is first seen at the earlier cycle).
            ok = r.returncode == 1 and any(want_line in h for h in head) and f"at cycle {cycle} " in head[0]
            print(f"{'ok  ' if ok else 'FAIL'} {name} at line {i + 1} (cycle {cycle}): exit {r.returncode}, "
                  f"{(head[0] if head else r.stderr.strip())[:100]}")
            failures += not ok
    print(f"{12 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
