/* param.h: the kernel's build parameters. Every one can be set from the
 * command line (firmware.mk passes the profile's values with -D). */
#ifndef PARAM_H
#define PARAM_H

#ifndef RAM_BYTES
#define RAM_BYTES   0x100000u   /* RAM the layout may use (linker script asserts it) */
#endif
#ifndef FRAMES
#define FRAMES      48          /* user frames in the pool */
#endif
#ifndef SWAP_SLOTS
#define SWAP_SLOTS  96          /* pages of swap */
#endif
#ifndef PT_PAGES
#define PT_PAGES    40          /* page-table pages (roots and leaf tables) */
#endif
#ifndef NPROC
#define NPROC       10
#endif
#ifndef NVMA
#define NVMA        12          /* mappings per process */
#endif
#ifndef NOBJ
#define NOBJ        6           /* shared memory objects (shared mmaps) */
#endif
#ifndef OBJ_PAGES
#define OBJ_PAGES   16          /* pages per shared object */
#endif
#ifndef RMAP_NODES
#define RMAP_NODES  (FRAMES * 4) /* reverse-map entries: one per PTE mapping a frame */
#endif
#ifndef ASIDS
#define ASIDS       16          /* ASIDs in use (>= NPROC); the lowest free one is handed out */
#endif
#ifndef QUANTUM
#define QUANTUM     20000u      /* timer ticks per time slice */
#endif
#ifndef SVADU
#define SVADU       0           /* 1: the hardware sets A and D (Svadu); 0: the kernel does (Svade) */
#endif
/* The user stack and heap limits (pw_abi.h has the defaults). The board
 * profile moves the stack below 4 MiB, so one leaf page table serves a whole
 * process: two page-table pages per process instead of three. */
#ifndef USTACK_TOP
#define USTACK_TOP PW_USTACK_TOP
#endif
#ifndef STACK_MAX
#define STACK_MAX PW_STACK_MAX
#endif
#ifndef HEAP_MAX
#define HEAP_MAX PW_HEAP_MAX
#endif
#ifndef KSTACK_BYTES
#define KSTACK_BYTES 4096
#endif

#ifndef CHECK_ON_EXIT
#define CHECK_ON_EXIT 1      /* run the consistency pass after every exit */
#endif

#define PGSIZE 4096u
#define PGSHIFT 12u
#define SECTOR_BYTES 512u

#endif
