// pw_soc_ram for the iCE40UP5K (the iCEBreaker SoC): the same module name,
// parameters and ports as rtl/soc/pw_soc_ram.v, which the iCEBreaker's file
// list replaces by this file (docs/fpga.md, "The SoC on a board"). Other
// targets keep the portable RAM.
//
//   word 0 .. 32K-1        128 KiB of SPRAM (pw_up5k_spram): the RAM
//   word 32K .. 32K+511    the boot ROM, 2 KiB of block RAM from InitFile
//                          (the loader, syn/boot); writes are ignored
//   word 32K+512 .. 64K-1  the boot ROM again (the window is a power of two)
//
// The SoC is built with RamBytes = UP5K_RAM_WINDOW (256 KiB, so that the ROM
// fits in the RAM window behind the SPRAM) and ResetPc = the ROM's address.
// SPRAM cannot be loaded by the bitstream: the loader fills it at reset.
`default_nettype none
`include "pagewalk_board.vh"

module pw_soc_ram #(
  parameter integer Words    = `PW_UP5K_RAM_WINDOW / 4,
  parameter         InitFile = ""                        // the boot ROM's $readmemh image
) (
  input  wire                     clk_i,
  input  wire                     en_i,
  input  wire [$clog2(Words)-1:0] addr_i,
  input  wire [3:0]               wstrb_i,
  input  wire [31:0]              wdata_i,
  output wire [31:0]              rdata_o
);
  localparam integer SpramWords = `PW_UP5K_SPRAM_BYTES / 4;
  localparam integer RomWords   = `PW_BOOT_ROM_BYTES / 4;
  localparam integer SpramBits  = $clog2(SpramWords);
  localparam integer RomBits    = $clog2(RomWords);

  // Any other size is an error in simulation (the SPRAM is what it is). Not
  // in synthesis: yosys also elaborates pw_soc with its default RamBytes,
  // before it knows the top does not use that one.
`ifndef SYNTHESIS
  initial begin
    if (Words != 2 * SpramWords) begin
      $display("pw_soc_ram (UP5K): error: Words = %0d; the SoC's RamBytes must be UP5K_RAM_WINDOW (%0d bytes)",
               Words, 8 * SpramWords);
      $finish;
    end
  end
`endif

  wire in_rom = addr_i[SpramBits];

  wire [31:0] spram_rdata;
  pw_up5k_spram u_spram (
    .clk_i,
    .en_i    (en_i && !in_rom),
    .addr_i  (addr_i[SpramBits-1:0]),
    .wstrb_i (wstrb_i),
    .wdata_i (wdata_i),
    .rdata_o (spram_rdata)
  );

  reg [31:0] rom [0:RomWords-1];
  initial begin
    if (InitFile != "") $readmemh(InitFile, rom);
  end

  reg [31:0] rom_q;
  reg        from_rom_q;
  always @(posedge clk_i) begin
    if (en_i) begin
      from_rom_q <= in_rom;
      rom_q      <= rom[addr_i[RomBits-1:0]];
    end
  end
  assign rdata_o = from_rom_q ? rom_q : spram_rdata;
endmodule

`default_nettype wire
