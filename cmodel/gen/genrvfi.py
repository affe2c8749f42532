#!/usr/bin/env python3
"""Turn the retirement record's description (cmodel/gen/rvfi.ports) into the
Verilog port lists of the cores and systems that carry it and the C glue of
the harnesses that read and compare it.

usage: genrvfi.py RVFI.PORTS [--c OUT.h] [--verilog OUT.vh]

--c        C X-macro lists: the fields lockstep compares (PW_RVFI_COMPARED),
           ours (PW_RVFI_EXT), and the valid port's name; used by
           pw_rvfi_equal (cmodel/iss.c), the lockstep report and the
           Verilated glue that fills a pw_rvfi from the ports (sim/soc)
--verilog  Verilog macros: the record as output wires (pw_core, pw_soc), as
           output regs (pw_core_rvfi, which registers it) and the connection
           of an instance's record ports to same-named wires or ports
The format is mmu.ports's (cmodel/gen/genports.py), described at the top of
cmodel/gen/rvfi.ports.
"""
import argparse
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from genports import banner, c_xlist, die, parse, verilog_macro  # noqa: E402

GROUPS = ("valid", "rvfi", "ext")
GENERATOR = "cmodel/gen/genrvfi.py"


def port_name(p):
    """valid, rvfi: rvfi_NAME (riscv-formal's); ext: rvfi_ext_NAME (ours)."""
    return f"rvfi_ext_{p.name}" if p.group == "ext" else f"rvfi_{p.name}"


def check(ports, source):
    for p in ports:
        if p.dir != "out":
            die(source, f"'{p.name}': every port of the record is an output (out)")
        if p.group not in GROUPS:
            die(source, f"'{p.name}': GROUP must be one of {', '.join(GROUPS)}, not '{p.group}'")
    if [p.group for p in ports].count("valid") != 1:
        die(source, "exactly one port of GROUP valid expected")


def c_header(ports, source):
    def xlist(macro, doc, items):
        return c_xlist(macro, doc, items, lambda p: f"{p.name}, {port_name(p)}, {p.width}")

    valid = next(p for p in ports if p.group == "valid")
    out = [f"/* {banner(source, GENERATOR)} */", "#ifndef PW_RVFI_PORTS_H", "#define PW_RVFI_PORTS_H", "",
           "/* The retirement record (docs/core.md, \"Retirement records\"). Each list calls X",
           " * once per port, in port order, as X(NAME, PORT, WIDTH): NAME the field of",
           " * pw_rvfi (cmodel/iss.h), PORT the RTL's output (Verilator's member), WIDTH",
           " * in bits. */"]
    out += xlist("PW_RVFI_COMPARED", "riscv-formal's fields: lockstep compares each of them.",
                 [p for p in ports if p.group == "rvfi"])
    out += xlist("PW_RVFI_EXT", "Ours, for reports and the checks around the comparison; not compared.",
                 [p for p in ports if p.group == "ext"])
    out += ["", "/* The port that says a record is there. */", f"#define PW_RVFI_VALID_PORT {port_name(valid)}",
            "", "#endif", ""]
    return "\n".join(out)


def verilog_include(ports, source):
    width = max(len(p.vrange) for p in ports)

    def macro(name, doc, items):
        return verilog_macro(name, doc, items, ",")

    out = [f"// {banner(source, GENERATOR)}", "`ifndef PW_RVFI_PORTS_VH", "`define PW_RVFI_PORTS_VH"]
    out += macro("PW_RVFI_OUTPUTS",
                 ["The retirement record as output wires, for a module that passes it on",
                  "(pw_core, pw_soc). No comma before or after: the port list supplies them."],
                 [f"output wire {p.vrange:<{width}} {port_name(p)}" for p in ports])
    out += macro("PW_RVFI_OUTPUT_REGS",
                 ["The same as output regs, for the module that registers it (pw_core_rvfi)."],
                 [f"output reg  {p.vrange:<{width}} {port_name(p)}" for p in ports])
    out += macro("PW_RVFI_CONNECT",
                 ["An instance's record ports connected to the same names in the module",
                  "around it."],
                 [f".{port_name(p)}({port_name(p)})" for p in ports])
    out += ["", "`endif", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ports")
    ap.add_argument("--c", metavar="OUT.h")
    ap.add_argument("--verilog", metavar="OUT.vh")
    args = ap.parse_args()
    ports = parse(args.ports, clock_ports=0)
    check(ports, args.ports)
    if args.c:
        with open(args.c, "w", encoding="utf-8") as f:
            f.write(c_header(ports, args.ports))
    if args.verilog:
        with open(args.verilog, "w", encoding="utf-8") as f:
            f.write(verilog_include(ports, args.ports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
