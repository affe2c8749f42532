#!/usr/bin/env python3
"""Merge Verilator coverage files of rtl/mmu and judge them (docs/coverage.md).

usage: coverage_report.py --out DIR [--waivers FILE] [--targets] [--baseline FILE]
                          [--bins FILE...] DAT...

Each DAT is one DUT's coverage (cosim/dut_verilated.cc writes BUILD-PID-N.dat,
and BUILD-PID-settle.dat for the model's settle at time 0, whose toggles are
not changes and are ignored; its line points count: the blocks ran).
Only points in rtl/mmu/ count; a point is named by its kind, its instance
(the hierarchy below the Verilated top), its source position and its object,
so the same point of several builds (Svade and Svadu, later other parameters)
is one point:

  line / branch  covered when executed at least once, summed over every run;
  toggle         covered when the bit changed at least twice within one run
                 (two changes of one bit are one each way), so a bit that rose
                 in one run and fell in another does not count.

Waivers (--waivers) list what cannot be covered, each with its reason:

  toggle INSTANCE SIGNAL[BITS] | reason      INSTANCE and SIGNAL may hold '*' (any
                                            text); BITS, the last bracket when it holds
                                            digits, is "[7]", "[31:18]" or "[7,5,1]"
                                            (no BITS: every bit); an array element is
                                            SIGNAL[N], e.g. vpn1_q[*] or vpn1_q[3][9:0]
  line FILE:LINE | reason                   every line and branch point there

A waiver that matches no point, or only points that are covered anyway, is an
error: the list cannot rot.

Writes into DIR: summary.md (a table per module, then every point still
missing), figures.txt (one line per kind and module: covered, total, waived,
missing; the form of tests/coverage/baseline.txt), merged.dat (every point
once, for verilator_coverage --annotate; a toggle's count is its most changes
in one run, 0 when below 2). With --bins, the functional bins (counted by the
MMU checker, cosim/functional_coverage.h) are merged and judged too.

Exit status: 0; 1 when --targets and something is missing, or --baseline
and some figure is worse than the baseline's; 2 on bad input (a malformed
.dat, waiver or baseline line, a stale waiver), naming file and line.
"""
import argparse
import os
import re
import sys
from collections import defaultdict

SCOPE = "rtl/mmu/"
KINDS = ("line", "branch", "toggle")


class InputError(Exception):
    pass


# ---------------------------------------------------------------- reading .dat

def parse_key(raw):
    """Return the fields of a Verilator coverage key ('\\x01k\\x02v...')."""
    fields = {}
    for part in raw.split("\x01")[1:]:
        k, _, v = part.partition("\x02")
        fields[k] = v
    return fields


class Point:
    def __init__(self, kind, module, instance, file, line, col, obj, key):
        self.kind, self.module, self.instance = kind, module, instance
        self.file, self.line, self.col, self.obj = file, line, col, obj
        self.key = key          # a Verilator key of it, for merged.dat
        self.total = 0          # summed over runs
        self.best = 0           # most in one run
        self.builds = set()
        self.waiver = None

    @property
    def covered(self):
        return self.best >= 2 if self.kind == "toggle" else self.total >= 1

    def name(self):
        if self.kind == "toggle":
            return f"{self.instance} {self.obj}"
        return f"{self.file}:{self.line} {self.obj} ({self.instance})"

    def signal(self):
        """(signal, bit) of a toggle point: 'vpn1_q[3][7]' -> ('vpn1_q[3]', 7)."""
        m = re.match(r"^(.*?)(?:\[(\d+)\])?$", self.obj)
        return m.group(1), (int(m.group(2)) if m.group(2) is not None else 0)


