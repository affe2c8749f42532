// pw_reset_gen: the board's reset. After configuration, and while restart_i
// is held (a button, synchronised here), rst_no is 0; it goes to 1 once
// 2^HoldBits quiet cycles have passed. Synchronous, active low, like the MMU's.
`default_nettype none

module pw_reset_gen #(
  parameter integer HoldBits = 16   // 2^16 cycles: 5 ms at 12 MHz
) (
  input  wire clk_i,
  input  wire restart_i,   // asynchronous, active high
  output wire rst_no
);
  // Both start at 0 when the FPGA is configured (iCE40 and ECP5 flip-flops
  // power up to their init value).
  reg [1:0]        sync_q  = 2'b00;
  reg [HoldBits:0] count_q = {(HoldBits+1){1'b0}};

  assign rst_no = count_q[HoldBits];

  always @(posedge clk_i) begin
    sync_q <= {sync_q[0], restart_i};
    if (sync_q[1])           count_q <= {(HoldBits+1){1'b0}};
    else if (!count_q[HoldBits]) count_q <= count_q + {{HoldBits{1'b0}}, 1'b1};
  end
endmodule

`default_nettype wire
