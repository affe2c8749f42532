// pw_walker: the Sv32 page-table walker (docs/mmu.md, "The walker").
//
// One PTE read per level over a valid/ready memory port, plus a write-back
// in Svadu mode. The walk's end (done_o and its payload) is combinational in
// the cycle the deciding memory response arrives; the MMU top registers it.
// This is the walker of the one-cycle MMU; pw_walker_pipe is the pipelined
// MMU's, which ends each walk in a registered DONE cycle. Both decide each
// PTE with pw_pte_rules and have the same ports (pw_mmu connects either with
// one connection list, so a port that differs fails to build).
`default_nettype none
`include "pagewalk_defs.vh"

module pw_walker #(
  parameter integer Svadu = 0       // 0: Svade, 1: Svadu
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  // context, live (stable while a request is outstanding)
  input  wire [21:0] root_ppn_i,     // satp.PPN
  input  wire        sum_i,
  input  wire        mxr_i,
  // start a walk (a request accepted that missed)
  input  wire        start_i,
  input  wire [31:0] start_vaddr_i,
  input  wire [1:0]  start_access_i,
  input  wire [1:0]  start_priv_i,
  input  wire        start_cancel_i,  // a sfence in the acceptance cycle: do not fill
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
  // the walk's end, valid in the cycle done_o is 1
  output reg         done_o,
  output reg         done_fault_o,
  output reg  [3:0]  done_cause_o,
  output wire [33:0] done_paddr_o,
  output wire        done_fill_o,     // success, and no sfence since the start
  // what to fill
  output wire [19:0] fill_vpn_o,
  output wire        fill_mega_o,
  output wire        fill_global_o,
  output wire [21:0] fill_ppn_o,
  output wire [4:0]  fill_perm_o      // {D, U, X, W, R}
);
  // State encoding
  //   IDLE        waiting for a miss
  //   READ        PTE read request held until accepted
  //   WAIT_READ   waiting for the PTE
  //   WRITE       A/D write-back request held until accepted (Svadu)
  //   WAIT_WRITE  waiting for the write-back to complete
  localparam [2:0] IDLE = 3'd0, READ = 3'd1, WAIT_READ = 3'd2, WRITE = 3'd3, WAIT_WRITE = 3'd4;

  reg [2:0]  state_q, state_d;
  reg        level_q;             // 1: root table, 0: level-0 table
  reg [31:0] vaddr_q;
  reg [1:0]  access_q, priv_q;
  reg [33:0] addr_q;              // PTE address of the current level
  reg [31:0] wdata_q;             // the PTE as written back
  reg        global_q;            // a pointer above had G set
  reg        cancel_q;            // an sfence arrived during this walk

  // The PTE that decides this cycle: the response, or the written-back word.
  wire [31:0] pte = (state_q == WAIT_WRITE) ? wdata_q : mem_resp_rdata_i;
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
    .sum_i               (sum_i),
    .mxr_i               (mxr_i),
    .pointer_o           (pointer),
    .page_fault_o        (page_fault),
    .ad_clear_o          (ad_clear),
    .page_fault_cause_o  (page_fault_cause),
    .access_fault_cause_o(access_fault_cause),
    .ad_update_o         (ad_update)
  );

  // Next state and the walk's end.
  reg descend, write_back;
  always @* begin
    state_d      = state_q;
    done_o       = 1'b0;
    done_fault_o = 1'b0;
    done_cause_o = 4'd0;
    descend      = 1'b0;
    write_back   = 1'b0;
    case (state_q)
      IDLE:  if (start_i) state_d = READ;
      READ:  if (mem_req_ready_i) state_d = WAIT_READ;
      WRITE: if (mem_req_ready_i) state_d = WAIT_WRITE;
      WAIT_READ: if (mem_resp_valid_i) begin
        if (mem_resp_err_i) begin
          done_o = 1'b1; done_fault_o = 1'b1; done_cause_o = access_fault_cause;
        end else if (page_fault) begin
          done_o = 1'b1; done_fault_o = 1'b1; done_cause_o = page_fault_cause;
        end else if (pointer) begin
          descend = 1'b1;
          state_d = READ;
        end else if (ad_clear) begin
          write_back = 1'b1;
          state_d    = WRITE;
        end else begin
          done_o = 1'b1;
        end
      end
      WAIT_WRITE: if (mem_resp_valid_i) begin
        done_o = 1'b1;
        if (mem_resp_err_i) begin
          done_fault_o = 1'b1; done_cause_o = access_fault_cause;
        end
      end
      default: state_d = IDLE;  // unreachable encodings recover
    endcase
    if (done_o) state_d = IDLE;
  end

  // State register.
  always @(posedge clk_i) begin
    if (!rst_ni) state_q <= IDLE;
    else         state_q <= state_d;
  end

  // Walk registers.
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      level_q  <= 1'b0;
      vaddr_q  <= 32'd0;
      access_q <= 2'd0;
      priv_q   <= 2'd0;
      addr_q   <= 34'd0;
      wdata_q  <= 32'd0;
      global_q <= 1'b0;
      cancel_q <= 1'b0;
    end else begin
      if (state_q == IDLE && start_i) begin
        level_q  <= 1'b1;
        vaddr_q  <= start_vaddr_i;
        access_q <= start_access_i;
        priv_q   <= start_priv_i;
        addr_q   <= {root_ppn_i, start_vaddr_i[31:22], 2'b00};
        global_q <= 1'b0;
        cancel_q <= start_cancel_i;
      end else if (state_q != IDLE && sfence_valid_i) begin
        cancel_q <= 1'b1;
      end
      if (descend) begin
        level_q  <= 1'b0;
        addr_q   <= {pte[`PW_PTE_PPN_HI:`PW_PTE_PPN_LO], vaddr_q[21:12], 2'b00};
        global_q <= global_q | pte_g;
      end
      if (write_back) wdata_q <= ad_update;
    end
  end

  assign idle_o          = (state_q == IDLE);
  assign mem_req_valid_o = (state_q == READ) || (state_q == WRITE);
  assign mem_req_we_o    = (state_q == WRITE);
  assign mem_req_addr_o  = addr_q;
  assign mem_req_wdata_o = wdata_q;

  wire [21:0] ppn = pte[`PW_PTE_PPN_HI:`PW_PTE_PPN_LO];
  assign done_paddr_o  = done_fault_o ? 34'd0 :
                         level_q ? {ppn[21:10], vaddr_q[21:0]} : {ppn, vaddr_q[11:0]};
  assign done_fill_o   = done_o && !done_fault_o && !cancel_q && !sfence_valid_i;
  assign fill_vpn_o    = vaddr_q[31:12];
  assign fill_mega_o   = level_q;
  assign fill_global_o = global_q || pte_g;
  assign fill_ppn_o    = ppn;
  assign fill_perm_o   = {pte[`PW_PTE_D], pte[`PW_PTE_U], pte[`PW_PTE_X], pte[`PW_PTE_W],
                          pte[`PW_PTE_R]};
endmodule

`default_nettype wire
