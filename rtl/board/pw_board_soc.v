// pw_board_soc: the SoC (rtl/soc, docs/soc.md) as the boards run it
// (docs/fpga.md, "The SoC on a board"): the board's reset, the UART on the
// serial lines, and the test finisher on two LEDs. The board files
// (pw_icebreaker_soc_top, pw_ulx3s_soc_top) choose the core, the MMU, the RAM
// and where the firmware comes from, and map the ports to pins.
//
// LEDs: pass = the firmware wrote the finisher's pass value; fail = it wrote
// a failure code. Both stay dark while it runs. restart_i resets the SoC.
`default_nettype none
`include "pagewalk_defs.vh"

module pw_board_soc #(
  parameter integer ClockHz       = 12000000,
  parameter integer Baud          = 115200,
  parameter integer ResetHoldBits = 16,
  parameter integer RamBytes      = 262144,
  parameter         RamInit       = "",
  parameter [31:0]  ResetPc       = `PW_MEM_RAM,
  parameter integer WithM         = 1,
  parameter integer TlbEntries    = 8
) (
  input  wire clk_i,
  input  wire restart_i,    // active high, asynchronous (a button)
  output wire rst_no,       // the reset the SoC sees (synchronous, active low)
  input  wire uart_rx_i,    // the SoC's serial input
  output wire uart_tx_o,
  output wire led_pass_o,   // active high
  output wire led_fail_o
);
  localparam integer ClocksPerBit = (ClockHz + Baud / 2) / Baud;

  pw_reset_gen #(.HoldBits(ResetHoldBits)) u_reset (
    .clk_i, .restart_i, .rst_no
  );

  wire        finish;
  wire [15:0] finish_code;
  wire        console_valid;   // the simulation console: unused with SimConsole = 0
  wire [7:0]  console_byte;

  pw_soc #(
    .RamBytes(RamBytes), .RamInit(RamInit), .ResetPc(ResetPc), .WithM(WithM),
    .TlbEntries(TlbEntries), .Svadu(0), .SimConsole(0), .ClocksPerBit(ClocksPerBit)
  ) u_soc (
    .clk_i,
    .rst_ni             (rst_no),
    .uart_tx_o,
    .uart_rx_i,
    .console_valid_o    (console_valid),
    .console_byte_o     (console_byte),
    .console_rx_valid_i (1'b0),
    .console_rx_byte_i  (8'd0),
    .finish_o           (finish),
    .finish_code_o      (finish_code)
  );

  assign led_pass_o = finish && finish_code == 16'd0;
  assign led_fail_o = finish && finish_code != 16'd0;

  wire unused_console = console_valid ^ (^console_byte);
endmodule

`default_nettype wire
