"""Run a suite's jobs as one SLURM job array: submit, follow, report tasks that died.

Submission N of a results folder lives in RESULTS/slurm/N/:
  chunks.json     the job ids of each array task, task 0 first
  task.sh         the batch script every task runs (`suite task RESULTS N`)
  task-K.out      task K's own output (progress, its failures)
  task-K.start    written when task K starts (host, pid); task-K.end when it stops
Each task appends its records to RESULTS/records/sN-tK.jsonl. A task killed
midway leaves records for the jobs it finished; the others are missing, and
a resume submits only those.
"""
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

from . import plan as planlib
from .execute import Terminated, on_sigterm

SUITE_DIR = os.path.dirname(os.path.abspath(__file__))
TOOLS = ("sbatch", "squeue", "scontrol", "scancel")
POLL_FIRST, POLL_MAX = 0.5, 10.0  # seconds between squeue calls: quick at first, then slower
SQUEUE_RETRIES = 5                # a busy controller may refuse a few calls in a row
CANCEL_WAIT = 30.0                # seconds to let cancelled tasks leave the queue


class SlurmError(Exception):
    """SLURM refused or is missing; the message says what and how to go on."""


def check_tools():
    """Raise SlurmError naming the SLURM commands that are not on PATH."""
    lacking = [t for t in TOOLS if shutil.which(t) is None]
    if lacking:
        raise SlurmError(f"{', '.join(lacking)} not found on PATH: SCHEDULER=slurm needs SLURM's"
                         " client commands (Debian: apt-get install slurm-client)")


def call(argv, what):
    """Run a SLURM command; return its stdout, or raise SlurmError with its message."""
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise SlurmError(f"{what}: {shlex.join(argv)}: {e}") from None
    if proc.returncode != 0:
        message = (proc.stderr.strip() or proc.stdout.strip() or f"exit status {proc.returncode}")
        raise SlurmError(f"{what}: {message}")
    return proc.stdout


def split(ids, size):
    """Return the ids in chunks of at most size, in order."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


class Submission:
    """One job array: its number in the results folder, SLURM job id and chunks."""

    def __init__(self, results, number, chunks, job_id=None, submitted=None):
        self.results, self.number, self.chunks, self.job_id = results, number, chunks, job_id
        self.submitted = submitted  # time.time() of the sbatch
        self.dir = os.path.join(results, "slurm", str(number))

    def task_of(self):
        """Return {job id: array task number}."""
        return {jid: k for k, chunk in enumerate(self.chunks) for jid in chunk}

    @classmethod
    def load(cls, results, number):
        """Read submission `number` of a results folder."""
        path = os.path.join(results, "slurm", str(number), "chunks.json")
        try:
            with open(path, encoding="utf-8") as f:
                saved = json.load(f)
        except (OSError, ValueError) as e:
            raise planlib.PlanError(f"{path}: cannot read it: {e}") from None
        return cls(results, number, saved["chunks"], saved.get("job_id"), saved.get("submitted"))


def latest(results):
    """Return the last submission of a results folder, or None when it has none."""
    number = next_number(results) - 1
    return Submission.load(results, number) if number else None


def next_number(results):
    """Return the number the next submission of a results folder gets (1, 2, ...)."""
    root = os.path.join(results, "slurm")
    taken = [int(n) for n in os.listdir(root) if n.isdigit()] if os.path.isdir(root) else []
    return max(taken, default=0) + 1


def batch_script(path, comment, args):
    """Write a batch script that runs `python3 suite ARGS` with this interpreter; return path."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"#!/bin/sh\n# {comment}\n"
                f"exec {shlex.join([sys.executable, SUITE_DIR] + args)}\n")
    os.chmod(path, 0o755)
    return path


def sbatch_options(plan, sub, partition, cpus, extra):
    """Return the sbatch options of a submission's array."""
    opts = [f"--array=0-{len(sub.chunks) - 1}", f"--job-name={plan['suite']}",
            f"--output={os.path.join(sub.dir, 'task-%a.out')}", f"--chdir={plan['workdir']}",
            f"--cpus-per-task={cpus}", "--parsable"]
    if partition:
        opts.append(f"--partition={partition}")
    return opts + list(extra)


def submit(results, plan, ids, chunk, partition=None, cpus=1, extra=()):
    """Submit the jobs `ids` as one array of tasks holding `chunk` jobs each; return it."""
    results = os.path.abspath(results)
    sub = Submission(results, next_number(results), split(ids, chunk))
    os.makedirs(sub.dir)
    script = batch_script(os.path.join(sub.dir, "task.sh"),
                          "One task of a pagewalk suite's job array (suite/slurm.py).",
                          ["task", results, str(sub.number)])
    planlib.write_json(os.path.join(sub.dir, "chunks.json"), {"chunks": sub.chunks})
    out = call(["sbatch"] + sbatch_options(plan, sub, partition, cpus, extra) + [script],
               "sbatch refused the job array")
    sub.job_id = out.strip().split(";")[0]
    if not sub.job_id.isdigit():
        raise SlurmError(f"sbatch printed {out.strip()!r}, not a job id")
    sub.submitted = time.time()
    planlib.write_json(os.path.join(sub.dir, "chunks.json"),
                       {"chunks": sub.chunks, "job_id": sub.job_id, "submitted": sub.submitted})
    return sub


