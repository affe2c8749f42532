#!/usr/bin/env python3
"""Run SymbiYosys tasks of tests/formal and print one line per task.

usage: run_formal.py --out DIR [--rtl DIR] [--jobs N] [--expect pass|any] FILE:TASK...

FILE is a .sby file of tests/formal without its suffix, TASK one of its tasks
(svade, svadu: k-induction; bmc_svade, bmc_svadu: bounded from reset). Each
runs in OUT/FILE_TASK. The environment (tool paths, the source folders the
.sby files copy) comes from the variables formal.mk exports. Prints status,
wall time, and for a failure the assertions that failed and the length of
the counterexample. With --expect pass (the default) the exit status is 1
unless every task passed.
"""
import argparse
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def sby_command():
    sby = os.environ.get("SBY")
    if not sby:
        sys.exit("run_formal.py: SBY is not set (run it through make formal)")
    return sby


def parse_log(workdir):
    """Return (status, failed assertion labels, counterexample cycles or None)."""
    path = os.path.join(workdir, "logfile.txt")
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return "ERROR", [], None
    done = re.findall(r"DONE \((\w+), rc=\d+\)", text)
    status = done[-1] if done else "ERROR"
    failed = re.findall(r"failed assertion \S+?\.(\w+) at ", text)
    failed = sorted(set(failed))
    cycles = None
    # The base case (or bmc) engine names the step whose assertions failed.
    for line in text.splitlines():
        m = re.search(r"engine_\d+(?:\.basecase)?: .*Checking assertions in step (\d+)", line)
        if m:
            last_step = int(m.group(1))
        if re.search(r"engine_\d+(?:\.basecase)?: .*(BMC failed|Assert failed)", line):
            cycles = last_step + 1
            break
    return status, failed, cycles


def run_task(spec, out, sby):
    name, _, task = spec.partition(":")
    sby_file = os.path.join(HERE, name + ".sby")
    if not task or not os.path.exists(sby_file):
        return spec, "ERROR", 0.0, [f"no such task (expected FILE:TASK with {sby_file})"], None
    workdir = os.path.join(out, f"{name}_{task}")
    start = time.monotonic()
    with open(os.path.join(out, f"{name}_{task}.log"), "w") as log:
        # -j 4: both engines (basecase and induction each) run at once; the
        # first to answer ends the task.
        # sby joins a make jobserver it finds in MAKEFLAGS, and under make -j
        # (make test runs two parts at a time) it then never exits after its
        # DONE line: it gets its own -j and no jobserver.
        env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
        subprocess.run([sby, "-f", "-j", "4", "-d", workdir, sby_file, task],
                       stdout=log, stderr=subprocess.STDOUT, check=False, env=env)
    seconds = time.monotonic() - start
    status, failed, cycles = parse_log(workdir)
    if status in ("ERROR", "UNKNOWN"):
        # Say why: the last lines sby printed (a tool that would not start,
        # a solver's unexpected answer).
        with open(os.path.join(out, f"{name}_{task}.log"), errors="replace") as log:
            tail = log.read().splitlines()[-12:]
        sys.stderr.write(f"{spec}: sby ended {status}; the end of {log.name}:\n"
                         + "".join(f"  {line}\n" for line in tail))
    return spec, status, seconds, failed, cycles


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--expect", choices=["pass", "any"], default="pass")
    ap.add_argument("tasks", nargs="+")
    args = ap.parse_args()
    # A reader that takes only the first line (the mutant run) ends us quietly.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    os.makedirs(args.out, exist_ok=True)
    sby = sby_command()
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_task, t, args.out, sby) for t in args.tasks]
        for f in futures:
            spec, status, seconds, failed, cycles = f.result()
            what = ""
            if failed:
                what = " ".join(failed)
                if cycles:
                    what += f" ({cycles}-cycle counterexample)"
            print(f"{spec:24s} {status:8s} {seconds:6.1f} s  {what}", flush=True)
            results.append(status)
    passed = sum(s == "PASS" for s in results)
    print(f"formal: {passed} passed, {len(results) - passed} failed")
    if args.expect == "pass" and passed != len(results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
