#!/usr/bin/env python3
"""Tests for cosim/regress.py, driven by the stand-in simulator cosim/testdata/fake_cosim.py.

Run from the repository root:
    python3 -m unittest cosim/test_regress.py     (or: python3 cosim/test_regress.py)
"""
import contextlib
import importlib.util
import io
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REGRESS = os.path.join(HERE, "regress.py")
FAKE = os.path.join(HERE, "testdata", "fake_cosim.py")
CYCLES = 1000


def load(name, path):
    """Import a script as a module, so tests can call its functions."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regress = load("regress", REGRESS)
fake = load("fake_cosim", FAKE)


def run_regress(args, env=None, timeout=30):
    """Run regress.py as a user would; return the CompletedProcess."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, REGRESS] + args, capture_output=True, text=True,
                          env=full_env, timeout=timeout)


def table(stdout):
    """Return the summary table's integer rows as {label: {column: value}}."""
    lines = stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if line.split() and line.split()[-1] == "total")
    columns = lines[head].split()
    rows = {}
    for line in lines[head + 1:]:
        if line.startswith("wall time"):
            break
        words = line.split()
        values = words[-len(columns):]
        if all(v.replace(",", "").isdigit() for v in values):
            label = " ".join(words[:-len(columns)])
            rows[label] = dict(zip(columns, (int(v.replace(",", "")) for v in values)))
    return rows


def alive(pid):
    """Tell whether a process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_for(predicate, seconds=10):
    """Poll until predicate() is true; fail the caller's assertion otherwise."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