def read_dat(path, points):
    build = os.path.basename(path).split("-")[0]
    # The settle of a build at time 0 (cosim/dut_verilated.cc): its line
    # points ran, its toggles are Verilator's start from 0, not changes.
    settle = path.endswith("-settle.dat")
    with open(path, encoding="utf-8", errors="strict") as f:
        for n, text in enumerate(f, 1):
            text = text.rstrip("\n")
            if not text or text.startswith("#"):
                continue
            m = re.match(r"^C '(.*)' (\d+)$", text)
            if not m:
                raise InputError(f"{path}:{n}: error: not a coverage line")
            key, count = m.group(1), int(m.group(2))
            f_ = parse_key(key)
            try:
                page, file = f_["page"], f_["f"]
                kind = page.split("/")[0][2:]
                module = page.split("/")[1].split("__")[0]
                hier = f_["h"].split(".", 1)[1] if "." in f_["h"] else f_["h"]
                ident = (kind, hier, file, int(f_["l"]), int(f_.get("n", 0)), f_["o"])
            except (KeyError, ValueError, IndexError):
                raise InputError(f"{path}:{n}: error: a coverage key without page, f, l, o or h")
            if not file.startswith(SCOPE) or kind not in KINDS or (settle and kind == "toggle"):
                continue
            p = points.get(ident)
            if p is None:
                p = points[ident] = Point(kind, module, hier, file, ident[3], ident[4], f_["o"], key)
            p.total += count
            p.best = max(p.best, count)
            p.builds.add(build)


# ---------------------------------------------------------------- waivers

class Waiver:
    def __init__(self, where, kind, target, reason):
        self.where, self.kind, self.target, self.reason = where, kind, target, reason
        self.matched = []


def parse_bits(spec, where):
    if spec is None:
        return None
    bits = set()
    for part in spec.split(","):
        if ":" in part:
            hi, lo = part.split(":")
            if not (hi.isdigit() and lo.isdigit()) or int(hi) < int(lo):
                raise InputError(f"{where}: error: bad bit range '[{spec}]'")
            bits.update(range(int(lo), int(hi) + 1))
        elif part.isdigit():
            bits.add(int(part))
        else:
            raise InputError(f"{where}: error: bad bit list '[{spec}]'")
    return bits


def read_waivers(path):
    waivers = []
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            where = f"{path}:{n}"
            text = text.strip()
            if not text or text.startswith("#"):
                continue
            what, bar, reason = text.partition("|")
            reason = reason.strip()
            if not bar or not reason:
                raise InputError(f"{where}: error: a waiver needs '| reason'")
            words = what.split()
            if len(words) == 3 and words[0] == "toggle":
                m = re.match(r"^([^\[\]]+(?:\[[^\]]*\])*?)(?:\[([0-9:,]+)\])?$", words[2])
                if not m:
                    raise InputError(f"{where}: error: bad signal '{words[2]}'")
                target = (words[1], m.group(1), parse_bits(m.group(2), where))
                waivers.append(Waiver(where, "toggle", target, reason))
            elif len(words) == 2 and words[0] == "line" and re.match(r"^[^:]+:\d+$", words[1]):
                file, line = words[1].rsplit(":", 1)
                waivers.append(Waiver(where, "line", (file, int(line)), reason))
            else:
                raise InputError(f"{where}: error: expected 'toggle INSTANCE SIGNAL[BITS] | reason' "
                                 "or 'line FILE:LINE | reason'")
    return waivers


def glob(pattern, text):
    """'*' matches anything; every other character, brackets included, itself."""
    return re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), text) is not None


def apply_waivers(points, waivers):
    for w in waivers:
        for p in points.values():
            if w.kind == "toggle" and p.kind == "toggle":
                inst, sig, bits = w.target
                name, bit = p.signal()
                if not glob(inst, p.instance) or not glob(sig, name):
                    continue
                if bits is not None and bit not in bits:
                    continue
            elif w.kind == "line" and p.kind in ("line", "branch"):
                if (p.file, p.line) != w.target:
                    continue
            else:
                continue
            w.matched.append(p)
            if p.waiver is None:
                p.waiver = w
    problems = []
    for w in waivers:
        if not w.matched:
            problems.append(f"{w.where}: error: the waiver matches no coverage point")
        elif all(p.covered for p in w.matched):
            problems.append(f"{w.where}: error: every point the waiver names is covered: drop it")
    if problems:
        raise InputError("\n".join(problems))


# ---------------------------------------------------------------- functional bins

