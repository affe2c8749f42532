# tests/qemu/qemu.mk: the QEMU reference, included by the top-level Makefile.
#
#   build/qemu/qemu_ref.elf   the bare-metal program (riscv64-unknown-elf-gcc)
#   build/qemu/qemu_ref.vec   its output: Sv32 vectors whose results are QEMU's
#
# Paths are relative to the repository root (make runs there); products go to
# $(BUILD)/qemu (BUILD defaults to build). The .vec step fails, leaving no
# .vec behind, if QEMU times out, the program reports a failure, or the output
# lacks its closing "# end:" line.

## test-qemu: only the QEMU reference: generate vectors in QEMU, check them

PACKAGES += gcc-riscv64-unknown-elf qemu-system-misc

RISCV_PREFIX ?= riscv64-unknown-elf-
QEMU ?= qemu-system-riscv32
QEMU_SEED ?= 0x5eed1234
QEMU_TIMEOUT ?= 120

# Where QEMU's loader device puts the seed; link.ld keeps the image below it.
QEMU_SEED_ADDR := 0x800ff000

QEMU_REF_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
QEMU_REF_OUT := $(or $(BUILD),build)/qemu
QEMU_REF_SRCS := $(QEMU_REF_DIR)/start.S $(QEMU_REF_DIR)/qemu_ref.c
QEMU_REF_CFLAGS := -march=rv32ima_zicsr -mabi=ilp32 -mcmodel=medany \
    -nostdlib -nostartfiles -ffreestanding -fno-tree-loop-distribute-patterns \
    -O2 -g -Wall -Wextra -Werror -DSEED_ADDR=$(QEMU_SEED_ADDR)u
QEMU_REF_LDFLAGS := -static -T $(QEMU_REF_DIR)/link.ld \
    -Wl,--defsym=__seed_addr=$(QEMU_SEED_ADDR) -Wl,--no-warn-rwx-segments
QEMU_REF_RUN := $(QEMU) -M virt -bios none -m 256M -nographic \
    -kernel $(QEMU_REF_OUT)/qemu_ref.elf \
    -device loader,addr=$(QEMU_SEED_ADDR),data=$(QEMU_SEED),data-len=4

$(QEMU_REF_OUT)/qemu_ref.elf: $(QEMU_REF_SRCS) $(QEMU_REF_DIR)/link.ld $(QEMU_REF_DIR)/qemu.mk
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc $(QEMU_REF_CFLAGS) $(QEMU_REF_LDFLAGS) -o $@ $(QEMU_REF_SRCS)

# The seed is a prerequisite through this file, rewritten only when it changes.
$(QEMU_REF_OUT)/qemu_ref.seed: qemu-ref-seed-force
	@mkdir -p $(@D)
	@echo '$(QEMU_SEED)' | cmp -s - $@ || echo '$(QEMU_SEED)' > $@

# QEMU's stdout is the .vec (less any CR); its stderr goes to qemu_ref.log.
# timeout exits 124 when QEMU overruns; the finisher's fail code makes QEMU
# exit non-zero; a run that stops early lacks the "# end:" line.
$(QEMU_REF_OUT)/qemu_ref.vec: $(QEMU_REF_OUT)/qemu_ref.elf $(QEMU_REF_OUT)/qemu_ref.seed
	@rm -f $@ $@.raw $@.tmp
	@echo "QEMU $@ (seed $(QEMU_SEED))"
	@status=0; \
	timeout $(QEMU_TIMEOUT) $(QEMU_REF_RUN) </dev/null >$@.raw \
	    2>$(QEMU_REF_OUT)/qemu_ref.log || status=$$?; \
	tr -d '\r' <$@.raw >$@.tmp; rm -f $@.raw; \
	if [ $$status -eq 124 ]; then why="QEMU timed out after $(QEMU_TIMEOUT) s"; \
	elif [ $$status -ne 0 ]; then why="QEMU exited with status $$status"; \
	elif ! grep -q '^# end: ' $@.tmp; then why="the output has no '# end:' line"; \
	else why=; fi; \
	if [ -n "$$why" ]; then \
	    echo "qemu_ref: $$why; its last lines:" >&2; \
	    tail -n 5 $@.tmp >&2; cat $(QEMU_REF_OUT)/qemu_ref.log >&2; \
	    rm -f $@.tmp; exit 1; \
	fi; \
	mv $@.tmp $@

.PHONY: qemu-ref-seed-force

# QEMU translates, the model checks (tests/qemu/README.md).
.PHONY: test-qemu
test-qemu: $(MODEL_CMD) $(QEMU_REF_OUT)/qemu_ref.vec
	@echo "== pagewalk-model check $(QEMU_REF_OUT)/qemu_ref.vec (QEMU reference, seed $(QEMU_SEED))"
	@grep -c '^t ' $(QEMU_REF_OUT)/qemu_ref.vec | xargs printf '%s translations from QEMU\n'
	@$(MODEL_CMD) check $(QEMU_REF_OUT)/qemu_ref.vec

TEST_TARGETS += test-qemu
