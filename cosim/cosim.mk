# Verilator lockstep co-simulation of rtl/mmu against the C models.
# Included by the top-level Makefile.
VERILATOR ?= verilator
VERILATOR_ROOT_INC := $(shell $(VERILATOR) --getenv VERILATOR_ROOT 2>/dev/null)/include
COSIM_DIR  := $(BUILD)/cosim
RTL_MMU    := rtl/mmu/pw_leaf_check.v rtl/mmu/pw_tlb.v rtl/mmu/pw_hit_pipe.v rtl/mmu/pw_counters.v \
              rtl/mmu/pw_walker.v rtl/mmu/pw_walker_pipe.v rtl/mmu/pw_mmu.v
COSIM_TLB_ENTRIES ?= 8

VERILATE_FLAGS := -Wall --cc -O3 --x-assign fast --x-initial fast --noassert --trace-fst \
                  -I$(BUILD)/gen --top-module pw_mmu -MAKEFLAGS OPT_FAST=-O3 -MAKEFLAGS OPT_SLOW=-O1
COSIM_CXXFLAGS := -std=c++17 -O2 -g $(WARN) -Wno-unused-parameter -I$(BUILD)/gen -Icmodel -Itests/shim \
                  -Icosim -isystem $(VERILATOR_ROOT_INC) -isystem $(VERILATOR_ROOT_INC)/vltstd

# $(call verilate_build,NAME,SVADU,ENTRIES,RTL-FILES): a Verilated library
# $(COSIM_DIR)/NAME/Vmmu_NAME__ALL.a and the object registering it.
define verilate_build
$(COSIM_DIR)/$(1)/Vmmu_$(1)__ALL.a: $(4) $(BUILD)/gen/pagewalk_defs.vh
	@mkdir -p $(COSIM_DIR)/$(1)
	$(VERILATOR) $(VERILATE_FLAGS) --prefix Vmmu_$(1) -GSvadu=$(2) -GTlbEntries=$(3) -GTracePort=1 \
	    -Mdir $(COSIM_DIR)/$(1) $(4) --build -j 2 >$(COSIM_DIR)/$(1)/verilate.log 2>&1 \
	    || { cat $(COSIM_DIR)/$(1)/verilate.log; exit 1; }

$(COSIM_DIR)/$(1)/dut.o: cosim/dut_verilated.cc cosim/dut.h $(COSIM_DIR)/$(1)/Vmmu_$(1)__ALL.a
	$(CXX) $(COSIM_CXXFLAGS) -I$(COSIM_DIR)/$(1) -DDUT_CLASS=Vmmu_$(1) -DDUT_NAME=$(1) \
	    -DDUT_AD=$(if $(filter 1,$(2)),PW_AD_SVADU,PW_AD_SVADE) -DDUT_ENTRIES=$(3) -c $$< -o $$@
endef

$(eval $(call verilate_build,svade,0,$(COSIM_TLB_ENTRIES),$(RTL_MMU)))
$(eval $(call verilate_build,svadu,1,$(COSIM_TLB_ENTRIES),$(RTL_MMU)))

COSIM_SRCS := cosim/dut_registry.cc cosim/memory_agent.cc cosim/stimulus.cc cosim/lockstep.cc cosim/scripted.cc cosim/replay.cc
COSIM_OBJS := $(COSIM_SRCS:cosim/%.cc=$(COSIM_DIR)/%.o)
COSIM_LIBS := $(MODEL_LIB) $(COSIM_DIR)/libverilated.a -lz -pthread
COSIM_BUILDS := $(COSIM_DIR)/svade/dut.o $(COSIM_DIR)/svade/Vmmu_svade__ALL.a \
                $(COSIM_DIR)/svadu/dut.o $(COSIM_DIR)/svadu/Vmmu_svadu__ALL.a
COSIM_CMD := $(COSIM_DIR)/pagewalk-cosim

$(COSIM_DIR)/%.o: cosim/%.cc $(BUILD)/gen/pagewalk_defs.h
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

