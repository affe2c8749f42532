// pw_board_top: the MMU on a board with its self-test (docs/fpga.md).
//
// After reset the sequencer runs the generated request list through the MMU,
// whose walker reads page tables from block RAM; every translation is checked
// against the model's result. The UART carries what the MMU did as a trace
// (docs/trace-format.md): the tap records the MMU's port events into a FIFO,
// the feed prints them, and the sequencer adds the header and, at the end, the
// summary as comment lines. The board files (pw_icebreaker_top, pw_ulx3s_top)
// map these ports to pins.
//
// LEDs: pass = every translation matched (steady, at the end); fail = at least
// one mismatch or a hang (from the first one on); busy = blinks while running.
// Restart: restart_i, or any character received on the UART once done.
`default_nettype none
`include "selftest.vh"
`include "pw_mmu_ports.vh"

module pw_board_top #(
  parameter integer ClockHz       = 12000000,
  parameter integer Baud          = 115200,
  parameter integer TlbEntries    = 8,
  parameter integer Svadu         = 0,
  // The MMU's timing and size options (docs/mmu.md): each board top chooses.
  parameter integer HitLatency     = 1,
  parameter integer CounterBits    = 32,
  parameter integer SfenceFlushAll = 0,
  parameter integer PpnInBram      = 0,
  parameter integer Backpressure  = 1,      // random mem_req_ready on the walker port
  parameter integer ResetHoldBits = 16,
  parameter         PtFile        = "rtl/board/selftest/selftest_pt.hex",
  parameter         ReqFile       = "rtl/board/selftest/selftest_req.hex",
  parameter         FmtFile       = "rtl/board/selftest/selftest_fmt.hex"
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

  // One wire per port of the MMU, named as the port without its suffix
  // (cmodel/gen/mmu.ports); rst_n is the reset generator's.
  `PW_MMU_WIRES

  // ------------------------------------------------------------ reset
  wire done;
  reg  [1:0] rx_q = 2'b11;   // synchroniser; a start bit (0) once done restarts
  always @(posedge clk_i) rx_q <= {rx_q[0], uart_rx_i};

  pw_reset_gen #(.HoldBits(ResetHoldBits)) u_reset (
    .clk_i, .restart_i(restart_i || (done && !rx_q[1])), .rst_no(rst_n)
  );

  // ------------------------------------------------------------ the MMU
  pw_mmu #(.TlbEntries(TlbEntries), .Svadu(Svadu), .HitLatency(HitLatency),
           .CounterBits(CounterBits), .SfenceFlushAll(SfenceFlushAll), .PpnInBram(PpnInBram),
           .TracePort(1)) u_mmu (
    .clk_i,
    `PW_MMU_CONNECT
  );

  pw_board_mem #(.Backpressure(Backpressure), .InitFile(PtFile)) u_mem (
    .clk_i, .rst_ni(rst_n),
    .mem_req_valid_i(mem_req_valid), .mem_req_ready_o(mem_req_ready),
    .mem_req_addr_i(mem_req_addr), .mem_req_we_i(mem_req_we), .mem_req_wdata_i(mem_req_wdata),
    .mem_resp_valid_o(mem_resp_valid), .mem_resp_rdata_o(mem_resp_rdata),
    .mem_resp_err_o(mem_resp_err)
  );

  // ------------------------------------------------------------ the trace
  wire         tap_push, tap_idle, fifo_ready, fifo_room, fifo_empty, fifo_pop;
  wire         overflow, feed_idle, tracing;
  wire [110:0] tap_record, fifo_record;

  pw_trace_tap u_tap (
    .clk_i,
    `PW_MMU_MONITOR_CONNECT,
    .push_o(tap_push), .record_o(tap_record), .ready_i(fifo_ready),
    .idle_o(tap_idle), .overflow_o(overflow)
  );

  // Room: one translation's events (ctx, req, up to six memory events with an
  // A/D write-back, resp, evict, fill: 11) and what the tap may still hold.
  pw_trace_fifo #(.Width(111), .AddrBits(8), .Room(24)) u_fifo (
    .clk_i, .rst_ni(rst_n),
    .push_i(tap_push), .data_i(tap_record), .pop_i(fifo_pop), .data_o(fifo_record),
    .empty_o(fifo_empty), .ready_o(fifo_ready), .room_o(fifo_room)
  );

  wire         feed_print;
  wire [9:0]   feed_line;
  wire [15:2]  feed_cond;
  wire [247:0] feed_nibbles;

  pw_trace_feed u_feed (
    .clk_i, .rst_ni(rst_n), .enable_i(tracing),
    .empty_i(fifo_empty), .pop_o(fifo_pop), .record_i(fifo_record),
    .print_o(feed_print), .print_line_o(feed_line), .print_busy_i(print_busy),
    .print_cond_o(feed_cond), .print_nibbles_o(feed_nibbles), .idle_o(feed_idle)
  );

  // ------------------------------------------------------------ the self-test
  wire         seq_print, print_busy;
  wire [9:0]   seq_line;
  wire [1:0]   seq_cond;
  wire [207:0] seq_nibbles;
  wire         fail;

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
    .trace_room_i(fifo_room), .trace_idle_i(tap_idle && feed_idle),
    .trace_overflow_i(overflow), .tracing_o(tracing),
    .print_o(seq_print), .print_line_o(seq_line), .print_busy_i(print_busy),
    .print_cond_o(seq_cond), .print_nibbles_o(seq_nibbles),
    .done_o(done), .fail_o(fail)
  );

  wire       tx_valid, tx_ready;
  wire [7:0] tx_data;

  // One printer: the sequencer's lines before and after the trace, the feed's
  // while tracing (the two never print at once).
  pw_line_printer #(.InitFile(FmtFile)) u_printer (
    .clk_i, .rst_ni(rst_n),
    .start_i(seq_print || feed_print), .line_i(tracing ? feed_line : seq_line),
    .busy_o(print_busy),
    .cond_i({feed_cond, seq_cond}), .nibbles_i({feed_nibbles, seq_nibbles}),
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

  // The nibble bus (feed 62 + sequencer 52 nibbles) must be as wide as
  // syn/selftest/selftest_formats.c lays it out (FIELDS).
  generate
    if (`PW_FMT_NIBBLES != 114) begin : g_bus_width_mismatch
      nibble_bus_does_not_match_selftest_vh u_error ();
    end
  endgenerate
endmodule

`default_nettype wire
