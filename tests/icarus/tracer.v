// tracer: writes what an MMU did as a trace (docs/trace-format.md, version 1).
//
// Watches every port of pw_mmu, the trace port included, and at each rising
// edge writes the events of the cycle that edge ends, in the order of the
// format's table: reset, ctx, sfence, req, resp, mem, memresp, evict, fill.
// Its inputs are the MMU's ports under their own names (an MMU output
// `x_o` arrives here as `x_i`; the counters are not traced). Not
// synthesizable: simulation only.
//
// Use: the testbench calls open() before the first edge and close() after
// the last; cycles count rising edges from 0.
`default_nettype none

`include "pw_mmu_ports.vh"

module tracer #(
  parameter integer Svadu      = 0,   // the build's A/D policy, for the header
  parameter integer TlbEntries = 8    // the build's TLB size, for the header
) (
  input wire clk_i,
  // every other port of pw_mmu, as an input (cmodel/gen/mmu.ports)
  `PW_MMU_MONITOR_PORTS
);
  integer    fd = 0;          // the trace file, 0 until open()
  reg [63:0] cycle = 0;       // the cycle the next edge ends
  reg [33:0] last_ctx;        // {satp, sum, mxr} of the previous cycle
  reg        warned_x = 0;    // unknown MMU outputs reported once

  // Start the trace: header, and the engine's comment line.
  task open(input [8*1024-1:0] trace_path, input [8*1024-1:0] stim_path);
    begin
      fd = $fopen(trace_path, "w");
      if (fd == 0) begin
        $fdisplay(32'h8000_0002, "%0s: error: cannot open the trace for writing", trace_path);
        $fatal(0, "tracer: stopped");
      end
      $fdisplay(fd, "pagewalk-trace 1");
      $fdisplay(fd, "# engine icarus, build %0s (%0d entries), stimulus %0s",
                Svadu ? "svadu" : "svade", TlbEntries, stim_path);
    end
  endtask

  task close;
    begin
      if (fd != 0) $fclose(fd);
      fd = 0;
    end
  endtask

  // Letters of an access and a privilege, as in .stim files.
  function [7:0] access_letter(input [1:0] access);
    case (access)
      2'd0:    access_letter = "r";
      2'd1:    access_letter = "w";
      default: access_letter = "x";   // 3 is reserved and treated as a fetch
    endcase
  endfunction

  function [7:0] priv_letter(input [1:0] priv);
    case (priv)
      2'd0:    priv_letter = "U";
      2'd1:    priv_letter = "S";
      default: priv_letter = "M";     // 2 is reserved and treated as M
    endcase
  endfunction

  // perm=RWXUD, a '-' for each flag that is clear; perm is {D, U, X, W, R}.
  function [8*5-1:0] perm_string(input [4:0] perm);
    perm_string = {perm[0] ? "R" : "-", perm[1] ? "W" : "-", perm[2] ? "X" : "-",
                   perm[3] ? "U" : "-", perm[4] ? "D" : "-"};
  endfunction

  // Sampled at the edge, before it updates anything: the values of the
  // cycle that ends (the testbench drives inputs away from the edge).
  always @(posedge clk_i) begin
    if (fd != 0) begin
      if (!warned_x && rst_ni === 1'b1 && ^{req_ready_i, resp_valid_i, mem_req_valid_i, trace_fill_i} === 1'bx) begin
        $fdisplay(32'h8000_0002, "tracer: warning: MMU outputs unknown (x) in cycle %0d;%0s",
                  cycle, " the stimulus should reset the MMU in cycle 0");
        warned_x = 1;
      end
      if (rst_ni !== 1'b1)
        $fdisplay(fd, "%0d reset", cycle);
      if (cycle == 0 || {satp_i, sum_i, mxr_i} !== last_ctx)
        $fdisplay(fd, "%0d ctx satp=%h sum=%h mxr=%h", cycle, satp_i, sum_i, mxr_i);
      if (sfence_valid_i === 1'b1)
        $fdisplay(fd, "%0d sfence va=%h asid=%h all_va=%h all_asid=%h", cycle,
                  sfence_vaddr_i, sfence_asid_i, sfence_all_va_i, sfence_all_asid_i);
      if (req_valid_i === 1'b1 && req_ready_i === 1'b1 && rst_ni === 1'b1)
        $fdisplay(fd, "%0d req va=%h acc=%s priv=%s", cycle, req_vaddr_i,
                  access_letter(req_access_i), priv_letter(req_priv_i));
      if (resp_valid_i === 1'b1) begin
        if (resp_fault_i) $fdisplay(fd, "%0d resp fault=%0d", cycle, resp_cause_i);
        else              $fdisplay(fd, "%0d resp pa=%h", cycle, resp_paddr_i);
      end
      if (mem_req_valid_i === 1'b1 && mem_req_ready_i === 1'b1) begin
        if (mem_req_we_i) $fdisplay(fd, "%0d mem wr addr=%h data=%h", cycle, mem_req_addr_i, mem_req_wdata_i);
        else              $fdisplay(fd, "%0d mem rd addr=%h", cycle, mem_req_addr_i);
      end
      if (mem_resp_valid_i === 1'b1) begin
        if (mem_resp_err_i) $fdisplay(fd, "%0d memresp err", cycle);
        else                $fdisplay(fd, "%0d memresp data=%h", cycle, mem_resp_rdata_i);
      end
      if (trace_fill_i === 1'b1) begin
        if (trace_fill_evict_i) $fdisplay(fd, "%0d evict idx=%0d", cycle, trace_fill_index_i);
        $fdisplay(fd, "%0d fill idx=%0d vpn=%h asid=%h mega=%h g=%h ppn=%h perm=%s", cycle,
                  trace_fill_index_i, trace_fill_vpn_i, trace_fill_asid_i, trace_fill_mega_i,
                  trace_fill_global_i, trace_fill_ppn_i, perm_string(trace_fill_perm_i));
      end
    end
    last_ctx = {satp_i, sum_i, mxr_i};
    cycle = cycle + 1;
  end
endmodule

`default_nettype wire
