/* pw_abi.h: the interface between the pagewalk kernel and its user programs.
 *
 * One header for both sides: system-call numbers, error numbers, mmap flags,
 * the wait-status encoding, the statistics record and the user address-space
 * layout. The kernel includes it freestanding; user programs include it next
 * to picolibc (ulib.c checks that the error numbers agree with picolibc's
 * <errno.h>, so a negative return converts to errno unchanged).
 */
#ifndef PW_ABI_H
#define PW_ABI_H

#include <stdint.h>

/* System calls: a7 = number, a0..a5 = arguments, a0 = result (negative = -errno). */
#define SYS_write    1  /* write(fd 1 or 2, buf, len) -> bytes */
#define SYS_exit     2  /* exit(code): never returns */
#define SYS_wait     3  /* wait(int *status or 0) -> pid of a reaped child */
#define SYS_fork     4  /* fork() -> child pid in the parent, 0 in the child */
#define SYS_execve   5  /* execve(path, argv): argv NULL-terminated, envp unused */
#define SYS_getpid   6
#define SYS_sbrk     7  /* sbrk(increment) -> the previous break */
#define SYS_mmap     8  /* mmap(addr, len, prot, flags, fd, offset) -> address */
#define SYS_munmap   9  /* munmap(addr, len) */
#define SYS_mprotect 10 /* mprotect(addr, len, prot) */
#define SYS_msync    11 /* msync(addr, len, flags) */
#define SYS_yield    12
#define SYS_vmstats  13 /* vmstats(struct pw_vmstats *) */
#define SYS_open     14 /* open(path, PW_O_RDONLY or PW_O_RDWR) -> fd of an image file */
#define SYS_close    15 /* close(fd) */

/* Error numbers: the values of picolibc's <errno.h> (checked in ulib.c). */
#define PW_ENOENT  2
#define PW_E2BIG   7
#define PW_ENOEXEC 8
#define PW_EBADF   9
#define PW_ECHILD  10
#define PW_EAGAIN  11
#define PW_ENOMEM  12
#define PW_EACCES  13
#define PW_EFAULT  14
#define PW_EINVAL  22
#define PW_ENOSYS  88

/* mmap / mprotect protections and mmap flags (Linux's values). */
#define PW_PROT_NONE  0x0
#define PW_PROT_READ  0x1
#define PW_PROT_WRITE 0x2
#define PW_PROT_EXEC  0x4
#define PW_MAP_SHARED    0x01
#define PW_MAP_PRIVATE   0x02
#define PW_MAP_FIXED     0x10
#define PW_MAP_ANONYMOUS 0x20
#define PW_MS_SYNC       0x4
#define PW_MAP_FAILED_VALUE 0xffffffffu

/* open() modes. fds 0..2 are the console; files open as fd 3 and up. */
#define PW_O_RDONLY 0
#define PW_O_RDWR   2
#define PW_FD_FIRST_FILE 3

/* Wait status: exit(code) gives code << 8; a process the kernel killed gives
 * 0x80 | the trap cause that killed it (PW_KILL_OOM when memory ran out). */
#define PW_WIFEXITED(s)   (((s) & 0xff) == 0)
#define PW_WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define PW_WIFKILLED(s)   (((s) & 0x80) != 0)
#define PW_WKILLCAUSE(s)  ((s) & 0x7f)
#define PW_KILL_OOM 0x7e

/* User address space (Sv32: everything below 0x80000000 is the user's).
 * The stack and heap limits are the default profile's; a kernel profile may
 * change them (param.h), so programs must not depend on them. */
#define PW_USER_TEXT   0x00010000u /* programs are linked here; page 0..15 stay unmapped */
#define PW_MMAP_BASE   0x40000000u /* mmap places mappings in [MMAP_BASE, MMAP_TOP) */
#define PW_MMAP_TOP    0x60000000u
#define PW_HEAP_MAX    0x01000000u /* the break never passes 16 MiB */
#define PW_USTACK_TOP  0x7ffff000u /* one page below the kernel's first megapage */
#define PW_STACK_MAX   0x00010000u /* the stack grows on fault down to 64 KiB */
#define PW_KERNEL_BASE 0x80000000u /* the kernel, mapped U=0 G=1 in every space */
#define PW_PAGE_SIZE   4096u

/* The kernel's virtual-memory statistics (SYS_vmstats). */
struct pw_vmstats {
    uint32_t faults_zero;     /* demand-zero pages (bss, heap, stack, anonymous mmap) */
    uint32_t faults_file;     /* pages read from the file image (text, data, file mmap) */
    uint32_t faults_cow;      /* stores to copy-on-write pages */
    uint32_t cow_copies;      /* ... that copied the frame */
    uint32_t cow_reuses;      /* ... where the last sharer just regained W */
    uint32_t faults_swapin;   /* pages read back from swap */
    uint32_t faults_ad;       /* faults that only set A or D (Svade) */
    uint32_t faults_shared;   /* pages mapped from a shared object already resident */
    uint32_t stack_growth;    /* pages the stack grew by */
    uint32_t kills;           /* processes killed by a fault */
    uint32_t evictions;       /* frames taken by the clock algorithm */
    uint32_t evict_clean;     /* ... that were clean and just dropped */
    uint32_t swap_writes;     /* pages written to swap */
    uint32_t swap_reads;      /* pages read from swap */
    uint32_t file_writebacks; /* shared file pages written back to the image */
    uint32_t frames_total, frames_free;
    uint32_t swap_total, swap_free;
    uint32_t mmu_present;     /* 1 when the SoC's MMU counter block answered */
    uint32_t mmu_hits, mmu_misses, mmu_walks, mmu_faults, mmu_walk_cycles;
    /* The cost of page faults from U-mode by kind (PW_COST_*): how many, and
     * the instructions retired and cycles counted (instret, cycle) from the
     * trap handler's start to its end, both summed. An eviction a fault
     * needed is part of its cost. */
    uint32_t cost_count[8], cost_insns[8], cost_cycles[8];
};
enum { PW_COST_ZERO, PW_COST_FILE, PW_COST_COW_COPY, PW_COST_COW_REUSE, PW_COST_SWAPIN, PW_COST_AD,
       PW_COST_SHARED, PW_COST_KILL };
#define PW_COST_NAMES { "demand-zero", "file", "cow copy", "cow reuse", "swap-in", "A/D", "shared", "kill" }

#endif
