#!/usr/bin/env python3
"""The iCEBreaker SoC's boot files (docs/fpga.md, "Loading the firmware").

  bootimage.py ldflags --defs GEN_DIR
      the linker flags that place the loader (syn/boot) in the boot ROM
  bootimage.py rom --defs GEN_DIR LOADER.elf OUT.hex
      the boot ROM's $readmemh image: one 32-bit word a line, the whole ROM
  bootimage.py image --defs GEN_DIR FIRMWARE.elf OUT.img [--hex OUT.hex]
      the boot image the loader takes (from flash or the UART): a header
      (magic, length, Fletcher sums) and the ELF's loadable bytes from MEM_RAM;
      --hex also writes it one byte a line, for the simulated flash

Every number comes from the generated C headers in GEN_DIR (pagewalk_defs.h,
pagewalk_board.h; from cmodel/gen/*.defs). Bad input (not an RV32 ELF, a
segment outside the RAM, an image too large) is an error naming the file.
"""
import argparse
import os
import re
import struct
import sys


def die(msg):
    sys.stderr.write(f"bootimage: error: {msg}\n")
    sys.exit(1)


def read_defs(gen_dir):
    """PW_* numbers of the generated headers, without the prefix."""
    defs = {}
    for name in ("pagewalk_defs.h", "pagewalk_board.h"):
        path = os.path.join(gen_dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    m = re.match(r"#define PW_(\w+) (0x[0-9a-fA-F]+|\d+)u$", line.strip())
                    if m:
                        defs[m.group(1)] = int(m.group(2), 0)
        except OSError as e:
            die(f"cannot read {path}: {e.strerror} (make builds it from cmodel/gen)")
    return defs


def load_segments(path):
    """The PT_LOAD segments of an RV32 little-endian ELF: [(paddr, bytes, memsz)], and the entry."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        die(f"cannot read {path}: {e.strerror}")
    if len(data) < 52 or data[:4] != b"\x7fELF":
        die(f"{path} is not an ELF file")
    if data[4] != 1 or data[5] != 1:
        die(f"{path} is not a 32-bit little-endian ELF")
    e_machine, = struct.unpack_from("<H", data, 18)
    if e_machine != 243:
        die(f"{path} is not a RISC-V ELF (e_machine {e_machine})")
    entry, phoff = struct.unpack_from("<II", data, 24)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    segs = []
    for i in range(phnum):
        off = phoff + i * phentsize
        if off + 32 > len(data):
            die(f"{path}: program header {i} lies outside the file")
        p_type, p_offset, _vaddr, p_paddr, p_filesz, p_memsz = struct.unpack_from("<IIIIII", data, off)
        if p_type != 1 or p_memsz == 0:
            continue
        if p_offset + p_filesz > len(data):
            die(f"{path}: segment {i} lies outside the file")
        segs.append((p_paddr, data[p_offset:p_offset + p_filesz], p_memsz))
    if not segs:
        die(f"{path} has no loadable segment")
    return segs, entry


def flat(path, base, mem_bytes, load_bytes):
    """The loadable bytes from base, as one block (gaps zero). Every segment
    must lie in [base, base + mem_bytes) and its file bytes below base + load_bytes."""
    segs, entry = load_segments(path)
    end = base
    for addr, body, memsz in segs:
        if addr < base or addr + memsz > base + mem_bytes:
            die(f"{path}: segment at 0x{addr:08x}..0x{addr + memsz:08x} lies outside "
                f"0x{base:08x}..0x{base + mem_bytes:08x}")
        end = max(end, addr + len(body))
    if end > base + load_bytes:
        die(f"{path}: its loadable bytes reach 0x{end:08x}, beyond 0x{base + load_bytes:08x} "
            f"({load_bytes} bytes)")
    block = bytearray(end - base)
    for addr, body, _ in segs:
        block[addr - base:addr - base + len(body)] = body
    return bytes(block), entry


def fletcher(data):
    a = b = 0
    for c in data:
        a = (a + c) & 0xFFFFFFFF
        b = (b + a) & 0xFFFFFFFF
    return a, b


def rom_addr(d):
    return d["MEM_RAM"] + d["UP5K_SPRAM_BYTES"]


def cmd_ldflags(d, _args):
    flags = {"__boot_rom_addr": rom_addr(d), "__boot_rom_bytes": d["BOOT_ROM_BYTES"],
             "__boot_stack_top": d["MEM_RAM"] + d["UP5K_SPRAM_BYTES"]}
    print(" ".join(f"-Wl,--defsym={k}=0x{v:x}" for k, v in flags.items()))


def cmd_rom(d, args):
    block, entry = flat(args.elf, rom_addr(d), d["BOOT_ROM_BYTES"], d["BOOT_ROM_BYTES"])
    if entry != rom_addr(d):
        die(f"{args.elf}: entry 0x{entry:08x} is not the boot ROM's start 0x{rom_addr(d):08x}")
    block += bytes(d["BOOT_ROM_BYTES"] - len(block))
    with open(args.out, "w", encoding="ascii") as f:
        for i in range(0, len(block), 4):
            f.write(f"{struct.unpack_from('<I', block, i)[0]:08x}\n")
    print(f"boot ROM: {args.out}: {len(block.rstrip(bytes(1)))} of {d['BOOT_ROM_BYTES']} bytes used")


def cmd_image(d, args):
    # The loader's stack is the end of SPRAM: what the image loads must stop
    # short of it (its bss and pools may cover it: they are set up later).
    limit = d["UP5K_SPRAM_BYTES"] - d["BOOT_STACK_BYTES"]
    block, entry = flat(args.elf, d["MEM_RAM"], d["UP5K_SPRAM_BYTES"], limit)
    if entry != d["MEM_RAM"]:
        die(f"{args.elf}: entry 0x{entry:08x} is not MEM_RAM 0x{d['MEM_RAM']:08x} (the loader jumps there)")
    a, b = fletcher(block)
    header = bytearray(d["BOOT_HDR_BYTES"])
    for field, value in (("MAGIC", d["BOOT_MAGIC"]), ("LENGTH", len(block)), ("SUM_A", a), ("SUM_B", b)):
        struct.pack_into("<I", header, d["BOOT_HDR_" + field], value)
    image = bytes(header) + block
    with open(args.out, "wb") as f:
        f.write(image)
    if args.hex:
        with open(args.hex, "w", encoding="ascii") as f:
            f.write("".join(f"{c:02x}\n" for c in image))
    print(f"boot image: {args.out}: {len(block)} bytes for 0x{d['MEM_RAM']:08x} "
          f"(at most {limit}), checksums 0x{a:08x} 0x{b:08x}; "
          f"flash it with: iceprog -o 0x{d['BOOT_FLASH_OFFSET']:x} {args.out}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ldflags")
    p.add_argument("--defs", required=True)
    p = sub.add_parser("rom")
    p.add_argument("--defs", required=True)
    p.add_argument("elf")
    p.add_argument("out")
    p = sub.add_parser("image")
    p.add_argument("--defs", required=True)
    p.add_argument("elf")
    p.add_argument("out")
    p.add_argument("--hex")
    args = ap.parse_args()
    d = read_defs(args.defs)
    {"ldflags": cmd_ldflags, "rom": cmd_rom, "image": cmd_image}[args.cmd](d, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
