/* qemu_ref.c: Sv32 translation vectors whose every result is QEMU's.
 *
 * A bare-metal M-mode program for qemu-system-riscv32 -M virt -bios none. It
 * builds random Sv32 page tables, makes loads, stores and fetches through them
 * from U- and S-mode (and a few from M-mode or with satp.MODE = Bare), and
 * prints each one as a .vec line (docs/vec-format.md) on the UART. It
 * never predicts a result: the physical address comes from the data the access
 * reached, the fault from the trap QEMU raised, and the A/D bits from the page
 * table as QEMU left it. See README.md beside this file.
 *
 * Its constants are written here from the RISC-V privileged specification and
 * QEMU's virt machine, on purpose not taken from the project's generated
 * pagewalk_defs.h: this program shares nothing with the model it checks.
 */
#include <stdint.h>

/* QEMU virt machine devices. */
#define UART_BASE        0x10000000u /* ns16550 */
#define UART_THR         0           /* transmit holding register */
#define UART_LSR         5           /* line status register */
#define UART_LSR_THRE    0x20        /* THR empty */
#define FINISHER_BASE    0x00100000u /* sifive_test */
#define FINISHER_PASS    0x5555u
#define FINISHER_FAIL    0x3333u     /* | (exit code << 16) */

/* Sv32 page-table entry. */
#define PTE_V            (1u << 0)
#define PTE_R            (1u << 1)
#define PTE_W            (1u << 2)
#define PTE_X            (1u << 3)
#define PTE_U            (1u << 4)
#define PTE_G            (1u << 5)
#define PTE_A            (1u << 6)
#define PTE_D            (1u << 7)
#define PTE_RWX          (PTE_R | PTE_W | PTE_X)
#define PTE_RSW_SHIFT    8
#define PTE_RSW_MASK     (3u << PTE_RSW_SHIFT)
#define PTE_PPN_SHIFT    10

/* satp (RV32). */
#define SATP_MODE_SV32   (1u << 31)
#define SATP_ASID_SHIFT  22
#define SATP_ASID_MASK   0x1ffu
#define SATP_PPN_MASK    0x003fffffu

/* mstatus. */
#define MSTATUS_MIE      (1u << 3)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP_MASK (3u << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPRV     (1u << 17)
#define MSTATUS_SUM      (1u << 18)
#define MSTATUS_MXR      (1u << 19)

/* Privilege levels as mstatus.MPP encodes them. */
#define PRIV_U           0
#define PRIV_S           1
#define PRIV_M           3

/* mcause values. */
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_LOAD_ACCESS  5
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U      8
#define CAUSE_ECALL_S      9
#define CAUSE_ECALL_M      11
#define CAUSE_FETCH_PAGE   12
#define CAUSE_LOAD_PAGE    13
#define CAUSE_STORE_PAGE   15

/* Sv32 geometry. */
#define PAGE_SHIFT       12
#define PAGE_OFFSET_MASK 0xfffu
#define VPN_BITS         10
#define VPN_MASK         0x3ffu
#define PTES_PER_TABLE   1024u
#define MEGAPAGE_PAGES   1024u

/* Physical layout (RAM is 0x80000000..0x90000000 with -m 256M):
 *   0x80000000  this program, its stacks, .bss (link.ld)
 *   SEED_ADDR   the seed word QEMU's loader device writes (qemu.mk)
 *   PT_BASE     PT_TABLES page tables of 4 KiB: the first PT_ROOTS are roots,
 *               the rest level-0 tables; pointer PTEs reach any of them
 *   DATA_BASE   DATA_SIZE bytes that every leaf PPN points into: 4 megapages
 * A pointer PTE or satp never points outside RAM: QEMU 7.2 reports a bus
 * error on a PTE read as a page fault where the specification wants an
 * access fault (see README.md), so that case is kept out. */
#ifndef SEED_ADDR
#error "SEED_ADDR must be given by qemu.mk"
#endif
#define PT_BASE          0x80100000u
#define PT_ROOTS         4u
#define PT_TABLES        16u
#define DATA_BASE        0x80400000u
#define DATA_SIZE        0x01000000u
#define DATA_PAGES       (DATA_SIZE >> PAGE_SHIFT)

