// pw_board_mem: the walker's memory on the board, block RAM behind the MMU's
// memory port (docs/mmu.md, "Memory port protocol").
//
// Layout (docs/fpga.md; syn/selftest/selftest_tables.c models the same memory):
//   PA in [RAM, RAM + Tables * 4 KiB)  word {PA[13:12], PA[9:2]} of the RAM:
//                                      each 4 KiB table keeps 256 PTEs, so
//                                      PTE index bits 9:8 are ignored
//   any other PA                       a bus error (err = 1)
// Every handshake is answered the cycle after it (latency 1). With
// Backpressure = 1 an LFSR drops mem_req_ready_o on about half the cycles,
// so the walker's handshake is exercised on the board too.
`default_nettype none
`include "pagewalk_defs.vh"
`include "selftest.vh"

module pw_board_mem #(
  parameter integer Backpressure = 1,
  parameter         InitFile     = ""   // the page tables, $readmemh
) (
  input  wire        clk_i,
  input  wire        rst_ni,             // synchronous, active low
  input  wire        mem_req_valid_i,
  output wire        mem_req_ready_o,
  input  wire [33:0] mem_req_addr_i,     // byte address of a PTE
  input  wire        mem_req_we_i,
  input  wire [31:0] mem_req_wdata_i,
  output reg         mem_resp_valid_o,
  output reg  [31:0] mem_resp_rdata_o,
  output reg         mem_resp_err_o
);
  localparam integer TableBits = `PW_SELFTEST_TABLE_BITS;
  localparam integer IndexBits = `PW_SELFTEST_INDEX_BITS;
  localparam integer AddrBits  = TableBits + IndexBits;
  localparam integer PageShift = 12;
  localparam [31:0]  RamBase   = `PW_MEM_RAM;

  reg [31:0] ram [0:(1 << AddrBits)-1];
  initial begin
    if (InitFile != "") $readmemh(InitFile, ram);
  end

  // Pseudo-random ready: x^16 + x^14 + x^13 + x^11 + 1 (maximal length).
  reg [15:0] lfsr_q;
  always @(posedge clk_i) begin
    if (!rst_ni) lfsr_q <= 16'hace1;
    else         lfsr_q <= {lfsr_q[14:0], lfsr_q[15] ^ lfsr_q[13] ^ lfsr_q[12] ^ lfsr_q[10]};
  end
  assign mem_req_ready_o = (Backpressure == 0) || lfsr_q[0];

  wire                fire   = mem_req_valid_i && mem_req_ready_o;
  wire                in_ram = (mem_req_addr_i[33:PageShift+TableBits] == {2'b00, RamBase[31:PageShift+TableBits]});
  wire [AddrBits-1:0] index  = {mem_req_addr_i[PageShift +: TableBits], mem_req_addr_i[2 +: IndexBits]};

  // The byte offset, and the PTE index bits the tables do not keep.
  wire unused_addr = &{1'b0, mem_req_addr_i[1:0], mem_req_addr_i[PageShift-1:IndexBits+2]};

  // The RAM itself: one registered read or one write per cycle.
  always @(posedge clk_i) begin
    if (fire && in_ram) begin
      if (mem_req_we_i) ram[index] <= mem_req_wdata_i;
      mem_resp_rdata_o <= ram[index];
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      mem_resp_valid_o <= 1'b0;
      mem_resp_err_o   <= 1'b0;
    end else begin
      mem_resp_valid_o <= fire;
      if (fire) mem_resp_err_o <= !in_ram;
    end
  end
endmodule

`default_nettype wire
