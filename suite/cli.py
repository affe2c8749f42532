"""The suite command: `python3 suite run|merge|task|cluster ...` (docs/regress.md).

  run      run a jobs file locally or as a SLURM job array, then merge
  merge    rebuild the summary and JUnit XML of a results folder from its records
  stats    per task (or local run): jobs, a figure's sum, busy seconds, rate
  task     one array task (sbatch runs this; people do not)
  cluster  start, stop or check the single-node test cluster (suite/cluster.py)

A jobs file has one job a line, `ID: COMMAND`, the command in shell words;
blank lines and lines starting with # are ignored. Exit status of run and
merge: 0 every job passed, 1 a job failed, broke or has no record, 2 usage,
130 interrupted.
"""
import argparse
import os
import shlex
import sys
import time

from . import plan as planlib
from . import report
from . import run as runlib
from . import slurm

SCHEDULERS = ("local", "slurm")


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


def add_run_options(p, chunk_help="jobs per SLURM array task (default %(default)s)"):
    """Add the options every suite shares: where and how wide to run, results, resume."""
    p.add_argument("--jobs", type=count_arg(1), default=default_jobs(), metavar="J",
                   help="local: jobs run at once (default: the CPUs available, %(default)s)")
    p.add_argument("--results", metavar="DIR",
                   help="results folder: plan, records, logs (shared by every node for slurm)")
    p.add_argument("--resume", action="store_true",
                   help="run only the jobs of DIR's plan that have no record yet, then merge")
    p.add_argument("--scheduler", choices=SCHEDULERS, default="local",
                   help="local (default) or slurm: one job array, chunks of --chunk jobs")
    p.add_argument("--chunk", type=count_arg(1), default=10, metavar="N", help=chunk_help)
    p.add_argument("--partition", metavar="NAME", help="slurm: the partition (default: SLURM's)")
    p.add_argument("--cpus-per-task", type=count_arg(1), default=1, metavar="C",
                   help="slurm: CPUs per array task; its jobs run C at once (default 1)")
    p.add_argument("--sbatch-arg", action="append", default=[], metavar="ARG",
                   help="slurm: an extra sbatch option, e.g. --sbatch-arg=--time=1:00:00")
    p.add_argument("--detach", action="store_true",
                   help="slurm: submit the array and a merge job after it, and return")
    p.add_argument("--keep-logs", action="store_true",
                   help="keep the output of passing jobs too (default: only of the others)")


def check_run_options(args):
    """Return an error message for options that do not go together, else None."""
    if args.scheduler == "slurm" and not args.results:
        return "--scheduler slurm needs --results DIR on a filesystem every node shares"
    if args.resume and not args.results:
        return "--resume needs --results DIR (the folder of the run to resume)"
    if args.detach and args.scheduler != "slurm":
        return "--detach is for --scheduler slurm"
    if args.scheduler == "slurm":
        try:
            slurm.check_tools()
        except slurm.SlurmError as e:
            return str(e)
    return None


def options_from(args, junit=None, resume_hint=None):
    """Return the run.Options the command line asks for."""
    return runlib.Options(args.scheduler, args.jobs, args.chunk, args.partition,
                          args.cpus_per_task, args.sbatch_arg, args.resume, args.detach, junit,
                          args.keep_logs, resume_hint)


