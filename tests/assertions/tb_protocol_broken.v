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
//
//   vvp -n tb_protocol_broken.vvp +case=context            (Icarus)
//   obj_dir/Vtb_protocol_broken +case=context              (Verilator --binary)
//
// Timing: the testbench drives every input at the falling edge; the MMU and
// the rules sample at the rising edge. The memory is always ready unless
// held, and answers LATENCY cycles after a handshake with an invalid PTE, so
// every walk is one read and ends in a page fault.
`default_nettype none
`include "pw_mmu_ports.vh"

module tb_protocol_broken;
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
  assign rst_n           = rst_n_q;
  assign satp            = satp_q;
  assign sum             = 1'b0;
  assign mxr             = 1'b0;
  assign req_valid       = req_valid_q;
  assign req_vaddr       = req_vaddr_q;
  assign req_access      = 2'd0;             // load
  assign req_priv        = 2'd1;             // S
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

  pw_mmu #(.TlbEntries(8), .Svadu(0), .TracePort(1)) u_mmu (
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
      $display("usage: +case=clean|context|mem_resp|extra_resp|second_resp|mem_req_moved");
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