-include $(wildcard $(COSIM_DIR)/*.d)

# Deliberate RTL bugs (tests/mutants/rtl.mutants): each must be caught.
MUTANT_SEEDS ?= 20
MUTANT_CYCLES ?= 100000
mutants: $(COSIM_CMD)
	@echo "== RTL mutants: each must be caught by the lockstep co-simulation"
	@VERILATOR="$(VERILATOR)" VERILATE_FLAGS='$(VERILATE_FLAGS) -GTlbEntries=8 -GTracePort=1 -Wno-fatal' CXX="$(CXX)" \
	  COSIM_CXXFLAGS="$(COSIM_CXXFLAGS)" JOBS=$(or $(JOBS),2) \
	  COSIM_LINK_OBJS="$(COSIM_DIR)/cosim_main.o $(COSIM_OBJS)" COSIM_LINK_LIBS="$(COSIM_LIBS)" \
	  MUTANT_SEEDS=$(MUTANT_SEEDS) MUTANT_CYCLES=$(MUTANT_CYCLES) \
	  tests/mutants/run_rtl_mutants.sh $(BUILD) $(MUTANTS)

# GoogleTest over the co-simulation (tests/cosim): seeded lockstep runs,
# .vec files through the RTL, directed scenarios, the checkers themselves.
COSIM_TEST_BIN := $(BUILD)/tests/cosim-tests
$(BUILD)/tests/cosim/%.o: tests/cosim/%.cc $(BUILD)/gen/pagewalk_defs.h
	@mkdir -p $(@D)
	$(CXX) $(COSIM_CXXFLAGS) -DPAGEWALK_SOURCE_DIR='"$(CURDIR)"' \
	    -DPAGEWALK_QEMU_VEC='"$(abspath $(BUILD)/qemu/qemu_ref.vec)"' -MMD -MP -c $< -o $@

$(COSIM_TEST_BIN): $(BUILD)/tests/cosim/test_lockstep.o $(COSIM_OBJS) $(COSIM_BUILDS) $(MODEL_LIB) $(COSIM_DIR)/libverilated.a
	$(CXX) -o $@ $(BUILD)/tests/cosim/test_lockstep.o $(COSIM_OBJS) $(COSIM_BUILDS) $(COSIM_LIBS) -lgtest -lgtest_main

test-cosim: $(COSIM_TEST_BIN) $(BUILD)/qemu/qemu_ref.vec
	@echo "== GoogleTest: lockstep co-simulation (RTL vs cycle model vs architectural model)"
	@$(COSIM_TEST_BIN) --gtest_brief=1

# Seeded regression over both builds, in parallel: progress, summary, JUnit.
SEEDS ?= 100
CYCLES ?= 100000
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
regress: $(COSIM_CMD)
	@$(PYTHON) cosim/regress.py --sim $(COSIM_CMD) --seeds $(SEEDS) --jobs $(JOBS) --cycles $(CYCLES) \
	    --junit $(COSIM_DIR)/regress.xml

test-regress-tool:
	@echo "== regress.py tests"
	@$(PYTHON) -m unittest cosim/test_regress.py 2>&1 | tail -3

# The RTL stays synthesizable: Verilator -Wall, Icarus, yosys synth_ice40.
YOSYS ?= yosys
IVERILOG ?= iverilog
lint: $(BUILD)/gen/pagewalk_defs.vh
	@echo "== lint: verilator -Wall (4, 8, 32 entries; Svade and Svadu; hit latency 1, 2, 3; the options), Icarus, yosys synth_ice40"
	@for n in 4 8 32; do for a in 0 1; do for l in 1 2 3; do \
	  $(VERILATOR) --lint-only -Wall -I$(BUILD)/gen -GTlbEntries=$$n -GSvadu=$$a -GHitLatency=$$l --top-module pw_mmu $(RTL_MMU) \
	    || exit 1; done; done; done
	@for opts in "-GHitLatency=3 -GPpnInBram=1 -GCounterBits=0 -GSfenceFlushAll=1" "-GCounterBits=16 -GTracePort=1" \
	              "-GHitLatency=2 -GCounterBits=16 -GSfenceFlushAll=1 -GTracePort=1"; do \
	  $(VERILATOR) --lint-only -Wall -I$(BUILD)/gen $$opts --top-module pw_mmu $(RTL_MMU) || exit 1; done
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -I$(BUILD)/gen -s pw_mmu -o $(BUILD)/pw_mmu.vvp $(RTL_MMU)
	@$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -I$(BUILD)/gen -s pw_mmu -P pw_mmu.HitLatency=3 \
	  -P pw_mmu.PpnInBram=1 -o $(BUILD)/pw_mmu.vvp $(RTL_MMU)
	@for p in "" "chparam -set HitLatency 3 -set PpnInBram 1 -set CounterBits 0 -set SfenceFlushAll 1 pw_mmu;"; do \
	  $(YOSYS) -q -l $(BUILD)/yosys-lint.log -p "read_verilog -I$(BUILD)/gen $(RTL_MMU); $$p synth_ice40 -top pw_mmu" \
	  && ! grep -i "^warning" $(BUILD)/yosys-lint.log || exit 1; done
	@echo "lint clean"

# One seeded stimulus through the model, Verilator and Icarus; traces diffed
# pairwise (docs/traces.md). TRACE=1 adds an FST (Verilator) and a VCD (Icarus).
TRACE_SEED ?= 7
TRACE_CYCLES ?= 100000
TRACE_DIR := $(BUILD)/trace
PAGEWALK_TRACE := $(PYTHON) cosim/pagewalk_trace.py

trace-compare: $(COSIM_CMD) $(MODEL_CMD) $(ICARUS_DIR)/tb_mmu_svade.vvp $(ICARUS_DIR)/tb_mmu_svadu.vvp
	@mkdir -p $(TRACE_DIR)
	@status=0; for ad in svade svadu; do \
	  base=$(TRACE_DIR)/seed$(TRACE_SEED)-$$ad; \
	  $(COSIM_CMD) --ad $$ad --seed $(TRACE_SEED) --cycles $(TRACE_CYCLES) --write-stimulus $$base.stim || exit 2; \
	  echo "== $$base.stim: $(TRACE_CYCLES) cycles, $$(grep -c ' req ' $$base.stim) requests ($$ad)"; \
	  $(MODEL_CMD) replay --trace $$base.model.trace $$base.stim || exit 2; \
	  $(COSIM_CMD) --ad $$ad --stimulus $$base.stim --trace-out $$base.verilator.trace \
	      $(if $(filter 1,$(TRACE)),--trace $$base.verilator.fst) || status=1; \
	  $(call icarus_trace,$$base.stim,$$base.icarus.trace,$$ad) >$$base.icarus.log || { cat $$base.icarus.log; exit 2; }; \
	  for pair in "model verilator" "model icarus" "verilator icarus"; do \
	    set -- $$pair; \
	    if $(PAGEWALK_TRACE) diff $$base.$$1.trace $$base.$$2.trace >$$base.$$1-$$2.diff 2>&1; then \
	      echo "  $$1 vs $$2: agree ($$(grep -vc '^#' $$base.$$1.trace) trace lines)"; \
	    else \
	      status=1; echo "  $$1 vs $$2: DIFFER (see $$base.$$1-$$2.diff):"; head -n 20 $$base.$$1-$$2.diff | sed 's/^/    /'; \
	    fi; \
	  done; \
	done; exit $$status

# pagewalk-trace, beside pagewalk-model in $(BUILD).
$(BUILD)/pagewalk-trace: cosim/pagewalk_trace.py
	@mkdir -p $(@D)
	ln -sf $(abspath $<) $@

# Traces: hand-worked smoke traces (Icarus and the model), the three engines
# on 100,000 seeded cycles per policy, injected divergences found exactly,
# and the trace tool's own tests.
test-traces: test-icarus trace-compare $(BUILD)/pagewalk-trace $(MODEL_CMD)
	@echo "== traces: the model reproduces the hand-worked and reference traces"
	@for s in tests/icarus/smoke tests/icarus/smoke-svadu; do \
	  $(MODEL_CMD) replay $$s.stim | $(BUILD)/pagewalk-trace diff --context 3 $$s.expected.trace /dev/stdin >$(TRACE_DIR)/replay.diff \
	    || { cat $(TRACE_DIR)/replay.diff; exit 1; }; echo "$$s: model agrees"; done
	@for s in tests/traces/basic tests/traces/basic-slow tests/traces/reset-abort; do \
	  $(MODEL_CMD) replay --entries 4 $$s.stim | $(BUILD)/pagewalk-trace diff --context 3 $$s.trace /dev/stdin >$(TRACE_DIR)/replay.diff \
	    || { cat $(TRACE_DIR)/replay.diff; exit 1; }; echo "$$s: model agrees"; done
	@echo "== traces: a malformed stimulus is refused by the model and Icarus at the same file:line"
	@for f in tests/icarus/bad/*.stim; do \
	  m=$$($(MODEL_CMD) replay $$f 2>&1 >/dev/null | grep -o "^$$f:[0-9]*: error" | head -n 1); \
	  i=$$($(VVP) -n $(ICARUS_DIR)/tb_mmu_svade.vvp +stim=$$f +trace=$(TRACE_DIR)/bad.trace 2>&1 | grep -o "^$$f:[0-9]*: error" | head -n 1); \
	  if [ -z "$$m" ] || [ "$$m" != "$$i" ]; then echo "$$f: model says '$$m', Icarus says '$$i'"; exit 1; fi; \
	  echo "$$m (both)"; done
	@echo "== traces: one changed event in a real trace is found at exactly that line"
	@$(PYTHON) tests/traces/check_injection.py $(BUILD)/pagewalk-trace $(TRACE_DIR)/seed$(TRACE_SEED)-svadu.model.trace $(TRACE_DIR) | tail -1
	@echo "== pagewalk-trace tests"
	@$(PYTHON) -m unittest cosim/test_pagewalk_trace.py 2>&1 | tail -3
