# pagewalk: every entry point. `make help` lists them.
#
# Tools are variables so they can be overridden (make CC=clang).
CC      ?= gcc
CXX     ?= g++
AR      ?= ar
PYTHON  ?= python3
BUILD   ?= build

# Recipes run in bash with pipefail: a test piped through tail or sed must
# still fail the target when it fails.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

# Debian packages each flow needs; `make deps` installs the missing ones.
PACKAGES_MODEL := build-essential python3 libgtest-dev verilator zlib1g-dev libsystemc-dev
PACKAGES_QEMU  := gcc-riscv64-unknown-elf qemu-system-misc
PACKAGES_RTL   := iverilog yosys nextpnr-ice40 fpga-icestorm python3-venv tcl
PACKAGES       := $(PACKAGES_MODEL) $(PACKAGES_QEMU) $(PACKAGES_RTL)

VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)

WARN     := -Wall -Wextra -Werror
CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
MODEL_CFLAGS := -std=c11 -Wpedantic $(WARN) -D_POSIX_C_SOURCE=200809L -I$(BUILD)/gen -Icmodel
TEST_CXXFLAGS := -std=c++17 $(WARN) -I$(BUILD)/gen -Icmodel -Itests/shim -Itests/gtest

.DEFAULT_GOAL := all
.PHONY: all test bench help deps clean vectors check-vectors check-generated \
        test-gtest test-vectors test-qemu test-model-mutants test-cosim test-regress-tool \
        regress mutants lint trace-compare test-traces test-icarus

help:
	@echo "pagewalk: a Sv32 MMU, its golden model and their checks"
	@echo
	@echo "  make                 build everything, check every vector file and QEMU's, and run a"
	@echo "                       short lockstep regression (the main job)"
	@echo "  make test            every test: GoogleTest suites, vectors, QEMU, co-simulation,"
	@echo "                       traces, model and RTL mutants, lint"
	@echo "  make bench           benchmarks: golden-model translations/s, checked and raw co-simulation cycles/s"
	@echo "  make deps            install missing Debian packages (apt-get, needs root)"
	@echo "  make vectors         regenerate tests/vectors/directed-*.vec from the directed cases"
	@echo "  make test-gtest      only the GoogleTest suites"
	@echo "  make test-vectors    only pagewalk-model check on tests/vectors/*.vec"
	@echo "  make test-qemu       only the QEMU reference: generate vectors in QEMU, check them"
	@echo "  make test-model-mutants  build deliberately broken models; the vectors must catch each"
	@echo "  make regress SEEDS=N JOBS=J [CYCLES=C]  seeded lockstep regression, both A/D builds;"
	@echo "                       summary table, JUnit XML in $(BUILD)/cosim/regress.xml"
	@echo "  make mutants         build every deliberate RTL bug (tests/mutants/rtl.mutants); each must be caught"
	@echo "  make test-cosim      only the co-simulation GoogleTest suite"
	@echo "  make lint            verilator -Wall, Icarus and yosys synth_ice40 on rtl/mmu"
	@echo "  make trace-compare   one seeded stimulus through the model, Verilator and Icarus;"
	@echo "                       traces diffed pairwise (TRACE_SEED=, TRACE_CYCLES=, TRACE=1 for waveforms)"
	@echo "  make test-traces     trace-compare plus the hand-worked traces and the trace tool's tests"
	@echo "  make test-icarus     only the Icarus smoke stimuli against their hand-worked traces"
	@echo "  make systemc         build/systemc/pagewalk-sc: the MMU in SystemC and TLM-2.0 (docs/systemc.md)"
	@echo "  make test-systemc    100,000 seeded translations per A/D policy; an injected bug must be caught"
	@echo "  make synth BOARD=icebreaker|ulx3s  a bitstream with the MMU self-test in build/synth/BOARD/"
	@echo "  make synth-report    utilisation and Fmax table: the MMU at each hit latency and option set on"
	@echo "                       iCE40UP5K, iCE40HX8K, ECP5 (median of REPORT_SEEDS placements); board tops"
	@echo "  make test-synth      board lint, board self-test in Icarus, MMU place-and-route guard (syn/fmax_guard.txt)"
	@echo "  make test-gate       the synth_ice40 netlist simulated on a stimulus, its trace against the model"
	@echo "  make clean           remove $(BUILD)/"
	@echo
	@echo "variables: QEMU_SEED=0x... (QEMU reference seed), MUTANTS='name ...' (a subset),"
	@echo "           CC, CXX, PYTHON, VERILATOR, RISCV_PREFIX, QEMU"

# ---------------------------------------------------------------- packages
# Installs what is missing when run as root; otherwise names the packages.
deps:
	@missing=""; \
	if ! command -v dpkg-query >/dev/null; then \
	  echo "deps: not a Debian system; install the equivalents of: $(PACKAGES)"; exit 0; fi; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "error: missing Debian packages:$$missing"; \
	    echo "       install them with: sudo apt-get install -y$$missing"; exit 1; fi; \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing; \
	fi

