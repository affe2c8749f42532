#!/usr/bin/env python3
"""Tests for cosim/pagewalk_trace.py on the traces under tests/traces/.

Run from the repository root:
    python3 -m unittest cosim/test_pagewalk_trace.py     (or: python3 cosim/test_pagewalk_trace.py)

The traces under tests/traces/ are what the C cycle model does with the
stimulus next to each (regenerate with
`build/pagewalk-model replay --entries 4 --trace T.trace T.stim`): basic has
walks, hits, Svadu write-backs, faults of every kind but fetch, a megapage,
evictions and two sfences; basic-slow is the same with a slower memory;
reset-abort has a walk cut short by a reset. bad/*.trace each break the
format once, and their second line says where and how: `# expect LINE: TEXT`.
"""
import contextlib
import glob
import importlib.util
import io
import json
import os
import re
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOOL = os.path.join(HERE, "pagewalk_trace.py")
TRACES = os.path.join(ROOT, "tests", "traces")
BASIC = os.path.join(TRACES, "basic.trace")
SLOW = os.path.join(TRACES, "basic-slow.trace")
RESET = os.path.join(TRACES, "reset-abort.trace")


def load(name, path):
    """Import a script as a module, so tests can call its functions."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pt = load("pagewalk_trace", TOOL)


def run(*args):
    """Run the tool in this process (fast); return (returncode, stdout, stderr) as a Result."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = pt.main(list(args))
        except SystemExit as leave:  # argparse: --help, usage errors
            code = leave.code
    return Result(code, out.getvalue(), err.getvalue())


def run_process(*args):
    """Run the tool as a user would, as its own process; return the CompletedProcess."""
    return subprocess.run([TOOL] + list(args), capture_output=True, text=True, timeout=60)


class Result:
    """What a run printed and returned, shaped like a CompletedProcess."""

    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def read_lines(path):
    """Return a file's lines without their newlines."""
    with open(path) as stream:
        return stream.read().splitlines()


def divergence(stdout):
    """Return (cycle, [(tag, path, line, text)]) from diff's report of a divergence."""
    head = re.search(r"differ at cycle (\d+)", stdout)
    sides = re.findall(r"^  ([AB]) (\S+):(\d+): (.*)$", stdout, re.M)
    return int(head.group(1)), [(tag, path, int(line), text) for tag, path, line, text in sides]


