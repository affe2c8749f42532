// pw_soc_arbiter: two bus masters onto one bus (docs/soc.md, "The bus").
// Master 0 is the MMU's page-table walker and wins a tie; master 1 is the
// core. A grant holds from the request handshake until the slave's response,
// so each master sees exactly its own responses. One access is in flight at
// a time.
`default_nettype none

module pw_soc_arbiter (
  input  wire        clk_i,
  input  wire        rst_ni,
  // master 0: the walker (word accesses)
  input  wire        m0_req_valid_i,
  output wire        m0_req_ready_o,
  input  wire [33:0] m0_req_addr_i,
  input  wire        m0_req_we_i,
  input  wire [31:0] m0_req_wdata_i,
  output wire        m0_resp_valid_o,
  // master 1: the core
  input  wire        m1_req_valid_i,
  output wire        m1_req_ready_o,
  input  wire [33:0] m1_req_addr_i,
  input  wire        m1_req_we_i,
  input  wire [1:0]  m1_req_size_i,
  input  wire [3:0]  m1_req_wstrb_i,
  input  wire [31:0] m1_req_wdata_i,
  output wire        m1_resp_valid_o,
  // the slave side (its rdata and err go to both masters unchanged)
  output wire        s_req_valid_o,
  input  wire        s_req_ready_i,
  output wire [33:0] s_req_addr_o,
  output wire        s_req_we_o,
  output wire [1:0]  s_req_size_o,
  output wire [3:0]  s_req_wstrb_o,
  output wire [31:0] s_req_wdata_o,
  input  wire        s_resp_valid_i
);
  reg busy_q;    // an access is in flight
  reg owner_q;   // whose: 0 walker, 1 core

  wire pick_m1 = !m0_req_valid_i;     // the walker first
  assign s_req_valid_o = !busy_q && (m0_req_valid_i || m1_req_valid_i);
  assign s_req_addr_o  = pick_m1 ? m1_req_addr_i  : m0_req_addr_i;
  assign s_req_we_o    = pick_m1 ? m1_req_we_i    : m0_req_we_i;
  assign s_req_size_o  = pick_m1 ? m1_req_size_i  : 2'd2;
  assign s_req_wstrb_o = pick_m1 ? m1_req_wstrb_i : {4{m0_req_we_i}};
  assign s_req_wdata_o = pick_m1 ? m1_req_wdata_i : m0_req_wdata_i;

  wire handshake = s_req_valid_o && s_req_ready_i;
  assign m0_req_ready_o = !busy_q && s_req_ready_i && !pick_m1;
  assign m1_req_ready_o = !busy_q && s_req_ready_i && pick_m1;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      busy_q  <= 1'b0;
      owner_q <= 1'b0;
    end else if (handshake) begin
      busy_q  <= 1'b1;
      owner_q <= pick_m1;
    end else if (s_resp_valid_i) begin
      busy_q  <= 1'b0;
    end
  end

  assign m0_resp_valid_o = s_resp_valid_i && busy_q && !owner_q;
  assign m1_resp_valid_o = s_resp_valid_i && busy_q &&  owner_q;
endmodule
`default_nettype wire
