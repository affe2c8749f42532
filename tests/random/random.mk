# tests/random/random.mk: random programs compared between QEMU and the ISS
# (tests/random/README.md). Included by cmodel/iss.mk.
RANDOM_DIR := tests/random
RANDOM_OUT := $(BUILD)/random
RANDOM_ENV := $(RANDOM_OUT)/env.elf
RANDOM_SEED ?= 0x1000
RANDOM_PROGRAMS ?= 1000

$(RANDOM_ENV): $(RANDOM_DIR)/env.S $(RANDOM_DIR)/link.ld $(GEN_DIR)/pagewalk_defs_asm.h $(GEN_DIR)/pagewalk_core_asm.h
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc -march=rv32i -mabi=ilp32 -nostdlib -nostartfiles -static -I$(GEN_DIR) \
	    -T $(RANDOM_DIR)/link.ld -Wl,--no-warn-rwx-segments -o $@ $<

.PHONY: test-random
# RANDOM_SEED=, RANDOM_PROGRAMS= choose the programs; a mismatch prints the commands for one.
test-random: $(RANDOM_ENV) $(ISS_CMD)
	@echo "== random programs: QEMU and pagewalk-iss ($(RANDOM_PROGRAMS) from seed $(RANDOM_SEED))"
	@$(PYTHON) $(RANDOM_DIR)/run_random.py --env $(RANDOM_ENV) --defs $(GEN_DIR) --iss $(ISS_CMD) \
	    --qemu $(QEMU) --qemu-cpu $(QEMU_ISS_CPU) --out $(RANDOM_OUT) --seed $(RANDOM_SEED) --programs $(RANDOM_PROGRAMS)
