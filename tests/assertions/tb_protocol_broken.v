// tb_protocol_broken: a deliberately broken testbench around pw_mmu, to show
// the interface assertions firing (rtl/check/pw_mmu_protocol.v, compiled into
// pw_mmu with PW_ASSERTIONS: docs/mmu.md, "Assertions"). Each +case= breaks
// one rule of docs/mmu.md; the run must stop with that rule's name. Rules on
// the environment are broken by driving the inputs wrongly; rules on the MMU
// by forcing its outputs, as a broken MMU would drive them.
//
//   case          breaks                                        rule that must fire
//   clean         nothing: walks and responses by the rules      (none; the run ends normally)
//   context       satp changes while a walk is outstanding       e_context_stable
//   mem_resp      a memory response with no request taken        e_mem_resp_expected
//   extra_resp    a response while no request is outstanding     a_resp_expected
//   second_resp   a second response to one accepted request      a_resp_expected
//   mem_req_moved the memory request's address changes before    a_mem_req_held
//                 the memory takes it
//   blocking      req_ready high while a miss is walked            a_blocking
//   early_resp    a response one cycle after acceptance            a_resp_expected
//                 (HitLatency 2 or 3 only: it is the norm at 1)
//   resp_fields   a page fault answered with a cause of no access  a_resp_fields
//   bare          an M-mode request answered with PA != VA         a_bare
//   mem_req_idle  a memory request with no request outstanding     a_mem_req_in_walk
//   mem_unaligned a PTE address that is not word aligned           a_mem_aligned
//   mem_write     a memory write from this Svade MMU               a_mem_no_write
//
//   vvp -n tb_protocol_broken.vvp +case=context            (Icarus)
//   obj_dir/Vtb_protocol_broken +case=context              (Verilator --binary)
//
// HitLatency (1 by default) is the MMU's: make test-assertions runs every
// case at 1 and again at 2 (iverilog -P, verilator -G), where the checker
// follows its queue of requests in flight, and early_resp at 2 only.
//
// Timing: the testbench drives every input at the falling edge; the MMU and
// the rules sample at the rising edge. The memory is always ready unless
// held, and answers LATENCY cycles after a handshake with an invalid PTE, so
// every walk is one read and ends in a page fault.
`default_nettype none
`include "pw_mmu_ports.vh"

