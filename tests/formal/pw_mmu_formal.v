// pw_mmu_formal: the formal top (docs/formal.md). pw_mmu with its trace port,
// every input free except for the environment rules: reset in the first
// cycle, then the assumptions of pw_mmu_protocol (and, for CHECK_LIVE, a
// memory that answers in bounded time). Beside it the interface checker
// (rtl/check/pw_mmu_protocol.v) and the properties (pw_mmu_props.v).
//
// Every port of pw_mmu reaches the MMU, the checker and the properties under
// its own name (rtl/include/pw_mmu_ports.vh, from cmodel/gen/mmu.ports): a
// port added there reaches all three.
//
// The int_* nets are left undriven here: tests/formal/internal.ys connects
// them to the RTL's state after flattening (CHECK_INTERNAL).
`default_nettype none
`include "pw_mmu_ports.vh"

module pw_mmu_formal #(
  parameter integer TlbEntries = 4,
  parameter integer Svadu      = 0,
  // 2 and 3: the pipelined MMU, checked by pipe.sby against the interface
  // rules alone (pw_mmu_props follows one request at a time: latency 1)
  parameter integer HitLatency = 1
) (
  input  wire        clk_i,
  // every other input of pw_mmu, free (cmodel/gen/mmu.ports)
  `PW_MMU_INPUT_PORTS
);
  localparam integer IndexBits = (TlbEntries > 1) ? $clog2(TlbEntries) : 1;

  // pw_mmu's outputs, under the names of its ports
  `PW_MMU_OUTPUT_WIRES

  pw_mmu #(.TlbEntries(TlbEntries), .Svadu(Svadu), .HitLatency(HitLatency), .TracePort(1)) u_dut (
    .clk_i(clk_i),
    `PW_MMU_CONNECT_SAME
  );

  // Reset in the first cycle; after that rst_ni is free like any input.
  reg first_q = 1'b1;
  always @(posedge clk_i) first_q <= 1'b0;
  always @* if (first_q) assume (!rst_ni);

  wire        checking, req_pending, req_bare, mem_pending;
  wire [31:0] req_vaddr_q;
  wire [1:0]  req_access_q;
  pw_mmu_protocol #(.Svadu(Svadu), .HitLatency(HitLatency)) u_protocol (
    .clk_i(clk_i),
    `PW_MMU_CONNECT_SAME,
    .checking_o(checking), .req_pending_o(req_pending), .req_bare_o(req_bare), .req_vaddr_o(req_vaddr_q),
    .req_access_o(req_access_q), .mem_pending_o(mem_pending)
  );

  // The RTL's state for CHECK_INTERNAL, driven by internal.ys.
  wire [TlbEntries-1:0]    int_valid, int_mega, int_global;
  wire [TlbEntries*10-1:0] int_vpn1, int_vpn0;
  wire [TlbEntries*9-1:0]  int_asid;
  wire [TlbEntries*22-1:0] int_ppn;
  wire [TlbEntries*5-1:0]  int_perm;
  wire [IndexBits-1:0]     int_victim, int_refill_index;
  wire [2:0]               int_state;
  wire                     int_level, int_walk_global, int_cancel, int_refill;
  wire [31:0]              int_vaddr, int_wdata;
  wire [1:0]               int_access, int_priv;
  wire [33:0]              int_addr;

  pw_mmu_props #(.TlbEntries(TlbEntries), .Svadu(Svadu)) u_props (
    .clk_i(clk_i),
    `PW_MMU_CONNECT_SAME,
    .checking_i(checking), .req_pending_i(req_pending), .req_bare_i(req_bare), .req_vaddr_q_i(req_vaddr_q),
    .req_access_q_i(req_access_q), .mem_pending_i(mem_pending),
    .int_valid_i(int_valid), .int_vpn1_i(int_vpn1), .int_vpn0_i(int_vpn0),
    .int_mega_i(int_mega), .int_asid_i(int_asid), .int_global_i(int_global),
    .int_ppn_i(int_ppn), .int_perm_i(int_perm), .int_victim_i(int_victim),
    .int_state_i(int_state), .int_level_i(int_level), .int_vaddr_i(int_vaddr),
    .int_access_i(int_access), .int_priv_i(int_priv), .int_addr_i(int_addr),
    .int_wdata_i(int_wdata), .int_walk_global_i(int_walk_global), .int_cancel_i(int_cancel),
    .int_refill_i(int_refill), .int_refill_index_i(int_refill_index)
  );
endmodule

`default_nettype wire
