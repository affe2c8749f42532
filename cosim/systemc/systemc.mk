# SystemC / TLM-2.0 co-simulation of rtl/mmu (docs/systemc.md). Included by
# the top-level Makefile after cmodel/cmodel.mk; needs Debian's libsystemc-dev,
# which `make deps` installs (every object here waits for it).

## systemc: build/systemc/pagewalk-sc: the MMU in SystemC and TLM-2.0 (docs/systemc.md)
## test-systemc: 100,000 seeded translations per A/D policy, 20,000 at hit latency 2 and 3;
##  an injected bug must be caught

PKG_CONFIG ?= pkg-config
PACKAGES += libsystemc-dev

# SystemC's flags: pkg-config's when it knows systemc, else the plain library.
# Its include directories become -isystem so its headers stay out of -Werror.
ifeq ($(origin SYSTEMC_CXXFLAGS),undefined)
SYSTEMC_CXXFLAGS := $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags systemc 2>/dev/null))
endif
ifeq ($(origin SYSTEMC_LIBS),undefined)
SYSTEMC_LIBS := $(or $(shell $(PKG_CONFIG) --libs systemc 2>/dev/null),-lsystemc)
endif

SC_DIR          := $(BUILD)/systemc
SC_SRC          := cosim/systemc
SYSTEMC_TLB_ENTRIES ?= 8
SYSTEMC_SEED         ?= 1
SYSTEMC_TRANSLATIONS ?= 100000
SYSTEMC_TRANSLATIONS_MORE ?= 20000
SYSTEMC_BUG          ?= writeback_without_d

# SystemC headers make every compile slow (seconds per file) and the run is
# short, so -O1 throughout: the Verilated models, the runtime, the platform.
# The trace port is not used here (TracePort = 0).
SC_OPT ?= -O1
SC_VERILATE_FLAGS := --sc -Wall -O3 --x-assign fast --x-initial fast --noassert -I$(RTL_INC) \
                     --top-module pw_mmu -GTlbEntries=$(SYSTEMC_TLB_ENTRIES) -GTracePort=0 \
                     $(if $(strip $(SYSTEMC_CXXFLAGS)),-CFLAGS "$(SYSTEMC_CXXFLAGS)") \
                     -MAKEFLAGS "OPT_FAST=$(SC_OPT) OPT_SLOW=$(SC_OPT) OPT_GLOBAL=$(SC_OPT)"
SC_CXXFLAGS = -std=c++17 $(SC_OPT) $(WARN) -I$(GEN_DIR) -Icmodel -Icosim -I$(SC_SRC) \
               $(SYSTEMC_CXXFLAGS) -isystem $(VERILATOR_ROOT_INC) -isystem $(VERILATOR_ROOT_INC)/vltstd -DVM_SC=1

SC_SRCS := translation.cc translation_extension.cc tlm_memory.cc walker_bridge.cc tlm_mmu.cc \
           golden_check.cc transaction_world.cc scoreboard.cc request_generator.cc example_platform.cc \
           options.cc pagewalk_sc.cc
SC_OBJS := $(SC_SRCS:%.cc=$(SC_DIR)/%.o)
SC_LIBS = $(COSIM_DIR)/page_table_world.o $(MODEL_LIB) $(SC_DIR)/libverilated_sc.a $(SYSTEMC_LIBS) -pthread
SC_CMD  := $(SC_DIR)/pagewalk-sc
SC_BUG_DIR := $(SC_DIR)/bug-$(SYSTEMC_BUG)
SC_BUG_CMD := $(SC_BUG_DIR)/pagewalk-sc-bug

.PHONY: systemc test-systemc

$(SC_DIR)/%.o: $(SC_SRC)/%.cc $(GEN_HEADERS) | deps
	@mkdir -p $(@D)
	$(CXX) $(SC_CXXFLAGS) -MMD -MP -c $< -o $@

# $(call sc_verilate,NAME): the Verilated SystemC model Vmmu_sc_NAME of the
# build NAME of MMU_BUILDS (mk/common.mk) and its factory verilated_mmu_NAME()
# (cosim/systemc/verilated_mmu.h).
define sc_verilate
$(SC_DIR)/$(1)/Vmmu_sc_$(1)__ALL.a: $(RTL_MMU) $(RTL_MMU_INCLUDES) | deps
	@mkdir -p $(SC_DIR)/$(1)
	$(VERILATOR) $(SC_VERILATE_FLAGS) --prefix Vmmu_sc_$(1) -GSvadu=$(call mmu_build,$(1),2) \
	    -GHitLatency=$(call mmu_build,$(1),3) -GCounterBits=$(call mmu_build,$(1),4) \
	    -GSfenceFlushAll=$(call mmu_build,$(1),5) -GPpnInBram=$(call mmu_build,$(1),6) -Mdir $(SC_DIR)/$(1) $(RTL_MMU) \
	    --build -j 2 >$(SC_DIR)/$(1)/verilate.log 2>&1 || { cat $(SC_DIR)/$(1)/verilate.log; exit 1; }
	@touch $$@  # verilator leaves the library alone when its own inputs did not change

