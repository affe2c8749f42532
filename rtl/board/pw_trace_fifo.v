// pw_trace_fifo: the trace records between pw_trace_tap and pw_trace_feed, in
// block RAM (a registered read: what yosys maps to iCE40 and ECP5 block RAM).
//
// pop_i (only when !empty_o) reads the head: data_o holds it from the next
// cycle until the next pop. ready_o: two free entries at least, so a producer
// whose push is registered may push once more after seeing it. room_o: Room
// free entries at least, for a producer that must not start what it cannot
// record (the self-test's sequencer: one translation's events).
`default_nettype none

module pw_trace_fifo #(
  parameter integer Width    = 111,
  parameter integer AddrBits = 8,       // 256 entries
  parameter integer Room     = 24
) (
  input  wire             clk_i,
  input  wire             rst_ni,       // synchronous, active low: empties it
  input  wire             push_i,
  input  wire [Width-1:0] data_i,
  input  wire             pop_i,
  output reg  [Width-1:0] data_o,
  output wire             empty_o,
  output wire             ready_o,
  output wire             room_o
);
  localparam integer Depth = 1 << AddrBits;
  localparam [AddrBits:0] ReadyFree = 2;
  localparam [AddrBits:0] RoomFree  = Room[AddrBits:0];
  localparam [AddrBits:0] DepthN    = Depth[AddrBits:0];

  reg [Width-1:0]    mem [0:Depth-1];
  reg [AddrBits-1:0] head_q, tail_q;
  reg [AddrBits:0]   count_q;
  wire [AddrBits:0]  free = DepthN - count_q;

  assign empty_o = (count_q == {(AddrBits+1){1'b0}});
  assign ready_o = (free >= ReadyFree);
  assign room_o  = (free >= RoomFree);

  always @(posedge clk_i) begin
    if (push_i) mem[tail_q] <= data_i;
  end

  always @(posedge clk_i) begin
    if (pop_i) data_o <= mem[head_q];
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      head_q  <= {AddrBits{1'b0}};
      tail_q  <= {AddrBits{1'b0}};
      count_q <= {(AddrBits+1){1'b0}};
    end else begin
      if (push_i) tail_q <= tail_q + 1'b1;
      if (pop_i)  head_q <= head_q + 1'b1;
      count_q <= count_q + {{AddrBits{1'b0}}, push_i} - {{AddrBits{1'b0}}, pop_i};
    end
  end
endmodule

`default_nettype wire
