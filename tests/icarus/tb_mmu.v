// tb_mmu: pw_mmu under Icarus Verilog, driven by a .stim file
// (docs/stimulus-format.md), writing a trace (docs/trace-format.md).
// Not synthesizable: simulation only (iverilog -g2012).
//
//   vvp tb_mmu_svadu.vvp +stim=FILE +trace=FILE [+vcd=FILE]
//
// Build parameters: -P tb_mmu.Svadu=1 -P tb_mmu.TlbEntries=8, or
// -DTB_SVADU=1 -DTB_TLB_ENTRIES=8; the MMU's options likewise (-P
// tb_mmu.HitLatency=3 ..., docs/mmu.md). A stimulus whose `ad` line names the
// other A/D policy is refused. Any error exits non-zero (vvp's status after $fatal).
//
// Timing of cycle c (time unit: the simulator's default):
//
//   10c+1  the testbench drives cycle c's inputs, from the stimulus and from
//          the MMU's outputs (a function of its state alone, settled since
//          the last edge); the memory port acts (handshake, response)
//   10c+5  rising edge: the tracer records cycle c, the MMU updates its state
//   10c+10 falling edge
`default_nettype none
`include "pw_mmu_ports.vh"

`ifndef TB_SVADU
`define TB_SVADU 0
`endif
`ifndef TB_TLB_ENTRIES
`define TB_TLB_ENTRIES 8
`endif

