#!/usr/bin/env python3
"""Run many seeded RTL-versus-model co-simulations, here or on SLURM, and summarize them.

usage: regress.py --sim PATH --seeds N [--first-seed S] [--cycles C]
                  [--ad both|svade|svadu | --builds all|NAME,... [--sample]]
                  [--junit FILE] [--timeout SEC] [--jobs J] [--results DIR] [--resume]
                  [--scheduler local|slurm] [--chunk SEEDS] [--partition P] ...

Each run is `SIM --ad AD --seed N --cycles C --json` (or, with --builds, `SIM
--dut NAME ...` for each build: the hit latencies and option sets the program
links, `SIM --list`; --sample gives each seed one build, in turn, so that N
seeds cover every build with N runs): exit 0 means RTL and model
agreed on every cycle, 1 a mismatch, 2 a usage error, anything else a crash;
its last stdout line is a JSON summary. A run fails on a mismatch (exit 1, or
a summary counting mismatches); it is broken when it exits otherwise, times
out, dies on a signal, or exits 0 without a well-formed summary line.

The runs are a suite (suite/): each leaves a record in the results folder,
and the summary table and JUnit XML are merged from the records, so a run
split into SLURM array tasks, or finished by --resume, reports exactly as one
local run would (docs/regress.md).

Exit status: 0 every run passed, 1 a run failed or broke or has no record,
2 bad options or no simulator, 130 interrupted (Ctrl-C) or 143 terminated,
after a partial summary.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from suite import cli as suitecli  # noqa: E402
from suite import plan as planlib  # noqa: E402
from suite import run as suiterun  # noqa: E402
from suite import slurm  # noqa: E402
from suite.execute import EXIT_BROKEN, ended_badly, make_tail, reproduce_line  # noqa: E402
from suite.report import (FULL_REPORTS, BRIEF_REPORTS, duration, junit_case,  # noqa: E402
                          junit_document, si, suite_element)
# Also what cosim/test_regress.py reaches through this module.
from suite.execute import TAIL_LINES  # noqa: E402,F401
from suite.report import Progress, clean  # noqa: E402,F401

POLICIES = ("svade", "svadu")
SUITE = "pagewalk.cosim"

# mcause values the simulator counts (cmodel/gen/pagewalk.defs, CAUSE_*).
FAULT_CAUSES = (
    (1, "fetch access"),
    (5, "load access"),
    (7, "store access"),
    (12, "fetch page"),
    (13, "load page"),
    (15, "store page"),
)
# Counters every summary line must carry, in the order the table shows them.
COUNTERS = ("cycles", "translations", "hits", "misses", "sfences", "mismatches")

EXIT_PASS, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class Run:
    """One finished simulation, as the report sees it (made from its record)."""

    def __init__(self, seed, ad, command):
        self.seed = seed
        self.ad = ad
        self.command = command  # argv list, without --json
        self.verdict = "broken"  # pass, fail (a mismatch) or broken (anything else)
        self.kind = ""          # mismatch, timeout, crash, usage, summary, start
        self.reason = ""        # one line for humans, e.g. "crashed: signal SIGSEGV"
        self.summary = None     # the parsed JSON line, when there was a valid one
        self.seconds = 0.0
        self.tail = []          # last lines of output (stdout, then stderr)
        self.reproduce = ""     # command that repeats the run
        self.log = None         # its output, when kept

    @property
    def passed(self):
        return self.verdict == "pass"

    def name(self):
        """Return how reports name the run, e.g. "seed 13 svadu"."""
        return f"seed {self.seed} {self.ad}"

    @classmethod
    def from_record(cls, job, record):
        """Return the run a job's record describes."""
        run = cls(job["meta"]["seed"], job["meta"]["ad"], shlex.split(job["reproduce"]))
        run.verdict, run.kind, run.reason = record["verdict"], record["kind"], record["reason"]
        run.summary = record.get("figures")
        run.seconds = record.get("seconds", 0.0)
        run.tail = record.get("tail") or []
        run.reproduce = record["reproduce"]
        run.log = record.get("log")
        return run

    def record(self):
        """Return the verdict fields of this run's record."""
        return {"verdict": self.verdict, "kind": self.kind or "pass", "reason": self.reason,
                "figures": self.summary, "tail": self.tail, "reproduce": self.reproduce,
                "seconds": self.seconds}


