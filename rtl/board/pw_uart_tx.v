// pw_uart_tx: an 8N1 UART transmitter with a valid/ready byte input.
//
// A byte is taken when valid_i and ready_o; it leaves LSB first after a start
// bit (0) and before a stop bit (1), each bit ClocksPerBit cycles long.
// ready_o is 1 again in the cycle after the stop bit ends. The line idles at 1.
`default_nettype none

module pw_uart_tx #(
  parameter integer ClocksPerBit = 104  // clock / baud, e.g. 12 MHz / 115200
) (
  input  wire       clk_i,
  input  wire       rst_ni,    // synchronous, active low
  input  wire       valid_i,
  output wire       ready_o,
  input  wire [7:0] data_i,
  output wire       tx_o       // serial line, idle 1
);
  localparam integer CountBits = $clog2(ClocksPerBit + 1);
  localparam integer         LastCountI = ClocksPerBit - 1;
  localparam [CountBits-1:0] LastCount  = LastCountI[CountBits-1:0];

  // frame_q holds the bits still to send, LSB on the line: {stop, data, start}.
  reg [9:0]           frame_q;
  reg [3:0]           bits_left_q;   // 0: idle
  reg [CountBits-1:0] count_q;       // cycles into the current bit

  assign ready_o = (bits_left_q == 4'd0);
  assign tx_o    = frame_q[0];

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      frame_q     <= 10'h3ff;
      bits_left_q <= 4'd0;
      count_q     <= {CountBits{1'b0}};
    end else if (ready_o) begin
      if (valid_i) begin
        frame_q     <= {1'b1, data_i, 1'b0};
        bits_left_q <= 4'd10;
        count_q     <= {CountBits{1'b0}};
      end
    end else if (count_q == LastCount) begin
      frame_q     <= {1'b1, frame_q[9:1]};
      bits_left_q <= bits_left_q - 4'd1;
      count_q     <= {CountBits{1'b0}};
    end else begin
      count_q <= count_q + {{(CountBits-1){1'b0}}, 1'b1};
    end
  end
endmodule

`default_nettype wire
