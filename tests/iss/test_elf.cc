// The ELF loader (cmodel/elf.c): a valid RV32 executable loads, and every kind
// of bad input is refused with a message naming the file and the problem,
// leaving the memory untouched.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "iss_shim.h"

namespace {

constexpr uint32_t kRam = 0x80000000u;
constexpr uint32_t kRamBytes = 0x10000u;

void put16(std::vector<uint8_t> &b, size_t at, uint32_t v)
{
    b[at] = uint8_t(v);
    b[at + 1] = uint8_t(v >> 8);
}
void put32(std::vector<uint8_t> &b, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b[at + i] = uint8_t(v >> (8 * i));
}

// A minimal executable written field by field from the ELF specification:
// header, one PT_LOAD (8 bytes of code, 8 more zero-filled), and a symbol
// table with `tohost` at kRam + 0x100 (section headers: null, .symtab, .strtab).
struct ElfBuilder {
    uint32_t entry = kRam;
    uint32_t paddr = kRam;
    uint32_t filesz = 8, memsz = 16;
    bool with_tohost = true;

    std::vector<uint8_t> build() const
    {
        const size_t ph = 52, code = ph + 32, strtab = code + 8, symtab = strtab + 16, sh = symtab + 32;
        std::vector<uint8_t> b(sh + 3 * 40, 0);
        const uint8_t ident[] = {0x7f, 'E', 'L', 'F', 1, 1, 1};
        std::memcpy(b.data(), ident, sizeof ident);
        put16(b, 16, 2);        // ET_EXEC
        put16(b, 18, 243);      // EM_RISCV
        put32(b, 20, 1);
        put32(b, 24, entry);
        put32(b, 28, ph);
        put32(b, 32, sh);
        put16(b, 40, 52);
        put16(b, 42, 32);
        put16(b, 44, 1);
        put16(b, 46, 40);
        put16(b, 48, 3);
        // program header
        put32(b, ph + 0, 1);    // PT_LOAD
        put32(b, ph + 4, code);
        put32(b, ph + 8, paddr);
        put32(b, ph + 12, paddr);
        put32(b, ph + 16, filesz);
        put32(b, ph + 20, memsz);
        for (int i = 0; i < 8; i++)
            b[code + i] = uint8_t(0xa0 + i);
        // .strtab: "\0tohost\0"
        std::memcpy(&b[strtab], with_tohost ? "\0tohost\0" : "\0fromhst\0", 8);
        // .symtab: the null symbol, then tohost
        put32(b, symtab + 16, 1);
        put32(b, symtab + 20, kRam + 0x100);
        // section headers: [1] .symtab linked to [2] .strtab
        put32(b, sh + 40 + 4, 2);
        put32(b, sh + 40 + 16, symtab);
        put32(b, sh + 40 + 20, 32);
        put32(b, sh + 40 + 24, 2);
        put32(b, sh + 80 + 4, 3);
        put32(b, sh + 80 + 16, strtab);
        put32(b, sh + 80 + 20, 16);
        return b;
    }
};

// RAM as a byte map, recording every callback.
struct Ram {
    std::map<uint32_t, uint8_t> bytes;
    int calls = 0;
    static void write(void *ctx, uint32_t addr, const uint8_t *data, uint32_t len)
    {
        Ram *r = static_cast<Ram *>(ctx);
        r->calls++;
        for (uint32_t i = 0; i < len; i++)
            r->bytes[addr + i] = data ? data[i] : 0;
    }
    pw_elf_target target() { return pw_elf_target{kRam, kRamBytes, this, &Ram::write}; }
};

// Load an image; return the error ("" on success).
std::string load(const std::vector<uint8_t> &img, Ram &ram, pw_elf_info *info = nullptr)
{
    pw_elf_info local;
    char err[256];
    pw_elf_target t = ram.target();
    bool ok = pw_elf_load_image("prog.elf", img.data(), img.size(), &t, info ? info : &local, err, sizeof err);
    EXPECT_EQ(ok, err[0] == '\0');
    return ok ? "" : err;
}

TEST(ElfLoader, LoadsSegmentZeroFillsAndFindsTohost)
{
    Ram ram;
    pw_elf_info info;
    ASSERT_EQ(load(ElfBuilder().build(), ram, &info), "");
    EXPECT_EQ(info.entry, kRam);
    EXPECT_EQ(info.segments, 1u);
    EXPECT_TRUE(info.has_tohost);
    EXPECT_EQ(info.tohost, kRam + 0x100);
    ASSERT_EQ(ram.bytes.size(), 16u);
    EXPECT_EQ(ram.bytes[kRam], 0xa0);
    EXPECT_EQ(ram.bytes[kRam + 7], 0xa7);
    EXPECT_EQ(ram.bytes[kRam + 8], 0x00);
    EXPECT_EQ(ram.bytes[kRam + 15], 0x00);
}

TEST(ElfLoader, NoTohostSymbol)
{
    Ram ram;
    pw_elf_info info;
    ElfBuilder e;
    e.with_tohost = false;
    ASSERT_EQ(load(e.build(), ram, &info), "");
    EXPECT_FALSE(info.has_tohost);
}

// Each bad input: its message, and no byte written.
struct BadCase {
    const char *what;
    std::vector<uint8_t> image;
    const char *message;
};

std::vector<BadCase> bad_cases()
{
    std::vector<BadCase> cases;
    auto good = ElfBuilder().build();
    auto with = [&](const char *what, const char *message, auto edit) {
        auto img = good;
        edit(img);
        cases.push_back({what, img, message});
    };
    with("text file", "prog.elf: not an ELF file", [](auto &b) { std::memcpy(b.data(), "#!/b", 4); });
    with("ELF64", "prog.elf: not an RV32 ELF: the class is ELF64", [](auto &b) { b[4] = 2; });
    with("big-endian", "prog.elf: not an RV32 ELF: big-endian", [](auto &b) { b[5] = 2; });
    with("x86", "prog.elf: not an RV32 ELF: machine 3 is not RISC-V", [](auto &b) { put16(b, 18, 3); });
    with("object file", "prog.elf: not an executable: the file is a relocatable object",
         [](auto &b) { put16(b, 16, 1); });
    with("RVC", "prog.elf: built for the C extension", [](auto &b) { put32(b, 36, 1); });
    with("header only", "prog.elf: truncated: 20 bytes", [](auto &b) { b.resize(20); });
    with("program headers cut", "prog.elf: truncated: the 1 program headers at offset 52",
         [](auto &b) { b.resize(60); });
    with("segment bytes cut", "prog.elf: truncated: segment 0 needs bytes [84, 92)",
         [](auto &b) { b.resize(88); });
    {
        ElfBuilder e;
        e.paddr = 0x10000000;
        e.entry = kRam;
        cases.push_back({"below RAM", e.build(),
                         "prog.elf: segment 0 [0x10000000, 0x10000010) is outside RAM [0x80000000, 0x80010000)"});
    }
    {
        ElfBuilder e; // the headers loaded in the page below the code (default linker scripts)
        e.paddr = kRam - 0x40;
        e.memsz = e.filesz = 0x48;
        e.entry = kRam;
        auto img = e.build();
        put32(img, 52 + 4, 0); // p_offset 0: the segment starts with the ELF header
        cases.push_back({"headers below RAM", img,
                         "prog.elf: segment 0 [0x7fffffc0, 0x80000008) is outside RAM [0x80000000, 0x80010000) "
                         "(it holds the ELF headers: link with -Wl,-N or a linker script that starts at RAM)"});
    }
    {
        ElfBuilder e;
        e.paddr = kRam + kRamBytes - 8;
        cases.push_back({"past RAM", e.build(),
                         "prog.elf: segment 0 [0x8000fff8, 0x80010008) is outside RAM [0x80000000, 0x80010000) "
                         "(a larger --ram?)"});
    }
    {
        ElfBuilder e;
        e.filesz = 16;
        e.memsz = 8;
        cases.push_back({"filesz > memsz", e.build(), "prog.elf: segment 0: file size 16 is larger than"});
    }
    {
        ElfBuilder e;
        e.entry = 0x1000;
        cases.push_back({"entry outside RAM", e.build(), "prog.elf: entry point 0x00001000 is outside RAM"});
    }
    {
        ElfBuilder e;
        e.entry = kRam + 2;
        cases.push_back({"entry misaligned", e.build(), "prog.elf: entry point 0x80000002 is not 4-byte aligned"});
    }
    return cases;
}

TEST(ElfLoader, RefusesEveryBadInputWithItsReason)
{
    for (const BadCase &c : bad_cases()) {
        SCOPED_TRACE(c.what);
        Ram ram;
        std::string err = load(c.image, ram);
        EXPECT_EQ(err.rfind(c.message, 0), 0u) << "message: " << err;
        EXPECT_EQ(ram.calls, 0) << "memory written for a refused file";
    }
}

TEST(ElfLoader, MissingFileNamesItAndTheReason)
{
    Ram ram;
    pw_elf_info info;
    char err[256];
    pw_elf_target t = ram.target();
    ASSERT_FALSE(pw_elf_load("/nonexistent/prog.elf", &t, &info, err, sizeof err));
    EXPECT_STREQ(err, "/nonexistent/prog.elf: cannot open: No such file or directory");
}

TEST(ElfLoader, ReadsFromAFile)
{
    std::string path = std::string(ISS_TEST_TMP) + "/good.elf";
    auto img = ElfBuilder().build();
    FILE *f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(img.data(), 1, img.size(), f);
    std::fclose(f);
    Ram ram;
    pw_elf_info info;
    char err[256];
    pw_elf_target t = ram.target();
    ASSERT_TRUE(pw_elf_load(path.c_str(), &t, &info, err, sizeof err)) << err;
    EXPECT_EQ(ram.bytes[kRam + 3], 0xa3);
}

TEST(ElfLoader, IssLoadSetsPcAndKeepsStateOnError)
{
    pw_iss_config cfg;
    pw_iss_config_default(&cfg);
    pw_iss *iss = pw_iss_new(&cfg);
    ASSERT_NE(iss, nullptr);
    char err[256];
    EXPECT_FALSE(pw_iss_load_elf(iss, "/nonexistent.elf", err, sizeof err));
    EXPECT_EQ(pw_iss_pc(iss), kRam);
    pw_iss_free(iss);
}

} // namespace
