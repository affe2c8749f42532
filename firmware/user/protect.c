/* protect: every kind of protection fault kills only the offending process.
 * Each case runs in a child; the kernel prints its "pid N killed: ..." line,
 * and the parent checks the child died of the expected cause and carries on. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

static volatile uint32_t sink;

static void store_to_text(void) { *(volatile uint32_t *)(uintptr_t)store_to_text = 0; }
static void fetch_from_data(void)
{
    static uint32_t code[1] = { 0x00008067 };   /* ret, in a RW data page */
    ((void (*)(void))(uintptr_t)code)();
}
static void load_kernel(void) { sink = *(volatile uint32_t *)0x80000000u; }
static void load_null(void) { sink = *(volatile uint32_t *)0; }
static void store_unmapped(void) { *(volatile uint32_t *)0x30000000u = 1; }
static void store_readonly(void)
{
    volatile uint32_t *p = mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
    p[0] = 1;
    mprotect((void *)p, 4096, PW_PROT_READ);
    p[1] = 2;
}
static void load_after_munmap(void)
{
    volatile uint32_t *p = mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
    p[0] = 1;
    munmap((void *)p, 4096);
    sink = p[0];
}
static volatile uint32_t depth_limit = 0xffffffffu;   /* never reached: the stack limit is */
static uint32_t recurse(uint32_t n)
{
    volatile uint8_t frame[2048];
    frame[0] = (uint8_t)n;
    if (n == depth_limit)
        return 0;
    return recurse(n + 1) + frame[0];
}
static void stack_overflow(void) { sink = recurse(0); }
static void store_shared_readonly(void)
{
    int fd = pw_open("data.txt", PW_O_RDONLY);
    volatile char *p = mmap(0, 4096, PW_PROT_READ, PW_MAP_SHARED, fd, 0);
    sink = p[0];
    p[0] = 'x';
}
static void illegal_csr(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, sstatus" : "=r"(v));
    sink = v;
}

struct kase { const char *name; void (*fn)(void); int cause; };
static const struct kase cases[] = {
    { "store to text", store_to_text, 15 },
    { "fetch from data", fetch_from_data, 12 },
    { "load from kernel memory", load_kernel, 13 },
    { "null dereference", load_null, 13 },
    { "store outside every mapping", store_unmapped, 15 },
    { "store after mprotect(PROT_READ)", store_readonly, 15 },
    { "load after munmap", load_after_munmap, 13 },
    { "stack overflow past the limit", stack_overflow, 15 },
    { "store to a read-only shared mapping", store_shared_readonly, 15 },
    { "S-mode CSR from U-mode", illegal_csr, 2 },
};

int main(void)
{
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        printf("protect: %s\n", cases[i].name);
        pid_t pid = fork();
        if (pid == 0) {
            cases[i].fn();
            printf("protect: %s was not stopped\n", cases[i].name);
            _exit(0);
        }
        int st = 0;
        CHECK(wait(&st) == pid, "wait");
        CHECK(PW_WIFKILLED(st) && PW_WKILLCAUSE(st) == cases[i].cause, "%s: status 0x%x, expected a kill with cause %d",
              cases[i].name, st, cases[i].cause);
    }
    printf("protect: %u faults, each killed only its process\n", (unsigned)(sizeof cases / sizeof cases[0]));
    return ut_exit("protect");
}
