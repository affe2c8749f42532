// pw_hit_pipe: the pipelined request path of pw_mmu, HitLatency 2 or 3
// (docs/mmu.md, "Hit latency").
//
//   cycle a     acceptance: the TLB compares the request (pw_tlb), and each
//               entry's leaf check runs beside the compare; the match vector,
//               the per-entry results and the request are registered (stage 1).
//   cycle a+1   stage 1: pick the lowest matching entry. A miss (or a Svadu
//               store on a clean entry) starts the walk at this edge, and
//               req_ready_o is 0 in this cycle (the top's job, from miss_o).
//               HitLatency 2: the response is loaded at this edge.
//               HitLatency 3: the picked entry is registered (stage 2), its
//               PPN by pw_tlb's read port (which may be a RAM).
//   cycle a+2   HitLatency 3, stage 2: the response is loaded.
//
// Nothing in the pipeline ever waits: a hit's response is due at a fixed
// edge, and no walk ends while a hit is in flight (a walk starts only when
// the request behind it was refused).
`default_nettype none
`include "pagewalk_defs.vh"

module pw_hit_pipe #(
  parameter integer TlbEntries = 8,
  parameter integer Svadu      = 0,
  parameter integer HitLatency = 2,   // 2 or 3
  // Derived, not to be overridden (Verilog-2005 has no localparam here).
  parameter integer IndexBits = (TlbEntries > 1) ? $clog2(TlbEntries) : 1
) (
  input  wire                     clk_i,
  input  wire                     rst_ni,
  // the request in the cycle of acceptance
  input  wire                     accept_i,
  input  wire                     translate_i,     // Sv32 and not M-mode
  input  wire [31:0]              vaddr_i,
  input  wire [1:0]               access_i,
  input  wire [1:0]               priv_i,
  input  wire                     sum_i,
  input  wire                     mxr_i,
  input  wire                     sfence_valid_i,
  // the TLB: this cycle's compare, every entry's flags, and its pick of
  // the match vector registered here (HitLatency 3: the PPN a cycle later)
  input  wire [TlbEntries-1:0]    match_i,
  input  wire [5*TlbEntries-1:0]  perm_i,
  output wire [TlbEntries-1:0]    pick_match_o,
  input  wire                     hit_i,
  input  wire [IndexBits-1:0]     hit_index_i,
  input  wire [TlbEntries-1:0]    hit_onehot_i,
  input  wire [21:0]              hit_ppn_i,
  input  wire                     hit_mega_i,
  input  wire [21:0]              ppn_rd_i,
  // stage 1 missed: start the walk at this edge (from stage-1 registers)
  output wire                     miss_o,
  output wire [31:0]              walk_vaddr_o,
  output wire [1:0]               walk_access_o,
  output wire [1:0]               walk_priv_o,
  output wire                     walk_sfence_o,   // a sfence in the acceptance cycle
  output wire                     walk_refill_o,   // Svadu store on a clean entry: rewrite it
  output wire [IndexBits-1:0]     walk_refill_index_o,
  // the response to load at this edge: passthrough (PA = VA) or a hit
  output wire                     ans_valid_o,
  output wire                     ans_translate_o, // 0: passthrough
  output wire [31:0]              ans_vaddr_o,
  output wire [33:0]              ans_paddr_o,     // a hit's PA (meaningless on a fault)
  output wire                     ans_fault_o,     // a hit's page fault
  output wire [3:0]               ans_cause_o      // ... and its cause
);
  // ---------------------------------------------------------------- cycle a
  // Per-entry leaf checks on the request, beside the compare: HitLatency 2
  // uses them for the response, Svadu for the clean-store upgrade.
  wire [TlbEntries-1:0] entry_fault, entry_upgrade;
  genvar g;
  generate
    for (g = 0; g < TlbEntries; g = g + 1) begin : g_entry
      wire [4:0] perm = perm_i[5*g +: 5];  // {D, U, X, W, R}
      wire       deny, ad_clear;
      /* verilator lint_off UNUSEDSIGNAL */
      wire [3:0] unused_pf, unused_af;     // the cause comes from the access type
      /* verilator lint_on UNUSEDSIGNAL */
      pw_leaf_check u_check (
        .access_i            (access_i),
        .priv_i              (priv_i),
        .sum_i               (sum_i),
        .mxr_i               (mxr_i),
        .flags_i             ({perm[4], 1'b1, 1'b0, perm[3], perm[2:0], 1'b0}),
        .deny_o              (deny),
        .ad_clear_o          (ad_clear),
        .page_fault_cause_o  (unused_pf),
        .access_fault_cause_o(unused_af)
      );
      // A cached entry has A set, so ad_clear means a store with D = 0.
      assign entry_fault[g]   = deny || (ad_clear && Svadu == 0);
      assign entry_upgrade[g] = !deny && ad_clear && Svadu != 0;
    end
  endgenerate

  // ---------------------------------------------------------------- stage 1
  reg                  s1_valid_q;
  reg                  s1_translate_q;
  reg [31:0]           s1_vaddr_q;
  reg [1:0]            s1_access_q, s1_priv_q;
  reg                  s1_sfence_q;
  reg [TlbEntries-1:0] s1_match_q, s1_fault_q, s1_upgrade_q;
  always @(posedge clk_i) begin
    if (!rst_ni) s1_valid_q <= 1'b0;
    else         s1_valid_q <= accept_i;
    // Payload: meaningful only with s1_valid_q, so loaded every cycle.
    s1_translate_q <= translate_i;
    s1_vaddr_q     <= vaddr_i;
    s1_access_q    <= access_i;
    s1_priv_q      <= priv_i;
    s1_sfence_q    <= sfence_valid_i;
    s1_match_q     <= match_i;
    s1_fault_q     <= entry_fault;
    s1_upgrade_q   <= entry_upgrade;
  end

  assign pick_match_o = s1_match_q;
  wire                 hit        = hit_i;
  wire [IndexBits-1:0] index      = hit_index_i;
  wire [21:0]          pick_ppn   = hit_ppn_i;
  wire                 pick_mega  = hit_mega_i;
  // The picked entry's per-entry results.
  wire fault   = |(hit_onehot_i & s1_fault_q);
  wire upgrade = (Svadu != 0) && |(hit_onehot_i & s1_upgrade_q);

  wire miss    = s1_valid_q && s1_translate_q && (!hit || upgrade);

  assign miss_o              = miss;
  assign walk_vaddr_o        = s1_vaddr_q;
  assign walk_access_o       = s1_access_q;
  assign walk_priv_o         = s1_priv_q;
  assign walk_sfence_o       = s1_sfence_q;
  assign walk_refill_o       = upgrade;
  assign walk_refill_index_o = index;

  wire [3:0] page_fault_cause =
      s1_access_q[1]                           ? 4'd`PW_CAUSE_FETCH_PAGE_FAULT :
      s1_access_q == 2'd`PW_MMU_ACCESS_STORE   ? 4'd`PW_CAUSE_STORE_PAGE_FAULT :
                                                 4'd`PW_CAUSE_LOAD_PAGE_FAULT;

  generate
    if (HitLatency == 2) begin : g_respond_at_1
      wire [33:0] pa = pick_mega ? {pick_ppn[21:10], s1_vaddr_q[21:0]}
                                 : {pick_ppn, s1_vaddr_q[11:0]};
      assign ans_valid_o     = s1_valid_q && !miss;
      assign ans_translate_o = s1_translate_q;
      assign ans_vaddr_o     = s1_vaddr_q;
      assign ans_paddr_o     = pa;
      assign ans_fault_o     = fault;
      assign ans_cause_o     = page_fault_cause;
      wire unused = &{1'b0, ppn_rd_i};
    end else begin : g_stage2
      // ------------------------------------------------------------ stage 2
      reg        s2_valid_q, s2_translate_q, s2_fault_q, s2_mega_q;
      reg [31:0] s2_vaddr_q;
      reg [3:0]  s2_cause_q;
      always @(posedge clk_i) begin
        if (!rst_ni) s2_valid_q <= 1'b0;
        else         s2_valid_q <= s1_valid_q && !miss;
        s2_translate_q <= s1_translate_q;
        s2_fault_q     <= fault;
        s2_vaddr_q     <= s1_vaddr_q;
        s2_cause_q     <= page_fault_cause;
        s2_mega_q      <= pick_mega;
      end
      wire [21:0] ppn = ppn_rd_i;
      wire unused = &{1'b0, pick_ppn};
      wire [33:0] pa  = s2_mega_q ? {ppn[21:10], s2_vaddr_q[21:0]} : {ppn, s2_vaddr_q[11:0]};
      assign ans_valid_o     = s2_valid_q;
      assign ans_translate_o = s2_translate_q;
      assign ans_vaddr_o     = s2_vaddr_q;
      assign ans_paddr_o     = pa;
      assign ans_fault_o     = s2_fault_q;
      assign ans_cause_o     = s2_cause_q;
    end
  endgenerate
endmodule

`default_nettype wire
