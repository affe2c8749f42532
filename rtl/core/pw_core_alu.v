// pw_core_alu: the integer ALU. op is {funct7[5], funct3} of the OP encoding:
//
//   op    result        op    result
//   0000  a + b         0100  a ^ b
//   1000  a - b         0101  a >> b (logical)
//   0001  a << b        1101  a >> b (arithmetic)
//   0010  a < b signed  0110  a | b
//   0011  a < b         0111  a & b
//
// Other encodings give a + b (they are never decoded).
`default_nettype none

module pw_core_alu (
  input  wire [3:0]  op_i,
  input  wire [31:0] a_i,
  input  wire [31:0] b_i,
  output reg  [31:0] result_o
);
  wire [4:0]  shamt = b_i[4:0];
  wire [32:0] diff  = {1'b0, a_i} - {1'b0, b_i};   // diff[32]: a < b unsigned
  wire        lt_signed = (a_i[31] != b_i[31]) ? a_i[31] : diff[32];

  always @(*) begin
    case (op_i)
      4'b1000: result_o = diff[31:0];
      4'b0001: result_o = a_i << shamt;
      4'b0010: result_o = {31'd0, lt_signed};
      4'b0011: result_o = {31'd0, diff[32]};
      4'b0100: result_o = a_i ^ b_i;
      4'b0101: result_o = a_i >> shamt;
      4'b1101: result_o = $unsigned($signed(a_i) >>> shamt);
      4'b0110: result_o = a_i | b_i;
      4'b0111: result_o = a_i & b_i;
      default: result_o = a_i + b_i;
    endcase
  end
endmodule
`default_nettype wire
