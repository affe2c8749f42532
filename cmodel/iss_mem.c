/* Memory: every fetch, load and store translated by pw_translate (the golden
 * model; no TLB), then sent to RAM or a device of the SoC.
 *
 * The translation memo. Walking the page tables for every access is the
 * architectural view but slow, so successful translations to RAM are
 * remembered per (access kind, virtual page). A remembered translation is
 * used only while it provably equals a fresh walk. A walk's result is a
 * function of satp, the effective privilege, SUM, MXR, the A/D policy, the
 * access kind, the virtual page and the PTEs it reads:
 *   - the kind and the page are the memo's key;
 *   - the A/D policy is fixed for an ISS;
 *   - every write of satp, mstatus or sstatus, every trap entry and every
 *     xRET bumps the generation (memo_flush), and an entry counts only with
 *     the current generation: satp, privilege, MPRV/MPP, SUM and MXR are then
 *     what they were when the entry was made;
 *   - the RAM pages holding a PTE that any remembered walk read are marked,
 *     and any write to a marked page (a store, the walker's own A/D
 *     write-back, pw_iss_write_phys) bumps the generation: the PTEs are then
 *     what they were.
 * A remembered walk succeeded, so its A (and, for a store, D) bits were set;
 * a fresh walk would find them still set and write nothing: the memory's
 * state is the same too. Faults are never remembered.
 */
#include "iss_internal.h"

#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the ISS keeps RAM in host byte order and needs a little-endian host"
#endif

#define PAGE_SHIFT PW_SV32_PAGE_SHIFT
#define PAGE_MASK ((1u << PAGE_SHIFT) - 1)

static inline bool in_ram(const pw_iss *iss, uint64_t pa)
{
    return pa >= PW_MEM_RAM && pa - PW_MEM_RAM < iss->ram_bytes;
}

void mem_init_memo(pw_iss *iss)
{
    memset(iss->memo, 0, sizeof iss->memo);
    iss->memo_gen = 1; /* entries with generation 0 never count */
}

/* A write reached the RAM word at pa: forget the memo when a remembered walk
 * read a PTE in that page; end the run when it is tohost. */
void ram_store_hook(pw_iss *iss, uint32_t pa)
{
    uint32_t page = (pa - PW_MEM_RAM) >> PAGE_SHIFT;
    if (iss->pt_pages_any && (iss->pt_pages[page >> 3] & (1u << (page & 7)))) {
        memo_flush(iss);
        memset(iss->pt_pages, 0, iss->pt_bitmap_bytes);
        iss->pt_pages_any = false;
    }
    if (iss->has_tohost && (pa & ~3u) == iss->tohost) {
        uint32_t v;
        memcpy(&v, iss->ram + (iss->tohost - PW_MEM_RAM), 4);
        if (v == 1)
            iss_finish(iss, PW_ISS_PASSED, 0, "pass (tohost = 1)");
        else if (v != 0)
            iss_finish(iss, PW_ISS_FAILED, v >> 1, "fail code %u (tohost = 0x%08x: test %u failed)", v >> 1,
                       v, v >> 1);
    }
}

/* The walker's memory port: PTEs live in RAM; anything else is a bus error. */
static bool walker_read(void *ctx, uint64_t pa, uint32_t *value)
{
    pw_iss *iss = ctx;
    if (!in_ram(iss, pa))
        return false;
    memcpy(value, iss->ram + (pa - PW_MEM_RAM), 4);
    return true;
}

static bool walker_write(void *ctx, uint64_t pa, uint32_t value)
{
    pw_iss *iss = ctx;
    if (!in_ram(iss, pa))
        return false;
    memcpy(iss->ram + (pa - PW_MEM_RAM), &value, 4);
    ram_store_hook(iss, (uint32_t)pa);
    return true;
}

static inline pw_priv data_priv(const pw_iss *iss)
{
    uint32_t s = iss->csr[CSR_MSTATUS];
    if (iss->priv == PW_PRIV_M && (s & PW_MSTATUS_MPRV))
        return (pw_priv)((s >> PW_MSTATUS_MPP_SHIFT) & PW_MSTATUS_MPP_MASK);
    return iss->priv;
}

typedef enum { XL_RAM, XL_OTHER, XL_FAULT } xlate_kind;

