// tb_icebreaker_soc: the iCEBreaker SoC top (rtl/board/pw_icebreaker_soc_top.v)
// with its boot path, under Verilator (--binary --timing) or Icarus: the SPRAM
// model (sb_spram256ka.v), the SPI flash model holding a boot image, the board's
// UART decoded into the console. docs/fpga.md, "Simulating the board".
//
// plusargs:
//   +flash_image=FILE  the flash's image at BOOT_FLASH_OFFSET (bootimage.py --hex);
//                      none: an erased flash
//   +host_image=FILE   bytes the host sends on RX once the console has printed a
//                      line (the loader's "no image" line), one byte a line in hex
//   +corrupt=N         flip bit 0 of byte N of the flash image (a transport error)
//   +max_cycles=N      give up after N cycles (default 40,000,000)
// Ends with one of: "tb_board: pass after N cycles", "tb_board: fail N",
// "tb_board: timeout after N cycles". The console goes to stdout as it comes.
`default_nettype none
`timescale 1ns / 1ps
`include "pagewalk_defs.vh"
`include "pagewalk_board.vh"

module tb_icebreaker_soc;
  // The UART runs at 375 kBd here: 16 clocks a bit of the SoC's 6 MHz (52 on
  // the board at 115200). The loader's copy loop (about 70 cycles a byte)
  // keeps up with either; at 8 clocks a bit it would not.
  localparam integer ClockHz      = 12000000;   // the oscillator (CLK)
  localparam integer Baud         = 375000;
  localparam integer ClocksPerBit = ClockHz / Baud;

  // A testbench: its processes pace themselves with blocking waits.
  /* verilator lint_off BLKSEQ */
  reg  clk = 1'b0;
  always #41.667 clk <= !clk;

  reg  btn_n = 1'b1;
  reg  host_tx = 1'b1;
  wire tx, ledr_n, ledg_n, led1;
  wire flash_sck, flash_ssb, flash_io0, flash_io1, flash_io2, flash_io3;

  pw_icebreaker_soc_top #(
    .ClockHz(ClockHz), .Baud(Baud), .ResetHoldBits(4), .BootRom("rtl/board/boot/boot_rom.hex")
  ) dut (
    .CLK(clk), .BTN_N(btn_n), .RX(host_tx), .TX(tx), .LEDR_N(ledr_n), .LEDG_N(ledg_n), .LED1(led1),
    .FLASH_SCK(flash_sck), .FLASH_SSB(flash_ssb), .FLASH_IO0(flash_io0), .FLASH_IO1(flash_io1),
    .FLASH_IO2(flash_io2), .FLASH_IO3(flash_io3)
  );

  spi_flash_model #(.ImageOffset(`PW_BOOT_FLASH_OFFSET)) flash (
    .sck(flash_sck), .cs_n(flash_ssb), .mosi(flash_io0), .miso(flash_io1)
  );

  integer max_cycles = 40000000;
  integer corrupt;
  initial begin
    if (!$value$plusargs("max_cycles=%d", max_cycles)) max_cycles = 40000000;
    if ($value$plusargs("corrupt=%d", corrupt)) begin
      #1 flash.mem[corrupt] = flash.mem[corrupt] ^ 8'h01;
      $display("tb_board: flash byte %0d corrupted", corrupt);
    end
  end

  // ---------------------------------------------------------------- the console
  integer cycles = 0;
  integer rx_count = 0;      // clocks into the frame being received
  integer rx_bit = -1;       // -1: idle
  reg [7:0] rx_byte = 8'd0;
  integer lines = 0;
  always @(posedge clk) begin
    cycles <= cycles + 1;
    if (rx_bit < 0) begin
      if (!tx && dut.rst_n) begin rx_bit <= 0; rx_count <= 0; end
    end else if (rx_count == ClocksPerBit / 2 + ClocksPerBit * rx_bit) begin
      if (rx_bit >= 1 && rx_bit <= 8) rx_byte <= {tx, rx_byte[7:1]};
      if (rx_bit == 9) begin
        rx_bit <= -1;
        if (!tx) $display("\ntb_board: framing error on TX at cycle %0d", cycles);
        else begin
          $write("%c", rx_byte);
          $fflush;
          if (rx_byte == 8'h0a) lines <= lines + 1;
        end
      end else rx_bit <= rx_bit + 1;
      rx_count <= rx_count + 1;
    end else rx_count <= rx_count + 1;
  end

  // ---------------------------------------------------------------- the host
  reg [1023:0] host_path;
  reg [7:0]    host_byte;
  integer      host_fd, host_got, host_bytes = 0, b;
  initial begin
    if ($value$plusargs("host_image=%s", host_path)) begin
      host_fd = $fopen(host_path, "r");
      if (host_fd == 0) begin
        $display("tb_board: error: cannot open %0s", host_path);
        $finish;
      end
      wait (lines >= 1);
      $display("tb_board: the host sends %0s", host_path);
      host_got = $fscanf(host_fd, "%h", host_byte);
      while (host_got == 1) begin
        host_tx = 1'b0;
        repeat (ClocksPerBit) @(posedge clk);
        for (b = 0; b < 8; b = b + 1) begin
          host_tx = host_byte[b];
          repeat (ClocksPerBit) @(posedge clk);
        end
        host_tx = 1'b1;
        repeat (ClocksPerBit) @(posedge clk);
        host_bytes = host_bytes + 1;
        host_got = $fscanf(host_fd, "%h", host_byte);
      end
      $fclose(host_fd);
      $display("tb_board: the host sent %0d bytes", host_bytes);
    end
  end

  // ---------------------------------------------------------------- CPI
  // Of the program the loader started, from its first instruction at MEM_RAM
  // (the loader's own polling is left out) to the finisher.
  integer    done_at = -1;     // the cycle the finisher lit an LED
  reg        started = 1'b0;
  reg [63:0] insn0 = 64'd0, cyc0 = 64'd0;
  always @(posedge clk) begin
    if (!started && dut.rst_n && dut.u_board.u_soc.u_core.pc_q == `PW_MEM_RAM) begin
      started <= 1'b1;
      insn0   <= dut.u_board.u_soc.u_core.u_csr.minstret_q;
      cyc0    <= dut.u_board.u_soc.u_core.u_csr.mcycle_q;
    end
  end
  reg [63:0] insn1 = 64'd0, cyc1 = 64'd0;   // when the finisher is written
  always @(posedge clk) begin
    if (done_at < 0 && (!ledg_n || !ledr_n)) begin
      insn1 <= dut.u_board.u_soc.u_core.u_csr.minstret_q;
      cyc1  <= dut.u_board.u_soc.u_core.u_csr.mcycle_q;
    end
  end
  task report_cpi;
    reg [63:0] insns, cycs;
    begin
      insns = insn1 - insn0;
      cycs  = cyc1 - cyc0;
      if (started && insns != 0)
        $display("tb_board: the program: %0d instructions, %0d cycles, CPI %0d.%02d", insns, cycs,
                 cycs / insns, (cycs * 100 / insns) % 100);
    end
  endtask

  // ---------------------------------------------------------------- the end
  always @(posedge clk) begin
    if (done_at < 0 && (!ledg_n || !ledr_n)) done_at <= cycles;
    // Let the UART finish the line that precedes the finisher.
    if (done_at >= 0 && cycles == done_at + 40 * ClocksPerBit) begin
      if (!ledg_n) $display("\ntb_board: pass after %0d cycles", cycles);
      else $display("\ntb_board: fail %0d", dut.u_board.u_soc.finish_code_o);
      report_cpi;
      $display("tb_board: flash: %0d wake-ups, %0d reads, %0d commands ignored",
               flash.wakes, flash.reads, flash.ignored);
      $finish;
    end
    if (cycles >= max_cycles) begin
      $display("\ntb_board: timeout after %0d cycles", cycles);
      $display("tb_board: flash: %0d wake-ups, %0d reads, %0d commands ignored",
               flash.wakes, flash.reads, flash.ignored);
      $finish;
    end
  end
  wire unused = &{1'b0, led1, flash_io2, flash_io3};
  /* verilator lint_on BLKSEQ */
endmodule

`default_nettype wire
