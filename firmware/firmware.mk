# firmware/firmware.mk: the fault-handler firmware (docs/firmware.md).
# Included by the top-level Makefile; paths are relative to the repository root.
#
#   build/firmware/user/*.elf                 user programs (picolibc), one per idea
#   build/firmware/PROFILE-AD/image.bin       the file image of that profile
#   build/firmware/PROFILE-AD/FW.elf          kernel + image, init running the FW list
#
# PROFILE: default (1 MiB RAM, the ISS and RTL SoC default) or board (the
# iCEBreaker SoC's 128 KiB). AD: svade (the kernel sets A/D) or svadu.

## firmware: the VM kernel and its programs: build/firmware/PROFILE-AD/*.elf (docs/firmware.md)
## run FW=suite ENGINE=qemu|iss|rtl [AD=svade|svadu] [PROFILE=default|small|board]:
##  run a firmware ELF (FW: suite quick hello stress wsweep tlbsweep
##  faultbench; board with PROFILE=board)
## test-firmware: the program suite on QEMU (Svade, Svadu, two timer rates, board), on the
##  ISS (both A/D policies), FW=quick on the RTL in lockstep, kernel mutants
##  (make test-firmware-mutants FW_MUTANTS='name ...')
## test-firmware-rtl-mutants: kernel bugs only a TLB shows: the RTL in lockstep must diverge
## plots: working-set sweep and TLB figures into build/plots/*.png
## bench-firmware: kernel size and layout, page-fault costs (ISS, RTL), stress operations/s
PACKAGES += picolibc-riscv64-unknown-elf python3-matplotlib
TEST_TARGETS += test-firmware
BENCH_TARGETS += bench-firmware

FW_PREFIX ?= riscv64-unknown-elf-
FW_CC     := $(FW_PREFIX)gcc
FW_SIZE   := $(FW_PREFIX)size
FW_STRIP  := $(FW_PREFIX)strip
QEMU      ?= qemu-system-riscv32
FW_OUT    ?= $(BUILD)/firmware
FW_SRC    ?= firmware
FW_USER_OUT ?= $(BUILD)/firmware/user
PROFILE   ?= default
AD        ?= svade
FW        ?= suite
ENGINE    ?= qemu
FW_TIMEOUT ?= 120
# The RTL SoC build with hardware A/D (rtl/soc/soc.mk makes it).
FW_SOC_SVADU = $(SOC_DIR)/rv32im-svadu/pagewalk-soc

# Debian's gcc 12: -march=rv32i_zicsr selects no picolibc multilib, while
# -march=rv32i -misa-spec=2.2 (zicsr implied) selects rv32i/ilp32.
FW_ARCH   := -march=rv32i -misa-spec=2.2 -mabi=ilp32
FW_WARN   := -Wall -Wextra -Werror
FW_KCFLAGS := $(FW_ARCH) -std=c11 -O2 -g $(FW_WARN) -ffreestanding -fno-builtin -nostdlib \
    -mcmodel=medany -mno-relax -fno-tree-loop-distribute-patterns \
    -I$(GEN_DIR) -Ifirmware/include
# Integer-only printf (picolibc's __i_vfprintf): the programs print no floats.
FW_UCFLAGS := $(FW_ARCH) -std=c11 -Os -g $(FW_WARN) --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF \
    -Ifirmware/include -Ifirmware/user

# ---------------------------------------------------------------- profiles
# The layout's sizes; kernel.ld fails the link when they do not fit RAM.
FW_PARAMS_default := -DRAM_BYTES=0x100000 -DFRAMES=48 -DSWAP_SLOTS=96 -DPT_PAGES=40 -DNPROC=10
FW_PARAMS_board   := -DRAM_BYTES=0x20000 -DFRAMES=6 -DSWAP_SLOTS=11 -DPT_PAGES=3 -DNPROC=1 \
    -DNVMA=6 -DNOBJ=1 -DOBJ_PAGES=2 -DKSTACK_BYTES=2048 -DUSTACK_TOP=0x00400000u -DHEAP_MAX=0x00300000u -Os
