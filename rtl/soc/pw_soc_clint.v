// pw_soc_clint: the CLINT of one hart (docs/soc.md): msip (+0x0, bit 0),
// mtimecmp (+0x4000, two words), mtime (+0xbff8, two words) that counts one
// per clock. Word accesses only (the fabric enforces it); hit_o says whether
// the offset is a register (the fabric makes any other one a bus error).
// mtimecmp resets to all ones, so no timer interrupt is pending until
// software sets it.
`default_nettype none
`include "pagewalk_core.vh"

module pw_soc_clint (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        sel_i,
  input  wire        we_i,
  input  wire [15:0] off_i,
  input  wire [31:0] wdata_i,
  output reg  [31:0] rdata_o,
  output reg         hit_o,          // off_i is one of the registers
  output wire        mtip_o,
  output wire        msip_o,
  output wire [63:0] mtime_o
);
  localparam [15:0] OFF_MSIP       = `PW_CLINT_MSIP;
  localparam [15:0] OFF_MTIMECMP   = `PW_CLINT_MTIMECMP;
  localparam [15:0] OFF_MTIMECMP_H = `PW_CLINT_MTIMECMP + 4;
  localparam [15:0] OFF_MTIME      = `PW_CLINT_MTIME;
  localparam [15:0] OFF_MTIME_H    = `PW_CLINT_MTIME + 4;

  reg        msip_q;
  reg [63:0] mtimecmp_q, mtime_q;
  wire       wr = sel_i && we_i;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      msip_q     <= 1'b0;
      mtimecmp_q <= {64{1'b1}};
      mtime_q    <= 64'd0;
    end else begin
      mtime_q <= mtime_q + 64'd1;
      if (wr && off_i == OFF_MSIP)       msip_q <= wdata_i[0];
      if (wr && off_i == OFF_MTIMECMP)   mtimecmp_q[31:0]  <= wdata_i;
      if (wr && off_i == OFF_MTIMECMP_H) mtimecmp_q[63:32] <= wdata_i;
      if (wr && off_i == OFF_MTIME)      mtime_q[31:0]     <= wdata_i;
      if (wr && off_i == OFF_MTIME_H)    mtime_q[63:32]    <= wdata_i;
    end
  end

  always @(*) begin
    hit_o = 1'b1;
    case (off_i)
      OFF_MSIP:       rdata_o = {31'd0, msip_q};
      OFF_MTIMECMP:   rdata_o = mtimecmp_q[31:0];
      OFF_MTIMECMP_H: rdata_o = mtimecmp_q[63:32];
      OFF_MTIME:      rdata_o = mtime_q[31:0];
      OFF_MTIME_H:    rdata_o = mtime_q[63:32];
      default:        begin rdata_o = 32'd0; hit_o = 1'b0; end
    endcase
  end

  assign mtip_o  = (mtime_q >= mtimecmp_q);
  assign msip_o  = msip_q;
  assign mtime_o = mtime_q;
endmodule
`default_nettype wire
