/* The self-test's walker memory: the RAM as rtl/board/pw_board_mem.v builds
 * it, and the random page tables in it. */
#include "selftest_gen.h"

static const uint64_t RAM_BASE = PW_MEM_RAM;
static const uint64_t RAM_BYTES = (uint64_t)TABLES << PW_SV32_PAGE_SHIFT;

/* ------------------------------------------------------------ random numbers */
void st_rng_seed(st_rng *r, uint64_t seed) { r->state = seed * 0x9e3779b97f4a7c15ull + 1; }

uint32_t st_rand(st_rng *r)
{
    r->state ^= r->state << 13;
    r->state ^= r->state >> 7;
    r->state ^= r->state << 17;
    return (uint32_t)(r->state >> 16);
}

int st_chance(st_rng *r, unsigned percent)
{
    return st_rand(r) % 100 < percent;
}

/* ------------------------------------------------------------ the memory */
static int ram_index(uint64_t pa, unsigned *index)
{
    if (pa < RAM_BASE || pa >= RAM_BASE + RAM_BYTES)
        return 0;
    uint64_t off = pa - RAM_BASE;
    unsigned table = (unsigned)(off >> PW_SV32_PAGE_SHIFT);
    unsigned pte = (unsigned)(off >> 2) & (TABLE_WORDS - 1);
    *index = table * TABLE_WORDS + pte;
    return 1;
}

static bool board_read(void *ctx, uint64_t pa, uint32_t *value)
{
    st_board *b = ctx;
    unsigned i;
    *value = 0;
    if (!ram_index(pa, &i))
        return false;
    *value = b->ram[i];
    return true;
}

static bool board_write(void *ctx, uint64_t pa, uint32_t value)
{
    st_board *b = ctx;
    unsigned i;
    if (!ram_index(pa, &i))
        return false;
    b->ram[i] = value;
    return true;
}

pw_mem st_board_port(st_board *b)
{
    pw_mem port = {.ctx = b, .read = board_read, .write = board_write};
    return port;
}

static uint32_t table_ppn(unsigned table)
{
    return (uint32_t)(RAM_BASE >> PW_SV32_PAGE_SHIFT) + table;
}

static uint32_t make_pte(uint32_t ppn, uint32_t flags)
{
    return ((ppn & PW_PTE_PPN_MASK) << PW_PTE_PPN_SHIFT) | flags;
}

/* Random leaf flags (V set); global only when allowed. */
static uint32_t leaf_flags(st_rng *r, int global_ok)
{
    uint32_t f = PW_PTE_V;
    if (st_chance(r, 75)) f |= PW_PTE_R;
    if (st_chance(r, f & PW_PTE_R ? 55 : 8)) f |= PW_PTE_W;      /* W without R: reserved */
    if (st_chance(r, 40) || !(f & (PW_PTE_R | PW_PTE_W))) f |= PW_PTE_X;
    if (st_chance(r, 50)) f |= PW_PTE_U;
    if (st_chance(r, 85)) f |= PW_PTE_A;
    if (st_chance(r, 60)) f |= PW_PTE_D;
    if (global_ok && st_chance(r, 40)) f |= PW_PTE_G;
    return f;
}

/* A pointer PTE to table, sometimes with reserved A/D/U bits. */
static uint32_t pointer_pte(st_rng *r, uint32_t ppn, int global_ok)
{
    uint32_t f = PW_PTE_V;
    if (st_chance(r, 6)) f |= (st_chance(r, 50) ? PW_PTE_A : st_chance(r, 50) ? PW_PTE_D : PW_PTE_U);
    if (global_ok && st_chance(r, 30)) f |= PW_PTE_G;
    return make_pte(ppn, f);
}

/* One root slot. private_l0: the level-0 table this slot may point to. */
static uint32_t root_pte(st_rng *r, int shared)
{
    unsigned k = st_rand(r) % 100;
    if (k < 10)
        return st_chance(r, 50) ? 0 : make_pte(st_rand(r), leaf_flags(r, 0) & ~PW_PTE_V);   /* V = 0 */
    if (k < 55) {
        unsigned table = shared && st_chance(r, 60) ? L0_SHARED : L0_PRIVATE;
        return pointer_pte(r, table_ppn(table), shared);
    }
    if (k < 62)   /* a pointer outside the RAM: the level-0 read is a bus error */
        return pointer_pte(r, 0x10000u + (st_rand(r) & 0xfffu), shared);
    /* a megapage, PPN[9:0] = 0 unless it is to be misaligned */
    uint32_t ppn = st_rand(r) & PW_PTE_PPN_MASK & ~PW_PTE_PPN0_MASK;
    if (st_chance(r, 12))
        ppn |= 1u + st_rand(r) % PW_PTE_PPN0_MASK;
    return make_pte(ppn, leaf_flags(r, shared));
}

static uint32_t l0_pte(st_rng *r, int global_ok)
{
    unsigned k = st_rand(r) % 100;
    if (k < 10)
        return 0;
    if (k < 15)   /* a pointer at level 0 */
        return pointer_pte(r, table_ppn(L0_PRIVATE), 0);
    return make_pte(st_rand(r) & PW_PTE_PPN_MASK, leaf_flags(r, global_ok));
}

/* Fill the tables. A global translation must mean the same in both address
 * spaces (the TLB may serve it to either), so global PTEs sit only in root
 * slots the two roots share and in the level-0 table only those slots reach. */
void st_build_tables(st_board *b, st_rng *r)
{
    for (unsigned i = 0; i < TABLE_WORDS; i++) {
        int shared = st_chance(r, 40);
        uint32_t a = root_pte(r, shared);
        b->ram[ROOT_ASID1 * TABLE_WORDS + i] = a;
        b->ram[ROOT_ASID2 * TABLE_WORDS + i] = shared ? a : root_pte(r, 0);
        b->ram[L0_PRIVATE * TABLE_WORDS + i] = l0_pte(r, 0);
        b->ram[L0_SHARED * TABLE_WORDS + i] = l0_pte(r, 1);
    }
}

uint32_t st_satp_for(unsigned root, uint32_t asid)
{
    return PW_SATP_MODE | (asid << PW_SATP_ASID_SHIFT) | table_ppn(root);
}