# small: the default layout with a pool of 16 frames, so the suite swaps with
# working sets small enough for the RTL in lockstep (FW=quick).
FW_PARAMS_small   := -DRAM_BYTES=0x100000 -DFRAMES=16 -DSWAP_SLOTS=64 -DPT_PAGES=40 -DNPROC=10
FW_RAM_default := 0x100000
FW_RAM_small   := 0x100000
FW_RAM_board   := 0x20000
FW_AD_svade := -DSVADU=0
FW_AD_svadu := -DSVADU=1
QUANTUM ?= 20000

# ---------------------------------------------------------------- user programs
FW_PROGS_ALL := init hello forkcow demandzero mmapfile protect swap mallocstress robust stress wsweep tlbsweep faultbench
FW_PROGS_default := $(FW_PROGS_ALL)
FW_PROGS_small   := $(FW_PROGS_ALL)
FW_PROGS_board   := swap
FW_DATA := firmware/user/data.txt

FW_USER_OBJS := $(FW_USER_OUT)/crt0.o $(FW_USER_OUT)/ulib.o

$(FW_USER_OUT)/%.o: firmware/user/%.c firmware/include/pw_abi.h firmware/user/pw_user.h firmware/user/ut.h
	@mkdir -p $(@D)
	$(FW_CC) $(FW_UCFLAGS) -c $< -o $@

$(FW_USER_OUT)/crt0.o: firmware/user/crt0.S
	@mkdir -p $(@D)
	$(FW_CC) $(FW_ARCH) -c $< -o $@

$(FW_USER_OUT)/%.elf: $(FW_USER_OUT)/%.o $(FW_USER_OBJS) firmware/user/user.ld
	$(FW_CC) $(FW_UCFLAGS) -nostartfiles -T firmware/user/user.ld -Wl,--no-warn-rwx-segments -Wl,-n \
	    -o $@ $< $(FW_USER_OBJS)

# The image holds the programs without symbols or debug information.
$(FW_USER_OUT)/%.stripped: $(FW_USER_OUT)/%.elf
	$(FW_STRIP) --strip-all -o $@ $<

.SECONDARY: $(FW_PROGS_ALL:%=$(FW_USER_OUT)/%.o) $(FW_PROGS_ALL:%=$(FW_USER_OUT)/%.elf) \
    $(FW_PROGS_ALL:%=$(FW_USER_OUT)/%.stripped)

# ---------------------------------------------------------------- init's program lists (FW=...)
# The first process is init, running the list; FW=board runs swap itself as
# the first process (128 KiB hold the kernel, one program, 6 frames, 11 swap slots).
FW_FIRST = $(if $(FW_LIST_$(1)),init,$(FW_FIRST_$(1)))
FW_FIRST_board := swap
FW_LIST_suite  := hello forkcow demandzero mmapfile protect swap mallocstress robust stress
FW_LIST_hello  := hello
FW_LIST_quick  := hello forkcow demandzero mmapfile protect swap
FW_LIST_board  :=
FW_LIST_stress := stress
FW_LIST_wsweep := wsweep
FW_LIST_tlbsweep := tlbsweep
FW_LIST_faultbench := faultbench
FW_VARIANTS := suite hello quick board stress wsweep tlbsweep faultbench

