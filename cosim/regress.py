#!/usr/bin/env python3
"""Run many seeded RTL-versus-model co-simulations in parallel and summarize them.

usage: regress.py --sim PATH --seeds N [--first-seed S] [--jobs J] [--cycles C]
                  [--ad both|svade|svadu] [--junit FILE] [--timeout SEC]

Each run is `SIM --ad AD --seed N --cycles C --json`: exit 0 means RTL and model
agreed on every cycle, 1 a mismatch, 2 a usage error, anything else a crash;
its last stdout line is a JSON summary. A run fails when it exits non-zero,
times out, dies on a signal, or exits 0 without a well-formed summary line.

Exit status: 0 every run passed, 1 a run failed, 2 bad options or no simulator,
130 interrupted (Ctrl-C) or 143 terminated, after a partial summary.
"""
import argparse
import datetime
import json
import os
import queue
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET

POLICIES = ("svade", "svadu")

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
EXIT_SIGINT, EXIT_SIGTERM = 130, 143

TAIL_LINES = 40         # lines of a failed run's output kept for the report
TAIL_STDERR_LINES = 15  # of which at most this many come from stderr
TAIL_BYTES = 64 * 1024  # how much of the end of each output stream is read
FULL_REPORTS = 10       # failed runs reported with their output
BRIEF_REPORTS = 100     # further failed runs listed one line each
KILL_GRACE = 2.0        # seconds between SIGTERM and SIGKILL for a timed-out run

# Characters XML 1.0 cannot carry, and terminal controls that would garble a log.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class Terminated(Exception):
    """Raised in the main thread when SIGTERM arrives (a cancelled CI job)."""


class Run:
    """One finished simulation: what was asked, how it ended, what it reported."""

    def __init__(self, seed, ad, command):
        self.seed = seed
        self.ad = ad
        self.command = command  # argv list, without --json
        self.passed = False
        self.kind = ""          # failure class: mismatch, timeout, crash, usage, summary, start
        self.reason = ""        # one line for humans, e.g. "crashed: signal SIGSEGV"
        self.summary = None     # the parsed JSON line, when there was a valid one
        self.seconds = 0.0
        self.tail = []          # last lines of output (stdout, then stderr)
        self.reproduce = ""     # command that repeats the run

    def name(self):
        """Return how reports name the run, e.g. "seed 13 svadu"."""
        return f"seed {self.seed} {self.ad}"


# ---------------------------------------------------------------- options

def count_arg(minimum):
    """Return an argparse type for an integer >= minimum (0x.. accepted)."""
    def parse(text):
        try:
            value = int(text, 10) if text.strip().isdigit() else int(text, 0)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not an integer") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
        return value
    return parse


def seconds_arg(text):
    """Parse a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text} must be more than 0 seconds")
    return value


def default_jobs():
    """Return how many CPUs this process may use (respects taskset and cgroup cpusets)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_args(argv):
    """Parse the command line; argparse exits with status 2 on bad options."""
    p = argparse.ArgumentParser(
        prog="regress.py", allow_abbrev=False,
        description="Run seeded pagewalk co-simulations in parallel and summarize them.",
        epilog="exit status: 0 all passed, 1 a run failed, 2 usage error,"
               " 130 interrupted (partial summary)")
    p.add_argument("--sim", required=True, metavar="PATH",
                   help="the co-simulation executable (build/cosim/pagewalk-cosim)")
    p.add_argument("--seeds", required=True, type=count_arg(1), metavar="N",
                   help="how many seeds to run")
    p.add_argument("--first-seed", type=count_arg(0), default=1, metavar="S",
                   help="first seed (default 1); seeds S..S+N-1 are run")
    p.add_argument("--jobs", type=count_arg(1), default=default_jobs(), metavar="J",
                   help="simulations run at once (default: the CPUs available, %(default)s)")
    p.add_argument("--cycles", type=count_arg(1), default=100000, metavar="C",
                   help="cycles per run (default %(default)s)")
    p.add_argument("--ad", choices=("both",) + POLICIES, default="both",
                   help="A/D-bit policy: svade, svadu, or both for every seed (default)")
    p.add_argument("--junit", metavar="FILE", help="also write a JUnit XML report to FILE")
    p.add_argument("--timeout", type=seconds_arg, default=300.0, metavar="SEC",
                   help="a run still going after SEC seconds fails (default %(default)g)")
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


# ---------------------------------------------------------------- one run

