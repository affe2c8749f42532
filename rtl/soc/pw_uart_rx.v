// pw_uart_rx: an 8N1 UART receiver. The line is synchronised, a start bit is
// confirmed at its middle, each data bit sampled at its middle (LSB first),
// and valid_o pulses with the byte in the middle of the stop bit (a frame
// whose stop bit is 0 is dropped).
`default_nettype none

module pw_uart_rx #(
  parameter integer ClocksPerBit = 104   // clock / baud
) (
  input  wire       clk_i,
  input  wire       rst_ni,
  input  wire       rx_i,                // serial line, idle 1
  output reg        valid_o,             // one cycle: data_o holds a byte
  output reg  [7:0] data_o
);
  localparam integer CountBits = $clog2(ClocksPerBit + 1);
  localparam integer HalfI     = ClocksPerBit / 2;
  localparam integer LastI     = ClocksPerBit - 1;
  localparam [CountBits-1:0] Half = HalfI[CountBits-1:0];
  localparam [CountBits-1:0] Last = LastI[CountBits-1:0];

  reg [1:0]           sync_q;      // two flops against metastability
  reg [3:0]           bit_q;       // 0 idle, 1 start, 2..9 data, 10 stop
  reg [CountBits-1:0] count_q;
  reg [7:0]           shift_q;
  wire                line = sync_q[1];

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      sync_q  <= 2'b11;
      bit_q   <= 4'd0;
      count_q <= {CountBits{1'b0}};
      shift_q <= 8'd0;
      valid_o <= 1'b0;
      data_o  <= 8'd0;
    end else begin
      sync_q  <= {sync_q[0], rx_i};
      valid_o <= 1'b0;
      if (bit_q == 4'd0) begin
        // Idle: a falling edge starts the count to the start bit's middle.
        if (!line) begin
          bit_q   <= 4'd1;
          count_q <= {CountBits{1'b0}};
        end
      end else if (bit_q == 4'd1 && count_q == Half) begin
        // The start bit's middle: still low, or a glitch.
        if (line) bit_q <= 4'd0;
        else begin bit_q <= 4'd2; count_q <= {CountBits{1'b0}}; end
      end else if (count_q == Last) begin
        count_q <= {CountBits{1'b0}};
        if (bit_q == 4'd10) begin
          bit_q <= 4'd0;
          if (line) begin valid_o <= 1'b1; data_o <= shift_q; end
        end else begin
          shift_q <= {line, shift_q[7:1]};
          bit_q   <= bit_q + 4'd1;
        end
      end else begin
        count_q <= count_q + {{(CountBits-1){1'b0}}, 1'b1};
      end
    end
  end
endmodule
`default_nettype wire