# ---------------------------------------------------------------- shared definitions
$(BUILD)/gen/pagewalk_defs.h $(BUILD)/gen/pagewalk_defs.vh &: cmodel/gen/pagewalk.defs cmodel/gen/gendefs.py
	@mkdir -p $(BUILD)/gen
	$(PYTHON) cmodel/gen/gendefs.py $< $(BUILD)/gen/pagewalk_defs.h $(BUILD)/gen/pagewalk_defs.vh

# The soft core's CSRs, exception codes and device registers (cmodel/gen/core.defs).
$(BUILD)/gen/pagewalk_core.h $(BUILD)/gen/pagewalk_core.vh &: cmodel/gen/core.defs cmodel/gen/gendefs.py
	@mkdir -p $(BUILD)/gen
	$(PYTHON) cmodel/gen/gendefs.py $< $(BUILD)/gen/pagewalk_core.h $(BUILD)/gen/pagewalk_core.vh

# ---------------------------------------------------------------- golden model
MODEL_SRCS := cmodel/sv32.c cmodel/explain.c cmodel/memory.c cmodel/vec.c cmodel/mmu_cycle.c \
              cmodel/stim.c cmodel/trace.c
MODEL_OBJS := $(MODEL_SRCS:%.c=$(BUILD)/%.o)
MODEL_LIB  := $(BUILD)/libpagewalk.a
MODEL_CMD  := $(BUILD)/pagewalk-model

$(BUILD)/cmodel/%.o: cmodel/%.c $(BUILD)/gen/pagewalk_defs.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(MODEL_CFLAGS) -MMD -MP -c $< -o $@

$(MODEL_LIB): $(MODEL_OBJS)
	$(AR) rcs $@ $^

$(MODEL_CMD): $(BUILD)/cmodel/pagewalk_model.o $(MODEL_LIB)
	$(CC) $(CFLAGS) -o $@ $^

$(BUILD)/cmodel/pagewalk_model.o: MODEL_CFLAGS += -DPAGEWALK_VERSION='"$(VERSION)"'

-include $(wildcard $(BUILD)/cmodel/*.d $(BUILD)/tests/*/*.d)

# ---------------------------------------------------------------- main job
VECTOR_FILES = $(sort $(wildcard tests/vectors/*.vec))

all: deps $(MODEL_CMD) check-vectors test-qemu $(COSIM_CMD)
	@$(MAKE) --no-print-directory regress SEEDS=$(MAIN_SEEDS) CYCLES=$(MAIN_CYCLES)

# The main job's short regression.
MAIN_SEEDS ?= 20
MAIN_CYCLES ?= 100000

check-vectors: $(MODEL_CMD)
	@echo "== pagewalk-model check tests/vectors/*.vec"
	@$(MODEL_CMD) check $(VECTOR_FILES)

# ---------------------------------------------------------------- tests
include tests/gtest/gtest.mk
-include tests/qemu/qemu.mk
include tests/icarus/icarus.mk
include cosim/cosim.mk
include cosim/systemc/systemc.mk
include syn/synth.mk
include syn/gate.mk
include syn/fusesoc.mk

test: deps test-gtest test-vectors test-qemu test-model-mutants test-cosim test-traces test-regress-tool mutants lint test-synth test-gate test-systemc
	@echo "== all tests passed"

test-vectors: check-vectors check-generated

# QEMU translates, the model checks (tests/qemu/README.md).
test-qemu: $(MODEL_CMD) $(BUILD)/qemu/qemu_ref.vec
	@echo "== pagewalk-model check $(BUILD)/qemu/qemu_ref.vec (QEMU reference, seed $(QEMU_SEED))"
	@grep -c '^t ' $(BUILD)/qemu/qemu_ref.vec | xargs printf '%s translations from QEMU\n'
	@$(MODEL_CMD) check $(BUILD)/qemu/qemu_ref.vec

# The vectors must catch every deliberate model bug in tests/mutants/model.mutants.
test-model-mutants: $(BUILD)/gen/pagewalk_defs.h
	@echo "== model mutants: each must fail the directed vectors"
	@CC=$(CC) MODEL_OTHER_SRCS="$(filter-out cmodel/sv32.c,$(MODEL_SRCS)) cmodel/pagewalk_model.c" \
	  tests/mutants/run_model_mutants.sh $(BUILD) tests/vectors/directed-*.vec

# ---------------------------------------------------------------- benchmarks
$(BUILD)/pagewalk-bench: $(BUILD)/cmodel/bench_translate.o $(MODEL_LIB)
	$(CC) $(CFLAGS) -o $@ $^

BENCH_CYCLES ?= 3000000
bench: deps $(BUILD)/pagewalk-bench $(COSIM_CMD)
	@$(BUILD)/pagewalk-bench
	@$(COSIM_CMD) --ad svade --bench --seed 7 --cycles $(BENCH_CYCLES)
	@$(COSIM_CMD) --ad svadu --bench --seed 7 --cycles $(BENCH_CYCLES)

clean:
	rm -rf $(BUILD)
