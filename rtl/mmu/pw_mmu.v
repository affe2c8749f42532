// pw_mmu: the Sv32 MMU top (docs/mmu.md): request path, TLB, walker,
// response registers and counters.
//
// A hit answers HitLatency cycles after acceptance (1, 2 or 3), one
// translation per cycle; a miss holds req_ready_o low from the cycle after
// its acceptance while the walker runs, and answers after the walk.
//
//   HitLatency 1: compare, pick and check in the cycle of acceptance.
//   HitLatency 2: compare and per-entry checks | pick and respond.
//   HitLatency 3: compare and per-entry checks | pick | respond.
// With 2 and 3 (pw_hit_pipe), the match vector is registered at acceptance,
// a miss is known in the next cycle (which is when its walk starts), and the
// walk ends in a DONE cycle after its decision (pw_walker_pipe).
`default_nettype none
`include "pagewalk_defs.vh"

module pw_mmu #(
  parameter integer TlbEntries     = 8,   // 4 to 32
  parameter integer Svadu          = 0,   // A/D policy: 0 Svade, 1 Svadu
  parameter integer HitLatency     = 1,   // cycles from acceptance to a hit's response: 1, 2, 3
  parameter integer CounterBits    = 32,  // 0 (no counters), 16 or 32
  parameter integer SfenceFlushAll = 0,   // 1: every sfence.vma flushes every entry
  parameter integer PpnInBram      = 0,   // 1: TLB PPNs in block RAM (HitLatency 3 only)
  parameter integer TracePort      = 0    // 1: drive the trace_fill_* outputs (simulation, traces)
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
  // counters: CounterBits wide, zero-extended
  output wire [31:0] cnt_hits_o,
  output wire [31:0] cnt_misses_o,
  output wire [31:0] cnt_walks_o,
  output wire [31:0] cnt_faults_o,
  output wire [31:0] cnt_walk_cycles_o,
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
  localparam integer Pipelined = (HitLatency > 1) ? 1 : 0;
  localparam integer PpnRead   = (HitLatency == 1) ? 0 : (HitLatency == 2) ? 1 : (PpnInBram != 0) ? 3 : 2;

  // Parameters out of range stop elaboration here, naming what is wrong.
  generate
    if (HitLatency < 1 || HitLatency > 3) begin : g_bad_latency
      pw_mmu_error_HitLatency_must_be_1_2_or_3 u_error ();
    end
    if (CounterBits != 0 && CounterBits != 16 && CounterBits != 32) begin : g_bad_counters
      pw_mmu_error_CounterBits_must_be_0_16_or_32 u_error ();
    end
    if (PpnInBram != 0 && HitLatency != 3) begin : g_bad_bram
      pw_mmu_error_PpnInBram_needs_HitLatency_3 u_error ();
    end
  endgenerate

  wire [8:0] asid      = satp_i[`PW_SATP_ASID_HI:`PW_SATP_ASID_LO];
  wire       idle;
  wire       ready;
  wire       accept    = req_valid_i && ready;
  wire       translate = satp_i[`PW_SATP_MODE] && !req_priv_i[1];

  // The TLB: compare on the request inputs, payload, fill, flush.
  wire [TlbEntries-1:0]    match;
  wire [5*TlbEntries-1:0]  entry_perm;
  wire [TlbEntries-1:0]    pick_match;    // the match vector the TLB picks from
  wire                     hit;
  wire [IndexBits-1:0]     hit_index;
  wire [TlbEntries-1:0]    hit_onehot;
  wire [21:0]              hit_ppn;
  wire                     hit_mega;
  wire [7:0]               hit_flags;
  wire [21:0]              ppn_rd;
  wire [IndexBits-1:0]     fill_index;
  wire                     fill_overwrites;

  // What starts a walk, and the request it walks for.
  wire                 start_walk;
  wire [31:0]          start_vaddr;
  wire [1:0]           start_access, start_priv;
  wire                 start_cancel;     // a sfence since acceptance
  wire                 start_refill;     // a Svadu store on a clean entry
  wire [IndexBits-1:0] start_refill_index;

  // The response the request path loads at this edge (passthrough or hit).
  // Passthrough when not ans_translate (PA = ans_vaddr); else a hit, whose
  // ans_paddr and ans_cause count only without and with ans_fault.
  wire        ans_valid, ans_translate, ans_fault;
  wire [31:0] ans_vaddr;
  wire [33:0] ans_paddr;
  wire [3:0]  ans_cause;

  generate
    if (HitLatency == 1) begin : g_hit1
      // Compare, pick and check in the cycle of acceptance.
      wire       hit_deny, hit_ad_clear;
      wire [3:0] hit_cause;
      wire [3:0] unused_hit_access_cause;  // a hit never touches memory
      assign pick_match = match;

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
      wire [33:0] hit_paddr = hit_mega ? {hit_ppn[21:10], req_vaddr_i[21:0]}
                                       : {hit_ppn, req_vaddr_i[11:0]};

      assign ready              = idle;
      assign start_walk         = accept && miss;
      assign start_vaddr        = req_vaddr_i;
      assign start_access       = req_access_i;
      assign start_priv         = req_priv_i;
      assign start_cancel       = sfence_valid_i;
      assign start_refill       = hit_upgrade;
      assign start_refill_index = hit_index;

      assign ans_valid     = accept && !miss;
      assign ans_translate = translate;
      assign ans_vaddr     = req_vaddr_i;
      assign ans_paddr     = hit_paddr;
      assign ans_fault     = hit_fault;
      assign ans_cause     = hit_cause;
      wire unused_hit1 = &{1'b0, ppn_rd, entry_perm, hit_onehot};
    end else begin : g_pipe
      wire miss;
      wire start_cancel_acceptance;
      pw_hit_pipe #(.TlbEntries(TlbEntries), .Svadu(Svadu), .HitLatency(HitLatency)) u_pipe (
        .clk_i, .rst_ni,
        .accept_i            (accept),
        .translate_i         (translate),
        .vaddr_i             (req_vaddr_i),
        .access_i            (req_access_i),
        .priv_i              (req_priv_i),
        .sum_i, .mxr_i, .sfence_valid_i,
        .match_i             (match),
        .perm_i              (entry_perm),
        .pick_match_o        (pick_match),
        .hit_i               (hit),
        .hit_index_i         (hit_index),
        .hit_onehot_i        (hit_onehot),
        .hit_ppn_i           (hit_ppn),
        .hit_mega_i          (hit_mega),
        .ppn_rd_i            (ppn_rd),
        .miss_o              (miss),
        .walk_vaddr_o        (start_vaddr),
        .walk_access_o       (start_access),
        .walk_priv_o         (start_priv),
        .walk_sfence_o       (start_cancel_acceptance),
        .walk_refill_o       (start_refill),
        .walk_refill_index_o (start_refill_index),
        .ans_valid_o         (ans_valid),
        .ans_translate_o     (ans_translate),
        .ans_vaddr_o         (ans_vaddr),
        .ans_paddr_o         (ans_paddr),
        .ans_fault_o         (ans_fault),
        .ans_cause_o         (ans_cause)
      );
      // The request behind a miss is refused; the walk starts at this edge.
      assign ready        = idle && !miss;
      assign start_walk   = miss;
      assign start_cancel = start_cancel_acceptance || sfence_valid_i;
      wire unused_pipe = &{1'b0, hit_flags};
    end
  endgenerate

  // A walk started by a Svadu D update rewrites the entry that hit.
  reg                 refill_q;
  reg [IndexBits-1:0] refill_index_q;
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      refill_q       <= 1'b0;
      refill_index_q <= {IndexBits{1'b0}};
    end else if (start_walk) begin
      refill_q       <= start_refill;
      refill_index_q <= start_refill_index;
    end
  end

  wire        done, done_fault, done_fill;
  wire [3:0]  done_cause;
  wire [33:0] done_paddr;
  wire [19:0] fill_vpn;
  wire        fill_mega, fill_global;
  wire [21:0] fill_ppn;
  wire [4:0]  fill_perm;

  // The walker: the one-cycle MMU's, or the pipelined MMU's (a walk ends in
  // a registered DONE cycle). The two have the same ports and one connection
  // list, so a port one of them lacks or adds fails the build.
`define PW_WALKER_CONNECTIONS \
        .clk_i, .rst_ni, \
        .root_ppn_i      (satp_i[`PW_SATP_PPN_HI:`PW_SATP_PPN_LO]), \
        .sum_i, .mxr_i, \
        .start_i         (start_walk), \
        .start_vaddr_i   (start_vaddr), \
        .start_access_i  (start_access), \
        .start_priv_i    (start_priv), \
        .start_cancel_i  (start_cancel), \
        .sfence_valid_i, \
        .idle_o          (idle), \
        .mem_req_valid_o, .mem_req_ready_i, .mem_req_addr_o, .mem_req_we_o, .mem_req_wdata_o, \
        .mem_resp_valid_i, .mem_resp_rdata_i, .mem_resp_err_i, \
        .done_o          (done), \
        .done_fault_o    (done_fault), \
        .done_cause_o    (done_cause), \
        .done_paddr_o    (done_paddr), \
        .done_fill_o     (done_fill), \
        .fill_vpn_o      (fill_vpn), \
        .fill_mega_o     (fill_mega), \
        .fill_global_o   (fill_global), \
        .fill_ppn_o      (fill_ppn), \
        .fill_perm_o     (fill_perm)
  generate
    if (HitLatency == 1) begin : g_walker
      pw_walker #(.Svadu(Svadu)) u_walker (`PW_WALKER_CONNECTIONS);
    end else begin : g_walker_pipe
      pw_walker_pipe #(.Svadu(Svadu)) u_walker (`PW_WALKER_CONNECTIONS);
    end
  endgenerate
`undef PW_WALKER_CONNECTIONS

  pw_tlb #(.TlbEntries(TlbEntries), .Registered(Pipelined), .FlushAll(SfenceFlushAll),
           .PpnRead(PpnRead)) u_tlb (
    .clk_i, .rst_ni,
    .lookup_vpn_i        (req_vaddr_i[31:12]),
    .lookup_asid_i       (asid),
    .match_o             (match),
    .perm_o              (entry_perm),
    .pick_match_i        (pick_match),
    .hit_o               (hit),
    .hit_index_o         (hit_index),
    .hit_onehot_o        (hit_onehot),
    .hit_ppn_o           (hit_ppn),
    .hit_mega_o          (hit_mega),
    .hit_flags_o         (hit_flags),
    .ppn_rd_o            (ppn_rd),
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

  assign req_ready_o = ready;

  // Responses: from the request path (passthrough or hit) or the walker.
  // They never meet at one edge: no walk ends while a hit is in flight.
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      resp_valid_o <= 1'b0;
      resp_paddr_o <= 34'd0;
      resp_fault_o <= 1'b0;
      resp_cause_o <= 4'd0;
    end else begin
      resp_valid_o <= ans_valid || done;
      if (ans_valid && !ans_translate) begin
        resp_paddr_o <= {2'b00, ans_vaddr};
        resp_fault_o <= 1'b0;
        resp_cause_o <= 4'd0;
      end else if (ans_valid) begin
        resp_paddr_o <= ans_fault ? 34'd0 : ans_paddr;
        resp_fault_o <= ans_fault;
        resp_cause_o <= ans_fault ? ans_cause : 4'd0;
      end else if (done) begin
        resp_paddr_o <= done_paddr;
        resp_fault_o <= done_fault;
        resp_cause_o <= done_cause;
      end
    end
  end

  // Counters; the pipelined MMU counts each event a cycle late.
  wire hit_answer = ans_valid && ans_translate;
  pw_counters #(.CounterBits(CounterBits), .Late(Pipelined)) u_counters (
    .clk_i, .rst_ni,
    .hit_i         (hit_answer),
    .miss_i        (start_walk),
    .walk_i        (done),
    .fault_i       ((hit_answer && ans_fault) || (done && done_fault)),
    .walking_i     (!idle),
    .hits_o        (cnt_hits_o),
    .misses_o      (cnt_misses_o),
    .walks_o       (cnt_walks_o),
    .faults_o      (cnt_faults_o),
    .walk_cycles_o (cnt_walk_cycles_o)
  );

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
  // and SYNTHESIS (which yosys defines) keeps them out regardless. The
  // checker sees every port (rtl/include/pw_mmu_ports.vh, included here so
  // that synthesis never needs it).
`ifdef PW_ASSERTIONS
`ifndef SYNTHESIS
`include "pw_mmu_ports.vh"
  /* verilator lint_off PINCONNECTEMPTY */
  pw_mmu_protocol #(.Svadu(Svadu), .HitLatency(HitLatency)) u_protocol (
    .clk_i           (clk_i),
    // every other port of this module, to the checker's port of the same name
    `PW_MMU_CONNECT_SAME,
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