# ---------------------------------------------------------------- kernel
FW_KSRCS := $(FW_SRC)/mlayer/start.S $(FW_SRC)/mlayer/mlayer.c $(FW_SRC)/kernel/entry.S \
    $(FW_SRC)/kernel/main.c $(FW_SRC)/kernel/printk.c $(FW_SRC)/kernel/lib.c $(FW_SRC)/kernel/trap.c \
    $(FW_SRC)/kernel/syscall.c $(FW_SRC)/kernel/proc.c $(FW_SRC)/kernel/exec.c $(FW_SRC)/kernel/vm.c \
    $(FW_SRC)/kernel/fault.c $(FW_SRC)/kernel/frame.c $(FW_SRC)/kernel/swap.c $(FW_SRC)/kernel/blk.c \
    $(FW_SRC)/kernel/fs.c $(FW_SRC)/kernel/mman.c $(FW_SRC)/kernel/stats.c $(FW_SRC)/kernel/check.c
FW_KHDRS := $(wildcard $(FW_SRC)/kernel/*.h firmware/include/*.h) $(GEN_DIR)/pagewalk_defs.h $(GEN_DIR)/pagewalk_core.h

# $(call fw_config,PROFILE,AD): the rules of one build configuration.
define fw_config
FW_DIR_$(1)_$(2) := $(FW_OUT)/$(1)-$(2)
FW_KFLAGS_$(1)_$(2) := $(FW_KCFLAGS) $(FW_PARAMS_$(1)) $(FW_AD_$(2)) -DQUANTUM=$(QUANTUM)u $(FW_EXTRA)
FW_KOBJS_$(1)_$(2) := $$(patsubst $(FW_SRC)/%,$(FW_OUT)/$(1)-$(2)/obj/%.o,$(FW_KSRCS))

$(FW_OUT)/$(1)-$(2)/obj/%.c.o: $(FW_SRC)/%.c $(FW_KHDRS) $(FW_OUT)/$(1)-$(2)/flags
	@mkdir -p $$(@D)
	$(FW_CC) $$(FW_KFLAGS_$(1)_$(2)) -I$(FW_SRC)/kernel -c $$< -o $$@

$(FW_OUT)/$(1)-$(2)/obj/%.S.o: $(FW_SRC)/%.S $(FW_KHDRS) $(FW_OUT)/$(1)-$(2)/flags
	@mkdir -p $$(@D)
	$(FW_CC) $$(FW_KFLAGS_$(1)_$(2)) -I$(FW_SRC)/kernel -c $$< -o $$@

# The flags are a prerequisite through this file, rewritten only when they change.
$(FW_OUT)/$(1)-$(2)/flags: fw-flags-force
	@mkdir -p $$(@D)
	@echo '$$(FW_KFLAGS_$(1)_$(2))' | cmp -s - $$@ || echo '$$(FW_KFLAGS_$(1)_$(2))' > $$@

$(FW_OUT)/$(1)-$(2)/image.bin: $(patsubst %,$(FW_USER_OUT)/%.stripped,$(FW_PROGS_$(1))) $(FW_DATA) \
        firmware/tools/mkimage.py firmware/include/pw_image.h
	@mkdir -p $$(@D)
	$(PYTHON) firmware/tools/mkimage.py firmware/include/pw_image.h $$@ \
	    $(foreach p,$(FW_PROGS_$(1)),$(p)=$(FW_USER_OUT)/$(p).stripped) data.txt=firmware/user/data.txt:rw \
	    notelf=firmware/user/data.txt

$(FW_OUT)/$(1)-$(2)/obj/image.o: $(FW_SRC)/kernel/image.S $(FW_OUT)/$(1)-$(2)/image.bin
	@mkdir -p $$(@D)
	$(FW_CC) $(FW_ARCH) -DFW_IMAGE_PATH='"$(FW_OUT)/$(1)-$(2)/image.bin"' -c $$< -o $$@

$(FW_OUT)/$(1)-$(2)/%.initargs.c: firmware/firmware.mk
	@mkdir -p $$(@D)
	@printf '/* generated by firmware.mk: init and its program list */\nconst char *const init_argv[] = { %s 0 };\n' \
	    "$$(foreach p,$$(call FW_FIRST,$$*) $$(FW_LIST_$$*),\"$$(p)\",)" > $$@

# Objects and generated sources are kept between builds (not intermediates).
.SECONDARY: $$(FW_KOBJS_$(1)_$(2)) $(FW_OUT)/$(1)-$(2)/obj/image.o \
    $(foreach v,$(FW_VARIANTS),$(FW_OUT)/$(1)-$(2)/$(v).initargs.c)

$(FW_OUT)/$(1)-$(2)/%.elf: $$(FW_KOBJS_$(1)_$(2)) $(FW_OUT)/$(1)-$(2)/obj/image.o \
        $(FW_OUT)/$(1)-$(2)/%.initargs.c $(FW_SRC)/kernel/kernel.ld
	$(FW_CC) $$(FW_KFLAGS_$(1)_$(2)) -T $(FW_SRC)/kernel/kernel.ld -Wl,--defsym=__ram_end=$$$$(( 0x80000000 + $(FW_RAM_$(1)) )) \
	    -Wl,--no-warn-rwx-segments -o $$@ $$(FW_KOBJS_$(1)_$(2)) $(FW_OUT)/$(1)-$(2)/obj/image.o \
	    $(FW_OUT)/$(1)-$(2)/$$*.initargs.c -lgcc
endef

$(eval $(call fw_config,default,svade))
$(eval $(call fw_config,default,svadu))
$(eval $(call fw_config,small,svade))
$(eval $(call fw_config,small,svadu))
$(eval $(call fw_config,board,svade))
$(eval $(call fw_config,board,svadu))

.PHONY: fw-flags-force firmware run test-firmware
fw-flags-force:

FW_ELF = $(FW_OUT)/$(PROFILE)-$(AD)/$(FW).elf

firmware: $(FW_OUT)/default-svade/suite.elf $(FW_OUT)/default-svadu/suite.elf $(FW_OUT)/board-svade/board.elf

# make run FW=suite ENGINE=qemu|iss|rtl [PROFILE=default|board] [AD=svade|svadu]
FW_RAM_ARG_default := 1M
FW_RAM_ARG_small := 1M
FW_RAM_ARG_board := 128K
# A firmware variant or profile that does not exist is an error, not an empty init.
ifneq ($(filter run,$(MAKECMDGOALS)),)
ifeq ($(filter $(FW),$(FW_VARIANTS)),)
$(error FW=$(FW) is not a firmware variant; choose one of: $(FW_VARIANTS))
endif
ifeq ($(filter $(PROFILE),default small board),)
$(error PROFILE=$(PROFILE) is not a profile; choose default, small or board)
endif
ifeq ($(filter $(AD),svade svadu),)
$(error AD=$(AD) is not an A/D policy; choose svade or svadu)
endif
endif

run: $(FW_ELF) $(if $(filter iss,$(ENGINE)),$(ISS_CMD)) \
     $(if $(filter rtl,$(ENGINE)),$(SOC_CMD) $(if $(filter svadu,$(AD)),$(FW_SOC_SVADU)))
	@case "$(ENGINE)" in \
	qemu) exec $(QEMU) -M virt -bios none -m 128M -nographic -kernel $(FW_ELF) ;; \
	iss) if [ ! -x $(BUILD)/pagewalk-iss ]; then \
	        echo "make run: ENGINE=iss: the ISS is not built yet ($(BUILD)/pagewalk-iss is missing)" >&2; exit 2; fi; \
	     exec $(BUILD)/pagewalk-iss $(if $(filter svadu,$(AD)),--svadu) --ram $(FW_RAM_ARG_$(PROFILE)) --isa rv32i $(FW_ELF) ;; \
	rtl) if [ ! -x $(BUILD)/pagewalk-soc ]; then \
	        echo "make run: ENGINE=rtl: the RTL SoC is not built yet ($(BUILD)/pagewalk-soc is missing)" >&2; exit 2; fi; \
	     exec $(BUILD)/pagewalk-soc $(if $(filter svadu,$(AD)),--svadu) --ram $(FW_RAM_ARG_$(PROFILE)) $(FW_ELF) ;; \
	*) echo "make run: unknown ENGINE '$(ENGINE)' (qemu, iss or rtl)" >&2; exit 2 ;; \
	esac

