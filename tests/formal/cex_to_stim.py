#!/usr/bin/env python3
"""Turn a SymbiYosys counterexample (the VCD of pw_mmu_formal) into a stimulus.

usage: cex_to_stim.py --ad svade|svadu [--extra N] [--title TEXT] TRACE.vcd OUT.stim

The formal top's inputs are free in every cycle; a stimulus
(docs/stimulus-format.md) describes the same run the way the co-simulation
drives it: resets, context changes, accepted requests, sfences, a memory map
and a plan of ready delays and latencies. Each accepted request becomes a
`req` line at its acceptance cycle (the MMU was ready then, so it is accepted
at once); each memory access becomes a plan step and, for reads, an `m` (or
`e`) line for the word it returned. A memory that answers one word two ways
has no stimulus: that is an error naming the word and the cycles.
"""
import argparse
import sys

INPUTS = ["rst_ni", "satp_i", "sum_i", "mxr_i", "req_valid_i", "req_vaddr_i", "req_access_i",
          "req_priv_i", "sfence_valid_i", "sfence_vaddr_i", "sfence_asid_i", "sfence_all_va_i",
          "sfence_all_asid_i", "mem_req_ready_i", "mem_resp_valid_i", "mem_resp_rdata_i",
          "mem_resp_err_i"]
OUTPUTS = ["req_ready_o", "mem_req_valid_o", "mem_req_addr_o", "mem_req_we_o", "mem_req_wdata_o"]


class CexError(Exception):
    pass


def read_vcd(path):
    """Top-level signals of the VCD, sampled once per formal step: {name: [int, ...]}."""
    ids, scope, depth = {}, [], 0
    changes, now = [], 0
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if line.startswith("$scope"):
                scope.append(line.split()[2])
            elif line.startswith("$upscope"):
                scope.pop()
            elif line.startswith("$var"):
                parts = line.split()
                # Signals of the top module only, and only the first name for an id.
                if len(scope) == 1:
                    ids.setdefault(parts[3], parts[4])
            elif line.startswith("#"):
                now = int(line[1:])
            elif line.startswith("b"):
                value, ident = line[1:].split()
                changes.append((now, ident, value))
            elif line and line[0] in "01xz" and not line.startswith("$"):
                changes.append((now, line[1:], line[0]))
    if not changes:
        raise CexError(f"{path}: no value changes")
    # yosys-smtbmc writes step k at time 10*k (the clock toggles at 10*k + 5).
    steps = max(t for t, _, _ in changes) // 10 + 1
    names = {i: n for i, n in ids.items()}
    current, series = {}, {n: [] for n in names.values()}
    by_time = {}
    for t, ident, value in changes:
        by_time.setdefault(t, []).append((ident, value))
    for k in range(steps):
        for t in (10 * k, 10 * k + 5):
            for ident, value in by_time.get(t, []):
                if ident in names and t == 10 * k:
                    current[names[ident]] = value
        for n in series:
            v = current.get(n, "0").replace("x", "0").replace("z", "0")
            series[n].append(int(v, 2))
    for n in INPUTS + OUTPUTS:
        if n not in series:
            raise CexError(f"{path}: no top-level signal {n} (not a pw_mmu_formal trace?)")
    return series, steps


def convert(series, steps, ad, extra, title):
    s = {n: series[n] for n in INPUTS + OUTPUTS}
    lines_at = []          # (cycle, text)
    memory = {}            # word address -> (value or 'e', cycle it was seen)
    write_err = set()
    plan = []
    ctx = (0, 0, 0)
    held = 0               # cycles the current request was held without a handshake
    pending = None         # (handshake cycle, address, is_write, data)
    if s["rst_ni"][0] != 0:
        raise CexError("the trace does not start in reset")
    for c in range(steps):
        rst = s["rst_ni"][c] == 0
        if rst:
            lines_at.append((c, "reset"))
            pending, held = None, 0
        cur = (s["satp_i"][c], s["sum_i"][c], s["mxr_i"][c])
        if cur != ctx:
            lines_at.append((c, f"ctx {cur[0]:08x} {cur[1]} {cur[2]}"))
            ctx = cur
        if s["sfence_valid_i"][c]:
            lines_at.append((c, "sfence {:08x} {:03x} {} {}".format(
                s["sfence_vaddr_i"][c], s["sfence_asid_i"][c], s["sfence_all_va_i"][c],
                s["sfence_all_asid_i"][c])))
        if not rst and s["req_valid_i"][c] and s["req_ready_o"][c]:
            acc = "rwxx"[s["req_access_i"][c]]
            priv = "US" [s["req_priv_i"][c]] if s["req_priv_i"][c] < 2 else "M"
            lines_at.append((c, f"req {s['req_vaddr_i'][c]:08x} {acc} {priv}"))
        if rst:
            continue
        # The memory: a response ends the pending access, then a handshake may start one.
        if pending and s["mem_resp_valid_i"][c]:
            shake, addr, write, data = pending
            err = s["mem_resp_err_i"][c]
            plan[-1][1] = c - shake
            if write:
                if err:
                    write_err.add(addr)
                else:
                    memory[addr] = (data, c)
            else:
                value = "e" if err else s["mem_resp_rdata_i"][c]
                seen = memory.get(addr)
                if seen is not None and seen[0] != value and not (addr in write_err and value != "e"):
                    raise CexError(f"word {addr:x} reads {seen[0]} (cycle {seen[1]}) and {value} "
                                   f"(cycle {c}): no fixed memory answers that way")
                memory[addr] = (value, c)
            pending = None
        if s["mem_req_valid_o"][c] and pending is None:
            if s["mem_req_ready_i"][c]:
                plan.append([held, None])
                pending = (c, s["mem_req_addr_o"][c], s["mem_req_we_o"][c], s["mem_req_wdata_o"][c])
                held = 0
            else:
                held += 1
        else:
            held = 0
    if plan and plan[-1][1] is None:
        plan[-1][1] = 1     # the trace ended before the response: any latency will do
    out = ["pagewalk-stimulus 1"]
    out += [f"# {t}" for t in title.splitlines()]
    out += [f"ad {ad}", f"cycles {steps + extra}"]
    # Words the walk read first: their values before any write-back.
    first = {}
    for addr, (value, _) in memory.items():
        first.setdefault(addr, value)
    for addr in sorted(first):
        value = first[addr]
        out.append(f"e {addr:x}" if value == "e" else f"m {addr:x} {value:08x}")
    for addr in sorted(write_err):
        out.append(f"w {addr:x}")
    for ready, latency in plan or [[0, 1]]:
        out.append(f"plan {ready} {latency}")
    out += [f"@{c} {text}" for c, text in lines_at]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ad", choices=["svade", "svadu"], required=True)
    ap.add_argument("--extra", type=int, default=4, help="cycles to run past the trace (default 4)")
    ap.add_argument("--title", default="", help="comment lines for the stimulus")
    ap.add_argument("vcd")
    ap.add_argument("out")
    args = ap.parse_args()
    try:
        series, steps = read_vcd(args.vcd)
        text = convert(series, steps, args.ad, args.extra, args.title)
    except (OSError, CexError, ValueError) as e:
        print(f"cex_to_stim.py: error: {e}", file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
