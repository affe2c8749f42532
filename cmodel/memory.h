/* A sparse physical memory of 32-bit words with bus-error words: the memory
 * a .vec file describes. Unwritten words read 0. */
#ifndef PAGEWALK_MEMORY_H
#define PAGEWALK_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sv32.h"

typedef struct pw_sparse_mem pw_sparse_mem;

/* Create an empty memory; NULL when out of memory. */
pw_sparse_mem *pw_smem_new(void);
void pw_smem_free(pw_sparse_mem *m);
/* Forget every word and every bus error. */
void pw_smem_reset(pw_sparse_mem *m);
/* Set the word at pa (word-aligned); false when out of memory. */
bool pw_smem_set(pw_sparse_mem *m, uint64_t pa, uint32_t value);
/* Make the word at pa a bus error for reads and writes. */
bool pw_smem_set_error(pw_sparse_mem *m, uint64_t pa);
/* Read the word at pa; false on a bus error (value then 0). */
bool pw_smem_get(const pw_sparse_mem *m, uint64_t pa, uint32_t *value);
/* Number of words that hold a value or an error. */
size_t pw_smem_count(const pw_sparse_mem *m);
/* Call fn for every word that holds a value or an error, in no set order. */
void pw_smem_foreach(const pw_sparse_mem *m, void (*fn)(void *ctx, uint64_t pa, uint32_t value, bool error),
                     void *ctx);
/* The memory as a walker port. Writes to an error word fail. */
pw_mem pw_smem_port(pw_sparse_mem *m);

#endif
