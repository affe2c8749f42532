/* ulib.c: the system-call stubs under picolibc. picolibc's stdio writes
 * through write() (a line-buffered bufio stream on fd 1) and its malloc grows
 * the heap with sbrk(); both are the kernel's system calls here. A negative
 * result -E becomes errno = E and -1 (or MAP_FAILED). */
#include <errno.h>
#include <stdio.h>
#include <stdio-bufio.h>
#include <unistd.h>
#include "pw_user.h"

_Static_assert(PW_ENOENT == ENOENT && PW_E2BIG == E2BIG && PW_ENOEXEC == ENOEXEC && PW_EBADF == EBADF &&
               PW_ECHILD == ECHILD && PW_EAGAIN == EAGAIN && PW_ENOMEM == ENOMEM && PW_EACCES == EACCES &&
               PW_EFAULT == EFAULT && PW_EINVAL == EINVAL && PW_ENOSYS == ENOSYS,
               "pw_abi.h error numbers must equal picolibc's");

static long sc(long n, long a0, long a1, long a2, long a3, long a4, long a5)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a3 __asm__("a3") = a3;
    register long r_a4 __asm__("a4") = a4;
    register long r_a5 __asm__("a5") = a5;
    register long r_a7 __asm__("a7") = n;
    __asm__ volatile("ecall"
                     : "+r"(r_a0)
                     : "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a4), "r"(r_a5), "r"(r_a7)
                     : "memory");
    return r_a0;
}

static long ret(long r)
{
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

ssize_t write(int fd, const void *buf, size_t n) { return ret(sc(SYS_write, fd, (long)buf, (long)n, 0, 0, 0)); }

ssize_t read(int fd, void *buf, size_t n)
{
    (void)fd, (void)buf, (void)n;
    errno = ENOSYS;
    return -1;
}

void _exit(int code)
{
    fflush(stdout);
    sc(SYS_exit, code, 0, 0, 0, 0, 0);
    for (;;)
        ;
}

pid_t fork(void) { return (pid_t)ret(sc(SYS_fork, 0, 0, 0, 0, 0, 0)); }
pid_t getpid(void) { return (pid_t)sc(SYS_getpid, 0, 0, 0, 0, 0, 0); }
pid_t wait(int *status) { return (pid_t)ret(sc(SYS_wait, (long)status, 0, 0, 0, 0, 0)); }
int sched_yield(void) { return (int)ret(sc(SYS_yield, 0, 0, 0, 0, 0, 0)); }
int vmstats(struct pw_vmstats *s) { return (int)ret(sc(SYS_vmstats, (long)s, 0, 0, 0, 0, 0)); }
int pw_open(const char *path, int mode) { return (int)ret(sc(SYS_open, (long)path, mode, 0, 0, 0, 0)); }
int pw_close(int fd) { return (int)ret(sc(SYS_close, fd, 0, 0, 0, 0, 0)); }
int munmap(void *a, size_t n) { return (int)ret(sc(SYS_munmap, (long)a, (long)n, 0, 0, 0, 0)); }
int mprotect(void *a, size_t n, int prot) { return (int)ret(sc(SYS_mprotect, (long)a, (long)n, prot, 0, 0, 0)); }
int msync(void *a, size_t n, int flags) { return (int)ret(sc(SYS_msync, (long)a, (long)n, flags, 0, 0, 0)); }

int execve(const char *path, char *const argv[], char *const envp[])
{
    (void)envp;
    return (int)ret(sc(SYS_execve, (long)path, (long)argv, 0, 0, 0, 0));
}

void *sbrk(ptrdiff_t incr)
{
    long r = sc(SYS_sbrk, (long)incr, 0, 0, 0, 0, 0);
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return (void *)-1;
    }
    return (void *)r;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
    long r = sc(SYS_mmap, (long)addr, (long)len, prot, flags, fd, off);
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return MAP_FAILED;
    }
    return (void *)r;
}

/* stdout and stderr: one line-buffered stream on fd 1 */
static char stdout_buf[128];
static struct __file_bufio stdout_file =
    FDEV_SETUP_BUFIO(1, stdout_buf, sizeof stdout_buf, read, write, NULL, NULL, _FDEV_SETUP_WRITE, __BLBF);
FILE *const stdout = &stdout_file.xfile.cfile.file;
FILE *const stderr = &stdout_file.xfile.cfile.file;
FILE *const stdin = &stdout_file.xfile.cfile.file;
