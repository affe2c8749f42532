/* mallocstress: picolibc's malloc on our sbrk, under random malloc, realloc
 * and free with every block's contents checked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "pw_user.h"
#include "ut.h"

enum { SLOTS = 48, OPS = 3000 };
static uint8_t *blk[SLOTS];
static uint32_t len[SLOTS], tag[SLOTS];
static uint32_t rng = 12345;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void fill(int s) { for (uint32_t i = 0; i < len[s]; i++) blk[s][i] = (uint8_t)(tag[s] + i * 7); }
static int good(int s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (blk[s][i] != (uint8_t)(tag[s] + i * 7))
            return 0;
    return 1;
}

int main(void)
{
    uint32_t bad = 0, allocs = 0;
    for (int op = 0; op < OPS; op++) {
        int s = (int)(next() % SLOTS);
        uint32_t n = next() % 16 == 0 ? 4096 + next() % 12288 : 1 + next() % 512;
        if (!blk[s]) {
            blk[s] = malloc(n);
            CHECK(blk[s] != NULL, "malloc(%lu)", (unsigned long)n);
            len[s] = n;
            tag[s] = next();
            fill(s);
            allocs++;
        } else if (next() % 3 == 0) {
            uint32_t keep = n < len[s] ? n : len[s];
            bad += !good(s, len[s]);
            uint8_t *p = realloc(blk[s], n);
            CHECK(p != NULL, "realloc");
            blk[s] = p;
            bad += !good(s, keep);
            len[s] = n;
            fill(s);
        } else {
            bad += !good(s, len[s]);
            free(blk[s]);
            blk[s] = NULL;
        }
    }
    for (int s = 0; s < SLOTS; s++)
        if (blk[s]) {
            bad += !good(s, len[s]);
            free(blk[s]);
        }
    CHECK(bad == 0, "%lu blocks corrupted", (unsigned long)bad);
    printf("mallocstress: %d operations, %lu allocations, no block corrupted\n", OPS, (unsigned long)allocs);
    return ut_exit("mallocstress");
}
