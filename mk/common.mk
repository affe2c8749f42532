# mk/common.mk: what every fragment shares, defined once. Included first by
# the top-level Makefile; docs/architecture.md ("The Makefile") explains the
# layout and how to add a fragment.
#
# Registration lists: a fragment appends to these, and the top-level Makefile
# turns them into `make test`, `make bench`, `make deps`, `make generated` and
# `make check-generated` after every fragment is read.
#
#   TEST_TARGETS         what `make test` runs, in the order fragments are included
#   BENCH_TARGETS        what `make bench` runs
#   PACKAGES             Debian packages `make deps` installs when missing
#   COMMITTED_GENERATED  generated files kept in the repository (paths in it);
#                        the fragment gives a rule for $(FRESH)/PATH, the
#                        generator's output now, and check-generated compares
#   GENERATED_CHECKS     further targets check-generated runs (a source that
#                        must agree with a description it is not generated from)
#
# Help: a line `## TARGET ARGS: text` documents a target (continuation lines
# start with `##` and two spaces); `make help` prints them in include order.
TEST_TARGETS        :=
BENCH_TARGETS       :=
PACKAGES            :=
COMMITTED_GENERATED :=
GENERATED_CHECKS    :=

# ---------------------------------------------------------------- tools
# Every tool is a variable, so it can be overridden (make CC=clang).
CC        ?= gcc
CXX       ?= g++
AR        ?= ar
PYTHON    ?= python3
VERILATOR ?= verilator
IVERILOG  ?= iverilog
VVP       ?= vvp
YOSYS     ?= yosys
BUILD     ?= build

# Recipes run in bash with pipefail: a test piped through tail or sed must
# still fail the target when it fails.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c

VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
VERILATOR_ROOT_INC := $(shell $(VERILATOR) --getenv VERILATOR_ROOT 2>/dev/null)/include

# ---------------------------------------------------------------- flags
WARN     := -Wall -Wextra -Werror
CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
# Generated C headers (cmodel/gen/*.defs) are made into $(GEN_DIR) at build
# time. Generated Verilog is committed, in rtl/include, so that rtl/ and
# pagewalk.core never need build/ (docs/architecture.md, "Generated files").
GEN_DIR  := $(BUILD)/gen
RTL_INC  := rtl/include
# Fresh copies of the committed generated files, for check-generated.
FRESH    := $(BUILD)/fresh
MODEL_CFLAGS := -std=c11 -Wpedantic $(WARN) -D_POSIX_C_SOURCE=200809L -I$(GEN_DIR) -Icmodel

# ---------------------------------------------------------------- shared file lists
# The MMU's RTL, in the order every flow reads it.
RTL_MMU := rtl/mmu/pw_leaf_check.v rtl/mmu/pw_tlb.v rtl/mmu/pw_hit_pipe.v rtl/mmu/pw_counters.v \
           rtl/mmu/pw_pte_rules.v rtl/mmu/pw_walker.v rtl/mmu/pw_walker_pipe.v rtl/mmu/pw_mmu.v
# The MMU builds the simulation flows run (co-simulation, traces, mutants,
# SystemC, gate level): both A/D policies at each hit latency, and the
# options of docs/mmu.md in three combinations (the small build, the
# iCEBreaker's options under Svadu, the one-cycle MMU's options).
#   NAME:SVADU:HITLATENCY:COUNTERBITS:SFENCEFLUSHALL:PPNINBRAM
MMU_BUILDS := svade:0:1:32:0:0 svadu:1:1:32:0:0 svade_l2:0:2:32:0:0 svadu_l2:1:2:32:0:0 \
              svade_l3:0:3:32:0:0 svadu_l3:1:3:32:0:0 svade_l3_small:0:3:0:1:1 \
              svadu_l3_c16_bram:1:3:16:0:1 svade_l1_c16_flushall:0:1:16:1:0
MMU_BUILD_NAMES := $(foreach b,$(MMU_BUILDS),$(firstword $(subst :, ,$(b))))
# $(call mmu_build,NAME,FIELD): one field of a build (2 SVADU ... 6 PPNINBRAM)
mmu_build = $(word $(2),$(subst :, ,$(filter $(1):%,$(MMU_BUILDS))))
# $(call mmu_build_params,NAME): its parameters as iverilog -P options of MODULE $(2)
mmu_build_params = -P $(2).Svadu=$(call mmu_build,$(1),2) -P $(2).HitLatency=$(call mmu_build,$(1),3) \
                   -P $(2).CounterBits=$(call mmu_build,$(1),4) -P $(2).SfenceFlushAll=$(call mmu_build,$(1),5) \
                   -P $(2).PpnInBram=$(call mmu_build,$(1),6)
# The generated Verilog the RTL includes.
RTL_MMU_INCLUDES := $(RTL_INC)/pagewalk_defs.vh $(RTL_INC)/pw_mmu_ports.vh
# The interface assertions pw_mmu compiles in for simulation (docs/mmu.md,
# "Assertions"): a simulation flow adds RTL_ASSERT_FLAGS and RTL_ASSERT to its
# files (Verilator also --assert); synthesis flows never do.
RTL_ASSERT       := rtl/check/pw_mmu_protocol.v
RTL_ASSERT_FLAGS := -DPW_ASSERTIONS -Irtl/check
# The Icarus testbench (tests/icarus) that runs a .stim file on pw_mmu.
ICARUS_TB := tests/icarus/tb_mmu.v tests/icarus/tracer.v tests/icarus/stim_file.v tests/icarus/sparse_mem.v

PACKAGES += build-essential python3
