// pw_ulx3s_soc_top: the SoC on the ULX3S (ECP5 LFE5U-85F, 25 MHz), running
// the firmware's board profile (docs/fpga.md, "The SoC on a board"). Port
// names are those of constraints/ulx3s.lpf.
//
// The core with M, an 8-entry TLB, Svade; 256 KiB of RAM in block RAM (EBR),
// which the bitstream initialises with the firmware (Firmware: a $readmemh
// image from MEM_RAM), so the core starts in it at once.
//
//   ftdi_rxd, ftdi_txd  the FT231X's UART (named from the FTDI's side): 115200 8N1
//   led[0]   the firmware passed (finisher)     led[1]  it failed     led[7:2] off
//   btn[1]   (FIRE1) resets the SoC: the firmware starts again, on the RAM as it
//            was left (the bitstream's image is not reloaded)
// wifi_gpio0 is driven high: the board's ESP32 otherwise may reset the FPGA.
`default_nettype none

module pw_ulx3s_soc_top #(
  parameter integer ClockHz       = 25000000,
  parameter integer Baud          = 115200,
  parameter integer ResetHoldBits = 16,
  parameter integer RamBytes      = 262144,
  parameter         Firmware      = ""
) (
  input  wire       clk_25mhz,
  input  wire [6:0] btn,        // btn[0] active low (PWR), btn[6:1] active high
  input  wire       ftdi_txd,   // UART from the host (the FTDI transmits)
  output wire       ftdi_rxd,   // UART to the host (the FTDI receives)
  output wire [7:0] led,
  output wire       wifi_gpio0
);
  wire rst_n, pass, fail;

  pw_board_soc #(
    .ClockHz(ClockHz), .Baud(Baud), .ResetHoldBits(ResetHoldBits),
    .RamBytes(RamBytes), .RamInit(Firmware), .WithM(1), .TlbEntries(8)
  ) u_board (
    .clk_i(clk_25mhz), .restart_i(btn[1]), .rst_no(rst_n), .uart_rx_i(ftdi_txd), .uart_tx_o(ftdi_rxd),
    .led_pass_o(pass), .led_fail_o(fail)
  );

  assign led        = {6'b000000, fail, pass};
  assign wifi_gpio0 = 1'b1;

  // btn[0] and btn[6:2] are constrained but unused.
  wire unused = &{1'b0, rst_n, btn[0], btn[6:2]};
endmodule

`default_nettype wire
