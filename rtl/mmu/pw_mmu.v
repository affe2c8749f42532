// pw_mmu: the Sv32 MMU top (docs/mmu.md): request path, TLB, walker,
// response registers and counters.
//
// A hit answers one cycle after acceptance; a miss holds req_ready_o low
// while the walker runs and answers the cycle after the last memory response.
`default_nettype none
`include "pagewalk_defs.vh"

module pw_mmu #(
  parameter integer TlbEntries = 8,   // 4 to 32
  parameter integer Svadu      = 0,   // A/D policy: 0 Svade, 1 Svadu
  parameter integer TracePort  = 0    // 1: drive the trace_fill_* outputs (simulation, traces)
) (
  input  wire        clk_i,
  input  wire        rst_ni,           // synchronous, active low
  // context (stable while a request is outstanding)
  input  wire [31:0] satp_i,
  input  wire        sum_i,
  input  wire        mxr_i,
  // request
  input  wire        req_valid_i,
  output wire        req_ready_o,
  input  wire [31:0] req_vaddr_i,
  input  wire [1:0]  req_access_i,     // 0 load, 1 store, 2 fetch
  input  wire [1:0]  req_priv_i,       // 0 U, 1 S, 3 M
  // response: one-cycle pulse; the payload holds until the next one
  output reg         resp_valid_o,
  output reg  [33:0] resp_paddr_o,
  output reg         resp_fault_o,
  output reg  [3:0]  resp_cause_o,
  // sfence.vma
  input  wire        sfence_valid_i,
  // The page offset of an sfence VA is ignored, as the architecture says.
  /* verilator lint_off UNUSEDSIGNAL */
  input  wire [31:0] sfence_vaddr_i,
  /* verilator lint_on UNUSEDSIGNAL */
  input  wire [8:0]  sfence_asid_i,
  input  wire        sfence_all_va_i,  // rs1 = x0
  input  wire        sfence_all_asid_i,// rs2 = x0
  // walker memory port
  output wire        mem_req_valid_o,
  input  wire        mem_req_ready_i,
  output wire [33:0] mem_req_addr_o,
  output wire        mem_req_we_o,
  output wire [31:0] mem_req_wdata_o,
  input  wire        mem_resp_valid_i,
  input  wire [31:0] mem_resp_rdata_i,
  input  wire        mem_resp_err_i,
  // counters
  output reg  [31:0] cnt_hits_o,
  output reg  [31:0] cnt_misses_o,
  output reg  [31:0] cnt_walks_o,
  output reg  [31:0] cnt_faults_o,
  output reg  [31:0] cnt_walk_cycles_o,
  // trace port: what the last edge wrote into the TLB (all 0 unless TracePort)
  output wire        trace_fill_o,      // an entry was written at the last edge
  output wire [4:0]  trace_fill_index_o,
  output wire        trace_fill_evict_o,// ... replacing a valid entry
  output wire [19:0] trace_fill_vpn_o,
  output wire [8:0]  trace_fill_asid_o,
  output wire        trace_fill_mega_o,
  output wire        trace_fill_global_o,
  output wire [21:0] trace_fill_ppn_o,
  output wire [4:0]  trace_fill_perm_o  // {D, U, X, W, R}
);
  localparam integer IndexBits = (TlbEntries > 1) ? $clog2(TlbEntries) : 1;

  wire [8:0] asid      = satp_i[`PW_SATP_ASID_HI:`PW_SATP_ASID_LO];
  wire       idle;
  wire       accept    = req_valid_i && idle;
  wire       translate = satp_i[`PW_SATP_MODE] && !req_priv_i[1];

  // TLB lookup and the hit check.
  wire                 hit;
  wire [IndexBits-1:0] hit_index;
  wire [IndexBits-1:0] fill_index;
  wire                 fill_overwrites;
  wire [21:0]          hit_ppn;
  wire                 hit_mega;
  wire [7:0]           hit_flags;
  wire                 hit_deny, hit_ad_clear;
  wire [3:0]           hit_cause;
  wire [3:0]           unused_hit_access_cause;  // a hit never touches memory

  pw_leaf_check u_hit_check (
    .access_i            (req_access_i),
    .priv_i              (req_priv_i),
    .sum_i               (sum_i),
    .mxr_i               (mxr_i),
    .flags_i             (hit_flags),
    .deny_o              (hit_deny),
    .ad_clear_o          (hit_ad_clear),
    .page_fault_cause_o  (hit_cause),
    .access_fault_cause_o(unused_hit_access_cause)
  );

  // A cached entry has A set, so ad_clear on a hit means a store with D = 0.
  wire hit_fault   = hit_deny || (hit_ad_clear && Svadu == 0);
  wire hit_upgrade = hit && !hit_deny && hit_ad_clear && Svadu != 0;  // walk to set D
  wire miss        = translate && (!hit || hit_upgrade);
  wire start_walk  = accept && miss;

  // A walk started by a Svadu D update rewrites the entry that hit.
  reg                 refill_q;
  reg [IndexBits-1:0] refill_index_q;
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      refill_q       <= 1'b0;
      refill_index_q <= {IndexBits{1'b0}};
    end else if (start_walk) begin
      refill_q       <= hit_upgrade;
      refill_index_q <= hit_index;
    end
  end

  wire        done, done_fault, done_fill;
  wire [3:0]  done_cause;
  wire [33:0] done_paddr;
  wire [19:0] fill_vpn;
  wire        fill_mega, fill_global;
  wire [21:0] fill_ppn;
  wire [4:0]  fill_perm;

  pw_walker #(.Svadu(Svadu)) u_walker (
    .clk_i, .rst_ni,
    .root_ppn_i      (satp_i[`PW_SATP_PPN_HI:`PW_SATP_PPN_LO]),
    .sum_i, .mxr_i,
    .start_i         (start_walk),
    .start_vaddr_i   (req_vaddr_i),
    .start_access_i  (req_access_i),
    .start_priv_i    (req_priv_i),
    .sfence_valid_i,
    .idle_o          (idle),
    .mem_req_valid_o, .mem_req_ready_i, .mem_req_addr_o, .mem_req_we_o, .mem_req_wdata_o,
    .mem_resp_valid_i, .mem_resp_rdata_i, .mem_resp_err_i,
    .done_o          (done),
    .done_fault_o    (done_fault),
    .done_cause_o    (done_cause),
    .done_paddr_o    (done_paddr),
    .done_fill_o     (done_fill),
    .fill_vpn_o      (fill_vpn),
    .fill_mega_o     (fill_mega),
    .fill_global_o   (fill_global),
    .fill_ppn_o      (fill_ppn),
    .fill_perm_o     (fill_perm)
  );

  pw_tlb #(.TlbEntries(TlbEntries)) u_tlb (
    .clk_i, .rst_ni,
    .lookup_vpn_i        (req_vaddr_i[31:12]),
    .lookup_asid_i       (asid),
    .hit_o               (hit),
    .hit_index_o         (hit_index),
    .hit_ppn_o           (hit_ppn),
    .hit_mega_o          (hit_mega),
    .hit_flags_o         (hit_flags),
    .fill_i              (done_fill),
    .fill_refill_i       (refill_q),
    .fill_refill_index_i (refill_index_q),
    .fill_vpn_i          (fill_vpn),
    .fill_mega_i         (fill_mega),
    .fill_asid_i         (asid),
    .fill_global_i       (fill_global),
    .fill_ppn_i          (fill_ppn),
    .fill_perm_i         (fill_perm),
    .sfence_valid_i,
    .sfence_vpn_i        (sfence_vaddr_i[31:12]),
    .sfence_asid_i,
    .sfence_all_va_i,
    .sfence_all_asid_i,
    .fill_index_o        (fill_index),
    .fill_overwrites_o   (fill_overwrites)
  );

  assign req_ready_o = idle;

  // Responses: from the request path (passthrough or hit) or the walker.
  wire        answer_now = accept && !miss;
  wire [33:0] hit_paddr  = hit_mega ? {hit_ppn[21:10], req_vaddr_i[21:0]}
                                    : {hit_ppn, req_vaddr_i[11:0]};
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      resp_valid_o <= 1'b0;
      resp_paddr_o <= 34'd0;
      resp_fault_o <= 1'b0;
      resp_cause_o <= 4'd0;
    end else begin
      resp_valid_o <= answer_now || done;
      if (answer_now && !translate) begin
        resp_paddr_o <= {2'b00, req_vaddr_i};
        resp_fault_o <= 1'b0;
        resp_cause_o <= 4'd0;
      end else if (answer_now) begin
        resp_paddr_o <= hit_fault ? 34'd0 : hit_paddr;
        resp_fault_o <= hit_fault;
        resp_cause_o <= hit_fault ? hit_cause : 4'd0;
      end else if (done) begin
        resp_paddr_o <= done_paddr;
        resp_fault_o <= done_fault;
        resp_cause_o <= done_cause;
      end
    end
  end

  // Counters.
  wire hit_answer = answer_now && translate;
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      cnt_hits_o        <= 32'd0;
      cnt_misses_o      <= 32'd0;
      cnt_walks_o       <= 32'd0;
      cnt_faults_o      <= 32'd0;
      cnt_walk_cycles_o <= 32'd0;
    end else begin
      if (hit_answer) cnt_hits_o <= cnt_hits_o + 32'd1;
      if (start_walk) cnt_misses_o <= cnt_misses_o + 32'd1;
      if (done) cnt_walks_o <= cnt_walks_o + 32'd1;
      if ((hit_answer && hit_fault) || (done && done_fault)) cnt_faults_o <= cnt_faults_o + 32'd1;
      if (!idle) cnt_walk_cycles_o <= cnt_walk_cycles_o + 32'd1;
    end
  end

  // Trace port: registered, so like every output it depends on state alone.
  generate
    if (TracePort != 0) begin : g_trace
      // Zero-extended through a word: a replication of zero bits is not Verilog-2005.
      /* verilator lint_off UNUSEDSIGNAL */
      wire [31:0] fill_index_word = {{(32 - IndexBits){1'b0}}, fill_index};
      /* verilator lint_on UNUSEDSIGNAL */
      reg        fill_q, evict_q, mega_q, global_q;
      reg [4:0]  index_q, perm_q;
      reg [19:0] vpn_q;
      reg [8:0]  asid_q;
      reg [21:0] ppn_q;
      always @(posedge clk_i) begin
        if (!rst_ni) begin
          fill_q <= 1'b0; evict_q <= 1'b0; mega_q <= 1'b0; global_q <= 1'b0;
          index_q <= 5'd0; perm_q <= 5'd0; vpn_q <= 20'd0; asid_q <= 9'd0; ppn_q <= 22'd0;
        end else begin
          fill_q <= done_fill;
          if (done_fill) begin
            index_q  <= fill_index_word[4:0];
            evict_q  <= fill_overwrites;
            vpn_q    <= fill_vpn;
            asid_q   <= asid;
            mega_q   <= fill_mega;
            global_q <= fill_global;
            ppn_q    <= fill_ppn;
            perm_q   <= fill_perm;
          end
        end
      end
      assign trace_fill_o        = fill_q;
      assign trace_fill_index_o  = index_q;
      assign trace_fill_evict_o  = evict_q;
      assign trace_fill_vpn_o    = vpn_q;
      assign trace_fill_asid_o   = asid_q;
      assign trace_fill_mega_o   = mega_q;
      assign trace_fill_global_o = global_q;
      assign trace_fill_ppn_o    = ppn_q;
      assign trace_fill_perm_o   = perm_q;
    end else begin : g_no_trace
      wire unused_trace = &{1'b0, fill_index, fill_overwrites};
      assign trace_fill_o        = 1'b0;
      assign trace_fill_index_o  = 5'd0;
      assign trace_fill_evict_o  = 1'b0;
      assign trace_fill_vpn_o    = 20'd0;
      assign trace_fill_asid_o   = 9'd0;
      assign trace_fill_mega_o   = 1'b0;
      assign trace_fill_global_o = 1'b0;
      assign trace_fill_ppn_o    = 22'd0;
      assign trace_fill_perm_o   = 5'd0;
    end
  endgenerate

  // The interface rules of docs/mmu.md, checked in simulation: context stable
  // while a request is outstanding, a response only to an accepted and
  // unanswered request, a memory request held until taken (and the rest of
  // rtl/check/pw_mmu_protocol.v, the rules the formal proofs use). A
  // simulation compiles them in with +define+PW_ASSERTIONS (-DPW_ASSERTIONS),
  // -Irtl/check and rtl/check/pw_mmu_protocol.v; synthesis never defines it,
  // and SYNTHESIS (which yosys defines) keeps them out regardless.
`ifdef PW_ASSERTIONS
`ifndef SYNTHESIS
  /* verilator lint_off PINCONNECTEMPTY */
  pw_mmu_protocol #(.Svadu(Svadu)) u_protocol (
    .clk_i           (clk_i),
    .rst_ni          (rst_ni),
    .satp_i          (satp_i),
    .sum_i           (sum_i),
    .mxr_i           (mxr_i),
    .req_valid_i     (req_valid_i),
    .req_ready_o     (req_ready_o),
    .req_vaddr_i     (req_vaddr_i),
    .req_access_i    (req_access_i),
    .req_priv_i      (req_priv_i),
    .resp_valid_o    (resp_valid_o),
    .resp_paddr_o    (resp_paddr_o),
    .resp_fault_o    (resp_fault_o),
    .resp_cause_o    (resp_cause_o),
    .mem_req_valid_o (mem_req_valid_o),
    .mem_req_ready_i (mem_req_ready_i),
    .mem_req_addr_o  (mem_req_addr_o),
    .mem_req_we_o    (mem_req_we_o),
    .mem_req_wdata_o (mem_req_wdata_o),
    .mem_resp_valid_i(mem_resp_valid_i),
    .checking_o      (),
    .req_pending_o   (),
    .req_bare_o      (),
    .req_vaddr_o     (),
    .req_access_o    (),
    .mem_pending_o   ()
  );
  /* verilator lint_on PINCONNECTEMPTY */
`endif
`endif
endmodule

`default_nettype wire
