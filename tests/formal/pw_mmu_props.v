// pw_mmu_props: the safety properties of pw_mmu (docs/formal.md), written
// against its ports and documented timing (docs/mmu.md), not its internals.
//
// The checker keeps a shadow of the TLB from the trace port: each fill comes
// with its index and contents, and each sfence clears the shadow entries that
// docs/mmu.md says it covers. It also follows every walk on the memory port
// with its own Sv32 rules (docs/translation.md), written here from the
// specification rather than taken from pw_leaf_check. Requests are tracked
// from acceptance to response.
//
// Groups of assertions (one sby task each, chosen with a define):
//   CHECK_ISOLATION  a_iso_asid, a_iso_user, a_iso_super
//   CHECK_SFENCE     a_sfence_no_stale_hit, a_sfence_cancels_fill, a_sfence_spares
//   CHECK_NOFAULT    a_no_fault_fill
//   CHECK_VERDICT    a_hit_result, a_walk_request, a_walk_result, a_fill_expected,
//                    a_fill_contents
//   CHECK_LIVE       a_live_bound, a_ready_when_free (with e_mem_ready_bound,
//                    e_mem_resp_bound on the memory)
//   CHECK_TIMING     a_resp_due
//   CHECK_INTERNAL   g_*: the checker's state equals the RTL's (int_* inputs).
//                    They are proven like the rest and make the others
//                    inductive; only they name the RTL's internals, so an
//                    internal rewrite changes them (and internal.ys) alone.
//
// Assumptions: one request outstanding at a time; a hit or an untranslated
// request answers HitLatency (= 1) cycles after acceptance; the TLB lookup
// sees the entries as they are in the acceptance cycle.
`default_nettype none
`include "pagewalk_defs.vh"
`include "pw_assert.vh"
`include "pw_mmu_ports.vh"

