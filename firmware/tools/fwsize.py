#!/usr/bin/env python3
"""Print a firmware ELF's layout: the size of each part and where RAM use ends.

Usage: fwsize.py RAM_BYTES ELF ...
Reads the section headers of each (32-bit little-endian) ELF: .text, .rodata,
.data (the kernel and M-mode layer), .image (the file image), .bss, .pool
(page-table pool, frame pool, swap area). RAM_BYTES is the profile's RAM.
"""
import struct
import sys


def sections(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 1 or data[5] != 1:
        sys.exit(f"fwsize.py: {path} is not a 32-bit little-endian ELF")
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    heads = [struct.unpack_from("<IIIIIIIIII", data, shoff + i * shentsize) for i in range(shnum)]
    strtab = heads[shstrndx][4]
    out = {}
    for h in heads:
        name = data[strtab + h[0]:data.index(b"\0", strtab + h[0])].decode()
        out[name] = (h[3], h[5])   # address, size
    return out


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: fwsize.py RAM_BYTES ELF ...")
    ram = int(argv[0], 0)
    for path in argv[1:]:
        s = sections(path)
        get = lambda n: s.get(n, (0, 0))[1]  # noqa: E731
        end = s[".pool"][0] + get(".pool") if ".pool" in s else max(a + z for a, z in s.values())
        used = end - 0x80000000
        print(f"{path}: kernel text {get('.text')} rodata {get('.rodata')} data {get('.data')}, "
              f"image {get('.image')}, bss {get('.bss')}, pools {get('.pool')}: "
              f"{used // 1024} KiB of {ram // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1:])