# ---------------------------------------------------------------- tests
# The suite on QEMU: the Svade and Svadu builds, the Svade build again with
# another timer rate (-icount: the quantum falls elsewhere in the programs),
# and the board profile. Each transcript is checked; the transcripts must
# agree apart from [t] lines (and the banner that names the A/D policy).
FW_LOGS := $(FW_OUT)/logs
FW_SUITE_PROGRAMS := $(words $(FW_LIST_suite))
FW_SUITE_KILLS := 11
FW_CHECK := $(PYTHON) tests/firmware/transcript.py

test-firmware: $(FW_OUT)/default-svade/suite.elf $(FW_OUT)/default-svadu/suite.elf $(FW_OUT)/board-svade/board.elf
	@echo "== firmware on QEMU: the suite in the Svade and Svadu builds, at two timer rates, and the board profile"
	@tests/firmware/run_qemu.sh $(FW_OUT)/default-svade/suite.elf $(FW_LOGS)/suite-svade.qemu.log; \
	    $(FW_CHECK) check $(FW_LOGS)/suite-svade.qemu.log --programs $(FW_SUITE_PROGRAMS) --kills $(FW_SUITE_KILLS)
	@tests/firmware/run_qemu.sh $(FW_OUT)/default-svade/suite.elf $(FW_LOGS)/suite-svade-icount.qemu.log -icount shift=7; \
	    $(FW_CHECK) check $(FW_LOGS)/suite-svade-icount.qemu.log --programs $(FW_SUITE_PROGRAMS) --kills $(FW_SUITE_KILLS)
	@tests/firmware/run_qemu.sh $(FW_OUT)/default-svadu/suite.elf $(FW_LOGS)/suite-svadu.qemu.log; \
	    $(FW_CHECK) check $(FW_LOGS)/suite-svadu.qemu.log --programs $(FW_SUITE_PROGRAMS) --kills $(FW_SUITE_KILLS)
	@tests/firmware/run_qemu.sh $(FW_OUT)/board-svade/board.elf $(FW_LOGS)/board-svade.qemu.log; \
	    $(FW_CHECK) check $(FW_LOGS)/board-svade.qemu.log --first swap
	@$(FW_CHECK) compare $(FW_LOGS)/suite-svade.qemu.log $(FW_LOGS)/suite-svade-icount.qemu.log
	@$(FW_CHECK) compare $(FW_LOGS)/suite-svade.qemu.log $(FW_LOGS)/suite-svadu.qemu.log --ignore '^pagewalk kernel: '
	@grep -h -E '^init: [0-9]+ passed|^stress: ' $(FW_LOGS)/suite-svade.qemu.log
	@$(MAKE) --no-print-directory test-firmware-iss test-firmware-rtl test-firmware-mutants

