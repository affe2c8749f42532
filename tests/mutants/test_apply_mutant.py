"""Tests of apply_mutant.py: a mutant's script applies command by command,
and a command that changes nothing makes the mutant BROKEN (exit 3)."""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import apply_mutant  # noqa: E402

SOURCE = """module m;
  wire a = b && c;
  reg  r_q;
  always @(posedge clk) r_q <= a;
  wire path = x/y;
endmodule
"""


class SplitTest(unittest.TestCase):
    def test_semicolons_inside_patterns_do_not_split(self):
        self.assertEqual(apply_mutant.split_commands("s/a;b/c;d/; s/e/f/g"),
                         ["s/a;b/c;d/", "s/e/f/g"])

    def test_escaped_delimiters_and_addresses(self):
        self.assertEqual(apply_mutant.split_commands(r"0,/x\/y/s//z/; 219s/a\/b/c/"),
                         [r"0,/x\/y/s//z/", r"219s/a\/b/c/"])

    def test_other_delimiters(self):
        self.assertEqual(apply_mutant.split_commands("s|a/b|c|; /re/d"), ["s|a/b|c|", "/re/d"])

    def test_unterminated_is_an_error(self):
        with self.assertRaises(apply_mutant.ScriptError):
            apply_mutant.split_commands("s/a/b")
        with self.assertRaises(apply_mutant.ScriptError):
            apply_mutant.split_commands("  ;  ")


class ApplyTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.src = os.path.join(self.dir.name, "m.v")
        self.out = os.path.join(self.dir.name, "out.v")
        with open(self.src, "w") as f:
            f.write(SOURCE)

    def tearDown(self):
        self.dir.cleanup()

    def run_tool(self, script):
        return subprocess.run([sys.executable, os.path.join(HERE, "apply_mutant.py"),
                               self.src, self.out, script], capture_output=True, text=True)

    def test_every_command_applies(self):
        script = r"s/wire a = b \&\& c;/wire a = b;/; s/^  reg  r_q;/  reg r_q; reg late_q;/"
        r = self.run_tool(script)
        self.assertEqual(r.returncode, 0, r.stdout)
        expected = subprocess.run(["sed", "-e", script, self.src], capture_output=True,
                                  text=True).stdout
        with open(self.out) as f:
            self.assertEqual(f.read(), expected)
        self.assertIn("wire a = b;", expected)
        self.assertIn("reg late_q;", expected)

    def test_a_command_that_changes_nothing_is_broken(self):
        # The first command applies, the second names a line that is gone.
        r = self.run_tool(r"s/wire a = b \&\& c;/wire a = b;/; s/^  reg  refill_q;/  reg x;/")
        self.assertEqual(r.returncode, 3)
        self.assertIn("command 2 of 2", r.stdout)
        self.assertIn("refill_q", r.stdout)
        self.assertFalse(os.path.exists(self.out))

    def test_a_single_expression_that_changes_nothing_is_broken(self):
        r = self.run_tool("s/no such text/x/")
        self.assertEqual(r.returncode, 3)
        self.assertIn("the expression (s/no such text/x/) no longer changes", r.stdout)

    def test_a_command_undone_by_the_next_is_broken(self):
        # Each command must change what the ones before it left.
        r = self.run_tool("s/r_q <= a/r_q <= 0/; s/r_q <= 0/r_q <= 0/")
        self.assertEqual(r.returncode, 3)
        self.assertIn("command 2 of 2", r.stdout)

    def test_sed_failure_and_bad_script_are_reported(self):
        r = self.run_tool("s/a/b/q")  # an unknown flag: sed refuses
        self.assertEqual(r.returncode, 3)
        self.assertIn("sed fails on", r.stdout)
        r = self.run_tool("s/a/b")
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot split", r.stdout)

    def test_missing_source(self):
        os.remove(self.src)
        r = self.run_tool("s/a/b/")
        self.assertEqual(r.returncode, 3)
        self.assertIn("cannot read", r.stdout)


if __name__ == "__main__":
    unittest.main()
