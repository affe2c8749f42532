"""Run a suite's jobs on worker threads, judge each one, and append its record.

The same code runs a whole suite on this machine and one chunk of it inside a
SLURM array task, so a job is judged the same way wherever it ran.

The job protocol (what a command tells the suite by how it ends):
  exit 0    pass
  exit 1    fail: the check ran and reported a failure (e.g. a mismatch)
  exit 3    broken: the job could not do its experiment; its last line says why
  anything else (exit 2 = usage error, other codes, a signal, a timeout,
  a command that cannot start): broken.
The last line of standard output, when it is a JSON object, is the job's
figures (counts the report adds up); the line before it is its reason.
A suite with other rules gives a judge() hook in its plan's module.
"""
import importlib.util
import json
import os
import queue
import signal
import socket
import subprocess
import threading
import time

from . import plan as planlib
from .report import clean, signal_name

TAIL_LINES = 40         # lines of a job's output kept in its record
TAIL_STDERR_LINES = 15  # of which at most this many come from stderr
TAIL_BYTES = 64 * 1024  # how much of the end of each output stream is read
KILL_GRACE = 2.0        # seconds between SIGTERM and SIGKILL for a timed-out job
EXIT_FAIL, EXIT_USAGE, EXIT_BROKEN = 1, 2, 3


class Terminated(Exception):
    """Raised in the main thread when SIGTERM arrives (a cancelled CI job or array task)."""


class Outcome:
    """How a job's process ended and the end of what it printed."""

    def __init__(self, returncode=None, timed_out=False, timeout=None, out_lines=(),
                 err_lines=(), seconds=0.0, error=None):
        self.returncode = returncode
        self.timed_out = timed_out
        self.timeout = timeout
        self.out_lines = list(out_lines)
        self.err_lines = list(err_lines)
        self.seconds = seconds
        self.error = error      # why the command could not start, or None


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


def figures_line(lines):
    """Return (figures, other lines): the last line as a JSON object, if it is one."""
    if lines:
        try:
            obj = json.loads(lines[-1])
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict):
            return obj, lines[:-1]
    return None, lines


def make_tail(out_lines, err_lines):
    """Return the last lines of output for a report: stdout, then a marked stderr part."""
    err = err_lines[-TAIL_STDERR_LINES:]
    keep = TAIL_LINES - (len(err) + 1 if err else 0)
    tail = [clean(line) for line in out_lines[-keep:]]
    if err:
        tail += ["--- stderr ---"] + [clean(line) for line in err]
    return tail


def reproduce_line(job, lines):
    """Return the command that repeats the job: its own "reproduce:" line, else the plan's."""
    said = [line.split(":", 1)[1].strip() for line in lines
            if line.lstrip().startswith("reproduce:")]
    return clean(said[-1]) if said else job.reproduce


def ended_badly(outcome):
    """Return (kind, reason) when the process did not end with a status the protocol reads."""
    if outcome.error is not None:
        return "start", f"could not start: {outcome.error}"
    if outcome.timed_out:
        return "timeout", f"timed out after {outcome.timeout:g} s"
    rc = outcome.returncode
    if rc < 0:
        return "crash", f"crashed: {signal_name(-rc)}"
    if rc == EXIT_USAGE:
        return "usage", "usage error (exit status 2)"
    if rc not in (0, EXIT_FAIL, EXIT_BROKEN):
        reason = f"crashed: exit status {rc}"
        if 128 < rc < 128 + 65:  # a shell wrapper reports a signal this way
            reason += f" (a shell's code for {signal_name(rc - 128)})"
        return "crash", reason
    return None, None


def judge_exit(job, outcome):
    """Judge a job by the protocol above; return the verdict fields of its record."""
    figures, shown = figures_line(outcome.out_lines)
    last = clean(shown[-1].strip()) if shown else ""
    verdict = {"figures": figures, "tail": make_tail(shown, outcome.err_lines),
               "reproduce": reproduce_line(job, shown)}
    kind, reason = ended_badly(outcome)
    if kind is not None:
        verdict.update(verdict="broken", kind=kind, reason=reason)
    elif outcome.returncode == 0:
        verdict.update(verdict="pass", kind="pass", reason=last or "exit status 0")
    elif outcome.returncode == EXIT_FAIL:
        verdict.update(verdict="fail", kind="fail", reason=last or "exit status 1")
    else:
        verdict.update(verdict="broken", kind="broken", reason=last or "exit status 3")
    return verdict


_hooks = {}


def hooks(plan):
    """Return the plan's hook module (judge, report), loaded once; None for the generic ones."""
    path = plan.get("module")
    if not path:
        return None
    if path not in _hooks:
        name = "suite_hooks_" + os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None:
            raise planlib.PlanError(f"{path}: not a Python file (the plan's module)")
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except FileNotFoundError:
            raise planlib.PlanError(f"{path}: no such file (the plan's module)") from None
        _hooks[path] = module
    return _hooks[path]


def judge_of(plan):
    """Return the function that judges the plan's jobs."""
    module = hooks(plan)
    return getattr(module, "judge", judge_exit) if module else judge_exit


