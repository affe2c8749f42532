/* forkcow: fork with copy-on-write. After fork, parent and child share every
 * page read-only; the first store to a shared page copies it (cow_copies),
 * and a store by the last sharer just gives W back (cow_reuses). Each side
 * must keep seeing its own values. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

enum { PAGES = 4, WORDS = PAGES * 1024 };
static uint32_t area[WORDS];   /* bss: 4 pages */

static uint32_t pattern(uint32_t who, uint32_t i) { return who * 0x9e3779b9u ^ (i * 2654435761u); }

static int verify(uint32_t who)
{
    for (uint32_t i = 0; i < WORDS; i++)
        if (area[i] != pattern(who, i))
            return 0;
    return 1;
}

static void fill(uint32_t who)
{
    for (uint32_t i = 0; i < WORDS; i++)
        area[i] = pattern(who, i);
}

int main(void)
{
    struct pw_vmstats s0, s1, s2;
    fill(1);
    vmstats(&s0);
    pid_t pid = fork();
    CHECK(pid >= 0, "fork failed");
    if (pid == 0) {
        int ok = verify(1);          /* reads share the parent's frames */
        fill(2);                     /* every page copied */
        ok = ok && verify(2);
        pid_t g = fork();            /* a grandchild shares the child's copies */
        if (g == 0) {
            fill(3);
            _exit(verify(3) ? 0 : 1);
        }
        int st = -1;
        wait(&st);
        ok = ok && verify(2) && st == 0;
        _exit(ok ? 0 : 1);
    }
    int status = -1;
    CHECK(wait(&status) == pid, "wait");
    CHECK(PW_WIFEXITED(status) && PW_WEXITSTATUS(status) == 0, "child saw wrong data (status 0x%x)", status);
    vmstats(&s1);
    CHECK(verify(1), "the parent's pages changed after the child wrote its own");
    CHECK(s1.cow_copies - s0.cow_copies >= 2 * PAGES, "the child and grandchild copied %lu pages, expected >= %d",
          (unsigned long)(s1.cow_copies - s0.cow_copies), 2 * PAGES);
    fill(4);                         /* the parent is the last sharer now: no copies */
    vmstats(&s2);
    CHECK(verify(4), "parent refill");
    CHECK(s2.cow_copies == s1.cow_copies, "the last sharer copied %lu pages",
          (unsigned long)(s2.cow_copies - s1.cow_copies));
    CHECK(s2.cow_reuses - s1.cow_reuses >= PAGES, "the last sharer regained W on %lu pages, expected >= %d",
          (unsigned long)(s2.cow_reuses - s1.cow_reuses), PAGES);
    /* A child writes its copy and exits; the next child, forked at once,
     * gets the same ASID. A TLB still holding the first child's writable
     * translation would show the second child the first one's copy. */
    int stale = 0;
    for (uint32_t i = 0; i < 4; i++) {
        if (fork() == 0) {
            area[0] = 0xdead0000u + i;
            _exit(0);
        }
        wait(NULL);
        pid = fork();
        if (pid == 0)
            _exit(area[0] == pattern(4, 0) ? 0 : 1);
        int st2 = -1;
        wait(&st2);
        stale += st2 != 0;
    }
    CHECK(stale == 0, "%d children saw a sibling's copy-on-write copy", stale);
    printf("forkcow: child and grandchild wrote private copies; the parent's %d pages kept their values\n", PAGES);
    printf("[t] forkcow: %lu copies, %lu reuses\n", (unsigned long)(s2.cow_copies - s0.cow_copies),
           (unsigned long)(s2.cow_reuses - s0.cow_reuses));
    return ut_exit("forkcow");
}
