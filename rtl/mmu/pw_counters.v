// pw_counters: the MMU's five event counters (docs/mmu.md, "Counters").
//
// CounterBits wide (0, 16 or 32), zero-extended to the 32-bit ports, wrapping
// at 2^CounterBits; with 0 they are constant 0 and cost nothing. With Late
// the events are registered first, so each counter shows an event one cycle
// later: the adders' enables then come from flip-flops, off the hit path.
`default_nettype none

module pw_counters #(
  parameter integer CounterBits = 32,  // 0, 16 or 32
  parameter integer Late        = 0    // 1: count each event a cycle late
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire        hit_i,          // an accepted translated request answered from the TLB
  input  wire        miss_i,         // ... that started a walk
  input  wire        walk_i,         // a walk ended
  input  wire        fault_i,        // a response with a fault
  input  wire        walking_i,      // the walker is outside IDLE this cycle
  output wire [31:0] hits_o,
  output wire [31:0] misses_o,
  output wire [31:0] walks_o,
  output wire [31:0] faults_o,
  output wire [31:0] walk_cycles_o
);
  generate
    if (CounterBits == 0) begin : g_none
      wire unused = &{1'b0, clk_i, rst_ni, hit_i, miss_i, walk_i, fault_i, walking_i};
      assign hits_o        = 32'd0;
      assign misses_o      = 32'd0;
      assign walks_o       = 32'd0;
      assign faults_o      = 32'd0;
      assign walk_cycles_o = 32'd0;
    end else begin : g_count
      localparam integer W = CounterBits;
      wire [4:0] ev_now = {walking_i, fault_i, walk_i, miss_i, hit_i};
      wire [4:0] ev;
      if (Late != 0) begin : g_late
        reg [4:0] ev_q;
        always @(posedge clk_i) begin
          if (!rst_ni) ev_q <= 5'd0;
          else         ev_q <= ev_now;
        end
        assign ev = ev_q;
      end else begin : g_now
        assign ev = ev_now;
      end
      reg [5*W-1:0] cnt_q;  // counter k at [W*k +: W]
      integer k;
      always @(posedge clk_i) begin
        for (k = 0; k < 5; k = k + 1) begin
          if (!rst_ni)    cnt_q[W*k +: W] <= {W{1'b0}};
          else if (ev[k]) cnt_q[W*k +: W] <= cnt_q[W*k +: W] + {{(W-1){1'b0}}, 1'b1};
        end
      end
      if (W < 32) begin : g_extend
        assign hits_o        = {{(32-W){1'b0}}, cnt_q[W*0 +: W]};
        assign misses_o      = {{(32-W){1'b0}}, cnt_q[W*1 +: W]};
        assign walks_o       = {{(32-W){1'b0}}, cnt_q[W*2 +: W]};
        assign faults_o      = {{(32-W){1'b0}}, cnt_q[W*3 +: W]};
        assign walk_cycles_o = {{(32-W){1'b0}}, cnt_q[W*4 +: W]};
      end else begin : g_full
        assign hits_o        = cnt_q[W*0 +: W];
        assign misses_o      = cnt_q[W*1 +: W];
        assign walks_o       = cnt_q[W*2 +: W];
        assign faults_o      = cnt_q[W*3 +: W];
        assign walk_cycles_o = cnt_q[W*4 +: W];
      end
    end
  endgenerate
endmodule

`default_nettype wire