# The same ELFs on the ISS: the Svade build on the Svade ISS (the kernel's
# A/D path), the Svadu build on the ISS with --svadu, and the Svadu build on
# the Svade ISS (every fresh mapping then takes an A/D fault). Each transcript
# must equal QEMU's apart from [t] lines. Runs two at a time. The board
# profile runs with the ISS's RAM cut to 128 KiB (QEMU's is larger, so only
# here would a layout overflowing it fault).
FW_ISS = $(ISS_CMD) --isa rv32i --ram 1M
test-firmware-iss: $(ISS_CMD) $(FW_OUT)/default-svade/suite.elf $(FW_OUT)/default-svadu/suite.elf \
        $(FW_OUT)/board-svade/board.elf
	@echo "== firmware on the ISS: Svade, Svadu (--svadu), and the Svadu build on Svade hardware"
	@test -s $(FW_LOGS)/suite-svade.qemu.log -a -s $(FW_LOGS)/suite-svadu.qemu.log || \
	    { echo "test-firmware-iss: run make test-firmware first (it makes the QEMU transcripts)"; exit 1; }
	@$(FW_ISS) $(FW_OUT)/default-svade/suite.elf >$(FW_LOGS)/suite-svade.iss.log & p1=$$!; \
	    $(FW_ISS) --svadu $(FW_OUT)/default-svadu/suite.elf >$(FW_LOGS)/suite-svadu.iss.log; s2=$$?; \
	    wait $$p1; s1=$$?; \
	    $(FW_ISS) $(FW_OUT)/default-svadu/suite.elf >$(FW_LOGS)/suite-svadu-on-svade.iss.log; s3=$$?; \
	    echo "ISS exit status: svade $$s1, svadu $$s2, svadu build on svade $$s3"
	@$(ISS_CMD) --isa rv32i --ram 128K $(FW_OUT)/board-svade/board.elf >$(FW_LOGS)/board-svade.iss.log; \
	    $(FW_CHECK) check $(FW_LOGS)/board-svade.iss.log --first swap && \
	    echo "board profile: runs in 128 KiB of RAM on the ISS"
	@for l in suite-svade.iss suite-svadu.iss suite-svadu-on-svade.iss; do \
	    $(FW_CHECK) check $(FW_LOGS)/$$l.log --programs $(FW_SUITE_PROGRAMS) --kills $(FW_SUITE_KILLS) || exit 1; done
	@$(FW_CHECK) compare $(FW_LOGS)/suite-svade.qemu.log $(FW_LOGS)/suite-svade.iss.log
	@$(FW_CHECK) compare $(FW_LOGS)/suite-svadu.qemu.log $(FW_LOGS)/suite-svadu.iss.log
	@$(FW_CHECK) compare $(FW_LOGS)/suite-svadu.qemu.log $(FW_LOGS)/suite-svadu-on-svade.iss.log
	@grep -h '^\[t\] stats: A/D' $(FW_LOGS)/suite-svade.iss.log $(FW_LOGS)/suite-svadu.iss.log \
	    $(FW_LOGS)/suite-svadu-on-svade.iss.log | sed 's/.*faults //' | paste -sd' ' | \
	    sed 's/^/kernel A\/D faults on the ISS (svade, svadu, svadu build on svade hardware): /'
