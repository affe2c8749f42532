/* exec.c: execve. Reads a program's ELF header from the image, checks it,
 * and replaces the address space with one VMA per PT_LOAD segment (private
 * file mappings: nothing is read until a page is touched), an empty heap
 * after the last segment, and a one-page stack that grows on fault. The
 * arguments are copied onto the new stack with copyout. */
#include "kernel.h"
#include "pw_image.h"

enum { MAX_ARGS = 16, ARG_BYTES = 256, MAX_PHDRS = 8 };

struct elf32_ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};
struct elf32_phdr { uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align; };

enum { PT_LOAD = 1, ET_EXEC = 2, EM_RISCV = 243, PF_X = 1, PF_W = 2, PF_R = 4 };

/* Build the VMAs of file's program into vmas[]; returns the entry point or -ENOEXEC. */
static int64_t load_elf(int file, struct vma *vmas, uint32_t *heap_start)
{
    struct elf32_ehdr eh;
    struct elf32_phdr ph[MAX_PHDRS];
    uint32_t size = fs_size(file);
    if (size < sizeof eh)
        return -PW_ENOEXEC;
    fs_read(file, 0, &eh, sizeof eh);
    if (eh.ident[0] != 0x7f || eh.ident[1] != 'E' || eh.ident[2] != 'L' || eh.ident[3] != 'F' ||
        eh.ident[4] != 1 /* 32-bit */ || eh.ident[5] != 1 /* little-endian */ ||
        eh.type != ET_EXEC || eh.machine != EM_RISCV || eh.phentsize != sizeof ph[0] ||
        eh.phnum > MAX_PHDRS || eh.phoff > size || eh.phnum * sizeof ph[0] > size - eh.phoff)
        return -PW_ENOEXEC;
    fs_read(file, eh.phoff, ph, eh.phnum * sizeof ph[0]);
    int n = 0, entry_ok = 0;
    uint32_t top = 0;
    for (int i = 0; i < eh.phnum; i++) {
        struct elf32_phdr *h = &ph[i];
        if (h->type != PT_LOAD || h->memsz == 0)
            continue;
        uint32_t start = PGROUNDDOWN(h->vaddr), lead = h->vaddr - start;
        if (h->filesz > h->memsz || h->vaddr < PW_USER_TEXT || h->memsz > HEAP_MAX ||
            h->vaddr + h->memsz > HEAP_MAX || h->offset > size || h->filesz > size - h->offset ||
            h->offset < lead || n == NVMA - 2)
            return -PW_ENOEXEC;
        struct vma *v = &vmas[n++];
        *v = (struct vma){ .start = start, .end = PGROUNDUP(h->vaddr + h->memsz), .flags = VMA_USED | VMA_FILE,
                           .file = (uint8_t)file, .obj = -1, .off = h->offset - lead, .filebytes = h->filesz + lead };
        v->prot = (uint8_t)(((h->flags & PF_R) ? PW_PROT_READ : 0) | ((h->flags & PF_W) ? PW_PROT_WRITE : 0) |
                            ((h->flags & PF_X) ? PW_PROT_EXEC : 0));
        for (int j = 0; j < n - 1; j++)
            if (vmas[j].start < v->end && v->start < vmas[j].end)
                return -PW_ENOEXEC;   /* segments share a page */
        if ((h->flags & PF_X) && eh.entry >= h->vaddr && eh.entry < h->vaddr + h->memsz)
            entry_ok = 1;
        if (v->end > top)
            top = v->end;
    }
    if (!n || !entry_ok)
        return -PW_ENOEXEC;
    vmas[n++] = (struct vma){ .start = top, .end = top, .prot = PW_PROT_READ | PW_PROT_WRITE,
                              .flags = VMA_USED | VMA_HEAP, .obj = -1 };
    vmas[n++] = (struct vma){ .start = USTACK_TOP - PGSIZE, .end = USTACK_TOP,
                              .prot = PW_PROT_READ | PW_PROT_WRITE, .flags = VMA_USED | VMA_STACK, .obj = -1 };
    *heap_start = top;
    return eh.entry;
}

