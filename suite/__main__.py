"""Entry point: `python3 suite ...` (or `python3 -m suite ...` from the repository root)."""
import os
import sys

if __package__ in (None, ""):  # run as `python3 path/to/suite`: make the package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from suite.cli import main  # noqa: E402

try:
    sys.exit(main())
except BrokenPipeError:  # e.g. piped into head; the workers are already stopped
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
