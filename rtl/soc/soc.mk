# The RTL SoC under Verilator: build/pagewalk-soc and its variants, the
# smoke programs, lockstep runs, core mutants and the SoC benchmark.
# Included by the top-level Makefile (docs/soc.md).
## soc: build/pagewalk-soc: the RTL SoC (core, MMU, devices) under Verilator
## soc-variants: the other SoC builds pagewalk-soc runs for --isa rv32i and --svadu
## test-soc: SoC smoke programs, the ISA suite and 200 random programs, each on the
##  RTL in lockstep with the ISS (SOC_RANDOM_PROGRAMS=), plus the parts below
## test-soc-icarus: the SoC under Icarus from $readmemh images; the board UART looped back
## test-soc-rv32i: the core without M in lockstep (ISA tests without M, smoke programs)
## test-soc-latency: ISA suite in lockstep on a build with slower MMU and bus responses
## mutants-core: every deliberate core bug (tests/mutants/core.mutants) must give a
##  lockstep MISMATCH (MUTANTS_CORE='name ...'; part of make mutants)
## lint-soc: verilator -Wall, Icarus and yosys synth_ice40 on rtl/core and rtl/soc (part of make lint)
## bench-soc: RTL SoC instructions/s raw and in lockstep, CPI by class (part of make bench)

