/* riscv.h: CSR access and the few privileged instructions, as inline asm.
 * Field and bit values come from the generated headers (build/gen). */
#ifndef RISCV_H
#define RISCV_H

#include <stdint.h>
#include "pagewalk_defs.h"
#include "pagewalk_core.h"

#define csr_read(name) ({ uint32_t v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define csr_write(name, v) __asm__ volatile("csrw " #name ", %0" : : "r"((uint32_t)(v)) : "memory")
#define csr_set(name, v) __asm__ volatile("csrs " #name ", %0" : : "r"((uint32_t)(v)) : "memory")
#define csr_clear(name, v) __asm__ volatile("csrc " #name ", %0" : : "r"((uint32_t)(v)) : "memory")

static inline void sfence_vma_all(void) { __asm__ volatile("sfence.vma zero, zero" ::: "memory"); }
static inline void sfence_vma_asid(uint32_t asid) { __asm__ volatile("sfence.vma zero, %0" : : "r"(asid) : "memory"); }
static inline void sfence_vma_page(uint32_t va, uint32_t asid) { __asm__ volatile("sfence.vma %0, %1" : : "r"(va), "r"(asid) : "memory"); }

static inline uint32_t mmio_read32(uint32_t addr) { return *(volatile uint32_t *)addr; }
static inline void mmio_write32(uint32_t addr, uint32_t v) { *(volatile uint32_t *)addr = v; }
static inline uint8_t mmio_read8(uint32_t addr) { return *(volatile uint8_t *)addr; }
static inline void mmio_write8(uint32_t addr, uint8_t v) { *(volatile uint8_t *)addr = v; }

#endif
