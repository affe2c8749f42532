/* boot.c: the iCEBreaker SoC's boot loader, in its boot ROM (docs/fpga.md,
 * "Loading the firmware"). SPRAM cannot be initialised by the bitstream, so
 * the firmware arrives through the UART's receiver: from the board's SPI flash
 * (pw_flash_stream sends it right after reset) or, without an image in flash,
 * from the host. The image is a header (magic, length, two checksums; format
 * in cmodel/gen/board.defs) and the bytes to place at MEM_RAM. The loader
 * looks for the magic in whatever arrives, copies the bytes to RAM as they
 * come, checks them and jumps to MEM_RAM in M-mode; a bad image is reported
 * and the loader waits for the next one.
 *
 * It prints nothing before an image: the flash's bytes start to arrive a few
 * microseconds after reset, and a message sent then would make the loader
 * miss them (the UART holds one received byte). Only when nothing arrives for
 * IDLE_POLLS polls (about half a second on the board) does it say that it waits.
 *
 * Every byte is read within the time the UART takes to receive the next one
 * (a byte every 10 bit times: 520 cycles on the board at 6 MHz, 160 in the
 * testbenches): the copy loop takes about 70 cycles a byte. */
#include <stdint.h>
#include "pagewalk_defs.h"
#include "pagewalk_core.h"
#include "pagewalk_board.h"

#define UART(off) (*(volatile uint8_t *)(uintptr_t)(PW_MEM_UART + (off)))
#define MAX_BYTES (PW_UP5K_SPRAM_BYTES - PW_BOOT_STACK_BYTES)
#define IDLE_POLLS (1u << 17)

static void putc_(char c)
{
    while (!(UART(PW_UART_LSR) & PW_UART_LSR_THRE))
        ;
    UART(PW_UART_THR) = (uint8_t)c;
}

static void puts_(const char *s)
{
    while (*s)
        putc_(*s++);
}

static void puthex(uint32_t v)
{
    puts_("0x");
    for (int i = 28; i >= 0; i -= 4)
        putc_("0123456789abcdef"[(v >> i) & 0xf]);
}

static uint8_t getc_(void)
{
    while (!(UART(PW_UART_LSR) & PW_UART_LSR_DR))
        ;
    return UART(PW_UART_RBR);
}

/* A byte, or -1 when none came in IDLE_POLLS polls. */
static int getc_idle(void)
{
    for (uint32_t n = 0; n < IDLE_POLLS; n++)
        if (UART(PW_UART_LSR) & PW_UART_LSR_DR)
            return UART(PW_UART_RBR);
    return -1;
}

static uint32_t get_word(void)
{
    uint32_t w = 0;
    for (int i = 0; i < 32; i += 8)
        w |= (uint32_t)getc_() << i;
    return w;
}

__attribute__((noreturn)) void boot_main(void)
{
    int told = 0;
    for (;;) {
        /* Find the magic in the byte stream. */
        uint32_t window = 0;
        while (window != PW_BOOT_MAGIC) {
            int c = told ? getc_() : getc_idle();
            if (c < 0) {
                puts_("pagewalk boot: no image from the SPI flash (at ");
                puthex(PW_BOOT_FLASH_OFFSET);
                puts_("); waiting for one on this UART\n");
                told = 1;
                continue;
            }
            window = (window >> 8) | ((uint32_t)c << 24);
        }
        uint32_t length = get_word();
        uint32_t want_a = get_word();
        uint32_t want_b = get_word();
        if (length > MAX_BYTES) {
            puts_("pagewalk boot: error: an image of ");
            puthex(length);
            puts_(" bytes does not fit ");
            puthex(MAX_BYTES);
            puts_(" bytes of RAM\n");
            continue;
        }
        volatile uint8_t *dst = (volatile uint8_t *)(uintptr_t)PW_MEM_RAM;
        uint32_t a = 0, b = 0;
        for (uint32_t i = 0; i < length; i++) {
            uint8_t c = getc_();
            dst[i] = c;
            a += c;
            b += a;
        }
        if (a != want_a || b != want_b) {
            puts_("pagewalk boot: error: checksum ");
            puthex(a);
            putc_(' ');
            puthex(b);
            puts_(", the header says ");
            puthex(want_a);
            putc_(' ');
            puthex(want_b);
            puts_("\n");
            continue;
        }
        puts_("pagewalk boot: ");
        puthex(length);
        puts_(" bytes, checksum ok; starting at ");
        puthex(PW_MEM_RAM);
        puts_("\n");
        ((void (*)(void))(uintptr_t)PW_MEM_RAM)();
        __builtin_unreachable();
    }
}
