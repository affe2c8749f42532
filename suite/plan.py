"""The results folder of a suite: its plan, the jobs' result records, its sessions.

RESULTS/
  plan.json           the suite: name, run id, jobs (id, command, timeout), hooks
  records/*.jsonl     one JSON line per finished job; each writer its own file
  logs/ID.out, .err   a job's output, kept when the job did not pass
  sessions.jsonl      one line per run or resume: where, workers, wall time
  slurm/N/            submission N: its chunks, batch script, task outputs

The folder is the only thing workers share, so it must be on a filesystem
every node sees at the same path. Records are appended whole lines at a time;
a line cut short by a killed task is ignored, and its job counts as missing.
"""
import json
import os
import re
import shlex
import shutil
import time
import uuid

FORMAT = 1
VERDICTS = ("pass", "fail", "broken")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")


class PlanError(Exception):
    """A plan or results folder that cannot be used; the message says why."""


class Job:
    """One job: an id, the argv it runs, and how a user repeats it.

    argv is run in the plan's working directory. reproduce is what a report
    tells a user to type (default: argv quoted), e.g. without --json.
    """

    def __init__(self, id, argv, reproduce=None, timeout=None, name=None, meta=None):
        if not isinstance(id, str) or not _ID.match(id):
            raise PlanError(f"job id {id!r}: use letters, digits and . _ + - only")
        if not argv or not all(isinstance(a, str) for a in argv):
            raise PlanError(f"job {id}: the command must be a non-empty list of strings")
        self.id = id
        self.argv = list(argv)
        self.reproduce = reproduce or shlex.join(argv)
        self.timeout = timeout      # seconds, or None for no limit
        self.name = name or id      # how reports name it, e.g. "seed 3 svadu"
        self.meta = dict(meta or {})

    def to_dict(self):
        """Return the job as plan.json holds it."""
        return {"id": self.id, "argv": self.argv, "reproduce": self.reproduce,
                "timeout": self.timeout, "name": self.name, "meta": self.meta}

    @classmethod
    def from_dict(cls, d):
        """Make a job from its plan.json form."""
        return cls(d["id"], d["argv"], d.get("reproduce"), d.get("timeout"), d.get("name"),
                   d.get("meta"))


def new_plan(suite, jobs, module=None, options=None, words=None, workdir=None):
    """Return a plan: the suite's name, its jobs, and how to judge and report them.

    module: a Python file with judge()/report() hooks (None: the exit-status
    protocol of execute.judge_exit and the generic report). options: anything
    the hooks need (JSON). words: names for pass, fail, broken in the generic
    report (a mutant suite says caught, MISSED, BROKEN).
    """
    seen = set()
    for job in jobs:
        if job.id in seen:
            raise PlanError(f"job id {job.id} appears twice")
        seen.add(job.id)
    if not jobs:
        raise PlanError("the suite has no jobs")
    workdir = os.path.abspath(workdir or os.getcwd())
    if module is not None:
        module = os.path.abspath(module)
    return {"format": FORMAT, "suite": suite, "run": uuid.uuid4().hex, "workdir": workdir,
            "module": module,
            "options": options or {}, "words": dict(zip(VERDICTS, words or VERDICTS)),
            "jobs": [j.to_dict() for j in jobs]}


def jobs_of(plan):
    """Return the plan's jobs as Job objects, in plan order."""
    return [Job.from_dict(d) for d in plan["jobs"]]


def same_jobs(a, b):
    """Tell whether two plans run the same commands under the same ids."""
    key = lambda plan: [(j["id"], j["argv"], j.get("timeout")) for j in plan["jobs"]]
    return a["suite"] == b["suite"] and key(a) == key(b) and a["workdir"] == b["workdir"]


def start(results, plan):
    """Make RESULTS a fresh folder for plan, dropping any earlier records."""
    os.makedirs(results, exist_ok=True)
    for sub in ("records", "logs", "slurm"):
        shutil.rmtree(os.path.join(results, sub), ignore_errors=True)
    for name in ("sessions.jsonl", "summary.txt"):
        if os.path.exists(os.path.join(results, name)):
            os.remove(os.path.join(results, name))
    for sub in ("records", "logs"):
        os.makedirs(os.path.join(results, sub))
    write_json(os.path.join(results, "plan.json"), plan)


