# pagewalk: every entry point. `make help` lists them.
#
# mk/common.mk holds the tools, flags and file lists every part shares and
# the lists each part registers with (TEST_TARGETS, BENCH_TARGETS, PACKAGES).
# Each area keeps its rules in its own fragment, included below with one
# line; the main job, `make test` and `make bench` come after the includes,
# when every fragment has registered. docs/architecture.md, "The Makefile",
# says how to add a fragment.
include mk/common.mk

## all: build everything, check every vector file and QEMU's, and run a
##  short lockstep regression (the main job)
## test: every test: GoogleTest suites, vectors, QEMU, the ISS against QEMU,
##  co-simulation at every hit latency, traces, model, RTL and core mutants, coverage,
##  assertions, lint, synthesis, gate level, SystemC, SLURM, formal proofs, the SoC,
##  the firmware, the board SoC (two at a time: TEST_JOBS=1 for one)
## bench: benchmarks: golden-model translations/s, checked and raw co-simulation cycles/s,
##  ISS instructions/s
## deps: install missing Debian packages (apt-get, needs root)
## generated: rewrite every committed generated file (then commit them)
## check-generated: fail if a committed generated file is stale
## clean: remove build/ (BUILD)

.DEFAULT_GOAL := all
.PHONY: all test bench help deps generated check-generated clean

# ---------------------------------------------------------------- fragments
include cmodel/cmodel.mk
include tests/gtest/gtest.mk
include cmodel/iss.mk
include tests/qemu/qemu.mk
include tests/icarus/icarus.mk
include tests/assertions/assertions.mk
include cosim/cosim.mk
include tests/coverage/coverage.mk
include suite/suite.mk
include tests/traces/traces.mk
include syn/synth.mk
include syn/gate.mk
include syn/fusesoc.mk
include cosim/systemc/systemc.mk
include tests/formal/formal.mk
include rtl/soc/soc.mk
include firmware/firmware.mk
include syn/soc-synth.mk

# ---------------------------------------------------------------- main job
# The main job's short regression: each seed on one build, in turn, so the
# runs cover every hit latency and option build.
MAIN_SEEDS ?= 40
MAIN_CYCLES ?= 100000

all: deps $(MODEL_CMD) check-vectors test-qemu $(COSIM_CMD)
	@$(MAKE) --no-print-directory regress SEEDS=$(MAIN_SEEDS) CYCLES=$(MAIN_CYCLES) SAMPLE=1

# make test uses both cores of the machine it was written for (TEST_JOBS=1 for
# one at a time); each part's output is printed whole when that part ends.
TEST_JOBS ?= 2
# The output folders exist before the parts start, so no part depends on
# another having made them first.
TEST_OUT_DIRS = $(ASSERT_DIR) $(BOARD_SIM) $(BOOT_DIR) $(COSIM_DIR) $(COV_DIR) $(FORMAL_DIR) \
                $(FW_OUT) $(FW_USER_OUT) $(GATE_DIR) $(GEN_DIR) $(ICARUS_DIR) $(ISA_OUT) \
                $(QEMU_REF_OUT) $(RANDOM_OUT) $(SC_DIR) $(SOC_DIR) $(SYN_DIR) $(TRACE_DIR) \
                $(SELFTEST_DIR) $(BUILD)/tests $(BUILD)/cmodel $(BUILD)/bench
test: deps
	@mkdir -p $(TEST_OUT_DIRS)
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target test-parts
	@echo "== all tests passed"
test-parts: $(TEST_TARGETS)
.PHONY: test-parts

bench: deps $(BENCH_TARGETS)

generated: $(COMMITTED_GENERATED:%=$(FRESH)/%)
	@mk/generated.sh update $(FRESH) $(COMMITTED_GENERATED)

check-generated: $(COMMITTED_GENERATED:%=$(FRESH)/%) $(GENERATED_CHECKS)
	@mk/generated.sh check $(FRESH) $(COMMITTED_GENERATED)

# ---------------------------------------------------------------- housekeeping
help:
	@echo "pagewalk: a Sv32 MMU, its golden model and their checks"
	@echo
	@mk/help.sh $(MAKEFILE_LIST)
	@echo
	@echo "variables: QEMU_SEED=0x... (QEMU reference seed), MUTANTS='name ...' (a subset),"
	@echo "           CC, CXX, PYTHON, VERILATOR, IVERILOG, YOSYS, RISCV_PREFIX, QEMU"

# Installs what is missing when run as root; otherwise names the packages.
deps:
	@mk/deps.sh $(sort $(PACKAGES))

clean:
	rm -rf $(BUILD)
