#!/usr/bin/env python3
"""soc_synth_report: the SoC rows of the synthesis report (make synth-report-soc).

Reads the nextpnr --report JSON that syn/soc-synth.mk's board flows leave in
--ice40-dir (the iCEBreaker SoC) and --ecp5-dir (the ULX3S SoC), prints one
Markdown table (device, logic used of available, RAM blocks, DSP, the Fmax
nextpnr reports for the SoC's clock, and that clock) and writes it to --out when given.
A flow that has not run is an error naming the file it lacks.
`--check REPORT --need-mhz F` instead fails unless that routed design reaches F MHz.
"""
import argparse
import json
import os
import sys


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        sys.exit(f"soc_synth_report: error: {path} is missing (run the board flow: make synth BOARD=... TOP=soc)")
    except json.JSONDecodeError as e:
        sys.exit(f"soc_synth_report: error: {path} is not JSON: {e}")


def used(report, bel):
    u = report["utilization"].get(bel)
    return (u["used"], u["available"]) if u else (0, 0)


def frac(pair):
    n, of = pair
    return f"{n} / {of} ({100.0 * n / of:.0f}%)" if of else "0"


def fmax(report):
    """(achieved, constraint) MHz of the slowest clock."""
    clocks = report.get("fmax", {}).values()
    if not clocks:
        return None, None
    worst = min(clocks, key=lambda c: c["achieved"])
    return worst["achieved"], worst["constraint"]


def row(name, device, report, logic_bel, logic_name, ram_bels, dsp_bel, mhz):
    achieved, _ = fmax(report)
    if achieved is None:
        timing = "no clock reported"
    else:
        verdict = "met" if achieved >= float(mhz) else "MISSED"
        timing = f"{achieved:.1f} ({verdict})"
    ram = ", ".join(f"{label} {frac(used(report, bel))}" for label, bel in ram_bels)
    return (f"| {name} | {device} | {logic_name} {frac(used(report, logic_bel))} | {ram} | "
            f"{used(report, dsp_bel)[0]} | {timing} | {mhz} |")


def check(path, need_mhz):
    """Exit with an error unless the routed design reaches need_mhz."""
    achieved, _ = fmax(load(path))
    if achieved is None or achieved < need_mhz:
        sys.exit(f"soc_synth_report: error: {path}: Fmax {achieved} MHz does not reach the board's "
                 f"{need_mhz:g} MHz (try another SOC_ICE_SEED)")
    print(f"Fmax {achieved:.2f} MHz: reaches the board's {need_mhz:g} MHz")
    return 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        ap = argparse.ArgumentParser(description="check a routed design's Fmax")
        ap.add_argument("--check", required=True, metavar="NEXTPNR_REPORT")
        ap.add_argument("--need-mhz", type=float, required=True)
        args = ap.parse_args()
        return check(args.check, args.need_mhz)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ice40-dir", required=True)
    ap.add_argument("--ecp5-dir", required=True)
    ap.add_argument("--ice40-mhz", type=float, required=True, help="the iCEBreaker SoC's clock")
    ap.add_argument("--ecp5-mhz", type=float, required=True, help="the ULX3S SoC's clock")
    ap.add_argument("--out")
    args = ap.parse_args()

    ice = load(os.path.join(args.ice40_dir, "nextpnr-report.json"))
    ecp = load(os.path.join(args.ecp5_dir, "nextpnr-report.json"))
    lines = [
        "## The SoC on the boards (make synth BOARD=... TOP=soc)",
        "",
        "| design | device | logic | RAM blocks | DSP | Fmax MHz | SoC clock MHz |",
        "|---|---|---|---|---|---|---|",
        row("SoC: RV32I, 4-entry TLB, 128 KiB SPRAM + 2 KiB boot ROM, 12 MHz / 2", "iCE40UP5K-SG48", ice,
            "ICESTORM_LC", "LCs", [("BRAM", "ICESTORM_RAM"), ("SPRAM", "ICESTORM_SPRAM")],
            "ICESTORM_DSP", f"{args.ice40_mhz:g}"),
        row("SoC: RV32IM, 8-entry TLB, 128 KiB EBR with the firmware", "LFE5U-85F-6BG381C", ecp,
            "TRELLIS_COMB", "LUT4s", [("EBR", "DP16KD")], "MULT18X18D", f"{args.ecp5_mhz:g}"),
    ]
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
