// pw_mmu_ooc: pw_mmu out of context, for place-and-route reports.
//
// The MMU has about 420 ports; no iCE40 package has that many pins. This
// harness gives it four: every MMU input comes from one long shift register
// fed by din_i, and every MMU output goes through a pipelined XOR tree to
// dout_o. Nothing can be optimised away (each input bit is an independent
// register, each output bit reaches the pin), and every path through the
// MMU starts and ends at a flip-flop, as it would inside a system.
// docs/fpga.md, "Synthesis reports", says how its figures are used.
`default_nettype none

module pw_mmu_ooc #(
  parameter integer TlbEntries     = 8,
  parameter integer Svadu          = 0,
  parameter integer HitLatency     = 1,
  parameter integer CounterBits    = 32,
  parameter integer SfenceFlushAll = 0,
  parameter integer PpnInBram      = 0
) (
  input  wire clk_i,
  input  wire rst_ni,
  input  wire din_i,
  output wire dout_o
);
  localparam integer InBits  = 150;   // every MMU input but clock and reset
  localparam integer OutBits = 269;   // every MMU output but the trace port

  reg [InBits-1:0] in_q;
  always @(posedge clk_i) in_q <= {in_q[InBits-2:0], din_i};

  wire [OutBits-1:0] out;

  pw_mmu #(.TlbEntries(TlbEntries), .Svadu(Svadu), .HitLatency(HitLatency),
           .CounterBits(CounterBits), .SfenceFlushAll(SfenceFlushAll), .PpnInBram(PpnInBram),
           .TracePort(0)) u_mmu (
    .clk_i, .rst_ni,
    .satp_i            (in_q[31:0]),
    .sum_i             (in_q[32]),
    .mxr_i             (in_q[33]),
    .req_valid_i       (in_q[34]),
    .req_vaddr_i       (in_q[66:35]),
    .req_access_i      (in_q[68:67]),
    .req_priv_i        (in_q[70:69]),
    .sfence_valid_i    (in_q[71]),
    .sfence_vaddr_i    (in_q[103:72]),
    .sfence_asid_i     (in_q[112:104]),
    .sfence_all_va_i   (in_q[113]),
    .sfence_all_asid_i (in_q[114]),
    .mem_req_ready_i   (in_q[115]),
    .mem_resp_valid_i  (in_q[116]),
    .mem_resp_rdata_i  (in_q[148:117]),
    .mem_resp_err_i    (in_q[149]),
    .req_ready_o       (out[0]),
    .resp_valid_o      (out[1]),
    .resp_paddr_o      (out[35:2]),
    .resp_fault_o      (out[36]),
    .resp_cause_o      (out[40:37]),
    .mem_req_valid_o   (out[41]),
    .mem_req_addr_o    (out[75:42]),
    .mem_req_we_o      (out[76]),
    .mem_req_wdata_o   (out[108:77]),
    .cnt_hits_o        (out[140:109]),
    .cnt_misses_o      (out[172:141]),
    .cnt_walks_o       (out[204:173]),
    .cnt_faults_o      (out[236:205]),
    .cnt_walk_cycles_o (out[268:237]),
    /* verilator lint_off PINCONNECTEMPTY */
    .trace_fill_o(), .trace_fill_index_o(), .trace_fill_evict_o(), .trace_fill_vpn_o(),
    .trace_fill_asid_o(), .trace_fill_mega_o(), .trace_fill_global_o(), .trace_fill_ppn_o(),
    .trace_fill_perm_o()
    /* verilator lint_on PINCONNECTEMPTY */
  );

  // XOR tree, four inputs (one LUT4) and a register per node:
  // 269 -> 68 -> 17 -> 5 -> 2 -> 1 bits.
  reg  [67:0] x1_q;
  reg  [16:0] x2_q;
  reg  [4:0]  x3_q;
  reg  [1:0]  x4_q;
  reg         x5_q;
  wire [271:0] x0 = {3'b000, out};
  wire [67:0]  x1 = {x1_q};
  wire [19:0]  x2 = {3'b000, x2_q};
  wire [7:0]   x3 = {3'b000, x3_q};
  integer i;
  always @(posedge clk_i) begin
    for (i = 0; i < 68; i = i + 1) x1_q[i] <= ^x0[4*i +: 4];
    for (i = 0; i < 17; i = i + 1) x2_q[i] <= ^x1[4*i +: 4];
    for (i = 0; i < 5;  i = i + 1) x3_q[i] <= ^x2[4*i +: 4];
    for (i = 0; i < 2;  i = i + 1) x4_q[i] <= ^x3[4*i +: 4];
    x5_q <= ^x4_q;
  end
  assign dout_o = x5_q;
endmodule

`default_nettype wire
