/* Sparse word memory: an open-addressing hash table keyed by word address. */
#include "memory.h"

#include <stdlib.h>

typedef struct {
    uint64_t word;   /* pa >> 2, plus one so that 0 marks an empty slot */
    uint32_t value;
    bool error;
} slot;

struct pw_sparse_mem {
    slot *slots;
    size_t capacity; /* a power of two */
    size_t used;
};

enum { INITIAL_CAPACITY = 1024 };

static size_t hash(uint64_t key, size_t capacity)
{
    key *= 0x9e3779b97f4a7c15ull; /* Fibonacci hashing spreads sequential words */
    return (size_t)(key >> 32) & (capacity - 1);
}

pw_sparse_mem *pw_smem_new(void)
{
    pw_sparse_mem *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->slots = calloc(INITIAL_CAPACITY, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    m->capacity = INITIAL_CAPACITY;
    return m;
}

void pw_smem_free(pw_sparse_mem *m)
{
    if (m)
        free(m->slots);
    free(m);
}

void pw_smem_reset(pw_sparse_mem *m)
{
    for (size_t i = 0; i < m->capacity; i++)
        m->slots[i] = (slot){0};
    m->used = 0;
}

/* The slot holding key, or the empty slot where it would go. */
static slot *find(const pw_sparse_mem *m, uint64_t key)
{
    size_t i = hash(key, m->capacity);
    while (m->slots[i].word != 0 && m->slots[i].word != key)
        i = (i + 1) & (m->capacity - 1);
    return &m->slots[i];
}

static bool grow(pw_sparse_mem *m)
{
    slot *old = m->slots;
    size_t old_capacity = m->capacity;
    slot *fresh = calloc(old_capacity * 2, sizeof *fresh);
    if (!fresh)
        return false;
    m->slots = fresh;
    m->capacity = old_capacity * 2;
    for (size_t i = 0; i < old_capacity; i++)
        if (old[i].word)
            *find(m, old[i].word) = old[i];
    free(old);
    return true;
}

/* The slot for pa, created when missing; NULL when out of memory. */
static slot *claim(pw_sparse_mem *m, uint64_t pa)
{
    uint64_t key = (pa >> 2) + 1;
    if ((m->used + 1) * 4 > m->capacity * 3 && !grow(m)) /* keep the load under 3/4 */
        return NULL;
    slot *s = find(m, key);
    if (s->word == 0) {
        s->word = key;
        s->value = 0;
        s->error = false;
        m->used++;
    }
    return s;
}

bool pw_smem_set(pw_sparse_mem *m, uint64_t pa, uint32_t value)
{
    slot *s = claim(m, pa);
    if (!s)
        return false;
    s->value = value;
    s->error = false;
    return true;
}

bool pw_smem_set_error(pw_sparse_mem *m, uint64_t pa)
{
    slot *s = claim(m, pa);
    if (!s)
        return false;
    s->value = 0;
    s->error = true;
    return true;
}

bool pw_smem_get(const pw_sparse_mem *m, uint64_t pa, uint32_t *value)
{
    const slot *s = find(m, (pa >> 2) + 1);
    *value = s->word ? s->value : 0;
    return !(s->word && s->error);
}

size_t pw_smem_count(const pw_sparse_mem *m)
{
    return m->used;
}

void pw_smem_foreach(const pw_sparse_mem *m, void (*fn)(void *ctx, uint64_t pa, uint32_t value, bool error),
                     void *ctx)
{
    for (size_t i = 0; i < m->capacity; i++)
        if (m->slots[i].word)
            fn(ctx, (m->slots[i].word - 1) << 2, m->slots[i].value, m->slots[i].error);
}

static bool port_read(void *ctx, uint64_t pa, uint32_t *value)
{
    return pw_smem_get(ctx, pa, value);
}

static bool port_write(void *ctx, uint64_t pa, uint32_t value)
{
    pw_sparse_mem *m = ctx;
    uint32_t ignored;
    if (!pw_smem_get(m, pa, &ignored))
        return false;
    return pw_smem_set(m, pa, value);
}

pw_mem pw_smem_port(pw_sparse_mem *m)
{
    return (pw_mem){.ctx = m, .read = port_read, .write = port_write};
}