SOC_DIR      := $(BUILD)/soc
RTL_CORE     := $(sort $(wildcard rtl/core/*.v))
RTL_SOC      := $(sort $(wildcard rtl/soc/pw_*.v)) rtl/board/pw_uart_tx.v
RTL_SOC_ALL  := $(RTL_CORE) $(RTL_SOC) $(RTL_MMU)
# The generated Verilog the core and the SoC include (committed, rtl/include).
RTL_SOC_INCLUDES := $(RTL_INC)/pagewalk_defs.vh $(RTL_INC)/pagewalk_core.vh $(RTL_INC)/pw_mmu_ports.vh \
                    $(RTL_INC)/pw_rvfi_ports.vh
SOC_RAM_MAX  := 16777216
RISCV_PREFIX ?= riscv64-unknown-elf-
SOC_CMD      := $(BUILD)/pagewalk-soc
# The ISS library pagewalk-soc links for --lockstep (cmodel/iss.mk).
SOC_ISS_LIB  ?= $(ISS_LIB)

# Verilator: -O3 for the normal builds; mutant builds override SOC_VFLAGS_OPT.
SOC_VFLAGS_OPT ?= -O3 -MAKEFLAGS "OPT_FAST=-O2 OPT_SLOW=-O1"
SOC_VFLAGS := --cc -Wall --x-assign 0 --x-initial 0 --trace-fst -DPW_RVFI -DPW_SIM \
              -I$(RTL_INC) --top-module pw_soc --prefix Vsoc -GRamBytes=$(SOC_RAM_MAX) -GMmuTracePort=1
SOC_CXXFLAGS := -std=c++17 -O2 -g $(WARN) -I$(GEN_DIR) -Icmodel -Isim/soc -Icosim \
                -isystem $(VERILATOR_ROOT_INC) -isystem $(VERILATOR_ROOT_INC)/vltstd
SOC_HARNESS  := soc_dut soc_lockstep soc_mmu_check pagewalk_soc
# The co-simulation's MMU checker (cosim/mmu_checker.h) checks the MMU inside
# the SoC against the cycle model and the architectural model; it links the
# functional-coverage bins (docs/coverage.md), which the SoC does not count.
SOC_COSIM_OBJS := $(COSIM_DIR)/mmu_checker.o $(COSIM_DIR)/output_check.o $(COSIM_DIR)/arch_check.o \
                  $(COSIM_DIR)/functional_coverage.o

# The Verilator runtime with DPI, once.
SOC_RUNTIME := verilated verilated_fst_c verilated_dpi verilated_threads
$(SOC_DIR)/runtime/%.o: $(VERILATOR_ROOT_INC)/%.cpp
	@mkdir -p $(@D)
	$(CXX) -std=c++17 -O2 -w -DVM_TRACE=1 -DVM_TRACE_FST=1 -I$(VERILATOR_ROOT_INC) \
	    -I$(VERILATOR_ROOT_INC)/vltstd -c $< -o $@
$(SOC_DIR)/libverilated.a: $(SOC_RUNTIME:%=$(SOC_DIR)/runtime/%.o)
	$(AR) rcs $@ $^

# $(call soc_build,VARIANT,WITH_M,SVADU,RTL-FILES,DIR[,VERILATOR-FLAGS]): DIR/pagewalk-soc
# (VERILATOR-FLAGS replace the optimisation flags, and may set parameters).
define soc_build
$(5)/obj/Vsoc__ALL.a: $(4) $(RTL_SOC_INCLUDES)
	@mkdir -p $(5)/obj
	@echo "  VERILATE $(5)"
	@$(VERILATOR) $(SOC_VFLAGS) $(if $(6),$(6),$(SOC_VFLAGS_OPT)) -GWithM=$(2) -GSvadu=$(3) -Mdir $(5)/obj \
	    $(4) --build -j 2 >$(5)/verilate.log 2>&1 || { cat $(5)/verilate.log; exit 1; }

$(5)/%.o: sim/soc/%.cc sim/soc/soc_dut.h sim/soc/soc_lockstep.h sim/soc/soc_mmu_check.h $(5)/obj/Vsoc__ALL.a \
          $(GEN_DIR)/pagewalk_core.h $(GEN_HEADERS)
	$(CXX) $(SOC_CXXFLAGS) -MMD -MP -I$(5)/obj -DSOC_WITH_M=$(2) -DSOC_SVADU=$(3) -c $$< -o $$@

$(5)/pagewalk-soc: $(SOC_HARNESS:%=$(5)/%.o) $(SOC_COSIM_OBJS) $(5)/obj/Vsoc__ALL.a $(SOC_ISS_LIB) $(MODEL_LIB) $(SOC_DIR)/libverilated.a
	$(CXX) -o $$@ $(SOC_HARNESS:%=$(5)/%.o) $(SOC_COSIM_OBJS) $(5)/obj/Vsoc__ALL.a $(SOC_ISS_LIB) $(MODEL_LIB) \
	    $(SOC_DIR)/libverilated.a -lz -pthread
endef

SOC_VARIANTS := rv32im-svade rv32im-svadu rv32i-svade rv32i-svadu
$(eval $(call soc_build,rv32im-svade,1,0,$(RTL_SOC_ALL),$(SOC_DIR)/rv32im-svade))
$(eval $(call soc_build,rv32im-svadu,1,1,$(RTL_SOC_ALL),$(SOC_DIR)/rv32im-svadu))
$(eval $(call soc_build,rv32i-svade,0,0,$(RTL_SOC_ALL),$(SOC_DIR)/rv32i-svade))
$(eval $(call soc_build,rv32i-svadu,0,1,$(RTL_SOC_ALL),$(SOC_DIR)/rv32i-svadu))

# A test build with slower MMU and bus responses (2 and 1 extra cycles): the
# core and the walker must not depend on either latency.
SOC_LATENCY_FLAGS := -O1 -MAKEFLAGS OPT_FAST=-O1 -GMmuRespDelay=2 -GBusRespDelay=1
$(eval $(call soc_build,latency,1,0,$(RTL_SOC_ALL),$(SOC_DIR)/latency,$(SOC_LATENCY_FLAGS)))

# build/pagewalk-soc is the default build (rv32im, Svade); it runs the others.
$(SOC_CMD): $(SOC_DIR)/rv32im-svade/pagewalk-soc
	ln -sf soc/rv32im-svade/pagewalk-soc $@

.PHONY: soc soc-variants test-soc
TEST_TARGETS  += test-soc
BENCH_TARGETS += bench-soc
soc: $(SOC_CMD)
soc-variants: $(SOC_CMD) $(SOC_VARIANTS:%=$(SOC_DIR)/%/pagewalk-soc)

# ---------------------------------------------------------------- smoke programs
SOC_SMOKE := $(patsubst tests/soc/%.S,$(SOC_DIR)/tests/%.elf,$(wildcard tests/soc/*.S))
$(SOC_DIR)/tests/%.elf: tests/soc/%.S tests/soc/link.ld
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc -march=rv32i$(if $(findstring muldiv,$*),m) -mabi=ilp32 -nostdlib -nostartfiles -Wl,--no-warn-rwx-segments \
	    -T tests/soc/link.ld $< -o $@

.SECONDARY: $(SOC_SMOKE) $(SOC_SMOKE:%.elf=%.hex)

# A RAM image for $readmemh (pw_soc's RamInit: boards, Icarus): words from
# the start of RAM.
$(SOC_DIR)/tests/%.hex: $(SOC_DIR)/tests/%.elf $(GEN_DIR)/pagewalk_defs.h
	ram=$$(sed -n 's/^#define PW_MEM_RAM \(0x[0-9a-fA-F]*\)u$$/\1/p' $(GEN_DIR)/pagewalk_defs.h); \
	$(RISCV_PREFIX)objcopy -O verilog --verilog-data-width=4 --change-addresses=-$$ram $< $@

# The smoke programs under Icarus, loaded by $readmemh as a board loads them
# (those that end at the finisher: the testbench knows no tohost), and the
# board UART (serial transmitter looped back into the receiver).
SOC_ICARUS_SMOKE := $(filter-out %/tohost.elf,$(SOC_SMOKE))
.PHONY: test-soc-icarus
test-soc-icarus: $(SOC_ICARUS_SMOKE:%.elf=%.hex)
	@echo "== pw_soc under Icarus: smoke programs from \$$readmemh images"
	@for h in $^; do \
	  $(IVERILOG) -g2005 -I$(RTL_INC) -P'tb_soc.RamInit="'$$h'"' -s tb_soc -o $${h%.hex}.vvp \
	    tests/soc/tb_soc.v $(RTL_SOC_ALL) || exit 1; \
	  vvp -n $${h%.hex}.vvp > $${h%.hex}.icarus.log; \
	  grep -q '^tb_soc: pass' $${h%.hex}.icarus.log || { cat $${h%.hex}.icarus.log; echo "FAIL $$h"; exit 1; }; \
	  echo "ok $$h: $$(grep '^tb_soc' $${h%.hex}.icarus.log)"; done
	@$(IVERILOG) -g2005 -I$(RTL_INC) -s tb_uart -o $(SOC_DIR)/tb_uart.vvp tests/soc/tb_uart.v \
	    rtl/soc/pw_soc_uart.v rtl/soc/pw_uart_rx.v rtl/board/pw_uart_tx.v
	@vvp -n $(SOC_DIR)/tb_uart.vvp | tee $(SOC_DIR)/tb_uart.log | grep -v '^VCD'; \
	  grep -q '^tb_uart: [1-9][0-9]* passed, 0 failed' $(SOC_DIR)/tb_uart.log

# The smoke programs, the ISA suite and SOC_RANDOM_PROGRAMS random programs,
# each on the RTL in lockstep with the ISS (the Svadu build runs the tests
# that ask for it and the random programs).
SOC_RANDOM_PROGRAMS ?= 200
SOC_RANDOM_SEED ?= 0x1000
SOC_JOBS ?= 2
test-soc: test-soc-icarus $(SOC_CMD) $(SOC_DIR)/rv32im-svadu/pagewalk-soc $(SOC_SMOKE) $(ISA_TESTS:%=$(ISA_OUT)/%.elf) $(RANDOM_ENV)
	@echo "== pagewalk-soc --lockstep: smoke programs, ISA suite, $(SOC_RANDOM_PROGRAMS) random programs"
	@$(PYTHON) tests/soc/run_soc.py --soc $(SOC_CMD) --jobs $(SOC_JOBS) --elf $(SOC_SMOKE) \
	    --isa-dir $(ISA_DIR) --isa-out $(ISA_OUT) \
	    --random-env $(RANDOM_ENV) --defs $(GEN_DIR) --random-out $(SOC_DIR)/random \
	    --seed $(SOC_RANDOM_SEED) --programs $(SOC_RANDOM_PROGRAMS) $(ISA_TESTS)
	@tests/iss/test_cli.sh $(SOC_CMD) $(SOC_DIR)/tests/hello.elf

# The core without M (the iCE40 build): the ISA tests that need no M and
# the smoke programs that use none, plus tests/soc/rv32i (M encodings trap).
SOC_RV32I_TESTS := $(filter-out csr rv32m vm_ad_svadu,$(ISA_TESTS))
SOC_SMOKE_RV32I := $(patsubst tests/soc/rv32i/%.S,$(SOC_DIR)/tests/rv32i/%.elf,$(wildcard tests/soc/rv32i/*.S))
$(SOC_DIR)/tests/rv32i/%.elf: tests/soc/rv32i/%.S tests/soc/link.ld
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc -march=rv32i -mabi=ilp32 -nostdlib -nostartfiles -Wl,--no-warn-rwx-segments \
	    -T tests/soc/link.ld $< -o $@
.PHONY: test-soc-rv32i
test-soc: test-soc-rv32i
test-soc-rv32i: $(SOC_CMD) $(SOC_DIR)/rv32i-svade/pagewalk-soc $(SOC_SMOKE_RV32I) $(SOC_DIR)/tests/hello.elf \
                $(SOC_DIR)/tests/vm.elf $(SOC_RV32I_TESTS:%=$(ISA_OUT)/%.elf)
	@echo "== pagewalk-soc --isa rv32i (the core without M), in lockstep"
	@$(PYTHON) tests/soc/run_soc.py --soc $(SOC_CMD) --extra "--isa rv32i" --jobs $(SOC_JOBS) \
	    --elf $(SOC_SMOKE_RV32I) $(SOC_DIR)/tests/hello.elf $(SOC_DIR)/tests/vm.elf \
	    --isa-dir $(ISA_DIR) --isa-out $(ISA_OUT) $(SOC_RV32I_TESTS)

# The Svade ISA tests and the smoke programs on the slow-response build.
SOC_LATENCY_TESTS := $(filter-out vm_ad_svadu,$(ISA_TESTS))
.PHONY: test-soc-latency
test-soc: test-soc-latency
test-soc-latency: $(SOC_DIR)/latency/pagewalk-soc $(SOC_SMOKE) $(SOC_LATENCY_TESTS:%=$(ISA_OUT)/%.elf)
	@echo "== pagewalk-soc with 2 extra cycles per MMU response and 1 per bus response, in lockstep"
	@$(PYTHON) tests/soc/run_soc.py --soc $(SOC_DIR)/latency/pagewalk-soc --jobs $(SOC_JOBS) --elf $(SOC_SMOKE) \
	    --isa-dir $(ISA_DIR) --isa-out $(ISA_OUT) $(SOC_LATENCY_TESTS)

-include $(wildcard $(SOC_DIR)/*/*.d)

# ---------------------------------------------------------------- lint
# verilator -Wall on the core and the SoC in every build the project uses
# (with and without M, Svade and Svadu, simulation and board UART), Icarus,
# and yosys synth_ice40 on the board configuration (small RAM: the check is
# that it synthesises cleanly, not its size).
.PHONY: lint-soc
lint: lint-soc
lint-soc: $(RTL_SOC_INCLUDES)
	@echo "== lint: rtl/core and rtl/soc (verilator -Wall, Icarus, yosys synth_ice40)"
	@for m in 0 1; do \
	  $(VERILATOR) --lint-only -Wall -I$(RTL_INC) -GWithM=$$m --top-module pw_core $(RTL_CORE) || exit 1; \
	  $(VERILATOR) --lint-only -Wall -I$(RTL_INC) -DPW_RVFI -GWithM=$$m --top-module pw_core $(RTL_CORE) || exit 1; \
	  for a in 0 1; do for c in 0 1; do \
	    $(VERILATOR) --lint-only -Wall -I$(RTL_INC) -GWithM=$$m -GSvadu=$$a -GSimConsole=$$c \
	      --top-module pw_soc $(RTL_SOC_ALL) || exit 1; done; done; \
	  $(VERILATOR) --lint-only -Wall -I$(RTL_INC) -DPW_RVFI -DPW_SIM -GWithM=$$m --top-module pw_soc \
	    $(RTL_SOC_ALL) || exit 1; \
	done
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) -s pw_soc -o $(BUILD)/pw_soc.vvp $(RTL_SOC_ALL)
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -DPW_RVFI -I$(RTL_INC) -s pw_soc -o $(BUILD)/pw_soc_rvfi.vvp $(RTL_SOC_ALL)
	@$(YOSYS) -q -l $(BUILD)/yosys-lint-soc.log -p "read_verilog -I$(RTL_INC) $(RTL_SOC_ALL); \
	  chparam -set RamBytes 8192 -set SimConsole 0 pw_soc; synth_ice40 -top pw_soc" \
	  && ! grep -i "^warning" $(BUILD)/yosys-lint-soc.log
	@echo "lint clean: rtl/core, rtl/soc"

