// pw_core_rvfi: the retirement port (docs/core.md, "Retirement records"),
// compiled into simulation builds only (PW_RVFI). One record per retired or
// trapped instruction, registered at the edge that retires it, with
// riscv-formal's names and cmodel/iss.h's conventions; the rvfi_ext_* fields
// are ours, for lockstep and the commit log.
`default_nettype none

module pw_core_rvfi (
  input  wire        clk_i,
  input  wire        rst_ni,
  // what the core does at this edge
  input  wire        retire_i,       // the instruction retires
  input  wire        exc_i,          // ... or traps
  input  wire        take_irq_i,     // an interrupt is taken (no record of its own)
  input  wire [3:0]  irq_cause_i,
  input  wire        fetch_fault_i,  // the trap is the fetch's: no instruction bits
  // the instruction and its results
  input  wire [31:0] insn_i,
  input  wire [1:0]  mode_i,
  input  wire [31:0] pc_i,
  input  wire [31:0] next_pc_i,      // retire: the next pc; trap: the handler
  input  wire        rd_we_i,
  input  wire [4:0]  rd_i,
  input  wire [31:0] rd_wdata_i,
  input  wire        load_i,
  input  wire        store_i,
  input  wire [31:2] mem_vword_i,    // the data VA's word
  input  wire [3:0]  mem_lanes_i,
  input  wire [31:0] mem_rdata_i,    // the bus word (loads)
  input  wire [31:0] mem_wdata_i,    // the bus write data (stores)
  input  wire        csr_we_i,       // a CSR instruction that writes
  input  wire [31:0] csr_rdata_i,    // the CSR's value now (after the write, in the record's cycle)
  // the record
  output reg         rvfi_valid,
  output reg  [63:0] rvfi_order,
  output reg  [31:0] rvfi_insn,
  output reg         rvfi_trap,
  output reg         rvfi_intr,
  output reg  [1:0]  rvfi_mode,
  output reg  [31:0] rvfi_pc_rdata,
  output reg  [31:0] rvfi_pc_wdata,
  output reg  [4:0]  rvfi_rd_addr,
  output reg  [31:0] rvfi_rd_wdata,
  output reg  [31:0] rvfi_mem_addr,
  output reg  [3:0]  rvfi_mem_rmask,
  output reg  [3:0]  rvfi_mem_wmask,
  output reg  [31:0] rvfi_mem_rdata,
  output reg  [31:0] rvfi_mem_wdata,
  output reg  [3:0]  rvfi_ext_intr_cause,
  output reg         rvfi_ext_csr_we,
  output reg  [11:0] rvfi_ext_csr_addr,
  output wire [31:0] rvfi_ext_csr_wdata
);
  reg        intr_q;        // an interrupt was taken: the next record has intr
  reg [3:0]  intr_cause_q;
  reg [63:0] order_q;       // records so far

  wire [31:0] lane_bits = {{8{mem_lanes_i[3]}}, {8{mem_lanes_i[2]}}, {8{mem_lanes_i[1]}}, {8{mem_lanes_i[0]}}};
  wire        record    = retire_i || exc_i;

  // The instruction register still holds the CSR instruction in the record's
  // cycle, so the CSR file's read port shows the value after the write.
  assign rvfi_ext_csr_wdata = csr_rdata_i;

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      rvfi_valid   <= 1'b0;
      rvfi_order   <= 64'd0;
      order_q      <= 64'd0;
      intr_q       <= 1'b0;
      intr_cause_q <= 4'd0;
    end else begin
      if (take_irq_i) begin
        intr_q       <= 1'b1;
        intr_cause_q <= irq_cause_i;
      end else if (record) begin
        intr_q <= 1'b0;
      end
      rvfi_valid <= record;
      if (record) begin
        rvfi_order     <= order_q;
        order_q        <= order_q + 64'd1;
        rvfi_insn      <= fetch_fault_i ? 32'd0 : insn_i;
        rvfi_trap      <= exc_i;
        rvfi_intr      <= intr_q;
        rvfi_mode      <= mode_i;
        rvfi_pc_rdata  <= pc_i;
        rvfi_pc_wdata  <= next_pc_i;
        rvfi_rd_addr   <= (retire_i && rd_we_i) ? rd_i : 5'd0;
        rvfi_rd_wdata  <= (retire_i && rd_we_i && rd_i != 5'd0) ? rd_wdata_i : 32'd0;
        // Memory by word: the VA rounded down, the lanes, the data in them.
        rvfi_mem_addr  <= (retire_i && (load_i || store_i)) ? {mem_vword_i, 2'b00} : 32'd0;
        rvfi_mem_rmask <= (retire_i && load_i)  ? mem_lanes_i : 4'd0;
        rvfi_mem_wmask <= (retire_i && store_i) ? mem_lanes_i : 4'd0;
        rvfi_mem_rdata <= (retire_i && load_i)  ? (mem_rdata_i & lane_bits) : 32'd0;
        rvfi_mem_wdata <= (retire_i && store_i) ? mem_wdata_i : 32'd0;
        rvfi_ext_intr_cause <= intr_cause_q;
        rvfi_ext_csr_we     <= retire_i && csr_we_i;
        rvfi_ext_csr_addr   <= insn_i[31:20];
      end
    end
  end
endmodule
`default_nettype wire