static const pw_access memo_access[MEMO_KINDS] = {PW_ACCESS_LOAD, PW_ACCESS_STORE, PW_ACCESS_FETCH};

/* The walk, and the memo's fill. */
static xlate_kind xlate_walk(pw_iss *iss, uint32_t va, int kind, pw_priv priv, uint8_t **host, uint64_t *pa)
{
    uint32_t s = iss->csr[CSR_MSTATUS];
    pw_context ctx = {
        .satp = iss->csr[CSR_SATP],
        .priv = priv,
        .sum = (s & PW_MSTATUS_SUM) != 0,
        .mxr = (s & PW_MSTATUS_MXR) != 0,
        .ad = iss->cfg.svadu ? PW_AD_SVADU : PW_AD_SVADE,
    };
    pw_mem port = {.ctx = iss, .read = walker_read, .write = walker_write};
    pw_result r;
    pw_translate(&ctx, &port, va, memo_access[kind], &r);
    if (r.fault) {
        iss->mmu_faults++;
        raise_exception(iss, r.cause, va);
        return XL_FAULT;
    }
    *pa = r.pa;
    if (!in_ram(iss, r.pa))
        return XL_OTHER;
    /* Remember it, marking the pages of the PTEs the walk read (after its
     * own write-back, which may have flushed the memo). */
    for (unsigned i = 0; i < r.nsteps; i++) {
        uint32_t page = (uint32_t)((r.steps[i].addr - PW_MEM_RAM) >> PAGE_SHIFT);
        iss->pt_pages[page >> 3] |= (uint8_t)(1u << (page & 7));
    }
    iss->pt_pages_any = true;
    memo_entry *e = &iss->memo[kind][(va >> PAGE_SHIFT) % MEMO_ENTRIES];
    uint32_t pa_page = (uint32_t)r.pa & ~PAGE_MASK;
    e->vpn = va >> PAGE_SHIFT;
    e->gen = iss->memo_gen;
    e->pa = pa_page;
    e->host = iss->ram + (pa_page - PW_MEM_RAM);
    *host = iss->ram + (r.pa - PW_MEM_RAM);
    return XL_RAM;
}

/* Translate va for an access of this kind; on a fault the exception is raised. */
static inline xlate_kind xlate(pw_iss *iss, uint32_t va, int kind, uint8_t **host, uint64_t *pa)
{
    pw_priv priv = kind == MEMO_FETCH ? iss->priv : data_priv(iss);
    if (priv == PW_PRIV_M || !(iss->csr[CSR_SATP] & PW_SATP_MODE)) {
        *pa = va;
        if (!in_ram(iss, va))
            return XL_OTHER;
        *host = iss->ram + (va - PW_MEM_RAM);
        return XL_RAM;
    }
    iss->mmu_walks++;
    if (iss->cfg.no_memo)
        return xlate_walk(iss, va, kind, priv, host, pa);
    const memo_entry *e = &iss->memo[kind][(va >> PAGE_SHIFT) % MEMO_ENTRIES];
    if (e->gen == iss->memo_gen && e->vpn == va >> PAGE_SHIFT) {
        *pa = e->pa | (va & PAGE_MASK);
        *host = e->host + (va & PAGE_MASK);
        return XL_RAM;
    }
    return xlate_walk(iss, va, kind, priv, host, pa);
}

static uint32_t timing(pw_iss *iss, pw_iss_timing what, uint32_t pa, uint32_t value)
{
    return iss->cfg.timing_read ? iss->cfg.timing_read(iss->cfg.timing_ctx, what, pa, value) : value;
}

