#!/usr/bin/env python3
"""Tests for the suite mechanism (suite/), run locally with small shell jobs.

Run from the repository root:  python3 -m unittest suite/test_suite.py
The SLURM path is tested against a real cluster by suite/test_slurm.py.
"""
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from suite import execute, plan as planlib, report, slurm  # noqa: E402

# One job of each kind the protocol knows; e counts its runs in a file.
JOBS = """\
# the protocol, one job each
pass1: sh -c 'echo all agreed; echo "{\\"cycles\\": 7}"'
fail1: sh -c 'echo "MISMATCH at 3"; echo "reproduce: sim --seed 3"; exit 1'
broke: sh -c 'echo "cannot build"; exit 3'
segv:  sh -c 'echo starting; kill -SEGV $$'
usage: sh -c 'echo "bad option" >&2; exit 2'
count: sh -c 'echo x >> "$COUNT"; echo counted'
"""


def suite_cmd(args, env=None):
    """Run `python3 suite ARGS` as a user would; return the CompletedProcess."""
    return subprocess.run([sys.executable, os.path.join(ROOT, "suite")] + args, cwd=ROOT,
                          capture_output=True, text=True, env=dict(os.environ, **(env or {})),
                          timeout=60)


class Protocol(unittest.TestCase):
    """A jobs file run locally: verdicts, records, logs, summary, JUnit."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.jobs = os.path.join(cls.tmp.name, "jobs.txt")
        with open(cls.jobs, "w") as f:
            f.write(JOBS)
        cls.results = os.path.join(cls.tmp.name, "res")
        cls.junit = os.path.join(cls.tmp.name, "j.xml")
        cls.count = os.path.join(cls.tmp.name, "count")
        cls.proc = suite_cmd(["run", cls.jobs, "--suite", "demo", "--results", cls.results,
                              "--jobs", "3", "--junit", cls.junit, "--list"],
                             {"COUNT": cls.count})
        cls.have = planlib.records(cls.results, planlib.load(cls.results))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_verdicts(self):
        want = {"pass1": ("pass", "pass", "all agreed"),
                "fail1": ("fail", "fail", "reproduce: sim --seed 3"),
                "broke": ("broken", "broken", "cannot build"),
                "segv": ("broken", "crash", "crashed: SIGSEGV"),
                "usage": ("broken", "usage", "usage error (exit status 2)"),
                "count": ("pass", "pass", "counted")}
        got = {jid: (r["verdict"], r["kind"], r["reason"]) for jid, r in self.have.items()}
        self.assertEqual(got, want)

    def test_figures_and_reproduce(self):
        self.assertEqual(self.have["pass1"]["figures"], {"cycles": 7})
        self.assertEqual(self.have["fail1"]["reproduce"], "sim --seed 3")  # the job's own line
        self.assertEqual(self.have["broke"]["reproduce"], "sh -c 'echo \"cannot build\"; exit 3'")

    def test_logs_kept_only_when_not_passed(self):
        self.assertIsNone(self.have["pass1"]["log"])
        self.assertEqual(self.have["fail1"]["log"], "logs/fail1.out")
        self.assertEqual(self.have["usage"]["stderr"], "logs/usage.err")
        self.assertEqual(sorted(os.listdir(os.path.join(self.results, "logs"))),
                         ["broke.out", "fail1.out", "segv.out", "usage.err"])

    def test_summary(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stdout + self.proc.stderr)
        lines = self.proc.stdout.splitlines()
        self.assertEqual(lines[-1], "demo: 2 pass, 1 fail, 3 broken")
        self.assertIn("fail    fail1: reproduce: sim --seed 3", lines)
        self.assertIn("--- segv (BROKEN): crashed: SIGSEGV", lines)
        with open(os.path.join(self.results, "summary.txt")) as f:
            self.assertEqual(f.read().splitlines()[-1], lines[-1])

    def test_junit(self):
        root = ET.parse(self.junit).getroot()
        self.assertEqual((root.get("tests"), root.get("failures"), root.get("errors")),
                         ("6", "1", "3"))
        cases = {c.get("name"): [e.tag for e in c] for c in root.iter("testcase")}
        self.assertEqual(cases, {"pass1": [], "fail1": ["failure"], "broke": ["error"],
                                 "segv": ["error"], "usage": ["error"], "count": []})

    def test_merge_again_gives_the_same_summary(self):
        again = suite_cmd(["merge", self.results])
        self.assertEqual(again.returncode, 1)
        self.assertEqual(again.stdout.splitlines()[-1], "demo: 2 pass, 1 fail, 3 broken")


class Resume(unittest.TestCase):
    """Records decide what a resume runs: only the jobs without one."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.jobs = os.path.join(self.tmp.name, "jobs.txt")
        self.count = os.path.join(self.tmp.name, "count")
        with open(self.jobs, "w") as f:
            f.write("".join(f"j{n}: sh -c 'echo {n} >> \"$COUNT\"'\n" for n in range(6)))
        self.results = os.path.join(self.tmp.name, "res")

    def tearDown(self):
        self.tmp.cleanup()

    def run_suite(self, *extra):
        return suite_cmd(["run", self.jobs, "--suite", "r", "--results", self.results,
                          "--jobs", "2"] + list(extra), {"COUNT": self.count})

    def ran(self):
        with open(self.count) as f:
            return sorted(f.read().split())

    def test_resume_runs_only_missing_and_ignores_a_cut_line(self):
        self.assertEqual(self.run_suite().returncode, 0)
        self.assertEqual(self.ran(), [str(n) for n in range(6)])
        # Keep the records of j0..j2, then a line cut short as a killed writer leaves it.
        (name,) = os.listdir(os.path.join(self.results, "records"))
        path = os.path.join(self.results, "records", name)
        with open(path) as f:
            lines = f.read().splitlines()
        keep = [line for line in lines if json.loads(line)["id"] in ("j0", "j1", "j2")]
        cut = [line for line in lines if json.loads(line)["id"] == "j3"][0][:40]
        with open(path, "w") as f:
            f.write("\n".join(keep) + "\n" + cut)
        os.remove(self.count)
        merged = suite_cmd(["merge", self.results])
        self.assertEqual(merged.returncode, 1)
        self.assertIn("3 jobs have no record: j3, j4, j5", merged.stdout)
        self.assertIn(f"run only those with: python3 suite run {self.jobs}", merged.stdout)
        self.assertEqual(merged.stdout.splitlines()[-1], "r: 3 pass, 0 fail, 0 broken,"
                                                          " 3 without a record")
        proc = self.run_suite("--resume")
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("resuming: 3 of 6 jobs have no record", proc.stdout)
        self.assertEqual(self.ran(), ["3", "4", "5"])
        self.assertEqual(proc.stdout.splitlines()[-1], "r: 6 pass, 0 fail, 0 broken")
        # Nothing left: a second resume runs nothing and still merges.
        os.remove(self.count)
        proc = self.run_suite("--resume")
        self.assertEqual(proc.returncode, 0)
        self.assertFalse(os.path.exists(self.count))
        self.assertEqual(len(planlib.sessions(self.results)), 2)

    def test_resume_refuses_another_plan(self):
        self.assertEqual(self.run_suite().returncode, 0)
        with open(self.jobs, "a") as f:
            f.write("j9: true\n")
        proc = self.run_suite("--resume")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("holds the results of another plan", proc.stderr)

    def test_a_fresh_run_forgets_old_records(self):
        self.assertEqual(self.run_suite().returncode, 0)
        os.remove(self.count)
        self.assertEqual(self.run_suite().returncode, 0)
        self.assertEqual(self.ran(), [str(n) for n in range(6)])