class Executor:
    """Runs jobs on worker threads; records arrive on self.done; stop() kills what still runs."""

    def __init__(self, results, plan, workers, where, keep_logs=False):
        self.results, self.workers, self.where = results, workers, where
        self.workdir = plan["workdir"]
        self.run_id = plan.get("run")  # which run of the folder the records belong to
        self.judge = judge_of(plan)
        self.keep_logs = keep_logs
        self.host = socket.gethostname()
        self.lock = threading.Lock()
        self.running = set()   # Popen objects of live children
        self.killed = set()    # children stop() killed: their results are dropped
        self.stopping = threading.Event()
        self.todo = queue.Queue()
        self.done = queue.Queue()
        self.threads = []

    def start(self, jobs):
        """Queue the jobs and start the workers."""
        for job in jobs:
            self.todo.put(job)
        for _ in range(min(self.workers, len(jobs))):
            t = threading.Thread(target=self._worker, daemon=True)
            t.start()
            self.threads.append(t)

    def stop(self):
        """Kill the running children, wait for the workers, drop unfinished jobs."""
        with self.lock:
            self.stopping.set()
            for proc in self.running:
                self.killed.add(proc)
                signal_group(proc, signal.SIGKILL)
        for t in self.threads:
            t.join(timeout=10)

    def alive(self):
        """Tell whether any worker is still running."""
        return any(t.is_alive() for t in self.threads)

    def _worker(self):
        """Take jobs off the queue until it is empty or stop() is called."""
        while not self.stopping.is_set():
            try:
                job = self.todo.get_nowait()
            except queue.Empty:
                return
            try:
                record = self.run_one(job)
            except Exception as e:  # a bug here must not hang the main thread
                record = self.record(job, Outcome(error=f"suite internal error: {e!r}"), None)
            if record is not None:
                self.done.put(record)

    def run_one(self, job):
        """Run one job to its end and return its record; None when stop() killed it."""
        out_path = os.path.join(self.results, "logs", f"{job.id}.out")
        err_path = os.path.join(self.results, "logs", f"{job.id}.err")
        with open(out_path, "w+b") as out, open(err_path, "w+b") as err:
            began = time.monotonic()
            try:
                proc = subprocess.Popen(job.argv, cwd=self.workdir, stdin=subprocess.DEVNULL,
                                        stdout=out, stderr=err, start_new_session=True)
            except OSError as e:
                return self.record(job, Outcome(error=e.strerror or str(e)), None)
            with self.lock:
                if self.stopping.is_set():
                    self.killed.add(proc)
                    signal_group(proc, signal.SIGKILL)
                self.running.add(proc)
            timed_out = False
            try:
                returncode = proc.wait(timeout=job.timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                returncode = end_process(proc)
            seconds = time.monotonic() - began
            with self.lock:
                self.running.discard(proc)
                if proc in self.killed:
                    return None
            outcome = Outcome(returncode, timed_out, job.timeout, read_tail(out), read_tail(err),
                              seconds)
        return self.record(job, outcome, (out_path, err_path))

    def record(self, job, outcome, logs):
        """Judge a finished job and return its record; drop the logs of a pass."""
        record = {"id": job.id, "run": self.run_id, "verdict": "broken", "kind": "internal",
                  "reason": "",
                  "figures": None, "tail": [], "reproduce": job.reproduce}
        record.update(self.judge(job, outcome))
        if record["verdict"] not in planlib.VERDICTS:
            record.update(verdict="broken", kind="internal",
                          reason=f"the judge said {record['verdict']!r}")
        record.update(seconds=round(outcome.seconds, 3), host=self.host, where=self.where,
                      finished=time.time(), returncode=outcome.returncode, log=None, stderr=None)
        if logs:
            keep = self.keep_logs or record["verdict"] != "pass"
            for key, path in zip(("log", "stderr"), logs):
                if keep and os.path.getsize(path):
                    record[key] = os.path.relpath(path, self.results)
                else:
                    os.remove(path)
        return record


def signal_group(proc, sig):
    """Send sig to a child's process group (its own session), if it is still running."""
    if proc.returncode is None:
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def end_process(proc):
    """Stop a timed-out child: SIGTERM, then SIGKILL after KILL_GRACE; return its status."""
    signal_group(proc, signal.SIGTERM)
    try:
        return proc.wait(timeout=KILL_GRACE)
    except subprocess.TimeoutExpired:
        signal_group(proc, signal.SIGKILL)
        return proc.wait()


def on_sigterm(signum, frame):
    """Turn SIGTERM into an exception so children are killed and a summary printed."""
    raise Terminated()


def run_jobs(results, plan, jobs, workers, where, progress=None, keep_logs=False, sink=None):
    """Run jobs here with `workers` at once, appending each record as it arrives.

    where: what the records say ran them ("local", "slurm 12_3"); sink: the
    name of the records file (default: where and this process's id).
    Returns (records, status): status None when every job ran, 130 after
    Ctrl-C, 143 after SIGTERM (the running jobs are killed and get no record).
    """
    executor = Executor(results, plan, workers, where, keep_logs)
    sink = planlib.RecordFile(results, sink or f"{where.replace(' ', '-')}-{os.getpid()}")
    got, status = [], None
    previous_int = signal.getsignal(signal.SIGINT)
    previous_term = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        executor.start(jobs)
        while len(got) < len(jobs):
            try:
                record = executor.done.get(timeout=0.2)
            except queue.Empty:
                if progress:
                    progress.tick()
                if not executor.alive() and executor.done.empty():
                    break  # only if a worker died; do not wait forever
                continue
            sink.add(record)
            got.append(record)
            if progress:
                progress.add(record)
    except KeyboardInterrupt:
        status = 130
    except Terminated:
        status = 143
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut cleanup short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        executor.stop()
        while not executor.done.empty():  # results that arrived while stopping still count
            record = executor.done.get()
            sink.add(record)
            got.append(record)
        sink.close()
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)
    return got, status
