/* The ISS's life cycle and its step: take an interrupt if one is due, fetch,
 * execute, and either retire the instruction or enter its trap; one
 * retirement record per step. */
#include "iss_internal.h"

#include "elf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void pw_iss_config_default(pw_iss_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->ram_bytes = PW_RAM_DEFAULT_BYTES;
    cfg->svadu = false;
    cfg->has_m = true;
    cfg->interrupts = PW_ISS_IRQ_SELF;
}

pw_iss *pw_iss_new(const pw_iss_config *cfg)
{
    uint32_t page = 1u << PW_SV32_PAGE_SHIFT;
    if (cfg->ram_bytes == 0 || cfg->ram_bytes % page != 0
        || (uint64_t)PW_MEM_RAM + cfg->ram_bytes > (1ull << 32))
        return NULL;
    pw_iss *iss = calloc(1, sizeof *iss);
    if (!iss)
        return NULL;
    iss->cfg = *cfg;
    iss->ram_bytes = cfg->ram_bytes;
    iss->ram = calloc(1, cfg->ram_bytes);
    iss->pt_bitmap_bytes = (cfg->ram_bytes / page + 7) / 8;
    iss->pt_pages = calloc(1, iss->pt_bitmap_bytes);
    if (!iss->ram || !iss->pt_pages) {
        pw_iss_free(iss);
        return NULL;
    }
    csr_reset(iss);
    mem_init_memo(iss);
    iss->pc = PW_MEM_RAM;
    iss->priv = PW_PRIV_M;
    iss->mtimecmp = UINT64_MAX; /* no timer interrupt until software sets one */
    iss->injected = -1;
    iss->status.state = PW_ISS_RUNNING;
    snprintf(iss->status.why, sizeof iss->status.why, "running");
    return iss;
}

void pw_iss_free(pw_iss *iss)
{
    if (!iss)
        return;
    free(iss->ram);
    free(iss->pt_pages);
    free(iss);
}

static void elf_write(void *ctx, uint32_t addr, const uint8_t *data, uint32_t len)
{
    pw_iss *iss = ctx;
    uint8_t *dst = iss->ram + (addr - PW_MEM_RAM);
    if (data)
        memcpy(dst, data, len);
    else
        memset(dst, 0, len);
}

bool pw_iss_load_elf(pw_iss *iss, const char *path, char *err, size_t errlen)
{
    pw_elf_target target = {.ram_base = PW_MEM_RAM, .ram_bytes = iss->ram_bytes, .ctx = iss, .write = elf_write};
    pw_elf_info info;
    if (!pw_elf_load(path, &target, &info, err, errlen))
        return false;
    memo_flush(iss);
    iss->pc = info.entry;
    iss->has_tohost = info.has_tohost;
    iss->tohost = info.tohost;
    return true;
}

void iss_finish(pw_iss *iss, pw_iss_state state, uint32_t code, const char *fmt, ...)
{
    if (iss->status.state != PW_ISS_RUNNING)
        return;
    iss->status.state = state;
    iss->status.code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(iss->status.why, sizeof iss->status.why, fmt, ap);
    va_end(ap);
}

/* The interrupt to take before this step's instruction, or -1. */
static inline int due_interrupt(pw_iss *iss)
{
    if (iss->injected >= 0) {
        int code = iss->injected;
        iss->injected = -1;
        return code;
    }
    if (iss->cfg.interrupts != PW_ISS_IRQ_SELF || !(mip_value(iss) & iss->csr[CSR_MIE]))
        return -1;
    return pending_interrupt(iss);
}

