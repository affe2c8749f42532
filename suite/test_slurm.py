#!/usr/bin/env python3
"""make test-slurm: suites through a real single-node SLURM cluster, against local runs.

The module starts a cluster from Debian's munge, slurmctld and slurmd
(suite/cluster.py) in $SUITE_TEST_CLUSTER (default build/slurm-test), and
stops it at the end, checking nothing is left running. Then:
  - an 8-seed regression of the real co-simulation in array tasks of 2 seeds
    merges to the local run's table and JUnit XML, field by field but times;
  - one array task cancelled midway is reported by number, its missing runs
    named, and --resume completes the same table and XML;
  - SIGTERM to the waiting command cancels the whole array;
  - failing and broken runs report the same reasons and reproduce commands;
  - a generic jobs file (the protocol every suite uses) gives the same records,
    also through --detach and its dependent merge job.
Needs root, the Debian packages and $SUITE_TEST_SIM (build/cosim/pagewalk-cosim).
Run from the repository root: python3 -m unittest suite/test_slurm.py
"""
import json
import os
import shutil
import subprocess
import sys
import time
import unittest
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from suite import cluster, plan as planlib  # noqa: E402

CLUSTER = os.path.abspath(os.environ.get("SUITE_TEST_CLUSTER", "build/slurm-test"))
SIM = os.path.abspath(os.environ.get("SUITE_TEST_SIM", "build/cosim/pagewalk-cosim"))
WORK = CLUSTER + "-work"  # results folders; on the "shared" filesystem, like the repository
REGRESS = os.path.join(ROOT, "cosim", "regress.py")
GATED = os.path.join(ROOT, "suite", "testdata", "gated_sim.sh")
FAKE = os.path.join(ROOT, "cosim", "testdata", "fake_cosim.py")
SEEDS, CHUNK, CYCLES = 8, 2, 100000
TIMEOUT = 120  # seconds any one command may take before the test gives up
TIMED = ("time", "timestamp", "hostname")


def setUpModule():
    if not os.access(SIM, os.X_OK):
        raise RuntimeError(f"{SIM}: not built (make {os.path.relpath(SIM)})")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    began = time.monotonic()
    cluster.start(CLUSTER)
    print(f"cluster started in {time.monotonic() - began:.1f} s", file=sys.stderr)
    os.environ["SLURM_CONF"] = cluster.Layout(CLUSTER).conf


def tearDownModule():
    lay = cluster.Layout(CLUSTER)
    problems = cluster.stop(CLUSTER, quiet=True)
    left = {d: cluster.our_pid(lay, d) for d in cluster.DAEMONS}
    jobs = cluster.job_processes(lay)
    if problems or any(left.values()) or jobs:
        raise AssertionError(f"the cluster did not stop cleanly: {problems}, daemons {left},"
                             f" job processes {jobs}")


def run(argv, env=None, **kw):
    """Run a command from the repository root; return the CompletedProcess."""
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
                          env=dict(os.environ, **(env or {})), **kw)


def regress(results, *extra, sim=GATED, env=None, seeds=SEEDS):
    """Run cosim/regress.py over the seeds with results and JUnit in WORK/results."""
    return [sys.executable, REGRESS, "--sim", sim, "--seeds", str(seeds), "--cycles",
            str(CYCLES), "--results", os.path.join(WORK, results),
            "--junit", os.path.join(WORK, results + ".xml")] + list(extra)


def summary(stdout, results):
    """Return the merged summary without times: the table rows and every later line, as words."""
    lines = stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if line.split()[-1:] == ["total"])
    keep = []
    for line in lines[head:]:
        if line.startswith(("run time (sum)", "cycles/s per run", "wall time")):
            continue
        keep.append(line.replace(os.path.join(WORK, results), "RESULTS").split())
    return keep