def load(results):
    """Return the plan of a results folder, or raise PlanError saying what is wrong."""
    path = os.path.join(results, "plan.json")
    try:
        with open(path, encoding="utf-8") as f:
            plan = json.load(f)
    except FileNotFoundError:
        raise PlanError(f"{path}: no such file (nothing was run with these results)") from None
    except (OSError, ValueError) as e:
        raise PlanError(f"{path}: cannot read it: {e}") from None
    if not isinstance(plan, dict) or plan.get("format") != FORMAT:
        raise PlanError(f"{path}: not a plan of format {FORMAT}")
    return plan


def write_json(path, value):
    """Write a JSON file whole or not at all."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1)
        f.write("\n")
    os.replace(tmp, path)


class RecordFile:
    """Appends records to one file of RESULTS/records; each line reaches the disk whole."""

    def __init__(self, results, name):
        self.path = os.path.join(results, "records", f"{name}.jsonl")
        self.f = open(self.path, "a", encoding="utf-8")

    def add(self, record):
        """Append one record and flush it to the disk before returning."""
        self.f.write(json.dumps(record, sort_keys=True) + "\n")
        self.f.flush()
        os.fsync(self.f.fileno())

    def close(self):
        self.f.close()


class RecordReader:
    """Reads the records folder incrementally: each call returns the new whole records."""

    def __init__(self, results):
        self.dir = os.path.join(results, "records")
        self.offsets = {}
        self.cut = 0   # lines that were not a whole record (a killed writer)

    def new(self):
        """Return records appended since the last call (complete lines only)."""
        found = []
        try:
            names = sorted(n for n in os.listdir(self.dir) if n.endswith(".jsonl"))
        except FileNotFoundError:
            return found
        for name in names:
            path = os.path.join(self.dir, name)
            with open(path, "rb") as f:
                f.seek(self.offsets.get(name, 0))
                data = f.read()
            end = data.rfind(b"\n") + 1
            self.offsets[name] = self.offsets.get(name, 0) + end
            for line in data[:end].splitlines():
                record = parse_record(line)
                if record is None:
                    self.cut += 1
                else:
                    found.append(record)
        return found


def parse_record(line):
    """Return a record from one line, or None when the line is not a whole record."""
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(record, dict) or record.get("verdict") not in VERDICTS \
            or not isinstance(record.get("id"), str):
        return None
    return record


def records(results, plan):
    """Return {id: record} for the plan's jobs; a job run twice keeps its latest record.

    Records of another run (a task of an older array still writing into a
    folder that was started afresh) are not the plan's and are left out.
    """
    wanted = {j["id"] for j in plan["jobs"]}
    latest = {}
    for record in RecordReader(results).new():
        rid = record["id"]
        if record.get("run") != plan.get("run"):
            continue
        if rid in wanted and (rid not in latest
                              or record.get("finished", 0) >= latest[rid].get("finished", 0)):
            latest[rid] = record
    return latest


def missing(plan, have):
    """Return the ids of the plan's jobs that have no record, in plan order."""
    return [j["id"] for j in plan["jobs"] if j["id"] not in have]


def add_session(results, where, workers, wall, status):
    """Note one run or resume: where it ran, how wide, how long, how it ended."""
    with open(os.path.join(results, "sessions.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps({"where": where, "workers": workers, "wall": round(wall, 3),
                            "status": status, "ended": time.time()}) + "\n")


def sessions(results):
    """Return the sessions noted so far, oldest first."""
    out = []
    try:
        with open(os.path.join(results, "sessions.jsonl"), encoding="utf-8") as f:
            for line in f:
                try:
                    out.append(json.loads(line))
                except ValueError:
                    pass
    except FileNotFoundError:
        pass
    return out
