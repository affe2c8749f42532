// pw_bcd_counter: a decimal counter of Digits BCD digits, so the UART can
// print it without dividing. It stops at all nines.
`default_nettype none

module pw_bcd_counter #(
  parameter integer Digits = 4,
  parameter integer Start  = 0     // the value after reset, 0 to 9
) (
  input  wire                clk_i,
  input  wire                rst_ni,   // synchronous, active low: clears to 0
  input  wire                inc_i,
  output reg  [4*Digits-1:0] value_o   // digit d in value_o[4*d +: 4]
);
  localparam [3:0]          StartDigit = Start[3:0];
  localparam [4*Digits-1:0] StartValue = {{(4*Digits-4){1'b0}}, StartDigit};

  // carry[d]: digit d increments; every lower digit is 9 and wraps to 0.
  reg [Digits:0] carry;
  reg            full;
  integer d, e;   // loop indexes, one per block (one driver each)

  always @* begin
    full     = 1'b1;
    carry[0] = inc_i;
    for (d = 0; d < Digits; d = d + 1) begin
      carry[d+1] = carry[d] && (value_o[4*d +: 4] == 4'd9);
      full       = full && (value_o[4*d +: 4] == 4'd9);
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      value_o <= StartValue;
    end else if (!full) begin
      for (e = 0; e < Digits; e = e + 1) begin
        if (carry[e]) value_o[4*e +: 4] <= carry[e+1] ? 4'd0 : value_o[4*e +: 4] + 4'd1;
      end
    end
  end
endmodule

`default_nettype wire