def submit_merge(results, sub, partition=None, extra=()):
    """Submit a job that merges the results once every task of sub has ended; return its id."""
    script = batch_script(os.path.join(sub.dir, "merge.sh"),
                          "Merges a pagewalk suite's records once its array has ended.",
                          ["merge", os.path.abspath(results)])
    opts = [f"--dependency=afterany:{sub.job_id}", "--job-name=merge",
            f"--output={os.path.join(sub.dir, 'merge.out')}", "--parsable"]
    if partition:
        opts.append(f"--partition={partition}")
    out = call(["sbatch"] + opts + list(extra) + [script], "sbatch refused the merge job")
    return out.strip().split(";")[0]


def queued(job_id):
    """Return {task: state} of an array's tasks still in the queue ({} once all ended)."""
    failures = 0
    while True:
        proc = subprocess.run(["squeue", "-h", "-r", "-j", job_id, "-o", "%K %T"],
                              capture_output=True, text=True)
        if proc.returncode == 0:
            states = {}
            for line in proc.stdout.splitlines():
                task, _, state = line.strip().partition(" ")
                states[task] = state
            return states
        if "Invalid job id" in proc.stderr:
            return {}  # ended and already forgotten by the controller
        failures += 1
        if failures >= SQUEUE_RETRIES:
            raise SlurmError(f"squeue -j {job_id}: {proc.stderr.strip()}")
        time.sleep(1)


def final_states(job_id):
    """Return {task number: (state, exit code)} from the controller, {} when it forgot them."""
    try:
        proc = subprocess.run(["scontrol", "-o", "show", "job", job_id],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}  # no SLURM here (results copied elsewhere): the markers tell what they can
    states = {}
    for line in proc.stdout.splitlines() if proc.returncode == 0 else []:
        fields = dict(re.findall(r"(\w+)=(\S*)", line))
        task = fields.get("ArrayTaskId", "")
        if task.isdigit():
            states[int(task)] = (fields.get("JobState", "?"), fields.get("ExitCode", "?"))
    return states


def marker(sub, task, what):
    """Return the task's start or end marker (a dict), or None when it is not there."""
    try:
        with open(os.path.join(sub.dir, f"task-{task}.{what}"), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def follow(sub, ids, progress=None):
    """Wait for the array to end, feeding new records to progress; return the status.

    None: every task ended. 130 / 143: Ctrl-C or SIGTERM here, which cancels the array.
    """
    reader = planlib.RecordReader(sub.results)
    wanted = set(ids)
    began = time.monotonic()
    status = None
    previous_term = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        while True:
            for record in reader.new():
                if record["id"] in wanted and progress:
                    wanted.discard(record["id"])
                    progress.add(record)
            if not queued(sub.job_id):
                break
            if progress:
                progress.tick()
            time.sleep(min(POLL_FIRST + (time.monotonic() - began) / 30, POLL_MAX))
        for record in reader.new():  # records written just before the last task ended
            if record["id"] in wanted and progress:
                wanted.discard(record["id"])
                progress.add(record)
    except KeyboardInterrupt:
        status = 130
    except Terminated:
        status = 143
    finally:
        signal.signal(signal.SIGTERM, previous_term)
    if status is not None:
        subprocess.run(["scancel", sub.job_id], capture_output=True)
        if progress:
            progress.clear()
        print(f"cancelled SLURM job array {sub.job_id}", flush=True)
        # Let the tasks end (SIGTERM, then SIGKILL after KillWait) so their states are final.
        end = time.monotonic() + CANCEL_WAIT
        while time.monotonic() < end and queued_quietly(sub.job_id):
            time.sleep(0.5)
    return status


def queued_quietly(job_id):
    """Like queued(), but an unreachable controller counts as an empty queue."""
    try:
        return queued(job_id)
    except SlurmError:
        return {}


def task_problems(sub, have):
    """Return report lines for the tasks of sub that left jobs without a record."""
    states = final_states(sub.job_id)
    out = []
    for task, chunk in enumerate(sub.chunks):
        lacking = [jid for jid in chunk if jid not in have]
        if not lacking:
            continue
        if task in states:
            state, code = states[task]
            how = f"{state} (exit code {code})"
        elif marker(sub, task, "end"):
            how = f"stopped with status {marker(sub, task, 'end').get('status')}"
        elif marker(sub, task, "start"):
            how = f"started on {marker(sub, task, 'start').get('host')} and never finished"
        else:
            how = "never started"
        shown = ", ".join(lacking[:8]) + (f", ... ({len(lacking)} in all)" if len(lacking) > 8 else "")
        out.append(f"task {task} (SLURM job {sub.job_id}_{task}): {how};"
                   f" {len(lacking)} of {len(chunk)} jobs without a record: {shown}"
                   f" (output: {os.path.relpath(os.path.join(sub.dir, f'task-{task}.out'))})")
    return out