# ---------------------------------------------------------------- options

def parse_args(argv):
    """Parse the command line; argparse exits with status 2 on bad options."""
    p = argparse.ArgumentParser(
        prog="regress.py", allow_abbrev=False,
        description="Run seeded pagewalk co-simulations in parallel and summarize them.",
        epilog="exit status: 0 all passed, 1 a run failed, 2 usage error,"
               " 130 interrupted (partial summary)")
    p.add_argument("--sim", required=True, metavar="PATH",
                   help="the co-simulation executable (build/cosim/pagewalk-cosim)")
    p.add_argument("--seeds", required=True, type=suitecli.count_arg(1), metavar="N",
                   help="how many seeds to run")
    p.add_argument("--first-seed", type=suitecli.count_arg(0), default=1, metavar="S",
                   help="first seed (default 1); seeds S..S+N-1 are run")
    p.add_argument("--cycles", type=suitecli.count_arg(1), default=100000, metavar="C",
                   help="cycles per run (default %(default)s)")
    p.add_argument("--ad", choices=("both",) + POLICIES, default="both",
                   help="A/D-bit policy: svade, svadu, or both for every seed (default)")
    p.add_argument("--builds", metavar="all|NAME,...",
                   help="run these builds of the simulator (--dut NAME) instead of the A/D"
                        " pair: 'all' for every build it lists (SIM --list)")
    p.add_argument("--sample", action="store_true",
                   help="with --builds: each seed runs one build, in turn, not every one")
    p.add_argument("--junit", metavar="FILE", help="also write a JUnit XML report to FILE")
    p.add_argument("--timeout", type=suitecli.seconds_arg, default=300.0, metavar="SEC",
                   help="a run still going after SEC seconds fails (default %(default)g)")
    suitecli.add_run_options(p, "slurm: seeds per array task (default %(default)s)")
    return p.parse_args(argv)


def resolve_sim(sim):
    """Return (path to run, None) or (None, error naming the problem)."""
    if os.sep not in sim and not os.path.exists(sim):
        found = shutil.which(sim)
        if found is None:
            return None, f"--sim {sim}: not found in the current directory or on PATH"
        return found, None
    if not os.path.exists(sim):
        return None, f"--sim {sim}: no such file (build the co-simulation first)"
    if os.path.isdir(sim):
        return None, f"--sim {sim}: is a directory, not the simulator"
    if not os.access(sim, os.X_OK):
        return None, f"--sim {sim}: is not executable"
    return (sim if os.sep in sim else os.path.join(".", sim)), None


def check_junit(path):
    """Return an error if FILE could not be written, so a long run is not wasted."""
    parent = os.path.dirname(path) or "."
    if os.path.isdir(path):
        return f"--junit {path}: is a directory"
    if not os.path.isdir(parent):
        return f"--junit {path}: directory {parent} does not exist"
    if not os.access(parent, os.W_OK):
        return f"--junit {path}: directory {parent} is not writable"
    return None


# ---------------------------------------------------------------- judging one run

def is_count(value):
    """Tell whether a JSON value is a non-negative integer (and not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def parse_summary(line, seed, ad, column="ad"):
    """Return (summary, None) for a valid JSON summary of this run, else (None, why not).

    column: the summary field that names the run's column (ad, or dut for --builds)."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return None, "no summary line (the last line is not JSON)"
    if not isinstance(obj, dict):
        return None, "no summary line (the last line is JSON but not an object)"
    for key in COUNTERS:
        if not is_count(obj.get(key)):
            return None, f"no summary line ('{key}' is missing or not a count)"
    faults = obj.get("faults")
    if not isinstance(faults, dict):
        return None, "no summary line ('faults' is missing or not an object)"
    for cause, n in faults.items():
        if not cause.isdigit() or not is_count(n):
            return None, f"no summary line ('faults' has a bad entry {cause!r}: {n!r})"
    if obj.get("seed") != seed or obj.get(column) != ad:
        return None, (f"the summary line is for seed {obj.get('seed')} {obj.get(column)},"
                      f" not seed {seed} {ad}")
    return obj, None


