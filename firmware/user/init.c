/* init: the first process. Runs each program named in its arguments (fork,
 * execve, wait), one at a time so the console transcript is the same on
 * every engine, and ends with "init: N passed, M failed". A program passes
 * when it exits with status 0. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "pw_user.h"

static void print_stats(void)
{
    struct pw_vmstats s;
    if (vmstats(&s) < 0)
        return;
    printf("[t] stats: faults zero %lu file %lu cow %lu (copies %lu, reuses %lu) swap-in %lu shared %lu stack +%lu kills %lu\n",
           (unsigned long)s.faults_zero, (unsigned long)s.faults_file, (unsigned long)s.faults_cow,
           (unsigned long)s.cow_copies, (unsigned long)s.cow_reuses, (unsigned long)s.faults_swapin,
           (unsigned long)s.faults_shared, (unsigned long)s.stack_growth, (unsigned long)s.kills);
    printf("[t] stats: evictions %lu (clean %lu) swap writes %lu reads %lu, file write-backs %lu\n",
           (unsigned long)s.evictions, (unsigned long)s.evict_clean, (unsigned long)s.swap_writes,
           (unsigned long)s.swap_reads, (unsigned long)s.file_writebacks);
    /* [t] lines are left out when transcripts are compared: the totals
     * include the stress run, whose operation count depends on timing, and
     * A/D faults depend on the engine's A/D policy (QEMU sets them in
     * hardware). */
    printf("[t] stats: A/D faults %lu\n", (unsigned long)s.faults_ad);
    if (s.mmu_present)
        printf("[t] mmu: hits %lu misses %lu walks %lu faults %lu walk cycles %lu\n", (unsigned long)s.mmu_hits,
               (unsigned long)s.mmu_misses, (unsigned long)s.mmu_walks, (unsigned long)s.mmu_faults,
               (unsigned long)s.mmu_walk_cycles);
}

static int run(char *prog)
{
    char *argv[] = { prog, NULL };
    printf("init: running %s\n", prog);
    pid_t pid = fork();
    if (pid < 0) {
        printf("init: fork failed\n");
        return 0;
    }
    if (pid == 0) {
        execve(prog, argv, NULL);
        printf("init: cannot execute %s\n", prog);
        _exit(127);
    }
    int status = 0;
    pid_t got = wait(&status);
    if (got != pid) {
        printf("init: wait returned %d, expected %d\n", got, pid);
        return 0;
    }
    if (PW_WIFEXITED(status) && PW_WEXITSTATUS(status) == 0) {
        printf("init: %s passed\n", prog);
        return 1;
    }
    if (PW_WIFKILLED(status))
        printf("init: %s FAILED: killed (cause %d)\n", prog, PW_WKILLCAUSE(status));
    else
        printf("init: %s FAILED: exit status %d\n", prog, PW_WEXITSTATUS(status));
    return 0;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (run(argv[i]))
            passed++;
        else
            failed++;
    }
    print_stats();
    printf("init: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
