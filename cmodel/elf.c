/* The ELF loader: ELF32 little-endian RISC-V executables, read field by field
 * from the bytes (no host struct layout assumed). Every check runs before any
 * segment is copied, so a refused file leaves the memory untouched. */
#include "elf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ELF constants (System V ABI, and the RISC-V ELF psABI for the machine and
 * flags). */
enum {
    EHDR_BYTES = 52,
    PHDR_BYTES = 32,
    SHDR_BYTES = 40,
    SYM_BYTES = 16,
    EI_CLASS = 4,
    EI_DATA = 5,
    ELFCLASS32 = 1,
    ELFCLASS64 = 2,
    ELFDATA2LSB = 1,
    ET_REL = 1,
    ET_EXEC = 2,
    ET_DYN = 3,
    EM_RISCV = 243,
    EF_RISCV_RVC = 1,
    PT_LOAD = 1,
    SHT_SYMTAB = 2,
};

/* Header field offsets. */
enum {
    E_TYPE = 16, E_MACHINE = 18, E_ENTRY = 24, E_PHOFF = 28, E_SHOFF = 32,
    E_FLAGS = 36, E_PHENTSIZE = 42, E_PHNUM = 44, E_SHENTSIZE = 46, E_SHNUM = 48,
    P_TYPE = 0, P_OFFSET = 4, P_PADDR = 12, P_FILESZ = 16, P_MEMSZ = 20,
    SH_TYPE = 4, SH_OFFSET = 16, SH_SIZE = 20, SH_LINK = 24,
    ST_NAME = 0, ST_VALUE = 4,
};