class TempDir(unittest.TestCase):
    """A test case with a scratch directory for mutated traces."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name, lines):
        """Write lines to a scratch file; return its path."""
        path = os.path.join(self.tmp, name)
        with open(path, "w") as stream:
            stream.write("".join(line + "\n" for line in lines))
        return path

    def line_of(self, lines, text):
        """Return the 1-based number of the line that is exactly text."""
        return lines.index(text) + 1


class DiffAgree(TempDir):
    """Traces that agree exit 0 with an exact summary."""

    SUMMARY = [
        "agreed: 126 events (timed), cycles 0 to 181",
        "  translations 20 (resp events), faults 5: 5 load access 1, 7 store access 1, "
        "13 load page 2, 15 store page 1",
        "  requests 20, fills 11, evictions 3, sfences 2",
        "  memory reads 30, writes 3, errors 2",
    ]

    def test_identical_traces_agree_with_exact_counts(self):
        result = run("diff", BASIC, BASIC)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stderr, "")
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "pagewalk-trace diff (timed): A and B agree")
        self.assertEqual(lines[-4:], self.SUMMARY)

    def test_summary_counts_match_the_file(self):
        # The same numbers, counted independently of the tool.
        events = [line.split(" ", 2) for line in read_lines(BASIC)[1:] if line[:1] != "#"]
        kinds = [e[1] + (" " + e[2][:2] if e[1] == "mem" else "") for e in events]
        self.assertEqual(len(events), 126)
        self.assertEqual(kinds.count("resp"), 20)
        self.assertEqual(kinds.count("fill"), 11)
        self.assertEqual(kinds.count("evict"), 3)
        self.assertEqual(kinds.count("sfence"), 2)
        self.assertEqual(kinds.count("mem rd"), 30)
        self.assertEqual(kinds.count("mem wr"), 3)
        self.assertEqual(sum(1 for e in events if e[1:] == ["memresp", "err"]), 2)
        faults = sorted(e[2] for e in events if e[1] == "resp" and e[2].startswith("fault"))
        self.assertEqual(faults, ["fault=13", "fault=13", "fault=15", "fault=5", "fault=7"])

    def test_comments_are_ignored(self):
        lines = read_lines(BASIC)
        other = [lines[0], "# engine other", "# more"] + [l for l in lines[1:] if l[:1] != "#"]
        other.insert(40, "# a comment in the middle")
        result = run("diff", BASIC, self.write("other.trace", other))
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertEqual(result.stdout.splitlines()[-4:], self.SUMMARY)

    def test_untimed_identical_traces_agree(self):
        result = run("diff", "--untimed", BASIC, BASIC)
        self.assertEqual(result.returncode, 0, result.stdout)
        # reset and ctx are not part of transaction order: 126 - 2 - 2 events.
        self.assertIn("agreed: 122 events (transaction order), cycles 3 to 181 in A, "
                      "cycles 3 to 181 in B", result.stdout)

    def test_docs_example_is_a_valid_trace(self):
        with open(os.path.join(ROOT, "docs", "trace-format.md")) as stream:
            example = re.search(r"```\n(pagewalk-trace 1\n.*?)```", stream.read(), re.S).group(1)
        path = self.write("example.trace", example.splitlines())
        result = run("stats", path, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        stats = json.loads(result.stdout)
        self.assertEqual((stats["walks"], stats["fills"]), (1, 1))


class DiffOneChange(TempDir):
    """A copy with one event changed is reported at exactly that event."""

    def check(self, lines_b, cycle, line_a, text_a, line_b, text_b, *options):
        """Diff BASIC against lines_b; assert the divergence's cycle and both sides."""
        path_b = self.write("b.trace", lines_b)
        result = run("diff", BASIC, path_b, *options)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        got_cycle, sides = divergence(result.stdout)
        self.assertEqual(got_cycle, cycle, result.stdout)
        self.assertEqual(sides, [("A", BASIC, line_a, text_a), ("B", path_b, line_b, text_b)],
                         result.stdout)
        return result.stdout

    def test_changed_field(self):
        lines = read_lines(BASIC)
        n = self.line_of(lines, "41 resp pa=020400123")
        lines[n - 1] = "41 resp pa=020400124"
        self.check(lines, 41, n, "41 resp pa=020400123", n, "41 resp pa=020400124")

    def test_changed_cycle_stamp(self):
        # The last event of cycle 131 moves to 132: still a valid trace.
        lines = read_lines(BASIC)
        n = self.line_of(lines, "131 resp pa=090004000")
        lines[n - 1] = "132 resp pa=090004000"
        self.check(lines, 131, n, "131 resp pa=090004000", n, "132 resp pa=090004000")

    def test_inserted_event(self):
        lines = read_lines(BASIC)
        n = self.line_of(lines, "50 memresp data=240014d7")
        lines.insert(n - 1, "50 sfence va=00408000 asid=005 all_va=0 all_asid=0")
        self.check(lines, 50, n, "50 memresp data=240014d7",
                   n, "50 sfence va=00408000 asid=005 all_va=0 all_asid=0")

    def test_missing_event(self):
        lines = read_lines(BASIC)
        text = "126 fill idx=0 vpn=00402 asid=005 mega=0 g=0 ppn=090000 perm=RW--D"
        n = self.line_of(lines, text)
        del lines[n - 1]
        self.check(lines, 126, n, text, n, "127 mem rd addr=080000004")

    def test_context_shows_the_events_before(self):
        lines = read_lines(BASIC)
        n = self.line_of(lines, "41 resp pa=020400123")
        lines[n - 1] = "41 resp fault=12"
        out = self.check(lines, 41, n, "41 resp pa=020400123", n, "41 resp fault=12",
                         "--context", "3")
        context = re.findall(r"^  A:(\d+) B:(\d+)  (.*)$", out, re.M)
        self.assertEqual(context, [(str(k), str(k), lines[k - 1]) for k in (n - 3, n - 2, n - 1)])
        self.assertIn("the 3 events before it agree:", out)

    def test_context_zero_and_default(self):
        lines = read_lines(BASIC)
        n = self.line_of(lines, "41 resp pa=020400123")
        lines[n - 1] = "41 resp fault=12"
        out = self.check(lines, 41, n, "41 resp pa=020400123", n, "41 resp fault=12",
                         "--context", "0")
        self.assertNotIn("before it agree", out)
        out = self.check(lines, 41, n, "41 resp pa=020400123", n, "41 resp fault=12")
        self.assertEqual(len(re.findall(r"^  A:\d+ B:\d+  ", out, re.M)), 10)

    def test_divergence_at_the_first_event(self):
        lines = read_lines(BASIC)
        lines[2] = "0 ctx satp=00000000 sum=0 mxr=0"
        del lines[3]
        out = self.check(lines, 0, 3, "0 reset", 3, "0 ctx satp=00000000 sum=0 mxr=0")
        self.assertNotIn("before it agree", out)
        self.assertIn("agreed: 0 events (timed), no cycles", out)


