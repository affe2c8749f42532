// pw_up5k_spram: the iCE40UP5K's four single-port RAMs (SB_SPRAM256KA, 16K
// x 16 bits each) as one 128 KiB RAM of 32K 32-bit words, with byte write
// enables and a synchronous read: the interface of pw_soc_ram.
//
//   word address [14]   selects a pair of SPRAMs (bank 0: words 0..16K-1)
//   word address [13:0] is the address inside both SPRAMs of the pair
//   the pair's first SPRAM holds bits 15:0, the second bits 31:16
//
// An SPRAM writes 4-bit nibbles (MASKWREN); a byte lane's strobe enables its
// two nibbles. SPRAM contents cannot be set by the bitstream: they start
// undefined (docs/fpga.md, "Loading the firmware"). The read data of a write
// cycle is not defined (the SoC's bus ignores it). In simulation the primitive
// is tests/board/sb_spram256ka.v, checked against yosys's own model.
`default_nettype none

module pw_up5k_spram (
  input  wire        clk_i,
  input  wire        en_i,       // an access this cycle
  input  wire [14:0] addr_i,     // word index
  input  wire [3:0]  wstrb_i,    // byte lanes written (0: a read)
  input  wire [31:0] wdata_i,
  output wire [31:0] rdata_o     // the word, the cycle after en_i
);
  wire        we = |wstrb_i;
  wire [15:0] rdata_lo [0:1];
  wire [15:0] rdata_hi [0:1];
  reg         bank_q;            // the bank that answers in this cycle

  always @(posedge clk_i) begin
    if (en_i) bank_q <= addr_i[14];
  end

  genvar b;
  generate
    for (b = 0; b < 2; b = b + 1) begin : g_bank
      wire sel = en_i && (addr_i[14] == b);
      SB_SPRAM256KA u_lo (
        .ADDRESS    (addr_i[13:0]),
        .DATAIN     (wdata_i[15:0]),
        .MASKWREN   ({wstrb_i[1], wstrb_i[1], wstrb_i[0], wstrb_i[0]}),
        .WREN       (we),
        .CHIPSELECT (sel),
        .CLOCK      (clk_i),
        .STANDBY    (1'b0),
        .SLEEP      (1'b0),
        .POWEROFF   (1'b1),   // active low: powered
        .DATAOUT    (rdata_lo[b])
      );
      SB_SPRAM256KA u_hi (
        .ADDRESS    (addr_i[13:0]),
        .DATAIN     (wdata_i[31:16]),
        .MASKWREN   ({wstrb_i[3], wstrb_i[3], wstrb_i[2], wstrb_i[2]}),
        .WREN       (we),
        .CHIPSELECT (sel),
        .CLOCK      (clk_i),
        .STANDBY    (1'b0),
        .SLEEP      (1'b0),
        .POWEROFF   (1'b1),
        .DATAOUT    (rdata_hi[b])
      );
    end
  endgenerate

  assign rdata_o = bank_q ? {rdata_hi[1], rdata_lo[1]} : {rdata_hi[0], rdata_lo[0]};
endmodule

`default_nettype wire
