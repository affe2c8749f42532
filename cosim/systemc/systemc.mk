# SystemC / TLM-2.0 co-simulation of rtl/mmu (docs/systemc.md).
# Included by the top-level Makefile after BUILD, CXX, AR, WARN and MODEL_LIB
# are defined; needs Debian's libsystemc-dev.
#
#   make systemc        build/systemc/pagewalk-sc (both A/D policies linked)
#   make test-systemc   seeded runs under both policies, then an injected bug
#                       that must be caught
VERILATOR  ?= verilator
PKG_CONFIG ?= pkg-config
PACKAGES_SYSTEMC := libsystemc-dev

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
SC_VERILATOR_INC := $(shell $(VERILATOR) --getenv VERILATOR_ROOT 2>/dev/null)/include
SC_RTL          := $(RTL_MMU)
SYSTEMC_TLB_ENTRIES ?= 8
SYSTEMC_SEED         ?= 1
SYSTEMC_TRANSLATIONS ?= 100000
SYSTEMC_BUG          ?= writeback_without_d

# SystemC headers make every compile slow (seconds per file) and the run is
# short, so -O1 throughout: the Verilated models, the runtime, the platform.
# The trace port is not used here (TracePort = 0).
SC_OPT ?= -O1
SC_VERILATE_FLAGS := --sc -Wall -O3 --x-assign fast --x-initial fast --noassert -I$(BUILD)/gen \
                     --top-module pw_mmu -GTlbEntries=$(SYSTEMC_TLB_ENTRIES) -GTracePort=0 \
                     $(if $(strip $(SYSTEMC_CXXFLAGS)),-CFLAGS "$(SYSTEMC_CXXFLAGS)") \
                     -MAKEFLAGS "OPT_FAST=$(SC_OPT) OPT_SLOW=$(SC_OPT) OPT_GLOBAL=$(SC_OPT)"
SC_CXXFLAGS = -std=c++17 $(SC_OPT) $(WARN) -I$(BUILD)/gen -Icmodel -Itests/shim -Icosim -I$(SC_SRC) \
               $(SYSTEMC_CXXFLAGS) -isystem $(SC_VERILATOR_INC) -isystem $(SC_VERILATOR_INC)/vltstd -DVM_SC=1

SC_SRCS := translation.cc translation_extension.cc tlm_memory.cc walker_bridge.cc tlm_mmu.cc \
           golden_check.cc page_table_world.cc scoreboard.cc request_generator.cc example_platform.cc \
           options.cc pagewalk_sc.cc
SC_OBJS := $(SC_SRCS:%.cc=$(SC_DIR)/%.o)
SC_LIBS = $(MODEL_LIB) $(SC_DIR)/libverilated_sc.a $(SYSTEMC_LIBS) -pthread
SC_CMD  := $(SC_DIR)/pagewalk-sc
SC_BUG_DIR := $(SC_DIR)/bug-$(SYSTEMC_BUG)
SC_BUG_CMD := $(SC_BUG_DIR)/pagewalk-sc-bug

.PHONY: systemc test-systemc systemc-deps

# libsystemc-dev: installed when missing (as root), else a clear message.
systemc-deps:
	@if command -v dpkg-query >/dev/null && \
	    ! dpkg-query -W -f='$${Status}\n' $(PACKAGES_SYSTEMC) 2>/dev/null | grep -q "install ok installed"; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "error: the SystemC co-simulation needs: sudo apt-get install -y $(PACKAGES_SYSTEMC)"; exit 1; fi; \
	  echo "systemc: installing $(PACKAGES_SYSTEMC)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PACKAGES_SYSTEMC); \
	fi

$(SC_DIR)/%.o: $(SC_SRC)/%.cc $(BUILD)/gen/pagewalk_defs.h | systemc-deps
	@mkdir -p $(@D)
	$(CXX) $(SC_CXXFLAGS) -MMD -MP -c $< -o $@

