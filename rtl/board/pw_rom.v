// pw_rom: a read-only memory with a registered read port, initialised from a
// $readmemh file at synthesis: the shape yosys maps to block RAM.
`default_nettype none

module pw_rom #(
  parameter integer Width    = 16,
  parameter integer Depth    = 256,
  parameter         InitFile = ""      // $readmemh image (rtl/board/selftest/...)
) (
  input  wire                     clk_i,
  input  wire                     en_i,     // read at the edge; the data holds otherwise
  input  wire [$clog2(Depth)-1:0] addr_i,
  output reg  [Width-1:0]         data_o
);
  reg [Width-1:0] mem [0:Depth-1];

  initial begin
    if (InitFile != "") $readmemh(InitFile, mem);
  end

  always @(posedge clk_i) begin
    if (en_i) data_o <= mem[addr_i];
  end
endmodule

`default_nettype wire
