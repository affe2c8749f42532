// pw_board_tb: simulates pw_board_top (Icarus) and prints what its UART
// sends (a trace), so the board's output can be compared with pagewalk-model's
// before a board is at hand (make test-board-sim). The UART runs at
// ClocksPerBit clocks a bit, so that the simulation is quick.
`default_nettype none

module pw_board_tb #(
  parameter         ReqFile      = "rtl/board/selftest/selftest_req.hex",  // -P to test a broken list
  parameter integer ClocksPerBit = 2,
  parameter integer MaxCycles    = 20000000,
  // the MMU's options; syn/synth.mk sets the iCEBreaker's
  parameter integer HitLatency     = 1,
  parameter integer CounterBits    = 32,
  parameter integer SfenceFlushAll = 0,
  parameter integer PpnInBram      = 0
);

  reg  clk = 1'b0;
  wire tx, pass, fail, busy;
  integer cycles = 0;

  always #5 clk = !clk;

  pw_board_top #(
    .ClockHz(ClocksPerBit * 115200), .Baud(115200), .ResetHoldBits(3), .ReqFile(ReqFile),
    .HitLatency(HitLatency), .CounterBits(CounterBits), .SfenceFlushAll(SfenceFlushAll),
    .PpnInBram(PpnInBram)
  ) u_top (
    .clk_i(clk), .restart_i(1'b0), .uart_rx_i(1'b1), .uart_tx_o(tx),
    .led_pass_o(pass), .led_fail_o(fail), .led_busy_o(busy)
  );

  // A UART receiver: on a start bit, sample each bit in its middle.
  integer i;
  reg [7:0] byte_q;
  always begin
    @(negedge tx);
    repeat (ClocksPerBit / 2) @(posedge clk);
    for (i = 0; i < 8; i = i + 1) begin
      repeat (ClocksPerBit) @(posedge clk);
      byte_q[i] = tx;
    end
    repeat (ClocksPerBit) @(posedge clk);
    if (!tx) $display("pw_board_tb: framing error");
    $write("%c", byte_q);
  end

  always @(posedge clk) begin
    cycles = cycles + 1;
    if (u_top.done && u_top.u_uart.ready_o && !u_top.tx_valid) begin
      repeat (20 * ClocksPerBit) @(posedge clk);
      $display("# pw_board_tb: done after %0d cycles, LEDs pass=%0d fail=%0d", cycles, pass, fail);
      $finish;
    end
    if (cycles == MaxCycles) begin
      $display("# pw_board_tb: TIMEOUT after %0d cycles", cycles);
      $finish;
    end
  end
endmodule

`default_nettype wire
