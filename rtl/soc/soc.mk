# The RTL SoC under Verilator: build/pagewalk-soc and its variants, the
# smoke programs, lockstep runs, core mutants and the SoC benchmark.
# Included by the top-level Makefile (docs/soc.md).

SOC_DIR      := $(BUILD)/soc
RTL_CORE     := $(sort $(wildcard rtl/core/*.v))
RTL_SOC      := $(sort $(wildcard rtl/soc/pw_*.v)) rtl/board/pw_uart_tx.v
RTL_SOC_ALL  := $(RTL_CORE) $(RTL_SOC) $(RTL_MMU)
SOC_RAM_MAX  := 16777216
RISCV_PREFIX ?= riscv64-unknown-elf-
SOC_CMD      := $(BUILD)/pagewalk-soc
# The ISS library pagewalk-soc links for --lockstep (cmodel/iss.mk).
SOC_ISS_LIB  ?= $(ISS_LIB)

# Verilator: -O3 for the normal builds; mutant builds override SOC_VFLAGS_OPT.
SOC_VFLAGS_OPT ?= -O3 -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1"
SOC_VFLAGS := --cc -Wall --x-assign 0 --x-initial 0 --trace-fst -DPW_RVFI -DPW_SIM \
              -I$(BUILD)/gen --top-module pw_soc --prefix Vsoc -GRamBytes=$(SOC_RAM_MAX)
SOC_CXXFLAGS := -std=c++17 -O2 -g $(WARN) -I$(BUILD)/gen -Icmodel -Isim/soc \
                -isystem $(VERILATOR_ROOT_INC) -isystem $(VERILATOR_ROOT_INC)/vltstd
SOC_HARNESS  := soc_dut soc_lockstep pagewalk_soc

# The Verilator runtime with DPI, once.
SOC_RUNTIME := verilated verilated_fst_c verilated_dpi verilated_threads
$(SOC_DIR)/runtime/%.o: $(VERILATOR_ROOT_INC)/%.cpp
	@mkdir -p $(@D)
	$(CXX) -std=c++17 -O2 -w -DVM_TRACE=1 -DVM_TRACE_FST=1 -I$(VERILATOR_ROOT_INC) \
	    -I$(VERILATOR_ROOT_INC)/vltstd -c $< -o $@
$(SOC_DIR)/libverilated.a: $(SOC_RUNTIME:%=$(SOC_DIR)/runtime/%.o)
	$(AR) rcs $@ $^

# $(call soc_build,VARIANT,WITH_M,SVADU,RTL-FILES,DIR): DIR/pagewalk-soc.
define soc_build
$(5)/obj/Vsoc__ALL.a: $(4) $(BUILD)/gen/pagewalk_defs.vh $(BUILD)/gen/pagewalk_core.vh
	@mkdir -p $(5)/obj
	@echo "  VERILATE $(5)"
	@$(VERILATOR) $(SOC_VFLAGS) $(SOC_VFLAGS_OPT) -GWithM=$(2) -GSvadu=$(3) -Mdir $(5)/obj \
	    $(4) --build -j 2 >$(5)/verilate.log 2>&1 || { cat $(5)/verilate.log; exit 1; }

$(5)/%.o: sim/soc/%.cc sim/soc/soc_dut.h sim/soc/soc_lockstep.h $(5)/obj/Vsoc__ALL.a $(BUILD)/gen/pagewalk_core.h
	$(CXX) $(SOC_CXXFLAGS) -I$(5)/obj -DSOC_WITH_M=$(2) -DSOC_SVADU=$(3) -c $$< -o $$@

$(5)/pagewalk-soc: $(SOC_HARNESS:%=$(5)/%.o) $(5)/obj/Vsoc__ALL.a $(SOC_ISS_LIB) $(MODEL_LIB) $(SOC_DIR)/libverilated.a
	$(CXX) -o $$@ $(SOC_HARNESS:%=$(5)/%.o) $(5)/obj/Vsoc__ALL.a $(SOC_ISS_LIB) $(MODEL_LIB) \
	    $(SOC_DIR)/libverilated.a -lz -pthread
endef

SOC_VARIANTS := rv32im-svade rv32im-svadu rv32i-svade rv32i-svadu
$(eval $(call soc_build,rv32im-svade,1,0,$(RTL_SOC_ALL),$(SOC_DIR)/rv32im-svade))
$(eval $(call soc_build,rv32im-svadu,1,1,$(RTL_SOC_ALL),$(SOC_DIR)/rv32im-svadu))
$(eval $(call soc_build,rv32i-svade,0,0,$(RTL_SOC_ALL),$(SOC_DIR)/rv32i-svade))
$(eval $(call soc_build,rv32i-svadu,0,1,$(RTL_SOC_ALL),$(SOC_DIR)/rv32i-svadu))

# build/pagewalk-soc is the default build (rv32im, Svade); it runs the others.
$(SOC_CMD): $(SOC_DIR)/rv32im-svade/pagewalk-soc
	ln -sf soc/rv32im-svade/pagewalk-soc $@

.PHONY: soc soc-variants test-soc
soc: $(SOC_CMD)
soc-variants: $(SOC_CMD) $(SOC_VARIANTS:%=$(SOC_DIR)/%/pagewalk-soc)

# ---------------------------------------------------------------- smoke programs
SOC_SMOKE := $(patsubst tests/soc/%.S,$(SOC_DIR)/tests/%.elf,$(wildcard tests/soc/*.S))
$(SOC_DIR)/tests/%.elf: tests/soc/%.S tests/soc/link.ld
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc -march=rv32i$(if $(findstring muldiv,$*),m) -mabi=ilp32 -nostdlib -nostartfiles -Wl,--no-warn-rwx-segments \
	    -T tests/soc/link.ld $< -o $@

# The smoke programs, the ISA suite and SOC_RANDOM_PROGRAMS random programs,
# each on the RTL in lockstep with the ISS (the Svadu build runs the tests
# that ask for it and the random programs).
SOC_RANDOM_PROGRAMS ?= 200
SOC_RANDOM_SEED ?= 0x1000
SOC_JOBS ?= 2
test-soc: $(SOC_CMD) $(SOC_DIR)/rv32im-svadu/pagewalk-soc $(SOC_SMOKE) $(ISA_TESTS:%=$(ISA_OUT)/%.elf) $(RANDOM_ENV)
	@echo "== pagewalk-soc --lockstep: smoke programs, ISA suite, $(SOC_RANDOM_PROGRAMS) random programs"
	@$(PYTHON) tests/soc/run_soc.py --soc $(SOC_CMD) --jobs $(SOC_JOBS) --elf $(SOC_SMOKE) \
	    --isa-dir $(ISA_DIR) --isa-out $(ISA_OUT) \
	    --random-env $(RANDOM_ENV) --defs $(BUILD)/gen --random-out $(SOC_DIR)/random \
	    --seed $(SOC_RANDOM_SEED) --programs $(SOC_RANDOM_PROGRAMS) $(ISA_TESTS)

-include $(wildcard $(SOC_DIR)/*/*.d)

# ---------------------------------------------------------------- lint
# verilator -Wall on the core and the SoC in every build the project uses
# (with and without M, Svade and Svadu, simulation and board UART), Icarus,
# and yosys synth_ice40 on the board configuration (small RAM: the check is
# that it synthesises cleanly, not its size).
.PHONY: lint-soc
lint: lint-soc
lint-soc: $(BUILD)/gen/pagewalk_defs.vh $(BUILD)/gen/pagewalk_core.vh
	@echo "== lint: rtl/core and rtl/soc (verilator -Wall, Icarus, yosys synth_ice40)"
	@for m in 0 1; do \
	  $(VERILATOR) --lint-only -Wall -I$(BUILD)/gen -GWithM=$$m --top-module pw_core $(RTL_CORE) || exit 1; \
	  $(VERILATOR) --lint-only -Wall -I$(BUILD)/gen -DPW_RVFI -GWithM=$$m --top-module pw_core $(RTL_CORE) || exit 1; \
	  for a in 0 1; do for c in 0 1; do \
	    $(VERILATOR) --lint-only -Wall -I$(BUILD)/gen -GWithM=$$m -GSvadu=$$a -GSimConsole=$$c \
	      --top-module pw_soc $(RTL_SOC_ALL) || exit 1; done; done; \
	  $(VERILATOR) --lint-only -Wall -I$(BUILD)/gen -DPW_RVFI -DPW_SIM -GWithM=$$m --top-module pw_soc \
	    $(RTL_SOC_ALL) || exit 1; \
	done
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -I$(BUILD)/gen -s pw_soc -o $(BUILD)/pw_soc.vvp $(RTL_SOC_ALL)
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -DPW_RVFI -I$(BUILD)/gen -s pw_soc -o $(BUILD)/pw_soc_rvfi.vvp $(RTL_SOC_ALL)
	@$(YOSYS) -q -l $(BUILD)/yosys-lint-soc.log -p "read_verilog -I$(BUILD)/gen $(RTL_SOC_ALL); \
	  chparam -set RamBytes 8192 -set SimConsole 0 pw_soc; synth_ice40 -top pw_soc" \
	  && ! grep -i "^warning" $(BUILD)/yosys-lint-soc.log
	@echo "lint clean: rtl/core, rtl/soc"
