/* robust: user input the kernel must survive. Each gives the process an
 * error or kills it with a message; the kernel never panics:
 * a fork bomb, huge sbrk and malloc, bad pointers passed to system calls,
 * invalid mmap/munmap/mprotect arguments, bad execve targets, and a process
 * that touches more memory than frames and swap hold together. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pw_user.h"
#include "ut.h"

#define EXPECT_ERR(call, err)                                                               \
    do {                                                                                    \
        errno = 0;                                                                          \
        long r_ = (long)(call);                                                             \
        CHECK(r_ == -1 && errno == (err), "%s returned %ld errno %d, expected errno %d", #call, r_, errno, err); \
    } while (0)

static void fork_bomb(void)
{
    volatile uint32_t *flag = mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_SHARED | PW_MAP_ANONYMOUS, -1, 0);
    CHECK(flag != MAP_FAILED, "mmap");
    int n = 0, err = 0;
    for (;;) {
        pid_t pid = fork();
        if (pid == 0) {
            while (!*flag)
                sched_yield();
            _exit(0);
        }
        if (pid < 0) {
            err = errno;
            break;
        }
        n++;
    }
    CHECK(err == EAGAIN || err == ENOMEM, "the fork bomb ended with errno %d", err);
    *flag = 1;
    int reaped = 0, st;
    while (wait(&st) > 0)
        reaped++;
    CHECK(reaped == n, "reaped %d of %d children", reaped, n);
    printf("robust: fork bomb stopped with %s after %d children\n", err == EAGAIN ? "EAGAIN" : "ENOMEM", n);
    munmap((void *)flag, 4096);
}

static void memory_hog(void)
{
    struct pw_vmstats s;
    vmstats(&s);
    uint32_t pages = s.frames_total + s.swap_total + 8;
    pid_t pid = fork();
    if (pid == 0) {
        volatile uint8_t *m = sbrk((intptr_t)pages * 4096);
        if (m == (void *)-1)
            _exit(2);
        for (uint32_t p = 0; p < pages; p++)
            m[p * 4096] = (uint8_t)p;
        _exit(0);
    }
    int st = 0;
    wait(&st);
    CHECK(PW_WIFKILLED(st) && PW_WKILLCAUSE(st) == PW_KILL_OOM, "the memory hog ended with status 0x%x", st);
    printf("robust: a process touching %lu pages (frames + swap + 8) was killed for memory\n", (unsigned long)pages);
}

int main(void)
{
    char *argv[] = { "x", NULL };
    struct pw_vmstats s;
    int fd = pw_open("data.txt", PW_O_RDONLY);
    vmstats(&s);

    /* huge allocations */
    EXPECT_ERR(sbrk(0x7fffffff), ENOMEM);
    EXPECT_ERR(sbrk(-0x10000000), ENOMEM);
    CHECK(malloc(0x40000000) == NULL, "malloc(1 GiB) succeeded");

    /* bad pointers handed to the kernel */
    EXPECT_ERR(write(1, (void *)0x80000000u, 16), EFAULT);
    EXPECT_ERR(write(1, (void *)0, 16), EFAULT);
    EXPECT_ERR(write(1, (void *)0x7ffffff0u, 0x100), EFAULT);
    EXPECT_ERR(write(1, (void *)0xfffff000u, 0x2000), EFAULT);
    EXPECT_ERR(vmstats((struct pw_vmstats *)0x80001000u), EFAULT);
    EXPECT_ERR(vmstats((struct pw_vmstats *)(uintptr_t)main), EFAULT);   /* read-only text */
    EXPECT_ERR(execve((char *)0x80000000u, argv, NULL), EFAULT);
    char **bad_argv = (char **)(uintptr_t)s.frames_total;   /* a small number: page 0 */
    EXPECT_ERR(execve("hello", bad_argv, NULL), EFAULT);
    EXPECT_ERR(pw_open((char *)0x20000000u, PW_O_RDONLY), EFAULT);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    EXPECT_ERR(wait((int *)0x80000000u), EFAULT);
    CHECK(wait(NULL) == pid, "the child is still there to reap");
    EXPECT_ERR(wait(NULL), ECHILD);
    CHECK(vmstats(&s) == 0, "vmstats on a good pointer");

    /* invalid mappings */
    EXPECT_ERR(mmap(0, 0, PW_PROT_READ, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0), EINVAL);
    EXPECT_ERR(mmap(0, 4096, 0x8, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0), EINVAL);
    EXPECT_ERR(mmap(0, 4096, PW_PROT_READ, PW_MAP_ANONYMOUS, -1, 0), EINVAL);
    EXPECT_ERR(mmap(0, 4096, PW_PROT_READ, PW_MAP_SHARED | PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0), EINVAL);
    EXPECT_ERR(mmap(0, 4096, PW_PROT_READ, PW_MAP_PRIVATE, 42, 0), EBADF);
    EXPECT_ERR(mmap(0, 4096, PW_PROT_READ, PW_MAP_PRIVATE, fd, 100), EINVAL);
    EXPECT_ERR(mmap(0, 4096, PW_PROT_READ | PW_PROT_WRITE, PW_MAP_SHARED, fd, 0), EACCES);
    EXPECT_ERR(mmap((void *)0x80000000u, 4096, PW_PROT_READ, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS | PW_MAP_FIXED, -1, 0), EINVAL);
    EXPECT_ERR(mmap((void *)0x40000123u, 4096, PW_PROT_READ, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS | PW_MAP_FIXED, -1, 0), EINVAL);
    EXPECT_ERR(mmap(0, 0x7fff0000u, PW_PROT_READ, PW_MAP_PRIVATE | PW_MAP_ANONYMOUS, -1, 0), ENOMEM);
    EXPECT_ERR(munmap((void *)0x40000123u, 4096), EINVAL);
    EXPECT_ERR(mprotect((void *)0x50000000u, 4096, PW_PROT_READ), ENOMEM);
    EXPECT_ERR(msync((void *)0x50000000u, 4096, PW_MS_SYNC), ENOMEM);
    EXPECT_ERR(pw_open("hello", PW_O_RDWR), EACCES);
    EXPECT_ERR(pw_open("no-such-file", PW_O_RDONLY), ENOENT);

    /* bad programs and unknown calls */
    EXPECT_ERR(execve("no-such-program", argv, NULL), ENOENT);
    EXPECT_ERR(execve("notelf", argv, NULL), ENOEXEC);
    register long a7 __asm__("a7") = 99;
    register long a0 __asm__("a0") = 0;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    CHECK(a0 == -ENOSYS, "unknown system call returned %ld", a0);

    fork_bomb();
    memory_hog();
    printf("robust: every bad request got an error or a kill; the kernel carried on\n");
    return ut_exit("robust");
}
