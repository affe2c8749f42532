# Gate-level check: the MMU as synth_ice40 leaves it (yosys write_verilog,
# iCE40 cell models), run by the Icarus testbench on a seeded stimulus, its
# trace compared with the C cycle model's (docs/fpga.md). Included after
# syn/synth.mk and cosim/cosim.mk.

## test-gate: the synth_ice40 netlist simulated on a stimulus, its trace against the model

.PHONY: test-gate
GATE_DIR     := $(BUILD)/gate
GATE_CYCLES  ?= 20000
GATE_SEED    ?= 11
YOSYS_SHARE  ?= $(abspath $(dir $(shell command -v $(YOSYS)))../share/yosys)

gate_svadu = $(if $(filter svadu,$(1)),1,0)

# The netlist of one A/D build, with the trace port, renamed pw_mmu_gate.
$(GATE_DIR)/%/pw_mmu_gate.v: $(RTL_MMU) $(RTL_MMU_INCLUDES)
	@mkdir -p $(@D)
	$(YOSYS) -q -l $(@D)/yosys.log -p "read_verilog -I$(RTL_INC) $(RTL_MMU); \
	  chparam -set Svadu $(call gate_svadu,$*) -set TlbEntries 8 -set TracePort 1 pw_mmu; \
	  synth_ice40 -top pw_mmu; rename pw_mmu pw_mmu_gate; write_verilog -noattr $@"

$(GATE_DIR)/%/pw_mmu_wrap.v: syn/gate_wrapper.py rtl/mmu/pw_mmu.v
	@mkdir -p $(@D)
	$(PYTHON) syn/gate_wrapper.py rtl/mmu/pw_mmu.v 8 $(call gate_svadu,$*) $@

$(GATE_DIR)/%/tb_gate.vvp: $(GATE_DIR)/%/pw_mmu_gate.v $(GATE_DIR)/%/pw_mmu_wrap.v $(ICARUS_TB)
	$(IVERILOG) -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I$(RTL_INC) -s tb_mmu -P tb_mmu.TlbEntries=8 -P tb_mmu.Svadu=$(call gate_svadu,$*) \
	  -o $@ $(ICARUS_TB) $(GATE_DIR)/$*/pw_mmu_wrap.v $(GATE_DIR)/$*/pw_mmu_gate.v \
	  $(YOSYS_SHARE)/ice40/cells_sim.v

# Both A/D builds: a recorded stimulus, the gates' trace, the model's trace, diffed.
test-gate: $(GATE_DIR)/svade/tb_gate.vvp $(GATE_DIR)/svadu/tb_gate.vvp $(COSIM_CMD) $(MODEL_CMD)
	@COSIM_CMD=$(COSIM_CMD) MODEL_CMD=$(MODEL_CMD) VVP="$(VVP)" IVERILOG="$(IVERILOG)" PYTHON="$(PYTHON)" \
	  PAGEWALK_TRACE="$(PAGEWALK_TRACE)" RTL_INC=$(RTL_INC) ICARUS_TB="$(ICARUS_TB)" \
	  CELLS_SIM=$(YOSYS_SHARE)/ice40/cells_sim.v syn/test_gate.sh $(GATE_DIR) $(GATE_SEED) $(GATE_CYCLES)

TEST_TARGETS += test-gate

# Keep the netlists and wrappers: they are worth reading, and slow to remake.
.PRECIOUS: $(GATE_DIR)/%/pw_mmu_gate.v $(GATE_DIR)/%/pw_mmu_wrap.v $(GATE_DIR)/%/tb_gate.vvp
