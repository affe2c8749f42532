// pw_core_regfile: 31 general registers and x0, two read ports and one write
// port. Reads are synchronous (the addresses are sampled at the edge where
// read_i is 1, the data holds until the next read), so on an iCE40 the array
// maps onto block RAM. x0 reads zero whatever the array holds; writes to x0 are
// dropped.
`default_nettype none

module pw_core_regfile (
  input  wire        clk_i,
  input  wire        read_i,      // sample raddr1_i/raddr2_i at this edge
  input  wire [4:0]  raddr1_i,
  input  wire [4:0]  raddr2_i,
  output wire [31:0] rdata1_o,
  output wire [31:0] rdata2_o,
  input  wire        we_i,
  input  wire [4:0]  waddr_i,
  input  wire [31:0] wdata_i
);
  reg [31:0] regs_q [0:31];
  reg [31:0] rdata1_q, rdata2_q;
  reg        zero1_q, zero2_q;

  // Registers start at zero, as in the ISS (and as block RAM powers up).
  integer i;
  initial begin
    for (i = 0; i < 32; i = i + 1) regs_q[i] = 32'd0;
    rdata1_q = 32'd0;
    rdata2_q = 32'd0;
    zero1_q  = 1'b1;
    zero2_q  = 1'b1;
  end

  always @(posedge clk_i) begin
    if (we_i && waddr_i != 5'd0) regs_q[waddr_i] <= wdata_i;
  end

  always @(posedge clk_i) begin
    if (read_i) begin
      rdata1_q <= regs_q[raddr1_i];
      rdata2_q <= regs_q[raddr2_i];
      zero1_q  <= (raddr1_i == 5'd0);
      zero2_q  <= (raddr2_i == 5'd0);
    end
  end

  assign rdata1_o = zero1_q ? 32'd0 : rdata1_q;
  assign rdata2_o = zero2_q ? 32'd0 : rdata2_q;
endmodule
`default_nettype wire
