# Coverage of rtl/mmu over the regression (docs/coverage.md): Verilator line
# and toggle coverage of six builds of MMU_BUILDS (both A/D policies, every
# hit latency, the option sets), and the functional bins the MMU
# checker counts, over seeded runs, the directed scenarios and the vector
# files; an annotated report, a table per module, waivers with reasons, and a
# check that coverage never drops below what tests/coverage/baseline.txt
# records. Included by the top-level Makefile after cosim/cosim.mk.

## coverage [COVERAGE_SEEDS=N COVERAGE_CYCLES=C]: line, toggle and functional coverage of rtl/mmu
##  over the default regression; report in build/coverage/report (fails if a target is missed)
## test-coverage: the same regression; fails if coverage drops below tests/coverage/baseline.txt
## coverage-baseline: rewrite tests/coverage/baseline.txt from the last coverage run (then commit it)

.PHONY: coverage test-coverage coverage-baseline

COV_DIR := $(BUILD)/coverage
COVERAGE_SEEDS  ?= 30
COVERAGE_CYCLES ?= 50000
VERILATOR_COVERAGE ?= verilator_coverage
COV_FLAGS := --coverage-line --coverage-toggle

# The builds measured (of MMU_BUILDS, mk/common.mk): each A/D policy at each
# hit latency, and the option sets, chosen so that every generate branch of
# rtl/mmu is elaborated in one of them (PPN read 0 to 3, counters none, late
# and now, 16 and 32 bits, flush-all and exact sfence). Fewer builds than
# MMU_BUILDS: each coverage build costs a Verilator run in make test.
COV_BUILD_NAMES ?= svade svadu svade_l2 svadu_l3 svade_l3_small svadu_l3_c16_bram

# $(call coverage_build,NAME): a Verilated build of MMU_BUILDS with coverage,
# named as the plain build (so `--dut NAME` and the tests find it), in its own program.
define coverage_build
$(COV_DIR)/$(1)/Vmmu_cov_$(1)__ALL.a: $(RTL_MMU) $(RTL_MMU_INCLUDES) $(RTL_ASSERT) rtl/check/pw_assert.vh
	@mkdir -p $(COV_DIR)/$(1)
	$(VERILATOR) $(VERILATE_FLAGS) $(COV_FLAGS) -MAKEFLAGS OPT_FAST=-O1 --prefix Vmmu_cov_$(1) -GTlbEntries=$(COSIM_TLB_ENTRIES) \
	    -GSvadu=$(call mmu_build,$(1),2) -GHitLatency=$(call mmu_build,$(1),3) -GCounterBits=$(call mmu_build,$(1),4) \
	    -GSfenceFlushAll=$(call mmu_build,$(1),5) -GPpnInBram=$(call mmu_build,$(1),6) \
	    -GTracePort=1 -Mdir $(COV_DIR)/$(1) $(RTL_MMU) $(RTL_ASSERT) --build -j 2 >$(COV_DIR)/$(1)/verilate.log 2>&1 \
	    || { cat $(COV_DIR)/$(1)/verilate.log; exit 1; }
	@touch $$@

$(COV_DIR)/$(1)/dut.o: cosim/dut_verilated.cc cosim/dut.h $(COV_DIR)/$(1)/Vmmu_cov_$(1)__ALL.a $(GEN_HEADERS)
	$(CXX) $(COSIM_CXXFLAGS) -I$(COV_DIR)/$(1) -DDUT_CLASS=Vmmu_cov_$(1) -DDUT_NAME=$(1) -DDUT_COVERAGE=1 \
	    -DVM_COVERAGE=1 -DDUT_AD=$(if $(filter 1,$(call mmu_build,$(1),2)),PW_AD_SVADU,PW_AD_SVADE) \
	    -DDUT_ENTRIES=$(COSIM_TLB_ENTRIES) -DDUT_HIT_LATENCY=$(call mmu_build,$(1),3) \
	    -DDUT_COUNTERS=$(COUNTERS_ENUM_$(call mmu_build,$(1),4)) -DDUT_FLUSH_ALL=$(call mmu_build,$(1),5) \
	    -DDUT_PPN_IN_BRAM=$(call mmu_build,$(1),6) -c $$< -o $$@
endef
$(foreach b,$(COV_BUILD_NAMES),$(eval $(call coverage_build,$(b))))

COV_BUILDS := $(foreach b,$(COV_BUILD_NAMES),$(COV_DIR)/$(b)/dut.o $(COV_DIR)/$(b)/Vmmu_cov_$(b)__ALL.a)
$(COV_DIR)/runtime/verilated_cov.o: $(VERILATOR_ROOT_INC)/verilated_cov.cpp
	@mkdir -p $(@D)
	$(CXX) -std=c++17 -O2 -w -DVM_COVERAGE=1 -I$(VERILATOR_ROOT_INC) -I$(VERILATOR_ROOT_INC)/vltstd -c $< -o $@
COV_LIBS := $(COV_DIR)/runtime/verilated_cov.o $(COSIM_LIBS)

# pagewalk-cosim and the co-simulation tests, linked with the coverage builds.
COV_COSIM := $(COV_DIR)/pagewalk-cosim-cov
COV_TESTS := $(COV_DIR)/cosim-tests-cov
$(COV_COSIM): $(COSIM_DIR)/cosim_main.o $(COSIM_OBJS) $(COV_BUILDS) $(MODEL_LIB) $(COSIM_DIR)/libverilated.a \
              $(COV_DIR)/runtime/verilated_cov.o
	$(CXX) -o $@ $(COSIM_DIR)/cosim_main.o $(COSIM_OBJS) $(COV_BUILDS) $(COV_LIBS)
$(COV_TESTS): $(COSIM_TEST_OBJS) $(COSIM_OBJS) $(COV_BUILDS) $(MODEL_LIB) $(COSIM_DIR)/libverilated.a \
              $(COV_DIR)/runtime/verilated_cov.o
	$(CXX) -o $@ $(COSIM_TEST_OBJS) $(COSIM_OBJS) $(COV_BUILDS) $(COV_LIBS) -lgtest -lgtest_main

COV_RUN = COSIM_COV=$(COV_COSIM) TESTS_COV=$(COV_TESTS) PYTHON="$(PYTHON)" COV_BUILD_NAMES="$(COV_BUILD_NAMES)" \
          VERILATOR_COVERAGE="$(VERILATOR_COVERAGE)" JOBS=$(JOBS) \
          tests/coverage/run_coverage.sh $(COV_DIR) $(COVERAGE_SEEDS) $(COVERAGE_CYCLES)

coverage: $(COV_COSIM) $(COV_TESTS) $(BUILD)/qemu/qemu_ref.vec
	@$(COV_RUN) --targets

test-coverage: $(COV_COSIM) $(COV_TESTS) $(BUILD)/qemu/qemu_ref.vec
	@echo "== coverage report tool tests"
	@$(PYTHON) -m unittest tests/coverage/test_coverage_report.py 2>&1 | tail -n 1
	@$(COV_RUN) --baseline tests/coverage/baseline.txt

coverage-baseline:
	@test -r $(COV_DIR)/report/figures.txt || { echo "run make coverage first"; exit 2; }
	cp $(COV_DIR)/report/figures.txt tests/coverage/baseline.txt
	@echo "tests/coverage/baseline.txt rewritten: commit it"

TEST_TARGETS += test-coverage