def read_jobs_file(path, timeout):
    """Return the jobs of a jobs file; raise PlanError naming file and line when one is bad."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise planlib.PlanError(f"{path}: {e.strerror or e}") from None
    jobs = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        jid, colon, command = text.partition(":")
        try:
            argv = shlex.split(command)
        except ValueError as e:
            raise planlib.PlanError(f"{path}:{number}: {e}") from None
        if not colon or not argv:
            raise planlib.PlanError(f"{path}:{number}: expected 'ID: COMMAND', got {text!r}")
        try:
            jobs.append(planlib.Job(jid.strip(), argv, timeout=timeout))
        except planlib.PlanError as e:
            raise planlib.PlanError(f"{path}:{number}: {e}") from None
    return jobs


def resume_command(argv):
    """Return the command line that resumes this run: the same one with --resume."""
    words = [a for a in argv if a != "--resume"] + ["--resume"]
    return shlex.join(words)


def parse(argv):
    """Parse the command line; argparse exits with status 2 on bad options."""
    p = argparse.ArgumentParser(prog="suite", allow_abbrev=False,
                                description="Run a suite of jobs locally or as a SLURM job array.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", allow_abbrev=False, help="run a jobs file, then merge")
    r.add_argument("jobs_file", metavar="JOBS-FILE", help="one 'ID: COMMAND' a line")
    r.add_argument("--suite", required=True, metavar="NAME", help="the suite's name (JUnit)")
    r.add_argument("--junit", metavar="FILE", help="also write JUnit XML to FILE")
    r.add_argument("--timeout", type=seconds_arg, metavar="SEC",
                   help="a job still going after SEC seconds is broken (default: no limit)")
    r.add_argument("--words", default="pass,fail,broken", metavar="P,F,B",
                   help="what the summary calls pass, fail and broken (e.g. caught,MISSED,BROKEN)")
    r.add_argument("--list", action="store_true", help="list every job in the summary")
    add_run_options(r)
    m = sub.add_parser("merge", allow_abbrev=False,
                       help="summary and JUnit XML of a results folder, from its records")
    m.add_argument("results", metavar="DIR")
    st = sub.add_parser("stats", allow_abbrev=False,
                        help="per array task or local run: jobs, a figure's sum and rate")
    st.add_argument("results", metavar="DIR")
    st.add_argument("--figure", default="cycles", metavar="NAME",
                    help="the figure to add up (default %(default)s)")
    t = sub.add_parser("task", allow_abbrev=False, help="one SLURM array task (sbatch runs it)")
    t.add_argument("results", metavar="DIR")
    t.add_argument("submission", type=count_arg(1), metavar="N")
    c = sub.add_parser("cluster", allow_abbrev=False, help="the single-node test cluster")
    c.add_argument("action", choices=("start", "stop", "status"))
    c.add_argument("dir", metavar="DIR", help="its folder (config, state, logs), e.g. build/slurm")
    return p.parse_args(argv)


def main(argv=None):
    """Run the command line; return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse(argv)
    try:
        if args.command == "task":
            return runlib.task(os.path.abspath(args.results), args.submission)
        if args.command == "merge":
            plan = planlib.load(args.results)
            have = planlib.records(args.results, plan)
            sub = slurm.latest(args.results)
            notes = []
            if sub and sub.job_id:
                if planlib.missing(plan, have):
                    notes = slurm.task_problems(sub, have)
                where = f"slurm job {sub.job_id}"
                if sub.submitted and all(s["where"] != where
                                         for s in planlib.sessions(args.results)):
                    # a detached array: its session ends with this merge
                    planlib.add_session(args.results, where, len(sub.chunks),
                                        time.time() - sub.submitted, None)
            lines, _, status = runlib.merge(args.results, plan, notes=notes)
            print("\n".join(lines))
            return status
        if args.command == "stats":
            plan = planlib.load(args.results)
            print("\n".join(report.stats(planlib.records(args.results, plan),
                                         planlib.sessions(args.results), args.figure)))
            return runlib.EXIT_PASS
        if args.command == "cluster":
            from . import cluster
            return cluster.main(args.action, args.dir)
        error = check_run_options(args)
        words = args.words.split(",")
        if error is None and len(words) != 3:
            error = f"--words {args.words}: give three words, for pass, fail and broken"
        if error:
            print(f"suite: error: {error}", file=sys.stderr)
            return runlib.EXIT_USAGE
        jobs = read_jobs_file(args.jobs_file, args.timeout)
        plan = planlib.new_plan(args.suite, jobs, options={"list": args.list}, words=words)
        results = args.results
        if results is None:  # a local run that keeps nothing: a folder beside the jobs file
            results = os.path.splitext(args.jobs_file)[0] + ".results"
        opts = options_from(args, args.junit, resume_command(["python3", "suite"] + argv))
        return runlib.run(results, plan, opts)
    except (planlib.PlanError, slurm.SlurmError) as e:
        print(f"suite: error: {e}", file=sys.stderr)
        return runlib.EXIT_USAGE
