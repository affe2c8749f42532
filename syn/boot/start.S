/* start.S: the boot ROM's entry, at the iCEBreaker SoC's reset pc (the word
 * after the SPRAM). The stack is the last BOOT_STACK_BYTES of SPRAM, which no
 * image may reach; bootimage.py ldflags defines __boot_stack_top. */
    .section .text.start, "ax"
    .globl _start
_start:
    la      sp, __boot_stack_top
    j       boot_main
