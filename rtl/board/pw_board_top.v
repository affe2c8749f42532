// pw_board_top: the MMU on a board with its self-test (docs/fpga.md).
//
// After reset the sequencer runs the generated request list through the MMU,
// whose walker reads page tables from block RAM; every translation is checked
// against the model's result and printed on the UART as a .vec line. The
// board files (pw_icebreaker_top, pw_ulx3s_top) map these ports to pins.
//
// LEDs: pass = every translation matched (steady, at the end); fail = at least
// one mismatch or a hang (from the first one on); busy = blinks while running.
// Restart: restart_i, or any character received on the UART once done.
`default_nettype none
`include "selftest.vh"

module pw_board_top #(
  parameter integer ClockHz       = 12000000,
  parameter integer Baud          = 115200,
  parameter integer TlbEntries    = 8,
  parameter integer Svadu         = 0,
  parameter integer Backpressure  = 1,      // random mem_req_ready on the walker port
  parameter integer ResetHoldBits = 16,
  parameter         PtFile        = "build/synth/selftest/selftest_pt.hex",
  parameter         ReqFile       = "build/synth/selftest/selftest_req.hex",
  parameter         FmtFile       = "build/synth/selftest/selftest_fmt.hex"
) (
  input  wire clk_i,
  input  wire restart_i,    // active high, asynchronous (a button)
  input  wire uart_rx_i,    // from the host
  output wire uart_tx_o,    // to the host
  output wire led_pass_o,   // active high
  output wire led_fail_o,
  output wire led_busy_o
);
  localparam integer ClocksPerBit = (ClockHz + Baud / 2) / Baud;

  // ------------------------------------------------------------ reset
  wire rst_n;
  wire done;
  reg  [1:0] rx_q = 2'b11;   // synchroniser; a start bit (0) once done restarts
  always @(posedge clk_i) rx_q <= {rx_q[0], uart_rx_i};

  pw_reset_gen #(.HoldBits(ResetHoldBits)) u_reset (
    .clk_i, .restart_i(restart_i || (done && !rx_q[1])), .rst_no(rst_n)
  );

  // ------------------------------------------------------------ the MMU
  wire [31:0] satp;
  wire        sum, mxr;
  wire        req_valid, req_ready;
  wire [31:0] req_vaddr;
  wire [1:0]  req_access, req_priv;
  wire        resp_valid, resp_fault;
  wire [33:0] resp_paddr;
  wire [3:0]  resp_cause;
  wire        sfence_valid, sfence_all_va, sfence_all_asid;
  wire [31:0] sfence_vaddr;
  wire [8:0]  sfence_asid;
  wire        mem_req_valid, mem_req_ready, mem_req_we;
  wire [33:0] mem_req_addr;
  wire [31:0] mem_req_wdata;
  wire        mem_resp_valid, mem_resp_err;
  wire [31:0] mem_resp_rdata;
  wire [31:0] cnt_hits, cnt_misses, cnt_walks, cnt_faults, cnt_walk_cycles;

  // TracePort = 0: the trace_fill_* outputs are constant 0 and left open.
  /* verilator lint_off PINCONNECTEMPTY */
  pw_mmu #(.TlbEntries(TlbEntries), .Svadu(Svadu), .TracePort(0)) u_mmu (
    .clk_i, .rst_ni(rst_n),
    .satp_i(satp), .sum_i(sum), .mxr_i(mxr),
    .req_valid_i(req_valid), .req_ready_o(req_ready), .req_vaddr_i(req_vaddr),
    .req_access_i(req_access), .req_priv_i(req_priv),
    .resp_valid_o(resp_valid), .resp_paddr_o(resp_paddr), .resp_fault_o(resp_fault),
    .resp_cause_o(resp_cause),
    .sfence_valid_i(sfence_valid), .sfence_vaddr_i(sfence_vaddr), .sfence_asid_i(sfence_asid),
    .sfence_all_va_i(sfence_all_va), .sfence_all_asid_i(sfence_all_asid),
    .mem_req_valid_o(mem_req_valid), .mem_req_ready_i(mem_req_ready),
    .mem_req_addr_o(mem_req_addr), .mem_req_we_o(mem_req_we), .mem_req_wdata_o(mem_req_wdata),
    .mem_resp_valid_i(mem_resp_valid), .mem_resp_rdata_i(mem_resp_rdata),
    .mem_resp_err_i(mem_resp_err),
    .cnt_hits_o(cnt_hits), .cnt_misses_o(cnt_misses), .cnt_walks_o(cnt_walks),
    .cnt_faults_o(cnt_faults), .cnt_walk_cycles_o(cnt_walk_cycles),
    .trace_fill_o(), .trace_fill_index_o(), .trace_fill_evict_o(), .trace_fill_vpn_o(),
    .trace_fill_asid_o(), .trace_fill_mega_o(), .trace_fill_global_o(), .trace_fill_ppn_o(),
    .trace_fill_perm_o()
  );
  /* verilator lint_on PINCONNECTEMPTY */

  pw_board_mem #(.Backpressure(Backpressure), .InitFile(PtFile)) u_mem (
    .clk_i, .rst_ni(rst_n),
    .mem_req_valid_i(mem_req_valid), .mem_req_ready_o(mem_req_ready),
    .mem_req_addr_i(mem_req_addr), .mem_req_we_i(mem_req_we), .mem_req_wdata_i(mem_req_wdata),
    .mem_resp_valid_o(mem_resp_valid), .mem_resp_rdata_o(mem_resp_rdata),
    .mem_resp_err_o(mem_resp_err)
  );

  // ------------------------------------------------------------ the self-test
  wire        print, print_busy;
  wire [8:0]  print_line;
  wire [15:0] print_cond;
  wire [4*`PW_FMT_NIBBLES-1:0] print_nibbles;
  wire        fail;

  pw_selftest_seq #(.TlbEntries(TlbEntries), .Svadu(Svadu), .InitFile(ReqFile)) u_seq (
    .clk_i, .rst_ni(rst_n),
    .satp_o(satp), .sum_o(sum), .mxr_o(mxr),
    .req_valid_o(req_valid), .req_ready_i(req_ready), .req_vaddr_o(req_vaddr),
    .req_access_o(req_access), .req_priv_o(req_priv),
    .resp_valid_i(resp_valid), .resp_paddr_i(resp_paddr), .resp_fault_i(resp_fault),
    .resp_cause_i(resp_cause),
    .sfence_valid_o(sfence_valid), .sfence_vaddr_o(sfence_vaddr), .sfence_asid_o(sfence_asid),
    .sfence_all_va_o(sfence_all_va), .sfence_all_asid_o(sfence_all_asid),
    .counters_i({cnt_hits, cnt_misses, cnt_walks, cnt_faults, cnt_walk_cycles}),
    .print_o(print), .print_line_o(print_line), .print_busy_i(print_busy),
    .print_cond_o(print_cond), .print_nibbles_o(print_nibbles),
    .done_o(done), .fail_o(fail)
  );

  wire       tx_valid, tx_ready;
  wire [7:0] tx_data;

  pw_line_printer #(.InitFile(FmtFile)) u_printer (
    .clk_i, .rst_ni(rst_n),
    .start_i(print), .line_i(print_line), .busy_o(print_busy),
    .cond_i(print_cond), .nibbles_i(print_nibbles),
    .tx_valid_o(tx_valid), .tx_ready_i(tx_ready), .tx_data_o(tx_data)
  );

  pw_uart_tx #(.ClocksPerBit(ClocksPerBit)) u_uart (
    .clk_i, .rst_ni(rst_n),
    .valid_i(tx_valid), .ready_o(tx_ready), .data_i(tx_data), .tx_o(uart_tx_o)
  );

  // ------------------------------------------------------------ LEDs
  reg [22:0] blink_q = 23'd0;
  always @(posedge clk_i) blink_q <= blink_q + 23'd1;

  assign led_pass_o = done && !fail;
  assign led_fail_o = fail;
  assign led_busy_o = !done && blink_q[22];
endmodule

`default_nettype wire