def read_tail(f):
    """Return the last lines (at most TAIL_BYTES of them) of a finished output file."""
    f.seek(0, os.SEEK_END)
    size = f.tell()
    f.seek(max(0, size - TAIL_BYTES))
    lines = f.read().decode("utf-8", "replace").split("\n")
    if size > TAIL_BYTES:
        lines = lines[1:]  # the first one is cut
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def is_count(value):
    """Tell whether a JSON value is a non-negative integer (and not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def parse_summary(line, seed, ad):
    """Return (summary, None) for a valid JSON summary of this run, else (None, why not)."""
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
    if obj.get("seed") != seed or obj.get("ad") != ad:
        return None, (f"the summary line is for seed {obj.get('seed')} {obj.get('ad')},"
                      f" not seed {seed} {ad}")
    return obj, None


def signal_name(number):
    """Return "SIGSEGV" for 11, or "signal 99" for a number Python does not know."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def clean(text):
    """Make output text safe for a terminal and for XML: controls become \\xNN."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text.expandtabs(8))


def judge(run, returncode, timed_out, timeout, out_lines, err_lines):
    """Decide whether a finished run passed, and fill in its reason, summary and tail."""
    summary, why = (None, "no summary line (no output)") if not out_lines else \
        parse_summary(out_lines[-1], run.seed, run.ad)
    run.summary = summary
    shown = out_lines[:-1] if summary is not None else out_lines
    err = err_lines[-TAIL_STDERR_LINES:]
    keep = TAIL_LINES - (len(err) + 1 if err else 0)
    run.tail = [clean(line) for line in shown[-keep:]]
    if err:
        run.tail += ["--- stderr ---"] + [clean(line) for line in err]
    sim_repro = [line.split(":", 1)[1].strip() for line in shown
                 if line.lstrip().startswith("reproduce:")]
    run.reproduce = clean(sim_repro[-1]) if sim_repro else shlex.join(run.command)

    if timed_out:
        run.kind, run.reason = "timeout", f"timed out after {timeout:g} s"
    elif returncode < 0:
        run.kind, run.reason = "crash", f"crashed: {signal_name(-returncode)}"
    elif returncode == 1:
        run.kind, run.reason = "mismatch", "mismatch (exit status 1)"
    elif returncode == 2:
        run.kind, run.reason = "usage", "usage error (exit status 2)"
    elif returncode != 0:
        run.kind, run.reason = "crash", f"crashed: exit status {returncode}"
        if 128 < returncode < 128 + 65:  # a shell wrapper reports a signal this way
            run.reason += f" (a shell's code for {signal_name(returncode - 128)})"
    elif summary is None:
        run.kind, run.reason = "summary", why
    elif summary["mismatches"]:
        run.kind = "mismatch"
        run.reason = f"exit status 0 but the summary reports {summary['mismatches']} mismatches"
    else:
        run.passed = True


class Runner:
    """Runs simulations on worker threads; stop() kills every one still running."""

    def __init__(self, sim, cycles, timeout, jobs):
        self.sim, self.cycles, self.timeout, self.jobs = sim, cycles, timeout, jobs
        self.lock = threading.Lock()
        self.running = set()   # Popen objects of live children
        self.killed = set()    # children stop() killed: their results are dropped
        self.stopping = threading.Event()
        self.todo = queue.Queue()
        self.done = queue.Queue()
        self.threads = []

    def command(self, seed, ad):
        """Return the argv that runs one seed (without --json, as a user would type it)."""
        return [self.sim, "--ad", ad, "--seed", str(seed), "--cycles", str(self.cycles)]

    def start(self, runs):
        """Queue (seed, ad) pairs and start the workers; results arrive on self.done."""
        for r in runs:
            self.todo.put(r)
        for _ in range(min(self.jobs, len(runs))):
            t = threading.Thread(target=self._worker, daemon=True)
            t.start()
            self.threads.append(t)

    def stop(self):
        """Kill the running children, wait for the workers, drop unfinished runs."""
        with self.lock:
            self.stopping.set()
            for proc in self.running:
                self.killed.add(proc)
                signal_group(proc, signal.SIGKILL)
        for t in self.threads:
            t.join(timeout=10)

    def _worker(self):
        """Take runs off the queue until it is empty or stop() is called."""
        while not self.stopping.is_set():
            try:
                seed, ad = self.todo.get_nowait()
            except queue.Empty:
                return
            try:
                run = self.run_one(seed, ad)
            except Exception as e:  # a bug here must not hang the main thread
                run = Run(seed, ad, self.command(seed, ad))
                run.kind, run.reason = "start", f"regress.py internal error: {e!r}"
                run.reproduce = shlex.join(run.command)
            if run is not None:
                self.done.put(run)

    def run_one(self, seed, ad):
        """Run one simulation to its end; None when stop() killed it."""
        run = Run(seed, ad, self.command(seed, ad))
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            began = time.monotonic()
            try:
                proc = subprocess.Popen(run.command + ["--json"], stdin=subprocess.DEVNULL,
                                        stdout=out, stderr=err, start_new_session=True)
            except OSError as e:
                run.kind, run.reason = "start", f"could not start: {e.strerror or e}"
                run.reproduce = shlex.join(run.command)
                return run
            with self.lock:
                if self.stopping.is_set():
                    self.killed.add(proc)
                    signal_group(proc, signal.SIGKILL)
                self.running.add(proc)
            timed_out = False
            try:
                returncode = proc.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                returncode = self._end(proc)
            run.seconds = time.monotonic() - began
            with self.lock:
                self.running.discard(proc)
                if proc in self.killed:
                    return None
            judge(run, returncode, timed_out, self.timeout, read_tail(out), read_tail(err))
        return run

    def _end(self, proc):
        """Stop a timed-out child: SIGTERM, then SIGKILL after KILL_GRACE; return its status."""
        signal_group(proc, signal.SIGTERM)
        try:
            return proc.wait(timeout=KILL_GRACE)
        except subprocess.TimeoutExpired:
            signal_group(proc, signal.SIGKILL)
            return proc.wait()


def signal_group(proc, sig):
    """Send sig to a child's process group (its own session), if it is still running."""
    if proc.returncode is None:
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


