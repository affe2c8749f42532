#!/usr/bin/env python3
"""A stand-in for build/cosim/pagewalk-cosim, for testing cosim/regress.py.

usage: fake_cosim.py --ad svade|svadu --seed N --cycles N [--json]
       fake_cosim.py --dut NAME --seed N --cycles N [--json]   (a build of --list)
       fake_cosim.py --list                                    (svade, svadu, svade_l3, svadu_l3)
Passes every seed but these (FAKE_COSIM_BEHAVIOUR="2:mismatch,3:hang" replaces
the table, so a test can put every failure in a short range of seeds):
  13  mismatch   a report with XML-hostile text and a reproduce line, exit 1
  17  hang       sleeps a minute (for --timeout)
  19  segv       dies of SIGSEGV
  23  nojson     exits 0 without a JSON line
  29  badjson    exits 0 with a cut-off JSON line
  37  exit3      exits 3 after a message on stderr
  41  wrongad    a summary for the other policy (as if --ad or --dut were ignored)
  43  lies       exits 0 with a summary that counts 2 mismatches
Environment: FAKE_COSIM_LOG=FILE appends each argv to FILE;
FAKE_COSIM_PIDDIR=DIR writes DIR/SEED-AD.pid; FAKE_COSIM_SLEEP=SEC sleeps first.
"""
import json
import os
import resource
import signal
import sys
import time

BEHAVIOURS = {13: "mismatch", 17: "hang", 19: "segv", 23: "nojson", 29: "badjson",
              37: "exit3", 41: "wrongad", 43: "lies"}
BUILDS = ("svade", "svadu", "svade_l3", "svadu_l3")


def stats(seed, ad, cycles):
    """Return the JSON summary of a passing run (the tests recompute totals from it).

    ad: the policy, or with --dut the build (its policy is the name's first part)."""
    translations = cycles // 4 + seed
    misses = translations // 5
    return {
        "seed": seed, "dut": ad, "ad": ad.split("_")[0], "entries": 8, "cycles": cycles,
        "translations": translations, "hits": translations - misses, "misses": misses,
        "faults": {"12": seed % 3, "13": seed, "15": 2, "1": seed % 2, "5": 1, "7": 0},
        "sfences": seed * 2 + (ad == "svadu"), "mismatches": 0, "seconds": 0.01,
    }


def usage(msg):
    sys.stderr.write(f"fake_cosim: {msg}\nusage: fake_cosim.py --ad svade|svadu|--dut NAME --seed N --cycles N [--json]\n")
    sys.exit(2)


def parse(argv):
    """Return (ad, seed, cycles, json) from argv, exiting 2 like the real simulator."""
    opts, i = {"--json": False}, 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--json":
            opts[arg] = True
            i += 1
        elif arg == "--list":
            print("\n".join(f"{b} ({b.split('_')[0]}, 8 entries)" for b in BUILDS))
            sys.exit(0)
        elif arg in ("--ad", "--dut", "--seed", "--cycles") and i + 1 < len(argv):
            opts["--ad" if arg == "--dut" else arg] = argv[i + 1]
            i += 2
        else:
            usage(f"bad argument '{arg}'")
    if opts.get("--ad") not in BUILDS:
        usage("--ad must be svade or svadu (--dut a build --list shows)")
    try:
        return opts["--ad"], int(opts["--seed"]), int(opts["--cycles"]), opts["--json"]
    except (KeyError, ValueError):
        usage("--seed and --cycles take numbers")


def behaviour(seed):
    """Return what this seed does: "pass" or one of the BEHAVIOURS."""
    table = BEHAVIOURS
    if "FAKE_COSIM_BEHAVIOUR" in os.environ:
        pairs = [p.split(":") for p in os.environ["FAKE_COSIM_BEHAVIOUR"].split(",") if p]
        table = {int(s): b for s, b in pairs}
    return table.get(seed, "pass")


def main():
    ad, seed, cycles, want_json = parse(sys.argv[1:])
    if os.environ.get("FAKE_COSIM_LOG"):
        with open(os.environ["FAKE_COSIM_LOG"], "a", encoding="utf-8") as f:
            f.write(" ".join(sys.argv[1:]) + "\n")
    if os.environ.get("FAKE_COSIM_PIDDIR"):
        with open(os.path.join(os.environ["FAKE_COSIM_PIDDIR"], f"{seed}-{ad}.pid"), "w") as f:
            f.write(str(os.getpid()))
    time.sleep(float(os.environ.get("FAKE_COSIM_SLEEP", "0")))
    summary = stats(seed, ad, cycles)
    print(f"pagewalk-cosim: seed {seed}, {ad}, {cycles} cycles")
    status = 0
    what = behaviour(seed)
    if what == "mismatch":
        for n in range(50):  # more than regress.py keeps
            print(f"cycle {n}: ok")
        # The shape of pagewalk-cosim's report: indented reproduce and waveform lines, then
        # the one-line result before the JSON.
        print("MISMATCH at cycle 4242: rtl resp_o=0x1 <&\"> model=0x0 \x1b[31m]]>\x1b[0m")
        print(f"  reproduce: build/cosim/pagewalk-cosim --dut {ad} --seed {seed}")
        print(f"  waveform: build/cosim/waves/{ad}-seed{seed}.fst (cycles 4042 to 4242)")
        print(f"FAIL: build {ad} ({ad}, 8 entries), seed {seed}: 4243 cycles")
        summary["mismatches"] = 1
        status = 1
    elif what == "hang":
        sys.stdout.flush()
        time.sleep(60)
    elif what == "segv":
        sys.stdout.flush()
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.kill(os.getpid(), signal.SIGSEGV)
    elif what == "nojson":
        sys.exit(0)
    elif what == "badjson":
        print(json.dumps(summary)[:40])
        sys.exit(0)
    elif what == "exit3":
        sys.stderr.write("fake_cosim: internal error: cannot allocate the TLB\n")
        sys.exit(3)
    elif what == "wrongad":  # the other policy: in "ad", and in "dut" (svade_l3 -> svadu_l3)
        policy = summary["ad"]
        other = "svade" if policy == "svadu" else "svadu"
        summary["ad"] = other
        summary["dut"] = summary["dut"].replace(policy, other, 1)
    elif what == "lies":
        summary["mismatches"] = 2
    if want_json:
        print(json.dumps(summary))
    return status


if __name__ == "__main__":
    sys.exit(main())
