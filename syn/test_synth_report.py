"""Tests for syn/synth_report.py: the place-and-route guard fails when a run
falls more than 10 % below its committed figure, and the report takes the
median of the seeds and judges the targets by it (python3 -m unittest)."""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synth_report  # noqa: E402


def routed(mhz, constraint=60):
    """A minimal nextpnr --report with one clock at mhz."""
    return {"fmax": {"clk": {"achieved": mhz, "constraint": constraint}},
            "critical_paths": [], "utilization": {}}


class SynthReportTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.base = self.dir.name

    def tearDown(self):
        self.dir.cleanup()

    def put(self, rel, data):
        path = os.path.join(self.base, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(data, f)

    def guard(self, text):
        path = os.path.join(self.base, "guard.txt")
        with open(path, "w") as f:
            f.write(text)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = synth_report.main(["--dir", self.base, "--guard", path])
        return status, out.getvalue()

    def test_guard_passes_down_to_ninety_percent(self):
        self.put("mmu-ice40-l1-8/ooc-up5k-s1.json", routed(18.0))
        status, out = self.guard("# comment\nl1 up5k 1 20.0\n")
        self.assertEqual(status, 0, out)
        self.assertIn("ok", out)

    def test_guard_fails_below_ninety_percent(self):
        self.put("mmu-ice40-l1-8/ooc-up5k-s1.json", routed(17.9))
        self.put("mmu-ice40-l3-8/ooc-up5k-s2.json", routed(60.0))
        status, out = self.guard("l1 up5k 1 20.0\nl3 up5k 2 55.0\n")
        self.assertEqual(status, 1, out)
        self.assertIn("FAILED", out)
        self.assertIn("l3 on iCE40UP5K, seed 2: 60.0 MHz, committed 55.0, floor 49.5: ok", out)

    def test_guard_reads_ecp5_runs_from_their_directory(self):
        self.put("mmu-ecp5-l2-8/ooc-ecp5-s3.json", routed(100.0, 150))
        status, out = self.guard("l2 ecp5 3 130\n")
        self.assertEqual(status, 1, out)

    def test_guard_names_a_missing_run_and_a_bad_line(self):
        status, out = self.guard("l1 up5k 1 20.0\n")
        self.assertEqual(status, 2)
        self.assertIn("guard.txt:1: error: no routed report", out)
        status, out = self.guard("l1 up5k 1\n")
        self.assertEqual(status, 2)
        self.assertIn("guard.txt:1: error: expected CONFIGURATION DEVICE SEED MHZ", out)
        status, out = self.guard("l1 up5k 1 fast\n")
        self.assertEqual(status, 2)
        self.assertIn("'fast' is not a frequency", out)

    def test_report_judges_the_median_of_the_seeds(self):
        # l3 on iCE40UP5K: target 48 MHz. Seeds 40, 50, 60: median 50 meets it
        # though one seed misses; 40, 45, 60: median 45 misses though one meets.
        for seed, mhz in ((1, 40.0), (2, 50.0), (3, 60.0)):
            self.put("mmu-ice40-l3-8/ooc-up5k-s%d.json" % seed, routed(mhz))
        self.put("mmu-ice40-l3-8/stat.json", {"design": {"num_cells_by_type": {"SB_LUT4": 10}}})
        self.put("mmu-ice40-l3-8/pack-report.json", {"utilization": {"ICESTORM_LC": {"used": 1460}}})
        row = synth_report.mmu_row(self.base, "l3", "8", "up5k", ["1", "2", "3"])
        self.assertEqual(row["fmax"], "50.0 (40.0-60.0) / 60 (meets 48)")
        self.assertEqual(row["seeds"], "40.0 50.0 60.0")
        self.assertEqual(row["cells"], "1460 (MISSES 1450)")
        self.put("mmu-ice40-l3-8/ooc-up5k-s2.json", routed(45.0))
        row = synth_report.mmu_row(self.base, "l3", "8", "up5k", ["1", "2", "3"])
        self.assertEqual(row["fmax"], "45.0 (40.0-60.0) / 60 (MISSES 48)")


if __name__ == "__main__":
    unittest.main()
