/* mmapfile: mmap of files and anonymous memory, private and shared.
 *  - a private file mapping reads the file and keeps its writes to itself;
 *  - a shared file mapping written by a child is seen by the parent, and
 *    msync/munmap write it back to the image (a new mapping reads it back);
 *  - shared anonymous memory is shared across fork, private is not. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

static const char expect[] = "The quick brown fox";

static int child(void (*fn)(void *), void *arg)
{
    pid_t pid = fork();
    if (pid == 0) {
        fn(arg);
        _exit(0);
    }
    int st = -1;
    wait(&st);
    return PW_WIFEXITED(st) && PW_WEXITSTATUS(st) == 0;
}

static void write_shared(void *p) { memcpy(p, "SHARED!", 7); }
static void write_anon(void *p) { ((volatile uint32_t *)p)[1024] = 0xfeedface; }

int main(void)
{
    int fd = pw_open("data.txt", PW_O_RDONLY);
    CHECK(fd >= 3, "open data.txt");

    /* private file mapping */
    char *priv = mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE, fd, 0);
    CHECK(priv != MAP_FAILED, "mmap private");
    CHECK(memcmp(priv, expect, sizeof expect - 1) == 0, "private mapping reads '%.19s'", priv);
    memcpy(priv, "XXXXX", 5);
    char *priv2 = mmap(0, 4096, PW_PROT_READ, PW_MAP_PRIVATE, fd, 0);
    CHECK(memcmp(priv2, expect, sizeof expect - 1) == 0, "a private write reached the file");
    CHECK(munmap(priv, 4096) == 0 && munmap(priv2, 4096) == 0, "munmap");

    /* shared file mapping */
    int rw = pw_open("data.txt", PW_O_RDWR);
    CHECK(rw >= 3, "open data.txt read-write");
    char *sh = mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_SHARED, rw, 0);
    CHECK(sh != MAP_FAILED, "mmap shared");
    CHECK(child(write_shared, sh), "child");
    CHECK(memcmp(sh, "SHARED!", 7) == 0, "the parent does not see the child's write: '%.7s'", sh);
    struct pw_vmstats a, b;
    vmstats(&a);
    CHECK(msync(sh, 4096, PW_MS_SYNC) == 0, "msync");
    vmstats(&b);
    CHECK(b.file_writebacks > a.file_writebacks, "msync wrote nothing back");
    CHECK(munmap(sh, 4096) == 0, "munmap shared");
    char *again = mmap(0, 4096, PW_PROT_READ, PW_MAP_PRIVATE, fd, 0);
    CHECK(memcmp(again, "SHARED!ck brown fox", 19) == 0, "the image does not hold the write: '%.19s'", again);
    CHECK(munmap(again, 4096) == 0, "munmap");

    /* munmap alone writes back too: restore the original text that way */
    sh = mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_SHARED, rw, 0);
    memcpy(sh, expect, 7);
    CHECK(munmap(sh, 4096) == 0, "munmap");
    again = mmap(0, 4096, PW_PROT_READ, PW_MAP_PRIVATE, fd, 0);
    CHECK(memcmp(again, expect, sizeof expect - 1) == 0, "munmap did not write back: '%.19s'", again);
    munmap(again, 4096);

    /* anonymous memory: shared and private across fork */
    uint32_t *anon_sh = mmap(0, 2 * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_SHARED | PW_MAP_ANONYMOUS, -1, 0);
    uint32_t *anon_pr = mmap(0, 2 * 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0);
    CHECK(anon_sh != MAP_FAILED && anon_pr != MAP_FAILED, "anonymous mmap");
    anon_pr[1024] = 1;
    CHECK(child(write_anon, anon_sh), "child");
    CHECK(child(write_anon, anon_pr), "child");
    CHECK(anon_sh[1024] == 0xfeedface, "shared anonymous page not shared: 0x%lx", (unsigned long)anon_sh[1024]);
    CHECK(anon_pr[1024] == 1, "private anonymous page changed by the child: 0x%lx", (unsigned long)anon_pr[1024]);
    CHECK(munmap(anon_sh, 2 * 4096) == 0 && munmap(anon_pr, 2 * 4096) == 0, "munmap anonymous");
    pw_close(fd);
    pw_close(rw);
    printf("mmapfile: private and shared file mappings, shared and private anonymous memory behave\n");
    return ut_exit("mmapfile");
}
