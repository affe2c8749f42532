/* syscall.c: system-call dispatch (numbers in pw_abi.h). Arguments come from
 * the trapframe; every user pointer goes through copyin/copyout. */
#include "kernel.h"
#include "sbi.h"

static int32_t sys_write(uint32_t fd, uint32_t ubuf, uint32_t n)
{
    if (fd != 1 && fd != 2)
        return -PW_EBADF;
    if (!user_range_ok(ubuf, n))
        return -PW_EFAULT;
    char buf[128];
    for (uint32_t done = 0; done < n;) {
        uint32_t chunk = n - done < sizeof buf ? n - done : sizeof buf;
        if (copyin(buf, ubuf + done, chunk) < 0)
            return done ? (int32_t)done : -PW_EFAULT;
        for (uint32_t i = 0; i < chunk; i++)
            sbi_call(SBI_PUTCHAR, (uint8_t)buf[i], 0);
        done += chunk;
    }
    return (int32_t)n;
}

static int32_t sys_open(uint32_t upath, uint32_t mode)
{
    struct proc *p = curproc;
    char path[32];
    int r = copyinstr(path, upath, sizeof path);
    if (r < 0)
        return r == -PW_E2BIG ? -PW_ENOENT : r;
    if (mode != PW_O_RDONLY && mode != PW_O_RDWR)
        return -PW_EINVAL;
    int file = fs_lookup(path);
    if (file < 0)
        return file;
    if (mode == PW_O_RDWR && !fs_writable(file))
        return -PW_EACCES;
    for (int i = 0; i < 4; i++) {
        if (p->fd_file[i] < 0) {
            p->fd_file[i] = (int8_t)file;
            p->fd_mode[i] = (uint8_t)mode;
            return PW_FD_FIRST_FILE + i;
        }
    }
    return -PW_EAGAIN;
}

static int32_t sys_close(int32_t fd)
{
    int i = fd - PW_FD_FIRST_FILE;
    if (i < 0 || i >= 4 || curproc->fd_file[i] < 0)
        return -PW_EBADF;
    curproc->fd_file[i] = -1;
    return 0;
}

static int32_t sys_vmstats(uint32_t ubuf)
{
    struct pw_vmstats s;
    stats_fill(&s);
    return copyout(ubuf, &s, sizeof s);
}

void syscall(struct proc *p)
{
    uint32_t *x = p->tf.x;
    uint32_t a0 = x[10], a1 = x[11], a2 = x[12], a3 = x[13], a4 = x[14], a5 = x[15];
    int32_t r;
    p->tf.pc += 4;
    switch (x[17]) {
    case SYS_write: r = sys_write(a0, a1, a2); break;
    case SYS_exit: proc_exit(p, (int)((a0 & 0xff) << 8)); return;
    case SYS_wait: r = sys_wait(a0); if (p->state == P_WAITING) return; break;
    case SYS_fork: r = sys_fork(); break;
    case SYS_execve: r = sys_execve(a0, a1); break;
    case SYS_getpid: r = p->pid; break;
    case SYS_sbrk: r = sys_sbrk((int32_t)a0); break;
    case SYS_mmap: r = sys_mmap(a0, a1, a2, a3, (int32_t)a4, a5); break;
    case SYS_munmap: r = sys_munmap(a0, a1); break;
    case SYS_mprotect: r = sys_mprotect(a0, a1, a2); break;
    case SYS_msync: r = sys_msync(a0, a1, a2); break;
    case SYS_yield: need_resched = 1; r = 0; break;
    case SYS_vmstats: r = sys_vmstats(a0); break;
    case SYS_open: r = sys_open(a0, a1); break;
    case SYS_close: r = sys_close((int32_t)a0); break;
    default: r = -PW_ENOSYS; break;
    }
    if (p->state != P_UNUSED && p->state != P_ZOMBIE)
        x[10] = (uint32_t)r;
}