module tb_protocol_broken #(
  parameter integer HitLatency = 1     // the MMU's; the checker follows it
);
  localparam [3:0]   Latency = 4'd3;
  localparam [31:0]  Satp    = 32'h8148_0000;   // Sv32, ASID 5, root table at 0x8000_0000

  reg clk = 1'b0;
  // The free-running clock of a testbench: a blocking toggle is what it means.
  /* verilator lint_off BLKSEQ */
  always #5 clk = ~clk;
  /* verilator lint_on BLKSEQ */

  // The response payload, counters and trace port are not looked at here.
  /* verilator lint_off UNUSEDSIGNAL */
  `PW_MMU_WIRES
  /* verilator lint_on UNUSEDSIGNAL */
  reg        rst_n_q = 1'b0, req_valid_q = 1'b0, spurious_q = 1'b0, hold_q = 1'b0;
  reg [31:0] satp_q = Satp, req_vaddr_q = 32'd0;
  reg [1:0]  req_priv_q = 2'd1;              // S; M (3) for the bare case
  assign rst_n           = rst_n_q;
  assign satp            = satp_q;
  assign sum             = 1'b0;
  assign mxr             = 1'b0;
  assign req_valid       = req_valid_q;
  assign req_vaddr       = req_vaddr_q;
  assign req_access      = 2'd0;             // load
  assign req_priv        = req_priv_q;
  assign sfence_valid    = 1'b0;
  assign sfence_vaddr    = 32'd0;
  assign sfence_asid     = 9'd0;
  assign sfence_all_va   = 1'b0;
  assign sfence_all_asid = 1'b0;

  // The memory: ready unless held; one access outstanding, answered after
  // Latency cycles; spurious_q adds a response nobody asked for.
  reg       mem_pend_q = 1'b0;
  reg [3:0] mem_wait_q = 4'd0;
  assign mem_req_ready  = !hold_q;
  assign mem_resp_valid = (mem_pend_q && mem_wait_q == 4'd0) || spurious_q;
  assign mem_resp_rdata = 32'd0;
  assign mem_resp_err   = 1'b0;
  always @(posedge clk) begin
    if (!rst_n) begin
      mem_pend_q <= 1'b0;
    end else if (mem_req_valid && mem_req_ready) begin
      mem_pend_q <= 1'b1;
      mem_wait_q <= Latency - 4'd1;
    end else if (mem_resp_valid) begin
      mem_pend_q <= 1'b0;
    end else if (mem_wait_q != 4'd0) begin
      mem_wait_q <= mem_wait_q - 4'd1;
    end
  end

  pw_mmu #(.TlbEntries(8), .Svadu(0), .HitLatency(HitLatency), .TracePort(1)) u_mmu (
    .clk_i(clk),
    `PW_MMU_CONNECT
  );

  // ---------------------------------------------------------------- steps
  integer waited;
  task next_cycle;  // to the next falling edge, where inputs change
    @(negedge clk);
  endtask

  // Present a request until accepted, then drop it.
  task request(input [31:0] va);
    begin
      req_vaddr_q = va;
      req_valid_q = 1'b1;
      @(posedge clk);
      while (!req_ready) @(posedge clk);
      next_cycle;
      req_valid_q = 1'b0;
    end
  endtask

  // Wait (bounded) for the response, then to the falling edge after it.
  task await_response;
    begin
      waited = 0;
      @(posedge clk);
      while (!resp_valid && waited < 100) begin
        @(posedge clk);
        waited = waited + 1;
      end
      if (!resp_valid) begin
        $display("tb_protocol_broken: no response within 100 cycles");
        $fatal(1);
      end
      next_cycle;
    end
  endtask

  reg [8*16-1:0] name;
  reg [33:0]     moved;
  initial begin
    if (!$value$plusargs("case=%s", name)) begin
      $display("usage: +case=clean|context|mem_resp|extra_resp|second_resp|mem_req_moved|blocking|early_resp|",
               "resp_fields|bare|mem_req_idle|mem_unaligned|mem_write");
      $fatal(1);
    end
    next_cycle;
    next_cycle;
    rst_n_q = 1'b1;
    next_cycle;
    if (name == "clean") begin
      request(32'h0040_2abc);
      await_response;
      request(32'h0080_0000);
      await_response;
    end else if (name == "context") begin
      request(32'h0040_2abc);              // a walk: one read, Latency cycles
      satp_q = Satp ^ 32'h1;               // the root moves under it
      next_cycle;
    end else if (name == "mem_resp") begin
      spurious_q = 1'b1;                   // nothing was asked of the memory
      next_cycle;
      spurious_q = 1'b0;
    end else if (name == "extra_resp") begin
      force u_mmu.resp_valid_o = 1'b1;     // nothing was accepted
      next_cycle;
      release u_mmu.resp_valid_o;
    end else if (name == "second_resp") begin
      request(32'h0040_2abc);
      await_response;                      // the one response it is owed
      force u_mmu.resp_valid_o = 1'b1;     // and one more
      next_cycle;
      release u_mmu.resp_valid_o;
    end else if (name == "mem_req_moved") begin
      hold_q = 1'b1;                       // the memory keeps the MMU waiting
      req_vaddr_q = 32'h0040_2abc;
      req_valid_q = 1'b1;
      next_cycle;
      req_valid_q = 1'b0;
      while (!mem_req_valid) next_cycle;
      next_cycle;                          // held for a cycle, as it must be
      moved = mem_req_addr ^ 34'h4;
      force u_mmu.mem_req_addr_o = moved;  // then moved before it was taken
      next_cycle;
      release u_mmu.mem_req_addr_o;
    end else if (name == "blocking") begin
      request(32'h0040_2abc);              // a miss: the walk has begun
      force u_mmu.req_ready_o = 1'b1;      // yet the MMU says it takes more
      next_cycle;                          // (two cycles: a pipelined MMU's miss
      next_cycle;                          // is known HitLatency cycles after acceptance)
      release u_mmu.req_ready_o;
    end else if (name == "early_resp") begin
      request(32'h0040_2abc);              // accepted at the last rising edge
      force u_mmu.resp_valid_o = 1'b1;     // answered at the next: too soon for HitLatency 2 or 3
      next_cycle;
      release u_mmu.resp_valid_o;
    end else if (name == "resp_fields") begin
      force u_mmu.resp_cause_o = 4'd9;     // no access type's cause
      request(32'h0040_2abc);              // the walk ends in a load page fault
      await_response;
      release u_mmu.resp_cause_o;
    end else if (name == "bare") begin
      req_priv_q = 2'd3;                   // M-mode: PA = VA
      force u_mmu.resp_paddr_o = 34'h1;
      request(32'h0040_2abc);
      await_response;
      release u_mmu.resp_paddr_o;
    end else if (name == "mem_req_idle") begin
      force u_mmu.mem_req_valid_o = 1'b1;  // nothing to walk for
      next_cycle;
      release u_mmu.mem_req_valid_o;
    end else if (name == "mem_unaligned" || name == "mem_write") begin
      req_vaddr_q = 32'h0040_2abc;
      req_valid_q = 1'b1;
      next_cycle;
      req_valid_q = 1'b0;
      while (!mem_req_valid) next_cycle;   // the walk's PTE read
      moved = mem_req_addr | 34'h2;
      if (name == "mem_unaligned") force u_mmu.mem_req_addr_o = moved;
      else                         force u_mmu.mem_req_we_o = 1'b1;
      next_cycle;
      release u_mmu.mem_req_addr_o;
      release u_mmu.mem_req_we_o;
    end else begin
      $display("tb_protocol_broken: unknown case '%0s'", name);
      $fatal(1);
    end
    next_cycle;
    next_cycle;
    $display("tb_protocol_broken: case %0s: no interface rule broken", name);
    $finish;
  end
endmodule

`default_nettype wire