static uint32_t le16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static bool fail(char *err, size_t errlen, const char *name, const char *fmt, ...)
{
    if (errlen == 0)
        return false;
    int n = snprintf(err, errlen, "%s: ", name);
    if (n >= 0 && (size_t)n < errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return false;
}

static const char *type_name(uint32_t type)
{
    switch (type) {
    case ET_REL: return "a relocatable object (.o); link it into an executable";
    case ET_DYN: return "a shared object or PIE; link it with -static at a fixed address";
    case 4: return "a core dump";
    default: return "of an unknown type";
    }
}

/* The identification and header checks shared by loading and symbol lookup. */
static bool check_header(const char *name, const uint8_t *img, size_t size, char *err, size_t errlen)
{
    static const uint8_t magic[4] = {0x7f, 'E', 'L', 'F'};
    if (size < 4 || memcmp(img, magic, 4) != 0)
        return fail(err, errlen, name, "not an ELF file (it does not start with 0x7f 'E' 'L' 'F')");
    if (size < EHDR_BYTES)
        return fail(err, errlen, name, "truncated: %zu bytes, shorter than the 52-byte ELF header", size);
    if (img[EI_CLASS] != ELFCLASS32) {
        if (img[EI_CLASS] == ELFCLASS64)
            return fail(err, errlen, name, "not an RV32 ELF: the class is ELF64 (build with -march=rv32i -mabi=ilp32)");
        return fail(err, errlen, name, "not an RV32 ELF: unknown ELF class %u", img[EI_CLASS]);
    }
    if (img[EI_DATA] != ELFDATA2LSB)
        return fail(err, errlen, name, "not an RV32 ELF: big-endian data (RISC-V is little-endian)");
    uint32_t machine = le16(img + E_MACHINE);
    if (machine != EM_RISCV)
        return fail(err, errlen, name, "not an RV32 ELF: machine %u is not RISC-V (243)", machine);
    uint32_t type = le16(img + E_TYPE);
    if (type != ET_EXEC)
        return fail(err, errlen, name, "not an executable: the file is %s", type_name(type));
    if (le32(img + E_FLAGS) & EF_RISCV_RVC)
        return fail(err, errlen, name, "built for the C extension (compressed instructions), which the core "
                    "does not have (build with -march=rv32i or rv32im)");
    return true;
}

/* The range [off, off + len) lies inside the file. */
static bool in_file(size_t size, uint64_t off, uint64_t len) { return off <= size && len <= size - off; }

bool pw_elf_load_image(const char *name, const uint8_t *img, size_t size,
                       const pw_elf_target *t, pw_elf_info *info, char *err, size_t errlen)
{
    if (errlen > 0)
        err[0] = '\0';
    if (!check_header(name, img, size, err, errlen))
        return false;

    uint32_t phoff = le32(img + E_PHOFF), phnum = le16(img + E_PHNUM);
    uint32_t phentsize = le16(img + E_PHENTSIZE);
    if (phnum == 0)
        return fail(err, errlen, name, "no program headers: nothing to load");
    if (phentsize < PHDR_BYTES)
        return fail(err, errlen, name, "program header entries of %u bytes; ELF32 needs %u", phentsize, PHDR_BYTES);
    if (!in_file(size, phoff, (uint64_t)phnum * phentsize))
        return fail(err, errlen, name, "truncated: the %u program headers at offset %u run past the end "
                    "of the file (%zu bytes)", phnum, phoff, size);

    /* First pass: every check, so a bad file leaves memory untouched. */
    uint64_t ram_end = (uint64_t)t->ram_base + t->ram_bytes;
    unsigned loads = 0;
    for (uint32_t i = 0; i < phnum; i++) {
        const uint8_t *ph = img + phoff + (size_t)i * phentsize;
        if (le32(ph + P_TYPE) != PT_LOAD)
            continue;
        uint32_t off = le32(ph + P_OFFSET), pa = le32(ph + P_PADDR);
        uint32_t filesz = le32(ph + P_FILESZ), memsz = le32(ph + P_MEMSZ);
        if (filesz > memsz)
            return fail(err, errlen, name, "segment %u: file size %u is larger than its memory size %u", i,
                        filesz, memsz);
        if (!in_file(size, off, filesz))
            return fail(err, errlen, name, "truncated: segment %u needs bytes [%u, %llu) of the file, which "
                        "has %zu", i, off, (unsigned long long)off + filesz, size);
        if (memsz == 0)
            continue;
        uint64_t end = (uint64_t)pa + memsz;
        if (pa < t->ram_base || end > ram_end) {
            /* Two common causes deserve a hint: a program larger than RAM,
             * and a default linker script that loads the ELF headers in the
             * page below the code. */
            const char *hint = end > ram_end && pa >= t->ram_base ? " (a larger --ram?)"
                             : off == 0 && end > t->ram_base ? " (it holds the ELF headers: link with -Wl,-N or a "
                                                               "linker script that starts at RAM)"
                             : "";
            return fail(err, errlen, name, "segment %u [0x%08x, 0x%08llx) is outside RAM [0x%08x, 0x%08llx)%s", i,
                        pa, (unsigned long long)end, t->ram_base, (unsigned long long)ram_end, hint);
        }
        loads++;
    }
    if (loads == 0)
        return fail(err, errlen, name, "no loadable (PT_LOAD) segment with bytes in it");
    uint32_t entry = le32(img + E_ENTRY);
    if (entry < t->ram_base || entry >= ram_end)
        return fail(err, errlen, name, "entry point 0x%08x is outside RAM [0x%08x, 0x%08llx)", entry,
                    t->ram_base, (unsigned long long)ram_end);
    if (entry & 3)
        return fail(err, errlen, name, "entry point 0x%08x is not 4-byte aligned", entry);

    /* Second pass: copy. */
    for (uint32_t i = 0; i < phnum; i++) {
        const uint8_t *ph = img + phoff + (size_t)i * phentsize;
        uint32_t memsz = le32(ph + P_MEMSZ);
        if (le32(ph + P_TYPE) != PT_LOAD || memsz == 0)
            continue;
        uint32_t off = le32(ph + P_OFFSET), pa = le32(ph + P_PADDR), filesz = le32(ph + P_FILESZ);
        if (filesz > 0)
            t->write(t->ctx, pa, img + off, filesz);
        if (memsz > filesz)
            t->write(t->ctx, pa + filesz, NULL, memsz - filesz);
    }
    info->entry = entry;
    info->segments = loads;
    info->has_tohost = pw_elf_symbol(img, size, "tohost", &info->tohost);
    if (!info->has_tohost)
        info->tohost = 0;
    return true;
}

bool pw_elf_symbol(const uint8_t *img, size_t size, const char *name, uint32_t *value)
{
    if (size < EHDR_BYTES)
        return false;
    uint32_t shoff = le32(img + E_SHOFF), shnum = le16(img + E_SHNUM);
    uint32_t shentsize = le16(img + E_SHENTSIZE);
    if (shoff == 0 || shentsize < SHDR_BYTES || !in_file(size, shoff, (uint64_t)shnum * shentsize))
        return false;
    size_t want = strlen(name);
    for (uint32_t i = 0; i < shnum; i++) {
        const uint8_t *sh = img + shoff + (size_t)i * shentsize;
        if (le32(sh + SH_TYPE) != SHT_SYMTAB)
            continue;
        uint32_t symoff = le32(sh + SH_OFFSET), symsize = le32(sh + SH_SIZE), link = le32(sh + SH_LINK);
        if (link >= shnum || !in_file(size, symoff, symsize))
            return false;
        const uint8_t *strsh = img + shoff + (size_t)link * shentsize;
        uint32_t stroff = le32(strsh + SH_OFFSET), strsize = le32(strsh + SH_SIZE);
        if (!in_file(size, stroff, strsize))
            return false;
        for (uint32_t s = 0; s + SYM_BYTES <= symsize; s += SYM_BYTES) {
            const uint8_t *sym = img + symoff + s;
            uint32_t n = le32(sym + ST_NAME);
            if (n >= strsize || strsize - n <= want)
                continue;
            const char *str = (const char *)img + stroff + n;
            if (memcmp(str, name, want) == 0 && str[want] == '\0') {
                *value = le32(sym + ST_VALUE);
                return true;
            }
        }
    }
    return false;
}

bool pw_elf_load(const char *path, const pw_elf_target *t, pw_elf_info *info, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(err, errlen, path, "cannot open: %s", strerror(errno));
    uint8_t *img = NULL;
    size_t size = 0, cap = 0;
    for (;;) {
        if (size == cap) {
            cap = cap ? cap * 2 : 65536;
            uint8_t *bigger = realloc(img, cap);
            if (!bigger) {
                free(img);
                fclose(f);
                return fail(err, errlen, path, "out of memory reading the file");
            }
            img = bigger;
        }
        size_t got = fread(img + size, 1, cap - size, f);
        size += got;
        if (got == 0)
            break;
    }
    bool read_error = ferror(f) != 0;
    fclose(f);
    bool ok = read_error ? fail(err, errlen, path, "read error (is it a directory?)")
                         : pw_elf_load_image(path, img, size, t, info, err, errlen);
    free(img);
    return ok;
}
