/* pw_user.h: the system calls picolibc does not declare, for user programs. */
#ifndef PW_USER_H
#define PW_USER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "pw_abi.h"

#define MAP_FAILED ((void *)PW_MAP_FAILED_VALUE)

pid_t fork(void);
pid_t getpid(void);
int execve(const char *path, char *const argv[], char *const envp[]);
pid_t wait(int *status);
void *sbrk(ptrdiff_t incr);
void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int msync(void *addr, size_t len, int flags);
int sched_yield(void);
int vmstats(struct pw_vmstats *s);
int pw_open(const char *path, int mode);
int pw_close(int fd);

#endif