.PHONY: test-firmware-iss

# Every deliberate kernel bug in tests/mutants/firmware.mutants must be caught.
test-firmware-mutants: $(FW_OUT)/default-svade/suite.elf
	@echo "== firmware mutants: each deliberate kernel bug must fail the suite's checks"
	@tests/firmware/run_mutants.sh $(BUILD) $(FW_MUTANTS)
.PHONY: test-firmware-mutants

# A representative part on the RTL SoC in lockstep with the ISS: FW=quick
# (hello, forkcow, demandzero, mmapfile, protect, swap) in the small profile
# (16 frames, so swap really swaps), Svade and Svadu side by side. The
# transcripts must equal QEMU's for the same ELFs.
FW_QUICK_PROGRAMS := $(words $(FW_LIST_quick))
FW_QUICK_KILLS := 10
test-firmware-rtl: $(SOC_CMD) $(FW_SOC_SVADU) $(FW_OUT)/small-svade/quick.elf $(FW_OUT)/small-svadu/quick.elf
	@echo "== firmware on the RTL SoC in lockstep with the ISS: FW=quick, small profile, Svade and Svadu"
	@tests/firmware/run_qemu.sh $(FW_OUT)/small-svade/quick.elf $(FW_LOGS)/quick-svade.qemu.log; \
	    tests/firmware/run_qemu.sh $(FW_OUT)/small-svadu/quick.elf $(FW_LOGS)/quick-svadu.qemu.log; true
	@$(SOC_CMD) --lockstep --stats $(FW_OUT)/small-svade/quick.elf >$(FW_LOGS)/quick-svade.rtl.log \
	    2>$(FW_LOGS)/quick-svade.rtl.stderr & p1=$$!; \
	    $(SOC_CMD) --svadu --lockstep --stats $(FW_OUT)/small-svadu/quick.elf >$(FW_LOGS)/quick-svadu.rtl.log \
	    2>$(FW_LOGS)/quick-svadu.rtl.stderr; s2=$$?; wait $$p1; s1=$$?; \
	    tail -n 1 $(FW_LOGS)/quick-svade.rtl.stderr $(FW_LOGS)/quick-svadu.rtl.stderr | grep -v '^$$'; \
	    [ $$s1 -eq 0 ] && [ $$s2 -eq 0 ] || { echo "test-firmware-rtl: pagewalk-soc exit status svade $$s1, svadu $$s2"; \
	        cat $(FW_LOGS)/quick-svade.rtl.stderr $(FW_LOGS)/quick-svadu.rtl.stderr | head -n 40; }
	@for a in svade svadu; do \
	    $(FW_CHECK) check $(FW_LOGS)/quick-$$a.rtl.log --programs $(FW_QUICK_PROGRAMS) --kills $(FW_QUICK_KILLS) || exit 1; \
	    $(FW_CHECK) compare $(FW_LOGS)/quick-$$a.qemu.log $(FW_LOGS)/quick-$$a.rtl.log || exit 1; done
	@grep -h '^\[t\] mmu:' $(FW_LOGS)/quick-svade.rtl.log $(FW_LOGS)/quick-svadu.rtl.log
