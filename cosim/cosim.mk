# Verilator lockstep co-simulation of rtl/mmu against the C models
# (docs/cosim.md), the RTL mutants, the regression runner, the RTL lint and
# the three-engine trace comparison. Included by the top-level Makefile.

## regress SEEDS=N JOBS=J [CYCLES=C] [BUILDS=a,b] [SAMPLE=1]: seeded lockstep regression over
##  every build (both A/D policies at hit latency 1, 2, 3, and the option builds);
##  summary table, JUnit XML in build/cosim/regress.xml
## regress SEEDS=N SCHEDULER=slurm [PARTITION=P] [CHUNK=seeds]: the same as a SLURM
##  job array, merged into the same table (docs/regress.md); RESUME=1
##  reruns only the runs without a result
## mutants: build every deliberate RTL bug (tests/mutants/rtl.mutants, rtl_pipe.mutants:
##  every hit latency); each must be caught by the directed vectors and scenarios or by
##  seeded runs, and only a reported mismatch counts
##  (SCHEDULER=slurm, CHUNK=mutants per task, RESUME=1 as for regress)
## test-mutants [MUTANTS='a b']: RTL mutants only (default, in make test: rtl.mutants and a
##  sample of the pipelined MMU's own bugs)
## test-mutant-tools: the tests of apply_mutant.py (each command of a mutant's sed script
##  must change its file, or the mutant is BROKEN)
## test-cosim: only the co-simulation GoogleTest suite
## lint: verilator -Wall, Icarus and yosys synth_ice40 on rtl/mmu
## trace-compare: one seeded stimulus per build (every hit latency and option set) through
##  the model, Verilator and Icarus; traces diffed pairwise (TRACE_SEED=, TRACE_CYCLES=
##  for svade and svadu, TRACE_CYCLES_MORE= for the others, TRACE=1 for waveforms)

.PHONY: mutants test-mutants test-cosim regress test-regress-tool lint trace-compare bench-cosim
PACKAGES += verilator zlib1g-dev

COSIM_DIR  := $(BUILD)/cosim
COSIM_TLB_ENTRIES ?= 8

# --assert with RTL_ASSERT_FLAGS: the interface assertions are compiled in, and
# a harness reports one that fires (cosim/dut_verilated.cc).
VERILATE_FLAGS := -Wall --cc -O3 --x-assign fast --x-initial fast --assert $(RTL_ASSERT_FLAGS) --trace-fst \
                  -I$(RTL_INC) --top-module pw_mmu -MAKEFLAGS OPT_FAST=-O3 -MAKEFLAGS OPT_SLOW=-O1
COSIM_CXXFLAGS := -std=c++17 -O2 -g $(WARN) -Wno-unused-parameter -I$(GEN_DIR) -Icmodel \
                  -Icosim -isystem $(VERILATOR_ROOT_INC) -isystem $(VERILATOR_ROOT_INC)/vltstd

# $(call verilate_build,NAME,SVADU,ENTRIES,RTL-FILES,HITLATENCY,COUNTERBITS,FLUSHALL,PPNINBRAM):
# a Verilated library $(COSIM_DIR)/NAME/Vmmu_NAME__ALL.a and the object
# registering it, with the parameters it was built with (docs/mmu.md).
define verilate_build
$(COSIM_DIR)/$(1)/Vmmu_$(1)__ALL.a: $(4) $(RTL_MMU_INCLUDES) $(RTL_ASSERT) rtl/check/pw_assert.vh
	@mkdir -p $(COSIM_DIR)/$(1)
	$(VERILATOR) $(VERILATE_FLAGS) --prefix Vmmu_$(1) -GSvadu=$(2) -GTlbEntries=$(3) -GTracePort=1 \
	    -GHitLatency=$(5) -GCounterBits=$(6) -GSfenceFlushAll=$(7) -GPpnInBram=$(8) \
	    -Mdir $(COSIM_DIR)/$(1) $(4) $(RTL_ASSERT) --build -j 2 >$(COSIM_DIR)/$(1)/verilate.log 2>&1 \
	    || { cat $(COSIM_DIR)/$(1)/verilate.log; exit 1; }
	@touch $$@  # verilator leaves the library alone when its own inputs did not change

