// pw_soc: the system (docs/soc.md): the core, its MMU, the bus with the
// walker arbitrated in, RAM, UART, CLINT, the test finisher and the MMU
// counter block, at the addresses of QEMU's virt machine.
//
//   pw_core ──mmu_*──> pw_mmu ──walker mem port──> m0 ┐
//      └──────────────────────bus_*──────────────> m1 ┴ pw_soc_arbiter ──> pw_soc_fabric ──> RAM, UART, CLINT, finisher, counters
`default_nettype none
`include "pagewalk_defs.vh"
`include "pw_mmu_ports.vh"
`include "pw_rvfi_ports.vh"

module pw_soc #(
  parameter integer RamBytes     = `PW_RAM_DEFAULT_BYTES,  // a power of two
  parameter         RamInit      = "",                     // $readmemh image of the RAM
  parameter [31:0]  ResetPc      = `PW_MEM_RAM,            // where the core starts (boards: a boot ROM)
  parameter integer WithM        = 1,
  parameter integer TlbEntries   = 8,
  parameter integer Svadu        = 0,
  parameter integer SimConsole   = 1,    // 1: UART on the console ports; 0: serial lines
  parameter integer ClocksPerBit = 104,  // UART bit time in clocks (serial)
  // Test builds: extra cycles on every MMU response and every bus response
  // (the core and the walker must work with any latency).
  parameter integer MmuRespDelay = 0,
  parameter integer BusRespDelay = 0,
  parameter integer MmuTracePort = 0     // 1: the MMU drives its trace_fill_* outputs (simulation)
) (
  input  wire        clk_i,
  input  wire        rst_ni,             // synchronous, active low
  // UART
  output wire        uart_tx_o,
  input  wire        uart_rx_i,
  output wire        console_valid_o,    // simulation: a byte written to THR
  output wire [7:0]  console_byte_o,
  input  wire        console_rx_valid_i, // simulation: a byte into RBR
  input  wire [7:0]  console_rx_byte_i,
  // test finisher
  output wire        finish_o,           // holds once the finisher was written
  output wire [15:0] finish_code_o       // 0: pass
`ifdef PW_RVFI
  ,
  // the core's retirement record (cmodel/gen/rvfi.ports)
  `PW_RVFI_OUTPUTS
`endif
`ifdef PW_SIM
  ,
  // Every port of the MMU, for the simulation's check of it against its
  // cycle model: dbg_mmu_NAME for each port NAME of cmodel/gen/mmu.ports.
  `PW_MMU_DEBUG_PORTS
`endif
);
  localparam integer RamWords = RamBytes / 4;
  localparam [31:0]  RamBytesWord = RamBytes;

  // ---------------------------------------------------------------- core and MMU
  // The MMU's ports as wires named after cmodel/gen/mmu.ports (req_valid,
  // resp_paddr, mem_req_addr, ...). The trace outputs and, outside
  // simulation builds, the reset wire serve only the dbg_mmu_* checks.
  /* verilator lint_off UNUSEDSIGNAL */
  `PW_MMU_WIRES
  /* verilator lint_on UNUSEDSIGNAL */
  assign rst_n = rst_ni;

  // The MMU's response reaches the core through an optional delay (test builds).
  wire        core_resp_valid_mmu, core_resp_fault_mmu;
  wire [33:0] core_resp_paddr_mmu;
  wire [3:0]  core_resp_cause_mmu;

  wire        core_req_valid, core_req_ready, core_req_we, core_resp_valid;
  wire [33:0] core_req_addr;
  wire [1:0]  core_req_size;
  wire [3:0]  core_req_wstrb;
  wire [31:0] core_req_wdata;

  wire        bus_req_valid, bus_req_ready, bus_req_we, bus_resp_valid, bus_resp_err;
  wire [33:0] bus_req_addr;
  wire [1:0]  bus_req_size;
  wire [3:0]  bus_req_wstrb;
  wire [31:0] bus_req_wdata, bus_resp_rdata;

  wire        mtip, msip;
  wire [63:0] mtime;

  pw_core #(.WithM(WithM), .ResetPc(ResetPc)) u_core (
    .clk_i, .rst_ni,
    .mmu_req_valid_o   (req_valid),
    .mmu_req_ready_i   (req_ready),
    .mmu_req_vaddr_o   (req_vaddr),
    .mmu_req_access_o  (req_access),
    .mmu_req_priv_o    (req_priv),
    .mmu_resp_valid_i  (core_resp_valid_mmu),
    .mmu_resp_paddr_i  (core_resp_paddr_mmu),
    .mmu_resp_fault_i  (core_resp_fault_mmu),
    .mmu_resp_cause_i  (core_resp_cause_mmu),
    .mmu_satp_o        (satp),
    .mmu_sum_o         (sum),
    .mmu_mxr_o         (mxr),
    .sfence_valid_o    (sfence_valid),
    .sfence_vaddr_o    (sfence_vaddr),
    .sfence_asid_o     (sfence_asid),
    .sfence_all_va_o   (sfence_all_va),
    .sfence_all_asid_o (sfence_all_asid),
    .bus_req_valid_o   (core_req_valid),
    .bus_req_ready_i   (core_req_ready),
    .bus_req_addr_o    (core_req_addr),
    .bus_req_we_o      (core_req_we),
    .bus_req_size_o    (core_req_size),
    .bus_req_wstrb_o   (core_req_wstrb),
    .bus_req_wdata_o   (core_req_wdata),
    .bus_resp_valid_i  (core_resp_valid),
    .bus_resp_rdata_i  (bus_resp_rdata),
    .bus_resp_err_i    (bus_resp_err),
    .irq_mti_i         (mtip),
    .irq_msi_i         (msip),
    .mtime_i           (mtime)
`ifdef PW_RVFI
    ,
    `PW_RVFI_CONNECT
`endif
  );

  // The walker reads the bus's response as the core does.
  assign mem_resp_rdata = bus_resp_rdata;
  assign mem_resp_err   = bus_resp_err;

  pw_mmu #(.TlbEntries(TlbEntries), .Svadu(Svadu), .TracePort(MmuTracePort)) u_mmu (
    .clk_i,
    `PW_MMU_CONNECT
  );

  pw_soc_delay #(.Width(39), .Cycles(MmuRespDelay)) u_mmu_delay (
    .clk_i, .rst_ni,
    .valid_i (resp_valid),
    .data_i  ({resp_paddr, resp_fault, resp_cause}),
    .valid_o (core_resp_valid_mmu),
    .data_o  ({core_resp_paddr_mmu, core_resp_fault_mmu, core_resp_cause_mmu})
  );

`ifdef PW_SIM
  `PW_MMU_DEBUG_ASSIGN
`endif

  // ---------------------------------------------------------------- bus
  pw_soc_arbiter u_arbiter (
    .clk_i, .rst_ni,
    .m0_req_valid_i  (mem_req_valid),
    .m0_req_ready_o  (mem_req_ready),
    .m0_req_addr_i   (mem_req_addr),
    .m0_req_we_i     (mem_req_we),
    .m0_req_wdata_i  (mem_req_wdata),
    .m0_resp_valid_o (mem_resp_valid),
    .m1_req_valid_i  (core_req_valid),
    .m1_req_ready_o  (core_req_ready),
    .m1_req_addr_i   (core_req_addr),
    .m1_req_we_i     (core_req_we),
    .m1_req_size_i   (core_req_size),
    .m1_req_wstrb_i  (core_req_wstrb),
    .m1_req_wdata_i  (core_req_wdata),
    .m1_resp_valid_o (core_resp_valid),
    .s_req_valid_o   (bus_req_valid),
    .s_req_ready_i   (bus_req_ready),
    .s_req_addr_o    (bus_req_addr),
    .s_req_we_o      (bus_req_we),
    .s_req_size_o    (bus_req_size),
    .s_req_wstrb_o   (bus_req_wstrb),
    .s_req_wdata_o   (bus_req_wdata),
    .s_resp_valid_i  (bus_resp_valid)
  );

  // The RAM in use: RamBytes, or in simulation a smaller size from +ram_bytes=N.
