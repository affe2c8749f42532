#!/usr/bin/env python3
"""Random programs on QEMU and pagewalk-iss: the same console output required.

Usage: run_random.py --env build/random/env.elf --defs build/gen --iss build/pagewalk-iss
                     --qemu qemu-system-riscv32 --qemu-cpu CPU --out build/random [--seed S] [--programs N]
                     [--batch B] [--jobs J]

Programs S .. S+N-1 are generated in batches of B (gen_random.py), each batch
run once on QEMU and once on the ISS (--svadu: QEMU 7.2 sets A/D bits in
hardware), two runs at a time. The outputs are compared program by program;
a mismatch prints the program's seed, the first differing signature line of
both, and the commands that rerun that program alone.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_random  # noqa: E402

TIMEOUT = 60


def qemu_cmd(args, elf):
    return [args.qemu, "-M", "virt", "-bios", "none", "-nographic", "-cpu", args.qemu_cpu, "-kernel", elf]


def iss_cmd(iss, elf, *extra):
    return [iss, "--svadu", "--max-insns", "200000000", *extra, elf]


def run(cmd):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {TIMEOUT} s"
    out = p.stdout.decode(errors="replace").replace("\r", "")
    if p.returncode != 0:
        return out, f"exit status {p.returncode}: {p.stderr.decode(errors='replace').strip()}"
    return out, None


def blocks(text):
    """{seed: [lines]} from the output: each program starts with 'S seed'."""
    progs, cur = {}, None
    for line in text.splitlines():
        if line.startswith("S "):
            cur = int(line.split()[1], 16)
            progs[cur] = []
        elif cur is not None and not line.startswith("done"):
            progs[cur].append(line)
    return progs


def reproduce(args, seed):
    elf = os.path.join(args.out, f"random-{seed:#x}.elf")
    gen = (f"{sys.executable} {os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen_random.py')} "
           f"--env {args.env} --defs {args.defs} --seed {seed:#x} --count 1 --out {elf}")
    return [gen, " ".join(qemu_cmd(args, elf)), " ".join(iss_cmd(args.iss, elf))]


def check_batch(args, env, defs, first):
    count = min(args.batch, args.seed + args.programs - first)
    elf = os.path.join(args.out, f"batch-{first:#x}.elf")
    gen_random.generate_batch(env, defs, first, count, elf)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        q = pool.submit(run, qemu_cmd(args, elf))
        i = pool.submit(run, iss_cmd(args.iss, elf))
        (qout, qerr), (iout, ierr) = q.result(), i.result()
    problems = []
    if qerr or ierr:
        problems.append(f"batch {elf}: QEMU {qerr or 'ok'}; ISS {ierr or 'ok'}")
    # The ISS's translation memo must change nothing: the same batch walking
    # the page tables for every access gives the same output.
    nout, nerr = run(iss_cmd(args.iss, elf, "--no-memo"))
    if nout != iout or nerr != ierr:
        problems.append(f"batch {elf}: the ISS's output changes with --no-memo (translation memo):\n  "
                        + " ".join(iss_cmd(args.iss, elf, "--no-memo")))
    qb, ib = blocks(qout or ""), blocks(iout or "")
    for seed in range(first, first + count):
        a, b = qb.get(seed), ib.get(seed)
        if a == b and a is not None:
            continue
        if a is None or b is None:
            why = f"no signature from {'QEMU' if a is None else 'the ISS'}"
        else:
            n = next(k for k in range(max(len(a), len(b))) if k >= len(a) or k >= len(b) or a[k] != b[k])
            why = (f"first difference at signature line {n + 1}:\n"
                   f"    QEMU: {a[n] if n < len(a) else '(nothing)'}\n"
                   f"    ISS:  {b[n] if n < len(b) else '(nothing)'}")
        problems.append(f"MISMATCH seed {seed:#x}: {why}\n  reproduce:\n    " + "\n    ".join(reproduce(args, seed)))
        break  # the first one per batch is enough
    return count, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--env", required=True)
    ap.add_argument("--defs", required=True)
    ap.add_argument("--iss", required=True)
    ap.add_argument("--qemu", required=True)
    ap.add_argument("--qemu-cpu", required=True, help="QEMU's -cpu value (isa.mk: QEMU_ISS_CPU)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=lambda s: int(s, 0), default=0x1000)
    ap.add_argument("--programs", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=1, help="batches at a time (each runs QEMU and the ISS in parallel)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    env, defs = gen_random.Elf(args.env), gen_random.read_defs(args.defs)
    start = time.time()
    firsts = list(range(args.seed, args.seed + args.programs, args.batch))
    done, problems = 0, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for count, probs in pool.map(lambda f: check_batch(args, env, defs, f), firsts):
            done += count
            problems += probs
    for p in problems:
        print(p)
    print(f"{done - len(problems)} of {done} random programs (seeds {args.seed:#x}..{args.seed + done - 1:#x}) "
          f"agree between QEMU and the ISS ({time.time() - start:.1f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