def judge(job, outcome):
    """The suite's judge hook: decide a finished run's verdict from its exit and output."""
    seed, ad = job.meta["seed"], job.meta["ad"]
    out_lines = outcome.out_lines
    summary, why = (None, "no summary line (no output)") if not out_lines else \
        parse_summary(out_lines[-1], seed, ad, job.meta.get("key", "ad"))
    shown = out_lines[:-1] if summary is not None else out_lines
    run = Run(seed, ad, shlex.split(job.reproduce))
    run.summary = summary
    run.tail = make_tail(shown, outcome.err_lines)
    run.reproduce = reproduce_line(job, shown)
    run.kind, run.reason = ended_badly(outcome)
    if run.kind is None and outcome.returncode == EXIT_BROKEN:
        run.kind, run.reason = "crash", "crashed: exit status 3"  # the simulator never says 3
    if run.kind is not None:
        run.verdict = "broken"
    elif outcome.returncode == 1:
        run.verdict, run.kind, run.reason = "fail", "mismatch", "mismatch (exit status 1)"
    elif summary is None:
        run.verdict, run.kind, run.reason = "broken", "summary", why
    elif summary["mismatches"]:
        run.verdict, run.kind = "fail", "mismatch"
        run.reason = f"exit status 0 but the summary reports {summary['mismatches']} mismatches"
    else:
        run.verdict, run.kind = "pass", "pass"
    return run.record()


# ---------------------------------------------------------------- reports

def totals(runs):
    """Sum the runs' counts into one dict; None for runs without a summary."""
    t = {"runs": len(runs), "passed": 0, "failed": 0, "seconds": 0.0, "summaries": 0,
         "other faults": 0}
    for key in COUNTERS:
        t[key] = 0
    for cause, _ in FAULT_CAUSES:
        t[cause] = 0
    for run in runs:
        t["passed" if run.passed else "failed"] += 1
        t["seconds"] += run.seconds
        if run.summary is None:
            continue
        t["summaries"] += 1
        for key in COUNTERS:
            t[key] += run.summary[key]
        for cause, n in run.summary["faults"].items():
            if int(cause) in t:
                t[int(cause)] += n
            else:
                t["other faults"] += n
    return t


def where_ran(sessions):
    """Return what ran the runs, for the wall-time line: "2 jobs", "4 SLURM array tasks"."""
    parts = [f"{s['workers']} SLURM array tasks" if s["where"].startswith("slurm")
             else f"{s['workers']} jobs" for s in sessions]
    if len(parts) > 1:
        return " + ".join(parts) + f" ({len(parts)} sessions)"
    return parts[0] if parts else "0 jobs"


def summary_table(runs, policies, wall, where):
    """Return the summary table: one column per policy and a total."""
    columns = [(ad, totals([r for r in runs if r.ad == ad])) for ad in policies]
    columns.append(("total", totals(runs)))
    rows = [(label, [f"{c[label]:,}" for _, c in columns])
            for label in ("runs", "passed", "failed") + COUNTERS[:4]]
    for cause, name in FAULT_CAUSES:
        rows.append((f"faults {cause:2d} {name}", [f"{c[cause]:,}" for _, c in columns]))
    if columns[-1][1]["other faults"]:
        rows.append(("faults, other causes", [f"{c['other faults']:,}" for _, c in columns]))
    for label in COUNTERS[4:]:
        rows.append((label, [f"{c[label]:,}" for _, c in columns]))
    rows.append(("run time (sum)", [duration(c["seconds"]) for _, c in columns]))
    rows.append(("cycles/s per run",
                 [si(c["cycles"] / c["seconds"]) if c["seconds"] else "-" for _, c in columns]))

    label_w = max(len(label) for label, _ in rows)
    col_w = max(12, max(len(v) for _, values in rows for v in values))
    out = [" " * label_w + "".join(f"  {name:>{col_w}}" for name, _ in columns)]
    out += [f"{label:<{label_w}}" + "".join(f"  {v:>{col_w}}" for v in values)
            for label, values in rows]
    total = columns[-1][1]
    out.append(f"wall time {duration(wall)} with {where}:"
               f" {si(total['cycles'] / max(wall, 1e-6))} cycles/s aggregate")
    if total["summaries"] < total["runs"]:
        out.append(f"(counts are from the {total['summaries']} runs that printed a summary line)")
    return out