$(COSIM_DIR)/$(1)/dut.o: cosim/dut_verilated.cc cosim/dut.h $(COSIM_DIR)/$(1)/Vmmu_$(1)__ALL.a $(GEN_HEADERS)
	$(CXX) $(COSIM_CXXFLAGS) -I$(COSIM_DIR)/$(1) -DDUT_CLASS=Vmmu_$(1) -DDUT_NAME=$(1) \
	    -DDUT_AD=$(if $(filter 1,$(2)),PW_AD_SVADU,PW_AD_SVADE) -DDUT_ENTRIES=$(3) \
	    -DDUT_HIT_LATENCY=$(5) -DDUT_COUNTERS=$(COUNTERS_ENUM_$(6)) -DDUT_FLUSH_ALL=$(7) \
	    -DDUT_PPN_IN_BRAM=$(8) -c $$< -o $$@
endef
COUNTERS_ENUM_32 := PW_COUNTERS_32
COUNTERS_ENUM_16 := PW_COUNTERS_16
COUNTERS_ENUM_0  := PW_COUNTERS_NONE

# Every co-simulation program links every build of MMU_BUILDS (mk/common.mk).
COSIM_BUILD_TABLE := $(MMU_BUILDS)
COSIM_BUILD_NAMES := $(MMU_BUILD_NAMES)
$(foreach b,$(COSIM_BUILD_TABLE),$(eval $(call verilate_build,$(word 1,$(subst :, ,$(b))),$(word 2,$(subst :, ,$(b))),$(COSIM_TLB_ENTRIES),$(RTL_MMU),$(word 3,$(subst :, ,$(b))),$(word 4,$(subst :, ,$(b))),$(word 5,$(subst :, ,$(b))),$(word 6,$(subst :, ,$(b))))))

COSIM_SRCS := cosim/dut_registry.cc cosim/memory_agent.cc cosim/page_table_world.cc cosim/stimulus.cc \
              cosim/output_check.cc cosim/arch_check.cc cosim/functional_coverage.cc cosim/mmu_checker.cc \
              cosim/event_log.cc \
              cosim/lockstep.cc cosim/replay.cc
COSIM_OBJS := $(COSIM_SRCS:cosim/%.cc=$(COSIM_DIR)/%.o)
COSIM_LIBS := $(MODEL_LIB) $(COSIM_DIR)/libverilated.a -lz -pthread
COSIM_BUILDS := $(foreach n,$(COSIM_BUILD_NAMES),$(COSIM_DIR)/$(n)/dut.o $(COSIM_DIR)/$(n)/Vmmu_$(n)__ALL.a)
COSIM_CMD := $(COSIM_DIR)/pagewalk-cosim

$(COSIM_DIR)/%.o: cosim/%.cc $(GEN_HEADERS)
	@mkdir -p $(@D)
	$(CXX) $(COSIM_CXXFLAGS) -MMD -MP -c $< -o $@

# The Verilator runtime, once per program (verilated.mk's VM_GLOBAL_FAST).
VERILATED_RUNTIME := verilated verilated_fst_c verilated_threads
$(COSIM_DIR)/runtime/%.o: $(VERILATOR_ROOT_INC)/%.cpp
	@mkdir -p $(@D)
	$(CXX) -std=c++17 -O2 -w -DVM_TRACE=1 -DVM_TRACE_FST=1 -I$(VERILATOR_ROOT_INC) \
	    -I$(VERILATOR_ROOT_INC)/vltstd -c $< -o $@
$(COSIM_DIR)/libverilated.a: $(VERILATED_RUNTIME:%=$(COSIM_DIR)/runtime/%.o)
	$(AR) rcs $@ $^

$(COSIM_CMD): $(COSIM_DIR)/cosim_main.o $(COSIM_OBJS) $(COSIM_BUILDS) $(MODEL_LIB) $(COSIM_DIR)/libverilated.a
	$(CXX) -o $@ $(COSIM_DIR)/cosim_main.o $(COSIM_OBJS) $(COSIM_BUILDS) $(COSIM_LIBS)

