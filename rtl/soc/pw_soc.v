// pw_soc: the system (docs/soc.md): the core, its MMU, the bus with the
// walker arbitrated in, RAM, UART, CLINT, the test finisher and the MMU
// counter block, at the addresses of QEMU's virt machine.
//
//   pw_core ──mmu_*──> pw_mmu ──walker mem port──> m0 ┐
//      └──────────────────────bus_*──────────────> m1 ┴ pw_soc_arbiter ──> pw_soc_fabric ──> RAM, UART, CLINT, finisher, counters
`default_nettype none
`include "pagewalk_defs.vh"

module pw_soc #(
  parameter integer RamBytes     = `PW_RAM_DEFAULT_BYTES,  // a power of two
  parameter         RamInit      = "",                     // $readmemh image of the RAM
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
  output wire        rvfi_valid,
  output wire [63:0] rvfi_order,
  output wire [31:0] rvfi_insn,
  output wire        rvfi_trap,
  output wire        rvfi_intr,
  output wire [1:0]  rvfi_mode,
  output wire [31:0] rvfi_pc_rdata,
  output wire [31:0] rvfi_pc_wdata,
  output wire [4:0]  rvfi_rd_addr,
  output wire [31:0] rvfi_rd_wdata,
  output wire [31:0] rvfi_mem_addr,
  output wire [3:0]  rvfi_mem_rmask,
  output wire [3:0]  rvfi_mem_wmask,
  output wire [31:0] rvfi_mem_rdata,
  output wire [31:0] rvfi_mem_wdata,
  output wire [3:0]  rvfi_ext_intr_cause,
  output wire        rvfi_ext_csr_we,
  output wire [11:0] rvfi_ext_csr_addr,
  output wire [31:0] rvfi_ext_csr_wdata
`endif
`ifdef PW_SIM
  ,
  // Every port of the MMU, for the simulation's check of it against its
  // cycle model (docs/mmu.md names; inputs then outputs).
  output wire        dbg_mmu_rst_n,
  output wire [31:0] dbg_mmu_satp,
  output wire        dbg_mmu_sum,
  output wire        dbg_mmu_mxr,
  output wire        dbg_mmu_req_valid,
  output wire [31:0] dbg_mmu_req_vaddr,
  output wire [1:0]  dbg_mmu_req_access,
  output wire [1:0]  dbg_mmu_req_priv,
  output wire        dbg_mmu_sfence_valid,
  output wire [31:0] dbg_mmu_sfence_vaddr,
  output wire [8:0]  dbg_mmu_sfence_asid,
  output wire        dbg_mmu_sfence_all_va,
  output wire        dbg_mmu_sfence_all_asid,
  output wire        dbg_mmu_mem_req_ready,
  output wire        dbg_mmu_mem_resp_valid,
  output wire [31:0] dbg_mmu_mem_resp_rdata,
  output wire        dbg_mmu_mem_resp_err,
  output wire        dbg_mmu_req_ready,
  output wire        dbg_mmu_resp_valid,
  output wire [33:0] dbg_mmu_resp_paddr,
  output wire        dbg_mmu_resp_fault,
  output wire [3:0]  dbg_mmu_resp_cause,
  output wire        dbg_mmu_mem_req_valid,
  output wire [33:0] dbg_mmu_mem_req_addr,
  output wire        dbg_mmu_mem_req_we,
  output wire [31:0] dbg_mmu_mem_req_wdata,
  output wire [31:0] dbg_mmu_cnt_hits,
  output wire [31:0] dbg_mmu_cnt_misses,
  output wire [31:0] dbg_mmu_cnt_walks,
  output wire [31:0] dbg_mmu_cnt_faults,
  output wire [31:0] dbg_mmu_cnt_walk_cycles,
  output wire        dbg_mmu_trace_fill,
  output wire [4:0]  dbg_mmu_trace_fill_index,
  output wire        dbg_mmu_trace_fill_evict,
  output wire [19:0] dbg_mmu_trace_fill_vpn,
  output wire [8:0]  dbg_mmu_trace_fill_asid,
  output wire        dbg_mmu_trace_fill_mega,
  output wire        dbg_mmu_trace_fill_global,
  output wire [21:0] dbg_mmu_trace_fill_ppn,
  output wire [4:0]  dbg_mmu_trace_fill_perm
`endif
);
  localparam integer RamWords = RamBytes / 4;
  localparam [31:0]  RamBytesWord = RamBytes;

  // ---------------------------------------------------------------- core and MMU
  wire        mmu_req_valid, mmu_req_ready, mmu_resp_valid, mmu_resp_fault;
  wire        mmu_out_valid, mmu_out_fault;
  wire [33:0] mmu_out_paddr;
  wire [3:0]  mmu_out_cause;
  wire [31:0] mmu_req_vaddr, satp;
  wire [1:0]  mmu_req_access, mmu_req_priv;
  wire [33:0] mmu_resp_paddr;
  wire [3:0]  mmu_resp_cause;
  wire        sum, mxr;
  wire        sfence_valid, sfence_all_va, sfence_all_asid;
  wire [31:0] sfence_vaddr;
  wire [8:0]  sfence_asid;

  wire        core_req_valid, core_req_ready, core_req_we, core_resp_valid;
  wire [33:0] core_req_addr;
  wire [1:0]  core_req_size;
  wire [3:0]  core_req_wstrb;
  wire [31:0] core_req_wdata;
  wire        walk_req_valid, walk_req_ready, walk_req_we, walk_resp_valid;
  wire [33:0] walk_req_addr;
  wire [31:0] walk_req_wdata;

  wire        bus_req_valid, bus_req_ready, bus_req_we, bus_resp_valid, bus_resp_err;
  wire [33:0] bus_req_addr;
  wire [1:0]  bus_req_size;
  wire [3:0]  bus_req_wstrb;
  wire [31:0] bus_req_wdata, bus_resp_rdata;

  wire        mtip, msip;
  wire [63:0] mtime;

  pw_core #(.WithM(WithM)) u_core (
    .clk_i, .rst_ni,
    .mmu_req_valid_o   (mmu_req_valid),
    .mmu_req_ready_i   (mmu_req_ready),
    .mmu_req_vaddr_o   (mmu_req_vaddr),
    .mmu_req_access_o  (mmu_req_access),
    .mmu_req_priv_o    (mmu_req_priv),
    .mmu_resp_valid_i  (mmu_resp_valid),
    .mmu_resp_paddr_i  (mmu_resp_paddr),
    .mmu_resp_fault_i  (mmu_resp_fault),
    .mmu_resp_cause_i  (mmu_resp_cause),
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
    .rvfi_valid, .rvfi_order, .rvfi_insn, .rvfi_trap, .rvfi_intr, .rvfi_mode,
    .rvfi_pc_rdata, .rvfi_pc_wdata, .rvfi_rd_addr, .rvfi_rd_wdata,
    .rvfi_mem_addr, .rvfi_mem_rmask, .rvfi_mem_wmask, .rvfi_mem_rdata, .rvfi_mem_wdata,
    .rvfi_ext_intr_cause, .rvfi_ext_csr_we, .rvfi_ext_csr_addr, .rvfi_ext_csr_wdata
