// pw_mmu_protocol: the interface rules of pw_mmu (docs/mmu.md, "Interface",
// "Memory port protocol") as a checker that sees only the MMU's ports.
//
// Rules on the environment are PW_ASSUMEs (a formal tool assumes them; a
// simulation checks its testbench with them); rules on the MMU are
// PW_ASSERTs. Every rule is checked from the cycle after the first reset on.
// Not synthesized: the formal wrapper (tests/formal/pw_mmu_formal.v) and
// pw_mmu itself under PW_ASSERTIONS instantiate it beside the MMU, wired to
// the same nets with `PW_MMU_CONNECT_SAME (rtl/include/pw_mmu_ports.vh).
//
// HitLatency (1, 2, 3) is the MMU's: a request is answered no sooner than
// HitLatency cycles after its acceptance, and with 2 and 3 up to HitLatency
// requests are in flight, answered in order. "The request" below is the
// oldest unanswered one; a walk is for the newest.
//
//   rule                 on   says
//   e_context_stable     env  satp, SUM, MXR hold from acceptance to the response
//                             (or to a reset, which ends the request)
//   e_mem_resp_expected  env  a memory response answers an outstanding handshake,
//                             at least one cycle after it
//   a_resp_expected      mmu  a response answers an accepted, unanswered request,
//                             no sooner than HitLatency cycles after acceptance
//   a_blocking           mmu  a request unanswered HitLatency cycles after
//                             acceptance (a miss) holds req_ready_o low, and
//                             nothing was accepted behind it
//   a_resp_fields        mmu  a fault has PA 0 and a cause of the access type;
//                             a success has cause 0
//   a_bare               mmu  M-mode or satp.MODE = 0: PA = VA, no fault,
//                             HitLatency cycles after acceptance
//   a_mem_req_in_walk    mmu  a memory request only while a translated request
//                             is unanswered, and never while an access is outstanding
//   a_mem_req_held       mmu  a request not taken is held with the same address,
//                             we and data
//   a_mem_aligned        mmu  PTE addresses are word aligned
//   a_mem_no_write       mmu  Svade (Svadu = 0) never writes memory
`default_nettype none
`include "pagewalk_defs.vh"
`include "pw_assert.vh"
`include "pw_mmu_ports.vh"

