/* crt0.S: user program entry. The kernel starts us with a0 = argc,
 * a1 = argv and sp on the stack it built; we set gp and the TLS pointer
 * (picolibc keeps errno in TLS: the .tdata/.tbss block is used in place)
 * and call exit(main(argc, argv)). */
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      tp, __tls_base
    call    main
    call    exit
1:  j       1b
