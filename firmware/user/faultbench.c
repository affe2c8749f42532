/* faultbench: the cost of each kind of page fault. Provokes each kind in
 * turn (demand-zero, file, copy-on-write copy and reuse, shared, swap-in,
 * kill) and prints the kernel's measurements: faults counted, and the mean
 * instructions retired and cycles counted per fault, from the handler's start
 * to its end (vmstats cost_*). On the ISS instret counts instructions and
 * cycle equals it; on the RTL cycle counts clock cycles. `make bench` runs it.
 *
 * usage: faultbench */
#include <stdint.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

static void touch(volatile uint8_t *m, uint32_t pages, uint8_t v)
{
    for (uint32_t p = 0; p < pages; p++)
        m[p * 4096] = v;
}

int main(void)
{
    struct pw_vmstats s0, s1;
    vmstats(&s0);
    uint32_t F = s0.frames_total;

    /* demand-zero and cow: 8 fresh pages, then a child that writes them */
    volatile uint8_t *m = mmap(0, 8 * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
    touch(m, 8, 1);
    pid_t pid = fork();
    if (pid == 0) {
        touch(m, 8, 2);
        _exit(0);
    }
    wait(NULL);
    touch(m, 8, 3);                      /* the last sharer regains W */
    munmap((void *)m, 8 * 4096);

    /* file: a program's pages, mapped and read */
    int fd = pw_open("hello", PW_O_RDONLY);
    for (int i = 0; i < 4; i++) {
        volatile uint8_t *f = mmap(0, 2 * 4096, PW_PROT_READ, PW_MAP_PRIVATE, fd, 0);
        CHECK(f != MAP_FAILED, "mmap hello");
        (void)f[0], (void)f[4096];
        munmap((void *)f, 2 * 4096);
    }

    /* shared: the child faults the object's pages in, then the parent maps them */
    volatile uint8_t *sh = mmap(0, 4 * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_SHARED | PW_MAP_ANONYMOUS, -1, 0);
    pid = fork();
    if (pid == 0) {
        touch(sh, 4, 2);
        _exit(0);
    }
    wait(NULL);
    touch(sh, 4, 1);
    munmap((void *)sh, 4 * 4096);

    /* swap-in: round-robin over 1.5 F pages, three times */
    uint32_t W = F + F / 2;
    volatile uint8_t *big = mmap(0, W * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
    for (int r = 0; r < 3; r++)
        touch(big, W, (uint8_t)r);
    munmap((void *)big, W * 4096);

    /* kill: a child that stores to its text */
    pid = fork();
    if (pid == 0) {
        *(volatile uint32_t *)(uintptr_t)main = 0;
        _exit(0);
    }
    wait(NULL);

    vmstats(&s1);
    static const char *const names[] = PW_COST_NAMES;
    printf("faultbench: kind count insns/fault cycles/fault\n");
    for (int k = 0; k < 8; k++) {
        uint32_t n = s1.cost_count[k] - s0.cost_count[k];
        if (!n)
            continue;
        printf("[t] faultbench: %s %lu %lu %lu\n", names[k], (unsigned long)n,
               (unsigned long)((s1.cost_insns[k] - s0.cost_insns[k]) / n),
               (unsigned long)((s1.cost_cycles[k] - s0.cost_cycles[k]) / n));
    }
    return ut_exit("faultbench");
}
