#!/usr/bin/env python3
"""synth_report: the synthesis figures of pagewalk as one table (make synth-report).

Reads what the flows of syn/synth.mk left under --dir:
  mmu-ice40-N/stat.json         yosys `stat -json` of pw_mmu alone (N TLB entries)
  mmu-ice40-N/pack-report.json  nextpnr-ice40 --pack-only --report of pw_mmu alone
  mmu-ice40-N/ooc-report.json   nextpnr-ice40 --report of syn/pw_mmu_ooc.v, placed and routed
  mmu-ecp5-8/stat.json, ooc-report.json   the same on ECP5 (yosys counts, routed harness)
  icebreaker/, ulx3s/           stat.json and nextpnr-report.json of the board tops
prints a Markdown table, and writes it to --out when given. Targets are
reported, not asserted: the exit status is 0 whenever the reports exist.
"""
import argparse
import json
import os
import re
import sys

# Issue 6's targets for the MMU with 8 TLB entries.
TARGET_ICE40_CELLS = 1000
TARGET_ICE40_MHZ = 60
TARGET_ECP5_MHZ = 120


def load(path):
    """Return the JSON at path, or None when the flow has not produced it."""
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def cells_by_type(stat):
    """Return yosys's cell counts of the design (its top and what it contains)."""
    return stat["design"]["num_cells_by_type"] if stat else {}


def count(cells, prefix):
    return sum(n for name, n in cells.items() if name.startswith(prefix))


def used(report, bel):
    return report["utilization"].get(bel, {}).get("used", 0) if report else None


def fmax(report):
    """Return (achieved, constrained) MHz of the slowest clock of a routed design."""
    if not report or not report.get("fmax"):
        return None, None
    clocks = report["fmax"].values()
    worst = min(clocks, key=lambda c: c["achieved"])
    return worst["achieved"], worst["constraint"]


def cell_name(cell):
    """Shorten a netlist cell name to the signal it was made from (yosys suffixes dropped)."""
    return re.split(r"_SB_|_TRELLIS_|\$|_DFF|_LC\b|_LUT|_CCU", cell)[0]


def critical_path(report):
    """Return 'from -> to (ns)' for the report's first critical path."""
    if not report or not report.get("critical_paths"):
        return ""
    path = report["critical_paths"][0]["path"]
    if not path:
        return ""
    start = path[0]["to"]["cell"] if path[0].get("type") == "clk-to-q" else path[0]["from"]["cell"]
    end = path[-1]["to"]["cell"]
    delay = sum(step["delay"] for step in path)
    return "%s -> %s, %.1f ns" % (cell_name(start), cell_name(end), delay)


def mhz_cell(achieved, constrained, target=None):
    if achieved is None:
        return "(not run)"
    text = "%.1f / %d" % (achieved, constrained)
    if target is not None:
        text += " (%s %d)" % ("meets" if achieved >= target else "misses", target)
    return text


def ice40_rows(base, entries):
    rows = []
    for n in entries:
        stat = load(os.path.join(base, "mmu-ice40-%s" % n, "stat.json"))
        pack = load(os.path.join(base, "mmu-ice40-%s" % n, "pack-report.json"))
        ooc = load(os.path.join(base, "mmu-ice40-%s" % n, "ooc-report.json"))
        cells = cells_by_type(stat)
        lcs = used(pack, "ICESTORM_LC")
        lc_text = "(not run)" if lcs is None else str(lcs)
        if n == "8" and lcs is not None:
            lc_text += " (%s %d)" % ("meets" if lcs <= TARGET_ICE40_CELLS else "misses",
                                     TARGET_ICE40_CELLS)
        achieved, constrained = fmax(ooc)
        rows.append({
            "design": "pw_mmu, %s entries" % n,
            "device": "iCE40UP5K",
            "cells": lc_text,
            "luts": count(cells, "SB_LUT4"),
            "ffs": count(cells, "SB_DFF"),
            "carry": count(cells, "SB_CARRY"),
            "bram": 0,
            "fmax": mhz_cell(achieved, constrained, TARGET_ICE40_MHZ if n == "8" else None),
            "path": critical_path(ooc),
        })
    return rows