class Usage(unittest.TestCase):
    """Bad input gets a message naming what and where, exit status 2."""

    def test_jobs_file_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            for text, message in (("a: true\nno colon here\n", ":2: expected 'ID: COMMAND'"),
                                  ("a: true\na: false\n", "job id a appears twice"),
                                  ("bad/id: true\n", ":1: job id 'bad/id'"),
                                  ("a: echo 'open\n", ":1: No closing quotation"),
                                  ("# nothing\n", "the suite has no jobs")):
                path = os.path.join(tmp, "jobs.txt")
                with open(path, "w") as f:
                    f.write(text)
                proc = suite_cmd(["run", path, "--suite", "x", "--results", tmp + "/r"])
                self.assertEqual(proc.returncode, 2, text)
                self.assertIn(message, proc.stderr)
                self.assertNotIn("Traceback", proc.stderr)

    def test_option_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "jobs.txt")
            with open(path, "w") as f:
                f.write("a: true\n")
            for extra, message in ((["--resume"], "--resume needs --results"),
                                   (["--detach"], "--detach is for --scheduler slurm"),
                                   (["--scheduler", "slurm"], "needs --results"),
                                   (["--words", "a,b"], "give three words")):
                proc = suite_cmd(["run", path, "--suite", "x"] + extra)
                self.assertEqual(proc.returncode, 2, extra)
                self.assertIn(message, proc.stderr)
            proc = suite_cmd(["merge", os.path.join(tmp, "nothing")])
            self.assertEqual(proc.returncode, 2)
            self.assertIn("plan.json: no such file", proc.stderr)

    def test_task_outside_slurm(self):
        env = {k: v for k, v in os.environ.items() if k != "SLURM_ARRAY_TASK_ID"}
        proc = subprocess.run([sys.executable, os.path.join(ROOT, "suite"), "task", "/x", "1"],
                              capture_output=True, text=True, env=env)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("SLURM_ARRAY_TASK_ID is not set", proc.stderr)

    def test_missing_slurm_commands_are_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            env = {"PATH": tmp}
            path = os.path.join(tmp, "jobs.txt")
            with open(path, "w") as f:
                f.write("a: true\n")
            proc = subprocess.run([sys.executable, os.path.join(ROOT, "suite"), "run", path,
                                   "--suite", "x", "--results", tmp, "--scheduler", "slurm"],
                                  capture_output=True, text=True, env=env)
            self.assertEqual(proc.returncode, 2)
            self.assertIn("sbatch, squeue, scontrol, scancel not found on PATH", proc.stderr)