# ---------------------------------------------------------------- reports

def si(value):
    """Format a rate compactly: 950, 12.3k, 1.2M, 3.4G."""
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"{value / scale:.1f}{unit}"
    return f"{value:.0f}"


def clock(seconds):
    """Format a duration as m:ss or h:mm:ss."""
    s = int(seconds + 0.5)
    h, m, s = s // 3600, s // 60 % 60, s % 60
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def duration(seconds):
    """Format a duration for the table: 3.4 s below a minute, else h:mm:ss."""
    return f"{seconds:.1f} s" if seconds < 60 else clock(seconds)


class Progress:
    """The progress line: redrawn in place on a terminal, every 10% otherwise."""

    def __init__(self, total, stream):
        self.total, self.stream = total, stream
        self.tty = stream.isatty()
        self.began = time.monotonic()
        self.passed = self.failed = self.cycles = 0
        self.shown = 0       # length of the line on screen (terminal)
        self.decile = 0      # last 10% step printed (log)
        self.drawn_at = 0.0
        self.reported = 0    # failures printed as they happened

    def line(self):
        """Return e.g. "[ 123/2000]   6% pass 123 fail 0  1.2M cycles/s  eta 0:45"."""
        done = self.passed + self.failed
        elapsed = max(time.monotonic() - self.began, 1e-6)
        eta = clock(elapsed / done * (self.total - done)) if done else "-:--"
        width = len(str(self.total))
        return (f"[{done:{width}d}/{self.total}] {done * 100 // self.total:3d}%"
                f" pass {self.passed} fail {self.failed}"
                f"  {si(self.cycles / elapsed)} cycles/s  eta {eta}")

    def add(self, run):
        """Count a finished run, print it if it failed, update the line."""
        if run.passed:
            self.passed += 1
        else:
            self.failed += 1
        if run.summary is not None:
            self.cycles += run.summary["cycles"]
        if not run.passed and self.reported <= FULL_REPORTS:
            self.reported += 1
            text = (f"FAIL {run.name()}: {run.reason}" if self.reported <= FULL_REPORTS
                    else "(more failures; every one is listed at the end)")
            self.clear()
            print(text, file=self.stream, flush=True)
        done = self.passed + self.failed
        if self.tty:
            self.tick(force=done == self.total)
        elif done * 10 // self.total > self.decile:
            self.decile = done * 10 // self.total
            print(self.line(), file=self.stream, flush=True)

    def tick(self, force=False):
        """Redraw the terminal line (at most ten times a second unless forced)."""
        now = time.monotonic()
        if not self.tty or (not force and now - self.drawn_at < 0.1):
            return
        self.drawn_at = now
        text = self.line()
        self.stream.write("\r" + text.ljust(self.shown))
        self.stream.flush()
        self.shown = len(text)

    def clear(self):
        """Erase the terminal line so other output starts on a clean line."""
        if self.tty and self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0


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


def summary_table(runs, policies, wall, jobs):
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
    out.append(f"wall time {duration(wall)} with {jobs} jobs:"
               f" {si(total['cycles'] / max(wall, 1e-6))} cycles/s aggregate")
    if total["summaries"] < total["runs"]:
        out.append(f"(counts are from the {total['summaries']} runs that printed a summary line)")
    return out


