# Gate-level check: the MMU as synth_ice40 leaves it (yosys write_verilog,
# iCE40 cell models), run by the Icarus testbench on a seeded stimulus, its
# trace compared with the C cycle model's (docs/fpga.md). Included after
# syn/synth.mk and cosim/cosim.mk.

## test-gate: the synth_ice40 netlist simulated on a stimulus, its trace against the model
##  (GATE_BUILDS: builds of MMU_BUILDS, default one per hit latency; all for every build)

.PHONY: test-gate
GATE_DIR     := $(BUILD)/gate
GATE_CYCLES  ?= 20000
GATE_SEED    ?= 11
# One build per hit latency, both A/D policies and the block-RAM PPNs among them.
GATE_BUILDS  ?= svade svadu_l2 svadu_l3_c16_bram
GATE_RUN     := $(if $(filter all,$(GATE_BUILDS)),$(MMU_BUILD_NAMES),$(GATE_BUILDS))
YOSYS_SHARE  ?= $(abspath $(dir $(shell command -v $(YOSYS)))../share/yosys)

# $(call gate_params,BUILD,=): the build's parameters (mk/common.mk) as
# NAME=VALUE words, for the wrapper (and, split, for yosys chparam -set).
gate_params = TlbEntries$(2)8 TracePort$(2)1 Svadu$(2)$(call mmu_build,$(1),2) \
              HitLatency$(2)$(call mmu_build,$(1),3) CounterBits$(2)$(call mmu_build,$(1),4) \
              SfenceFlushAll$(2)$(call mmu_build,$(1),5) PpnInBram$(2)$(call mmu_build,$(1),6)

# The netlist of one build, with the trace port, renamed pw_mmu_gate.
$(GATE_DIR)/%/pw_mmu_gate.v: $(RTL_MMU) $(RTL_MMU_INCLUDES)
	@mkdir -p $(@D)
	$(YOSYS) -q -l $(@D)/yosys.log -p "read_verilog -I$(RTL_INC) $(RTL_MMU); \
	  chparam $(foreach p,$(call gate_params,$*,=),-set $(subst =, ,$(p))) pw_mmu; \
	  synth_ice40 -top pw_mmu; rename pw_mmu pw_mmu_gate; write_verilog -noattr $@"

$(GATE_DIR)/%/pw_mmu_wrap.v: syn/gate_wrapper.py rtl/mmu/pw_mmu.v
	@mkdir -p $(@D)
	$(PYTHON) syn/gate_wrapper.py rtl/mmu/pw_mmu.v $@ $(call gate_params,$*,=)

$(GATE_DIR)/%/tb_gate.vvp: $(GATE_DIR)/%/pw_mmu_gate.v $(GATE_DIR)/%/pw_mmu_wrap.v $(ICARUS_TB)
	$(IVERILOG) -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I$(RTL_INC) -s tb_mmu -P tb_mmu.TlbEntries=8 \
	  $(call mmu_build_params,$*,tb_mmu) \
	  -o $@ $(ICARUS_TB) $(GATE_DIR)/$*/pw_mmu_wrap.v $(GATE_DIR)/$*/pw_mmu_gate.v \
	  $(YOSYS_SHARE)/ice40/cells_sim.v

# Each build: a recorded stimulus, the gates' trace, the model's trace, diffed.
test-gate: $(GATE_RUN:%=$(GATE_DIR)/%/tb_gate.vvp) $(COSIM_CMD) $(MODEL_CMD)
	@COSIM_CMD=$(COSIM_CMD) MODEL_CMD=$(MODEL_CMD) VVP="$(VVP)" IVERILOG="$(IVERILOG)" PYTHON="$(PYTHON)" \
	  PAGEWALK_TRACE="$(PAGEWALK_TRACE)" RTL_INC=$(RTL_INC) ICARUS_TB="$(ICARUS_TB)" MMU_BUILDS="$(MMU_BUILDS)" \
	  CELLS_SIM=$(YOSYS_SHARE)/ice40/cells_sim.v syn/test_gate.sh $(GATE_DIR) $(GATE_SEED) $(GATE_CYCLES) $(GATE_RUN)

TEST_TARGETS += test-gate

# Keep the netlists and wrappers: they are worth reading, and slow to remake.
.PRECIOUS: $(GATE_DIR)/%/pw_mmu_gate.v $(GATE_DIR)/%/pw_mmu_wrap.v $(GATE_DIR)/%/tb_gate.vvp