# ---------------------------------------------------------------- core mutants
# Each line of tests/mutants/core.mutants is built into its own pagewalk-soc
# (Verilator at -O1, C++ at -O0: a build takes seconds, its programs are
# short) and must be caught by the lockstep with a MISMATCH report. One job
# per mutant (tests/mutants/core_mutant.sh), here or as a SLURM job array
# (SCHEDULER, CHUNK, RESUME: suite/suite.mk); records in
# $(BUILD)/soc/mutants/results.
SOC_MUTANT_VFLAGS ?= -Wno-fatal -O1 -MAKEFLAGS OPT_FAST=-O0 -MAKEFLAGS OPT_SLOW=-O0 -MAKEFLAGS OPT_GLOBAL=-O0
SOC_MUTANT_CYCLES ?= 2000000
.PHONY: mutants-core
mutants: mutants-core
TEST_TARGETS += mutants-core
mutants-core: $(SOC_CMD) $(SOC_SMOKE) $(ISA_TESTS:%=$(ISA_OUT)/%.elf)
	@echo "== core mutants: each must be caught by the RTL-vs-ISS lockstep (MISMATCH)"
	@VERILATOR="$(VERILATOR)" SOC_VFLAGS='$(SOC_VFLAGS)' MUTANT_VFLAGS='$(SOC_MUTANT_VFLAGS)' CXX="$(CXX)" \
	  HARNESS_OBJS="$(SOC_HARNESS:%=$(SOC_DIR)/rv32im-svade/%.o) $(SOC_COSIM_OBJS)" \
	  LINK_LIBS="$(SOC_ISS_LIB) $(MODEL_LIB) $(SOC_DIR)/libverilated.a -lz -pthread" \
	  RTL_OTHER="$(RTL_SOC)" RTL_MMU="$(RTL_MMU)" MAX_CYCLES=$(SOC_MUTANT_CYCLES) PYTHON="$(PYTHON)" \
	  SUITE_ARGS="--jobs $(or $(JOBS),$(SOC_JOBS)) --chunk $(or $(CHUNK),1) $(SUITE_RUN_FLAGS)" \
	  tests/mutants/run_core_mutants.sh $(BUILD) $(MUTANTS_CORE)