/* Replace p's program with path, argv given as argc strings packed in args. */
static int do_exec(struct proc *p, const char *path, int argc, const char *args, uint32_t argbytes, int *gone)
{
    int file = fs_lookup(path);
    if (file < 0)
        return file;
    struct vma vmas[NVMA];
    memset(vmas, 0, sizeof vmas);
    uint32_t heap_start;
    int64_t entry = load_elf(file, vmas, &heap_start);
    if (entry < 0)
        return (int)entry;
    uint32_t root = vm_new_root();
    if (!root)
        return -PW_ENOMEM;

    /* the point of no return: drop the old space */
    *gone = 1;
    vm_free_space(p);
    p->root = root;
    p->asid = asid_alloc();
    for (int i = 0; i < NVMA; i++) {
        p->vmas[i] = vmas[i];
        if (!(vmas[i].flags & VMA_USED))
            p->vmas[i].obj = -1;
    }
    p->heap_start = p->brk = heap_start;
    const char *base = path;
    for (const char *s = path; *s; s++)
        if (*s == '/')
            base = s + 1;
    strlcpy_k(p->name, base, sizeof p->name);
    if (p == curproc)
        vm_activate(p);
    else
        panic("exec: only the current process can exec");

    /* strings at the top of the stack, then argv[], 16-byte aligned */
    uint32_t sp = USTACK_TOP - ((argbytes + 3) & ~3u);
    uint32_t strings = sp;
    uint32_t uargv[MAX_ARGS + 1];
    const char *a = args;
    for (int i = 0; i < argc; i++) {
        uargv[i] = strings + (uint32_t)(a - args);
        a += strlen(a) + 1;
    }
    uargv[argc] = 0;
    sp -= (uint32_t)(argc + 1) * 4;
    sp &= ~15u;
    if (copyout(strings, args, argbytes) < 0 || copyout(sp, uargv, (uint32_t)(argc + 1) * 4) < 0)
        return -PW_ENOMEM;   /* the old program is gone: the caller kills */
    memset(&p->tf, 0, sizeof p->tf);
    p->tf.pc = (uint32_t)entry;
    p->tf.x[2] = sp;
    p->tf.x[10] = (uint32_t)argc;
    p->tf.x[11] = sp;
    return 0;
}

int32_t sys_execve(uint32_t upath, uint32_t uargv)
{
    char path[PW_IMAGE_NAME_BYTES + 1];
    char args[ARG_BYTES];
    int r = copyinstr(path, upath, sizeof path);
    if (r < 0)
        return r == -PW_E2BIG ? -PW_ENOENT : r;
    int argc = 0;
    uint32_t used = 0;
    for (;; argc++) {
        uint32_t ptr;
        if (uargv == 0)
            break;
        if (copyin(&ptr, uargv + 4 * (uint32_t)argc, 4) < 0)
            return -PW_EFAULT;
        if (!ptr)
            break;
        if (argc == MAX_ARGS)
            return -PW_E2BIG;
        r = copyinstr(args + used, ptr, ARG_BYTES - used);
        if (r < 0)
            return r;
        used += (uint32_t)r + 1;
    }
    struct proc *p = curproc;
    int gone = 0;
    r = do_exec(p, path, argc, args, used, &gone);
    if (r < 0 && gone) {
        proc_kill(p, PW_KILL_OOM, USTACK_TOP - PGSIZE, p->tf.pc);
        return 0;
    }
    return r < 0 ? r : (int32_t)p->tf.x[10];   /* a0 = argc for the new program */
}

/* The first process. */
int exec_init(const char *path, const char *const *argv)
{
    struct proc *p = proc_alloc();
    if (!p)
        return -PW_ENOMEM;
    char args[ARG_BYTES];
    uint32_t used = 0;
    int argc = 0;
    for (; argv[argc]; argc++) {
        uint32_t n = (uint32_t)strlen(argv[argc]) + 1;
        if (argc == MAX_ARGS || used + n > ARG_BYTES)
            return -PW_E2BIG;
        memcpy(args + used, argv[argc], n);
        used += n;
    }
    curproc = p;
    vm_activate(p);
    int gone = 0;
    int r = do_exec(p, path, argc, args, used, &gone);
    if (r < 0)
        return r;
    p->state = P_RUNNABLE;
    return 0;
}
