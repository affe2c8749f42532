# The interface assertions of pw_mmu in simulation (docs/mmu.md, "Assertions"):
# a deliberately broken testbench shows each rule firing under Icarus and
# Verilator --assert. Included by the top-level Makefile.

## test-assertions: a deliberately broken testbench must make each interface rule fire
##  (Icarus and Verilator), the clean run none; none in synthesis

.PHONY: test-assertions

ASSERT_DIR := $(BUILD)/assertions
ASSERT_TB  := tests/assertions/tb_protocol_broken.v
ASSERT_SRC := $(ASSERT_TB) $(RTL_MMU) $(RTL_ASSERT) rtl/check/pw_assert.vh $(RTL_MMU_INCLUDES)

$(ASSERT_DIR)/tb_icarus.vvp: $(ASSERT_SRC)
	@mkdir -p $(@D)
	$(IVERILOG) -g2012 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) $(RTL_ASSERT_FLAGS) -s tb_protocol_broken \
	  -o $@ $(ASSERT_TB) $(RTL_MMU) $(RTL_ASSERT)

# The same testbench with the assertions left out, to show they are.
$(ASSERT_DIR)/tb_icarus_noassert.vvp: $(ASSERT_SRC)
	@mkdir -p $(@D)
	$(IVERILOG) -g2012 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) -s tb_protocol_broken \
	  -o $@ $(ASSERT_TB) $(RTL_MMU)

# Verilator's own event loop (--binary --timing); the C++ is compiled without
# optimisation: the runs are a few hundred cycles.
$(ASSERT_DIR)/verilator/Vtb_protocol_broken: $(ASSERT_SRC)
	@mkdir -p $(@D)
	$(VERILATOR) --binary --timing --assert -Wall -I$(RTL_INC) $(RTL_ASSERT_FLAGS) --top-module tb_protocol_broken \
	  -Mdir $(@D) -j 2 -MAKEFLAGS "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0" \
	  $(ASSERT_TB) $(RTL_MMU) $(RTL_ASSERT) >$(@D)/verilate.log 2>&1 || { cat $(@D)/verilate.log; exit 1; }

# The same at HitLatency 2: the checker's rules for requests in flight.
$(ASSERT_DIR)/tb_icarus_l2.vvp: $(ASSERT_SRC)
	@mkdir -p $(@D)
	$(IVERILOG) -g2012 -Wall -Wno-sensitivity-entire-array -I$(RTL_INC) $(RTL_ASSERT_FLAGS) -s tb_protocol_broken \
	  -Ptb_protocol_broken.HitLatency=2 -o $@ $(ASSERT_TB) $(RTL_MMU) $(RTL_ASSERT)
$(ASSERT_DIR)/verilator_l2/Vtb_protocol_broken: $(ASSERT_SRC)
	@mkdir -p $(@D)
	$(VERILATOR) --binary --timing --assert -Wall -I$(RTL_INC) $(RTL_ASSERT_FLAGS) --top-module tb_protocol_broken \
	  -GHitLatency=2 -Mdir $(@D) -j 2 -MAKEFLAGS "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0" \
	  $(ASSERT_TB) $(RTL_MMU) $(RTL_ASSERT) >$(@D)/verilate.log 2>&1 || { cat $(@D)/verilate.log; exit 1; }

test-assertions: $(ASSERT_DIR)/tb_icarus.vvp $(ASSERT_DIR)/tb_icarus_noassert.vvp $(ASSERT_DIR)/verilator/Vtb_protocol_broken \
                 $(ASSERT_DIR)/tb_icarus_l2.vvp $(ASSERT_DIR)/verilator_l2/Vtb_protocol_broken
	@VVP="$(VVP)" YOSYS="$(YOSYS)" RTL_INC=$(RTL_INC) RTL_MMU="$(RTL_MMU)" RTL_ASSERT_FLAGS="$(RTL_ASSERT_FLAGS)" \
	  tests/assertions/test_assertions.sh $^

TEST_TARGETS += test-assertions
