/* demandzero: bss, heap and stack pages are zero-filled on first touch; the
 * stack grows on fault down to its limit; memory given back with a negative
 * sbrk comes back zeroed. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

enum { BSS_PAGES = 16 };
static uint8_t big[BSS_PAGES * 4096];

static uint32_t deep(int n)
{
    volatile uint8_t frame[1024];
    frame[0] = (uint8_t)n;
    frame[1023] = (uint8_t)(n >> 8);
    if (n == 0)
        return frame[0];
    return deep(n - 1) + frame[1023];
}

static int all_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

int main(void)
{
    struct pw_vmstats a, b;

    vmstats(&a);
    CHECK(all_zero(big, sizeof big), "bss not zero");
    big[5 * 4096] = 1;
    vmstats(&b);
    CHECK(b.faults_zero - a.faults_zero >= BSS_PAGES, "bss: %lu demand-zero faults for %d pages",
          (unsigned long)(b.faults_zero - a.faults_zero), BSS_PAGES);

    uint8_t *heap = sbrk(8 * 4096);
    CHECK(heap != (void *)-1, "sbrk");
    CHECK(all_zero(heap, 8 * 4096), "fresh heap not zero");
    memset(heap, 0xa5, 8 * 4096);
    CHECK(sbrk(-6 * 4096) != (void *)-1, "shrink");
    CHECK(sbrk(6 * 4096) != (void *)-1, "grow again");
    CHECK(heap[0] == 0xa5 && heap[2 * 4096 - 1] == 0xa5, "kept heap pages lost their data");
    CHECK(all_zero(heap + 2 * 4096, 6 * 4096), "heap pages given back came back dirty");

    vmstats(&a);
    uint32_t r = deep(40);           /* about 41 KiB of stack */
    vmstats(&b);
    CHECK(r == 0, "recursion result %lu", (unsigned long)r);
    CHECK(b.stack_growth - a.stack_growth >= 9, "the stack grew by %lu pages", (unsigned long)(b.stack_growth - a.stack_growth));
    printf("demandzero: bss, heap and a 41 KiB stack came up zero; freed heap came back zero\n");
    return ut_exit("demandzero");
}