.PHONY: test-firmware-rtl

# ---------------------------------------------------------------- figures
# make plots: the working-set sweep (wsweep) on QEMU and the Svade ISS, and
# the TLB sweep (tlbsweep) on SoC builds with 4, 8, 16 and 32 TLB entries
# (each a separate Verilator build under $(BUILD)/tlbN, made by a recursive
# make with the SoC's TlbEntries parameter). matplotlib is Debian's, for
# /usr/bin/python3.
FW_PLOT_PYTHON ?= /usr/bin/python3
FW_TLB_SIZES ?= 4 8 16 32
PLOTS := $(BUILD)/plots

plots: $(FW_OUT)/default-svade/wsweep.elf $(FW_OUT)/default-svade/tlbsweep.elf $(ISS_CMD)
	@$(FW_PLOT_PYTHON) -c 'import matplotlib' 2>/dev/null || \
	    { echo "make plots: $(FW_PLOT_PYTHON) has no matplotlib: apt-get install python3-matplotlib"; exit 1; }
	@echo "== working-set sweep on QEMU and the ISS"
	@tests/firmware/run_qemu.sh $(FW_OUT)/default-svade/wsweep.elf $(FW_LOGS)/wsweep.qemu.log
	@$(FW_ISS) $(FW_OUT)/default-svade/wsweep.elf >$(FW_LOGS)/wsweep.iss.log
	@for n in $(FW_TLB_SIZES); do \
	    echo "== TLB sweep on the SoC with $$n TLB entries"; \
	    $(MAKE) --no-print-directory -s BUILD=$(BUILD)/tlb$$n SOC_VFLAGS_OPT="-O2 -GTlbEntries=$$n" \
	        $(BUILD)/tlb$$n/soc/rv32im-svade/pagewalk-soc >$(FW_LOGS)/tlb$$n.build.log 2>&1 || \
	        { tail -n 20 $(FW_LOGS)/tlb$$n.build.log; exit 1; }; \
	    $(BUILD)/tlb$$n/soc/rv32im-svade/pagewalk-soc $(FW_OUT)/default-svade/tlbsweep.elf \
	        >$(FW_LOGS)/tlbsweep-tlb$$n.rtl.log || exit 1; \
	done
	@$(FW_PLOT_PYTHON) firmware/tools/plots.py $(PLOTS) \
	    --wsweep QEMU=$(FW_LOGS)/wsweep.qemu.log --wsweep ISS-Svade=$(FW_LOGS)/wsweep.iss.log \
	    $(foreach n,$(FW_TLB_SIZES),--tlb $(n)=$(FW_LOGS)/tlbsweep-tlb$(n).rtl.log)
	@echo "plots: $(PLOTS)/wsweep.png $(PLOTS)/tlb.png (tables: $(PLOTS)/*.txt)"