def junit(path):
    """Return a JUnit file as nested tuples, without times, timestamps and host names."""
    def walk(e):
        attrs = sorted((k, v) for k, v in e.attrib.items() if k not in TIMED)
        return (e.tag, attrs, (e.text or "").strip(), [walk(c) for c in e])
    return walk(ET.parse(path).getroot())


def read_json(path):
    """Return a JSON file's value."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def wait_for(predicate, seconds=60):
    """Poll until predicate() is true; return whether it became true."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


class Regress(unittest.TestCase):
    """The co-simulation regression: local and SLURM runs of the same seeds agree."""

    @classmethod
    def setUpClass(cls):
        cls.gate = os.path.join(WORK, "gate")
        os.makedirs(cls.gate)
        cls.env = {"GATE_SIM": SIM, "GATE_DIR": cls.gate, "GATE_SEED": "6"}
        cls.local = run(regress("local", "--jobs", "2"), cls.env)
        assert cls.local.returncode == 0, cls.local.stdout + cls.local.stderr

    def slurm(self, results, *extra):
        return regress(results, "--scheduler", "slurm", "--chunk", str(CHUNK), *extra)

    def assertSameAsLocal(self, proc, results):
        self.assertEqual(summary(proc.stdout, results), summary(self.local.stdout, "local"))
        self.assertEqual(junit(os.path.join(WORK, results + ".xml")),
                         junit(os.path.join(WORK, "local.xml")))

    def test_merged_array_equals_local_run(self):
        began = time.monotonic()
        proc = run(self.slurm("array"), self.env)
        print(f"\n  8 seeds as 4 array tasks: {time.monotonic() - began:.1f} s", file=sys.stderr)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn(f"4 tasks of up to {CHUNK * 2} jobs", proc.stdout)
        self.assertIn("wall time", proc.stdout)
        self.assertIn("with 4 SLURM array tasks", proc.stdout)
        self.assertEqual(proc.stdout.splitlines()[-1], f"{SEEDS * 2} passed, 0 failed")
        self.assertSameAsLocal(proc, "array")
        # Each task ran its own chunk: seeds 2k+1 and 2k+2, both policies.
        have = planlib.records(os.path.join(WORK, "array"),
                               planlib.load(os.path.join(WORK, "array")))
        for jid, record in have.items():
            seed = int(jid.split("-")[1])
            self.assertTrue(record["where"].endswith(f"_{(seed - 1) // CHUNK}"), record["where"])

    def test_cancelled_task_is_reported_and_resume_completes_it(self):
        closed = os.path.join(self.gate, "closed")
        open(closed, "w").close()
        results = os.path.join(WORK, "killed")
        proc = subprocess.Popen(self.slurm("killed"), cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, **self.env))
        try:
            waiting = os.path.join(self.gate, "waiting")
            self.assertTrue(wait_for(lambda: os.path.exists(waiting)), "seed 6 never started")
            with open(waiting) as f:
                gated_pid = int(f.read())
            chunks = os.path.join(results, "slurm", "1", "chunks.json")
            self.assertTrue(wait_for(lambda: "job_id" in read_json(chunks), 10))
            saved = read_json(chunks)
            task = next(k for k, c in enumerate(saved["chunks"]) if "seed-6-svade" in c)
            self.assertEqual(task, 2)
            # Task 2 has finished seed 5 and waits in seed 6: cancel it there.
            cancel = run(["scancel", f"{saved['job_id']}_{task}"])
            self.assertEqual(cancel.returncode, 0, cancel.stderr)
            out, err = proc.communicate(timeout=TIMEOUT)
        finally:
            proc.kill()
            proc.wait()
            os.remove(closed)
        self.assertEqual(proc.returncode, 1, out + err)
        self.assertTrue(wait_for(lambda: not cluster.alive(gated_pid), 10),
                        "the cancelled task's simulator still runs")
        self.assertIn(f"task 2 (SLURM job {saved['job_id']}_2): CANCELLED", out)
        self.assertIn("2 of 4 jobs without a record: seed-6-svade, seed-6-svadu", out)
        self.assertIn("2 jobs have no record: seed-6-svade, seed-6-svadu", out)
        self.assertIn("incomplete: 14 of 16 runs finished", out)
        self.assertEqual(out.splitlines()[-1], "14 passed, 0 failed")
        self.assertIn("--resume", out)

        resumed = run(self.slurm("killed", "--resume"), self.env)
        self.assertEqual(resumed.returncode, 0, resumed.stdout + resumed.stderr)
        self.assertIn("resuming: 2 of 16 jobs have no record", resumed.stdout)
        self.assertIn("1 tasks of up to 4 jobs", resumed.stdout)
        self.assertSameAsLocal(resumed, "killed")
        # The resume was a second submission of one task holding just the missing runs.
        second = read_json(os.path.join(results, "slurm", "2", "chunks.json"))
        self.assertEqual(second["chunks"], [["seed-6-svade", "seed-6-svadu"]])
        have = planlib.records(results, planlib.load(results))
        self.assertEqual({j: r["where"] for j, r in have.items() if j.startswith("seed-6")},
                         {f"seed-6-{ad}": f"slurm {second['job_id']}_0" for ad in ("svade", "svadu")})

    def test_terminating_the_waiting_command_cancels_the_array(self):
        gate = os.path.join(WORK, "gate-term")
        os.makedirs(gate)
        open(os.path.join(gate, "closed"), "w").close()
        env = dict(self.env, GATE_DIR=gate, GATE_SEED="1")
        proc = subprocess.Popen(self.slurm("term", "--sbatch-arg=--job-name=term"), cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=dict(os.environ, **env))
        try:
            waiting = os.path.join(gate, "waiting")
            self.assertTrue(wait_for(lambda: os.path.exists(waiting)), "seed 1 never started")
            with open(waiting) as f:
                gated_pid = int(f.read())
            proc.terminate()
            out, err = proc.communicate(timeout=TIMEOUT)
        finally:
            proc.kill()
            proc.wait()
        self.assertEqual(proc.returncode, 143, out + err)
        job_id = read_json(os.path.join(WORK, "term", "slurm", "1", "chunks.json"))["job_id"]
        self.assertIn(f"cancelled SLURM job array {job_id}", out)
        self.assertIn(f"task 0 (SLURM job {job_id}_0): CANCELLED", out)
        self.assertIn("terminated: ", out)
        queue = run(["squeue", "-h", "-j", job_id])
        self.assertEqual(queue.stdout.strip(), "", "the array is still queued")
        self.assertTrue(wait_for(lambda: not cluster.alive(gated_pid), 10),
                        "a cancelled task's simulator still runs")

    def test_failures_report_the_same_reproduce_commands(self):
        env = {"FAKE_COSIM_BEHAVIOUR": "2:mismatch,3:segv,4:nojson"}
        local = run(regress("fake-local", "--jobs", "2", sim=FAKE, seeds=4), env)
        array = run(regress("fake-array", "--scheduler", "slurm", "--chunk", "2", sim=FAKE,
                            seeds=4), env)
        self.assertEqual((local.returncode, array.returncode), (1, 1), array.stdout + array.stderr)
        self.assertIn("reproduce: build/cosim/pagewalk-cosim --dut svadu --seed 2", array.stdout)
        self.assertIn(f"reproduce: {FAKE} --ad svade --seed 3 --cycles {CYCLES}", array.stdout)
        self.assertEqual(summary(array.stdout, "fake-array"), summary(local.stdout, "fake-local"))
        self.assertEqual(junit(os.path.join(WORK, "fake-array.xml")),
                         junit(os.path.join(WORK, "fake-local.xml")))


