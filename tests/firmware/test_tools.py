#!/usr/bin/env python3
"""The firmware's host tools on bad input: firmware/tools/mkimage.py (the file
image packer) and firmware/tools/fwsize.py (the layout report) each end with
status 1 and a one-line message naming the file and what is wrong, never a
traceback. mkimage.py's good path is checked too: the entry it writes.

usage: python3 -m unittest tests/firmware/test_tools.py
"""
import os
import struct
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
MKIMAGE = os.path.join(ROOT, "firmware", "tools", "mkimage.py")
FWSIZE = os.path.join(ROOT, "firmware", "tools", "fwsize.py")
HEADER = os.path.join(ROOT, "firmware", "include", "pw_image.h")


class Tool(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name, data=None):
        p = os.path.join(self.dir, name)
        if data is not None:
            with open(p, "wb") as f:
                f.write(data)
        return p

    def refused(self, tool, args, message):
        """The tool exits 1 with message in its one line of stderr."""
        r = subprocess.run([sys.executable, tool] + args, capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertNotIn("Traceback", r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        self.assertIn(message, r.stderr)


class MkImage(Tool):
    def test_packs_a_file_at_the_first_free_sector(self):
        out = self.path("image.bin")
        subprocess.run([sys.executable, MKIMAGE, HEADER, out, "a=" + self.path("a", b"hello")], check=True)
        with open(out, "rb") as f:
            image = f.read()
        magic, count = struct.unpack_from("<II", image, 0)
        name, first, size, flags = struct.unpack_from("<20sIII", image, 32)
        self.assertEqual((magic, count), (0x4d495750, 1))
        self.assertEqual((name.rstrip(b"\0"), first, size, flags), (b"a", 2, 5, 0))
        self.assertEqual(image[1024:1029], b"hello")

    def test_missing_input(self):
        missing = self.path("no-such-program")
        self.refused(MKIMAGE, [HEADER, self.path("image.bin"), "prog=" + missing],
                     f"mkimage: error: cannot read {missing} ('prog'): No such file or directory")

    def test_oversized_input_refused_unread(self):
        big = self.path("big")
        with open(big, "wb") as f:
            f.truncate(1 << 32)  # sparse: 4 GiB, one byte past what an entry records
        self.refused(MKIMAGE, [HEADER, self.path("image.bin"), "big=" + big],
                     f"mkimage: error: {big} ('big') is 4294967296 bytes; an image file holds at most 4294967295")

    def test_directory_input(self):
        self.refused(MKIMAGE, [HEADER, self.path("image.bin"), "d=" + self.dir], f"cannot read {self.dir} ('d')")

    def test_too_many_files(self):
        f = self.path("f", b"x")
        specs = [f"f{i}={f}" for i in range(32)]
        self.refused(MKIMAGE, [HEADER, self.path("image.bin")] + specs, "32 files; the image holds at most 31")

    def test_name_too_long(self):
        self.refused(MKIMAGE, [HEADER, self.path("image.bin"), "n" * 21 + "=" + self.path("f", b"x")],
                     "is empty or longer than 20 bytes")


class FwSize(Tool):
    def test_missing_elf(self):
        missing = self.path("kernel.elf")
        self.refused(FWSIZE, ["1048576", missing], f"fwsize.py: cannot read {missing}: No such file or directory")

    def test_not_an_elf(self):
        text = self.path("text.elf", b"not an ELF\n")
        self.refused(FWSIZE, ["1048576", text], f"fwsize.py: {text} is not a 32-bit little-endian ELF")

    def test_section_headers_past_the_end(self):
        header = bytearray(52)
        header[:6] = b"\x7fELF\x01\x01"
        struct.pack_into("<I", header, 0x20, 4096)          # e_shoff past the end
        struct.pack_into("<HHH", header, 0x2E, 40, 3, 2)    # 3 headers of 40 bytes
        elf = self.path("cut.elf", bytes(header))
        self.refused(FWSIZE, ["1048576", elf], f"fwsize.py: {elf}: truncated or damaged section headers")

    def test_bad_ram_size(self):
        self.refused(FWSIZE, ["1M", self.path("x.elf", b"")], "fwsize.py: RAM_BYTES '1M' is not a number")


if __name__ == "__main__":
    unittest.main()