def failure_report(runs, results=None):
    """Return the report on failed runs: the first FULL_REPORTS with output, then one line each."""
    failed = [r for r in runs if not r.passed]
    if not failed:
        return []
    out = ["", f"failed runs ({len(failed)}):"]
    for run in failed[:FULL_REPORTS]:
        out.append(f"--- {run.name()}: {run.reason}")
        if not any(line.lstrip().startswith("reproduce:") for line in run.tail):
            out.append(f"    reproduce: {run.reproduce}")
        if run.log and results:
            out.append(f"    log: {os.path.join(results, run.log)}")
        out += [f"    | {line}" for line in run.tail] or ["    (no output)"]
    rest = failed[FULL_REPORTS:]
    if rest:
        out.append(f"--- and {len(rest)} more:")
        out += [f"    {r.name()}: {r.reason}; reproduce: {r.reproduce}"
                for r in rest[:BRIEF_REPORTS]]
        if len(rest) > BRIEF_REPORTS:
            out.append(f"    ... {len(rest) - BRIEF_REPORTS} not listed (see --junit)")
    return out


def junit_xml(runs, policies, wall, properties):
    """Return a JUnit XML document: one testsuite per policy, one testcase per seed.

    A mismatch is a <failure>; a broken run (crash, timeout, no summary) an <error>.
    """
    records = [r.record() for r in runs]
    root = ET.Element("testsuites", name=SUITE, tests=str(len(runs)),
                      failures=str(sum(r.verdict == "fail" for r in runs)),
                      errors=str(sum(r.verdict == "broken" for r in runs)), time=f"{wall:.3f}")
    for ad in policies:
        mine = [(run, rec) for run, rec in zip(runs, records) if run.ad == ad]
        classname = f"{SUITE}.{ad}"
        suite = suite_element(root, classname, [rec for _, rec in mine],
                              [tuple(p) for p in properties] + [("ad", ad)])
        for run, rec in mine:
            junit_case(suite, f"seed-{run.seed}", classname, rec)
    return junit_document(root)


def report(plan, have, sessions, why, results):
    """The suite's report hook: the summary table, failures, and JUnit XML, from the records."""
    options = plan["options"]
    policies = tuple(options["policies"])
    runs = [Run.from_record(j, have[j["id"]]) for j in plan["jobs"] if j["id"] in have]
    wall = sum(s["wall"] for s in sessions)
    out = [""]
    if why:
        out += [f"{why}: {len(runs)} of {len(plan['jobs'])} runs finished", ""]
    out += summary_table(runs, policies, wall, where_ran(sessions))
    out += failure_report(runs, results if options.get("logs_kept") else None)
    passed = sum(r.passed for r in runs)
    out += ["", f"{passed} passed, {len(runs) - passed} failed"]
    return out, junit_xml(runs, policies, wall, options["properties"])


# ---------------------------------------------------------------- main