def read_bins(paths):
    """Merge .bins files (cosim/functional_coverage.cc): 'bin NAME COUNT' lines."""
    bins = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, text in enumerate(f, 1):
                text = text.strip()
                if not text or text.startswith("#"):
                    continue
                words = text.split()
                if len(words) != 3 or words[0] != "bin" or not words[2].isdigit():
                    raise InputError(f"{path}:{n}: error: expected 'bin NAME COUNT'")
                bins[words[1]] = bins.get(words[1], 0) + int(words[2])
    return bins


# ---------------------------------------------------------------- figures

def figures(points, bins):
    """{(kind, group): [covered, total, waived, missing]}"""
    fig = defaultdict(lambda: [0, 0, 0, 0])
    for p in points.values():
        f = fig[(p.kind, p.module)]
        f[1] += 1
        if p.covered:
            f[0] += 1
        elif p.waiver:
            f[2] += 1
        else:
            f[3] += 1
    if bins is not None:
        for name, count in bins.items():
            f = fig[("bin", name.split(".")[0])]
            f[1] += 1
            if count:
                f[0] += 1
            else:
                f[3] += 1
    return dict(fig)


def write_figures(path, fig):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Coverage of rtl/mmu over the default regression (make coverage; docs/coverage.md).\n"
                "# KIND GROUP COVERED TOTAL WAIVED MISSING: make test-coverage fails when a\n"
                "# group misses more than this. Rewrite with make coverage-baseline.\n")
        for (kind, group), (c, t, w, m) in sorted(fig.items()):
            f.write(f"{kind} {group} {c} {t} {w} {m}\n")


def read_baseline(path):
    base = {}
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            text = text.strip()
            if not text or text.startswith("#"):
                continue
            words = text.split()
            if len(words) != 6 or not all(w.isdigit() for w in words[2:]):
                raise InputError(f"{path}:{n}: error: expected 'KIND GROUP COVERED TOTAL WAIVED MISSING'")
            base[(words[0], words[1])] = [int(w) for w in words[2:]]
    return base


def compare(fig, base, path):
    """Lines saying how fig is worse than base (empty: it is not)."""
    worse = []
    for key, (bc, bt, bw, bm) in sorted(base.items()):
        if key not in fig:
            worse.append(f"{key[0]} {key[1]}: in {path}, measured no longer")
            continue
        c, t, w, m = fig[key]
        if m > bm:
            worse.append(f"{key[0]} {key[1]}: {m} missing, {path} allows {bm}")
    for key, (c, t, w, m) in sorted(fig.items()):
        if key not in base and m:
            worse.append(f"{key[0]} {key[1]}: {m} missing, and {path} does not list it (new)")
    return worse


# ---------------------------------------------------------------- output

def bar(c, t):
    return f"{c}/{t} ({100.0 * c / t:.1f}%)" if t else "-"


