/* ut.h: the checks user test programs make. CHECK prints the failing
 * condition with its line; ut_exit() ends the program with status 1 when any
 * check failed, so init counts it as failed. */
#ifndef UT_H
#define UT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int ut_failures;

#define CHECK(cond, ...)                                                  \
    do {                                                                  \
        if (!(cond)) {                                                    \
            ut_failures++;                                                \
            printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);        \
            printf(__VA_ARGS__);                                          \
            printf("\n");                                                 \
        }                                                                 \
    } while (0)

/* How many of the four bytes of a word differ from the word expected: the
 * programs that fill memory with a pattern count the bytes they lost. */
static inline uint32_t ut_bytes_differing(uint32_t got, uint32_t want)
{
    uint32_t x = got ^ want;
    return ((x & 0xff) != 0) + ((x & 0xff00) != 0) + ((x & 0xff0000) != 0) + ((x >> 24) != 0);
}

static inline int ut_exit(const char *name)
{
    if (ut_failures)
        printf("%s: %d checks failed\n", name, ut_failures);
    exit(ut_failures ? 1 : 0);
}

#endif