# $(call sc_verilate,NAME,SVADU): the Verilated SystemC model Vmmu_sc_NAME
# and its factory verilated_mmu_NAME() (cosim/systemc/verilated_mmu.h).
define sc_verilate
$(SC_DIR)/$(1)/Vmmu_sc_$(1)__ALL.a: $(SC_RTL) $(BUILD)/gen/pagewalk_defs.vh | systemc-deps
	@mkdir -p $(SC_DIR)/$(1)
	$(VERILATOR) $(SC_VERILATE_FLAGS) --prefix Vmmu_sc_$(1) -GSvadu=$(2) -Mdir $(SC_DIR)/$(1) $(SC_RTL) \
	    --build -j 2 >$(SC_DIR)/$(1)/verilate.log 2>&1 || { cat $(SC_DIR)/$(1)/verilate.log; exit 1; }

$(SC_DIR)/$(1)/verilated_mmu.o: $(SC_SRC)/verilated_mmu.cc $(SC_SRC)/verilated_mmu.h $(SC_SRC)/mmu_signals.h \
                                 $(SC_DIR)/$(1)/Vmmu_sc_$(1)__ALL.a
	$(CXX) $(SC_CXXFLAGS) -MMD -MP -isystem $(SC_DIR)/$(1) -DVMMU_CLASS=Vmmu_sc_$(1) -DVMMU_FUNCTION=verilated_mmu_$(1) \
	    -DVMMU_NAME='"$(1)"' -DVMMU_AD=$(if $(filter 1,$(2)),PW_AD_SVADU,PW_AD_SVADE) \
	    -DVMMU_ENTRIES=$(SYSTEMC_TLB_ENTRIES) -c $$< -o $$@
endef
$(eval $(call sc_verilate,svade,0))
$(eval $(call sc_verilate,svadu,1))

# The injected bug: rtl/mmu copied with one expression of
# tests/mutants/rtl.mutants applied, Verilated for the policy it targets.
$(SC_BUG_DIR)/rtl/policy: tests/mutants/rtl.mutants $(SC_RTL) $(SC_SRC)/inject_bug.sh
	@$(SC_SRC)/inject_bug.sh $(SYSTEMC_BUG) $(SC_BUG_DIR)/rtl

$(SC_BUG_DIR)/Vmmu_sc_bug__ALL.a: $(SC_BUG_DIR)/rtl/policy $(BUILD)/gen/pagewalk_defs.vh | systemc-deps
	$(VERILATOR) $(SC_VERILATE_FLAGS) -Wno-fatal --prefix Vmmu_sc_bug \
	    -GSvadu=$$(grep -q svadu $< && echo 1 || echo 0) -Mdir $(SC_BUG_DIR) $(SC_RTL:rtl/mmu/%=$(SC_BUG_DIR)/rtl/%) \
	    --build -j 2 >$(SC_BUG_DIR)/verilate.log 2>&1 || { cat $(SC_BUG_DIR)/verilate.log; exit 1; }

$(SC_BUG_DIR)/verilated_mmu.o: $(SC_SRC)/verilated_mmu.cc $(SC_SRC)/verilated_mmu.h $(SC_SRC)/mmu_signals.h \
                               $(SC_BUG_DIR)/Vmmu_sc_bug__ALL.a
	policy=$$(cat $(SC_BUG_DIR)/rtl/policy); \
	$(CXX) $(SC_CXXFLAGS) -MMD -MP -isystem $(SC_BUG_DIR) -DVMMU_CLASS=Vmmu_sc_bug -DVMMU_FUNCTION=verilated_mmu_injected_bug \
	    -DVMMU_NAME="\"$$policy with injected bug $(SYSTEMC_BUG)\"" \
	    -DVMMU_AD=$$([ $$policy = svadu ] && echo PW_AD_SVADU || echo PW_AD_SVADE) \
	    -DVMMU_ENTRIES=$(SYSTEMC_TLB_ENTRIES) -c $< -o $@

