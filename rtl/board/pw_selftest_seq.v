// pw_selftest_seq: the on-board self-test. It reads the request list from a
// ROM (syn/selftest_gen.c wrote it with the model's expected results), drives
// the MMU with one request at a time, checks each response, and has every
// step printed as a line of a .vec file (docs/fpga.md).
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
  // to the line printer
  output reg         print_o,             // print the line at print_line_o
  output wire [8:0]  print_line_o,
  input  wire        print_busy_i,
  output wire [15:0] print_cond_o,
  output wire [4*`PW_FMT_NIBBLES-1:0] print_nibbles_o,
  // status
  output wire        done_o,              // every request answered (or a hang)
  output reg         fail_o               // a mismatch or a hang so far
);
  localparam integer NibbleBits = 4 * `PW_FMT_NIBBLES;
  localparam integer IndexBits  = $clog2(`PW_SELFTEST_REQ_DEPTH);
  localparam [1:0]   KindTranslate = 2'd0, KindSfence = 2'd1;

  // States
  localparam [3:0] HEADER   = 4'd0,  // print the header lines
                   FETCH    = 4'd1,  // read the entry at index_q
                   DISPATCH = 4'd2,  // look at its kind
                   REQUEST  = 4'd3,  // offer the request until the MMU takes it
                   WAIT     = 4'd4,  // wait for the response
                   SFENCE   = 4'd5,  // one cycle of sfence_valid
                   PRINT    = 4'd6,  // start the line, then wait for the printer
                   COUNTERS = 4'd7,  // print the MMU's counters
                   SUMMARY  = 4'd8,  // print "N passed, M failed"
                   HANG     = 4'd9,  // print the timeout line
                   DONE     = 4'd10; // stay

  reg [3:0]           state_q, state_d;
  reg [3:0]           after_q, after_d;     // the state after PRINT
  reg                 started_q, started_d; // PRINT has started its line
  reg [IndexBits-1:0] index_q, index_d;
  reg                 match_q, match_d;     // the last response was the expected one
  reg [TimeoutBits:0] wait_q, wait_d;
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

  assign satp_o            = entry[63:32];
  assign sum_o             = entry[121];
  assign mxr_o             = entry[120];
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

  wire resp_match = exp_fault ? (resp_fault_i && resp_cause_i == exp_cause)
                              : (!resp_fault_i && resp_paddr_i == exp_paddr);

  always @* begin
    state_d   = state_q;
    after_d   = after_q;
    started_d = 1'b0;
    index_d   = index_q;
    match_d   = match_q;
    wait_d    = wait_q;
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
        rom_en  = 1'b1;
        state_d = DISPATCH;
      end
      DISPATCH: begin
        wait_d = {(TimeoutBits+1){1'b0}};
        if (kind == KindTranslate)   state_d = REQUEST;
        else if (kind == KindSfence) state_d = SFENCE;
        else                         state_d = COUNTERS;
      end
      REQUEST: begin
        wait_d = wait_q + 1'b1;
        if (req_ready_i) state_d = WAIT;
        else if (wait_q[TimeoutBits]) state_d = HANG;
      end
      WAIT: begin
        wait_d = wait_q + 1'b1;
        if (resp_valid_i) begin
          match_d  = resp_match;
          pass_inc = resp_match;
          fail_inc = !resp_match;
          fail_d   = fail_o || !resp_match;
          after_d  = FETCH;
          index_d  = index_q + 1'b1;
          state_d  = PRINT;
        end else if (wait_q[TimeoutBits]) begin
          state_d = HANG;
        end
      end
      SFENCE: begin
        after_d = FETCH;
        index_d = index_q + 1'b1;
        state_d = PRINT;
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
  reg [8:0] line_q;
  assign print_line_o = line_q;
  always @(posedge clk_i) begin
    if (state_d == PRINT && state_q != PRINT) begin
      case (state_q)
        HEADER:   line_q <= `PW_FMT_HEADER;
        SFENCE:   line_q <= `PW_FMT_SFENCE;
        COUNTERS: line_q <= `PW_FMT_COUNTERS;
        SUMMARY:  line_q <= `PW_FMT_SUMMARY;
        HANG:     line_q <= `PW_FMT_TIMEOUT;
        default:  line_q <= `PW_FMT_T;
      endcase
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q   <= HEADER;
      after_q   <= FETCH;
      started_q <= 1'b0;
      index_q   <= {IndexBits{1'b0}};
      match_q   <= 1'b0;
      wait_q    <= {(TimeoutBits+1){1'b0}};
      fail_o    <= 1'b0;
    end else begin
      state_q   <= state_d;
      after_q   <= after_d;
      started_q <= started_d;
      index_q   <= index_d;
      match_q   <= match_d;
      wait_q    <= wait_d;
      fail_o    <= fail_d;
    end
  end

  // Pass and fail counts, in decimal for the summary line.
  wire [15:0] passed, failed;
  pw_bcd_counter #(.Digits(4)) u_passed (.clk_i, .rst_ni, .inc_i(pass_inc), .value_o(passed));
  pw_bcd_counter #(.Digits(4)) u_failed (.clk_i, .rst_ni, .inc_i(fail_inc), .value_o(failed));

  // Conditions for the printer (codes of syn/selftest_gen.c, CONDS).
  wire [1:0] priv = entry[123:122];
  wire [1:0] acc  = entry[125:124];
  assign print_cond_o = {
    2'b00,                                   // 15, 14: unused
    Svadu != 0,                              // 13 svadu
    Svadu == 0,                              // 12 svade
    acc[1],                                  // 11 acc_x (3: reserved, a fetch)
    acc == 2'd1,                             // 10 acc_w
    acc == 2'd0,                             //  9 acc_r
    priv[1],                                 //  8 priv_m (2: reserved, M)
    priv == 2'd1,                            //  7 priv_s
    priv == 2'd0,                            //  6 priv_u
    !match_q && exp_fault,                   //  5 bad_fault
    !match_q && !exp_fault,                  //  4 bad_ok
    match_q,                                 //  3 match
    resp_fault_i,                            //  2 got_fault
    !resp_fault_i,                           //  1 got_ok
    1'b1                                     //  0 always
  };

  // The nibble bus: every field the templates print, nibble 0 in the top bits.
  localparam integer TlbTensI = TlbEntries / 10 % 10;
  localparam integer TlbOnesI = TlbEntries % 10;
  localparam [3:0]   TlbTens  = TlbTensI[3:0];
  localparam [3:0]   TlbOnes  = TlbOnesI[3:0];
  wire [7:0] tlb_decimal = {TlbTens, TlbOnes};
  wire [3:0] sum_nibble  = {3'b000, entry[121]};
  wire [3:0] mxr_nibble  = {3'b000, entry[120]};
  assign print_nibbles_o = {
    entry[63:32],                        // satp
    entry[31:0],                         // va
    2'b00, resp_paddr_i,                 // pa
    2'b00, exp_paddr,                    // exp_pa
    cause_decimal(resp_fault_i ? resp_cause_i : 4'd0),   // cause
    cause_decimal(exp_cause),            // exp_cause
    sum_nibble, mxr_nibble,              // sum, mxr
    3'b000, entry[73], 3'b000, entry[74],// all_va, all_asid
    3'b000, fence_asid,                  // asid
    counters_i,                          // hits, misses, walks, faults, walk_cycles
    passed, failed,                      // passed, failed
    tlb_decimal                          // tlb
  };

  // Two decimal digits of a cause (0 to 15).
  function [7:0] cause_decimal(input [3:0] cause);
    cause_decimal = (cause >= 4'd10) ? {4'd1, cause - 4'd10} : {4'd0, cause};
  endfunction

  // The bus must be exactly as wide as syn/selftest_gen.c lays it out.
  localparam integer BusBits = 32 + 32 + 36 + 36 + 8 + 8 + 4 + 4 + 4 + 4 + 12 + 160 + 16 + 16 + 8;
  generate
    if (BusBits != NibbleBits) begin : g_bus_width_mismatch
      bus_width_does_not_match_selftest_vh u_error ();
    end
  endgenerate
endmodule

`default_nettype wire