def make_plan(args, sim, policies, logs_kept):
    """Return the suite's plan: one job per seed and policy (or build), seed by seed.

    With --builds the columns are builds, run with --dut; --sample gives seed
    S only the build at S's turn."""
    last_seed = args.first_seed + args.seeds - 1
    flag, key = ("--dut", "dut") if args.builds else ("--ad", "ad")
    jobs = []
    for seed in range(args.first_seed, last_seed + 1):
        mine = policies
        if args.sample:
            mine = (policies[(seed - args.first_seed) % len(policies)],)
        for ad in mine:
            command = [sim, flag, ad, "--seed", str(seed), "--cycles", str(args.cycles)]
            jobs.append(planlib.Job(f"seed-{seed}-{ad}", command + ["--json"],
                                    reproduce=shlex.join(command), timeout=args.timeout,
                                    name=f"seed {seed} {ad}", meta={"seed": seed, "ad": ad, "key": key}))
    properties = [("sim", args.sim), ("cycles", args.cycles), ("first-seed", args.first_seed),
                  ("seeds", args.seeds), ("timeout", f"{args.timeout:g}")]
    return planlib.new_plan(SUITE, jobs, module=os.path.abspath(__file__),
                            options={"policies": list(policies), "rate": "cycles",
                                     "properties": properties, "logs_kept": logs_kept})


def header(args, policies):
    """Return the function that prints the regression's first line."""
    def text(plan, todo, opts):
        last_seed = args.first_seed + args.seeds - 1
        if opts.scheduler == "slurm":
            how = (f"SLURM array tasks of {args.chunk} seeds"
                   f"{f' on {opts.partition}' if opts.partition else ''}")
        else:
            how = f"{min(opts.workers, len(todo) or 1)} jobs"
        return (f"pagewalk cosim regression: seeds {args.first_seed}..{last_seed}"
                f" x {', '.join(policies)} = {len(plan['jobs'])} runs of {args.cycles} cycles,"
                f" {how}, timeout {args.timeout:g} s")
    return text


def builds_to_run(sim, builds):
    """Return (build names, None) for --builds, checked against SIM --list, or (None, why not)."""
    try:
        listed = subprocess.run([sim, "--list"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"--builds: {sim} --list did not run ({e})"
    names = [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]
    if listed.returncode != 0 or not names:
        return None, f"--builds: {sim} --list listed no builds (exit status {listed.returncode})"
    if builds == "all":
        return tuple(names), None
    wanted = tuple(b for b in builds.replace(",", " ").split())
    unknown = [b for b in wanted if b not in names]
    if unknown or not wanted:
        return None, (f"--builds: no build {', '.join(unknown) or '(none given)'} in {sim};"
                      f" it has {', '.join(names)}")
    return wanted, None


def main(argv=None):
    """Run the regression the command line asks for; return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    sim, error = resolve_sim(args.sim)
    if error is None and args.junit:
        error = check_junit(args.junit)
    if error is None:
        error = suitecli.check_run_options(args)
    if error is None and args.builds and args.ad != "both":
        error = "--ad and --builds do not go together (name the builds)"
    if error is None and args.sample and not args.builds:
        error = "--sample needs --builds"
    if error:
        print(f"regress.py: error: {error}", file=sys.stderr)
        return EXIT_USAGE

    policies = POLICIES if args.ad == "both" else (args.ad,)
    if args.builds:
        policies, error = builds_to_run(sim, args.builds)
        if error:
            print(f"regress.py: error: {error}", file=sys.stderr)
            return EXIT_USAGE
    results, scratch = args.results, None
    if results is None:  # nothing to resume later: records go to a scratch folder
        scratch = tempfile.TemporaryDirectory(prefix="regress-")
        results = scratch.name
    plan = make_plan(args, sim, policies, logs_kept=scratch is None)
    hint = None if scratch else suitecli.resume_command([os.path.relpath(__file__)] + argv)
    opts = suitecli.options_from(args, args.junit, hint)
    opts.chunk = args.chunk * (1 if args.sample else len(policies))  # whole seeds per array task
    try:
        return suiterun.run(results, plan, opts, header(args, policies))
    except (planlib.PlanError, slurm.SlurmError) as e:
        print(f"regress.py: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as e:
        print(f"regress.py: error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        if scratch is not None:
            scratch.cleanup()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head; the workers are already stopped
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FAIL)