class AllPass(unittest.TestCase):
    """Seeds 1..4 under both policies, all passing."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.log = os.path.join(cls.tmp.name, "argv.log")
        cls.junit = os.path.join(cls.tmp.name, "report.xml")
        cls.proc = run_regress(["--sim", FAKE, "--seeds", "4", "--cycles", str(CYCLES),
                                "--jobs", "4", "--junit", cls.junit],
                               env={"FAKE_COSIM_LOG": cls.log})

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_exit_status_and_final_line(self):
        self.assertEqual(self.proc.returncode, 0, self.proc.stdout + self.proc.stderr)
        self.assertEqual(self.proc.stdout.splitlines()[-1], "8 passed, 0 failed")
        self.assertEqual(self.proc.stderr, "")
        self.assertNotIn("failed runs", self.proc.stdout)

    def test_every_seed_runs_once_under_each_policy(self):
        with open(self.log) as f:
            ran = sorted(f.read().splitlines())
        want = sorted(f"--ad {ad} --seed {seed} --cycles {CYCLES} --json"
                      for seed in range(1, 5) for ad in ("svade", "svadu"))
        self.assertEqual(ran, want)

    def test_totals_add_up(self):
        rows = table(self.proc.stdout)
        for ad in ("svade", "svadu"):
            stats = [fake.stats(seed, ad, CYCLES) for seed in range(1, 5)]
            self.assertEqual(rows["runs"][ad], 4)
            self.assertEqual(rows["passed"][ad], 4)
            self.assertEqual(rows["failed"][ad], 0)
            for key in ("cycles", "translations", "hits", "misses", "sfences", "mismatches"):
                self.assertEqual(rows[key][ad], sum(s[key] for s in stats), f"{key} {ad}")
            for cause, name in regress.FAULT_CAUSES:
                label = f"faults {cause} {name}"
                self.assertEqual(rows[label][ad], sum(s["faults"][str(cause)] for s in stats),
                                 label)
        for label, row in rows.items():
            self.assertEqual(row["total"], row["svade"] + row["svadu"], label)
        self.assertNotEqual(rows["sfences"]["svade"], rows["sfences"]["svadu"])

    def test_progress_is_every_tenth_in_a_log(self):
        self.assertNotIn("\r", self.proc.stdout)
        progress = [line for line in self.proc.stdout.splitlines() if line.startswith("[")]
        self.assertLessEqual(len(progress), 10)
        self.assertTrue(progress[-1].startswith("[8/8] 100% pass 8 fail 0"), progress[-1])
        self.assertIn("cycles/s", progress[-1])

    def test_junit_counts(self):
        root = ET.parse(self.junit).getroot()
        self.assertEqual(root.tag, "testsuites")
        self.assertEqual((root.get("tests"), root.get("failures")), ("8", "0"))
        suites = root.findall("testsuite")
        self.assertEqual([s.get("name") for s in suites],
                         ["pagewalk.cosim.svade", "pagewalk.cosim.svadu"])
        for suite in suites:
            self.assertEqual((suite.get("tests"), suite.get("failures")), ("4", "0"))
            cases = suite.findall("testcase")
            self.assertEqual([c.get("name") for c in cases], [f"seed-{n}" for n in range(1, 5)])
            for case in cases:
                self.assertEqual(case.get("classname"), suite.get("name"))
                float(case.get("time"))
                self.assertIsNone(case.find("failure"))


class Builds(unittest.TestCase):
    """--builds runs named builds with --dut; --sample gives each seed one build in turn."""

    def ran(self, args):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "argv.log")
            proc = run_regress(["--sim", FAKE, "--cycles", str(CYCLES), "--jobs", "2"] + args,
                               env={"FAKE_COSIM_LOG": log})
            with open(log) as f:
                return proc, sorted(f.read().splitlines())

    def test_all_runs_every_listed_build_for_every_seed(self):
        proc, ran = self.ran(["--seeds", "2", "--builds", "all"])
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertEqual(ran, sorted(f"--dut {b} --seed {s} --cycles {CYCLES} --json"
                                     for s in (1, 2) for b in fake.BUILDS))
        self.assertEqual(set(table(proc.stdout)["runs"]), set(fake.BUILDS) | {"total"})
        self.assertEqual(proc.stdout.splitlines()[-1], "8 passed, 0 failed")

    def test_sample_turns_through_the_builds(self):
        proc, ran = self.ran(["--seeds", "5", "--first-seed", "3", "--builds", "svadu,svade_l3",
                              "--sample"])
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertEqual(ran, sorted(f"--dut {b} --seed {s} --cycles {CYCLES} --json" for s, b in
                                     ((3, "svadu"), (4, "svade_l3"), (5, "svadu"),
                                      (6, "svade_l3"), (7, "svadu"))))
        rows = table(proc.stdout)
        self.assertEqual((rows["runs"]["svadu"], rows["runs"]["svade_l3"]), (3, 2))

    def test_a_summary_for_another_build_is_broken(self):
        # seed 41 answers for the other policy: with --dut, for another build
        proc, _ = self.ran(["--seeds", "1", "--first-seed", "41", "--builds", "svade_l3"])
        self.assertEqual(proc.returncode, 1)
        self.assertIn("the summary line is for seed 41 svadu_l3, not seed 41 svade_l3", proc.stdout)

    def test_unknown_builds_and_bad_combinations_are_usage_errors(self):
        cases = [
            (["--builds", "svade,svadx"], "--builds: no build svadx in"),
            (["--builds", ","], "--builds: no build (none given)"),
            (["--builds", "all", "--ad", "svade"], "--ad and --builds do not go together"),
            (["--sample"], "--sample needs --builds"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                proc = run_regress(["--sim", FAKE, "--seeds", "2"] + args)
                self.assertEqual(proc.returncode, 2, proc.stdout)
                self.assertIn(message, proc.stderr)


class Failures(unittest.TestCase):
    """Seeds 1..9 under svadu only: seed 1 passes, each other one fails its own way.

    The timeout is 3 s so that a loaded machine does not time out the passing runs.
    """

    BEHAVIOUR = {2: "mismatch", 3: "hang", 4: "segv", 5: "nojson", 6: "badjson", 7: "exit3",
                 8: "wrongad", 9: "lies"}

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.log = os.path.join(cls.tmp.name, "argv.log")
        cls.junit = os.path.join(cls.tmp.name, "report.xml")
        env = {"FAKE_COSIM_LOG": cls.log, "FAKE_COSIM_PIDDIR": cls.tmp.name,
               "FAKE_COSIM_BEHAVIOUR": ",".join(f"{s}:{b}" for s, b in cls.BEHAVIOUR.items())}
        cls.proc = run_regress(["--sim", FAKE, "--seeds", "9", "--ad", "svadu", "--jobs", "4",
                                "--cycles", str(CYCLES), "--timeout", "3",
                                "--junit", cls.junit], env=env)
        cls.out = cls.proc.stdout

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def report(self, seed):
        """Return the full report block of one failed run."""
        start = self.out.index(f"--- seed {seed} svadu:")
        end = self.out.find("\n---", start + 1)
        return self.out[start:end if end >= 0 else self.out.index("\n\n", start)]

    def test_exit_status_and_final_line(self):
        self.assertEqual(self.proc.returncode, 1, self.out + self.proc.stderr)
        self.assertEqual(self.out.splitlines()[-1], "1 passed, 8 failed")
        self.assertNotIn("Traceback", self.proc.stderr)

    def test_each_failure_is_named(self):
        want = {
            2: "mismatch (exit status 1)",
            3: "timed out after 3 s",
            4: "crashed: SIGSEGV",
            5: "no summary line (the last line is not JSON)",
            6: "no summary line (the last line is not JSON)",
            7: "crashed: exit status 3",
            8: "the summary line is for seed 8 svade, not seed 8 svadu",
            9: "exit status 0 but the summary reports 2 mismatches",
        }
        for seed, reason in want.items():
            self.assertIn(f"--- seed {seed} svadu: {reason}", self.out)
            # A mismatch is a failure the checker reported; anything else a broken run.
            word = "FAIL" if seed in (2, 9) else "BROKEN"
            self.assertIn(f"{word} seed {seed} svadu: {reason}", self.out)
        self.assertNotIn("seed 1 svadu:", self.out)

    def test_mismatch_report_keeps_the_tail_and_the_sims_reproduce_line(self):
        block = self.report(2).splitlines()
        tail = [line for line in block if line.startswith("    | ")]
        self.assertLessEqual(len(tail), regress.TAIL_LINES)
        self.assertIn("    |   reproduce: build/cosim/pagewalk-cosim --dut svadu --seed 2", tail)
        self.assertTrue(tail[-1].startswith("    | FAIL: build svadu"), tail[-1])
        self.assertIn("    | cycle 49: ok", block)
        self.assertNotIn("    | cycle 0: ok", block)
        self.assertFalse(any(line.startswith("    reproduce:") for line in block))

    def test_runs_without_a_reproduce_line_get_one(self):
        for seed in (3, 4, 5, 6, 7):
            self.assertIn(f"    reproduce: {FAKE} --ad svadu --seed {seed} --cycles {CYCLES}",
                          self.report(seed))

    def test_stderr_is_in_the_tail(self):
        self.assertIn("| fake_cosim: internal error: cannot allocate the TLB", self.report(7))

    def test_control_characters_are_escaped(self):
        self.assertNotIn("\x1b", self.out)
        self.assertIn("\\x1b[31m]]>", self.out)

    def test_hung_simulator_is_killed(self):
        with open(os.path.join(self.tmp.name, "3-svadu.pid")) as f:
            pid = int(f.read())
        self.assertTrue(wait_for(lambda: not alive(pid), 5), f"pid {pid} still running")

    def test_single_policy(self):
        with open(self.log) as f:
            ran = f.read().splitlines()
        self.assertEqual(len(ran), 9)
        self.assertTrue(all(line.startswith("--ad svadu ") for line in ran), ran)
        rows = table(self.out)
        self.assertEqual(set(rows["runs"]), {"svadu", "total"})
        self.assertEqual(rows["runs"]["svadu"], 9)
        self.assertEqual((rows["passed"]["svadu"], rows["failed"]["svadu"]), (1, 8))
        self.assertEqual(rows["mismatches"]["svadu"], 1 + 2)  # seeds 2 and 9 summaries

    def test_junit_failures(self):
        root = ET.parse(self.junit).getroot()
        suites = root.findall("testsuite")
        self.assertEqual([s.get("name") for s in suites], ["pagewalk.cosim.svadu"])
        suite = suites[0]
        self.assertEqual((suite.get("tests"), suite.get("failures"), suite.get("errors")),
                         ("9", "2", "6"))
        self.assertEqual((root.get("tests"), root.get("failures"), root.get("errors")),
                         ("9", "2", "6"))
        cases = {c.get("name"): c for c in suite.findall("testcase")}
        self.assertEqual(set(cases), {f"seed-{n}" for n in range(1, 10)})
        self.assertEqual(list(cases["seed-1"]), [])
        for seed in self.BEHAVIOUR:
            # mismatches are <failure>s; crashes, hangs and bad summaries <error>s
            tag = "failure" if seed in (2, 9) else "error"
            children = list(cases[f"seed-{seed}"])
            self.assertEqual([c.tag for c in children], [tag], seed)
            self.assertIn("reproduce:", children[0].get("message"))
        mismatch = cases["seed-2"].find("failure")
        self.assertEqual(mismatch.get("type"), "mismatch")
        self.assertTrue(mismatch.get("message").startswith("mismatch (exit status 1); reproduce:"))
        self.assertIn('rtl resp_o=0x1 <&"> model=0x0 \\x1b[31m]]>', mismatch.text)
        self.assertIn("reproduce: build/cosim/pagewalk-cosim --dut svadu --seed 2", mismatch.text)
        self.assertEqual(cases["seed-3"].find("error").get("type"), "timeout")
        self.assertEqual(cases["seed-4"].find("error").get("type"), "crash")
        self.assertEqual(cases["seed-5"].find("error").get("type"), "summary")


class Interrupt(unittest.TestCase):
    """Ctrl-C (and SIGTERM) kill the simulations and leave a partial summary."""

    def interrupt(self, sig, status):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, FAKE_COSIM_PIDDIR=tmp, FAKE_COSIM_BEHAVIOUR="2:hang,3:hang")
            # Two workers: one runs seed 1 then seed 3, so seed 3's pid file means seed 1 ended.
            proc = subprocess.Popen(
                [sys.executable, REGRESS, "--sim", FAKE, "--seeds", "3", "--ad", "svade",
                 "--jobs", "2", "--cycles", str(CYCLES)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
            try:
                pidfiles = [os.path.join(tmp, f"{s}-svade.pid") for s in (2, 3)]
                started = wait_for(lambda: all(os.path.getsize(p) if os.path.exists(p) else 0
                                               for p in pidfiles))
                self.assertTrue(started, "the hanging runs did not start")
                pids = []
                for p in pidfiles:
                    with open(p) as f:
                        pids.append(int(f.read()))
                proc.send_signal(sig)
                out, err = proc.communicate(timeout=10)
            finally:
                proc.kill()
                proc.wait()
        self.assertEqual(proc.returncode, status, out + err)
        self.assertNotIn("Traceback", err)
        self.assertIn("1 of 3 runs finished", out)
        self.assertEqual(out.splitlines()[-1], "1 passed, 0 failed")
        self.assertEqual(table(out)["passed"]["svade"], 1)
        for pid in pids:
            self.assertFalse(alive(pid), f"simulator {pid} survived")

    def test_ctrl_c(self):
        self.interrupt(signal.SIGINT, 130)

    def test_sigterm(self):
        self.interrupt(signal.SIGTERM, 143)


class Resume(unittest.TestCase):
    """--results keeps a record per run; --resume reruns only the runs without one."""

    def test_resume_completes_the_same_table(self):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "argv.log")
            results = os.path.join(tmp, "results")
            args = ["--sim", FAKE, "--seeds", "4", "--jobs", "2", "--cycles", str(CYCLES),
                    "--results", results]
            first = run_regress(args, env={"FAKE_COSIM_LOG": log})
            self.assertEqual(first.returncode, 0, first.stdout + first.stderr)
            # Drop the records of seed 3 (both policies), as a task killed midway would.
            records = os.path.join(results, "records")
            (name,) = os.listdir(records)
            with open(os.path.join(records, name)) as f:
                kept = [line for line in f if '"seed-3-' not in line]
            with open(os.path.join(records, name), "w") as f:
                f.writelines(kept)
            os.remove(log)
            second = run_regress(args + ["--resume"], env={"FAKE_COSIM_LOG": log})
            self.assertEqual(second.returncode, 0, second.stdout + second.stderr)
            self.assertIn("resuming: 2 of 8 jobs have no record", second.stdout)
            with open(log) as f:
                self.assertEqual(sorted(f.read().splitlines()),
                                 [f"--ad {ad} --seed 3 --cycles {CYCLES} --json"
                                  for ad in ("svade", "svadu")])
            self.assertEqual(table(second.stdout), table(first.stdout))
            self.assertIn("with 2 jobs + 2 jobs (2 sessions)", second.stdout)


class Usage(unittest.TestCase):
    """Bad command lines exit 2 with a message and no traceback."""

    def main(self, *args):
        """Run regress.main in-process; return (status, stderr)."""
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                status = regress.main(list(args))
            except SystemExit as e:
                status = e.code
        return status, err.getvalue()

    def assertUsage(self, args, message):
        status, err = self.main(*args)
        self.assertEqual(status, 2, err)
        self.assertIn(message, err)

    def test_bad_options(self):
        good = ["--sim", FAKE, "--seeds", "1"]
        cases = [
            (["--sim", FAKE], "--seeds"),
            (["--seeds", "1"], "--sim"),
            (good + ["--frobnicate"], "unrecognized arguments: --frobnicate"),
            (["--sim", FAKE, "--seed", "1"], "required: --seeds"),  # no abbreviations
            (["--sim", FAKE, "--seeds", "0"], "--seeds: must be at least 1, not 0"),
            (["--sim", FAKE, "--seeds", "ten"], "--seeds: 'ten' is not an integer"),
            (good + ["--first-seed", "-1"], "--first-seed"),
            (good + ["--jobs", "0"], "--jobs"),
            (good + ["--cycles", "0"], "--cycles"),
            (good + ["--timeout", "0"], "--timeout"),
            (good + ["--timeout", "soon"], "--timeout"),
            (good + ["--ad", "svadx"], "invalid choice: 'svadx'"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                self.assertUsage(args, message)

    def test_simulator_problems_are_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, "pagewalk-cosim")
            self.assertUsage(["--sim", missing, "--seeds", "1"],
                             f"--sim {missing}: no such file")
            self.assertUsage(["--sim", tmp, "--seeds", "1"], f"--sim {tmp}: is a directory")
            plain = os.path.join(tmp, "plain")
            open(plain, "w").close()
            self.assertUsage(["--sim", plain, "--seeds", "1"], f"--sim {plain}: is not executable")
            self.assertUsage(["--sim", "no-such-cosim-anywhere", "--seeds", "1"],
                             "--sim no-such-cosim-anywhere: not found")
            self.assertUsage(["--sim", FAKE, "--seeds", "1", "--junit",
                              os.path.join(tmp, "nodir", "r.xml")], "does not exist")

    def test_no_traceback_from_the_command_line(self):
        proc = run_regress(["--sim", "build/cosim/no-such-cosim", "--seeds", "3"])
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(proc.stderr.strip(),
                         "regress.py: error: --sim build/cosim/no-such-cosim: no such file"
                         " (build the co-simulation first)")
        proc = run_regress(["--sim", FAKE, "--seeds", "3", "--bogus"])
        self.assertEqual(proc.returncode, 2)
        self.assertIn("unrecognized arguments: --bogus", proc.stderr)
        self.assertNotIn("Traceback", proc.stderr)


class Units(unittest.TestCase):
    """The pieces that need no simulator."""

    @staticmethod
    def passing(seed, cycles=100):
        """Return the record of a passing run."""
        return {"id": f"seed-{seed}-svade", "verdict": "pass", "kind": "pass", "reason": "",
                "seconds": 0.01, "figures": fake.stats(seed, "svade", cycles)}

    def test_terminal_progress_redraws_one_line(self):
        class Tty(io.StringIO):
            def isatty(self):
                return True
        stream = Tty()
        progress = regress.Progress(4, stream, rate="cycles")
        for seed in range(4):
            progress.add(self.passing(seed))
        text = stream.getvalue()
        self.assertNotIn("\n", text)
        self.assertTrue(text.startswith("\r"))
        self.assertIn("[4/4] 100% pass 4 fail 0", text.rsplit("\r", 1)[1])

    def test_log_progress_prints_every_tenth(self):
        stream = io.StringIO()
        progress = regress.Progress(25, stream, rate="cycles")
        for seed in range(25):
            progress.add(self.passing(seed))
        lines = stream.getvalue().splitlines()
        self.assertEqual(len(lines), 10)
        self.assertTrue(lines[0].startswith("[ 3/25]  12%"), lines[0])
        self.assertTrue(lines[-1].startswith("[25/25] 100%"), lines[-1])

    def test_only_ten_failures_in_full(self):
        runs = []
        for seed in range(12):
            run = regress.Run(seed, "svadu", ["sim", "--seed", str(seed)])
            run.kind, run.reason, run.reproduce = "mismatch", "mismatch (exit status 1)", "sim"
            run.tail = ["one line", "reproduce: sim"]
            runs.append(run)
        report = regress.failure_report(runs)
        self.assertEqual(sum(line.startswith("--- seed") for line in report), 10)
        self.assertIn("--- and 2 more:", report)
        self.assertIn("    seed 11 svadu: mismatch (exit status 1); reproduce: sim", report)

    def test_summary_line_checks(self):
        good = fake.stats(5, "svadu", 100)
        ok = regress.parse_summary(regress.json.dumps(good), 5, "svadu")
        self.assertEqual(ok, (good, None))
        for change, why in ((dict(cycles=True), "'cycles'"), (dict(hits=-1), "'hits'"),
                            (dict(faults=[]), "'faults'"), (dict(faults={"x": 1}), "'faults'"),
                            (dict(seed=6), "seed 6")):
            summary, error = regress.parse_summary(regress.json.dumps(dict(good, **change)),
                                                   5, "svadu")
            self.assertIsNone(summary)
            self.assertIn(why, error)
        self.assertEqual(regress.parse_summary("[1]", 5, "svadu")[1],
                         "no summary line (the last line is JSON but not an object)")

    def test_junit_escapes_what_xml_cannot_hold(self):
        run = regress.Run(3, "svade", ["sim"])
        run.kind, run.reason, run.reproduce = "crash", 'crashed: "<&>"', "sim --seed 3"
        run.tail = [regress.clean("bad \x00\x07\x1b[0m ]]> <tag> \ud800 end")]
        root = ET.fromstring(regress.junit_xml([run], ("svade",), 1.0, []).encode())
        failure = root.find("testsuite/testcase/error")
        self.assertEqual(failure.get("message"), 'crashed: "<&>"; reproduce: sim --seed 3')
        self.assertEqual(failure.text, "bad \\x00\\x07\\x1b[0m ]]> <tag> \\xd800 end")


if __name__ == "__main__":
    unittest.main()