class DiffUntimed(TempDir):
    """--untimed ignores timing, not behaviour."""

    def test_timing_shift_differs_timed(self):
        result = run("diff", BASIC, SLOW)
        self.assertEqual(result.returncode, 1)
        cycle, sides = divergence(result.stdout)
        self.assertEqual(cycle, 4)
        self.assertEqual([s[2:] for s in sides], [(8, "4 mem rd addr=080000004"),
                                                  (8, "5 mem rd addr=080000004")])

    def test_timing_shift_agrees_untimed(self):
        result = run("diff", "--untimed", BASIC, SLOW)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("agreed: 122 events (transaction order), cycles 3 to 181 in A, "
                      "cycles 3 to 197 in B", result.stdout)
        self.assertIn("translations 20 (resp events), faults 5", result.stdout)

    def test_changed_pa_is_caught_untimed(self):
        lines = read_lines(SLOW)
        n = self.line_of(lines, "178 resp pa=090006000")
        lines[n - 1] = "178 resp pa=090006008"
        path_b = self.write("slow.trace", lines)
        result = run("diff", "--untimed", BASIC, path_b)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("differ at cycle 170 in A, 178 in B", result.stdout)
        n_a = self.line_of(read_lines(BASIC), "170 resp pa=090006000")
        _, sides = divergence(result.stdout)
        self.assertEqual(sides, [("A", BASIC, n_a, "170 resp pa=090006000"),
                                 ("B", path_b, n, "178 resp pa=090006008")])

    def test_a_missing_sfence_is_caught_untimed(self):
        lines = [l for l in read_lines(SLOW) if not l.startswith("130 sfence")]
        path_b = self.write("slow.trace", lines)
        result = run("diff", "--untimed", BASIC, path_b)
        self.assertEqual(result.returncode, 1, result.stdout)
        _, sides = divergence(result.stdout)
        self.assertEqual(sides, [
            ("A", BASIC, 95, "130 sfence va=00407000 asid=005 all_va=0 all_asid=0"),
            ("B", path_b, 97, "160 req va=00407000 acc=x priv=S")])

    def test_transaction_order(self):
        # An engine that answers a hit in one cycle accepts the next request
        # in the same cycle; one that takes two cycles does not. Same order.
        fast = [(1, "req", "req va=1", 1), (1, "sfence", "sfence s", 2),
                (2, "req", "req va=2", 3), (2, "resp", "resp pa=1", 4),
                (3, "resp", "resp pa=2", 5), (3, "fill", "fill idx=0", 6),
                (3, "req", "req va=3", 7)]
        slow = [(1, "sfence", "sfence s", 1), (1, "req", "req va=1", 2),
                (3, "resp", "resp pa=1", 3), (4, "req", "req va=2", 4),
                (6, "resp", "resp pa=2", 5), (6, "fill", "fill idx=0", 6),
                (7, "req", "req va=3", 7)]
        # Listed by transaction above; order fast as a trace would.
        fast.sort(key=lambda e: (e[0], pt.EVENTS.index(e[1])))
        want = ["req va=1", "resp pa=1", "sfence s", "req va=2", "resp pa=2", "fill idx=0",
                "req va=3"]
        self.assertEqual([e[2] for e in pt.transaction_order(fast)], want)
        self.assertEqual([e[2] for e in pt.transaction_order(slow)], want)

    def test_transaction_order_sfence_in_a_request_cycle(self):
        # A request accepted in the sfence's cycle is looked up before the flush.
        events = [(1, "sfence", "sfence s", 1), (1, "req", "req va=1", 2),
                  (2, "resp", "resp pa=1", 3), (4, "req", "req va=2", 4)]
        self.assertEqual([e[2] for e in pt.transaction_order(events)],
                         ["req va=1", "resp pa=1", "sfence s", "req va=2"])
        # Without a request in its cycle, it stays where it is.
        events = [(1, "sfence", "sfence s", 1), (2, "req", "req va=1", 2)]
        self.assertEqual([e[2] for e in pt.transaction_order(events)], ["sfence s", "req va=1"])

    def test_transaction_order_drops_ctx_and_reset(self):
        events = list(pt.Trace(RESET).events())
        order = list(pt.transaction_order(events))
        dropped = [e for e in events if e[1] in ("ctx", "reset")]
        self.assertEqual(len(dropped), 4)
        self.assertEqual(len(order), len(events) - 4)
        self.assertFalse([e for e in order if e[1] in ("ctx", "reset")])