class Units(unittest.TestCase):
    """Pieces that need no process."""

    def test_split_keeps_order(self):
        self.assertEqual(slurm.split(list("abcdefg"), 3), [list("abc"), list("def"), ["g"]])

    def test_judge_exit_codes(self):
        job = planlib.Job("x", ["x"])
        for rc, timed_out, want in ((0, False, "pass"), (1, False, "fail"), (3, False, "broken"),
                                    (2, False, "broken"), (4, False, "broken"),
                                    (-9, False, "broken"), (137, False, "broken"),
                                    (0, True, "broken")):
            outcome = execute.Outcome(rc, timed_out, 5.0, ["why"], [], 0.1)
            self.assertEqual(execute.judge_exit(job, outcome)["verdict"], want, (rc, timed_out))
        outcome = execute.Outcome(error="No such file or directory")
        self.assertEqual(execute.judge_exit(job, outcome)["reason"],
                         "could not start: No such file or directory")
        self.assertIn("SIGKILL", execute.judge_exit(job, execute.Outcome(137))["reason"])

    def test_cut_records_are_counted_not_read(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "records"))
            with open(os.path.join(tmp, "records", "a.jsonl"), "w") as f:
                f.write('{"id": "a", "verdict": "pass", "run": "r1"}\n'
                        '{"id": "b", "verdict": "nonsense", "run": "r1"}\n'
                        '{"id": "d", "verdict": "pass", "run": "r0"}\n'
                        '{"id": "c", "verd')
            reader = planlib.RecordReader(tmp)
            self.assertEqual([r["id"] for r in reader.new()], ["a", "d"])
            self.assertEqual(reader.cut, 1)  # the unfinished line is not read at all yet
            self.assertEqual(reader.new(), [])
            # d belongs to an earlier run of the folder: not this plan's record.
            plan = {"run": "r1", "jobs": [{"id": i} for i in "abcd"]}
            self.assertEqual(sorted(planlib.records(tmp, plan)), ["a"])

    def test_progress_names_broken_jobs(self):
        stream = io.StringIO()
        progress = report.Progress(2, stream, {"pass": "caught", "fail": "missed",
                                               "broken": "broken"}, names={"m": "mutant m"})
        progress.add({"id": "m", "verdict": "broken", "reason": "does not build"})
        progress.add({"id": "n", "verdict": "pass", "reason": ""})
        lines = stream.getvalue().splitlines()
        self.assertEqual(lines[0], "BROKEN mutant m: does not build")
        self.assertTrue(lines[-1].startswith("[2/2] 100% caught 1 missed 0 broken 1"), lines)


if __name__ == "__main__":
    unittest.main()
