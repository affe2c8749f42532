#!/usr/bin/env python3
"""Build the kernel's file image: the user programs and data files, packed
into sectors with a header the kernel's fs.c reads.

Usage: mkimage.py HEADER OUT.bin NAME=PATH[:rw] ...
HEADER is firmware/include/pw_image.h: the format's numbers are read from it,
so the C side and this script share one definition. A ':rw' suffix marks a
file that shared mappings may write back.
"""
import re
import struct
import sys


def die(msg):
    sys.stderr.write(f"mkimage: error: {msg}\n")
    sys.exit(1)


def read_defs(header):
    defs = {}
    with open(header, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#define\s+(PW_IMAGE_\w+)\s+(0x[0-9a-fA-F]+|\d+)", line)
            if m:
                defs[m.group(1)] = int(m.group(2), 0)
    need = ["MAGIC", "HEADER_BYTES", "NAME_BYTES", "MAX_FILES", "WRITABLE", "ENTRY_OFFSET", "ENTRY_BYTES"]
    for n in need:
        if "PW_IMAGE_" + n not in defs:
            die(f"{header} does not define PW_IMAGE_{n}")
    return {n: defs["PW_IMAGE_" + n] for n in need}


def main(argv):
    if len(argv) < 3:
        die("usage: mkimage.py HEADER OUT.bin NAME=PATH[:rw] ...")
    d = read_defs(argv[0])
    sector = 512
    entries, blobs = [], []
    next_sector = d["HEADER_BYTES"] // sector
    for spec in argv[2:]:
        if "=" not in spec:
            die(f"'{spec}' is not NAME=PATH[:rw]")
        name, path = spec.split("=", 1)
        flags = 0
        if path.endswith(":rw"):
            path, flags = path[:-3], d["WRITABLE"]
        if not name or len(name.encode()) > d["NAME_BYTES"]:
            die(f"file name '{name}' is empty or longer than {d['NAME_BYTES']} bytes")
        if any(e[0] == name for e in entries):
            die(f"file name '{name}' given twice")
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            die(f"cannot read {path}: {e.strerror}")
        entries.append((name, next_sector, len(data), flags))
        padded = data + b"\0" * (-len(data) % sector)
        blobs.append(padded)
        next_sector += len(padded) // sector
    if len(entries) > d["MAX_FILES"]:
        die(f"{len(entries)} files; the image holds at most {d['MAX_FILES']}")
    header = struct.pack("<II", d["MAGIC"], len(entries)).ljust(d["ENTRY_OFFSET"], b"\0")
    for name, first, size, flags in entries:
        header += struct.pack(f"<{d['NAME_BYTES']}sIII", name.encode(), first, size, flags).ljust(d["ENTRY_BYTES"], b"\0")
    header = header.ljust(d["HEADER_BYTES"], b"\0")
    with open(argv[1], "wb") as f:
        f.write(header)
        for b in blobs:
            f.write(b)


if __name__ == "__main__":
    main(sys.argv[1:])
