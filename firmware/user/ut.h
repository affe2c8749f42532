/* ut.h: the checks user test programs make. CHECK prints the failing
 * condition with its line; ut_exit() ends the program with status 1 when any
 * check failed, so init counts it as failed. */
#ifndef UT_H
#define UT_H

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

static inline int ut_exit(const char *name)
{
    if (ut_failures)
        printf("%s: %d checks failed\n", name, ut_failures);
    exit(ut_failures ? 1 : 0);
}

#endif
