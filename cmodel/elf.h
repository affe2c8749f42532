/* A small ELF loader for the ISS and the RTL SoC harness: RV32 little-endian
 * executables only.
 *
 * It checks the file is an RV32 executable, copies each PT_LOAD segment (at its
 * physical address, as QEMU's -kernel loader does) into a memory through a
 * callback, zero-fills the rest of the segment, and reports the entry point
 * and the address of the riscv-tests symbol `tohost` when the file has one.
 * Every bad input is refused before the memory is touched, with one line
 * naming the file and what is wrong, e.g.
 *
 *   prog.elf: not an RV32 ELF: machine 243 is RISC-V but the class is ELF64
 *   prog.elf: segment 1 [0x80100000, 0x80100040) is outside RAM [0x80000000, 0x80100000)
 *
 * Plain C11, no global state.
 */
#ifndef PAGEWALK_ELF_H
#define PAGEWALK_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where segments may go and how they get there. */
typedef struct {
    uint32_t ram_base; /* segments must lie inside [ram_base, ram_base + ram_bytes) */
    uint32_t ram_bytes;
    void *ctx;
    /* Copy len bytes to physical address addr (inside RAM); data NULL means
     * len zero bytes (the part of a segment beyond its file image). */
    void (*write)(void *ctx, uint32_t addr, const uint8_t *data, uint32_t len);
} pw_elf_target;

/* What a loaded executable tells its simulator. */
typedef struct {
    uint32_t entry;     /* e_entry: where execution starts */
    unsigned segments;  /* PT_LOAD segments copied */
    bool has_tohost;    /* the file defines the symbol tohost */
    uint32_t tohost;    /* its value (an address) when has_tohost */
} pw_elf_info;

/* Load the executable at path into target. On success fill *info and return
 * true. On failure return false with a one-line message naming the file in
 * err (always NUL-terminated when errlen > 0); the memory is then untouched. */
bool pw_elf_load(const char *path, const pw_elf_target *target, pw_elf_info *info,
                 char *err, size_t errlen);

/* The same from an image already in memory; name is used in messages. */
bool pw_elf_load_image(const char *name, const uint8_t *image, size_t size,
                       const pw_elf_target *target, pw_elf_info *info,
                       char *err, size_t errlen);

/* Look up a symbol in the executable's symbol table (.symtab). Returns true
 * and its value when found; false when absent or when the image has no
 * symbol table. The image must have passed pw_elf_load_image's checks. */
bool pw_elf_symbol(const uint8_t *image, size_t size, const char *name, uint32_t *value);

#endif
