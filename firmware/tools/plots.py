#!/usr/bin/env python3
"""Draw the firmware's figures from console transcripts.

Usage: plots.py OUTDIR [--wsweep LABEL=LOG ...] [--tlb ENTRIES=LOG ...]

  wsweep.png  page faults per access against the working set W (pages touched
              round-robin), one line per engine: flat while W fits the frame
              pool, then the thrashing cliff at W = F where every access faults.
  tlb.png     TLB misses per access against the number of TLB entries, one line
              per working set P, from tlbsweep runs on SoC builds with 4..32
              entries.
Each figure is also written as a table (OUTDIR/*.txt). Lines read:
  "wsweep: F=N frames, ..."          the pool size
  "[t] wsweep: W accesses faults swapins"
  "[t] tlbsweep: P accesses hits misses walks"
"""
import os
import re
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def die(msg):
    sys.stderr.write(f"plots.py: error: {msg}\n")
    sys.exit(1)


def read_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()
    except OSError as e:
        die(f"cannot read {path}: {e.strerror}")


def parse_wsweep(path):
    frames, rows = None, []
    for line in read_lines(path):
        m = re.match(r"wsweep: F=(\d+) frames", line)
        if m:
            frames = int(m.group(1))
        m = re.match(r"\[t\] wsweep: (\d+) (\d+) (\d+) (\d+)$", line)
        if m:
            rows.append(tuple(int(x) for x in m.groups()))
    if frames is None or not rows:
        die(f"{path}: no wsweep results (is it a wsweep transcript?)")
    return frames, rows


def parse_tlb(path):
    rows = [tuple(int(x) for x in m.groups()) for m in
            (re.match(r"\[t\] tlbsweep: (\d+) (\d+) (\d+) (\d+) (\d+)$", l) for l in read_lines(path)) if m]
    if not rows:
        die(f"{path}: no tlbsweep results (an engine without the MMU counter block?)")
    return rows


def split_specs(specs, what):
    out = []
    for s in specs:
        if "=" not in s:
            die(f"{what} wants LABEL=LOG, got '{s}'")
        out.append(tuple(s.split("=", 1)))
    return out


def finish(fig, ax, path, title, xlabel, ylabel):
    """Label, grid and save one figure."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def write_table(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def wsweep_figure(outdir, runs):
    fig, ax = plt.subplots(figsize=(7, 4.2))
    table = ["# engine W F accesses faults swapins faults/access swapins/access"]
    frames = None
    for label, path in runs:
        frames, rows = parse_wsweep(path)
        w = [r[0] for r in rows]
        ax.plot(w, [r[2] / r[1] for r in rows], marker="o", label=f"{label}: all page faults")
        ax.plot(w, [r[3] / r[1] for r in rows], marker="x", linestyle="--", label=f"{label}: swap-ins")
        for r in rows:
            table.append(f"{label} {r[0]} {frames} {r[1]} {r[2]} {r[3]} {r[2] / r[1]:.3f} {r[3] / r[1]:.3f}")
    ax.axvline(frames, color="grey", linestyle=":", label=f"W = F = {frames} frames")
    finish(fig, ax, os.path.join(outdir, "wsweep.png"), "Working-set sweep: the thrashing cliff",
           "working set W (pages touched round-robin)", "page faults per access")
    write_table(os.path.join(outdir, "wsweep.txt"), table)


def tlb_figure(outdir, runs):
    data = {}
    for entries, path in runs:
        if not entries.isdigit():
            die(f"--tlb wants ENTRIES=LOG with a number, got '{entries}'")
        for p, acc, hits, misses, walks in parse_tlb(path):
            data.setdefault(p, {})[int(entries)] = (acc, hits, misses, walks)
    sizes = sorted({e for d in data.values() for e in d})
    fig, ax = plt.subplots(figsize=(7, 4.2))
    table = ["# tlb_entries P accesses hits misses walks misses/access"]
    for p in sorted(data):
        if p not in (2, 4, 8, 12, 16, 24, 32):
            continue
        xs = [e for e in sizes if e in data[p]]
        ax.plot(xs, [data[p][e][2] / data[p][e][0] for e in xs], marker="o", label=f"P = {p} pages")
    for p in sorted(data):
        for e in sizes:
            if e in data[p]:
                acc, hits, misses, walks = data[p][e]
                table.append(f"{e} {p} {acc} {hits} {misses} {walks} {misses / acc:.3f}")
    ax.set_xscale("log", base=2)
    ax.set_xticks(sizes)
    ax.set_xticklabels([str(s) for s in sizes])
    finish(fig, ax, os.path.join(outdir, "tlb.png"), "TLB reach: misses per access against TLB size",
           "TLB entries", "TLB misses per access")
    write_table(os.path.join(outdir, "tlb.txt"), table)


def main(argv):
    if not argv:
        die("usage: plots.py OUTDIR [--wsweep LABEL=LOG ...] [--tlb ENTRIES=LOG ...]")
    outdir, ws, tlb, i = argv[0], [], [], 1
    while i < len(argv):
        if argv[i] in ("--wsweep", "--tlb") and i + 1 < len(argv):
            (ws if argv[i] == "--wsweep" else tlb).append(argv[i + 1])
            i += 2
        else:
            die(f"unknown argument '{argv[i]}'")
    os.makedirs(outdir, exist_ok=True)
    if ws:
        wsweep_figure(outdir, split_specs(ws, "--wsweep"))
    if tlb:
        tlb_figure(outdir, split_specs(tlb, "--tlb"))
    if not ws and not tlb:
        die("nothing to draw: give --wsweep or --tlb")


if __name__ == "__main__":
    main(sys.argv[1:])