pw_iss_state pw_iss_step(pw_iss *iss, pw_rvfi *out)
{
    if (iss->status.state != PW_ISS_RUNNING)
        return iss->status.state;
    pw_rvfi local;
    pw_rvfi *rec = out ? out : &local;
    memset(rec, 0, sizeof *rec);
    iss->rec = rec;

    int irq = due_interrupt(iss);
    if (irq >= 0) {
        enter_trap(iss, (uint32_t)irq, 0, true);
        rec->intr = true;
        rec->intr_cause = (uint32_t)irq | PW_MCAUSE_INTERRUPT;
    }

    rec->order = iss->order++;
    rec->mode = (uint8_t)iss->priv;
    rec->pc_rdata = iss->pc;
    iss->exc.raised = false;
    iss->cycle_written = iss->instret_written = false;

    uint32_t insn;
    if (mem_fetch(iss, iss->pc, &insn)) {
        rec->insn = insn;
        exec_insn(iss, insn);
    }
    if (iss->exc.raised) {
        rec->trap = true;
        rec->rd_addr = 0;
        rec->rd_wdata = 0;
        rec->mem_addr = rec->mem_pa = 0;
        rec->mem_rmask = rec->mem_wmask = 0;
        rec->mem_rdata = rec->mem_wdata = 0;
        rec->csr_written = false;
        rec->cause = iss->exc.cause;
        rec->tval = iss->exc.tval;
        rec->trap_mode = (uint8_t)enter_trap(iss, iss->exc.cause, iss->exc.tval, false);
    } else if (!iss->instret_written) {
        iss->minstret++;
    }
    rec->pc_wdata = iss->pc;
    if (!iss->cycle_written)
        iss->mcycle++;
    iss->mtime++;
    iss->status.insns++;
    iss->rec = NULL;
    return iss->status.state;
}

pw_iss_state pw_iss_run(pw_iss *iss, uint64_t max_insns, FILE *log)
{
    pw_rvfi rec;
    uint64_t done = 0;
    while (iss->status.state == PW_ISS_RUNNING) {
        if (max_insns && done == max_insns) {
            iss_finish(iss, PW_ISS_MAX_INSNS, 0,
                       "stopped after %llu instructions (the limit) at pc 0x%08x in %s-mode: "
                       "the program wrote neither the test finisher nor tohost",
                       (unsigned long long)max_insns, iss->pc, pw_priv_name(iss->priv));
            break;
        }
        pw_iss_step(iss, &rec);
        if (log)
            pw_iss_log_commit(log, &rec);
        done++;
    }
    return iss->status.state;
}

const pw_iss_status *pw_iss_status_of(const pw_iss *iss) { return &iss->status; }

bool pw_rvfi_equal(const pw_rvfi *a, const pw_rvfi *b, char *diff, size_t difflen)
{
#define PW_RVFI_FIELD(f)                                                                            \
    if (a->f != b->f) {                                                                             \
        if (difflen > 0)                                                                            \
            snprintf(diff, difflen, #f ": 0x%08llx vs 0x%08llx", (unsigned long long)a->f,          \
                     (unsigned long long)b->f);                                                     \
        return false;                                                                               \
    }
    PW_RVFI_FIELD(order)
    PW_RVFI_FIELD(insn)
    PW_RVFI_FIELD(trap)
    PW_RVFI_FIELD(intr)
    PW_RVFI_FIELD(mode)
    PW_RVFI_FIELD(pc_rdata)
    PW_RVFI_FIELD(pc_wdata)
    PW_RVFI_FIELD(rd_addr)
    PW_RVFI_FIELD(rd_wdata)
    PW_RVFI_FIELD(mem_addr)
    PW_RVFI_FIELD(mem_rmask)
    PW_RVFI_FIELD(mem_wmask)
    PW_RVFI_FIELD(mem_rdata)
    PW_RVFI_FIELD(mem_wdata)
#undef PW_RVFI_FIELD
    if (difflen > 0)
        diff[0] = '\0';
    return true;
}

uint32_t pw_iss_pc(const pw_iss *iss) { return iss->pc; }
void pw_iss_set_pc(pw_iss *iss, uint32_t pc) { iss->pc = pc; }
uint32_t pw_iss_xreg(const pw_iss *iss, unsigned r) { return r < 32 ? iss->x[r] : 0; }
void pw_iss_set_xreg(pw_iss *iss, unsigned r, uint32_t value)
{
    if (r > 0 && r < 32)
        iss->x[r] = value;
}
pw_priv pw_iss_priv(const pw_iss *iss) { return iss->priv; }
void pw_iss_set_priv(pw_iss *iss, pw_priv priv)
{
    iss->priv = priv;
    memo_flush(iss);
}
uint64_t pw_iss_mtime(const pw_iss *iss) { return iss->mtime; }
void pw_iss_set_mtime(pw_iss *iss, uint64_t mtime) { iss->mtime = mtime; }