module tb_mmu #(
  parameter integer Svadu          = `TB_SVADU,        // A/D policy of the build: 0 Svade, 1 Svadu
  parameter integer TlbEntries     = `TB_TLB_ENTRIES,
  parameter integer HitLatency     = 1,
  parameter integer CounterBits    = 32,
  parameter integer SfenceFlushAll = 0,
  parameter integer PpnInBram      = 0
);
  localparam [31:0] STDERR = 32'h8000_0002;

  // ---------------------------------------------------------------- the MMU
  reg clk = 1'b0;
  // One wire per port of pw_mmu, named as the port without its suffix
  // (cmodel/gen/mmu.ports). The stimulus drives the context, request and
  // sfence wires; the memory port below drives the memory inputs.
  `PW_MMU_WIRES
  reg         mem_req_ready_q = 1'b0;
  reg         mem_resp_valid_q = 1'b0;
  reg  [31:0] mem_resp_rdata_q = 32'd0;
  reg         mem_resp_err_q = 1'b0;
  assign mem_req_ready  = mem_req_ready_q;
  assign mem_resp_valid = mem_resp_valid_q;
  assign mem_resp_rdata = mem_resp_rdata_q;
  assign mem_resp_err   = mem_resp_err_q;

  pw_mmu #(
    .TlbEntries    (TlbEntries),
    .Svadu         (Svadu),
    .HitLatency    (HitLatency),
    .CounterBits   (CounterBits),
    .SfenceFlushAll(SfenceFlushAll),
    .PpnInBram     (PpnInBram),
    .TracePort     (1)
  ) u_mmu (
    .clk_i(clk),
    `PW_MMU_CONNECT
  );

  tracer #(.Svadu(Svadu), .TlbEntries(TlbEntries)) u_tracer (
    .clk_i(clk),
    `PW_MMU_MONITOR_CONNECT
  );

  stim_file #(.Svadu(Svadu)) u_stim (
    .rst_no           (rst_n),
    .satp_o           (satp),
    .sum_o            (sum),
    .mxr_o            (mxr),
    .req_valid_o      (req_valid),
    .req_vaddr_o      (req_vaddr),
    .req_access_o     (req_access),
    .req_priv_o       (req_priv),
    .sfence_valid_o   (sfence_valid),
    .sfence_vaddr_o   (sfence_vaddr),
    .sfence_asid_o    (sfence_asid),
    .sfence_all_va_o  (sfence_all_va),
    .sfence_all_asid_o(sfence_all_asid)
  );
  sparse_mem u_mem ();

  // ---------------------------------------------------------------- memory port
  // The plan is cyclic; access k uses step k mod plan_n. While the MMU holds
  // a request and none is outstanding, ready stays low for READY cycles, then
  // rises for the handshake, where the access is performed; the response
  // comes LATENCY cycles later. In a reset cycle the port is silent and
  // forgets the outstanding access and the wait; the plan position stays.
  // (This follows cmodel/stim.c, the driver of the other two engines.)
  reg        port_busy = 1'b0;   // an access is outstanding
  reg [63:0] port_due;           // ... answered in this cycle
  reg [31:0] port_rdata;
  reg        port_err;
  reg [31:0] port_wait = 0;      // cycles the current request has waited
  integer    plan_k = 0, plan_n;
  reg [31:0] step_ready, step_latency;
  reg [63:0] accesses = 0;

  task memory_cycle(input [63:0] c);
    begin
      mem_req_ready_q = 1'b0;
      mem_resp_valid_q = 1'b0;
      mem_resp_rdata_q = 32'd0;
      mem_resp_err_q = 1'b0;
      if (!rst_n) begin
        port_busy = 1'b0;
        port_wait = 0;
      end else if (port_busy && c == port_due) begin
        mem_resp_valid_q = 1'b1;
        mem_resp_rdata_q = port_rdata;
        mem_resp_err_q = port_err;
        port_busy = 1'b0;
      end else if (mem_req_valid === 1'b1 && !port_busy) begin
        u_stim.plan_step(plan_k, step_ready, step_latency);
        if (port_wait == step_ready) begin
          mem_req_ready_q = 1'b1;
          if (mem_req_we) begin
            u_mem.write(mem_req_addr, mem_req_wdata, port_err);
            port_rdata = 32'd0;        // a write answers with data 0
          end else begin
            u_mem.read(mem_req_addr, port_rdata, port_err);
          end
          port_busy = 1'b1;
          port_due = c + step_latency;
          port_wait = 0;
          plan_k = (plan_k + 1) % plan_n;
          accesses = accesses + 1;
        end else begin
          port_wait = port_wait + 1;
        end
      end
    end
  endtask

  // ---------------------------------------------------------------- the run
  reg [8*1024-1:0] stim_path, trace_path, vcd_path;
  reg [63:0]       cycle, accepted = 0;
  integer          i;
  reg [33:0]       img_addr;
  reg [31:0]       img_value;
  reg [1:0]        img_kind;

  initial begin
    stim_path = 0; trace_path = 0; vcd_path = 0;
    if (!$value$plusargs("stim=%s", stim_path) || !$value$plusargs("trace=%s", trace_path)) begin
      $fdisplay(STDERR, "usage: vvp tb_mmu_BUILD.vvp +stim=FILE +trace=FILE [+vcd=FILE]");
      $fatal(0, "tb_mmu: stopped");
    end
    u_stim.load(stim_path);
    u_mem.init(u_stim.image_words(0));
    for (i = 0; i < u_stim.image_words(0); i = i + 1) begin
      u_stim.image_word(i, img_addr, img_value, img_kind);
      case (img_kind)
        2'd0:    u_mem.set_word(img_addr, img_value);   // m ADDR VALUE
        2'd1:    u_mem.set_error(img_addr);              // e ADDR
        default: u_mem.set_write_error(img_addr);        // w ADDR
      endcase
    end
    plan_n = u_stim.plan_steps(0);

    if ($value$plusargs("vcd=%s", vcd_path)) begin
      $dumpfile(vcd_path);
      $dumpvars(0, u_mmu);
    end
    u_tracer.open(trace_path, stim_path);

    for (cycle = 0; cycle < u_stim.cycles; cycle = cycle + 1) begin
      #1;
      u_stim.step(cycle);
      memory_cycle(cycle);
      if (rst_n && req_valid && req_ready === 1'b1) begin
        u_stim.accepted;
        accepted = accepted + 1;
      end
      #4 clk = 1'b1;
      #5 clk = 1'b0;
    end

    u_tracer.close;
    $display("tb_mmu: %0s: %0d cycles, %0d requests accepted, %0d memory accesses; trace %0s",
             stim_path, cycle, accepted, accesses, trace_path);
    $finish;
  end
endmodule

`default_nettype wire