class DiffTruncated(TempDir):
    """A trace that ends early is a divergence, unless --max-lines cut it."""

    def test_b_ends_early(self):
        lines = read_lines(BASIC)
        path_b = self.write("short.trace", lines[:60])
        result = run("diff", BASIC, path_b)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("differ at cycle 43 (event 59)", result.stdout)
        self.assertIn("  B %s ends at cycle 42 (line 60); A continues with\n"
                      "  A %s:61: 43 memresp err\n" % (path_b, BASIC), result.stdout)
        self.assertIn("agreed: 58 events (timed), cycles 0 to 42", result.stdout)

    def test_a_ends_early(self):
        lines = read_lines(BASIC)
        path_a = self.write("short.trace", lines[:60] + ["# the run was stopped"])
        result = run("diff", path_a, BASIC)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("  A %s ends at cycle 42 (line 60); B continues with\n"
                      "  B %s:61: 43 memresp err\n" % (path_a, BASIC), result.stdout)

    def test_header_only(self):
        path_a = self.write("empty.trace", ["pagewalk-trace 1"])
        result = run("diff", path_a, BASIC)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("A %s ends before its first event; B continues with" % path_a,
                      result.stdout)
        self.assertEqual(run("diff", path_a, path_a).returncode, 0)

    def test_untimed_ends_early(self):
        path_b = self.write("short.trace", read_lines(SLOW)[:60])
        result = run("diff", "--untimed", BASIC, path_b)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("ends at cycle", result.stdout)
        self.assertIn("A continues with", result.stdout)

    def test_max_lines_compares_a_prefix(self):
        path_b = self.write("short.trace", read_lines(BASIC)[:60])
        self.assertEqual(run("diff", BASIC, path_b, "--max-lines", "58").returncode, 0)
        result = run("diff", BASIC, path_b, "--max-lines", "100")
        self.assertEqual(result.returncode, 1)
        self.assertIn("ends at cycle 42", result.stdout)


