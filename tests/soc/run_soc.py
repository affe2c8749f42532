#!/usr/bin/env python3
"""Run programs on the RTL SoC in lockstep with the ISS; every run must pass.

Usage: run_soc.py --soc build/pagewalk-soc [--jobs J] [--timeout S]
                  [--isa-dir tests/isa --isa-out build/isa NAME...]
                  [--random-env build/random/env.elf --defs build/gen --random-out DIR
                   --seed S --programs N --batch B]
                  [--elf FILE ...]

ISA tests (tests/isa/NAME.S, built as build/isa/NAME.elf) run with the
options of their `# iss-options:` line. Random programs (tests/random) are
generated in batch ELFs of B programs and run with --svadu, as the
generator's rules ask. A run passes when pagewalk-soc exits 0: the program
passed and every retired instruction agreed with the ISS. A failing run
prints its output's head and the command that reproduces it. The last line
is "N passed, M failed".
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

MISMATCH = 125


def isa_options(src):
    with open(src, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            m = re.match(r"#\s*iss-options:\s*(.*)", line)
            if m:
                return m.group(1).split()
    return []


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    out = (p.stdout + p.stderr).decode(errors="replace")
    if p.returncode == 0:
        return "pass", out
    if p.returncode == MISMATCH:
        return "MISMATCH", out
    return f"exit {p.returncode}", out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--soc", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--isa-dir")
    ap.add_argument("--isa-out")
    ap.add_argument("--random-env")
    ap.add_argument("--defs")
    ap.add_argument("--random-out")
    ap.add_argument("--seed", type=lambda s: int(s, 0), default=0x1000)
    ap.add_argument("--programs", type=int, default=0)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--elf", nargs="*", default=[])
    ap.add_argument("--extra", default="", help="options added to every run")
    ap.add_argument("names", nargs="*", help="ISA test names")
    args = ap.parse_args()

    extra = args.extra.split()
    runs = []   # (label, command)
    for name in args.names:
        opts = isa_options(os.path.join(args.isa_dir, name + ".S"))
        runs.append((f"isa {name}", [args.soc, "--lockstep"] + extra + opts + [os.path.join(args.isa_out, name + ".elf")]))
    if args.programs:
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "random"))
        import gen_random  # noqa: E402
        os.makedirs(args.random_out, exist_ok=True)
        env, defs = gen_random.Elf(args.random_env), gen_random.read_defs(args.defs)
        for first in range(args.seed, args.seed + args.programs, args.batch):
            count = min(args.batch, args.seed + args.programs - first)
            elf = os.path.join(args.random_out, f"batch-{first:#x}-{count}.elf")
            if not os.path.exists(elf):
                gen_random.generate_batch(env, defs, first, count, elf)
            runs.append((f"random {first:#x}..{first + count - 1:#x}",
                         [args.soc, "--lockstep", "--svadu"] + extra + [elf]))
    for elf in args.elf:
        runs.append((f"elf {elf}", [args.soc, "--lockstep"] + extra + [elf]))

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [(label, cmd, pool.submit(run, cmd, args.timeout)) for label, cmd in runs]
        for label, cmd, fut in futures:
            verdict, out = fut.result()
            if verdict == "pass":
                passed += 1
                print(f"ok   {label}")
            else:
                failed += 1
                print(f"FAIL {label}: {verdict}")
                for line in out.splitlines()[:40]:
                    print("     " + line)
                print("     reproduce: " + " ".join(cmd))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