def ecp5_mmu_row(base):
    stat = load(os.path.join(base, "mmu-ecp5-8", "stat.json"))
    ooc = load(os.path.join(base, "mmu-ecp5-8", "ooc-report.json"))
    if stat is None and ooc is None:
        return []
    cells = cells_by_type(stat)
    achieved, constrained = fmax(ooc)
    return [{
        "design": "pw_mmu, 8 entries",
        "device": "ECP5-85F",
        "cells": "-",
        "luts": count(cells, "LUT4"),
        "ffs": count(cells, "TRELLIS_FF"),
        "carry": count(cells, "CCU2C"),
        "bram": 0,
        "fmax": mhz_cell(achieved, constrained, TARGET_ECP5_MHZ),
        "path": critical_path(ooc),
    }]


def board_rows(base):
    rows = []
    for board, device in (("icebreaker", "iCE40UP5K"), ("ulx3s", "ECP5-85F")):
        stat = load(os.path.join(base, board, "stat.json"))
        report = load(os.path.join(base, board, "nextpnr-report.json"))
        if stat is None and report is None:
            continue
        cells = cells_by_type(stat)
        achieved, constrained = fmax(report)
        if device.startswith("iCE40"):
            lcs, luts = used(report, "ICESTORM_LC"), count(cells, "SB_LUT4")
            ffs, carry = count(cells, "SB_DFF"), count(cells, "SB_CARRY")
            bram = used(report, "ICESTORM_RAM")
        else:
            lcs, luts = used(report, "TRELLIS_COMB"), count(cells, "LUT4")
            ffs, carry = count(cells, "TRELLIS_FF"), count(cells, "CCU2C")
            bram = used(report, "DP16KD")
        rows.append({
            "design": "board top (%s)" % board,
            "device": device,
            "cells": lcs,
            "luts": luts,
            "ffs": ffs,
            "carry": carry,
            "bram": bram,
            "fmax": mhz_cell(achieved, constrained),
            "path": critical_path(report),
        })
    return rows


COLUMNS = [("design", "design"), ("device", "device"), ("cells", "logic cells"),
           ("luts", "LUT4"), ("ffs", "FF"), ("carry", "carry"), ("bram", "BRAM"),
           ("fmax", "Fmax MHz achieved / constrained"), ("path", "critical path")]


def table(rows):
    lines = ["| " + " | ".join(title for _, title in COLUMNS) + " |",
             "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(row[key]) for key, _ in COLUMNS) + " |")
    return "\n".join(lines)


NOTES = """\
Logic cells: iCE40 LCs (a LUT4, a flip-flop and a carry each) after nextpnr's
packing; for pw_mmu alone, nextpnr --pack-only on the module itself (it has
too many ports to place). On ECP5, TRELLIS_COMB (LUT4 halves of a slice) of the
routed board top; for pw_mmu alone on ECP5 only yosys's counts are given. LUT4, FF, carry: yosys's cell counts (synth_ice40 or
synth_ecp5). Fmax: nextpnr's timing after place and route, for pw_mmu inside
syn/pw_mmu_ooc.v (every input from a flip-flop, every output into one), for
the board tops on their boards' clocks. Targets (issue 6, 8 TLB entries): at
most 1000 logic cells and 60 MHz on iCE40UP5K, 120 MHz on ECP5-85F; reported,
not asserted."""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", required=True, help="the synthesis build directory")
    ap.add_argument("--entries", default="4 8 16", help="TLB sizes of the iCE40 MMU rows")
    ap.add_argument("--ice40-mhz", type=int, default=TARGET_ICE40_MHZ)
    ap.add_argument("--ecp5-mhz", type=int, default=TARGET_ECP5_MHZ)
    ap.add_argument("--ice40-only", action="store_true", help="only the iCE40 MMU rows")
    ap.add_argument("--out", help="also write the table here (Markdown)")
    args = ap.parse_args(argv)

    rows = ice40_rows(args.dir, args.entries.split())
    if not args.ice40_only:
        rows += ecp5_mmu_row(args.dir) + board_rows(args.dir)
    text = table(rows)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write("# pagewalk synthesis report\n\n" + text + "\n\n" + NOTES + "\n")
        print("written to %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
