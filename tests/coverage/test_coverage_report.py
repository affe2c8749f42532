#!/usr/bin/env python3
"""Tests of tests/coverage/coverage_report.py on small hand-made coverage files:
the toggle rule (both ways in one run), the settle file, waivers that rot,
the baseline check, the functional bins, and bad input.

usage: python3 -m unittest tests/coverage/test_coverage_report.py
"""
import io
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import coverage_report  # noqa: E402


def key(kind, obj, line=10, file="rtl/mmu/pw_tlb.v", module="pw_tlb", hier="mmu.pw_mmu.u_tlb"):
    return (f"\x01f\x02{file}\x01l\x02{line}\x01n\x023\x01page\x02v_{kind}/{module}__T8"
            f"\x01o\x02{obj}\x01h\x02{hier}")


class Report(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def dat(self, name, points):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# SystemC::Coverage-3\n")
            for k, n in points:
                f.write(f"C '{k}' {n}\n")
        return path

    def text(self, name, body):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        return path

    def run_report(self, *args):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = coverage_report.main(["--out", os.path.join(self.dir, "out")] + list(args))
        return status, out.getvalue(), err.getvalue()

    def figures(self):
        with open(os.path.join(self.dir, "out", "figures.txt"), encoding="utf-8") as f:
            return [l.split() for l in f if not l.startswith("#")]

    def test_a_bit_is_covered_only_when_one_run_moved_it_both_ways(self):
        a = self.dat("svade-1-0.dat", [(key("toggle", "valid_q[0]"), 1), (key("toggle", "valid_q[1]"), 2)])
        b = self.dat("svadu-1-0.dat", [(key("toggle", "valid_q[0]"), 1), (key("toggle", "valid_q[1]"), 0)])
        status, out, _ = self.run_report("--targets", a, b)
        self.assertEqual(status, 1)
        self.assertIn("toggle pw_mmu.u_tlb valid_q[0]: changed at most 1 time(s) in one run", out)
        self.assertNotIn("valid_q[1]:", out)
        self.assertEqual(self.figures(), [["toggle", "pw_tlb", "1", "2", "0", "1"]])

    def test_the_settle_counts_lines_but_not_toggles(self):
        settle = self.dat("svade-1-settle.dat", [(key("line", "block"), 1), (key("toggle", "hit_o"), 5)])
        run = self.dat("svade-1-0.dat", [(key("line", "block"), 0), (key("toggle", "hit_o"), 1)])
        status, out, _ = self.run_report("--targets", settle, run)
        self.assertEqual(status, 1)
        self.assertIn("toggle pw_mmu.u_tlb hit_o", out)
        self.assertNotIn("line rtl/mmu/pw_tlb.v:10", out)

    def test_points_outside_rtl_mmu_do_not_count(self):
        a = self.dat("svade-1-0.dat", [(key("toggle", "x"), 5),
                                       (key("toggle", "pend_q", file="rtl/check/pw_mmu_protocol.v"), 0)])
        status, out, _ = self.run_report("--targets", a)
        self.assertEqual(status, 0, out)

    def test_waivers_need_a_reason_and_must_waive_something_uncovered(self):
        a = self.dat("svade-1-0.dat", [(key("toggle", "cnt_q[31]"), 0), (key("toggle", "cnt_q[30]"), 0),
                                       (key("toggle", "cnt_q[0]"), 9), (key("line", "case", line=126), 0)])
        good = self.text("good.txt", "toggle pw_mmu.u_tlb cnt_q[31:30] | needs 2^31 events\n"
                                     "line rtl/mmu/pw_tlb.v:126 | unreachable\n")
        status, out, _ = self.run_report("--targets", "--waivers", good, a)
        self.assertEqual(status, 0, out)
        self.assertEqual(self.figures(), [["line", "pw_tlb", "0", "1", "1", "0"],
                                          ["toggle", "pw_tlb", "1", "3", "2", "0"]])
        for body, why in (("toggle pw_mmu.u_tlb cnt_q[31]\n", "needs '| reason'"),
                          ("toggle pw_mmu.u_tlb nothing_q | gone\n", "matches no coverage point"),
                          ("toggle pw_mmu.* cnt_q[0] | covered anyway\n", "every point the waiver names is covered"),
                          ("toggle pw_mmu.u_tlb cnt_q[3:9] | backwards\n", "bad bit range")):
            status, _, err = self.run_report("--waivers", self.text("bad.txt", body), a)
            self.assertEqual(status, 2, body)
            self.assertIn("bad.txt:1: error:", err)
            self.assertIn(why, err)

    def test_the_baseline_fails_a_group_that_misses_more(self):
        a = self.dat("svade-1-0.dat", [(key("toggle", "a"), 2), (key("toggle", "b"), 0)])
        base = self.text("base.txt", "toggle pw_tlb 2 2 0 0\n")
        status, out, _ = self.run_report("--baseline", base, a)
        self.assertEqual(status, 1)
        self.assertIn("toggle pw_tlb: 1 missing, ", out)
        base = self.text("base.txt", "toggle pw_tlb 1 2 0 1\n")
        self.assertEqual(self.run_report("--baseline", base, a)[0], 0)
        base = self.text("base.txt", "toggle pw_tlb 1 2 0 1\nline pw_walker 5 5 0 0\n")
        status, out, _ = self.run_report("--baseline", base, a)
        self.assertEqual(status, 1)
        self.assertIn("line pw_walker: in ", out)

    def test_bins_are_merged_over_runs_and_each_is_required(self):
        a = self.dat("svade-1-0.dat", [(key("toggle", "a"), 2)])
        b1 = self.text("r1.bins", "# one run\nbin reset.idle 2\nbin reset.read 0\nbin tlb.e0.fill 1\n")
        b2 = self.text("r2.bins", "bin reset.idle 1\nbin reset.read 0\n")
        status, out, _ = self.run_report("--targets", "--bins", b1, b2, "--", a)
        self.assertEqual(status, 1)
        self.assertIn("- bin reset.read: never hit", out)
        self.assertIn(["bin", "reset", "1", "2", "0", "1"], self.figures())
        self.assertEqual(self.run_report("--bins", self.text("bad.bins", "bin x\n"), "--", a)[0], 2)

    def test_a_malformed_coverage_line_is_an_error_naming_it(self):
        bad = self.text("svade-1-0.dat", "# SystemC::Coverage-3\nC 'oops\n")
        status, _, err = self.run_report(bad)
        self.assertEqual(status, 2)
        self.assertIn("svade-1-0.dat:2: error: not a coverage line", err)


if __name__ == "__main__":
    unittest.main()
