// pw_trace_tap: watches the MMU's ports and turns what happens in each cycle
// into trace records (docs/trace-format.md), one record per event, for
// pw_trace_fifo. The synthesizable counterpart of tests/icarus/tracer.v: the
// same events, in the same order.
//
// Several events can happen in one cycle, and the FIFO takes one record a
// cycle. So each cycle's events are first captured: every event kind has a
// slot holding its fields, and a small queue holds, per cycle with events,
// its cycle stamp and the mask of its events. The queue's head is drained
// one event a cycle, in the table order of the format. An event whose slot
// still holds an undrained one, or a cycle that finds the queue full, is
// lost: overflow_o says so (sticky). With the FIFO accepting, a slot frees
// within a few cycles, much sooner than the MMU repeats an event kind.
//
// Cycles: cycle 0 is the last cycle with rst_ni low (reset drops everything
// and leaves the queue holding cycle 0's `reset` and `ctx`); the stamp counts
// in BCD, so the printer needs no division.
//
// Record: {kind[3:0], stamp[39:0], payload[66:0]}, kind in the format's
// table order (reset 0, ctx 1, sfence 2, req 3, resp 4, mem 5, memresp 6,
// evict 7, fill 8). Payload, by kind (the rest 0):
//   ctx      {mxr, sum, satp[31:0]}
//   sfence   {all_asid, all_va, asid[8:0], va[31:0]}
//   req      {priv[1:0], acc[1:0], va[31:0]}
//   resp     {fault, cause[3:0], pa[33:0]}
//   mem      {we, wdata[31:0], addr[33:0]}
//   memresp  {err, rdata[31:0]}
//   evict, fill  {perm[4:0] (D U X W R), ppn[21:0], g, mega, asid[8:0], vpn[19:0], idx[4:0]}
`default_nettype none
`include "pw_mmu_ports.vh"

