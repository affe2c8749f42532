// pw_soc_ram: the RAM, Words 32-bit words with byte write enables and a
// synchronous read (block RAM on an FPGA). InitFile, when not empty, is a
// $readmemh image of word 0 onwards (the firmware; objcopy -O verilog
// --verilog-data-width=4 with the load address moved to 0 makes one).
`default_nettype none

module pw_soc_ram #(
  parameter integer Words    = 262144,
  parameter         InitFile = ""
) (
  input  wire                     clk_i,
  input  wire                     en_i,       // an access this cycle
  input  wire [$clog2(Words)-1:0] addr_i,     // word index
  input  wire [3:0]               wstrb_i,    // byte lanes written (0: a read)
  input  wire [31:0]              wdata_i,
  output reg  [31:0]              rdata_o     // the word, the cycle after en_i
);
  reg [31:0] mem_q [0:Words-1];

  initial begin
    if (InitFile != "") $readmemh(InitFile, mem_q);
  end

  always @(posedge clk_i) begin
    if (en_i) begin
      if (wstrb_i[0]) mem_q[addr_i][7:0]   <= wdata_i[7:0];
      if (wstrb_i[1]) mem_q[addr_i][15:8]  <= wdata_i[15:8];
      if (wstrb_i[2]) mem_q[addr_i][23:16] <= wdata_i[23:16];
      if (wstrb_i[3]) mem_q[addr_i][31:24] <= wdata_i[31:24];
      rdata_o <= mem_q[addr_i];
    end
  end

`ifdef VERILATOR
  // Simulation backdoor (the harness loads ELF segments and reads tohost).
  export "DPI-C" function pw_ram_write_word;
  export "DPI-C" function pw_ram_read_word;
  function void pw_ram_write_word(input int index, input int value);
    mem_q[index[$clog2(Words)-1:0]] = value;
  endfunction
  function int pw_ram_read_word(input int index);
    return mem_q[index[$clog2(Words)-1:0]];
  endfunction
`endif
endmodule
`default_nettype wire
