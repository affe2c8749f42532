# The MMU under Icarus Verilog, driven by a .stim file, writing a trace
# (tests/icarus/README.md). Included by the top-level Makefile; products go
# under $(BUILD)/icarus.
#
#   make $(BUILD)/icarus/tb_mmu_svade.vvp   the Svade build (TracePort=1, 8 entries)
#   make $(BUILD)/icarus/tb_mmu_svadu.vvp   the Svadu build
#   make $(BUILD)/icarus/tb_mmu_NAME.vvp    any build of MMU_BUILDS (mk/common.mk), e.g. svade_l3
#   make test-icarus                        run the smoke stimuli, compare with the expected traces
#
# In a recipe: $(call icarus_trace,STIM,OUT[,AD]) runs STIM on the AD build
# (svade or svadu; by default the one its `ad` line names) and writes the
# trace OUT; with TRACE=1 also a VCD next to it (OUT with .vcd for its suffix).

## test-icarus: only the Icarus smoke stimuli against their hand-worked traces

PACKAGES += iverilog

ICARUS_DIR     := $(BUILD)/icarus
ICARUS_ENTRIES := 8
# The testbench needs -g2012 (queues, dynamic arrays, $fatal); the RTL stays
# Verilog-2005 (make lint compiles it alone with -g2005).
# The interface assertions are compiled in (RTL_ASSERT_FLAGS): a broken rule
# ends the run with $fatal, so vvp exits non-zero.
ICARUS_FLAGS   := -g2012 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) $(RTL_ASSERT_FLAGS) -s tb_mmu \
                  -P tb_mmu.TlbEntries=$(ICARUS_ENTRIES)

# One testbench per build of MMU_BUILDS (mk/common.mk): tb_mmu_svade.vvp,
# tb_mmu_svadu_l3.vvp, ...
$(MMU_BUILD_NAMES:%=$(ICARUS_DIR)/tb_mmu_%.vvp): $(ICARUS_DIR)/tb_mmu_%.vvp: $(ICARUS_TB) $(RTL_MMU) $(RTL_MMU_INCLUDES) $(RTL_ASSERT)
	@mkdir -p $(@D)
	$(IVERILOG) $(ICARUS_FLAGS) $(call mmu_build_params,$*,tb_mmu) -o $@ $(ICARUS_TB) $(RTL_MMU) $(RTL_ASSERT)

# The A/D policy a stimulus names on its `ad` line.
icarus_ad = $(shell sed -n 's/^ad[[:space:]]*\(svad[eu]\).*/\1/p' $(1) | head -n 1)

# $(call icarus_trace,STIM,OUT[,AD]): a command line; the .vvp must be built.
icarus_trace = $(VVP) -n $(ICARUS_DIR)/tb_mmu_$(or $(3),$(call icarus_ad,$(1))).vvp \
               +stim=$(1) +trace=$(2)$(if $(filter 1,$(TRACE)), +vcd=$(basename $(2)).vcd)

# Any stimulus under tests/icarus/ by name: make $(BUILD)/icarus/smoke.trace
$(ICARUS_DIR)/%.trace: tests/icarus/%.stim $(ICARUS_DIR)/tb_mmu_svade.vvp $(ICARUS_DIR)/tb_mmu_svadu.vvp
	@$(call icarus_trace,$<,$@) >/dev/null

# The smoke stimuli must give, line for line, the traces worked out by hand
# from docs/mmu.md (comment lines aside: they name the stimulus's path).
ICARUS_SMOKE := smoke smoke-svadu

.PHONY: test-icarus
test-icarus: $(ICARUS_SMOKE:%=$(ICARUS_DIR)/%.trace)
	@echo "== Icarus: the hand-written smoke stimuli against their expected traces"
	@for t in $(ICARUS_SMOKE); do \
	  grep -v '^#' tests/icarus/$$t.expected.trace >$(ICARUS_DIR)/$$t.expected.cmp; \
	  grep -v '^#' $(ICARUS_DIR)/$$t.trace >$(ICARUS_DIR)/$$t.cmp; \
	  diff -u $(ICARUS_DIR)/$$t.expected.cmp $(ICARUS_DIR)/$$t.cmp >$(ICARUS_DIR)/$$t.diff \
	    || { echo "$$t: trace differs from tests/icarus/$$t.expected.trace:"; \
	         cat $(ICARUS_DIR)/$$t.diff; exit 1; }; \
	  echo "$$t: $$(grep -vc '^#' $(ICARUS_DIR)/$$t.trace) trace lines as expected"; \
	done
