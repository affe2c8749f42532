# tests/isa/isa.mk: the ISA suite (tests/isa/README.md). Included by cmodel/iss.mk.
#
#   build/isa/NAME.elf        the whole test (run on the ISS and the RTL)
#   build/isa/NAME.qemu.elf   the same without the cases where QEMU 7.2
#                             departs from the specification (QEMU_COMPARE)
RISCV_PREFIX ?= riscv64-unknown-elf-
QEMU ?= qemu-system-riscv32
# QEMU's CPU cut down to the core's ISA (RV32IM, S, U; docs/iss.md): both
# runners (ISA suite, random programs) get it from here.
QEMU_ISS_CPU := rv32,a=false,c=false,f=false,d=false,h=false,sstc=false,zba=false,zbb=false,zbc=false,zbs=false

ISA_DIR   := tests/isa
ISA_OUT   := $(BUILD)/isa
ISA_TESTS := $(sort $(basename $(notdir $(wildcard $(ISA_DIR)/*.S))))
ISA_ELFS  := $(ISA_TESTS:%=$(ISA_OUT)/%.elf) $(ISA_TESTS:%=$(ISA_OUT)/%.qemu.elf)
ISA_ASFLAGS := -march=rv32im -mabi=ilp32 -nostdlib -nostartfiles -static -I$(ISA_DIR) -I$(GEN_DIR) \
               -T $(ISA_DIR)/link.ld -Wl,--no-warn-rwx-segments

# The generated definitions without C's unsigned suffixes, for the assembler.
.SECONDARY: $(GEN_DIR)/pagewalk_defs_asm.h $(GEN_DIR)/pagewalk_core_asm.h
$(GEN_DIR)/%_asm.h: $(GEN_DIR)/%.h
	sed -E 's/\b(0x[0-9a-fA-F]+|[0-9]+)u\b/\1/g' $< > $@

ISA_DEPS := $(wildcard $(ISA_DIR)/*.h) $(ISA_DIR)/link.ld $(GEN_DIR)/pagewalk_defs_asm.h $(GEN_DIR)/pagewalk_core_asm.h

$(ISA_OUT)/%.elf: $(ISA_DIR)/%.S $(ISA_DEPS)
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc $(ISA_ASFLAGS) -o $@ $<

$(ISA_OUT)/%.qemu.elf: $(ISA_DIR)/%.S $(ISA_DEPS)
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc $(ISA_ASFLAGS) -DQEMU_COMPARE -o $@ $<

.PHONY: isa-elfs test-isa
isa-elfs: $(ISA_ELFS)

# ISA=name runs one test; the runner prints the commands that reproduce a failure.
test-isa: $(ISA_ELFS) $(ISS_CMD)
	@echo "== ISA suite: QEMU and pagewalk-iss"
	@$(PYTHON) $(ISA_DIR)/run_isa.py --iss $(ISS_CMD) --qemu $(QEMU) --qemu-cpu $(QEMU_ISS_CPU) --dir $(ISA_OUT) \
	    $(if $(ISA),$(ISA),$(ISA_TESTS))
