/* sbi.h: the calls the S-mode kernel makes into the M-mode layer (ecall with
 * a7 = function, a0/a1 = arguments, a0 = result). Our own small set, in the
 * spirit of RISC-V's SBI: the kernel never touches the UART, the CLINT or the
 * finisher itself. */
#ifndef SBI_H
#define SBI_H

#define SBI_PUTCHAR     1 /* a0 = byte */
#define SBI_SET_TIMER   2 /* a0/a1 = low/high word of the next mtimecmp; clears STIP */
#define SBI_GET_TIME    3 /* -> a0/a1 = mtime */
#define SBI_SHUTDOWN    4 /* a0 = 0 pass, else the failure code */
#define SBI_MMU_COUNTER 5 /* a0 = word index -> a0 value, a1 = 1 when the block exists */

#endif