module pw_mmu_props #(
  parameter integer TlbEntries = 4,
  parameter integer Svadu      = 0,
  parameter integer HitLatency = 1,   // cycles from acceptance to a hit's response
  parameter integer MaxStall   = 0,   // CHECK_LIVE: cycles mem_req_ready_i may stay low
  parameter integer MaxLatency = 1,   // CHECK_LIVE: cycles from handshake to response (>= 1)
  // Derived, not to be overridden.
  parameter integer IndexBits  = (TlbEntries > 1) ? $clog2(TlbEntries) : 1
) (
  input  wire        clk_i,
  // Every other port of pw_mmu, under the MMU's own names (cmodel/gen/mmu.ports).
  // The properties read all but the counters (and of sfence_vaddr_i only the VPN).
  /* verilator lint_off UNUSEDSIGNAL */
  `PW_MMU_CHECKER_PORTS,
  /* verilator lint_on UNUSEDSIGNAL */
  // from pw_mmu_protocol
  input  wire        checking_i,      // a reset edge has been seen
  input  wire        req_pending_i,
  input  wire        req_bare_i,
  input  wire [31:0] req_vaddr_q_i,
  input  wire [1:0]  req_access_q_i,
  input  wire        mem_pending_i,
  // CHECK_INTERNAL: the RTL's state, connected by tests/formal/internal.ys
  input  wire [TlbEntries-1:0]    int_valid_i,
  input  wire [TlbEntries*10-1:0] int_vpn1_i,
  input  wire [TlbEntries*10-1:0] int_vpn0_i,
  input  wire [TlbEntries-1:0]    int_mega_i,
  input  wire [TlbEntries*9-1:0]  int_asid_i,
  input  wire [TlbEntries-1:0]    int_global_i,
  input  wire [TlbEntries*22-1:0] int_ppn_i,
  input  wire [TlbEntries*5-1:0]  int_perm_i,
  input  wire [IndexBits-1:0]     int_victim_i,
  input  wire [2:0]               int_state_i,
  input  wire                     int_level_i,
  input  wire [31:0]              int_vaddr_i,
  input  wire [1:0]               int_access_i,
  input  wire [1:0]               int_priv_i,
  input  wire [33:0]              int_addr_i,
  input  wire [31:0]              int_wdata_i,
  input  wire                     int_walk_global_i,
  input  wire                     int_cancel_i,
  input  wire                     int_refill_i,
  input  wire [IndexBits-1:0]     int_refill_index_i
);
  localparam integer N = TlbEntries;
  localparam integer AccessCycles = MaxStall + 1 + MaxLatency;   // one memory access, at worst
  localparam integer Bound = (Svadu != 0 ? 3 : 2) * AccessCycles + 1;
  localparam integer AgeMax = 63;

  // ------------------------------------------------------------ Sv32, from the specification
  // Access encoding 0 load, 1 store, 2 and 3 fetch; privilege 0 U, 1 S, 2 and 3 M.
  // Whether a leaf with these flags refuses the access (privilege or R/W/X).
  function leaf_refuses;
    input [1:0] access, priv;
    input       sum, mxr, u, r, w, x;
    reg         may_touch, may_do;
    begin
      case (priv)
        2'd0:    may_touch = u;                       // U-mode: user pages only
        2'd1:    may_touch = !u || (sum && !access[1]); // S-mode: user pages with SUM, no fetch
        default: may_touch = 1'b1;
      endcase
      case (access)
        2'd0:    may_do = r || (mxr && x);
        2'd1:    may_do = w;
        default: may_do = x;
      endcase
      leaf_refuses = !(may_touch && may_do);
    end
  endfunction

  function [3:0] page_fault;
    input [1:0] access;
    page_fault = access[1] ? 4'd`PW_CAUSE_FETCH_PAGE_FAULT :
                 access[0] ? 4'd`PW_CAUSE_STORE_PAGE_FAULT : 4'd`PW_CAUSE_LOAD_PAGE_FAULT;
  endfunction

  function [3:0] access_fault;
    input [1:0] access;
    access_fault = access[1] ? 4'd`PW_CAUSE_FETCH_ACCESS :
                   access[0] ? 4'd`PW_CAUSE_STORE_ACCESS : 4'd`PW_CAUSE_LOAD_ACCESS;
  endfunction

  // The PA of a page: a megapage keeps VA[21:0], a page VA[11:0].
  function [33:0] page_pa;
    input [21:0] ppn;
    input        mega;
    input [31:0] va;
    page_pa = mega ? {ppn[21:10], va[21:0]} : {ppn, va[11:0]};
  endfunction

  wire [8:0] asid      = satp_i[`PW_SATP_ASID_HI:`PW_SATP_ASID_LO];
  wire       accept    = rst_ni && req_valid_i && req_ready_o;
  wire       translate = satp_i[`PW_SATP_MODE] && !req_priv_i[1];
  wire       req_store = (req_access_i == 2'd`PW_MMU_ACCESS_STORE);

  // ------------------------------------------------------------ the shadow TLB
  reg  [N-1:0]    sh_valid_q, sh_mega_q, sh_global_q;
  reg  [N*20-1:0] sh_vpn_q;
  reg  [N*9-1:0]  sh_asid_q;
  reg  [N*22-1:0] sh_ppn_q;
  reg  [N*5-1:0]  sh_perm_q;        // {D, U, X, W, R}

  // The entries as they are this cycle: the shadow, with the fill the trace
  // port reports (it happened at the last edge) laid over it.
  reg  [N-1:0]    valid, mega, glob;
  reg  [N*20-1:0] vpn;
  reg  [N*9-1:0]  easid;
  reg  [N*22-1:0] ppn;
  reg  [N*5-1:0]  perm;
  // Which entries translate the request, and which the sfence covers.
  reg  [N-1:0]    match, flush;
  integer i;
  always @* begin
    for (i = 0; i < N; i = i + 1) begin
      if (trace_fill_o && trace_fill_index_o == i) begin
        valid[i] = 1'b1;
        mega[i]  = trace_fill_mega_o;
        glob[i]  = trace_fill_global_o;
        vpn[i*20 +: 20]  = trace_fill_vpn_o;
        easid[i*9 +: 9]  = trace_fill_asid_o;
        ppn[i*22 +: 22]  = trace_fill_ppn_o;
        perm[i*5 +: 5]   = trace_fill_perm_o;
      end else begin
        valid[i] = sh_valid_q[i];
        mega[i]  = sh_mega_q[i];
        glob[i]  = sh_global_q[i];
        vpn[i*20 +: 20]  = sh_vpn_q[i*20 +: 20];
        easid[i*9 +: 9]  = sh_asid_q[i*9 +: 9];
        ppn[i*22 +: 22]  = sh_ppn_q[i*22 +: 22];
        perm[i*5 +: 5]   = sh_perm_q[i*5 +: 5];
      end
      match[i] = valid[i] && vpn[i*20+10 +: 10] == req_vaddr_i[31:22] &&
                 (mega[i] || vpn[i*20 +: 10] == req_vaddr_i[21:12]) &&
                 (glob[i] || easid[i*9 +: 9] == asid);
      flush[i] = (sfence_all_va_i ||
                  (vpn[i*20+10 +: 10] == sfence_vaddr_i[31:22] &&
                   (mega[i] || vpn[i*20 +: 10] == sfence_vaddr_i[21:12]))) &&
                 (sfence_all_asid_i || (!glob[i] && easid[i*9 +: 9] == sfence_asid_i));
    end
  end

  // The lookup: the lowest matching entry; the lowest invalid entry.
  reg                 sh_hit, any_invalid;
  reg [IndexBits-1:0] sh_index, first_invalid;
  always @* begin
    sh_hit = 1'b0; sh_index = {IndexBits{1'b0}};
    any_invalid = 1'b0; first_invalid = {IndexBits{1'b0}};
    for (i = N - 1; i >= 0; i = i - 1) begin
      if (match[i])  begin sh_hit = 1'b1;      sh_index = i[IndexBits-1:0];      end
      if (!valid[i]) begin any_invalid = 1'b1; first_invalid = i[IndexBits-1:0]; end
    end
  end

  // What a hit on the matching entry must answer.
  wire [4:0]  hit_perm   = perm[sh_index*5 +: 5];
  wire        hit_d      = hit_perm[4];
  wire        hit_refuse = leaf_refuses(req_access_i, req_priv_i, sum_i, mxr_i,
                                        hit_perm[3], hit_perm[0], hit_perm[1], hit_perm[2]);
  wire        hit_upgrade = Svadu != 0 && sh_hit && !hit_refuse && req_store && !hit_d;
  wire        hit_fault   = hit_refuse || (Svadu == 0 && req_store && !hit_d);
  wire        must_walk   = translate && (!sh_hit || hit_upgrade);
  wire [33:0] hit_pa      = page_pa(ppn[sh_index*22 +: 22], mega[sh_index], req_vaddr_i);

  // Per entry, for isolation: does it translate the VA in this address space,
  // may this privilege use it, and what PA it gives.
  reg [N-1:0]    iso_user_ok, iso_super_ok;
  reg [N*34-1:0] iso_pa;
  always @* begin
    for (i = 0; i < N; i = i + 1) begin
      iso_user_ok[i]  = perm[i*5 + 3];
      iso_super_ok[i] = !perm[i*5 + 3] || (sum_i && !req_access_i[1]);
      iso_pa[i*34 +: 34] = page_pa(ppn[i*22 +: 22], mega[i], req_vaddr_i);
    end
  end

  // ------------------------------------------------------------ request tracking
  reg                 busy_q;        // accepted, not yet answered
  reg                 bare_q;        // ... untranslated
  reg                 walk_q;        // ... the documented lookup says walk
  reg  [5:0]          age_q;         // cycles since acceptance (saturates)
  reg  [31:0]         va_q;
  reg  [1:0]          access_q, priv_q;
  reg                 hx_fault_q;    // the expected hit answer
  reg  [3:0]          hx_cause_q;
  reg  [33:0]         hx_pa_q;
  reg  [N-1:0]        iso_match_q, iso_user_q, iso_super_q;
  reg  [N*34-1:0]     iso_pa_q;
  reg                 refill_q;      // Svadu upgrade: refill the entry that hit
  reg  [IndexBits-1:0] refill_index_q;

  // The walk as the specification runs it.
  reg                 wk_q;          // walking, not decided yet
  reg                 wk_level_q;    // 1: root table
  reg  [33:0]         wk_addr_q;     // the PTE address of this level
  reg                 wk_write_q;    // the next access is the A/D write-back
  reg  [31:0]         wk_wdata_q;
  reg                 wk_out_q;      // an access is handshaken, its response not yet here
  reg                 wk_global_q;   // a pointer above had G
  reg                 wk_sfence_q;   // a sfence since acceptance
  reg  [IndexBits-1:0] victim_q;

  // The decision of the last edge, checked in this cycle (the response cycle).
  reg                 done_q, dx_fault_q, dx_fill_q, dx_cancel_q, dx_evict_q;
  reg  [3:0]          dx_cause_q;
  reg  [33:0]         dx_pa_q;
  reg  [IndexBits-1:0] dx_index_q;
  reg  [19:0]         dx_vpn_q;
  reg  [8:0]          dx_asid_q;
  reg                 dx_mega_q, dx_global_q;
  reg  [21:0]         dx_ppn_q;
  reg  [4:0]          dx_perm_q;

  // One step of the walk, in a cycle where its memory response arrives.
  wire        wk_resp = wk_q && wk_out_q && mem_resp_valid_i;
  wire [31:0] pte     = wk_write_q ? wk_wdata_q : mem_resp_rdata_i;
  wire pte_v = pte[`PW_PTE_V], pte_r = pte[`PW_PTE_R], pte_w = pte[`PW_PTE_W], pte_x = pte[`PW_PTE_X];
  wire pte_u = pte[`PW_PTE_U], pte_g = pte[`PW_PTE_G], pte_a = pte[`PW_PTE_A], pte_d = pte[`PW_PTE_D];
  wire [21:0] pte_ppn = pte[`PW_PTE_PPN_HI:`PW_PTE_PPN_LO];
  wire        wk_store = (access_q == 2'd`PW_MMU_ACCESS_STORE);
  reg st_done, st_fault, st_descend, st_write;
  reg [3:0] st_cause;
  always @* begin
    st_done = 1'b0; st_fault = 1'b0; st_descend = 1'b0; st_write = 1'b0; st_cause = 4'd0;
    if (wk_resp) begin
      if (mem_resp_err_i) begin                       // bus error: access fault
        st_done = 1'b1; st_fault = 1'b1; st_cause = access_fault(access_q);
      end else if (wk_write_q) begin                  // the write-back completed
        st_done = 1'b1;
      end else if (!pte_v || (pte_w && !pte_r)) begin // invalid
        st_done = 1'b1; st_fault = 1'b1; st_cause = page_fault(access_q);
      end else if (!pte_r && !pte_x) begin            // pointer
        if (pte_d || pte_a || pte_u || !wk_level_q) begin
          st_done = 1'b1; st_fault = 1'b1; st_cause = page_fault(access_q);
        end else begin
          st_descend = 1'b1;
        end
      end else if (leaf_refuses(access_q, priv_q, sum_i, mxr_i, pte_u, pte_r, pte_w, pte_x) ||
                   (wk_level_q && pte_ppn[9:0] != 10'd0)) begin  // refused, or misaligned megapage
        st_done = 1'b1; st_fault = 1'b1; st_cause = page_fault(access_q);
      end else if (!pte_a || (wk_store && !pte_d)) begin
        if (Svadu != 0) st_write = 1'b1;
        else begin st_done = 1'b1; st_fault = 1'b1; st_cause = page_fault(access_q); end
      end else begin
        st_done = 1'b1;
      end
    end
  end

  wire                 st_cancel = wk_sfence_q || sfence_valid_i;
  wire                 st_fill   = st_done && !st_fault && !st_cancel;
  wire [IndexBits-1:0] st_index  = refill_q ? refill_index_q : any_invalid ? first_invalid : victim_q;
  wire                 st_victim = st_fill && !refill_q && !any_invalid;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      sh_valid_q <= {N{1'b0}};
      busy_q     <= 1'b0;
      wk_q       <= 1'b0;
      done_q     <= 1'b0;
      victim_q   <= {IndexBits{1'b0}};
    end else begin
      // The shadow: the fill the trace reports, then this cycle's sfence.
      sh_valid_q  <= sfence_valid_i ? valid & ~flush : valid;
      sh_mega_q   <= mega;
      sh_global_q <= glob;
      sh_vpn_q    <= vpn;
      sh_asid_q   <= easid;
      sh_ppn_q    <= ppn;
      sh_perm_q   <= perm;

      if (accept) begin
        busy_q         <= 1'b1;
        bare_q         <= !translate;
        walk_q         <= must_walk;
        age_q          <= 6'd1;
        va_q           <= req_vaddr_i;
        access_q       <= req_access_i;
        priv_q         <= req_priv_i;
        hx_fault_q     <= hit_fault;
        hx_cause_q     <= hit_fault ? page_fault(req_access_i) : 4'd0;
        hx_pa_q        <= hit_fault ? 34'd0 : hit_pa;
        iso_match_q    <= match;
        iso_user_q     <= iso_user_ok;
        iso_super_q    <= iso_super_ok;
        iso_pa_q       <= iso_pa;
        refill_q       <= hit_upgrade;
        refill_index_q <= sh_index;
        wk_q           <= must_walk;
        wk_level_q     <= 1'b1;
        wk_addr_q      <= {satp_i[`PW_SATP_PPN_HI:`PW_SATP_PPN_LO], req_vaddr_i[31:22], 2'b00};
        wk_write_q     <= 1'b0;
        wk_out_q       <= 1'b0;
        wk_global_q    <= 1'b0;
        wk_sfence_q    <= sfence_valid_i;
      end else begin
        if (resp_valid_o) busy_q <= 1'b0;
        else if (busy_q && age_q != AgeMax[5:0]) age_q <= age_q + 6'd1;
        if (wk_q) begin
          if (sfence_valid_i) wk_sfence_q <= 1'b1;
          if (mem_req_valid_o && mem_req_ready_i) wk_out_q <= 1'b1;
          if (st_descend) begin
            wk_level_q  <= 1'b0;
            wk_addr_q   <= {pte_ppn, va_q[21:12], 2'b00};
            wk_global_q <= wk_global_q || pte_g;
            wk_out_q    <= 1'b0;
          end
          if (st_write) begin
            wk_write_q <= 1'b1;
            wk_wdata_q <= pte | (32'd1 << `PW_PTE_A) | ({31'd0, wk_store} << `PW_PTE_D);
            wk_out_q   <= 1'b0;
          end
          if (st_done) wk_q <= 1'b0;
        end
      end

      done_q      <= st_done;
      dx_fault_q  <= st_fault;
      dx_cause_q  <= st_cause;
      dx_pa_q     <= st_fault ? 34'd0 : page_pa(pte_ppn, wk_level_q, va_q);
      dx_fill_q   <= st_fill;
      dx_cancel_q <= st_cancel;
      dx_index_q  <= st_index;
      dx_evict_q  <= valid[st_index];
      dx_vpn_q    <= va_q[31:12];
      dx_asid_q   <= asid;
      dx_mega_q   <= wk_level_q;
      dx_global_q <= wk_global_q || pte_g;
      dx_ppn_q    <= pte_ppn;
      dx_perm_q   <= {pte_d, pte_u, pte_x, pte_w, pte_r};
      if (st_victim) victim_q <= (victim_q == N[IndexBits-1:0] - 1'b1) ? {IndexBits{1'b0}}
                                                                      : victim_q + 1'b1;
    end
  end

  // ------------------------------------------------------------ the properties
  wire at_hit_time = busy_q && !bare_q && age_q == HitLatency[5:0];
  // A translated request answered at hit latency, without a fault: a TLB hit.
  wire hit_answer  = at_hit_time && resp_valid_o && !resp_fault_o;
  reg  [N-1:0] pa_agrees;
  always @* for (i = 0; i < N; i = i + 1) pa_agrees[i] = iso_pa_q[i*34 +: 34] == resp_paddr_o;

  wire fill_ok = trace_fill_o && done_q;   // a fill reported at the end of a walk
  wire [IndexBits-1:0] fill_index = trace_fill_index_o[IndexBits-1:0];

  always @(posedge clk_i) begin
    if (checking_i) begin
`ifdef CHECK_ISOLATION
      // A hit comes from an entry of this address space (its ASID, or global)...
      `PW_ASSERT(a_iso_asid, !hit_answer || |(iso_match_q & pa_agrees))
      // ... that U-mode may use (U = 1) ...
      `PW_ASSERT(a_iso_user, !(hit_answer && priv_q == 2'd0) ||
                 |(iso_match_q & iso_user_q & pa_agrees))
      // ... and that S-mode may use (U = 0, or SUM and not a fetch).
      `PW_ASSERT(a_iso_super, !(hit_answer && priv_q == 2'd1) ||
                 |(iso_match_q & iso_super_q & pa_agrees))
`endif
`ifdef CHECK_SFENCE
      // No entry that an sfence covered (nor any never filled) answers a request.
      `PW_ASSERT(a_sfence_no_stale_hit, !(at_hit_time && walk_q && resp_valid_o))
      // A walk that saw an sfence after its acceptance fills nothing.
      `PW_ASSERT(a_sfence_cancels_fill, !(trace_fill_o && done_q && dx_cancel_q))
      // The entries an sfence must spare still hit.
      `PW_ASSERT(a_sfence_spares, !(at_hit_time && !walk_q) || resp_valid_o)
`endif
`ifdef CHECK_NOFAULT
      // Only a walk's successful end fills the TLB: never a faulting walk.
      `PW_ASSERT(a_no_fault_fill, !trace_fill_o || (done_q && resp_valid_o && !resp_fault_o))
`endif
`ifdef CHECK_VERDICT
      // A hit answers what a walk over the same entry's PTE answers.
      `PW_ASSERT(a_hit_result, !(at_hit_time && !walk_q) ||
                 (resp_fault_o == hx_fault_q && resp_cause_o == hx_cause_q && resp_paddr_o == hx_pa_q))
      // The walker reads (and writes back) the PTEs the specification names.
      `PW_ASSERT(a_walk_request, !(wk_q && mem_req_valid_o) ||
                 (mem_req_addr_o == wk_addr_q && mem_req_we_o == wk_write_q &&
                  (!wk_write_q || mem_req_wdata_o == wk_wdata_q)))
      // A walk answers what the specification decides over the PTEs it read.
      `PW_ASSERT(a_walk_result, !done_q ||
                 (resp_valid_o && resp_fault_o == dx_fault_q && resp_cause_o == dx_cause_q &&
                  resp_paddr_o == dx_pa_q))
      `PW_ASSERT(a_fill_expected, trace_fill_o == (done_q && dx_fill_q))
      // The entry filled holds the walk's translation, at the documented index.
      `PW_ASSERT(a_fill_contents, !fill_ok ||
                 (fill_index == dx_index_q && trace_fill_evict_o == dx_evict_q &&
                  trace_fill_vpn_o == dx_vpn_q && trace_fill_asid_o == dx_asid_q &&
                  trace_fill_mega_o == dx_mega_q && trace_fill_global_o == dx_global_q &&
                  trace_fill_ppn_o == dx_ppn_q && trace_fill_perm_o == dx_perm_q &&
                  trace_fill_index_o < N))
`endif
`ifdef CHECK_TIMING
      // Responses come exactly when due: at hit latency, or the cycle after a walk's end.
      `PW_ASSERT(a_resp_due, resp_valid_o == (busy_q && (walk_q ? done_q : age_q == HitLatency[5:0])))
`endif
`ifdef CHECK_LIVE
      `PW_ASSERT(a_live_bound, !(busy_q && !resp_valid_o && age_q >= Bound))
      `PW_ASSERT(a_ready_when_free, busy_q || req_ready_o)
`endif
    end
  end

  // ------------------------------------------------------------ bounded memory (CHECK_LIVE)
`ifdef CHECK_LIVE
  reg [3:0] stall_q, lat_q;
  always @(posedge clk_i) begin
    stall_q <= (rst_ni && mem_req_valid_o && !mem_req_ready_i) ? stall_q + 4'd1 : 4'd0;
    lat_q   <= (rst_ni && mem_req_valid_o && mem_req_ready_i) ? 4'd1 :
               (rst_ni && mem_pending_i && !mem_resp_valid_i) ? lat_q + 4'd1 : 4'd0;
    if (checking_i) begin
      `PW_ASSUME(e_mem_ready_bound, !(mem_req_valid_o && stall_q >= MaxStall) || mem_req_ready_i)
      `PW_ASSUME(e_mem_resp_bound, !(mem_pending_i && lat_q >= MaxLatency) || mem_resp_valid_i)
    end
  end
`endif

  // ------------------------------------------------------------ the RTL's state (CHECK_INTERNAL)
`ifdef CHECK_INTERNAL
  localparam [2:0] IDLE = 3'd0, READ = 3'd1, WAIT_READ = 3'd2, WRITE = 3'd3, WAIT_WRITE = 3'd4;
  reg [N-1:0] entry_same;
  always @* begin
    for (i = 0; i < N; i = i + 1)
      entry_same[i] = !valid[i] ||
        (vpn[i*20+10 +: 10] == int_vpn1_i[i*10 +: 10] && vpn[i*20 +: 10] == int_vpn0_i[i*10 +: 10] &&
         mega[i] == int_mega_i[i] && easid[i*9 +: 9] == int_asid_i[i*9 +: 9] &&
         glob[i] == int_global_i[i] && ppn[i*22 +: 22] == int_ppn_i[i*22 +: 22] &&
         perm[i*5 +: 5] == int_perm_i[i*5 +: 5]);
  end
  wire int_waiting = int_state_i == WAIT_READ || int_state_i == WAIT_WRITE;
  wire int_writing = int_state_i == WRITE || int_state_i == WAIT_WRITE;
  always @(posedge clk_i) begin
    if (checking_i) begin
      `PW_ASSERT(g_tlb_valid, valid == int_valid_i)
      `PW_ASSERT(g_tlb_entries, &entry_same)
      `PW_ASSERT(g_victim, victim_q == int_victim_i && victim_q < N)
      `PW_ASSERT(g_walker_state, int_state_i <= WAIT_WRITE && (int_state_i != IDLE) == wk_q)
      `PW_ASSERT(g_walker_regs, !wk_q ||
                 (wk_out_q == int_waiting && wk_write_q == int_writing &&
                  wk_level_q == int_level_i && wk_addr_q == int_addr_i && wk_addr_q[1:0] == 2'b00 &&
                  va_q == int_vaddr_i &&
                  access_q == int_access_i && priv_q == int_priv_i &&
                  wk_global_q == int_walk_global_i && wk_sfence_q == int_cancel_i &&
                  (!wk_write_q || wk_wdata_q == int_wdata_i) &&
                  refill_q == int_refill_i && (!refill_q || refill_index_q == int_refill_index_i)))
      `PW_ASSERT(g_tracking, req_pending_i == busy_q &&
                 (!busy_q || (req_bare_i == bare_q && req_vaddr_q_i == va_q &&
                              req_access_q_i == access_q)) && mem_pending_i == (wk_q && wk_out_q) &&
                 (!wk_q || (busy_q && walk_q && !done_q)) && (!done_q || (busy_q && walk_q)) &&
                 (!busy_q || walk_q || bare_q || age_q == HitLatency[5:0]) &&
                 (!(busy_q && bare_q) || age_q == HitLatency[5:0]) &&
                 (!(busy_q && walk_q && !wk_q) || done_q))
    end
  end
`else
  wire unused_internal = &{1'b0, req_bare_i, req_vaddr_q_i, req_access_q_i, int_valid_i, int_vpn1_i, int_vpn0_i, int_mega_i, int_asid_i,
                           int_global_i, int_ppn_i, int_perm_i, int_victim_i, int_state_i,
                           int_level_i, int_vaddr_i, int_access_i, int_priv_i, int_addr_i,
                           int_wdata_i, int_walk_global_i, int_cancel_i, int_refill_i,
                           int_refill_index_i};
`endif
endmodule

`default_nettype wire
