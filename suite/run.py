"""One run (or resume) of a suite, from the plan to the merged summary and JUnit XML.

Whatever ran the jobs (local workers, a SLURM array, several resumes), the
merge reads only the records, so the summary depends on the results and not
on where they came from.
"""
import os
import socket
import sys
import time

from . import execute
from . import plan as planlib
from . import report
from . import slurm

EXIT_PASS, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class Options:
    """How to run: scheduler, width, chunking, and where the outputs go."""

    def __init__(self, scheduler="local", workers=1, chunk=1, partition=None, cpus=1,
                 sbatch_args=(), resume=False, detach=False, junit=None, keep_logs=False,
                 resume_hint=None):
        self.scheduler = scheduler
        self.workers = workers          # local: jobs at once
        self.chunk = chunk              # slurm: jobs per array task
        self.partition = partition
        self.cpus = cpus                # slurm: CPUs per task (its jobs at once)
        self.sbatch_args = list(sbatch_args)
        self.resume = resume
        self.detach = detach            # slurm: submit a merge job and return at once
        self.junit = junit
        self.keep_logs = keep_logs
        self.resume_hint = resume_hint  # the command a user types to resume


def prepare(results, plan, opts):
    """Start a results folder, or reopen it for a resume; return (plan, ids to run)."""
    if not opts.resume:
        plan["junit"] = os.path.abspath(opts.junit) if opts.junit else None
        plan["resume_hint"] = opts.resume_hint
        plan["keep_logs"] = opts.keep_logs
        planlib.start(results, plan)
        return plan, [j["id"] for j in plan["jobs"]]
    old = planlib.load(results)
    if not planlib.same_jobs(old, plan):
        raise planlib.PlanError(
            f"{results} holds the results of another plan ({old['suite']}, {len(old['jobs'])} jobs"
            f" in {old['workdir']}); run without --resume to start over")
    if opts.junit:
        old["junit"] = os.path.abspath(opts.junit)
        planlib.write_json(os.path.join(results, "plan.json"), old)
    return old, planlib.missing(old, planlib.records(results, old))


def progress_for(plan, total, stream):
    """Return the progress line for `total` jobs of this plan."""
    names = {j["id"]: j["name"] for j in plan["jobs"]}
    return report.Progress(total, stream, report.words_of(plan), plan["options"].get("rate"),
                           names)


def run(results, plan, opts, header=None, stream=sys.stdout):
    """Run the plan's jobs (all, or on resume those without a record); merge; return the status."""
    plan, todo = prepare(results, plan, opts)
    wanted = set(todo)
    jobs = [j for j in planlib.jobs_of(plan) if j.id in wanted]
    if header:
        print(header(plan, todo, opts), file=stream, flush=True)
    if opts.resume:
        print(f"resuming: {len(todo)} of {len(plan['jobs'])} jobs have no record", file=stream,
              flush=True)
    status, notes = None, []
    began = time.monotonic()
    if jobs and opts.scheduler == "slurm":
        status, notes, where, width = run_slurm(results, plan, todo, opts, stream)
        if opts.detach:
            return EXIT_PASS
    elif jobs:
        workers = min(opts.workers, len(jobs))
        progress = progress_for(plan, len(jobs), stream)
        _, status = execute.run_jobs(results, plan, jobs, workers, "local", progress,
                                     opts.keep_logs)
        progress.clear()
        where, width = "local", workers
    if jobs:
        planlib.add_session(results, where, width, time.monotonic() - began, status)
    why = {130: "interrupted", 143: "terminated"}.get(status)
    lines, junit, merged = merge(results, plan, why, notes)
    print("\n".join(lines), file=stream, flush=True)
    return status if status is not None else merged