class Malformed(TempDir):
    """Malformed input: FILE:LINE: error: WHAT on stderr, exit 2, no traceback."""

    def assert_error(self, args, where, what):
        """Run the tool; assert exit 2 and one error line starting with where and holding what."""
        result = run(*args)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertNotIn("Traceback", result.stderr)
        lines = result.stderr.splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith(where + ": error: "), lines[0])
        self.assertIn(what, lines[0])

    def test_bad_traces(self):
        bad = sorted(glob.glob(os.path.join(TRACES, "bad", "*.trace")))
        self.assertGreaterEqual(len(bad), 10)
        for path in bad:
            with self.subTest(trace=os.path.basename(path)):
                expect = re.fullmatch(r"# expect (\d+): (.*)", read_lines(path)[1])
                self.assertTrue(expect, "line 2 of %s says what to expect" % path)
                where = "%s:%s" % (path, expect.group(1))
                self.assert_error(["stats", path], where, expect.group(2))
                self.assert_error(["diff", path, BASIC], where, expect.group(2))
                self.assert_error(["diff", "--untimed", BASIC, path], where, expect.group(2))

    def test_error_after_the_divergence_is_still_found(self):
        lines = read_lines(BASIC)
        lines[9] = lines[9].replace("080001008", "080001009")
        lines.append("999 resp pa=XYZ")
        path = self.write("b.trace", lines)
        self.assert_error(["diff", BASIC, path], "%s:%d" % (path, len(lines)), "bad value")

    def test_empty_file(self):
        path = self.write("empty.trace", [])
        self.assert_error(["diff", path, BASIC], path + ":1", "empty file")

    def test_evict_at_the_end(self):
        lines = read_lines(BASIC)[:-2]
        path = self.write("b.trace", lines)
        self.assert_error(["stats", path], "%s:%d" % (path, len(lines)), "without its fill")

    def test_missing_file(self):
        missing = os.path.join(self.tmp, "no-such.trace")
        self.assert_error(["diff", BASIC, missing], missing, "No such file")
        self.assert_error(["stats", missing], missing, "No such file")

    def test_directory(self):
        self.assert_error(["stats", self.tmp], self.tmp, "cannot read")

    def test_usage_errors(self):
        for args in ([], ["diff", BASIC], ["diff", BASIC, BASIC, "--context", "-1"],
                     ["diff", BASIC, BASIC, "--max-lines", "x"], ["stats"], ["nope"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2, result.stdout)
                self.assertNotIn("Traceback", result.stderr)

    def test_help(self):
        for command in ("diff", "stats"):
            result = run(command, "--help")
            self.assertEqual(result.returncode, 0)
            self.assertIn("Exit status", result.stdout)
        self.assertIn("transaction order", run("diff", "--help").stdout)
        self.assertIn("mem rd", run("stats", "--help").stdout)


class AsAProcess(TempDir):
    """The executable itself: exit status, streams, no traceback."""

    def test_agree_differ_malformed(self):
        result = run_process("diff", BASIC, BASIC)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        self.assertEqual(run_process("diff", BASIC, SLOW).returncode, 1)
        bad = os.path.join(TRACES, "bad", "unknown-event.trace")
        result = run_process("diff", BASIC, bad)
        self.assertEqual((result.returncode, result.stdout), (2, ""))
        self.assertEqual(result.stderr, "%s:6: error: unknown event 'rsp' (version 1 has reset, "
                         "ctx, sfence, req, resp, mem, memresp, evict, fill)\n" % bad)

    def test_missing_file_and_usage(self):
        missing = os.path.join(self.tmp, "missing.trace")
        result = run_process("stats", missing)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, "%s: error: cannot read: No such file or directory\n"
                         % missing)
        result = run_process("diff", BASIC)
        self.assertEqual(result.returncode, 2)
        self.assertIn("usage:", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_stats_json(self):
        result = run_process("stats", BASIC, "--json")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(json.loads(result.stdout)["walks"], 16)


class Stats(unittest.TestCase):
    """stats on known traces."""

    def stats(self, path):
        """Return stats --json of a trace."""
        result = run("stats", path, "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_basic(self):
        s = self.stats(BASIC)
        self.assertEqual(s["cycles"], {"first": 0, "last": 181, "count": 182})
        self.assertEqual((s["events"], s["reset_cycles"], s["ctx_events"]), (126, 2, 2))
        self.assertEqual((s["requests"], s["translations"]), (20, 20))
        # Hits: 00402ff0, the M-mode request, the U-mode hit that faults, the last 00402abc.
        self.assertEqual((s["hits"], s["walks"], s["hit_rate"]), (4, 16, 0.2))
        self.assertEqual((s["aborted"], s["unanswered"], s["responses_without_request"]),
                         (0, 0, 0))
        self.assertEqual(s["walk_latency"], {"min": 3, "max": 7, "mean": 5.12, "median": 5,
                                             "counts": {"3": 2, "5": 11, "7": 3}})
        self.assertEqual(s["faults"], {"total": 5, "by_cause": {"5": 1, "7": 1, "13": 2,
                                                                "15": 1}})
        self.assertEqual((s["fills"], s["evictions"], s["sfences"]), (11, 3, 2))
        self.assertEqual(s["memory"], {"reads": 30, "writes": 3, "errors": 2})

    def test_slow_memory_changes_only_latency(self):
        fast, slow = self.stats(BASIC), self.stats(SLOW)
        self.assertEqual(slow["walk_latency"]["counts"], {"5": 2, "9": 11, "13": 3})
        for key in ("requests", "hits", "walks", "faults", "fills", "evictions", "memory"):
            self.assertEqual(slow[key], fast[key], key)

    def test_reset_aborts_a_walk(self):
        s = self.stats(RESET)
        self.assertEqual((s["requests"], s["translations"], s["aborted"]), (2, 1, 1))
        self.assertEqual((s["hits"], s["walks"]), (0, 1))
        self.assertEqual(s["walk_latency"]["counts"], {"5": 1})

    def test_text(self):
        result = run("stats", BASIC)
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout
        self.assertIn("cycles       0 to 181 (182 cycles), 2 in reset", out)
        self.assertIn("  hits       4 (20.0%)", out)
        self.assertIn("  walks      16 (80.0%)", out)
        self.assertRegex(out, r"\n +5 \| #{40} 11\n")
        self.assertIn("  13 load page     2", out)
        self.assertIn("TLB          11 fills, 3 evictions, 2 sfences", out)
        self.assertIn("memory       30 reads, 3 writes, 2 errors", out)

    def test_histogram_buckets(self):
        lines = pt.histogram({3: 1, 9: 4, 41: 2})
        self.assertEqual([l.split("|")[0].strip() for l in lines],
                         ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39",
                          "40-44"])
        self.assertTrue(lines[1].endswith("#" * 40 + " 4"))


class BigTrace(TempDir):
    """A long synthetic trace goes through in one pass (timing is printed, not asserted)."""

    @staticmethod
    def synthetic(events):
        """Return the lines of a valid trace of about that many events: hits and walks."""
        lines = ["pagewalk-trace 1", "# synthetic", "0 reset",
                 "0 ctx satp=81480000 sum=0 mxr=1"]
        cycle, k = 1, 0
        while len(lines) < events:
            va = 0x00400000 + (k % 512) * 4096
            pa = 0x090000000 + (k % 512) * 4096
            lines.append("%d req va=%08x acc=r priv=S" % (cycle, va))
            if k % 4:
                lines.append("%d resp pa=%09x" % (cycle + 1, pa))
                cycle += 2
            else:
                lines += ["%d mem rd addr=080000004" % (cycle + 1),
                          "%d memresp data=20000401" % (cycle + 2),
                          "%d mem rd addr=%09x" % (cycle + 3, 0x80001000 + (k % 512) * 4),
                          "%d memresp data=240000c7" % (cycle + 4),
                          "%d resp pa=%09x" % (cycle + 5, pa),
                          "%d evict idx=%d" % (cycle + 5, k % 8),
                          "%d fill idx=%d vpn=%05x asid=005 mega=0 g=0 ppn=090000 perm=RW--D"
                          % (cycle + 5, k % 8, va >> 12)]
                cycle += 6
            k += 1
        return lines

    def test_big_diff(self):
        lines = self.synthetic(200000)
        path_a = self.write("a.trace", lines)
        # One request near the end changes its VA.
        n = max(i for i, line in enumerate(lines[:-50]) if " req va=0" in line) + 1
        lines[n - 1] = lines[n - 1].replace(" req va=0", " req va=1")
        path_b = self.write("b.trace", lines)
        result = pt.compare(path_a, path_b)
        self.assertFalse(result.same)
        self.assertEqual((result.a[3], result.b[3]), (n, n))
        self.assertEqual(result.agreed.events, n - 3)


if __name__ == "__main__":
    unittest.main()