module pw_mmu_protocol #(
  parameter integer Svadu      = 0,
  parameter integer HitLatency = 1
) (
  input  wire        clk_i,
  // Every other port of pw_mmu, under the MMU's own names (cmodel/gen/mmu.ports).
  // The rules read the context, request, response and memory ports (of
  // req_priv_i only bit 1: M-mode, or the reserved 2); the sfence, the
  // counters, the trace port and the memory's data and error they leave alone.
  /* verilator lint_off UNUSEDSIGNAL */
  `PW_MMU_CHECKER_PORTS,
  /* verilator lint_on UNUSEDSIGNAL */
  // what this checker tracks, for checkers that build on it
  output wire        checking_o,      // the rules apply: a reset edge has been seen
  output wire        req_pending_o,   // accepted, not yet answered (the oldest such request)
  output wire        req_bare_o,      // ... untranslated
  output wire [31:0] req_vaddr_o,     // ... its VA
  output wire [1:0]  req_access_o,    // ... its access type
  output wire        mem_pending_o    // a memory handshake awaits its response
);
  wire accept    = rst_ni && req_valid_i && req_ready_o;
  wire mem_shake = rst_ni && mem_req_valid_o && mem_req_ready_i;
  wire [33:0] ctx = {satp_i, sum_i, mxr_i};
  wire        bare_now = !satp_i[`PW_SATP_MODE] || req_priv_i[1];

  reg        started_q;               // a reset edge has been seen
  reg        mem_pend_q, held_q, held_we_q;
  reg [33:0] held_addr_q;
  reg [31:0] held_wdata_q;

  // The requests in flight, as the rules read them (from the registers of
  // the generate block below: one request at HitLatency 1, a queue otherwise).
  wire        pend;                   // a request is unanswered
  wire        bare0;                  // the oldest is untranslated
  wire [31:0] va0;                    // ... its VA
  wire [1:0]  access0;                // ... its access type
  wire        due0;                   // ... accepted HitLatency or more cycles ago
  wire        fresh0;                 // ... accepted exactly HitLatency cycles ago
  wire        ctx_held;               // satp, SUM, MXR equal those of every unanswered
                                      // request's acceptance (the oldest's only when
                                      // it is answered now); a reset cycle ends them all
  wire        alone;                  // the oldest is the only one unanswered
  wire        walk_translated;        // the newest unanswered request is translated

  initial started_q = 1'b0;
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      started_q  <= 1'b1;
      mem_pend_q <= 1'b0;
      held_q     <= 1'b0;
    end else begin
      if (mem_shake)             mem_pend_q <= 1'b1;
      else if (mem_resp_valid_i) mem_pend_q <= 1'b0;
      held_q       <= mem_req_valid_o && !mem_req_ready_i;
      held_addr_q  <= mem_req_addr_o;
      held_we_q    <= mem_req_we_o;
      held_wdata_q <= mem_req_wdata_o;
    end
  end

  generate
    if (HitLatency <= 1) begin : g_one
      // One request at a time (the formal proofs build on these registers).
      reg        pend_q, bare_q, age1_q;
      reg [33:0] ctx_q;               // {satp, sum, mxr} at acceptance
      reg [31:0] va_q;
      reg [1:0]  access_q;
      always @(posedge clk_i) begin
        age1_q <= accept;
        if (!rst_ni) begin
          pend_q <= 1'b0;
        end else if (accept) begin
          pend_q   <= 1'b1;
          bare_q   <= bare_now;
          ctx_q    <= ctx;
          va_q     <= req_vaddr_i;
          access_q <= req_access_i;
        end else if (resp_valid_o) begin
          pend_q <= 1'b0;
        end
      end
      assign pend            = pend_q;
      assign bare0           = bare_q;
      assign va0             = va_q;
      assign access0         = access_q;
      assign due0            = 1'b1;
      assign fresh0          = age1_q;
      assign ctx_held        = !rst_ni || !pend_q || resp_valid_o || ctx == ctx_q;
      assign alone           = 1'b1;
      assign walk_translated = !bare_q;
    end else begin : g_queue
      // Up to HitLatency requests in flight, oldest in slot 0.
      localparam integer D = HitLatency;
      reg [1:0]    count_q;
      reg [D-1:0]  bare_q;
      reg [34*D-1:0] ctx_q;
      reg [32*D-1:0] va_q;
      reg [2*D-1:0]  access_q;
      reg [2*D-1:0]  age_q;           // cycles since acceptance, saturating at 3
      wire pop  = resp_valid_o && count_q != 2'd0;
      wire [1:0] kept = count_q - {1'b0, pop};
      integer i;
      always @(posedge clk_i) begin
        if (!rst_ni) begin
          count_q <= 2'd0;
        end else begin
          for (i = 0; i < D; i = i + 1) begin
            // shift out the answered request, age the rest
            if (pop && i + 1 < D) begin
              bare_q[i]          <= bare_q[i+1];
              ctx_q[34*i +: 34]  <= ctx_q[34*(i+1) +: 34];
              va_q[32*i +: 32]   <= va_q[32*(i+1) +: 32];
              access_q[2*i +: 2] <= access_q[2*(i+1) +: 2];
              age_q[2*i +: 2]    <= (age_q[2*(i+1) +: 2] == 2'd3) ? 2'd3 : age_q[2*(i+1) +: 2] + 2'd1;
            end else if (!pop) begin
              age_q[2*i +: 2]    <= (age_q[2*i +: 2] == 2'd3) ? 2'd3 : age_q[2*i +: 2] + 2'd1;
            end
            if (accept && {30'd0, kept} == i) begin
              bare_q[i]          <= bare_now;
              ctx_q[34*i +: 34]  <= ctx;
              va_q[32*i +: 32]   <= req_vaddr_i;
              access_q[2*i +: 2] <= req_access_i;
              age_q[2*i +: 2]    <= 2'd0;
            end
          end
          // a request beyond D in flight is dropped here; a_blocking reports it
          count_q <= kept + {1'b0, accept && {30'd0, kept} != D};
        end
      end
      assign pend            = count_q != 2'd0;
      assign bare0           = bare_q[0];
      assign va0             = va_q[31:0];
      assign access0         = access_q[1:0];
      // age_q is 0 in the cycle after acceptance
      assign due0            = {30'd0, age_q[1:0]} >= HitLatency - 1;
      assign fresh0          = {30'd0, age_q[1:0]} == HitLatency - 1;
      assign ctx_held        = !rst_ni || (!pend || resp_valid_o || ctx == ctx_q[33:0]) &&
                               (count_q < 2'd2 || ctx == ctx_q[34 +: 34]);
      assign alone           = count_q == 2'd1;
      assign walk_translated = (count_q == 2'd1) ? !bare_q[0] :
                               (count_q == 2'd2) ? !bare_q[1] : !bare_q[D-1];
    end
  endgenerate

  assign checking_o    = started_q;
  assign req_pending_o = pend;
  assign req_bare_o    = bare0;
  assign req_vaddr_o   = va0;
  assign req_access_o  = access0;
  assign mem_pending_o = mem_pend_q;

  wire       is_fetch = access0[1];
  wire       is_store = (access0 == 2'd`PW_MMU_ACCESS_STORE);
  wire [3:0] page_fault   = is_fetch ? 4'd`PW_CAUSE_FETCH_PAGE_FAULT :
                            is_store ? 4'd`PW_CAUSE_STORE_PAGE_FAULT : 4'd`PW_CAUSE_LOAD_PAGE_FAULT;
  wire [3:0] access_fault = is_fetch ? 4'd`PW_CAUSE_FETCH_ACCESS :
                            is_store ? 4'd`PW_CAUSE_STORE_ACCESS : 4'd`PW_CAUSE_LOAD_ACCESS;

  always @(posedge clk_i) begin
    if (started_q) begin
      `PW_ASSUME(e_context_stable, ctx_held)
      `PW_ASSUME(e_mem_resp_expected, !mem_resp_valid_i || mem_pend_q)

      `PW_ASSERT(a_resp_expected, !resp_valid_o || (pend && (HitLatency <= 1 || due0)))
      `PW_ASSERT(a_blocking, !pend || resp_valid_o || !due0 || (!req_ready_o && alone))
      `PW_ASSERT(a_resp_fields, !resp_valid_o ||
                 (resp_fault_o ? (resp_paddr_o == 34'd0 &&
                                  (resp_cause_o == page_fault || resp_cause_o == access_fault))
                               : resp_cause_o == 4'd0))
      `PW_ASSERT(a_bare, !(pend && bare0 && due0) ||
                 (fresh0 && resp_valid_o && !resp_fault_o && resp_paddr_o == {2'b00, va0}))
      `PW_ASSERT(a_mem_req_in_walk, !mem_req_valid_o || (pend && walk_translated && !mem_pend_q))
      `PW_ASSERT(a_mem_req_held, !held_q ||
                 (mem_req_valid_o && mem_req_addr_o == held_addr_q &&
                  mem_req_we_o == held_we_q && mem_req_wdata_o == held_wdata_q))
      `PW_ASSERT(a_mem_aligned, !mem_req_valid_o || mem_req_addr_o[1:0] == 2'b00)
      `PW_ASSERT(a_mem_no_write, Svadu != 0 || !(mem_req_valid_o && mem_req_we_o))
    end
  end
endmodule

`default_nettype wire
