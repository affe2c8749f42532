// pw_soc_fabric: the address decoder between the bus and the devices
// (docs/soc.md, "Memory map" and "The bus"). It takes a request every cycle
// and answers each one exactly one cycle later. A request errs (an access
// fault for the core, err for the walker) when its address is at or above
// 4 GiB, in no device's window, of a width the device does not take (UART:
// bytes; CLINT, finisher, MMU counters: words), at a CLINT offset that is no
// register, or a write to the counters.
`default_nettype none
`include "pagewalk_defs.vh"
`include "pagewalk_core.vh"

module pw_soc_fabric #(
  parameter integer RamWords = 262144
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  input  wire [33:0] ram_bytes_i,       // the RAM size in use (at most 4 * RamWords)
  // bus slave
  input  wire        req_valid_i,
  output wire        req_ready_o,
  input  wire [33:0] req_addr_i,
  input  wire        req_we_i,
  input  wire [1:0]  req_size_i,
  input  wire [3:0]  req_wstrb_i,
  input  wire [31:0] req_wdata_i,
  output reg         resp_valid_o,
  output wire [31:0] resp_rdata_o,
  output reg         resp_err_o,
  // devices (selects are for the accepting cycle)
  output wire                        ram_en_o,
  output wire [$clog2(RamWords)-1:0] ram_addr_o,
  input  wire [31:0]                 ram_rdata_i,
  output wire                        uart_sel_o,
  input  wire [7:0]                  uart_rdata_i,
  output wire                        clint_sel_o,
  input  wire [31:0]                 clint_rdata_i,
  input  wire                        clint_hit_i,   // the offset is a CLINT register
  output wire                        finisher_sel_o,
  input  wire [31:0]                 cnt_hits_i,
  input  wire [31:0]                 cnt_misses_i,
  input  wire [31:0]                 cnt_walks_i,
  input  wire [31:0]                 cnt_faults_i,
  input  wire [31:0]                 cnt_walk_cycles_i
);
  localparam [31:0] RAM_BASE = `PW_MEM_RAM;
  localparam [31:0] UART_BASE = `PW_MEM_UART;
  localparam [31:0] CLINT_BASE = `PW_MEM_CLINT;
  localparam [31:0] FIN_BASE = `PW_MEM_TEST_FINISHER;
  localparam [31:0] CNT_BASE = `PW_MEM_MMU_COUNTERS;
  localparam integer RamBits = $clog2(RamWords) + 2;   // the RAM window's address bits

  wire        low   = (req_addr_i[33:32] == 2'b00);
  wire [31:0] a     = req_addr_i[31:0];
  wire is_word = (req_size_i == 2'd2);

  // Whether addr lies in [base, base + bytes). Every window of the memory map
  // starts at a multiple of its size rounded up to a power of two (span), so
  // this is a compare of the high address bits (and, for a size that is no
  // power of two, a bound on the low ones): no subtractor, which on an iCE40
  // costs a carry chain per window. The windows' alignment is checked below.
  function [31:0] pow2_ceil(input [31:0] bytes);
    begin
      pow2_ceil = 32'd1;
      while (pow2_ceil < bytes) pow2_ceil = pow2_ceil << 1;
    end
  endfunction
  localparam [31:0] UART_SPAN  = pow2_ceil(`PW_UART_BYTES);
  localparam [31:0] CLINT_SPAN = pow2_ceil(`PW_CLINT_BYTES);
  localparam [31:0] FIN_SPAN   = pow2_ceil(`PW_FINISHER_BYTES);
  localparam [31:0] CNT_SPAN   = pow2_ceil(`PW_MMU_COUNTERS_BYTES);

  function in_window(input [31:0] addr, input [31:0] base, input [31:0] span, input [31:0] bytes);
    in_window = ((addr & ~(span - 32'd1)) == base) && (span == bytes || (addr & (span - 32'd1)) < bytes);
  endfunction

`ifndef SYNTHESIS
  initial begin
    if (UART_BASE % UART_SPAN != 0 || CLINT_BASE % CLINT_SPAN != 0 || FIN_BASE % FIN_SPAN != 0 ||
        CNT_BASE % CNT_SPAN != 0 || RAM_BASE[RamBits-1:0] != 0) begin
      $display("pw_soc_fabric: error: a device window does not start at a multiple of its span");
      $finish;
    end
  end
`endif

  // The RAM: its window is 4 * RamWords bytes; in simulation pw_soc may use
  // less of it (ram_bytes_i), in synthesis it is all of it.
  wire ram_high = low && a[31:RamBits] == RAM_BASE[31:RamBits];
`ifdef PW_SIM
  wire in_ram   = ram_high && {{(34-RamBits){1'b0}}, a[RamBits-1:0]} < ram_bytes_i;
`else
  wire in_ram   = ram_high;
  wire unused_ram_bytes = ^ram_bytes_i;
`endif
  wire in_uart  = low && in_window(a, UART_BASE, UART_SPAN, `PW_UART_BYTES);
  wire in_clint = low && in_window(a, CLINT_BASE, CLINT_SPAN, `PW_CLINT_BYTES);
  wire in_fin   = low && in_window(a, FIN_BASE, FIN_SPAN, `PW_FINISHER_BYTES);
  wire in_cnt   = low && in_window(a, CNT_BASE, CNT_SPAN, `PW_MMU_COUNTERS_BYTES);

  wire ok = in_ram || (in_uart && req_size_i == 2'd0) || (in_clint && clint_hit_i && is_word) || (in_fin && is_word)
         || (in_cnt && is_word && !req_we_i);
  wire accept = req_valid_i;       // always ready
  assign req_ready_o = 1'b1;

  assign ram_en_o       = accept && in_ram;
  assign ram_addr_o     = a[RamBits-1:2];   // RAM_BASE is aligned to the window
  assign uart_sel_o     = accept && ok && in_uart;
  assign clint_sel_o    = accept && ok && in_clint;
  assign finisher_sel_o = accept && ok && in_fin;

  reg [31:0] cnt_rdata;
  always @(*) begin
    case (a[4:0])
      `PW_MMU_COUNTER_HITS:        cnt_rdata = cnt_hits_i;
      `PW_MMU_COUNTER_MISSES:      cnt_rdata = cnt_misses_i;
      `PW_MMU_COUNTER_WALKS:       cnt_rdata = cnt_walks_i;
      `PW_MMU_COUNTER_FAULTS:      cnt_rdata = cnt_faults_i;
      `PW_MMU_COUNTER_WALK_CYCLES: cnt_rdata = cnt_walk_cycles_i;
      default:                     cnt_rdata = 32'd0;
    endcase
  end

  // Device read data, registered for the response (the RAM registers its own).
  reg        from_ram_q;
  reg [31:0] rdata_q;
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      resp_valid_o <= 1'b0;
      resp_err_o   <= 1'b0;
      from_ram_q   <= 1'b0;
      rdata_q      <= 32'd0;
    end else begin
      resp_valid_o <= accept;
      resp_err_o   <= accept && !ok;
      from_ram_q   <= in_ram;
      if (in_uart)       rdata_q <= {4{uart_rdata_i}};   // the byte in every lane
      else if (in_clint) rdata_q <= clint_rdata_i;
      else if (in_cnt)   rdata_q <= cnt_rdata;
      else               rdata_q <= 32'd0;
    end
  end
  assign resp_rdata_o = from_ram_q ? ram_rdata_i : rdata_q;

  // Writes are steered by the selects; the write data and strobes pass
  // through from the request to every device.
  wire unused = ^{req_wstrb_i, req_wdata_i, a[1:0]};
endmodule
`default_nettype wire