# ---------------------------------------------------------------- benchmark
# Instructions per second of the RTL SoC, raw and in lockstep with the ISS,
# and its CPI (also by instruction class) on a workload: a batch of random
# programs (Sv32 on, traps, privilege switches; Svadu build).
SOC_BENCH_PROGRAMS ?= 20
SOC_BENCH_ELF := $(SOC_DIR)/bench/random-$(SOC_BENCH_PROGRAMS).elf
$(SOC_BENCH_ELF): $(RANDOM_ENV) tests/random/gen_random.py
	@mkdir -p $(@D)
	$(PYTHON) tests/random/gen_random.py --env $(RANDOM_ENV) --defs $(GEN_DIR) --seed 0x7000 \
	    --count $(SOC_BENCH_PROGRAMS) --out $@

.PHONY: bench-soc
bench: bench-soc
bench-soc: $(SOC_CMD) $(SOC_DIR)/rv32im-svadu/pagewalk-soc $(SOC_BENCH_ELF)
	@echo "== pagewalk-soc: $(SOC_BENCH_PROGRAMS) random programs, raw"
	@$(SOC_CMD) --svadu --stats $(SOC_BENCH_ELF) >/dev/null
	@echo "== pagewalk-soc: the same in lockstep with the ISS"
	@$(SOC_CMD) --svadu --stats --lockstep $(SOC_BENCH_ELF) 2>&1 >/dev/null | sed -n 1p