_Static_assert(SEED_ADDR + 4 <= PT_BASE, "seed word overlaps the page tables");
_Static_assert(PT_BASE + PT_TABLES * 4096u <= DATA_BASE, "page tables overlap DATA");
_Static_assert((DATA_BASE & 0x3fffffu) == 0, "DATA must be megapage aligned");
_Static_assert((DATA_SIZE & 0x3fffffu) == 0, "DATA must be whole megapages");

/* Every DATA word tells which frame holds it: the even word of each pair is
 * `lui a0, FRAME` (FRAME = PA >> 12), the odd word `ecall`. A load returns the
 * frame; a fetch runs the pair and traps back with the frame in a0. */
#define LUI_A0_LOW       ((10u << 7) | 0x37u) /* rd = a0, opcode LUI */
#define ECALL            0x00000073u

/* How many page-table indices are populated in each table, how many t lines
 * to make, and the batch size between page-table changes. */
#define INDEX_SET        64u
#define TARGET_T_LINES   12000u
#define BATCH_MIN        80u
#define BATCH_SPREAD     120u

/* start.S */
struct trap_record {
    uint32_t cause;
    uint32_t tval;
    uint32_t epc;
    uint32_t a0;
};
extern volatile struct trap_record trap_record;
uint32_t probe_load(uint32_t va, uint32_t mstatus, uint32_t *value);
uint32_t probe_store(uint32_t va, uint32_t mstatus, uint32_t value);
uint32_t probe_fetch(uint32_t va, uint32_t mstatus);
void finish(int code) __attribute__((noreturn));
void unexpected_trap(uint32_t cause, uint32_t epc, uint32_t tval)
    __attribute__((noreturn));
int main(void);