`endif
  );

  wire [31:0] cnt_hits, cnt_misses, cnt_walks, cnt_faults, cnt_walk_cycles;

  // The trace outputs are for the MMU's checks in simulation (dbg_mmu_*).
  /* verilator lint_off UNUSEDSIGNAL */
  wire        trace_fill, trace_fill_evict, trace_fill_mega, trace_fill_global;
  wire [4:0]  trace_fill_index, trace_fill_perm;
  wire [19:0] trace_fill_vpn;
  wire [8:0]  trace_fill_asid;
  wire [21:0] trace_fill_ppn;
  /* verilator lint_on UNUSEDSIGNAL */

  pw_mmu #(.TlbEntries(TlbEntries), .Svadu(Svadu), .TracePort(MmuTracePort)) u_mmu (
    .clk_i, .rst_ni,
    .satp_i            (satp),
    .sum_i             (sum),
    .mxr_i             (mxr),
    .req_valid_i       (mmu_req_valid),
    .req_ready_o       (mmu_req_ready),
    .req_vaddr_i       (mmu_req_vaddr),
    .req_access_i      (mmu_req_access),
    .req_priv_i        (mmu_req_priv),
    .resp_valid_o      (mmu_out_valid),
    .resp_paddr_o      (mmu_out_paddr),
    .resp_fault_o      (mmu_out_fault),
    .resp_cause_o      (mmu_out_cause),
    .sfence_valid_i    (sfence_valid),
    .sfence_vaddr_i    (sfence_vaddr),
    .sfence_asid_i     (sfence_asid),
    .sfence_all_va_i   (sfence_all_va),
    .sfence_all_asid_i (sfence_all_asid),
    .mem_req_valid_o   (walk_req_valid),
    .mem_req_ready_i   (walk_req_ready),
    .mem_req_addr_o    (walk_req_addr),
    .mem_req_we_o      (walk_req_we),
    .mem_req_wdata_o   (walk_req_wdata),
    .mem_resp_valid_i  (walk_resp_valid),
    .mem_resp_rdata_i  (bus_resp_rdata),
    .mem_resp_err_i    (bus_resp_err),
    .cnt_hits_o        (cnt_hits),
    .cnt_misses_o      (cnt_misses),
    .cnt_walks_o       (cnt_walks),
    .cnt_faults_o      (cnt_faults),
    .cnt_walk_cycles_o (cnt_walk_cycles),
    .trace_fill_o        (trace_fill),
    .trace_fill_index_o  (trace_fill_index),
    .trace_fill_evict_o  (trace_fill_evict),
    .trace_fill_vpn_o    (trace_fill_vpn),
    .trace_fill_asid_o   (trace_fill_asid),
    .trace_fill_mega_o   (trace_fill_mega),
    .trace_fill_global_o (trace_fill_global),
    .trace_fill_ppn_o    (trace_fill_ppn),
    .trace_fill_perm_o   (trace_fill_perm)
  );

  pw_soc_delay #(.Width(39), .Cycles(MmuRespDelay)) u_mmu_delay (
    .clk_i, .rst_ni,
    .valid_i (mmu_out_valid),
    .data_i  ({mmu_out_paddr, mmu_out_fault, mmu_out_cause}),
    .valid_o (mmu_resp_valid),
    .data_o  ({mmu_resp_paddr, mmu_resp_fault, mmu_resp_cause})
  );

`ifdef PW_SIM
  assign dbg_mmu_rst_n            = rst_ni;
  assign dbg_mmu_satp             = satp;
  assign dbg_mmu_sum              = sum;
  assign dbg_mmu_mxr              = mxr;
  assign dbg_mmu_req_valid        = mmu_req_valid;
  assign dbg_mmu_req_vaddr        = mmu_req_vaddr;
  assign dbg_mmu_req_access       = mmu_req_access;
  assign dbg_mmu_req_priv         = mmu_req_priv;
  assign dbg_mmu_sfence_valid     = sfence_valid;
  assign dbg_mmu_sfence_vaddr     = sfence_vaddr;
  assign dbg_mmu_sfence_asid      = sfence_asid;
  assign dbg_mmu_sfence_all_va    = sfence_all_va;
  assign dbg_mmu_sfence_all_asid  = sfence_all_asid;
  assign dbg_mmu_mem_req_ready    = walk_req_ready;
  assign dbg_mmu_mem_resp_valid   = walk_resp_valid;
  assign dbg_mmu_mem_resp_rdata   = bus_resp_rdata;
  assign dbg_mmu_mem_resp_err     = bus_resp_err;
  assign dbg_mmu_req_ready        = mmu_req_ready;
  assign dbg_mmu_resp_valid       = mmu_out_valid;
  assign dbg_mmu_resp_paddr       = mmu_out_paddr;
  assign dbg_mmu_resp_fault       = mmu_out_fault;
  assign dbg_mmu_resp_cause       = mmu_out_cause;
  assign dbg_mmu_mem_req_valid    = walk_req_valid;
  assign dbg_mmu_mem_req_addr     = walk_req_addr;
  assign dbg_mmu_mem_req_we       = walk_req_we;
  assign dbg_mmu_mem_req_wdata    = walk_req_wdata;
  assign dbg_mmu_cnt_hits         = cnt_hits;
  assign dbg_mmu_cnt_misses       = cnt_misses;
  assign dbg_mmu_cnt_walks        = cnt_walks;
  assign dbg_mmu_cnt_faults       = cnt_faults;
  assign dbg_mmu_cnt_walk_cycles  = cnt_walk_cycles;
  assign dbg_mmu_trace_fill       = trace_fill;
  assign dbg_mmu_trace_fill_index = trace_fill_index;
  assign dbg_mmu_trace_fill_evict = trace_fill_evict;
  assign dbg_mmu_trace_fill_vpn   = trace_fill_vpn;
  assign dbg_mmu_trace_fill_asid  = trace_fill_asid;
  assign dbg_mmu_trace_fill_mega  = trace_fill_mega;
  assign dbg_mmu_trace_fill_global = trace_fill_global;
  assign dbg_mmu_trace_fill_ppn   = trace_fill_ppn;
  assign dbg_mmu_trace_fill_perm  = trace_fill_perm;
`endif

  // ---------------------------------------------------------------- bus
  pw_soc_arbiter u_arbiter (
    .clk_i, .rst_ni,
    .m0_req_valid_i  (walk_req_valid),
    .m0_req_ready_o  (walk_req_ready),
    .m0_req_addr_i   (walk_req_addr),
    .m0_req_we_i     (walk_req_we),
    .m0_req_wdata_i  (walk_req_wdata),
    .m0_resp_valid_o (walk_resp_valid),
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
