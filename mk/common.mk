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
           rtl/mmu/pw_walker.v rtl/mmu/pw_walker_pipe.v rtl/mmu/pw_mmu.v
# The generated Verilog the RTL includes.
RTL_MMU_INCLUDES := $(RTL_INC)/pagewalk_defs.vh $(RTL_INC)/pw_mmu_ports.vh
# The Icarus testbench (tests/icarus) that runs a .stim file on pw_mmu.
ICARUS_TB := tests/icarus/tb_mmu.v tests/icarus/tracer.v tests/icarus/stim_file.v tests/icarus/sparse_mem.v

PACKAGES += build-essential python3