#define CSR_READ(csr) ({ uint32_t v_; \
    __asm__ volatile ("csrr %0, " #csr : "=r"(v_)); v_; })
#define CSR_WRITE(csr, v) \
    __asm__ volatile ("csrw " #csr ", %0" :: "r"((uint32_t)(v)) : "memory")

static inline volatile uint32_t *word_at(uint32_t pa)
{
    return (volatile uint32_t *)(uintptr_t)pa;
}

/* ---- output ---------------------------------------------------------- */

/* Send one character to the UART, waiting for room. */
static void out_char(char c)
{
    volatile uint8_t *uart = (volatile uint8_t *)(uintptr_t)UART_BASE;
    while ((uart[UART_LSR] & UART_LSR_THRE) == 0) {
    }
    uart[UART_THR] = (uint8_t)c;
}

/* Send a string. */
static void out_str(const char *s)
{
    while (*s != '\0') {
        out_char(*s++);
    }
}

/* Send v as 8 lower-case hex digits. */
static void out_hex(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    for (int shift = 28; shift >= 0; shift -= 4) {
        out_char(digits[(v >> shift) & 0xfu]);
    }
}

/* Send v in decimal. */
static void out_dec(uint32_t v)
{
    char buf[10];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    while (n > 0) {
        out_char(buf[--n]);
    }
}

/* Stop QEMU through the test finisher: code 0 passes, anything else fails. */
void finish(int code)
{
    volatile uint32_t *finisher = word_at(FINISHER_BASE);
    *finisher = code == 0 ? FINISHER_PASS
                          : FINISHER_FAIL | ((uint32_t)code << 16);
    for (;;) {
    }
}

/* Called by start.S for a trap that no probe was waiting for. */
void unexpected_trap(uint32_t cause, uint32_t epc, uint32_t tval)
{
    out_str("# ERROR unexpected trap mcause=");
    out_hex(cause);
    out_str(" mepc=");
    out_hex(epc);
    out_str(" mtval=");
    out_hex(tval);
    out_char('\n');
    finish(2);
}

/* ---- state ----------------------------------------------------------- */

static uint32_t rng_state;
static uint32_t index_set[INDEX_SET];     /* populated PTE indices */
static uint32_t shadow[PT_TABLES * PTES_PER_TABLE]; /* what the .vec says */
static uint32_t t_lines;
static uint32_t errors;
static uint32_t departures;
static uint32_t marker_count;

/* Counts for the closing summary: [access][0 = pa, 1 = fault]. */
static uint32_t counts[3][2];

/* ---- randomness ------------------------------------------------------ */

/* xorshift32: small, and reproducible from the seed. */
static uint32_t rnd(void)
{
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

/* A number in 0..n-1. */
static uint32_t rnd_below(uint32_t n)
{
    return rnd() % n;
}

/* True with probability percent/100. */
static int chance(uint32_t percent)
{
    return rnd_below(100) < percent;
}

/* ---- DATA region ----------------------------------------------------- */

/* The word that DATA holds at pa when nothing has disturbed it. */
static uint32_t data_pattern(uint32_t pa)
{
    return (pa & 4u) != 0 ? ECALL : ((pa & ~PAGE_OFFSET_MASK) | LUI_A0_LOW);
}

/* Whether pa lies in DATA. */
static int in_data(uint32_t pa)
{
    return pa >= DATA_BASE && pa - DATA_BASE < DATA_SIZE;
}

/* Write the pattern over all of DATA. */
static void fill_data(void)
{
    for (uint32_t pa = DATA_BASE; pa - DATA_BASE < DATA_SIZE; pa += 4) {
        *word_at(pa) = data_pattern(pa);
    }
}

/* Find the marker a store left in DATA and put the pattern back. */
static void scrub_marker(uint32_t marker)
{
    for (uint32_t pa = DATA_BASE; pa - DATA_BASE < DATA_SIZE; pa += 4) {
        if (*word_at(pa) == marker) {
            *word_at(pa) = data_pattern(pa);
        }
    }
}

/* ---- page tables ----------------------------------------------------- */

/* Physical address of word idx of table t. */
static uint32_t pte_addr(uint32_t t, uint32_t idx)
{
    return PT_BASE + t * 4096u + idx * 4u;
}

/* Whether pa is a word of the page-table region. */
static int in_pt(uint32_t pa)
{
    return pa >= PT_BASE && pa - PT_BASE < PT_TABLES * 4096u;
}

/* The shadow copy of the page-table word at pa (pa in the PT region). */
static uint32_t *shadow_at(uint32_t pa)
{
    return &shadow[(pa - PT_BASE) / 4u];
}

/* Write a PTE to memory and tell the model with an m line. */
static void pte_write(uint32_t t, uint32_t idx, uint32_t value)
{
    uint32_t pa = pte_addr(t, idx);
    *word_at(pa) = value;
    *shadow_at(pa) = value;
    out_str("m ");
    out_hex(pa);
    out_char(' ');
    out_hex(value);
    out_char('\n');
}

/* The PPN a pointer PTE gets: a level-0 table mostly, sometimes a root. */
static uint32_t table_ppn(void)
{
    uint32_t t = chance(85) ? PT_ROOTS + rnd_below(PT_TABLES - PT_ROOTS)
                            : rnd_below(PT_ROOTS);
    return (PT_BASE >> PAGE_SHIFT) + t;
}

/* The PPN a leaf gets: a DATA megapage at level 1 (misaligned on request,
 * which must fault), any DATA page at level 0. */
static uint32_t data_ppn(int level, int misaligned)
{
    uint32_t base = DATA_BASE >> PAGE_SHIFT;
    if (level == 0) {
        return base + rnd_below(DATA_PAGES);
    }
    uint32_t ppn = base + rnd_below(DATA_PAGES / MEGAPAGE_PAGES) * MEGAPAGE_PAGES;
    if (misaligned) {
        ppn += 1u + rnd_below(MEGAPAGE_PAGES - 1u);
    }
    return ppn;
}

/* R/W/X for a leaf, one of the five legal combinations. */
static uint32_t leaf_rwx(void)
{
    static const uint32_t combos[] = {
        PTE_R, PTE_R, PTE_R | PTE_W, PTE_R | PTE_W, PTE_R | PTE_W | PTE_X,
        PTE_R | PTE_W | PTE_X, PTE_X, PTE_R | PTE_X,
    };
    return combos[rnd_below(sizeof combos / sizeof combos[0])];
}

/* The bits every kind of PTE may carry without changing its meaning. */
static uint32_t ignored_bits(void)
{
    return (rnd() & PTE_RSW_MASK) | (chance(25) ? PTE_G : 0u);
}

/* U, A and D for a leaf, each on about half the time (A more often). */
static uint32_t leaf_uad(void)
{
    return (chance(50) ? PTE_U : 0u) | (chance(60) ? PTE_A : 0u) |
           (chance(50) ? PTE_D : 0u);
}

/* Some nonzero mix of the bits a pointer PTE must not have: D, A, U. */
static uint32_t pointer_reserved(void)
{
    static const uint32_t bits[] = {PTE_D, PTE_A, PTE_U};
    uint32_t r = bits[rnd_below(3)];
    if (chance(40)) {
        r |= bits[rnd_below(3)];
    }
    return r;
}

/* A random PTE for a table of the given level (1 = root, 0 = leaf level).
 * Biased towards PTEs that translate, with every kind of fault mixed in. Any
 * PTE with R = W = X = 0 gets a page-table PPN, so that a walk never leaves
 * the page-table region (whose every nonzero word the .vec describes). */
static uint32_t gen_pte(int level)
{
    uint32_t flags;
    int misaligned = 0;
    uint32_t r = rnd_below(100);

    if (level == 1) {
        if (r < 50) {              /* pointer */
            flags = PTE_V;
        } else if (r < 53) {       /* pointer with reserved D/A/U */
            flags = PTE_V | pointer_reserved();
        } else if (r < 83) {       /* megapage */
            flags = PTE_V | leaf_rwx() | leaf_uad();
        } else if (r < 87) {       /* misaligned megapage */
            flags = PTE_V | leaf_rwx() | leaf_uad();
            misaligned = 1;
        } else if (r < 91) {       /* invalid */
            flags = rnd() & 0xfeu;
        } else if (r < 94) {       /* W without R */
            flags = PTE_V | PTE_W | (chance(50) ? PTE_X : 0u) | leaf_uad();
        } else {                   /* anything */
            flags = rnd() & 0xffu;
            misaligned = chance(25);
        }
    } else {
        if (r < 78) {              /* 4 KiB page */
            flags = PTE_V | leaf_rwx() | leaf_uad();
        } else if (r < 83) {       /* pointer at level 0 */
            flags = PTE_V;
        } else if (r < 86) {       /* pointer with reserved D/A/U */
            flags = PTE_V | pointer_reserved();
        } else if (r < 91) {       /* invalid */
            flags = rnd() & 0xfeu;
        } else if (r < 95) {       /* W without R */
            flags = PTE_V | PTE_W | (chance(50) ? PTE_X : 0u) | leaf_uad();
        } else {                   /* anything */
            flags = rnd() & 0xffu;
        }
    }
    flags |= ignored_bits();
    uint32_t ppn = (flags & PTE_RWX) == 0 ? table_ppn()
                                          : data_ppn(level, misaligned);
    return (ppn << PTE_PPN_SHIFT) | flags;
}

/* The level a table serves at when a satp points at it. */
static int table_level(uint32_t t)
{
    return t < PT_ROOTS ? 1 : 0;
}

/* Give PTE idx of table t a fresh random value. */
static void pte_randomize(uint32_t t, uint32_t idx)
{
    pte_write(t, idx, gen_pte(table_level(t)));
}

/* Choose the populated indices: distinct, random. */
static void choose_index_set(void)
{
    uint32_t n = 0;
    while (n < INDEX_SET) {
        uint32_t idx = rnd_below(PTES_PER_TABLE);
        int seen = 0;
        for (uint32_t i = 0; i < n; i++) {
            seen |= index_set[i] == idx;
        }
        if (!seen) {
            index_set[n++] = idx;
        }
    }
}

/* Zero the page-table region (no m lines: unmentioned memory reads 0) and
 * populate every table at the chosen indices. */
static void build_tables(void)
{
    for (uint32_t pa = PT_BASE; in_pt(pa); pa += 4) {
        *word_at(pa) = 0;
        *shadow_at(pa) = 0;
    }
    for (uint32_t t = 0; t < PT_TABLES; t++) {
        for (uint32_t i = 0; i < INDEX_SET; i++) {
            pte_randomize(t, index_set[i]);
        }
    }
}

/* Between batches: change a few PTEs everywhere, now and then a whole table. */
static void rerandomize_tables(void)
{
    out_str("# page-table changes\n");
    for (uint32_t t = 0; t < PT_TABLES; t++) {
        for (uint32_t i = 0; i < INDEX_SET; i++) {
            if (chance(5)) {
                pte_randomize(t, index_set[i]);
            }
        }
    }
    if (chance(12)) {
        uint32_t t = rnd_below(PT_TABLES);
        for (uint32_t i = 0; i < INDEX_SET; i++) {
            pte_randomize(t, index_set[i]);
        }
    }
}

/* ---- probes ---------------------------------------------------------- */

enum { ACC_LOAD, ACC_STORE, ACC_FETCH };

/* One translation request, as a t line states it. */
struct request {
    uint32_t satp;  /* as read back from the CSR */
    int priv;       /* effective privilege */
    int acc;
    int sum;
    int mxr;
    uint32_t va;
};

/* What QEMU did. */
struct outcome {
    int ok;          /* the probe is sound and may be printed */
    int fault;       /* 0: translated to pa */
    uint32_t cause;
    uint32_t pa;
};

/* mstatus for a probe: MPP = priv, MPRV as asked, SUM and MXR as asked,
 * MIE off, everything else as it is. */
static uint32_t probe_mstatus(const struct request *rq, int mprv)
{
    uint32_t m = CSR_READ(mstatus);
    m &= ~(MSTATUS_MPP_MASK | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR |
           MSTATUS_MIE);
    m |= (uint32_t)rq->priv << MSTATUS_MPP_SHIFT;
    m |= mprv ? MSTATUS_MPRV : 0u;
    m |= rq->sum ? MSTATUS_SUM : 0u;
    m |= rq->mxr ? MSTATUS_MXR : 0u;
    return m;
}

/* Whether the request goes through the page tables. */
static int translated(const struct request *rq)
{
    return (rq->satp & SATP_MODE_SV32) != 0 && rq->priv != PRIV_M;
}

static const char priv_letter[4] = {'U', 'S', '?', 'M'};
static const char acc_letter[3] = {'r', 'w', 'x'};

/* Start a comment line that reports a problem with a request. */
static void out_problem(const char *tag, const struct request *rq, const char *what)
{
    out_str("# ");
    out_str(tag);
    out_char(' ');
    out_char(priv_letter[rq->priv]);
    out_char(' ');
    out_char(acc_letter[rq->acc]);
    out_str(" va=");
    out_hex(rq->va);
    out_str(": ");
    out_str(what);
}

/* Report a failure of this program or of QEMU's consistency; fails the run. */
static void error(const struct request *rq, const char *what, uint32_t value)
{
    out_problem("ERROR", rq, what);
    out_char(' ');
    out_hex(value);
    out_char('\n');
    errors++;
}

/* Report QEMU doing something the specification does not allow; the request
 * is left out of the vectors. */
static void departure(const struct request *rq, const char *what, uint32_t value)
{
    out_problem("QEMU-DEPARTURE", rq, what);
    out_char(' ');
    out_hex(value);
    out_char('\n');
    departures++;
}

/* Print the t line for a request and its outcome. */
static void out_t_line(const struct request *rq, const struct outcome *oc)
{
    out_str("t ");
    out_hex(rq->satp);
    out_char(' ');
    out_char(priv_letter[rq->priv]);
    out_char(' ');
    out_char(acc_letter[rq->acc]);
    out_str(rq->sum ? " 1" : " 0");
    out_str(rq->mxr ? " 1 " : " 0 ");
    out_hex(rq->va);
    if (oc->fault) {
        out_str(" fault=");
        out_dec(oc->cause);
    } else {
        out_str(" pa=");
        out_hex(oc->pa);
    }
    out_char('\n');
    t_lines++;
    counts[rq->acc][oc->fault ? 1 : 0]++;
}

/* The page-table words a translated request may have written: the root PTE
 * of the VA and, if that PTE (as the .vec stated it before the request) points
 * to a table, that table's PTE. Returns how many (0 to 2) are in pa[]. */
static int touched_ptes(const struct request *rq, uint32_t pa[2])
{
    if (!translated(rq)) {
        return 0;
    }
    uint32_t root = (rq->satp & SATP_PPN_MASK) << PAGE_SHIFT;
    pa[0] = root + ((rq->va >> (PAGE_SHIFT + VPN_BITS)) & VPN_MASK) * 4u;
    if (!in_pt(pa[0])) {
        error(rq, "satp root outside the page-table region", root);
        return 0;
    }
    uint32_t pte1 = *shadow_at(pa[0]);
    if ((pte1 & PTE_V) == 0 || (pte1 & PTE_RWX) != 0) {
        return 1;
    }
    uint32_t table = (pte1 >> PTE_PPN_SHIFT) << PAGE_SHIFT;
    pa[1] = table + ((rq->va >> PAGE_SHIFT) & VPN_MASK) * 4u;
    if (!in_pt(pa[1])) {
        error(rq, "pointer PTE outside the page-table region", pte1);
        return 1;
    }
    return 2;
}

/* Whether a cause is a fault of the given access (page or access fault). */
static int is_fault_of(int acc, uint32_t cause)
{
    switch (acc) {
    case ACC_LOAD:
        return cause == CAUSE_LOAD_PAGE || cause == CAUSE_LOAD_ACCESS;
    case ACC_STORE:
        return cause == CAUSE_STORE_PAGE || cause == CAUSE_STORE_ACCESS;
    default:
        return cause == CAUSE_FETCH_PAGE || cause == CAUSE_FETCH_ACCESS;
    }
}

/* Record a faulting probe; mtval must hold the VA. */
static void take_fault(const struct request *rq, uint32_t cause, struct outcome *oc)
{
    if (!is_fault_of(rq->acc, cause)) {
        error(rq, "unexpected mcause", cause);
        return;
    }
    if (trap_record.tval != rq->va) {
        out_problem("NOTE", rq, "mtval is not the VA:");
        out_char(' ');
        out_hex(trap_record.tval);
        out_char('\n');
    }
    oc->ok = 1;
    oc->fault = 1;
    oc->cause = cause;
}

/* Load from rq->va under MPRV; the word read names the physical frame. */
static struct outcome do_load(const struct request *rq)
{
    struct outcome oc = {0, 0, 0, 0};
    uint32_t value = 0;
    uint32_t cause = probe_load(rq->va, probe_mstatus(rq, 1), &value);
    if (cause != 0) {
        take_fault(rq, cause, &oc);
        return oc;
    }
    uint32_t frame = value & ~PAGE_OFFSET_MASK;
    if ((value & PAGE_OFFSET_MASK) != LUI_A0_LOW || !in_data(frame)) {
        error(rq, "load returned a word that is not a DATA pattern", value);
        return oc;
    }
    oc.ok = 1;
    oc.pa = frame | (rq->va & PAGE_OFFSET_MASK);
    return oc;
}

/* Store a marker to rq->va under MPRV. load is the outcome of the load probe
 * just made with the same request: its PA is where the marker must land. */
static struct outcome do_store(const struct request *rq, const struct outcome *load)
{
    struct outcome oc = {0, 0, 0, 0};
    /* Low byte 0x5a: never a LUI_A0 nor an ECALL word. */
    uint32_t marker = 0xa5000000u | ((++marker_count & 0xffffu) << 8) | 0x5au;
    uint32_t cause = probe_store(rq->va, probe_mstatus(rq, 1), marker);
    if (cause != 0) {
        take_fault(rq, cause, &oc);
        return oc;
    }
    if (!load->ok || load->fault) {
        /* W implies R, so a store cannot succeed where the load faulted. (A
         * load that was not ok has already been reported as an error.) */
        if (load->ok) {
            departure(rq, "store succeeded where the load faulted, cause",
                      load->cause);
        }
        scrub_marker(marker);
        return oc;
    }
    if (*word_at(load->pa) != marker) {
        error(rq, "store did not reach the load's PA", load->pa);
        scrub_marker(marker);
        return oc;
    }
    *word_at(load->pa) = data_pattern(load->pa);
    oc.ok = 1;
    oc.pa = load->pa;
    return oc;
}

/* mret to rq->va in rq->priv; the pair there puts its frame in a0 and traps
 * back with ecall. */
static struct outcome do_fetch(const struct request *rq)
{
    static const uint32_t ecall_cause[4] = {
        CAUSE_ECALL_U, CAUSE_ECALL_S, 0, CAUSE_ECALL_M,
    };
    struct outcome oc = {0, 0, 0, 0};
    uint32_t cause = probe_fetch(rq->va, probe_mstatus(rq, 0));
    if (cause != ecall_cause[rq->priv]) {
        take_fault(rq, cause, &oc);
        return oc;
    }
    uint32_t frame = trap_record.a0;
    if (trap_record.epc != rq->va + 4u) {
        error(rq, "ecall came from the wrong place, mepc", trap_record.epc);
        return oc;
    }
    if ((frame & PAGE_OFFSET_MASK) != 0 || !in_data(frame)) {
        error(rq, "fetched code left a0 that is not a DATA frame", frame);
        return oc;
    }
    oc.ok = 1;
    oc.pa = frame | (rq->va & PAGE_OFFSET_MASK);
    return oc;
}

/* Print a probe's t line, then read back the page-table words it may have
 * written: c lines with the values QEMU left, which check the model's A/D
 * write-back. QEMU may only have set A or D; if it did more, or the probe is
 * otherwise left out, the words are stated again with m lines instead, so the
 * model's memory still matches QEMU's. The shadow copy follows memory. */
static void report(const struct request *rq, const struct outcome *oc)
{
    uint32_t pa[2];
    int n = touched_ptes(rq, pa);
    int ok = oc->ok;
    for (int i = 0; i < n; i++) {
        uint32_t old = *shadow_at(pa[i]);
        uint32_t now = *word_at(pa[i]);
        if (((now ^ old) & ~(PTE_A | PTE_D)) != 0 || (old & ~now) != 0) {
            departure(rq, "PTE changed beyond setting A/D, now", now);
            ok = 0;
        }
    }
    if (ok) {
        out_t_line(rq, oc);
    }
    for (int i = 0; i < n; i++) {
        uint32_t now = *word_at(pa[i]);
        out_str(ok ? "c " : "m ");
        out_hex(pa[i]);
        out_char(' ');
        out_hex(now);
        out_char('\n');
        *shadow_at(pa[i]) = now;
    }
}

/* A VA for a translated request: mostly through populated indices. */
static uint32_t random_va(void)
{
    uint32_t vpn1 = chance(96) ? index_set[rnd_below(INDEX_SET)]
                               : rnd_below(PTES_PER_TABLE);
    uint32_t vpn0 = chance(96) ? index_set[rnd_below(INDEX_SET)]
                               : rnd_below(PTES_PER_TABLE);
    return (vpn1 << (PAGE_SHIFT + VPN_BITS)) | (vpn0 << PAGE_SHIFT) |
           (rnd() & PAGE_OFFSET_MASK & ~7u);
}

/* Make one random request under the current satp and report it. */
static void one_probe(uint32_t satp)
{
    struct request rq;
    uint32_t r = rnd_below(100);
    rq.satp = satp;
    rq.acc = r < 40 ? ACC_LOAD : r < 70 ? ACC_STORE : ACC_FETCH;
    r = rnd_below(100);
    rq.priv = r < 48 ? PRIV_U : r < 97 ? PRIV_S : PRIV_M;
    rq.sum = chance(50);
    rq.mxr = chance(50);
    if ((satp & SATP_MODE_SV32) == 0 || rq.priv == PRIV_M) {
        /* No translation: PA = VA, so the VA must be DATA. */
        rq.va = DATA_BASE + (rnd_below(DATA_SIZE) & ~7u);
    } else {
        rq.va = random_va();
    }

    if (rq.acc == ACC_FETCH) {
        struct outcome oc = do_fetch(&rq);
        report(&rq, &oc);
        return;
    }
    /* A store is preceded by a load of the same VA: it finds the PA the
     * store must reach, and the model replays its A update. */
    struct request lq = rq;
    lq.acc = ACC_LOAD;
    struct outcome lo = do_load(&lq);
    report(&lq, &lo);
    if (rq.acc == ACC_STORE) {
        struct outcome so = do_store(&rq, &lo);
        report(&rq, &so);
    }
}

/* Write satp, read it back (the value read is what the t lines state). */
static uint32_t set_satp(uint32_t value)
{
    CSR_WRITE(satp, value);
    __asm__ volatile ("sfence.vma zero, zero" ::: "memory");
    uint32_t back = CSR_READ(satp);
    out_str("# satp wrote ");
    out_hex(value);
    out_str(" read ");
    out_hex(back);
    out_char('\n');
    return back;
}

/* A satp for the next batch: Sv32 over a root (now and then over a level-0
 * table), random ASID; about one batch in twenty-five is Bare. */
static uint32_t random_satp(void)
{
    uint32_t asid = rnd() & SATP_ASID_MASK;
    if (chance(4)) {
        /* Bare: ASID and PPN are ignored; sometimes leave junk in them. */
        return chance(50) ? 0u : (asid << SATP_ASID_SHIFT) | (rnd() & SATP_PPN_MASK);
    }
    uint32_t t = chance(90) ? rnd_below(PT_ROOTS) : rnd_below(PT_TABLES);
    return SATP_MODE_SV32 | (asid << SATP_ASID_SHIFT) |
           ((PT_BASE >> PAGE_SHIFT) + t);
}

/* Check that mstatus.SUM and MXR can be set; without them half the vectors
 * would mean nothing. */
static void check_mstatus(void)
{
    uint32_t want = MSTATUS_SUM | MSTATUS_MXR;
    __asm__ volatile ("csrs mstatus, %0" :: "r"(want));
    uint32_t got = CSR_READ(mstatus) & want;
    __asm__ volatile ("csrc mstatus, %0" :: "r"(want));
    if (got != want) {
        out_str("# ERROR mstatus.SUM/MXR not writable\n");
        finish(3);
    }
}

int main(void)
{
    uint32_t seed = *word_at(SEED_ADDR);
    rng_state = seed != 0 ? seed : 0x2545f491u; /* xorshift needs nonzero */

    out_str("# generated by tests/qemu (qemu-system-riscv32 -M virt), seed 0x");
    out_hex(seed);
    out_str("\n# seed 0x");
    out_hex(seed);
    out_str(": make QEMU_SEED=0x");
    out_hex(seed);
    out_str(" build/qemu/qemu_ref.vec makes this file again\nad svadu\n");
    out_str("# QEMU 7.2 sets A/D in hardware: Svadu. Page tables at ");
    out_hex(PT_BASE);
    out_str(", data at ");
    out_hex(DATA_BASE);
    out_char('\n');

    check_mstatus();
    fill_data();
    choose_index_set();
    build_tables();

    for (uint32_t batch = 0; t_lines < TARGET_T_LINES; batch++) {
        if (batch != 0) {
            rerandomize_tables();
        }
        out_str("# batch ");
        out_dec(batch);
        out_char('\n');
        uint32_t satp = set_satp(random_satp());
        uint32_t n = BATCH_MIN + rnd_below(BATCH_SPREAD);
        for (uint32_t i = 0; i < n && t_lines < TARGET_T_LINES; i++) {
            one_probe(satp);
        }
    }

    static const char *const names[3] = {"loads", "stores", "fetches"};
    for (int a = 0; a < 3; a++) {
        out_str("# ");
        out_str(names[a]);
        out_str(": ");
        out_dec(counts[a][0]);
        out_str(" translated, ");
        out_dec(counts[a][1]);
        out_str(" faulted\n");
    }
    out_str("# departures left out: ");
    out_dec(departures);
    out_char('\n');
    if (errors != 0) {
        out_str("# FAILED: ");
        out_dec(errors);
        out_str(" errors\n");
        return 1;
    }
    out_str("# end: ");
    out_dec(t_lines);
    out_str(" translations\n");
    return 0;
}