-include $(wildcard $(COSIM_DIR)/*.d $(BUILD)/tests/cosim/*.d)

# Deliberate RTL bugs (tests/mutants/rtl.mutants, and rtl_pipe.mutants for
# hit latency 2 and 3, each as one of the builds above): each must be caught. One
# job per mutant, here or as a SLURM job array (SCHEDULER, CHUNK = mutants per
# task, RESUME: suite/suite.mk); records in $(BUILD)/mutants/results.
# Each mutant also gets a directed program: the vector files and scenarios
# of tests/cosim on that mutant alone (tests/cosim/directed_verdict.cc).
MUTANT_SEEDS ?= 20
MUTANT_CYCLES ?= 100000
MUTANT_DIRECTED_OBJS := $(BUILD)/tests/cosim/directed_verdict.o $(BUILD)/tests/cosim/test_lockstep.o \
                        $(BUILD)/tests/cosim/scripted_bench.o $(COSIM_OBJS)
# $(call run_rtl_mutants,NAMES): the RTL mutants named (none: all of them).
run_rtl_mutants = @echo "== RTL mutants: each must be caught by the directed checks or the seeded lockstep co-simulation"; \
	VERILATOR="$(VERILATOR)" VERILATE_FLAGS='$(VERILATE_FLAGS) -GTlbEntries=8 -GTracePort=1 -Wno-fatal $(RTL_ASSERT)' CXX="$(CXX)" \
	  COSIM_CXXFLAGS="$(COSIM_CXXFLAGS)" PYTHON="$(PYTHON)" \
	  COSIM_LINK_OBJS="$(COSIM_DIR)/cosim_main.o $(COSIM_OBJS)" COSIM_LINK_LIBS="$(COSIM_LIBS)" \
	  DIRECTED_LINK_OBJS="$(MUTANT_DIRECTED_OBJS)" \
	  MUTANT_SEEDS=$(MUTANT_SEEDS) MUTANT_CYCLES=$(MUTANT_CYCLES) COSIM_BUILD_TABLE="$(COSIM_BUILD_TABLE)" \
	  SUITE_ARGS="--jobs $(or $(JOBS),2) --chunk $(or $(CHUNK),1) $(SUITE_RUN_FLAGS)" \
	  tests/mutants/run_rtl_mutants.sh $(BUILD) $(1)
mutants: $(COSIM_CMD) $(MUTANT_DIRECTED_OBJS) $(BUILD)/qemu/qemu_ref.vec
	$(call run_rtl_mutants,$(MUTANTS))

# test-mutants (in make test): every bug of rtl.mutants (the one-cycle MMU),
# and a sample of the bugs only the pipelined MMU can have, one per kind
# (the handshake, a miss taken for a hit, an sfence at acceptance, the late
# counters, the PPN in block RAM). Each mutant also builds and runs its directed
# program, so all 59 (make mutants) would take more than make test's budget.
MUTANTS_PIPE_SAMPLE := ready_ignores_miss miss_answered_as_hit acceptance_sfence_forgotten \
                       counters_not_late bram_reads_entry_0
MUTANTS_IN_TEST := $(shell awk -F'|' '!/^[ \t]*\#/ && NF >= 4 { n = $$1; gsub(/[ \t]/, "", n); print n }' \
                     tests/mutants/rtl.mutants) $(MUTANTS_PIPE_SAMPLE)
TEST_TARGETS += test-mutants
test-mutants: $(COSIM_CMD) $(MUTANT_DIRECTED_OBJS) $(BUILD)/qemu/qemu_ref.vec
	$(call run_rtl_mutants,$(or $(MUTANTS),$(MUTANTS_IN_TEST)))

# Every mutant runner (RTL, core, model, firmware, formal) applies a mutant's
# sed script through tests/mutants/apply_mutant.py, which requires each
# command of it to change the file: its own tests.
TEST_TARGETS += test-mutant-tools
test-mutant-tools:
	@echo "== mutant tools: apply_mutant.py (python3 -m unittest tests/mutants/test_apply_mutant.py)"
	@$(call quiet_unittest,tests/mutants/test_apply_mutant.py,$(BUILD)/tests/mutant-tools.log)
.PHONY: test-mutant-tools

# GoogleTest over the co-simulation (tests/cosim): seeded lockstep runs,
# .vec files through the RTL on the scripted bench, directed scenarios, the
# checkers themselves. The scripted bench is test code: only this program links it.
COSIM_TEST_BIN := $(BUILD)/tests/cosim-tests
COSIM_TEST_OBJS := $(BUILD)/tests/cosim/test_lockstep.o $(BUILD)/tests/cosim/test_mmu_checker.o \
                   $(BUILD)/tests/cosim/test_world.o \
                   $(BUILD)/tests/cosim/scripted_bench.o
$(BUILD)/tests/cosim/%.o: tests/cosim/%.cc $(GEN_HEADERS)
	@mkdir -p $(@D)
	$(CXX) $(COSIM_CXXFLAGS) -Itests/cosim -DPAGEWALK_SOURCE_DIR='"$(CURDIR)"' \
	    -DPAGEWALK_QEMU_VEC='"$(abspath $(BUILD)/qemu/qemu_ref.vec)"' -MMD -MP -c $< -o $@

$(COSIM_TEST_BIN): $(COSIM_TEST_OBJS) $(COSIM_OBJS) $(COSIM_BUILDS) $(MODEL_LIB) $(COSIM_DIR)/libverilated.a
	$(CXX) -o $@ $(COSIM_TEST_OBJS) $(COSIM_OBJS) $(COSIM_BUILDS) $(COSIM_LIBS) -lgtest -lgtest_main

test-cosim: $(COSIM_TEST_BIN) $(BUILD)/qemu/qemu_ref.vec
	@echo "== GoogleTest: lockstep co-simulation (RTL vs cycle model vs architectural model)"
	@$(COSIM_TEST_BIN) --gtest_brief=1

TEST_TARGETS += test-cosim

# Seeded regression over every build (each A/D policy at each hit latency, and
# the option builds), in parallel here or as a SLURM job array (SCHEDULER,
# CHUNK, PARTITION, RESUME: suite/suite.mk): progress, summary, JUnit.
# BUILDS names a subset (svade,svadu_l3,...); SAMPLE=1 runs each seed on one
# build in turn (the main job's short regression).
SEEDS ?= 100
CYCLES ?= 100000
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILDS ?= all
REGRESS_RESULTS ?= $(COSIM_DIR)/regress
regress: $(COSIM_CMD)
	@$(PYTHON) cosim/regress.py --sim $(COSIM_CMD) --seeds $(SEEDS) --jobs $(JOBS) --cycles $(CYCLES) \
	    --builds $(BUILDS) $(if $(filter 1,$(SAMPLE)),--sample) \
	    --junit $(COSIM_DIR)/regress.xml --results $(REGRESS_RESULTS) --chunk $(or $(CHUNK),10) $(SUITE_RUN_FLAGS)

test-regress-tool:
	@echo "== regress.py tests"
	@$(PYTHON) -m unittest cosim/test_regress.py 2>&1 | tail -3

TEST_TARGETS += test-regress-tool

# The RTL stays synthesizable: Verilator -Wall, Icarus, yosys synth_ice40.
lint: $(RTL_MMU_INCLUDES)
	@echo "== lint: verilator -Wall (4, 8, 32 entries; Svade and Svadu; hit latency 1, 2, 3; the options; with and without the assertions), Icarus, yosys synth_ice40"
	@for n in 4 8 32; do for a in 0 1; do for l in 1 2 3; do \
	  $(VERILATOR) --lint-only -Wall -I$(RTL_INC) -GTlbEntries=$$n -GSvadu=$$a -GHitLatency=$$l --top-module pw_mmu $(RTL_MMU) \
	    || exit 1; \
	  $(VERILATOR) --lint-only -Wall --assert $(RTL_ASSERT_FLAGS) -I$(RTL_INC) -GTlbEntries=$$n -GSvadu=$$a -GHitLatency=$$l \
	    --top-module pw_mmu $(RTL_MMU) $(RTL_ASSERT) || exit 1; done; done; done
	@for opts in "-GHitLatency=3 -GPpnInBram=1 -GCounterBits=0 -GSfenceFlushAll=1" "-GCounterBits=16 -GTracePort=1" \
	              "-GHitLatency=2 -GCounterBits=16 -GSfenceFlushAll=1 -GTracePort=1"; do \
	  $(VERILATOR) --lint-only -Wall -I$(RTL_INC) $$opts --top-module pw_mmu $(RTL_MMU) || exit 1; done
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) -s pw_mmu -o $(BUILD)/pw_mmu.vvp $(RTL_MMU)
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) -s pw_mmu -P pw_mmu.HitLatency=3 \
	  -P pw_mmu.PpnInBram=1 -o $(BUILD)/pw_mmu.vvp $(RTL_MMU)
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) $(RTL_ASSERT_FLAGS) -s pw_mmu \
	  -o $(BUILD)/pw_mmu_assert.vvp $(RTL_MMU) $(RTL_ASSERT)
	@for p in "" "chparam -set HitLatency 3 -set PpnInBram 1 -set CounterBits 0 -set SfenceFlushAll 1 pw_mmu;"; do \
	  $(YOSYS) -q -l $(BUILD)/yosys-lint.log -p "read_verilog -I$(RTL_INC) $(RTL_MMU); $$p synth_ice40 -top pw_mmu" \
	  && ! grep -i "^warning" $(BUILD)/yosys-lint.log || exit 1; done
	@echo "lint clean"

TEST_TARGETS += lint

# One seeded stimulus through the model, Verilator and Icarus; traces diffed
# pairwise (docs/traces.md). TRACE=1 adds an FST (Verilator) and a VCD (Icarus).
TRACE_SEED ?= 7
TRACE_CYCLES ?= 100000
TRACE_CYCLES_MORE ?= 20000
TRACE_DIR := $(BUILD)/trace
PAGEWALK_TRACE := $(PYTHON) cosim/pagewalk_trace.py

trace-compare: $(COSIM_CMD) $(MODEL_CMD) $(MMU_BUILD_NAMES:%=$(ICARUS_DIR)/tb_mmu_%.vvp)
	@COSIM_CMD=$(COSIM_CMD) MODEL_CMD=$(MODEL_CMD) VVP="$(VVP)" ICARUS_DIR=$(ICARUS_DIR) \
	  PAGEWALK_TRACE="$(PAGEWALK_TRACE)" WAVES=$(if $(filter 1,$(TRACE)),1,0) MMU_BUILDS="$(MMU_BUILDS)" \
	  cosim/trace_compare.sh $(TRACE_DIR) $(TRACE_SEED) \
	    $(foreach n,$(MMU_BUILD_NAMES),$(n):$(if $(filter svade svadu,$(n)),$(TRACE_CYCLES),$(TRACE_CYCLES_MORE)))

# pagewalk-trace, beside pagewalk-model in $(BUILD).
$(BUILD)/pagewalk-trace: cosim/pagewalk_trace.py
	@mkdir -p $(@D)
	ln -sf $(abspath $<) $@

# ---------------------------------------------------------------- benchmark
# Checked and raw cycles/s of the 8-entry builds and their ratio, in
# processor time, the best of BENCH_REPEAT runs each (docs/cosim.md, "Where
# the time goes").
BENCH_CYCLES ?= 3000000
BENCH_REPEAT ?= 3
bench-cosim: $(COSIM_CMD)
	@echo "== co-simulation speed, $(COSIM_TLB_ENTRIES) TLB entries: $(COSIM_CMD) --ad AD --bench --seed 7 --cycles $(BENCH_CYCLES) --repeat $(BENCH_REPEAT)"
	@$(COSIM_CMD) --ad svade --bench --seed 7 --cycles $(BENCH_CYCLES) --repeat $(BENCH_REPEAT)
	@$(COSIM_CMD) --ad svadu --bench --seed 7 --cycles $(BENCH_CYCLES) --repeat $(BENCH_REPEAT)

BENCH_TARGETS += bench-cosim
