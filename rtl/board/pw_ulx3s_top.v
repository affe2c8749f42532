// pw_ulx3s_top: pw_board_top on the ULX3S (ECP5 LFE5U-85F, 25 MHz).
// Port names are those of constraints/ulx3s.lpf.
//
//   led[0]  every translation matched        led[1]  a mismatch or a hang
//   led[2]  blinks while the test runs       led[7:3] off
//   btn[1]  (FIRE1) restarts the test; so does any character sent to the UART once done
//   ftdi_rxd, ftdi_txd  the FT231X's UART (named from the FTDI's side): 115200 8N1
// The LEDs are active high. wifi_gpio0 is driven high: the board's ESP32
// otherwise may reset the FPGA.
`default_nettype none

module pw_ulx3s_top (
  input  wire       clk_25mhz,
  input  wire [6:0] btn,        // btn[0] active low (PWR), btn[6:1] active high
  input  wire       ftdi_txd,   // UART from the host (the FTDI transmits)
  output wire       ftdi_rxd,   // UART to the host (the FTDI receives)
  output wire [7:0] led,
  output wire       wifi_gpio0
);
  wire pass, fail, busy;

  // The MMU for an ECP5-85F (docs/mmu.md, "Per-board choices"): two-cycle
  // hits, 32-bit counters, exact sfence, PPNs where synthesis puts them.
  pw_board_top #(
    .ClockHz(25000000),
    .HitLatency(2), .CounterBits(32), .SfenceFlushAll(0), .PpnInBram(0)
  ) u_top (
    .clk_i(clk_25mhz), .restart_i(btn[1]), .uart_rx_i(ftdi_txd), .uart_tx_o(ftdi_rxd),
    .led_pass_o(pass), .led_fail_o(fail), .led_busy_o(busy)
  );

  assign led        = {5'b00000, busy, fail, pass};
  assign wifi_gpio0 = 1'b1;

  // btn[0] and btn[6:2] are constrained but unused.
  wire unused_btn = &{1'b0, btn[0], btn[6:2]};
endmodule

`default_nettype wire