/* A load from a device; false for a bus error. */
static bool device_load(pw_iss *iss, uint64_t pa, unsigned size, uint32_t *value)
{
    if (pa >= PW_MEM_UART && pa - PW_MEM_UART < PW_UART_BYTES) {
        if (size != 1)
            return false;
        /* No input: RBR reads 0, LSR says the transmitter is empty. */
        *value = pa - PW_MEM_UART == PW_UART_LSR ? PW_UART_LSR_THRE | PW_UART_LSR_TEMT : 0;
        return true;
    }
    if (size != 4)
        return false;
    if (pa >= PW_MEM_CLINT && pa - PW_MEM_CLINT < PW_CLINT_BYTES) {
        uint32_t off = (uint32_t)(pa - PW_MEM_CLINT);
        switch (off) {
        case PW_CLINT_MSIP: *value = iss->msip; return true;
        case PW_CLINT_MTIMECMP: *value = (uint32_t)iss->mtimecmp; return true;
        case PW_CLINT_MTIMECMP + 4: *value = (uint32_t)(iss->mtimecmp >> 32); return true;
        case PW_CLINT_MTIME:
            *value = timing(iss, PW_ISS_TIMING_MTIME, (uint32_t)pa, (uint32_t)iss->mtime);
            return true;
        case PW_CLINT_MTIME + 4:
            *value = timing(iss, PW_ISS_TIMING_MTIME, (uint32_t)pa, (uint32_t)(iss->mtime >> 32));
            return true;
        default: return false;
        }
    }
    if (pa >= PW_MEM_TEST_FINISHER && pa - PW_MEM_TEST_FINISHER < PW_FINISHER_BYTES) {
        *value = 0;
        return true;
    }
    if (pa >= PW_MEM_MMU_COUNTERS && pa - PW_MEM_MMU_COUNTERS < PW_MMU_COUNTERS_BYTES) {
        /* The ISS has no TLB: every translated access is a miss and a walk,
         * taking no cycles. */
        uint32_t own;
        switch ((uint32_t)(pa - PW_MEM_MMU_COUNTERS)) {
        case PW_MMU_COUNTER_MISSES:
        case PW_MMU_COUNTER_WALKS: own = iss->mmu_walks; break;
        case PW_MMU_COUNTER_FAULTS: own = iss->mmu_faults; break;
        default: own = 0; break; /* hits, walk cycles */
        }
        *value = timing(iss, PW_ISS_TIMING_MMU_COUNTER, (uint32_t)pa, own);
        return true;
    }
    return false;
}

static void finisher_write(pw_iss *iss, uint32_t value)
{
    uint32_t status = value & 0xffff, code = value >> 16;
    if (status == PW_FINISHER_PASS)
        iss_finish(iss, PW_ISS_PASSED, 0, "pass (test finisher 0x%08x)", value);
    else if (status == PW_FINISHER_FAIL)
        iss_finish(iss, PW_ISS_FAILED, code, "fail code %u (test finisher 0x%08x)", code, value);
    /* other values do nothing (QEMU's sifive_test resets on 0x7777; we do not) */
}

/* A store to a device; false for a bus error. */
static bool device_store(pw_iss *iss, uint64_t pa, unsigned size, uint32_t value)
{
    if (pa >= PW_MEM_UART && pa - PW_MEM_UART < PW_UART_BYTES) {
        if (size != 1)
            return false;
        if (pa - PW_MEM_UART == PW_UART_THR && iss->cfg.console)
            iss->cfg.console(iss->cfg.console_ctx, (uint8_t)value);
        return true; /* other registers ignore writes */
    }
    if (size != 4)
        return false;
    if (pa >= PW_MEM_CLINT && pa - PW_MEM_CLINT < PW_CLINT_BYTES) {
        uint32_t off = (uint32_t)(pa - PW_MEM_CLINT);
        switch (off) {
        case PW_CLINT_MSIP: iss->msip = value & 1; return true;
        case PW_CLINT_MTIMECMP: iss->mtimecmp = (iss->mtimecmp & ~0xffffffffull) | value; return true;
        case PW_CLINT_MTIMECMP + 4: iss->mtimecmp = (iss->mtimecmp & 0xffffffffull) | (uint64_t)value << 32; return true;
        case PW_CLINT_MTIME: iss->mtime = (iss->mtime & ~0xffffffffull) | value; return true;
        case PW_CLINT_MTIME + 4: iss->mtime = (iss->mtime & 0xffffffffull) | (uint64_t)value << 32; return true;
        default: return false;
        }
    }
    if (pa >= PW_MEM_TEST_FINISHER && pa - PW_MEM_TEST_FINISHER < PW_FINISHER_BYTES) {
        finisher_write(iss, value);
        return true;
    }
    return false; /* the MMU counters are read-only; nothing else is there */
}