$(SC_DIR)/$(1)/verilated_mmu.o: $(SC_SRC)/verilated_mmu.cc $(SC_SRC)/verilated_mmu.h $(SC_SRC)/mmu_signals.h $(GEN_HEADERS) \
                                 $(SC_DIR)/$(1)/Vmmu_sc_$(1)__ALL.a
	$(CXX) $(SC_CXXFLAGS) -MMD -MP -isystem $(SC_DIR)/$(1) -DVMMU_CLASS=Vmmu_sc_$(1) -DVMMU_FUNCTION=verilated_mmu_$(1) \
	    -DVMMU_NAME='"$(1)"' -DVMMU_AD=$(if $(filter 1,$(call mmu_build,$(1),2)),PW_AD_SVADU,PW_AD_SVADE) \
	    -DVMMU_ENTRIES=$(SYSTEMC_TLB_ENTRIES) -DVMMU_HIT_LATENCY=$(call mmu_build,$(1),3) -c $$< -o $$@
endef
# The builds pagewalk-sc links: both policies at hit latency 1, one at 2 and 3.
SC_BUILDS := svade svadu svade_l2 svadu_l3
$(foreach b,$(SC_BUILDS),$(eval $(call sc_verilate,$(b))))

# The injected bug: rtl/mmu copied with one expression of
# tests/mutants/rtl.mutants applied, Verilated for the policy it targets.
$(SC_BUG_DIR)/rtl/policy: tests/mutants/rtl.mutants $(RTL_MMU) $(SC_SRC)/inject_bug.sh
	@$(SC_SRC)/inject_bug.sh $(SYSTEMC_BUG) $(SC_BUG_DIR)/rtl

$(SC_BUG_DIR)/Vmmu_sc_bug__ALL.a: $(SC_BUG_DIR)/rtl/policy $(RTL_MMU_INCLUDES) | deps
	$(VERILATOR) $(SC_VERILATE_FLAGS) -Wno-fatal --prefix Vmmu_sc_bug \
	    -GSvadu=$$(grep -q svadu $< && echo 1 || echo 0) -Mdir $(SC_BUG_DIR) $(RTL_MMU:rtl/mmu/%=$(SC_BUG_DIR)/rtl/%) \
	    --build -j 2 >$(SC_BUG_DIR)/verilate.log 2>&1 || { cat $(SC_BUG_DIR)/verilate.log; exit 1; }
	@touch $@

$(SC_BUG_DIR)/verilated_mmu.o: $(SC_SRC)/verilated_mmu.cc $(SC_SRC)/verilated_mmu.h $(SC_SRC)/mmu_signals.h $(GEN_HEADERS) \
                               $(SC_BUG_DIR)/Vmmu_sc_bug__ALL.a
	policy=$$(cat $(SC_BUG_DIR)/rtl/policy); \
	$(CXX) $(SC_CXXFLAGS) -MMD -MP -isystem $(SC_BUG_DIR) -DVMMU_CLASS=Vmmu_sc_bug -DVMMU_FUNCTION=verilated_mmu_injected_bug \
	    -DVMMU_NAME="\"$$policy with injected bug $(SYSTEMC_BUG)\"" \
	    -DVMMU_AD=$$([ $$policy = svadu ] && echo PW_AD_SVADU || echo PW_AD_SVADE) \
	    -DVMMU_ENTRIES=$(SYSTEMC_TLB_ENTRIES) -c $< -o $@

# The Verilator runtime, compiled for SystemC (VM_SC=1), once per program.
$(SC_DIR)/runtime/%.o: $(VERILATOR_ROOT_INC)/%.cpp | deps
	@mkdir -p $(@D)
	$(CXX) -std=c++17 $(SC_OPT) -w -DVM_SC=1 $(SYSTEMC_CXXFLAGS) -I$(VERILATOR_ROOT_INC) -I$(VERILATOR_ROOT_INC)/vltstd \
	    -c $< -o $@
$(SC_DIR)/libverilated_sc.a: $(SC_DIR)/runtime/verilated.o $(SC_DIR)/runtime/verilated_threads.o
	$(AR) rcs $@ $^

SC_STANDARD := $(SC_DIR)/mmu_builds_standard.o \
               $(foreach b,$(SC_BUILDS),$(SC_DIR)/$(b)/verilated_mmu.o $(SC_DIR)/$(b)/Vmmu_sc_$(b)__ALL.a)
SC_INJECTED := $(SC_DIR)/mmu_builds_injected.o $(SC_BUG_DIR)/verilated_mmu.o $(SC_BUG_DIR)/Vmmu_sc_bug__ALL.a

$(SC_CMD): $(SC_OBJS) $(SC_STANDARD) $(COSIM_DIR)/page_table_world.o $(MODEL_LIB) $(SC_DIR)/libverilated_sc.a
	$(CXX) -o $@ $(SC_OBJS) $(SC_STANDARD) $(SC_LIBS)

$(SC_BUG_CMD): $(SC_OBJS) $(SC_INJECTED) $(COSIM_DIR)/page_table_world.o $(MODEL_LIB) $(SC_DIR)/libverilated_sc.a
	$(CXX) -o $@ $(SC_OBJS) $(SC_INJECTED) $(SC_LIBS)

-include $(wildcard $(SC_DIR)/*.d $(SC_DIR)/*/verilated_mmu.d)

systemc: $(SC_CMD)

# Every build must agree with the architectural model on every translation
# (both policies at hit latency 1 for SYSTEMC_TRANSLATIONS, the others for
# SYSTEMC_TRANSLATIONS_MORE); then the injected bug must make the scoreboard
# fail the run.
test-systemc: $(SC_CMD) $(SC_BUG_CMD)
	@cosim/systemc/test_systemc.sh $(SC_CMD) $(SC_BUG_CMD) $(SC_BUG_DIR) $(SYSTEMC_BUG) \
	  $(SYSTEMC_SEED) $(SYSTEMC_TRANSLATIONS) $(SYSTEMC_TRANSLATIONS_MORE)

TEST_TARGETS += test-systemc
