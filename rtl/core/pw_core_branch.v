// pw_core_branch: the condition of a conditional branch, by funct3:
//   000 beq  001 bne  100 blt  101 bge  110 bltu  111 bgeu
// (010 and 011 are illegal and never reach here.)
`default_nettype none

module pw_core_branch (
  input  wire [2:0]  funct3_i,
  input  wire [31:0] rs1_i,
  input  wire [31:0] rs2_i,
  output wire        taken_o
);
  wire eq  = (rs1_i == rs2_i);
  wire ltu = (rs1_i < rs2_i);
  wire lt  = (rs1_i[31] != rs2_i[31]) ? rs1_i[31] : ltu;
  reg  cond;

  always @(*) begin
    case (funct3_i[2:1])
      2'b00:   cond = eq;
      2'b10:   cond = lt;
      2'b11:   cond = ltu;
      default: cond = eq;
    endcase
  end

  // funct3[0] inverts: bne, bge, bgeu.
  assign taken_o = cond ^ funct3_i[0];
endmodule
`default_nettype wire
