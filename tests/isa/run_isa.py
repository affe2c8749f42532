#!/usr/bin/env python3
"""Run the ISA suite on QEMU and pagewalk-iss and require the same verdict: pass.

Usage: run_isa.py --iss build/pagewalk-iss --qemu qemu-system-riscv32 --qemu-cpu CPU --dir build/isa NAME...

For each test NAME (tests/isa/NAME.S, built by isa.mk):
  qemu       NAME.qemu.elf on QEMU (the cases where QEMU 7.2 departs from the
             specification are compiled out: QEMU_COMPARE)
  iss        the same ELF on pagewalk-iss: must give QEMU's verdict
  iss-full   NAME.elf (every case) on pagewalk-iss
Every run must pass. Directives in the test's first comment lines:
  # iss-options: --svadu        options for both ISS runs
  # qemu: skip REASON           no QEMU run (the whole test is a departure)
A failing run prints the command that reproduces it.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

QEMU_TIMEOUT = 20
ISS_MAX_INSNS = 10_000_000


def qemu_cmd(args, elf):
    return [args.qemu, "-M", "virt", "-bios", "none", "-nographic", "-cpu", args.qemu_cpu, "-kernel", elf]


def iss_cmd(iss, elf, opts):
    return [iss, "--max-insns", str(ISS_MAX_INSNS)] + opts + [elf]


def verdict(cmd, timeout):
    """Run cmd; return (verdict text, output)."""
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    except OSError as e:
        return f"error ({e.strerror})", ""
    out = (p.stdout + p.stderr).decode(errors="replace").replace("\r", "")
    if p.returncode == 0:
        return "pass", out
    if p.returncode == 124:
        return "limit", out
    return f"fail {p.returncode}", out


def directives(src):
    opts, skip = [], None
    with open(src, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            m = re.match(r"#\s*iss-options:\s*(.*)", line)
            if m:
                opts = m.group(1).split()
            m = re.match(r"#\s*qemu:\s*skip\s*(.*)", line)
            if m:
                skip = m.group(1).strip()
    return opts, skip


def shell(cmd):
    return " ".join(cmd)


def run_test(args, name):
    opts, skip = directives(os.path.join(args.src, name + ".S"))
    qelf = os.path.join(args.dir, name + ".qemu.elf")
    felf = os.path.join(args.dir, name + ".elf")
    runs = []
    if skip is None:
        runs.append(("qemu", qemu_cmd(args, qelf), QEMU_TIMEOUT))
    runs.append(("iss", iss_cmd(args.iss, qelf, opts), 60))
    runs.append(("iss-full", iss_cmd(args.iss, felf, opts), 60))
    results = [(label, cmd) + verdict(cmd, t) for label, cmd, t in runs]
    ok = all(v == "pass" for _, _, v, _ in results)
    line = f"{name:<20}" + "".join(f"  {label} {v:<8}" for label, _, v, _ in results)
    if skip is not None:
        line += f"  (QEMU skipped: {skip})"
    report = [line]
    if not ok:
        verdicts = {label: v for label, _, v, _ in results}
        if "qemu" in verdicts and verdicts["qemu"] != verdicts["iss"]:
            report.append(f"  DIFFERENT VERDICT on {qelf}: QEMU {verdicts['qemu']}, ISS {verdicts['iss']}")
        for label, cmd, v, out in results:
            if v != "pass":
                report.append(f"  {label}: {v}; reproduce with:\n    {shell(cmd)}")
                tail = out.strip().splitlines()[-3:]
                report.extend("    | " + t for t in tail)
    return ok, "\n".join(report)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iss", required=True)
    ap.add_argument("--qemu", required=True)
    ap.add_argument("--qemu-cpu", required=True, help="QEMU's -cpu value (isa.mk: QEMU_ISS_CPU)")
    ap.add_argument("--dir", required=True, help="where isa.mk put the ELFs")
    ap.add_argument("--src", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("tests", nargs="+")
    args = ap.parse_args()
    for t in args.tests:
        if not os.path.exists(os.path.join(args.src, t + ".S")):
            sys.exit(f"run_isa.py: no test '{t}' (tests/isa/{t}.S does not exist)")
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for ok, report in pool.map(lambda n: run_test(args, n), args.tests):
            print(report, flush=True)
            failed += not ok
    total = len(args.tests)
    print(f"{total - failed} of {total} ISA tests pass on QEMU and the ISS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
