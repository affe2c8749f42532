/* mlayer.c: the M-mode layer. It owns the machine: it opens memory to S and U
 * (PMP allow-all where PMP exists), delegates to the S-mode kernel every trap
 * the kernel handles (page faults, U-mode ecalls, illegal instructions, the
 * timer), forwards the machine timer to S as STIP, and serves the kernel's
 * ecalls (sbi.h): console, timer, time, shutdown and the MMU counter block. */
#include <stdint.h>
#include "riscv.h"
#include "sbi.h"

void kernel_entry(void);   /* kernel/entry.S */

enum { MMU_COUNTER_WORDS = 5 };

static volatile int m_probing;      /* a load is probing a device that may not exist */
static volatile int m_probe_faulted;
static int mmu_counters_present;

static void uart_putc(char c)
{
    while (!(mmio_read8(PW_MEM_UART + PW_UART_LSR) & PW_UART_LSR_THRE))
        ;
    mmio_write8(PW_MEM_UART + PW_UART_THR, (uint8_t)c);
}

static void m_puts(const char *s)
{
    while (*s)
        uart_putc(*s++);
}

static void m_puthex(uint32_t v)
{
    m_puts("0x");
    for (int i = 28; i >= 0; i -= 4)
        uart_putc("0123456789abcdef"[(v >> i) & 0xf]);
}

static void shutdown(uint32_t code)
{
    mmio_write32(PW_MEM_TEST_FINISHER, code == 0 ? PW_FINISHER_PASS : (code << 16) | PW_FINISHER_FAIL);
    for (;;)
        ;
}

static uint64_t mtime_read(void)
{
    uint32_t hi, lo;
    do {
        hi = mmio_read32(PW_MEM_CLINT + PW_CLINT_MTIME + 4);
        lo = mmio_read32(PW_MEM_CLINT + PW_CLINT_MTIME);
    } while (hi != mmio_read32(PW_MEM_CLINT + PW_CLINT_MTIME + 4));
    return ((uint64_t)hi << 32) | lo;
}

static void mtimecmp_write(uint32_t lo, uint32_t hi)
{
    /* no transient compare value below the target: high word to max first */
    mmio_write32(PW_MEM_CLINT + PW_CLINT_MTIMECMP + 4, 0xffffffffu);
    mmio_write32(PW_MEM_CLINT + PW_CLINT_MTIMECMP, lo);
    mmio_write32(PW_MEM_CLINT + PW_CLINT_MTIMECMP + 4, hi);
}

/* Read one word of a device that may be absent: an access fault while
 * m_probing is set is caught by m_trap. Returns 0 and sets *ok = 0 then. */
static uint32_t probe_read32(uint32_t addr, int *ok)
{
    m_probe_faulted = 0;
    m_probing = 1;
    uint32_t v = mmio_read32(addr);
    m_probing = 0;
    *ok = !m_probe_faulted;
    return *ok ? v : 0;
}

void m_main(void)
{
    /* PMP allow-all (TOR up to the top of the address space, RWX) for
     * engines with PMP; our SoC's pmp registers read zero and ignore writes. */
    csr_write(pmpaddr0, 0xffffffffu);
    csr_write(pmpcfg0, 0x0f);

    int ok;
    (void)probe_read32(PW_MEM_MMU_COUNTERS, &ok);
    mmu_counters_present = ok;

    uint32_t deleg = (1u << PW_CAUSE_FETCH_MISALIGNED) | (1u << PW_CAUSE_FETCH_ACCESS) |
                     (1u << PW_CAUSE_ILLEGAL_INSN) | (1u << PW_CAUSE_BREAKPOINT) |
                     (1u << PW_CAUSE_LOAD_MISALIGNED) | (1u << PW_CAUSE_LOAD_ACCESS) |
                     (1u << PW_CAUSE_STORE_MISALIGNED) | (1u << PW_CAUSE_STORE_ACCESS) |
                     (1u << PW_CAUSE_ECALL_U) | (1u << PW_CAUSE_FETCH_PAGE_FAULT) |
                     (1u << PW_CAUSE_LOAD_PAGE_FAULT) | (1u << PW_CAUSE_STORE_PAGE_FAULT);
    csr_write(medeleg, deleg);
    csr_write(mideleg, PW_IRQ_STI | PW_IRQ_SSI);
    csr_write(mcounteren, PW_COUNTEREN_CY | PW_COUNTEREN_TM | PW_COUNTEREN_IR);
    mtimecmp_write(0xffffffffu, 0xffffffffu);
    csr_write(mie, PW_IRQ_MTI);
    csr_write(satp, 0);

    uint32_t ms = csr_read(mstatus);
    ms &= ~(PW_MSTATUS_MPP_MASK << PW_MSTATUS_MPP_SHIFT);
    ms |= PW_PRIV_S_VALUE << PW_MSTATUS_MPP_SHIFT;
    ms &= ~PW_MSTATUS_MIE;    /* M-mode runs with interrupts off; below M, MTI is always taken */
    csr_write(mstatus, ms);
    csr_write(mepc, (uint32_t)(uintptr_t)kernel_entry);
    __asm__ volatile("mret");
}

/* frame[i] is x[i] at the trap; a0 = frame[10], a1 = frame[11], a7 = frame[17]. */
void m_trap(uint32_t *frame)
{
    uint32_t cause = csr_read(mcause);
    if (cause == (PW_MCAUSE_INTERRUPT | PW_IRQ_MTI_BIT)) {
        /* forward to S: raise STIP, mask MTI until the kernel sets the next deadline */
        csr_clear(mie, PW_IRQ_MTI);
        csr_set(mip, PW_IRQ_STI);
        return;
    }
    if (m_probing && (cause == PW_CAUSE_LOAD_ACCESS)) {
        m_probe_faulted = 1;
        csr_write(mepc, csr_read(mepc) + 4);
        return;
    }
    if (cause == PW_CAUSE_ECALL_S) {
        csr_write(mepc, csr_read(mepc) + 4);
        switch (frame[17]) {
        case SBI_PUTCHAR:
            uart_putc((char)frame[10]);
            return;
        case SBI_SET_TIMER:
            mtimecmp_write(frame[10], frame[11]);
            csr_clear(mip, PW_IRQ_STI);
            csr_set(mie, PW_IRQ_MTI);
            return;
        case SBI_GET_TIME: {
            uint64_t t = mtime_read();
            frame[10] = (uint32_t)t;
            frame[11] = (uint32_t)(t >> 32);
            return;
        }
        case SBI_SHUTDOWN:
            shutdown(frame[10]);
            return;
        case SBI_MMU_COUNTER: {
            int ok = 0;
            uint32_t v = 0;
            if (mmu_counters_present && frame[10] < MMU_COUNTER_WORDS)
                v = probe_read32(PW_MEM_MMU_COUNTERS + 4 * frame[10], &ok);
            frame[10] = v;
            frame[11] = (uint32_t)ok;
            return;
        }
        default:
            frame[10] = (uint32_t)-1;
            return;
        }
    }
    m_puts("\nM-mode: unexpected trap, mcause ");
    m_puthex(cause);
    m_puts(" mepc ");
    m_puthex(csr_read(mepc));
    m_puts(" mtval ");
    m_puthex(csr_read(mtval));
    m_puts("\n");
    shutdown(3);
}
