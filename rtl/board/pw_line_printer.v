// pw_line_printer: prints one line of text to the UART from a template ROM
// (syn/selftest/selftest_formats.c writes the templates and documents their words).
//
// Template word:  [15:12] condition  [11] end of line  [10] field
//                 [9] leave out when a leading zero  [8] negate the condition
//                 [7:0] character or nibble index
// A word whose condition bit in cond_i is 0 (1 when negated) prints nothing. A field word prints
// nibble [7:0] of nibbles_i (nibble 0 in the top bits) as a hex digit. The
// end-of-line word prints '\n' and ends the line.
`default_nettype none
`include "selftest.vh"

module pw_line_printer #(
  parameter integer Nibbles  = `PW_FMT_NIBBLES,
  parameter         InitFile = ""          // the templates, $readmemh
) (
  input  wire                   clk_i,
  input  wire                   rst_ni,     // synchronous, active low
  input  wire                   start_i,    // print the line at line_i (when idle)
  input  wire [9:0]             line_i,     // its first template word
  output wire                   busy_o,
  input  wire [15:0]            cond_i,     // condition code c holds when cond_i[c]
  input  wire [4*Nibbles-1:0]   nibbles_i,  // the fields, stable while busy
  output wire                   tx_valid_o,
  input  wire                   tx_ready_i,
  output wire [7:0]             tx_data_o
);
  // States
  localparam [1:0] IDLE  = 2'd0,  // waiting for start_i
                   FETCH = 2'd1,  // the ROM reads the word at addr_q
                   SEND  = 2'd2;  // offer the decoded character to the UART
                   // (a skipped word goes straight back to FETCH)

  reg  [1:0]  state_q, state_d;
  reg  [9:0]  addr_q, addr_d;
  reg         decode_q, decode_d;     // the ROM's output is the word at addr_q - 1
  reg         seen_q, seen_d;         // a non-zero digit since the last character
  reg         last_q, last_d;         // the character being sent ends the line
  reg  [7:0]  char_q, char_d;
  wire [15:0] word;
  localparam integer LastNibbleI = Nibbles - 1;
  localparam [7:0]   LastNibble  = LastNibbleI[7:0];

  pw_rom #(.Width(16), .Depth(`PW_FMT_DEPTH), .InitFile(InitFile)) u_templates (
    .clk_i, .en_i(1'b1), .addr_i(addr_q), .data_o(word)
  );

  // Decode the word the ROM gives.
  wire       word_eol   = word[11];
  wire       word_field = word[10];
  wire       word_skip0 = word[9];
  wire       word_on    = cond_i[word[15:12]] ^ word[8];
  wire [8:0] nib_pos    = {1'b0, LastNibble} - {1'b0, word[7:0]};   // from the bus's LSB end
  wire [3:0] digit      = nibbles_i[4*nib_pos +: 4];
  wire [7:0] digit_char = (digit < 4'd10) ? 8'h30 + {4'd0, digit} : 8'h57 + {4'd0, digit};

  assign busy_o     = (state_q != IDLE);
  assign tx_valid_o = (state_q == SEND);
  assign tx_data_o  = char_q;

  always @* begin
    state_d  = state_q;
    addr_d   = addr_q;
    decode_d = 1'b0;
    seen_d   = seen_q;
    last_d   = last_q;
    char_d   = char_q;
    case (state_q)
      IDLE: begin
        if (start_i) begin
          addr_d  = line_i;
          seen_d  = 1'b0;
          state_d = FETCH;
        end
      end
      FETCH: begin
        // addr_q is read at this edge; the next cycle decodes it.
        if (!decode_q) begin
          decode_d = 1'b1;
        end else if (word_eol) begin
          char_d  = 8'h0a;
          last_d  = 1'b1;
          state_d = SEND;
        end else if (!word_on || (word_field && word_skip0 && digit == 4'd0 && !seen_q)) begin
          addr_d = addr_q + 10'd1;   // prints nothing: next word
        end else begin
          char_d  = word_field ? digit_char : word[7:0];
          seen_d  = word_field && (seen_q || digit != 4'd0);
          last_d  = 1'b0;
          addr_d  = addr_q + 10'd1;
          state_d = SEND;
        end
      end
      SEND: begin
        if (tx_ready_i) state_d = last_q ? IDLE : FETCH;
      end
      default: state_d = IDLE;
    endcase
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q  <= IDLE;
      addr_q   <= 10'd0;
      decode_q <= 1'b0;
      seen_q   <= 1'b0;
      last_q   <= 1'b0;
      char_q   <= 8'd0;
    end else begin
      state_q  <= state_d;
      addr_q   <= addr_d;
      decode_q <= decode_d;
      seen_q   <= seen_d;
      last_q   <= last_d;
      char_q   <= char_d;
    end
  end
endmodule

`default_nettype wire