class Generic(unittest.TestCase):
    """A jobs file: what every other suite plugs in."""

    JOBS = ("ok1: sh -c 'echo fine; echo \"{\\\"n\\\": 1}\"'\n"
            "ok2: sh -c 'echo fine; echo \"{\\\"n\\\": 2}\"'\n"
            "bad: sh -c 'echo \"MISMATCH here\"; exit 1'\n"
            "broke: sh -c 'echo \"no tool\"; exit 3'\n"
            "where: sh -c 'echo \"$SLURM_ARRAY_TASK_ID\"'\n")

    def suite(self, results, *extra):
        path = os.path.join(WORK, "jobs.txt")
        with open(path, "w") as f:
            f.write(self.JOBS)
        return [sys.executable, os.path.join(ROOT, "suite"), "run", path, "--suite", "demo",
                "--words", "caught,MISSED,BROKEN", "--results", os.path.join(WORK, results),
                "--junit", os.path.join(WORK, results + ".xml")] + list(extra)

    def verdicts(self, results):
        have = planlib.records(os.path.join(WORK, results),
                               planlib.load(os.path.join(WORK, results)))
        return {j: (r["verdict"], r["kind"], r["figures"]) for j, r in have.items()}

    def test_jobs_file_on_slurm_equals_local_and_detach_merges_later(self):
        local = run(self.suite("g-local", "--jobs", "2"))
        array = run(self.suite("g-array", "--scheduler", "slurm", "--chunk", "2"))
        self.assertEqual((local.returncode, array.returncode), (1, 1), array.stdout + array.stderr)
        self.assertEqual(self.verdicts("g-array"), self.verdicts("g-local"))
        self.assertEqual(array.stdout.splitlines()[-1], "demo: 3 caught, 1 MISSED, 1 BROKEN")
        self.assertEqual(junit(os.path.join(WORK, "g-array.xml")),
                         junit(os.path.join(WORK, "g-local.xml")))
        # The job ran inside array task 2 (jobs 4 and 5 of 5, in chunks of 2).
        have = planlib.records(os.path.join(WORK, "g-array"),
                               planlib.load(os.path.join(WORK, "g-array")))
        self.assertEqual(have["where"]["reason"], "2")

        detached = run(self.suite("g-detach", "--scheduler", "slurm", "--chunk", "5", "--detach"))
        self.assertEqual(detached.returncode, 0, detached.stdout + detached.stderr)
        self.assertIn("submitted merge job", detached.stdout)
        summary_txt = os.path.join(WORK, "g-detach", "summary.txt")
        self.assertTrue(wait_for(lambda: os.path.exists(summary_txt), TIMEOUT),
                        "the merge job wrote no summary")
        with open(summary_txt) as f:
            self.assertEqual(f.read().splitlines()[-1], "demo: 3 caught, 1 MISSED, 1 BROKEN")
        self.assertEqual(junit(os.path.join(WORK, "g-detach.xml")),
                         junit(os.path.join(WORK, "g-local.xml")))
        # The merge job closed the detached session: submission to merge.
        (session,) = planlib.sessions(os.path.join(WORK, "g-detach"))
        self.assertTrue(session["where"].startswith("slurm job "), session)
        self.assertGreater(session["wall"], 0)


class Cluster(unittest.TestCase):
    """The cluster's own failure: a daemon that cannot start is named, with its log."""

    def test_daemon_that_cannot_start_is_reported_with_its_log(self):
        import socket
        holder = socket.socket()
        holder.bind(("127.0.0.1", 0))  # bound, not listening: slurmctld cannot bind it
        taken = holder.getsockname()[1]
        real = cluster.free_ports
        cluster.free_ports = lambda n: [taken] + real(n - 1)
        root = CLUSTER + "-broken"
        try:
            with self.assertRaises(cluster.ClusterError) as caught:
                cluster.start(root)
        finally:
            cluster.free_ports = real
            holder.close()
        message = str(caught.exception)
        self.assertIn("slurmctld did not start: it exited with status 1", message)
        self.assertIn("Address already in use", message)
        lay = cluster.Layout(root)
        self.assertEqual([cluster.our_pid(lay, d) for d in cluster.DAEMONS], [None] * 3)


if __name__ == "__main__":
    unittest.main()
