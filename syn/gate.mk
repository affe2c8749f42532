# Gate-level check: the MMU as synth_ice40 leaves it (yosys write_verilog,
# iCE40 cell models), run by the Icarus testbench on a seeded stimulus, its
# trace compared with the C cycle model's (docs/fpga.md). Included after
# syn/synth.mk and cosim/cosim.mk.
GATE_DIR     := $(BUILD)/gate
GATE_CYCLES  ?= 20000
GATE_SEED    ?= 11
YOSYS_SHARE  ?= $(abspath $(dir $(shell command -v $(YOSYS)))../share/yosys)
ICARUS_TB_SRCS := tests/icarus/tb_mmu.v tests/icarus/tracer.v tests/icarus/stim_file.v tests/icarus/sparse_mem.v

gate_svadu = $(if $(filter svadu,$(1)),1,0)

# The netlist of one A/D build, with the trace port, renamed pw_mmu_gate.
$(GATE_DIR)/%/pw_mmu_gate.v: $(RTL_MMU) $(BUILD)/gen/pagewalk_defs.vh
	@mkdir -p $(@D)
	$(YOSYS) -q -l $(@D)/yosys.log -p "read_verilog -I$(BUILD)/gen $(RTL_MMU); \
	  chparam -set Svadu $(call gate_svadu,$*) -set TlbEntries 8 -set TracePort 1 pw_mmu; \
	  synth_ice40 -top pw_mmu; rename pw_mmu pw_mmu_gate; write_verilog -noattr $@"

$(GATE_DIR)/%/pw_mmu_wrap.v: syn/gate_wrapper.py rtl/mmu/pw_mmu.v
	@mkdir -p $(@D)
	$(PYTHON) syn/gate_wrapper.py rtl/mmu/pw_mmu.v 8 $(call gate_svadu,$*) $@

$(GATE_DIR)/%/tb_gate.vvp: $(GATE_DIR)/%/pw_mmu_gate.v $(GATE_DIR)/%/pw_mmu_wrap.v $(ICARUS_TB_SRCS)
	$(IVERILOG) -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I$(BUILD)/gen -s tb_mmu -P tb_mmu.TlbEntries=8 -P tb_mmu.Svadu=$(call gate_svadu,$*) \
	  -o $@ $(ICARUS_TB_SRCS) $(GATE_DIR)/$*/pw_mmu_wrap.v $(GATE_DIR)/$*/pw_mmu_gate.v \
	  $(YOSYS_SHARE)/ice40/cells_sim.v

# Both A/D builds: a recorded stimulus, the gates' trace, the model's trace, diffed.
test-gate: $(GATE_DIR)/svade/tb_gate.vvp $(GATE_DIR)/svadu/tb_gate.vvp $(COSIM_CMD) $(MODEL_CMD)
	@echo "== gate level: the synth_ice40 netlist against the cycle model ($(GATE_CYCLES) cycles per A/D build)"
	@for ad in svade svadu; do \
	  d=$(GATE_DIR)/$$ad; \
	  $(COSIM_CMD) --ad $$ad --seed $(GATE_SEED) --cycles $(GATE_CYCLES) --write-stimulus $$d/run.stim || exit 2; \
	  $(MODEL_CMD) replay --trace $$d/model.trace $$d/run.stim || exit 2; \
	  $(VVP) -n $$d/tb_gate.vvp +stim=$$d/run.stim +trace=$$d/gate.trace >$$d/vvp.log 2>&1 || { cat $$d/vvp.log; exit 1; }; \
	  if $(PAGEWALK_TRACE) diff $$d/model.trace $$d/gate.trace >$$d/diff.txt 2>&1; then \
	    echo "  $$ad: gates and model agree ($$(grep -vc '^#' $$d/gate.trace) trace lines)"; \
	  else echo "  $$ad: gates and model DIFFER:"; head -n 20 $$d/diff.txt; exit 1; fi; \
	done
	@echo "== gate level: a netlist with broken LUTs must disagree"
	@d=$(GATE_DIR)/broken; mkdir -p $$d; \
	$(PYTHON) syn/corrupt_luts.py $(GATE_DIR)/svade/pw_mmu_gate.v 50 $$d/pw_mmu_gate.v | sed 's/^/  /'; \
	$(IVERILOG) -g2012 -DNO_ICE40_DEFAULT_ASSIGNMENTS -I$(BUILD)/gen -s tb_mmu -P tb_mmu.TlbEntries=8 -P tb_mmu.Svadu=0 \
	  -o $$d/tb_gate.vvp $(ICARUS_TB_SRCS) $(GATE_DIR)/svade/pw_mmu_wrap.v $$d/pw_mmu_gate.v \
	  $(YOSYS_SHARE)/ice40/cells_sim.v || exit 1; \
	$(VVP) -n $$d/tb_gate.vvp +stim=$(GATE_DIR)/svade/run.stim +trace=$$d/gate.trace >$$d/vvp.log 2>&1; \
	if $(PAGEWALK_TRACE) diff $(GATE_DIR)/svade/model.trace $$d/gate.trace >$$d/diff.txt 2>&1; then \
	  echo "  the broken netlist was NOT caught"; exit 1; fi; \
	echo "  caught: $$(head -n 1 $$d/diff.txt | sed 's/^pagewalk-trace diff (timed): //')"

# Keep the netlists and wrappers: they are worth reading, and slow to remake.
.PRECIOUS: $(GATE_DIR)/%/pw_mmu_gate.v $(GATE_DIR)/%/pw_mmu_wrap.v $(GATE_DIR)/%/tb_gate.vvp
