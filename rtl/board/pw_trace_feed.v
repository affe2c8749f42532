// pw_trace_feed: takes trace records from pw_trace_fifo and has
// pw_line_printer print each as a trace line (docs/trace-format.md). The
// record's kind chooses the line template (syn/selftest/selftest_formats.c writes them); the
// record's fields, laid out as the templates expect, go to the printer's
// nibble bus, and its flags to the printer's conditions.
`default_nettype none
`include "selftest.vh"

module pw_trace_feed (
  input  wire         clk_i,
  input  wire         rst_ni,          // synchronous, active low
  input  wire         enable_i,        // the UART is the trace's (the sequencer's header is out)
  // from the FIFO
  input  wire         empty_i,
  output wire         pop_o,
  input  wire [110:0] record_i,        // {kind, stamp, payload} (pw_trace_tap.v)
  // to the line printer
  output wire         print_o,
  output reg  [9:0]   print_line_o,
  input  wire         print_busy_i,
  output wire [15:2]  print_cond_o,    // codes 2 to 15 (syn/selftest/selftest_formats.c, CONDS)
  output wire [247:0] print_nibbles_o, // the trace fields, 62 nibbles (FIELDS)
  output wire         idle_o           // no record taken, none left
);
  // States
  localparam [1:0] IDLE  = 2'd0,  // wait for a record
                   READ  = 2'd1,  // the FIFO reads it
                   START = 2'd2,  // start its line
                   PRINT = 2'd3;  // wait for the printer

  reg [1:0] state_q, state_d;

  assign pop_o   = (state_q == IDLE) && enable_i && !empty_i;
  assign print_o = (state_q == START);
  assign idle_o  = (state_q == IDLE) && empty_i;

  always @* begin
    state_d = state_q;
    case (state_q)
      IDLE:    if (pop_o) state_d = READ;
      READ:    state_d = START;
      START:   state_d = PRINT;
      PRINT:   if (!print_busy_i) state_d = IDLE;
      default: state_d = IDLE;
    endcase
  end

  always @(posedge clk_i) begin
    if (!rst_ni) state_q <= IDLE;
    else         state_q <= state_d;
  end

  // ------------------------------------------------------------ the record
  wire [3:0]  kind  = record_i[110:107];
  wire [39:0] stamp = record_i[106:67];
  wire [66:0] p     = record_i[66:0];

  always @* begin
    case (kind)
      4'd0:    print_line_o = `PW_FMT_RESET;
      4'd1:    print_line_o = `PW_FMT_CTX;
      4'd2:    print_line_o = `PW_FMT_SFENCE;
      4'd3:    print_line_o = `PW_FMT_REQ;
      4'd4:    print_line_o = `PW_FMT_RESP;
      4'd5:    print_line_o = `PW_FMT_MEM;
      4'd6:    print_line_o = `PW_FMT_MEMRESP;
      4'd7:    print_line_o = `PW_FMT_EVICT;
      default: print_line_o = `PW_FMT_FILL;
    endcase
  end

  // Conditions: the flags of the payload (only the kind's own line reads them).
  assign print_cond_o = {
    p[62:58],                    // 15 to 11: fill perm D U X W R
    p[32],                       // 10 memresp err
    p[66],                       //  9 mem we
    p[38],                       //  8 resp fault
    p[35],                       //  7 priv M (2: reserved, M)
    p[35:34] == 2'd1,            //  6 priv S
    p[35:34] == 2'd0,            //  5 priv U
    p[33],                       //  4 acc x (3: reserved, a fetch)
    p[33:32] == 2'd1,            //  3 acc w
    p[33:32] == 2'd0             //  2 acc r (1 and 0: the sequencer's)
  };

  // The fields, in the order of FIELDS in syn/selftest/selftest_formats.c.
  assign print_nibbles_o = {
    stamp,                       // cycle, 10 decimal digits
    p[31:0],                     // word: satp, va, rdata
    3'b000, p[32],               // sum
    3'b000, p[33],               // mxr
    3'b000, p[40:32],            // sasid
    3'b000, p[41],               // all_va
    3'b000, p[42],               // all_asid
    2'b00, p[33:0],              // pa: resp pa, mem addr
    two_digits({1'b0, p[37:34]}), // cause, decimal
    p[65:34],                    // data: mem wdata
    two_digits(p[4:0]),          // idx, decimal
    p[24:5],                     // vpn
    3'b000, p[33:25],            // fasid
    3'b000, p[34],               // mega
    3'b000, p[35],               // g
    2'b00, p[57:36]              // ppn
  };

  // Two decimal digits of a value 0 to 31 (as 5 bits).
  function [7:0] two_digits(input [4:0] v);
    two_digits = (v >= 5'd30) ? {4'd3, v[3:0] - 4'd14} :
                 (v >= 5'd20) ? {4'd2, v[3:0] - 4'd4}  :
                 (v >= 5'd10) ? {4'd1, v[3:0] - 4'd10} : {4'd0, v[3:0]};
  endfunction
endmodule

`default_nettype wire