`ifdef PW_SIM
  reg [33:0] ram_bytes;
  integer    sim_ram_bytes;
  initial begin
    ram_bytes = {2'b00, RamBytesWord};
    if ($value$plusargs("ram_bytes=%d", sim_ram_bytes) && sim_ram_bytes > 0 && sim_ram_bytes <= RamBytes)
      ram_bytes = {2'b00, sim_ram_bytes[31:0]};
  end
`else
  wire [33:0] ram_bytes = {2'b00, RamBytesWord};
`endif

  wire                        ram_en, uart_sel, clint_sel, finisher_sel;
  wire [$clog2(RamWords)-1:0] ram_addr;
  wire [31:0]                 ram_rdata, clint_rdata;
  wire [7:0]                  uart_rdata;
  wire                        clint_hit;
  wire                        fabric_resp_valid, fabric_resp_err;
  wire [31:0]                 fabric_resp_rdata;

  pw_soc_fabric #(.RamWords(RamWords)) u_fabric (
    .clk_i, .rst_ni,
    .ram_bytes_i       (ram_bytes),
    .req_valid_i       (bus_req_valid),
    .req_ready_o       (bus_req_ready),
    .req_addr_i        (bus_req_addr),
    .req_we_i          (bus_req_we),
    .req_size_i        (bus_req_size),
    .req_wstrb_i       (bus_req_wstrb),
    .req_wdata_i       (bus_req_wdata),
    .resp_valid_o      (fabric_resp_valid),
    .resp_rdata_o      (fabric_resp_rdata),
    .resp_err_o        (fabric_resp_err),
    .ram_en_o          (ram_en),
    .ram_addr_o        (ram_addr),
    .ram_rdata_i       (ram_rdata),
    .uart_sel_o        (uart_sel),
    .uart_rdata_i      (uart_rdata),
    .clint_sel_o       (clint_sel),
    .clint_rdata_i     (clint_rdata),
    .clint_hit_i       (clint_hit),
    .finisher_sel_o    (finisher_sel),
    .cnt_hits_i        (cnt_hits),
    .cnt_misses_i      (cnt_misses),
    .cnt_walks_i       (cnt_walks),
    .cnt_faults_i      (cnt_faults),
    .cnt_walk_cycles_i (cnt_walk_cycles)
  );

  pw_soc_delay #(.Width(33), .Cycles(BusRespDelay)) u_bus_delay (
    .clk_i, .rst_ni,
    .valid_i (fabric_resp_valid),
    .data_i  ({fabric_resp_rdata, fabric_resp_err}),
    .valid_o (bus_resp_valid),
    .data_o  ({bus_resp_rdata, bus_resp_err})
  );

  // ---------------------------------------------------------------- devices
  pw_soc_ram #(.Words(RamWords), .InitFile(RamInit)) u_ram (
    .clk_i,
    .en_i    (ram_en),
    .addr_i  (ram_addr),
    .wstrb_i (bus_req_we ? bus_req_wstrb : 4'b0000),
    .wdata_i (bus_req_wdata),
    .rdata_o (ram_rdata)
  );

  // The UART takes bytes: the written byte from its lane.
  wire [7:0] uart_wdata = bus_req_wdata[{bus_req_addr[1:0], 3'b000} +: 8];

  pw_soc_uart #(.SimConsole(SimConsole), .ClocksPerBit(ClocksPerBit)) u_uart (
    .clk_i, .rst_ni,
    .sel_i              (uart_sel),
    .we_i               (bus_req_we),
    .off_i              (bus_req_addr[7:0]),
    .wdata_i            (uart_wdata),
    .rdata_o            (uart_rdata),
    .console_valid_o,
    .console_byte_o,
    .console_rx_valid_i,
    .console_rx_byte_i,
    .tx_o               (uart_tx_o),
    .rx_i               (uart_rx_i)
  );

  pw_soc_clint u_clint (
    .clk_i, .rst_ni,
    .sel_i   (clint_sel),
    .we_i    (bus_req_we),
    .off_i   (bus_req_addr[15:0]),
    .wdata_i (bus_req_wdata),
    .rdata_o (clint_rdata),
    .hit_o   (clint_hit),
    .mtip_o  (mtip),
    .msip_o  (msip),
    .mtime_o (mtime)
  );

  pw_soc_finisher u_finisher (
    .clk_i, .rst_ni,
    .sel_i   (finisher_sel),
    .we_i    (bus_req_we),
    .wdata_i (bus_req_wdata),
    .done_o  (finish_o),
    .code_o  (finish_code_o)
  );
endmodule
`default_nettype wire
