// pw_soc_finisher: the test finisher (QEMU's sifive_test). A word write of
// FINISHER_PASS ends the run with status 0; FINISHER_FAIL | code << 16 ends
// it with status code. Other values are ignored. done_o holds once set.
`default_nettype none
`include "pagewalk_defs.vh"

module pw_soc_finisher (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        sel_i,
  input  wire        we_i,
  input  wire [31:0] wdata_i,
  output reg         done_o,
  output reg  [15:0] code_o       // 0: pass
);
  localparam [15:0] PASS = `PW_FINISHER_PASS;
  localparam [15:0] FAIL = `PW_FINISHER_FAIL;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      done_o <= 1'b0;
      code_o <= 16'd0;
    end else if (sel_i && we_i && !done_o) begin
      if (wdata_i[15:0] == PASS) begin
        done_o <= 1'b1;
        code_o <= 16'd0;
      end else if (wdata_i[15:0] == FAIL) begin
        done_o <= 1'b1;
        code_o <= wdata_i[31:16];
      end
    end
  end
endmodule
`default_nettype wire