/* RAM accesses of a constant size each (a variable-size memcpy is a call). */
static inline uint32_t ram_read(const uint8_t *host, unsigned size)
{
    uint16_t h;
    uint32_t w;
    switch (size) {
    case 1: return *host;
    case 2: memcpy(&h, host, 2); return h;
    default: memcpy(&w, host, 4); return w;
    }
}

static inline void ram_write(uint8_t *host, unsigned size, uint32_t value)
{
    uint16_t h = (uint16_t)value;
    switch (size) {
    case 1: *host = (uint8_t)value; break;
    case 2: memcpy(host, &h, 2); break;
    default: memcpy(host, &value, 4); break;
    }
}

static inline void record_mem(pw_iss *iss, uint32_t va, unsigned size, uint32_t value, uint64_t pa, bool store)
{
    pw_rvfi *rec = iss->rec;
    unsigned shift = va & 3;
    uint8_t mask = (uint8_t)(((1u << size) - 1) << shift);
    rec->mem_addr = va & ~3u;
    rec->mem_pa = (uint32_t)pa;
    if (store) {
        rec->mem_wmask = mask;
        rec->mem_wdata = value << (8 * shift);
    } else {
        rec->mem_rmask = mask;
        rec->mem_rdata = value << (8 * shift);
    }
}

bool mem_load(pw_iss *iss, uint32_t va, unsigned size, uint32_t *value)
{
    if (va & (size - 1)) {
        raise_exception(iss, PW_CAUSE_LOAD_MISALIGNED, va);
        return false;
    }
    uint8_t *host;
    uint64_t pa;
    switch (xlate(iss, va, MEMO_LOAD, &host, &pa)) {
    case XL_RAM:
        *value = ram_read(host, size);
        break;
    case XL_OTHER:
        if (!device_load(iss, pa, size, value)) {
            raise_exception(iss, PW_CAUSE_LOAD_ACCESS, va);
            return false;
        }
        break;
    default:
        return false;
    }
    record_mem(iss, va, size, *value, pa, false);
    return true;
}

bool mem_store(pw_iss *iss, uint32_t va, unsigned size, uint32_t value)
{
    if (va & (size - 1)) {
        raise_exception(iss, PW_CAUSE_STORE_MISALIGNED, va);
        return false;
    }
    uint8_t *host;
    uint64_t pa;
    if (size < 4)
        value &= (1u << (8 * size)) - 1;
    switch (xlate(iss, va, MEMO_STORE, &host, &pa)) {
    case XL_RAM:
        ram_write(host, size, value);
        record_mem(iss, va, size, value, pa, true);
        ram_store_hook(iss, (uint32_t)pa);
        return true;
    case XL_OTHER:
        record_mem(iss, va, size, value, pa, true);
        if (!device_store(iss, pa, size, value)) {
            raise_exception(iss, PW_CAUSE_STORE_ACCESS, va);
            return false;
        }
        return true;
    default:
        return false;
    }
}

bool mem_fetch(pw_iss *iss, uint32_t pc, uint32_t *insn)
{
    if (pc & 3) { /* only reachable through pw_iss_set_pc: jumps check their target */
        raise_exception(iss, PW_CAUSE_FETCH_MISALIGNED, pc);
        return false;
    }
    uint8_t *host;
    uint64_t pa;
    switch (xlate(iss, pc, MEMO_FETCH, &host, &pa)) {
    case XL_RAM:
        memcpy(insn, host, 4);
        return true;
    case XL_OTHER: /* instructions come from RAM only */
        raise_exception(iss, PW_CAUSE_FETCH_ACCESS, pc);
        return false;
    default:
        return false;
    }
}

bool pw_iss_write_phys(pw_iss *iss, uint32_t pa, const void *data, size_t len)
{
    if (!in_ram(iss, pa) || len > iss->ram_bytes - (pa - PW_MEM_RAM))
        return false;
    memcpy(iss->ram + (pa - PW_MEM_RAM), data, len);
    /* Conservative: any page may have held a PTE. */
    memo_flush(iss);
    return true;
}

bool pw_iss_read_phys(const pw_iss *iss, uint32_t pa, void *data, size_t len)
{
    if (!in_ram(iss, pa) || len > iss->ram_bytes - (pa - PW_MEM_RAM))
        return false;
    memcpy(data, iss->ram + (pa - PW_MEM_RAM), len);
    return true;
}
