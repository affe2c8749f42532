// pw_walker_pipe: the page-table walker of the pipelined MMU, HitLatency 2
// and 3 (docs/mmu.md, "The walker" and "Hit latency").
//
// The rules (pw_pte_rules), the ports and the memory protocol are
// pw_walker's. What differs is timing:
// each PTE is still decided in the cycle its memory response arrives, but
// the decision is registered and the walk ends in the following DONE cycle,
// from registers alone, so the response and the TLB fill sit one short path
// from flip-flops instead of behind the PTE checks. To keep the checks short
// too, SUM and MXR are sampled when the walk starts, the state is one-hot,
// and registers whose value matters only later load without waiting for
// the decision (noted where they do).
`default_nettype none
`include "pagewalk_defs.vh"

module pw_walker_pipe #(
  parameter integer Svadu = 0       // 0: Svade, 1: Svadu
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  // context, live (stable while a request is outstanding)
  input  wire [21:0] root_ppn_i,     // satp.PPN, sampled when the walk starts
  input  wire        sum_i,          // sampled when the walk starts
  input  wire        mxr_i,          // sampled when the walk starts
  // start a walk (only while idle: the request behind a miss was refused)
  input  wire        start_i,
  input  wire [31:0] start_vaddr_i,
  input  wire [1:0]  start_access_i,
  input  wire [1:0]  start_priv_i,
  input  wire        start_cancel_i,  // a sfence since acceptance: do not fill
  input  wire        sfence_valid_i,  // any sfence cancels this walk's fill
  output wire        idle_o,
  // memory port
  output wire        mem_req_valid_o,
  input  wire        mem_req_ready_i,
  output wire [33:0] mem_req_addr_o,
  output wire        mem_req_we_o,
  output wire [31:0] mem_req_wdata_o,
  input  wire        mem_resp_valid_i,
  input  wire [31:0] mem_resp_rdata_i,
  input  wire        mem_resp_err_i,
  // the walk's end: the DONE cycle
  output wire        done_o,
  output wire        done_fault_o,
  output wire [3:0]  done_cause_o,
  output wire [33:0] done_paddr_o,
  output wire        done_fill_o,     // success, and no sfence since acceptance
  // what to fill
  output wire [19:0] fill_vpn_o,
  output wire        fill_mega_o,
  output wire        fill_global_o,
  output wire [21:0] fill_ppn_o,
  output wire [4:0]  fill_perm_o      // {D, U, X, W, R}
);
  // States, one flip-flop each (IDLE's inverted, so that all-zero is IDLE)
  //   IDLE        waiting for a miss
  //   READ        PTE read request held until accepted
  //   WAIT_READ   waiting for the PTE; its response decides
  //   WRITE       A/D write-back request held until accepted (Svadu)
  //   WAIT_WRITE  waiting for the write-back to complete
  //   DONE        the walk's end, decided at the last edge: respond, fill
  localparam integer IDLE = 0, READ = 1, WAIT_READ = 2, WRITE = 3, WAIT_WRITE = 4, DONE = 5;

  reg [5:0]  state_q;             // bit s: in state s; bit IDLE: *not* in IDLE
  reg        level_q;             // 1: root table, 0: level-0 table
  reg [31:0] vaddr_q;
  reg [1:0]  access_q, priv_q;
  reg        sum_q, mxr_q;
  reg [33:0] addr_q;              // PTE address of the current level
  reg [31:0] pte_q;               // the last PTE read, or as written back
  reg        global_q;            // a pointer above had G set
  reg        cancel_q;            // an sfence arrived since acceptance
  reg        end_fault_q;         // how the walk in DONE ended
  reg [3:0]  end_cause_q;

  // The PTE being decided: the memory response.
  wire [31:0] pte = mem_resp_rdata_i;
  wire pte_g = pte[`PW_PTE_G];

  // The PTE's meaning: the rules both walkers share.
  wire        pointer, page_fault, ad_clear;
  wire [3:0]  page_fault_cause, access_fault_cause;
  wire [31:0] ad_update;
  pw_pte_rules #(.Svadu(Svadu)) u_rules (
    .pte_i               (pte),
    .level_i             (level_q),
    .access_i            (access_q),
    .priv_i              (priv_q),
    .sum_i               (sum_q),
    .mxr_i               (mxr_q),
    .pointer_o           (pointer),
    .page_fault_o        (page_fault),
    .ad_clear_o          (ad_clear),
    .page_fault_cause_o  (page_fault_cause),
    .access_fault_cause_o(access_fault_cause),
    .ad_update_o         (ad_update)
  );

  // A response in WAIT_READ decides: the first rule of docs/mmu.md that
  // applies. A write-back's response ends the walk.
  wire resp_read  = state_q[WAIT_READ] && mem_resp_valid_i;
  wire resp_write = state_q[WAIT_WRITE] && mem_resp_valid_i;
  wire read_ok    = resp_read && !mem_resp_err_i && !page_fault;
  wire descend    = read_ok && pointer;
  wire write_back = read_ok && !pointer && ad_clear;
  wire end_fault  = (resp_read && (mem_resp_err_i || page_fault)) || (resp_write && mem_resp_err_i);
  wire ended      = (read_ok && !pointer && !ad_clear) || resp_write ||
                    (resp_read && (mem_resp_err_i || page_fault));
  wire [3:0] end_cause = mem_resp_err_i ? access_fault_cause : page_fault_cause;

  // Next state, one bit per state.
  wire       idle = !state_q[IDLE];
  wire [5:0] state_d;
  assign state_d[IDLE]       = !((idle && !start_i) || state_q[DONE]);
  assign state_d[READ]       = (idle && start_i) || (state_q[READ] && !mem_req_ready_i) || descend;
  assign state_d[WAIT_READ]  = (state_q[READ] && mem_req_ready_i) ||
                               (state_q[WAIT_READ] && !mem_resp_valid_i);
  assign state_d[WRITE]      = (state_q[WRITE] && !mem_req_ready_i) || write_back;
  assign state_d[WAIT_WRITE] = (state_q[WRITE] && mem_req_ready_i) ||
                               (state_q[WAIT_WRITE] && !mem_resp_valid_i);
  assign state_d[DONE]       = ended;

  // State register.
  always @(posedge clk_i) begin
    if (!rst_ni) state_q <= 6'd0;
    else         state_q <= state_d;
  end

  // Walk registers.
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      level_q     <= 1'b0;
      vaddr_q     <= 32'd0;
      access_q    <= 2'd0;
      priv_q      <= 2'd0;
      sum_q       <= 1'b0;
      mxr_q       <= 1'b0;
      addr_q      <= 34'd0;
      pte_q       <= 32'd0;
      global_q    <= 1'b0;
      cancel_q    <= 1'b0;
      end_fault_q <= 1'b0;
      end_cause_q <= 4'd0;
    end else begin
      // The request registers follow the start inputs in every IDLE cycle,
      // so their enable is the state alone; a walk keeps what its start loaded.
      if (idle) begin
        level_q  <= 1'b1;
        vaddr_q  <= start_vaddr_i;
        access_q <= start_access_i;
        priv_q   <= start_priv_i;
        sum_q    <= sum_i;
        mxr_q    <= mxr_i;
        global_q <= 1'b0;
        cancel_q <= start_cancel_i;
      end else if (sfence_valid_i) begin
        cancel_q <= 1'b1;
      end
      if (start_i)
        addr_q <= {root_ppn_i, start_vaddr_i[31:22], 2'b00};
      // The next level's address, on any pointer-shaped response, before the
      // checks say whether the walk goes on: if it does not, it ends, and the
      // address shows until the next walk (docs/mmu.md says so).
      if (resp_read && pointer) begin
        level_q  <= 1'b0;
        addr_q   <= {pte[`PW_PTE_PPN_HI:`PW_PTE_PPN_LO], vaddr_q[21:12], 2'b00};
        global_q <= global_q | pte_g;
      end
      // Every PTE read is kept (DONE fills from it); a write-back keeps what
      // it writes.
      if (write_back)     pte_q <= ad_update;
      else if (resp_read) pte_q <= pte;
      // How the walk ends, at every response: used only in the DONE that an
      // ending response leads to, so the enable need not wait for the rules.
      if (resp_read || resp_write) begin
        end_fault_q <= end_fault;
        end_cause_q <= end_cause;
      end
    end
  end

  assign idle_o          = idle;
  assign mem_req_valid_o = state_q[READ] || state_q[WRITE];
  assign mem_req_we_o    = state_q[WRITE];
  assign mem_req_addr_o  = addr_q;
  assign mem_req_wdata_o = pte_q;

  // DONE: the leaf is pte_q (V, A and RSW are not kept in an entry).
  wire [21:0] ppn = pte_q[`PW_PTE_PPN_HI:`PW_PTE_PPN_LO];
  assign done_o       = state_q[DONE];
  assign done_fault_o = done_o && end_fault_q;
  assign done_cause_o = done_fault_o ? end_cause_q : 4'd0;
  assign done_paddr_o = done_fault_o ? 34'd0 :
                        level_q ? {ppn[21:10], vaddr_q[21:0]} : {ppn, vaddr_q[11:0]};
  assign done_fill_o   = done_o && !end_fault_q && !cancel_q && !sfence_valid_i;
  assign fill_vpn_o    = vaddr_q[31:12];
  assign fill_mega_o   = level_q;
  assign fill_global_o = global_q || pte_q[`PW_PTE_G];
  assign fill_ppn_o    = ppn;
  assign fill_perm_o   = {pte_q[`PW_PTE_D], pte_q[`PW_PTE_U], pte_q[`PW_PTE_X], pte_q[`PW_PTE_W],
                          pte_q[`PW_PTE_R]};
  wire unused = &{1'b0, pte_q[9:8], pte_q[`PW_PTE_A], pte_q[`PW_PTE_V]};
endmodule

`default_nettype wire