def summary(points, fig, bins, builds, runs):
    out = []
    out.append("# Coverage of rtl/mmu\n")
    out.append(f"{runs} coverage files merged, from the builds: {', '.join(sorted(builds))}.\n")
    out.append("A line or branch point is covered when it ran; a toggle point (one bit) when it changed at "
               "least twice in one run, so both ways. Waived points are listed in the waiver file with "
               "their reason.\n")
    out.append("| module | lines | branches | toggle bits | waived | missing |")
    out.append("|---|---|---|---|---|---|")
    modules = sorted({k[1] for k in fig if k[0] in KINDS})
    for mod in modules:
        cells = []
        waived = missing = 0
        for kind in KINDS:
            c, t, w, m = fig.get((kind, mod), [0, 0, 0, 0])
            cells.append(bar(c, t))
            waived += w
            missing += m
        out.append(f"| {mod} | {' | '.join(cells)} | {waived} | {missing} |")
    tot = [sum(fig.get((k, m), [0, 0, 0, 0])[i] for m in modules) for k in KINDS for i in (0, 1)]
    tw = sum(v[2] for k, v in fig.items() if k[0] in KINDS)
    tm = sum(v[3] for k, v in fig.items() if k[0] in KINDS)
    out.append(f"| all | {bar(tot[0], tot[1])} | {bar(tot[2], tot[3])} | {bar(tot[4], tot[5])} | {tw} | {tm} |")
    if bins is not None:
        out.append("\n## Functional bins (counted by the MMU checker)\n")
        out.append("| group | bins hit | missing |")
        out.append("|---|---|---|")
        for (kind, group), (c, t, w, m) in sorted(fig.items()):
            if kind == "bin":
                out.append(f"| {group} | {bar(c, t)} | {m} |")
    missing = [p for p in points.values() if not p.covered and not p.waiver]
    out.append(f"\n## Missing ({len(missing)})\n")
    for p in sorted(missing, key=lambda p: (p.kind, p.file, p.line, p.instance, p.obj)):
        how = f"changed at most {p.best} time(s) in one run" if p.kind == "toggle" else "never ran"
        out.append(f"- {p.kind} {p.name()}: {how}")
    if bins is not None:
        for name in sorted(n for n, c in bins.items() if c == 0):
            out.append(f"- bin {name}: never hit")
    waived = [p for p in points.values() if not p.covered and p.waiver]
    out.append(f"\n## Waived ({len(waived)})\n")
    by_waiver = defaultdict(list)
    for p in waived:
        by_waiver[p.waiver].append(p)
    for w, ps in sorted(by_waiver.items(), key=lambda kv: kv[0].where):
        out.append(f"- {w.where}: {len(ps)} point(s): {w.reason}")
    return "\n".join(out) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(description="Merge and judge rtl/mmu coverage (docs/coverage.md).")
    ap.add_argument("--out", required=True)
    ap.add_argument("--waivers")
    ap.add_argument("--targets", action="store_true", help="fail unless every point is covered or waived")
    ap.add_argument("--baseline", help="fail if a group misses more than this figures file allows")
    ap.add_argument("--bins", nargs="*", help="functional bin files (.bins) to merge and judge")
    ap.add_argument("dat", nargs="+")
    args = ap.parse_args(argv)
    try:
        points = {}
        for path in args.dat:
            read_dat(path, points)
        if not points:
            raise InputError("error: no coverage point of rtl/mmu in the files given")
        waivers = read_waivers(args.waivers) if args.waivers else []
        apply_waivers(points, waivers)
        bins = read_bins(args.bins) if args.bins is not None else None
        if bins is not None and not bins:
            raise InputError("error: --bins given, but the files hold no bin")
        base = read_baseline(args.baseline) if args.baseline else None
    except (InputError, OSError, UnicodeDecodeError) as e:
        print(e, file=sys.stderr)
        return 2
    fig = figures(points, bins)
    builds = set().union(*(p.builds for p in points.values()))
    os.makedirs(args.out, exist_ok=True)
    text = summary(points, fig, bins, builds, len(args.dat))
    with open(os.path.join(args.out, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text)
    write_figures(os.path.join(args.out, "figures.txt"), fig)
    with open(os.path.join(args.out, "merged.dat"), "w", encoding="utf-8") as f:
        f.write("# SystemC::Coverage-3\n")
        for p in points.values():
            count = p.total if p.kind != "toggle" else (p.best if p.best >= 2 else 0)
            f.write(f"C '{p.key}' {count}\n")
    # The table and what is missing, on the terminal.
    lines = text.splitlines()
    end = next((i for i, l in enumerate(lines) if l.startswith("## Waived")), len(lines))
    shown = [l for l in lines[2:end] if not l.startswith("A line or branch")]
    missing_lines = [l for l in shown if l.startswith("- ")]
    if len(missing_lines) > 40:
        keep = set(missing_lines[:40])
        shown = [l for l in shown if not l.startswith("- ") or l in keep]
        shown.append(f"- ... and {len(missing_lines) - 40} more (summary.md)")
    print("\n".join(l for l in shown if l.strip()))
    status = 0
    total_missing = sum(v[3] for v in fig.values())
    if args.targets:
        if total_missing:
            print(f"coverage: {total_missing} point(s) or bin(s) missing and not waived")
            status = 1
        else:
            print("coverage: every line, branch, toggle bit and bin of rtl/mmu covered or waived")
    if base is not None:
        worse = compare(fig, base, args.baseline)
        if worse:
            print("coverage dropped below the baseline:")
            for w in worse:
                print("  " + w)
            status = 1
        else:
            print(f"coverage: no group misses more than {args.baseline} allows")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
