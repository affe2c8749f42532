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

  wire        low   = (req_addr_i[33:32] == 2'b00);
  wire [31:0] a     = req_addr_i[31:0];
  wire [31:0] ram_off   = a - RAM_BASE;
  wire [31:0] uart_off  = a - UART_BASE;
  wire [31:0] clint_off = a - CLINT_BASE;
  wire [31:0] fin_off   = a - FIN_BASE;
  wire [31:0] cnt_off   = a - CNT_BASE;
  wire is_word = (req_size_i == 2'd2);

  wire in_ram   = low && a >= RAM_BASE && {2'b00, ram_off} < ram_bytes_i;
  wire in_uart  = low && uart_off  < `PW_UART_BYTES;
  wire in_clint = low && clint_off < `PW_CLINT_BYTES;
  wire in_fin   = low && fin_off   < `PW_FINISHER_BYTES;
  wire in_cnt   = low && cnt_off   < `PW_MMU_COUNTERS_BYTES;

  wire ok = in_ram || (in_uart && req_size_i == 2'd0) || (in_clint && clint_hit_i && is_word) || (in_fin && is_word)
         || (in_cnt && is_word && !req_we_i);
  wire accept = req_valid_i;       // always ready
  assign req_ready_o = 1'b1;

  assign ram_en_o       = accept && in_ram;
  assign ram_addr_o     = ram_off[$clog2(RamWords)+1:2];
  assign uart_sel_o     = accept && ok && in_uart;
  assign clint_sel_o    = accept && ok && in_clint;
  assign finisher_sel_o = accept && ok && in_fin;

  reg [31:0] cnt_rdata;
  always @(*) begin
    case (cnt_off[4:0])
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
  wire unused = ^{req_wstrb_i, req_wdata_i, ram_off[1:0], uart_off[31:3], uart_off[2:0], clint_off[31:16],
                  fin_off[31:2], fin_off[1:0], cnt_off[31:5]};
endmodule
`default_nettype wire
