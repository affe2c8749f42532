// pw_selftest_seq: the on-board self-test. It reads the request list from a
// ROM (syn/selftest/selftest_gen.c wrote it with the model's expected results), drives
// the MMU with one request at a time, checks each response and counts the
// results. The UART carries the run as a trace (pw_trace_tap and friends,
// docs/fpga.md): this module prints only the trace's header and, once the
// trace has drained, the summary comment lines. It starts a step only when
// the trace FIFO has room for all the events the step can cause.
//
// ROM entry (128 bits):
//   [127:126] kind: 0 translate, 1 sfence, 2 end       [125:124] access
//   [123:122] priv  [121] SUM  [120] MXR  [119] expected fault
//   [118:115] expected cause  [114:81] expected PA  [74] sfence all_asid
//   [73] sfence all_va  [72:64] sfence ASID  [63:32] satp  [31:0] VA
`default_nettype none
`include "selftest.vh"

module pw_selftest_seq #(
  parameter integer TlbEntries   = 8,     // printed in the header
  parameter integer Svadu        = 0,     // printed in the header
  parameter integer TimeoutBits  = 16,    // a response later than 2^16 cycles is a hang
  parameter         InitFile     = ""     // the request ROM, $readmemh
) (
  input  wire        clk_i,
  input  wire        rst_ni,              // synchronous, active low
  // to the MMU
  output wire [31:0] satp_o,
  output wire        sum_o,
  output wire        mxr_o,
  output wire        req_valid_o,
  input  wire        req_ready_i,
  output wire [31:0] req_vaddr_o,
  output wire [1:0]  req_access_o,
  output wire [1:0]  req_priv_o,
  input  wire        resp_valid_i,
  input  wire [33:0] resp_paddr_i,        // holds until the next response
  input  wire        resp_fault_i,
  input  wire [3:0]  resp_cause_i,
  output wire        sfence_valid_o,
  output wire [31:0] sfence_vaddr_o,
  output wire [8:0]  sfence_asid_o,
  output wire        sfence_all_va_o,
  output wire        sfence_all_asid_o,
  input  wire [159:0] counters_i,         // {hits, misses, walks, faults, walk_cycles}
  // the trace
  input  wire        trace_room_i,        // the FIFO can take a whole step's events
  input  wire        trace_idle_i,        // every event so far is printed
  input  wire        trace_overflow_i,    // an event was lost
  output wire        tracing_o,           // the UART is the trace's now
  // to the line printer
  output reg         print_o,             // print the line at print_line_o
  output wire [9:0]  print_line_o,
  input  wire        print_busy_i,
  output wire [1:0]  print_cond_o,        // codes 1 (svadu) and 0 (always)
  output wire [207:0] print_nibbles_o,    // the self-test's fields, 52 nibbles
  // status
  output wire        done_o,              // every request answered (or a hang)
  output reg         fail_o               // a mismatch or a hang so far
);
  localparam integer IndexBits  = $clog2(`PW_SELFTEST_REQ_DEPTH);
  // Entry kinds as syn/selftest/selftest_gen.c encodes them (selftest.vh).
  localparam [1:0]   KindTranslate = `PW_SELFTEST_KIND_TRANSLATE,
                     KindSfence    = `PW_SELFTEST_KIND_SFENCE;

  // States
  localparam [3:0] HEADER   = 4'd0,  // print the trace's header lines
                   FETCH    = 4'd1,  // read the entry at index_q, once the trace has room
                   DISPATCH = 4'd2,  // look at its kind
                   REQUEST  = 4'd3,  // offer the request until the MMU takes it
                   WAIT     = 4'd4,  // wait for the response
                   SFENCE   = 4'd5,  // one cycle of sfence_valid
                   PRINT    = 4'd6,  // start the line, then wait for the printer
                   DRAIN    = 4'd7,  // wait until the trace is printed
                   COUNTERS = 4'd8,  // print the MMU's counters
                   SUMMARY  = 4'd9,  // print "selftest: N passed, M failed"
                   OVERFLOW = 4'd10, // print that the trace lost events
                   HANG     = 4'd11, // print the timeout line
                   DONE     = 4'd12; // stay

  reg [3:0]           state_q, state_d;
  reg [3:0]           after_q, after_d;     // the state after PRINT
  reg                 started_q, started_d; // PRINT has started its line
  reg [IndexBits-1:0] index_q, index_d;
  reg [TimeoutBits:0] wait_q, wait_d;
  reg                 hang_q, hang_d;       // the MMU did not answer
  reg                 loaded_q;             // the ROM's output is an entry
  reg                 fail_d;
  reg                 rom_en, pass_inc, fail_inc;
  wire [127:0]        entry;

  pw_rom #(.Width(128), .Depth(`PW_SELFTEST_REQ_DEPTH), .InitFile(InitFile)) u_requests (
    .clk_i, .en_i(rom_en), .addr_i(index_q), .data_o(entry)
  );

  // The entry's fields; the ROM's output holds until the next FETCH.
  wire [1:0]  kind       = entry[127:126];
  wire        exp_fault  = entry[119];
  wire [3:0]  exp_cause  = entry[118:115];
  wire [33:0] exp_paddr  = entry[114:81];
  wire [8:0]  fence_asid = entry[72:64];
  wire        unused_entry = &{1'b0, entry[80:75]};   // spare bits

  // The context is 0 until the first entry is read (the ROM is not reset).
  assign satp_o            = loaded_q ? entry[63:32] : 32'd0;
  assign sum_o             = loaded_q && entry[121];
  assign mxr_o             = loaded_q && entry[120];
  assign req_vaddr_o       = entry[31:0];
  assign req_access_o      = entry[125:124];
  assign req_priv_o        = entry[123:122];
  assign req_valid_o       = (state_q == REQUEST);
  assign sfence_valid_o    = (state_q == SFENCE);
  assign sfence_vaddr_o    = entry[31:0];
  assign sfence_asid_o     = fence_asid;
  assign sfence_all_va_o   = entry[73];
  assign sfence_all_asid_o = entry[74];
  assign done_o            = (state_q == DONE);
  assign tracing_o         = (state_q == FETCH || state_q == DISPATCH || state_q == REQUEST ||
                              state_q == WAIT || state_q == SFENCE || state_q == DRAIN);

  wire resp_match = exp_fault ? (resp_fault_i && resp_cause_i == exp_cause)
                              : (!resp_fault_i && resp_paddr_i == exp_paddr);

  always @* begin
    state_d   = state_q;
    after_d   = after_q;
    started_d = 1'b0;
    index_d   = index_q;
    wait_d    = wait_q;
    hang_d    = hang_q;
    fail_d    = fail_o;
    rom_en    = 1'b0;
    pass_inc  = 1'b0;
    fail_inc  = 1'b0;
    print_o   = 1'b0;
    case (state_q)
      HEADER: begin
        after_d = FETCH;
        state_d = PRINT;
      end
      FETCH: begin
        rom_en = trace_room_i;
        if (trace_room_i) state_d = DISPATCH;
      end
      DISPATCH: begin
        wait_d = {(TimeoutBits+1){1'b0}};
        if (kind == KindTranslate)   state_d = REQUEST;
        else if (kind == KindSfence) state_d = SFENCE;
        else                         state_d = DRAIN;
      end
      REQUEST: begin
        wait_d = wait_q + 1'b1;
        if (req_ready_i) state_d = WAIT;
        else if (wait_q[TimeoutBits]) begin
          hang_d  = 1'b1;
          state_d = DRAIN;
        end
      end
      WAIT: begin
        wait_d = wait_q + 1'b1;
        if (resp_valid_i) begin
          pass_inc = resp_match;
          fail_inc = !resp_match;
          fail_d   = fail_o || !resp_match;
          index_d  = index_q + 1'b1;
          state_d  = FETCH;
        end else if (wait_q[TimeoutBits]) begin
          hang_d  = 1'b1;
          state_d = DRAIN;
        end
      end
      SFENCE: begin
        index_d = index_q + 1'b1;
        state_d = FETCH;
      end
      DRAIN: begin
        if (trace_idle_i) state_d = hang_q ? HANG : COUNTERS;
      end
      PRINT: begin
        // line_q: the line of the state that came here (see below).
        print_o   = !started_q;
        started_d = 1'b1;
        if (started_q && !print_busy_i) state_d = after_q;
      end
      COUNTERS: begin
        after_d = SUMMARY;
        state_d = PRINT;
      end
      SUMMARY: begin
        after_d = trace_overflow_i ? OVERFLOW : DONE;
        state_d = PRINT;
      end
      OVERFLOW: begin
        after_d = DONE;
        state_d = PRINT;
      end
      HANG: begin
        fail_d  = 1'b1;
        after_d = DONE;
        state_d = PRINT;
      end
      DONE: ;
      default: state_d = HEADER;
    endcase
  end

  // The line PRINT prints, chosen by the state that went to PRINT.
  reg [9:0] line_q;
  assign print_line_o = line_q;
  always @(posedge clk_i) begin
    if (state_d == PRINT && state_q != PRINT) begin
      case (state_q)
        COUNTERS: line_q <= `PW_FMT_COUNTERS;
        SUMMARY:  line_q <= `PW_FMT_SUMMARY;
        OVERFLOW: line_q <= `PW_FMT_OVERFLOW;
        HANG:     line_q <= `PW_FMT_TIMEOUT;
        default:  line_q <= `PW_FMT_HEADER;
      endcase
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q   <= HEADER;
      after_q   <= FETCH;
      started_q <= 1'b0;
      index_q   <= {IndexBits{1'b0}};
      wait_q    <= {(TimeoutBits+1){1'b0}};
      hang_q    <= 1'b0;
      loaded_q  <= 1'b0;
      fail_o    <= 1'b0;
    end else begin
      state_q   <= state_d;
      after_q   <= after_d;
      started_q <= started_d;
      index_q   <= index_d;
      wait_q    <= wait_d;
      hang_q    <= hang_d;
      loaded_q  <= loaded_q || rom_en;
      fail_o    <= fail_d;
    end
  end

  // Pass and fail counts, in decimal for the summary line.
  wire [15:0] passed, failed;
  pw_bcd_counter #(.Digits(4)) u_passed (.clk_i, .rst_ni, .inc_i(pass_inc), .value_o(passed));
  pw_bcd_counter #(.Digits(4)) u_failed (.clk_i, .rst_ni, .inc_i(fail_inc), .value_o(failed));

  // Conditions for the printer (codes of syn/selftest/selftest_formats.c, CONDS).
  assign print_cond_o = {Svadu != 0, 1'b1};   // 1 svadu, 0 always

  // The self-test's fields on the nibble bus (FIELDS in syn/selftest/selftest_formats.c).
  localparam integer TlbTensI = TlbEntries / 10 % 10;
  localparam integer TlbOnesI = TlbEntries % 10;
  localparam [3:0]   TlbTens  = TlbTensI[3:0];
  localparam [3:0]   TlbOnes  = TlbOnesI[3:0];
  assign print_nibbles_o = {
    counters_i,                          // hits, misses, walks, faults, walk_cycles
    passed, failed,                      // passed, failed (decimal)
    TlbTens, TlbOnes,                    // tlb (decimal)
    index_q                              // index: the request that hung
  };

  generate
    if (IndexBits != 8) begin : g_index_is_two_nibbles
      selftest_req_depth_must_be_256 u_error ();
    end
  endgenerate
endmodule

`default_nettype wire
