// pw_icebreaker_soc_top: the SoC on the iCEBreaker (iCE40UP5K-SG48, its 12 MHz
// oscillator halved: the SoC runs at 6 MHz),
// running the firmware's board profile (docs/fpga.md, "The SoC on a board").
// Port names are those of constraints/icebreaker.pcf.
//
// What fits the UP5K: the core without M, a 4-entry TLB, Svade; the RAM is the
// four SPRAMs (128 KiB, rtl/board/up5k/pw_soc_ram.v replaces the portable
// RAM) with the 2 KiB boot ROM behind them, where the core starts.
//
// Loading: SPRAM starts empty. After reset pw_flash_stream reads the boot
// image from the SPI flash (written with iceprog -o 1M) and sends it, as
// serial bytes at the UART's rate, into the SoC's UART receiver; the loader in
// the boot ROM copies it to RAM, checks it and jumps to it. Once the flash is
// read, the SoC's receiver is the FTDI's again: without an image in flash the
// loader takes one from the host.
//
//   TX, RX   the FTDI's second channel: 115200 8N1 (console)
//   LEDG_N   green: the firmware passed (finisher)   LEDR_N  red: it failed
//   LED1     (break-off PMOD) on while the image streams from flash
//   BTN_N    resets the SoC: the image is loaded again
`default_nettype none
`include "pagewalk_defs.vh"
`include "pagewalk_board.vh"

module pw_icebreaker_soc_top #(
  parameter integer ClockHz       = 12000000,
  parameter integer Baud          = 115200,
  parameter integer ResetHoldBits = 16,
  parameter         BootRom       = "rtl/board/boot/boot_rom.hex"
) (
  input  wire CLK,        // 12 MHz
  input  wire BTN_N,      // user button, active low
  input  wire RX,         // UART from the host
  output wire TX,         // UART to the host
  output wire LEDR_N,
  output wire LEDG_N,
  output wire LED1,
  output wire FLASH_SCK,
  output wire FLASH_SSB,
  output wire FLASH_IO0,  // MOSI
  input  wire FLASH_IO1,  // MISO
  output wire FLASH_IO2,  // /WP
  output wire FLASH_IO3   // /HOLD
);
  // The SoC runs at half the oscillator: at 12 MHz its longest path (the
  // core's decode, trap and register-file write, about 84 ns once routed on a
  // 98%-full device) misses by half a nanosecond, and the UP5K's PLL makes
  // nothing below 16 MHz. The flip-flop's output becomes a global clock.
  localparam integer    SocHz        = ClockHz / 2;
  localparam integer    ClocksPerBit = (SocHz + Baud / 2) / Baud;
  localparam [31:0]     BootRomAddr  = `PW_MEM_RAM + `PW_UP5K_SPRAM_BYTES;

  reg clk = 1'b0;
  always @(posedge CLK) clk <= !clk;

  wire rst_n, pass, fail;
  wire soc_rx;

  pw_board_soc #(
    .ClockHz(SocHz), .Baud(Baud), .ResetHoldBits(ResetHoldBits),
    .RamBytes(`PW_UP5K_RAM_WINDOW), .RamInit(BootRom), .ResetPc(BootRomAddr),
    .WithM(0), .TlbEntries(4)
  ) u_board (
    .clk_i(clk), .restart_i(!BTN_N), .rst_no(rst_n), .uart_rx_i(soc_rx), .uart_tx_o(TX),
    .led_pass_o(pass), .led_fail_o(fail)
  );

  // ---------------------------------------------------------------- the image from flash
  wire       stream_valid, stream_ready, stream_busy, stream_found, stream_line;
  wire [7:0] stream_byte;

  pw_flash_stream #(.ClockHz(SocHz)) u_stream (
    .clk_i(clk), .rst_ni(rst_n),
    .spi_cs_no(FLASH_SSB), .spi_sck_o(FLASH_SCK), .spi_mosi_o(FLASH_IO0), .spi_miso_i(FLASH_IO1),
    .valid_o(stream_valid), .ready_i(stream_ready), .data_o(stream_byte),
    .busy_o(stream_busy), .found_o(stream_found)
  );

  pw_uart_tx #(.ClocksPerBit(ClocksPerBit)) u_stream_tx (
    .clk_i(clk), .rst_ni(rst_n),
    .valid_i(stream_valid), .ready_o(stream_ready), .data_i(stream_byte), .tx_o(stream_line)
  );

  // The stream owns the receiver until its last frame has left.
  assign soc_rx = (stream_busy || !stream_ready) ? stream_line : RX;

  assign FLASH_IO2 = 1'b1;
  assign FLASH_IO3 = 1'b1;
  assign LEDG_N    = !pass;
  assign LEDR_N    = !fail;
  assign LED1      = stream_busy;

  wire unused_found = stream_found;
endmodule

`default_nettype wire