def run_slurm(results, plan, todo, opts, stream):
    """Submit the jobs as a job array and wait for it; return (status, notes, where, width)."""
    sub = slurm.submit(results, plan, todo, opts.chunk, opts.partition, opts.cpus,
                       opts.sbatch_args)
    print(f"submitted SLURM job array {sub.job_id}: {len(sub.chunks)} tasks of up to"
          f" {opts.chunk} jobs ({os.path.relpath(sub.dir)})", file=stream, flush=True)
    if opts.detach:
        merge_id = slurm.submit_merge(results, sub, opts.partition, opts.sbatch_args)
        print(f"submitted merge job {merge_id}: it writes {os.path.join(results, 'summary.txt')}"
              " when the array has ended", file=stream, flush=True)
        return None, [], "slurm", len(sub.chunks)
    progress = progress_for(plan, len(todo), stream)
    status = slurm.follow(sub, todo, progress)
    progress.clear()
    notes = slurm.task_problems(sub, planlib.records(results, plan))
    return status, notes, f"slurm job {sub.job_id}", len(sub.chunks)


def merge(results, plan=None, why=None, notes=()):
    """Build the summary and JUnit XML from the records; write them; return (lines, xml, status).

    Status: 0 when every job has a record and passed, else 1.
    """
    plan = plan or planlib.load(results)
    have = planlib.records(results, plan)
    lacking = planlib.missing(plan, have)
    sessions = planlib.sessions(results)
    if why is None and lacking:
        why = "incomplete"
    module = execute.hooks(plan)
    if module is not None and hasattr(module, "report"):
        lines, junit = module.report(plan, have, sessions, why, results)
    else:
        done = len(plan["jobs"]) - len(lacking)
        head = [f"{why}: {done} of {len(plan['jobs'])} jobs have a record", ""] if why else []
        lines = report.generic_summary(plan, have, head, results)
        junit = report.generic_junit(plan, have, sum(s["wall"] for s in sessions))
    tail = []
    if notes:
        tail += ["", "SLURM tasks that ended early:"] + [f"  {n}" for n in notes]
    if lacking:
        shown = ", ".join(lacking[:10]) + (" ..." if len(lacking) > 10 else "")
        tail += ["", f"{len(lacking)} jobs have no record: {shown}"]
        if plan.get("resume_hint"):
            tail.append(f"run only those with: {plan['resume_hint']}")
    if tail:  # between the report and its last line (the counts)
        body = lines[:-1]
        while body and not body[-1].strip():
            body.pop()
        lines = body + tail + [""] + lines[-1:]
    report.write_file(os.path.join(results, "summary.txt"), "\n".join(lines) + "\n")
    if plan.get("junit"):
        report.write_file(plan["junit"], junit)
    ok = not lacking and all(r["verdict"] == "pass" for r in have.values())
    return lines, junit, EXIT_PASS if ok else EXIT_FAIL


def task(results, number):
    """Run one SLURM array task: its chunk of submission `number`; return its exit status."""
    task_id = os.environ.get("SLURM_ARRAY_TASK_ID")
    if task_id is None or not task_id.isdigit():
        print("suite task: SLURM_ARRAY_TASK_ID is not set (only a job array runs this)",
              file=sys.stderr)
        return EXIT_USAGE
    k = int(task_id)
    plan = planlib.load(results)
    sub = slurm.Submission.load(results, number)
    if k >= len(sub.chunks):
        print(f"suite task: task {k} of a {len(sub.chunks)}-task array", file=sys.stderr)
        return EXIT_USAGE
    where = f"slurm {os.environ.get('SLURM_ARRAY_JOB_ID', '?')}_{k}"
    planlib.write_json(os.path.join(sub.dir, f"task-{k}.start"),
                       {"host": socket.gethostname(), "pid": os.getpid(), "time": time.time()})
    # A requeued task skips what it already finished.
    have = planlib.records(results, plan)
    mine = set(sub.chunks[k]) - set(have)
    jobs = [j for j in planlib.jobs_of(plan) if j.id in mine]
    cpus = int(os.environ.get("SLURM_CPUS_PER_TASK", "1") or 1)
    print(f"{where} on {socket.gethostname()}: {len(jobs)} jobs, {cpus} at once", flush=True)
    progress = progress_for(plan, max(len(jobs), 1), sys.stdout)
    _, status = execute.run_jobs(results, plan, jobs, cpus, where, progress,
                                 plan.get("keep_logs", False), sink=f"s{number}-t{k}")
    planlib.write_json(os.path.join(sub.dir, f"task-{k}.end"),
                       {"status": status if status is not None else 0, "time": time.time()})
    return status if status is not None else EXIT_PASS