module pw_trace_tap #(
  parameter integer StampDigits = 10    // decimal digits of the cycle stamp
) (
  input  wire        clk_i,
  // every other port of the MMU, as it sees them (an MMU output x_o arrives
  // as x_i; rst_ni is its synchronous reset): cmodel/gen/mmu.ports
  `PW_MMU_MONITOR_PORTS,
  // to the FIFO
  output reg         push_o,
  output reg  [4+4*StampDigits+67-1:0] record_o,
  input  wire        ready_i,             // the FIFO takes a push in the next cycle too
  // status
  output wire        idle_o,              // nothing captured and not yet pushed
  output reg         overflow_o           // an event was lost since reset
);
  localparam integer StampBits = 4 * StampDigits;
  localparam integer Kinds     = 9;
  localparam integer Depth     = 4;       // the queue: cycles with events not yet drained

  // The counters are not trace events (the self-test prints them itself).
  /* verilator lint_off UNUSEDSIGNAL */
  wire unused_counters = ^{cnt_hits_i, cnt_misses_i, cnt_walks_i, cnt_faults_i, cnt_walk_cycles_i};
  /* verilator lint_on UNUSEDSIGNAL */

  // ------------------------------------------------------------ the events of this cycle
  wire [33:0] ctx = {mxr_i, sum_i, satp_i};
  reg  [33:0] last_ctx_q;
  wire [Kinds-1:0] event_now = {
    trace_fill_i,                            // 8 fill
    trace_fill_i && trace_fill_evict_i,      // 7 evict
    mem_resp_valid_i,                        // 6 memresp
    mem_req_valid_i && mem_req_ready_i,      // 5 mem
    resp_valid_i,                            // 4 resp
    req_valid_i && req_ready_i,              // 3 req (rst_ni is 1 here)
    sfence_valid_i,                          // 2 sfence
    ctx != last_ctx_q,                       // 1 ctx
    1'b0                                     // 0 reset: only in cycle 0, see below
  };

  wire [StampBits-1:0] stamp;
  pw_bcd_counter #(.Digits(StampDigits), .Start(1)) u_stamp (
    .clk_i, .rst_ni, .inc_i(1'b1), .value_o(stamp)
  );

  // ------------------------------------------------------------ slots and queue
  reg [33:0] ctx_q;
  reg [42:0] sfence_q;
  reg [35:0] req_q;
  reg [38:0] resp_q;
  reg [66:0] mem_q;
  reg [32:0] memresp_q;
  reg [62:0] fill_q;                       // evict and fill share it
  reg [Kinds-1:0] pending_q;               // events captured, not drained

  reg [Kinds-1:0]     mask_q  [0:Depth-1];
  reg [StampBits-1:0] stamp_q [0:Depth-1];
  reg [1:0]           head_q, tail_q;
  reg [2:0]           count_q;

  wire [Kinds-1:0] head_mask = mask_q[head_q];
  wire [Kinds-1:0] pick      = head_mask & (~head_mask + 1'b1);  // lowest event first
  wire             drain     = (count_q != 3'd0) && ready_i;
  wire [Kinds-1:0] drained   = drain ? pick : {Kinds{1'b0}};
  wire             pop       = drain && (head_mask == pick);
  wire             capture   = |event_now;
  wire             lost      = |(event_now & pending_q & ~drained) ||
                               (capture && count_q == Depth[2:0] && !pop);

  assign idle_o = (count_q == 3'd0) && !push_o;

  // The drained event's record.
  reg [3:0]  kind;
  reg [66:0] payload;
  integer k;
  always @* begin
    kind = 4'd0;
    for (k = 0; k < Kinds; k = k + 1) if (pick[k]) kind = k[3:0];
    payload = {67{1'b0}};
    case (kind)
      4'd1:       payload[33:0] = ctx_q;
      4'd2:       payload[42:0] = sfence_q;
      4'd3:       payload[35:0] = req_q;
      4'd4:       payload[38:0] = resp_q;
      4'd5:       payload       = mem_q;
      4'd6:       payload[32:0] = memresp_q;
      4'd7, 4'd8: payload[62:0] = fill_q;
      default:    ;
    endcase
  end

  // Slots: loaded by their events (an overflow overwrites).
  always @(posedge clk_i) begin
    if (!rst_ni || event_now[1]) ctx_q <= ctx;
    if (event_now[2]) sfence_q <= {sfence_all_asid_i, sfence_all_va_i, sfence_asid_i, sfence_vaddr_i};
    if (event_now[3]) req_q <= {req_priv_i, req_access_i, req_vaddr_i};
    if (event_now[4]) resp_q <= {resp_fault_i, resp_cause_i, resp_paddr_i};
    if (event_now[5]) mem_q <= {mem_req_we_i, mem_req_wdata_i, mem_req_addr_i};
    if (event_now[6]) memresp_q <= {mem_resp_err_i, mem_resp_rdata_i};
    if (event_now[8]) fill_q <= {trace_fill_perm_i, trace_fill_ppn_i, trace_fill_global_i,
                                 trace_fill_mega_i, trace_fill_asid_i, trace_fill_vpn_i,
                                 trace_fill_index_i};
    last_ctx_q <= ctx;
  end

  // Queue entries: a new cycle at the tail, the drained event off the head.
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      mask_q[0]  <= 9'b0_0000_0011;        // cycle 0: reset, ctx
      stamp_q[0] <= {StampBits{1'b0}};
    end else begin
      if (drain && !pop) mask_q[head_q] <= head_mask & ~pick;
      if (capture && (count_q != Depth[2:0] || pop)) begin
        mask_q[tail_q]  <= event_now;
        stamp_q[tail_q] <= stamp;
      end
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      head_q     <= 2'd0;
      tail_q     <= 2'd1;
      count_q    <= 3'd1;
      pending_q  <= 9'b0_0000_0011;
      push_o     <= 1'b0;
      record_o   <= {(4+StampBits+67){1'b0}};
      overflow_o <= 1'b0;
    end else begin
      if (pop) head_q <= head_q + 2'd1;
      if (capture && (count_q != Depth[2:0] || pop)) tail_q <= tail_q + 2'd1;
      count_q    <= count_q + {2'b00, capture && (count_q != Depth[2:0] || pop)}
                            - {2'b00, pop};
      pending_q  <= (pending_q & ~drained) | event_now;
      push_o     <= drain;
      record_o   <= {kind, stamp_q[head_q], payload};
      overflow_o <= overflow_o || lost;
    end
  end
endmodule

`default_nettype wire
