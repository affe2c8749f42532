// pw_core_muldiv: the M extension, one bit per cycle. start_i (one cycle)
// loads the operands; done_o is 1 for one cycle 33 cycles later with result_o.
// funct3: 000 mul, 001 mulh, 010 mulhsu, 011 mulhu,
//         100 div, 101 divu, 110 rem, 111 remu.
//
// Both units work on magnitudes and fix the sign at the end. Division by
// zero gives all ones (div) and the dividend (rem), as the ISA says; the
// signed overflow case (-2^31 / -1) falls out of the magnitude arithmetic.
`default_nettype none

module pw_core_muldiv (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        start_i,
  input  wire [2:0]  funct3_i,
  input  wire [31:0] a_i,
  input  wire [31:0] b_i,
  output reg         done_o,
  output wire [31:0] result_o
);
  wire is_div   = funct3_i[2];
  wire a_signed = is_div ? !funct3_i[0] : (funct3_i[1:0] == 2'b01 || funct3_i[1:0] == 2'b10);
  wire b_signed = is_div ? !funct3_i[0] : (funct3_i[1:0] == 2'b01);
  wire a_neg    = a_signed && a_i[31];
  wire b_neg    = b_signed && b_i[31];
  wire [31:0] a_mag = a_neg ? (~a_i + 32'd1) : a_i;
  wire [31:0] b_mag = b_neg ? (~b_i + 32'd1) : b_i;

  reg [2:0]  funct3_q;
  reg        busy_q;
  reg [5:0]  count_q;
  reg        neg_q;        // negate the product / quotient
  reg        rem_neg_q;    // negate the remainder (sign of the dividend)
  reg        div_zero_q;
  reg [31:0] a_q;          // original dividend, for division by zero
  reg [31:0] b_mag_q;
  reg [63:0] acc_q;        // mul: {hi, lo} of the product; div: {remainder, dividend/quotient}

  // One step of each algorithm.
  wire [32:0] mul_sum  = {1'b0, acc_q[63:32]} + (acc_q[0] ? {1'b0, b_mag_q} : 33'd0);
  wire [63:0] mul_next = {mul_sum, acc_q[31:1]};
  wire [32:0] div_rem  = {acc_q[63:32], acc_q[31]};          // remainder shifted in one bit
  wire        div_fits = (div_rem >= {1'b0, b_mag_q});
  wire [31:0] div_sub  = div_rem[31:0] - b_mag_q;          // used when it fits
  // The remainder stays below the divisor, so it fits in 32 bits again.
  wire [63:0] div_next = {div_fits ? div_sub : div_rem[31:0], acc_q[30:0], div_fits};

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      busy_q  <= 1'b0;
      done_o  <= 1'b0;
      count_q <= 6'd0;
    end else begin
      done_o <= 1'b0;
      if (start_i) begin
        busy_q     <= 1'b1;
        count_q    <= 6'd32;
        funct3_q   <= funct3_i;
        neg_q      <= a_neg ^ b_neg;
        rem_neg_q  <= a_neg;
        div_zero_q <= (b_i == 32'd0);
        a_q        <= a_i;
        b_mag_q    <= b_mag;
        acc_q      <= {32'd0, a_mag};
      end else if (busy_q) begin
        acc_q   <= funct3_q[2] ? div_next : mul_next;
        count_q <= count_q - 6'd1;
        if (count_q == 6'd1) begin
          busy_q <= 1'b0;
          done_o <= 1'b1;
        end
      end
    end
  end

  // Mul: acc_q[63:0] is the magnitude product. Div: acc_q[31:0] the quotient,
  // acc_q[63:32] the remainder.
  wire [63:0] product  = neg_q ? (~acc_q[63:0] + 64'd1) : acc_q[63:0];
  wire [31:0] quotient = neg_q ? (~acc_q[31:0] + 32'd1) : acc_q[31:0];
  wire [31:0] rem      = rem_neg_q ? (~acc_q[63:32] + 32'd1) : acc_q[63:32];

  reg [31:0] result;
  always @(*) begin
    case (funct3_q)
      3'b000:  result = product[31:0];
      3'b001,
      3'b010,
      3'b011:  result = product[63:32];
      3'b100,
      3'b101:  result = div_zero_q ? 32'hffffffff : quotient;
      default: result = div_zero_q ? a_q : rem;
    endcase
  end
  assign result_o = result;
endmodule
`default_nettype wire