.PHONY: plots

# ---------------------------------------------------------------- benchmarks
# make bench-firmware: the kernel's size and layout, the cost of each kind of
# page fault (instructions on the ISS, cycles on the RTL SoC), and the stress
# program's operations per second (QEMU: mtime at 10 MHz) and per million
# instructions (ISS: mtime counts instructions).
bench-firmware: $(FW_OUT)/default-svade/suite.elf $(FW_OUT)/board-svade/board.elf \
        $(FW_OUT)/default-svade/faultbench.elf $(FW_OUT)/default-svade/stress.elf $(ISS_CMD) $(SOC_CMD)
	@echo "== firmware layout (M-mode layer + kernel, file image, bss, pools: page tables, frames, swap)"
	@$(PYTHON) firmware/tools/fwsize.py $(FW_RAM_default) $(FW_OUT)/default-svade/suite.elf
	@$(PYTHON) firmware/tools/fwsize.py $(FW_RAM_board) $(FW_OUT)/board-svade/board.elf
	@echo "== page-fault costs (faultbench): mean per fault, handler start to end"
	@$(FW_ISS) $(FW_OUT)/default-svade/faultbench.elf | grep '^\[t\] faultbench:' | \
	    awk '{printf "ISS  %-12s %5d faults %7d instructions\n", $$3 ($$4 ~ /^[a-z]/ ? " " $$4 : ""), $$(NF-2), $$(NF-1)}'
	@$(SOC_CMD) $(FW_OUT)/default-svade/faultbench.elf | grep '^\[t\] faultbench:' | \
	    awk '{printf "RTL  %-12s %5d faults %7d instructions %7d cycles\n", $$3 ($$4 ~ /^[a-z]/ ? " " $$4 : ""), $$(NF-2), $$(NF-1), $$NF}'
	@echo "== stress operations per second"
	@tests/firmware/run_qemu.sh $(FW_OUT)/default-svade/stress.elf $(FW_LOGS)/stress.qemu.log
	@grep '^\[t\] stress:' $(FW_LOGS)/stress.qemu.log | \
	    awk '{printf "QEMU %d operations in %.3f s of mtime (10 MHz): %.0f operations/s\n", $$3, $$(NF-2) / 1e7, $$3 / ($$(NF-2) / 1e7)}'
	@$(FW_ISS) $(FW_OUT)/default-svade/stress.elf | grep '^\[t\] stress:' | \
	    awk '{printf "ISS  %d operations in %d instructions: %.1f operations per million instructions\n", $$3, $$(NF-2), $$3 * 1e6 / $$(NF-2)}'
.PHONY: bench-firmware

# Kernel bugs only a TLB shows (tests/mutants/firmware-rtl.mutants): each must
# make the RTL in lockstep diverge from the ISS. Not part of make test (each
# is a lockstep run of FW=quick, minutes under load).
test-firmware-rtl-mutants: $(SOC_CMD) $(FW_OUT)/small-svade/quick.elf
	@echo "== firmware RTL mutants: each must make the RTL in lockstep diverge from the ISS"
	@ENGINE=rtl SOC=$(SOC_CMD) tests/firmware/run_mutants.sh $(BUILD) $(FW_MUTANTS)
.PHONY: test-firmware-rtl-mutants