def failure_report(runs):
    """Return the report on failed runs: the first FULL_REPORTS with output, then one line each."""
    failed = [r for r in runs if not r.passed]
    if not failed:
        return []
    out = ["", f"failed runs ({len(failed)}):"]
    for run in failed[:FULL_REPORTS]:
        out.append(f"--- {run.name()}: {run.reason}")
        if not any(line.lstrip().startswith("reproduce:") for line in run.tail):
            out.append(f"    reproduce: {run.reproduce}")
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
    """Return a JUnit XML document: one testsuite per policy, one testcase per seed."""
    failures = sum(not r.passed for r in runs)
    root = ET.Element("testsuites", name="pagewalk.cosim", tests=str(len(runs)),
                      failures=str(failures), errors="0", time=f"{wall:.3f}")
    stamp = datetime.datetime.now().replace(microsecond=0).isoformat()
    host = socket.gethostname()
    for ad in policies:
        mine = [r for r in runs if r.ad == ad]
        classname = f"pagewalk.cosim.{ad}"
        suite = ET.SubElement(root, "testsuite", name=classname, tests=str(len(mine)),
                              failures=str(sum(not r.passed for r in mine)), errors="0",
                              skipped="0", time=f"{sum(r.seconds for r in mine):.3f}",
                              timestamp=stamp, hostname=host)
        props = ET.SubElement(suite, "properties")
        for name, value in properties + [("ad", ad)]:
            ET.SubElement(props, "property", name=name, value=str(value))
        for run in mine:
            case = ET.SubElement(suite, "testcase", name=f"seed-{run.seed}",
                                 classname=classname, time=f"{run.seconds:.3f}")
            if not run.passed:
                failure = ET.SubElement(case, "failure", type=run.kind,
                                        message=clean(f"{run.reason}; reproduce: {run.reproduce}"))
                failure.text = "\n".join(run.tail) or "(no output)"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_file(path, text):
    """Write a file whole or not at all."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# ---------------------------------------------------------------- main

def on_sigterm(signum, frame):
    """Turn SIGTERM into an exception so children are killed and a summary printed."""
    raise Terminated()


def collect(runner, progress, total, runs):
    """Append results to runs as they arrive, keeping the progress line current."""
    while len(runs) < total:
        try:
            run = runner.done.get(timeout=0.2)
        except queue.Empty:
            progress.tick()
            if not any(t.is_alive() for t in runner.threads) and runner.done.empty():
                return  # only if a worker died; do not wait forever
            continue
        runs.append(run)
        progress.add(run)


def main(argv=None):
    """Run the regression the command line asks for; return the exit status."""
    args = parse_args(argv)
    sim, error = resolve_sim(args.sim)
    if error is None and args.junit:
        error = check_junit(args.junit)
    if error:
        print(f"regress.py: error: {error}", file=sys.stderr)
        return EXIT_USAGE

    policies = POLICIES if args.ad == "both" else (args.ad,)
    last_seed = args.first_seed + args.seeds - 1
    plan = [(seed, ad) for seed in range(args.first_seed, last_seed + 1) for ad in policies]
    jobs = min(args.jobs, len(plan))
    print(f"pagewalk cosim regression: seeds {args.first_seed}..{last_seed}"
          f" x {', '.join(policies)} = {len(plan)} runs of {args.cycles} cycles,"
          f" {jobs} jobs, timeout {args.timeout:g} s", flush=True)

    runner = Runner(sim, args.cycles, args.timeout, jobs)
    progress = Progress(len(plan), sys.stdout)
    status = None
    runs = []
    previous_int = signal.getsignal(signal.SIGINT)
    previous_term = signal.signal(signal.SIGTERM, on_sigterm)
    began = time.monotonic()
    try:
        runner.start(plan)
        collect(runner, progress, len(plan), runs)
    except KeyboardInterrupt:
        status = EXIT_SIGINT
    except Terminated:
        status = EXIT_SIGTERM
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut cleanup short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        runner.stop()
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)
    wall = time.monotonic() - began
    # Results that arrived while stopping still count.
    while not runner.done.empty():
        runs.append(runner.done.get())
    runs.sort(key=lambda r: (r.seed, policies.index(r.ad)))

    progress.clear()
    out = [""]
    if status is not None or len(runs) < len(plan):
        why = "interrupted" if status == EXIT_SIGINT else \
            "terminated" if status == EXIT_SIGTERM else "stopped early"
        out += [f"{why}: {len(runs)} of {len(plan)} runs finished", ""]
    out += summary_table(runs, policies, wall, jobs)
    out += failure_report(runs)
    passed = sum(r.passed for r in runs)
    failed = len(runs) - passed
    out += ["", f"{passed} passed, {failed} failed"]
    print("\n".join(out), flush=True)

    if args.junit:
        props = [("sim", args.sim), ("cycles", args.cycles), ("first-seed", args.first_seed),
                 ("seeds", args.seeds), ("timeout", f"{args.timeout:g}")]
        try:
            write_file(args.junit, junit_xml(runs, policies, wall, props))
        except OSError as e:
            print(f"regress.py: error: cannot write --junit {args.junit}: {e.strerror or e}",
                  file=sys.stderr)
            return status or EXIT_FAIL
    if status is not None:
        return status
    return EXIT_PASS if failed == 0 and len(runs) == len(plan) else EXIT_FAIL


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head; the workers are already stopped
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_FAIL)