# The Verilator runtime, compiled for SystemC (VM_SC=1), once per program.
$(SC_DIR)/runtime/%.o: $(SC_VERILATOR_INC)/%.cpp | systemc-deps
	@mkdir -p $(@D)
	$(CXX) -std=c++17 $(SC_OPT) -w -DVM_SC=1 $(SYSTEMC_CXXFLAGS) -I$(SC_VERILATOR_INC) -I$(SC_VERILATOR_INC)/vltstd \
	    -c $< -o $@
$(SC_DIR)/libverilated_sc.a: $(SC_DIR)/runtime/verilated.o $(SC_DIR)/runtime/verilated_threads.o
	$(AR) rcs $@ $^

SC_STANDARD := $(SC_DIR)/mmu_builds_standard.o $(SC_DIR)/svade/verilated_mmu.o $(SC_DIR)/svade/Vmmu_sc_svade__ALL.a \
               $(SC_DIR)/svadu/verilated_mmu.o $(SC_DIR)/svadu/Vmmu_sc_svadu__ALL.a
SC_INJECTED := $(SC_DIR)/mmu_builds_injected.o $(SC_BUG_DIR)/verilated_mmu.o $(SC_BUG_DIR)/Vmmu_sc_bug__ALL.a

$(SC_CMD): $(SC_OBJS) $(SC_STANDARD) $(MODEL_LIB) $(SC_DIR)/libverilated_sc.a
	$(CXX) -o $@ $(SC_OBJS) $(SC_STANDARD) $(SC_LIBS)

$(SC_BUG_CMD): $(SC_OBJS) $(SC_INJECTED) $(MODEL_LIB) $(SC_DIR)/libverilated_sc.a
	$(CXX) -o $@ $(SC_OBJS) $(SC_INJECTED) $(SC_LIBS)

-include $(wildcard $(SC_DIR)/*.d $(SC_DIR)/*/verilated_mmu.d)

systemc: $(SC_CMD)

# Both policies must agree with the architectural model on every
# translation; then the injected bug must make the scoreboard fail the run.
test-systemc: export SYSTEMC_DISABLE_COPYRIGHT_MESSAGE = 1
test-systemc: $(SC_CMD) $(SC_BUG_CMD)
	@echo "== SystemC/TLM-2.0: $(SYSTEMC_TRANSLATIONS) seeded translations per A/D policy through the MMU's TLM socket"
	@total=0; for ad in svade svadu; do \
	  $(SC_CMD) --ad $$ad --seed $(SYSTEMC_SEED) --translations $(SYSTEMC_TRANSLATIONS) >$(SC_DIR)/test-$$ad.log 2>&1; \
	  status=$$?; cat $(SC_DIR)/test-$$ad.log; [ $$status = 0 ] || exit 1; \
	  n=$$(sed -n 's/^pagewalk-sc: PASS .*: \([0-9]*\) translations checked.*/\1/p' $(SC_DIR)/test-$$ad.log); \
	  total=$$((total + n)); \
	done; \
	policy=$$(cat $(SC_BUG_DIR)/rtl/policy); \
	echo "== SystemC: the injected bug $(SYSTEMC_BUG) ($$policy) must make the run fail"; \
	$(SC_BUG_CMD) --seed $(SYSTEMC_SEED) --translations $(SYSTEMC_TRANSLATIONS) >$(SC_BUG_DIR)/test.log 2>&1; status=$$?; \
	if [ $$status != 1 ] || ! grep -q '^MISMATCH' $(SC_BUG_DIR)/test.log; then \
	  cat $(SC_BUG_DIR)/test.log; echo "systemc: the injected bug $(SYSTEMC_BUG) was NOT caught (exit status $$status)"; \
	  exit 1; fi; \
	sed -n '/^MISMATCH/,/reproduce:/p' $(SC_BUG_DIR)/test.log | sed 's/^/    /'; \
	echo "systemc: 2 runs, $$total translations, 0 mismatches; injected bug caught ($(SYSTEMC_BUG): $$(grep -m1 '^MISMATCH' $(SC_BUG_DIR)/test.log | sed 's/^MISMATCH //'))"
