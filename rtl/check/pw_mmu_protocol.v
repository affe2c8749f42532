// pw_mmu_protocol: the interface rules of pw_mmu (docs/mmu.md, "Interface",
// "Memory port protocol") as a checker that sees only the MMU's ports.
//
// Rules on the environment are PW_ASSUMEs (a formal tool assumes them; a
// simulation checks its testbench with them); rules on the MMU are
// PW_ASSERTs. Every rule is checked from the cycle after the first reset on.
// Not synthesized: the formal wrapper (tests/formal/pw_mmu_formal.v) and any
// simulation top instantiate it beside pw_mmu, wired to the same nets.
//
//   rule                 on   says
//   e_context_stable     env  satp, SUM, MXR hold from acceptance to the response
//   e_mem_resp_expected  env  a memory response answers an outstanding handshake,
//                             at least one cycle after it
//   a_resp_expected      mmu  a response answers an accepted, unanswered request
//   a_blocking           mmu  req_ready_o is low while a request is unanswered
//   a_resp_fields        mmu  a fault has PA 0 and a cause of the access type;
//                             a success has cause 0
//   a_bare               mmu  M-mode or satp.MODE = 0: PA = VA, no fault, next cycle
//   a_mem_req_in_walk    mmu  a memory request only while a request is unanswered,
//                             and never while an access is outstanding
//   a_mem_req_held       mmu  a request not taken is held with the same address,
//                             we and data
//   a_mem_aligned        mmu  PTE addresses are word aligned
//   a_mem_no_write       mmu  Svade (Svadu = 0) never writes memory
`default_nettype none
`include "pagewalk_defs.vh"
`include "pw_assert.vh"

module pw_mmu_protocol #(
  parameter integer Svadu = 0
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire [31:0] satp_i,
  input  wire        sum_i,
  input  wire        mxr_i,
  input  wire        req_valid_i,
  input  wire        req_ready_o,
  input  wire [31:0] req_vaddr_i,
  input  wire [1:0]  req_access_i,
  // Only bit 1 (M-mode, or the reserved 2) matters to the interface rules.
  /* verilator lint_off UNUSEDSIGNAL */
  input  wire [1:0]  req_priv_i,
  /* verilator lint_on UNUSEDSIGNAL */
  input  wire        resp_valid_o,
  input  wire [33:0] resp_paddr_o,
  input  wire        resp_fault_o,
  input  wire [3:0]  resp_cause_o,
  input  wire        mem_req_valid_o,
  input  wire        mem_req_ready_i,
  input  wire [33:0] mem_req_addr_o,
  input  wire        mem_req_we_o,
  input  wire [31:0] mem_req_wdata_o,
  input  wire        mem_resp_valid_i,
  // what this checker tracks, for checkers that build on it
  output wire        checking_o,      // the rules apply: a reset edge has been seen
  output wire        req_pending_o,   // accepted, not yet answered
  output wire        req_bare_o,      // ... untranslated
  output wire [31:0] req_vaddr_o,     // ... its VA
  output wire [1:0]  req_access_o,    // ... its access type
  output wire        mem_pending_o    // a memory handshake awaits its response
);
  wire accept    = rst_ni && req_valid_i && req_ready_o;
  wire mem_shake = rst_ni && mem_req_valid_o && mem_req_ready_i;

  reg        started_q;               // a reset edge has been seen
  reg        pend_q, bare_q, age1_q;
  reg [33:0] ctx_q;                   // {satp, sum, mxr} at acceptance
  reg [31:0] va_q;
  reg [1:0]  access_q;
  reg        mem_pend_q, held_q, held_we_q;
  reg [33:0] held_addr_q;
  reg [31:0] held_wdata_q;

  initial started_q = 1'b0;
  always @(posedge clk_i) begin
    age1_q <= accept;
    if (!rst_ni) begin
      started_q  <= 1'b1;
      pend_q     <= 1'b0;
      mem_pend_q <= 1'b0;
      held_q     <= 1'b0;
    end else begin
      if (accept) begin
        pend_q   <= 1'b1;
        bare_q   <= !satp_i[`PW_SATP_MODE] || req_priv_i[1];
        ctx_q    <= {satp_i, sum_i, mxr_i};
        va_q     <= req_vaddr_i;
        access_q <= req_access_i;
      end else if (resp_valid_o) begin
        pend_q <= 1'b0;
      end
      if (mem_shake)             mem_pend_q <= 1'b1;
      else if (mem_resp_valid_i) mem_pend_q <= 1'b0;
      held_q       <= mem_req_valid_o && !mem_req_ready_i;
      held_addr_q  <= mem_req_addr_o;
      held_we_q    <= mem_req_we_o;
      held_wdata_q <= mem_req_wdata_o;
    end
  end

  assign checking_o    = started_q;
  assign req_pending_o = pend_q;
  assign req_bare_o    = bare_q;
  assign req_vaddr_o   = va_q;
  assign req_access_o  = access_q;
  assign mem_pending_o = mem_pend_q;

  wire       is_fetch = access_q[1];
  wire       is_store = (access_q == 2'd`PW_MMU_ACCESS_STORE);
  wire [3:0] page_fault   = is_fetch ? 4'd`PW_CAUSE_FETCH_PAGE_FAULT :
                            is_store ? 4'd`PW_CAUSE_STORE_PAGE_FAULT : 4'd`PW_CAUSE_LOAD_PAGE_FAULT;
  wire [3:0] access_fault = is_fetch ? 4'd`PW_CAUSE_FETCH_ACCESS :
                            is_store ? 4'd`PW_CAUSE_STORE_ACCESS : 4'd`PW_CAUSE_LOAD_ACCESS;

  always @(posedge clk_i) begin
    if (started_q) begin
      `PW_ASSUME(e_context_stable, !pend_q || resp_valid_o || ({satp_i, sum_i, mxr_i} == ctx_q))
      `PW_ASSUME(e_mem_resp_expected, !mem_resp_valid_i || mem_pend_q)

      `PW_ASSERT(a_resp_expected, !resp_valid_o || pend_q)
      `PW_ASSERT(a_blocking, !pend_q || resp_valid_o || !req_ready_o)
      `PW_ASSERT(a_resp_fields, !resp_valid_o ||
                 (resp_fault_o ? (resp_paddr_o == 34'd0 &&
                                  (resp_cause_o == page_fault || resp_cause_o == access_fault))
                               : resp_cause_o == 4'd0))
      `PW_ASSERT(a_bare, !(pend_q && bare_q) ||
                 (age1_q && resp_valid_o && !resp_fault_o && resp_paddr_o == {2'b00, va_q}))
      `PW_ASSERT(a_mem_req_in_walk, !mem_req_valid_o || (pend_q && !bare_q && !mem_pend_q))
      `PW_ASSERT(a_mem_req_held, !held_q ||
                 (mem_req_valid_o && mem_req_addr_o == held_addr_q &&
                  mem_req_we_o == held_we_q && mem_req_wdata_o == held_wdata_q))
      `PW_ASSERT(a_mem_aligned, !mem_req_valid_o || mem_req_addr_o[1:0] == 2'b00)
      `PW_ASSERT(a_mem_no_write, Svadu != 0 || !(mem_req_valid_o && mem_req_we_o))
    end
  end
endmodule

`default_nettype wire
