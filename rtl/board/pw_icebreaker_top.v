// pw_icebreaker_top: pw_board_top on the iCEBreaker (iCE40UP5K-SG48, 12 MHz).
// Port names are those of constraints/icebreaker.pcf.
//
//   LEDG_N  green: every translation matched     LEDR_N  red: a mismatch or a hang
//   LED1    (break-off PMOD) blinks while the test runs
//   BTN_N   restarts the test; so does any character sent to the UART once done
//   TX, RX  the FTDI's second channel: 115200 8N1
`default_nettype none

module pw_icebreaker_top (
  input  wire CLK,      // 12 MHz
  input  wire BTN_N,    // user button, active low
  input  wire RX,       // UART from the host
  output wire TX,       // UART to the host
  output wire LEDR_N,   // red LED, active low
  output wire LEDG_N,   // green LED, active low
  output wire LED1      // break-off PMOD LED, active high
);
  wire pass, fail, busy;

  // The MMU for an iCE40UP5K (docs/mmu.md, "Per-board choices"): pipelined
  // (HitLatency 3), PPNs in block RAM, 16-bit counters, exact sfence.
  pw_board_top #(
    .ClockHz(12000000),
    .HitLatency(3), .CounterBits(16), .SfenceFlushAll(0), .PpnInBram(1)
  ) u_top (
    .clk_i(CLK), .restart_i(!BTN_N), .uart_rx_i(RX), .uart_tx_o(TX),
    .led_pass_o(pass), .led_fail_o(fail), .led_busy_o(busy)
  );

  assign LEDG_N = !pass;
  assign LEDR_N = !fail;
  assign LED1   = busy;
endmodule

`default_nettype wire
