// pw_soc_delay: a response path made Cycles cycles slower (0: a wire). The
// SoC uses it in test builds to show that the core assumes no MMU or bus
// latency: the ISA suite must still pass in lockstep with slower responses.
`default_nettype none

module pw_soc_delay #(
  parameter integer Width  = 1,
  parameter integer Cycles = 0      // 0 to 7
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  input  wire             valid_i,  // a one-cycle response pulse
  input  wire [Width-1:0] data_i,   // its payload
  output wire             valid_o,
  output wire [Width-1:0] data_o
);
  generate
    if (Cycles == 0) begin : g_wire
      assign valid_o = valid_i;
      assign data_o  = data_i;
      wire unused = clk_i ^ rst_ni;
    end else begin : g_pipe
      reg             valid_q [0:Cycles-1];
      reg [Width-1:0] data_q  [0:Cycles-1];
      integer i;
      always @(posedge clk_i) begin
        if (!rst_ni) begin
          for (i = 0; i < Cycles; i = i + 1) valid_q[i] <= 1'b0;
        end else begin
          valid_q[0] <= valid_i;
          for (i = 1; i < Cycles; i = i + 1) valid_q[i] <= valid_q[i-1];
        end
        data_q[0] <= data_i;
        for (i = 1; i < Cycles; i = i + 1) data_q[i] <= data_q[i-1];
      end
      assign valid_o = valid_q[Cycles-1];
      assign data_o  = data_q[Cycles-1];
    end
  endgenerate
endmodule
`default_nettype wire
