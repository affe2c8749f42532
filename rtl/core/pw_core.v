// pw_core: a multi-cycle RV32I (+M) core with M, S and U modes
// (docs/core.md). One instruction at a time walks through the control FSM
// below; every fetch, load and store is first translated by the MMU (the
// mmu_* ports, to one pw_mmu) and then performed on the bus (bus_* ports).
// Both are valid/ready requests with a response pulse at any later cycle: the
// core assumes no latency for either.
//
//   FETCH ──mmu──> FETCH_XLATE ──ok──> FETCH_BUS ──bus──> FETCH_WAIT ──ok──> EXEC
//     ^  (interrupt: trap)  │ fault                           │ err          │
//     │                     v                                 v              │
//     +──────────────────── trap <────────────────────────────+──────────────+
//     │                                                                      │
//     +<── retire <── MEM_WAIT <──bus── MEM_BUS <──ok── MEM_XLATE <──mmu── MEM (load, store)
//     +<── retire <── MULDIV (M extension)
//     +<── retire (everything else, in EXEC)
`default_nettype none
`include "pagewalk_defs.vh"
`include "pagewalk_core.vh"

module pw_core #(
  parameter integer   WithM   = 1,                 // 1: the M extension
  parameter [31:0]    ResetPc = `PW_MEM_RAM
) (
  input  wire        clk_i,
  input  wire        rst_ni,             // synchronous, active low
  // translation requests to the MMU, and its context
  output wire        mmu_req_valid_o,
  input  wire        mmu_req_ready_i,
  output wire [31:0] mmu_req_vaddr_o,
  output wire [1:0]  mmu_req_access_o,   // 0 load, 1 store, 2 fetch
  output wire [1:0]  mmu_req_priv_o,     // effective privilege
  input  wire        mmu_resp_valid_i,
  input  wire [33:0] mmu_resp_paddr_i,
  input  wire        mmu_resp_fault_i,
  input  wire [3:0]  mmu_resp_cause_i,
  output wire [31:0] mmu_satp_o,
  output wire        mmu_sum_o,
  output wire        mmu_mxr_o,
  output wire        sfence_valid_o,     // one cycle per sfence.vma
  output wire [31:0] sfence_vaddr_o,
  output wire [8:0]  sfence_asid_o,
  output wire        sfence_all_va_o,    // rs1 = x0
  output wire        sfence_all_asid_o,  // rs2 = x0
  // the bus: physical accesses
  output wire        bus_req_valid_o,
  input  wire        bus_req_ready_i,
  output wire [33:0] bus_req_addr_o,     // byte address
  output wire        bus_req_we_o,
  output wire [1:0]  bus_req_size_o,     // 0 byte, 1 half, 2 word
  output wire [3:0]  bus_req_wstrb_o,    // byte lanes written
  output wire [31:0] bus_req_wdata_o,    // data in its byte lanes
  input  wire        bus_resp_valid_i,
  input  wire [31:0] bus_resp_rdata_i,   // the whole word containing the address
  input  wire        bus_resp_err_i,
  // interrupts and time from the CLINT
  input  wire        irq_mti_i,
  input  wire        irq_msi_i,
  input  wire [63:0] mtime_i
`ifdef PW_RVFI
  ,
  // retirement: one record per retired or trapped instruction (riscv-formal names)
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
  // not RVFI, for logs and lockstep: the interrupt that led to an intr record,
  // and the CSR an instruction wrote (its value after the write, in the
  // record's cycle)
  output wire [3:0]  rvfi_ext_intr_cause,
  output wire        rvfi_ext_csr_we,
  output wire [11:0] rvfi_ext_csr_addr,
  output wire [31:0] rvfi_ext_csr_wdata
`endif
);
  // ---------------------------------------------------------------- states
  localparam [3:0] S_FETCH       = 4'd0;   // ask the MMU for pc (or take an interrupt)
  localparam [3:0] S_FETCH_XLATE = 4'd1;   // wait for the fetch translation
  localparam [3:0] S_FETCH_BUS   = 4'd2;   // ask the bus for the instruction word
  localparam [3:0] S_FETCH_WAIT  = 4'd3;   // wait for it; read the registers
  localparam [3:0] S_EXEC        = 4'd4;   // decode, execute, retire or trap
  localparam [3:0] S_MEM         = 4'd5;   // ask the MMU for the data address
  localparam [3:0] S_MEM_XLATE   = 4'd6;   // wait for the data translation
  localparam [3:0] S_MEM_BUS     = 4'd7;   // ask the bus for the load or store
  localparam [3:0] S_MEM_WAIT    = 4'd8;   // wait for its response
  localparam [3:0] S_MULDIV      = 4'd9;   // wait for the multiplier/divider

  localparam [2:0] WB_ALU = 3'd0, WB_MEM = 3'd1, WB_PC4 = 3'd2, WB_CSR = 3'd3, WB_MULDIV = 3'd4;
  localparam [1:0] PRIV_M = `PW_PRIV_M_VALUE;

  reg [3:0]  state_q, state_d;
  reg [31:0] pc_q;
  reg [31:0] insn_q;
  reg [31:0] addr_q;       // data VA
  reg [33:0] paddr_q;      // PA of the current bus access

  // ---------------------------------------------------------------- decode
  wire        dec_illegal, dec_alu_a_pc, dec_alu_a_zero, dec_alu_b_imm, dec_rd_we;
  wire [3:0]  dec_alu_op;
  wire [31:0] dec_imm;
  wire [2:0]  dec_wb_sel;
  wire        dec_load, dec_store, dec_mem_unsigned, dec_branch, dec_jal, dec_jalr;
  wire [1:0]  dec_mem_size, dec_csr_op;
  wire        dec_csr, dec_csr_imm, dec_ecall, dec_ebreak, dec_mret, dec_sret, dec_sfence, dec_muldiv;

  wire [1:0]  mode;
  // Only some mstatus fields matter outside the CSR file.
  /* verilator lint_off UNUSEDSIGNAL */
  wire [31:0] mstatus;
  /* verilator lint_on UNUSEDSIGNAL */

  pw_core_decoder #(.WithM(WithM)) u_decoder (
    .insn_i        (insn_q),
    .mode_i        (mode),
    .tvm_i         (mstatus[`PW_MSTATUS_TVM]),
    .tw_i          (mstatus[`PW_MSTATUS_TW]),
    .tsr_i         (mstatus[`PW_MSTATUS_TSR]),
    .illegal_o     (dec_illegal),
    .alu_op_o      (dec_alu_op),
    .alu_a_pc_o    (dec_alu_a_pc),
    .alu_a_zero_o  (dec_alu_a_zero),
    .alu_b_imm_o   (dec_alu_b_imm),
    .imm_o         (dec_imm),
    .rd_we_o       (dec_rd_we),
    .wb_sel_o      (dec_wb_sel),
    .load_o        (dec_load),
    .store_o       (dec_store),
    .mem_size_o    (dec_mem_size),
    .mem_unsigned_o(dec_mem_unsigned),
    .branch_o      (dec_branch),
    .jal_o         (dec_jal),
    .jalr_o        (dec_jalr),
    .csr_o         (dec_csr),
    .csr_op_o      (dec_csr_op),
    .csr_imm_o     (dec_csr_imm),
    .ecall_o       (dec_ecall),
    .ebreak_o      (dec_ebreak),
    .mret_o        (dec_mret),
    .sret_o        (dec_sret),
    .sfence_o      (dec_sfence),
    .muldiv_o      (dec_muldiv)
  );

  wire [4:0] rd  = insn_q[11:7];
  wire [4:0] rs1 = insn_q[19:15];
  wire [4:0] rs2 = insn_q[24:20];

  // ---------------------------------------------------------------- registers
  wire [31:0] rs1_data, rs2_data;
  reg         rd_write;
  reg  [31:0] rd_wdata;

  pw_core_regfile u_regfile (
    .clk_i,
    .read_i   (state_q == S_FETCH_WAIT && bus_resp_valid_i),
    .raddr1_i (bus_resp_rdata_i[19:15]),
    .raddr2_i (bus_resp_rdata_i[24:20]),
    .rdata1_o (rs1_data),
    .rdata2_o (rs2_data),
    .we_i     (rd_write),
    .waddr_i  (rd),
    .wdata_i  (rd_wdata)
  );

  // ---------------------------------------------------------------- execute
  wire [31:0] alu_a = dec_alu_a_zero ? 32'd0 : (dec_alu_a_pc ? pc_q : rs1_data);
  wire [31:0] alu_b = dec_alu_b_imm ? dec_imm : rs2_data;
  wire [31:0] alu_result;
  pw_core_alu u_alu (.op_i(dec_alu_op), .a_i(alu_a), .b_i(alu_b), .result_o(alu_result));

  wire branch_cond;
  pw_core_branch u_branch (.funct3_i(insn_q[14:12]), .rs1_i(rs1_data), .rs2_i(rs2_data), .taken_o(branch_cond));

  // Address generation: branch and jal targets from pc, jalr and memory from rs1.
  wire [31:0] agu_sum  = ((dec_branch || dec_jal) ? pc_q : rs1_data) + dec_imm;
  wire [31:0] target   = dec_jalr ? {agu_sum[31:1], 1'b0} : agu_sum;
  wire        taken    = dec_jal || dec_jalr || (dec_branch && branch_cond);
  wire [31:0] pc_plus4 = pc_q + 32'd4;

  wire mem_misaligned = (dec_mem_size == 2'd1 && agu_sum[0]) ||
                        (dec_mem_size == 2'd2 && agu_sum[1:0] != 2'd0);

  // CSRs
  wire [31:0] csr_rdata;
  wire        csr_illegal;
  wire [31:0] mip, mie_reg, medeleg, mideleg, mtvec, stvec, mepc, sepc, satp;
  wire        csr_write = (dec_csr_op == 2'd1) || (rs1 != 5'd0);
  wire [31:0] csr_operand = dec_csr_imm ? {27'd0, rs1} : rs1_data;

  // Exceptions found in execute, in priority order.
  wire [3:0] ecall_cause = (mode == `PW_PRIV_U_VALUE) ? `PW_CAUSE_ECALL_U :
                           (mode == `PW_PRIV_S_VALUE) ? `PW_CAUSE_ECALL_S : `PW_CAUSE_ECALL_M;
  reg        exec_exc;
  reg [3:0]  exec_cause;
  reg [31:0] exec_tval;
  always @(*) begin
    exec_exc   = 1'b1;
    exec_cause = `PW_CAUSE_ILLEGAL_INSN;
    exec_tval  = insn_q;
    if (dec_illegal || (dec_csr && csr_illegal)) begin
      exec_cause = `PW_CAUSE_ILLEGAL_INSN;
    end else if (dec_ecall) begin
      exec_cause = ecall_cause;
      exec_tval  = 32'd0;
    end else if (dec_ebreak) begin
      exec_cause = `PW_CAUSE_BREAKPOINT;
      exec_tval  = pc_q;
    end else if (taken && target[1]) begin
      exec_cause = `PW_CAUSE_FETCH_MISALIGNED;
      exec_tval  = target;
    end else if ((dec_load || dec_store) && mem_misaligned) begin
      exec_cause = dec_load ? `PW_CAUSE_LOAD_MISALIGNED : `PW_CAUSE_STORE_MISALIGNED;
      exec_tval  = agu_sum;
    end else begin
      exec_exc = 1'b0;
    end
  end

  // ---------------------------------------------------------------- memory data
  wire [3:0]  mem_lanes;
  wire [31:0] store_wdata, load_value;
  pw_core_mem_data u_mem_data (
    .size_i       (dec_mem_size),
    .unsigned_i   (dec_mem_unsigned),
    .addr_i       (addr_q[1:0]),
    .store_data_i (rs2_data),
    .bus_rdata_i  (bus_resp_rdata_i),
    .lanes_o      (mem_lanes),
    .wdata_o      (store_wdata),
    .load_value_o (load_value)
  );

  // ---------------------------------------------------------------- M extension
  wire        md_done;
  wire [31:0] md_result;
  generate
    if (WithM != 0) begin : g_muldiv
      pw_core_muldiv u_muldiv (
        .clk_i, .rst_ni,
        .start_i  (state_q == S_EXEC && dec_muldiv && !exec_exc),
        .funct3_i (insn_q[14:12]),
        .a_i      (rs1_data),
        .b_i      (rs2_data),
        .done_o   (md_done),
        .result_o (md_result)
      );
    end else begin : g_no_muldiv
      assign md_done   = 1'b0;
      assign md_result = 32'd0;
    end
  endgenerate

  // ---------------------------------------------------------------- control
  // Exceptions raised in the current state (fetch and data faults, execute).
  reg        exc_valid;
  reg [3:0]  exc_cause;
  reg [31:0] exc_tval;
  reg        retire;
  reg [31:0] next_pc;
  always @(*) begin
    state_d   = state_q;
    exc_valid = 1'b0;
    exc_cause = 4'd0;
    exc_tval  = 32'd0;
    retire    = 1'b0;
    next_pc   = pc_plus4;
    case (state_q)
      // Between instructions: an enabled interrupt traps, else fetch pc.
      S_FETCH: if (!irq && mmu_req_ready_i) state_d = S_FETCH_XLATE;
      // The fetch translation: a page or access fault traps with tval = pc.
      S_FETCH_XLATE: if (mmu_resp_valid_i) begin
        if (mmu_resp_fault_i) begin
          exc_valid = 1'b1; exc_cause = mmu_resp_cause_i; exc_tval = pc_q;
        end else begin
          state_d = S_FETCH_BUS;
        end
      end
      S_FETCH_BUS: if (bus_req_ready_i) state_d = S_FETCH_WAIT;
      // The instruction word; a bus error is a fetch access fault.
      S_FETCH_WAIT: if (bus_resp_valid_i) begin
        if (bus_resp_err_i) begin
          exc_valid = 1'b1; exc_cause = `PW_CAUSE_FETCH_ACCESS; exc_tval = pc_q;
        end else begin
          state_d = S_EXEC;
        end
      end
      // One cycle: trap, retire, or go on to memory or the multiplier.
      S_EXEC: begin
        if (exec_exc) begin
          exc_valid = 1'b1; exc_cause = exec_cause; exc_tval = exec_tval;
        end else if (dec_load || dec_store) begin
          state_d = S_MEM;
        end else if (dec_muldiv) begin
          state_d = S_MULDIV;
        end else begin
          retire = 1'b1;
          if (taken)         next_pc = target;
          else if (dec_mret) next_pc = mepc;
          else if (dec_sret) next_pc = sepc;
        end
      end
      S_MEM: if (mmu_req_ready_i) state_d = S_MEM_XLATE;
      // The data translation: faults trap with tval = the VA.
      S_MEM_XLATE: if (mmu_resp_valid_i) begin
        if (mmu_resp_fault_i) begin
          exc_valid = 1'b1; exc_cause = mmu_resp_cause_i; exc_tval = addr_q;
        end else begin
          state_d = S_MEM_BUS;
        end
      end
      S_MEM_BUS: if (bus_req_ready_i) state_d = S_MEM_WAIT;
      // A bus error is a load or store access fault.
      S_MEM_WAIT: if (bus_resp_valid_i) begin
        if (bus_resp_err_i) begin
          exc_valid = 1'b1; exc_tval = addr_q;
          exc_cause = dec_load ? `PW_CAUSE_LOAD_ACCESS : `PW_CAUSE_STORE_ACCESS;
        end else begin
          retire = 1'b1;
        end
      end
      S_MULDIV: if (md_done) retire = 1'b1;
      default: state_d = S_FETCH;
    endcase
    if (retire || trap) state_d = S_FETCH;
  end

  // ---------------------------------------------------------------- traps
  wire        irq;
  wire        trap_to_s;
  wire [31:0] trap_cause, trap_vector;
  wire        take_irq = (state_q == S_FETCH) && irq;
  wire        trap     = exc_valid || take_irq;

  pw_core_trap u_trap (
    .exc_valid_i (exc_valid),
    .exc_cause_i (exc_cause),
    .mode_i      (mode),
    .mie_i       (mstatus[`PW_MSTATUS_MIE]),
    .sie_i       (mstatus[`PW_MSTATUS_SIE]),
    .mip_i       (mip),
    .mie_reg_i   (mie_reg),
    .mideleg_i   (mideleg),
    .medeleg_i   (medeleg),
    .mtvec_i     (mtvec),
    .stvec_i     (stvec),
    .irq_o       (irq),
    .to_s_o      (trap_to_s),
    .cause_o     (trap_cause),
    .vector_o    (trap_vector)
  );

  wire exec_retire = (state_q == S_EXEC) && retire;

  pw_core_csr #(.WithM(WithM)) u_csr (
    .clk_i, .rst_ni,
    .addr_i       (insn_q[31:20]),
    .write_i      (csr_write),
    .op_i         (dec_csr_op),
    .operand_i    (csr_operand),
    .rdata_o      (csr_rdata),
    .illegal_o    (csr_illegal),
    .commit_i     (exec_retire && dec_csr),
    .trap_i       (trap),
    .trap_to_s_i  (trap_to_s),
    .trap_cause_i (trap_cause),
    .trap_pc_i    (pc_q),
    .trap_tval_i  (exc_tval),
    .mret_i       (exec_retire && dec_mret),
    .sret_i       (exec_retire && dec_sret),
    .retire_i     (retire),
    .mtip_i       (irq_mti_i),
    .msip_i       (irq_msi_i),
    .mtime_i,
    .mode_o       (mode),
    .mstatus_o    (mstatus),
    .mip_o        (mip),
    .mie_o        (mie_reg),
    .medeleg_o    (medeleg),
    .mideleg_o    (mideleg),
    .mtvec_o      (mtvec),
    .stvec_o      (stvec),
    .mepc_o       (mepc),
    .sepc_o       (sepc),
    .satp_o       (satp)
  );

  // ---------------------------------------------------------------- write-back
  always @(*) begin
    case (dec_wb_sel)
      WB_MEM:    rd_wdata = load_value;
      WB_PC4:    rd_wdata = pc_plus4;
      WB_CSR:    rd_wdata = csr_rdata;
      WB_MULDIV: rd_wdata = md_result;
      WB_ALU:    rd_wdata = alu_result;
      default:   rd_wdata = alu_result;
    endcase
    rd_write = retire && dec_rd_we;
  end

  // ---------------------------------------------------------------- state and datapath registers
  always @(posedge clk_i) begin
    if (!rst_ni) state_q <= S_FETCH;
    else         state_q <= state_d;
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      pc_q    <= ResetPc;
      insn_q  <= 32'd0;
      addr_q  <= 32'd0;
      paddr_q <= 34'd0;
    end else begin
      if (trap)        pc_q <= trap_vector;
      else if (retire) pc_q <= next_pc;
      if (state_q == S_FETCH_WAIT && bus_resp_valid_i) insn_q <= bus_resp_rdata_i;
      if (state_q == S_EXEC) addr_q <= agu_sum;
      if ((state_q == S_FETCH_XLATE || state_q == S_MEM_XLATE) && mmu_resp_valid_i)
        paddr_q <= mmu_resp_paddr_i;
    end
  end

  // ---------------------------------------------------------------- ports
  wire [1:0] mpp = mstatus[`PW_MSTATUS_MPP_HI:`PW_MSTATUS_MPP_LO];
  wire [1:0] data_priv = (mode == PRIV_M && mstatus[`PW_MSTATUS_MPRV]) ? mpp : mode;
  wire       fetching  = (state_q == S_FETCH);

  assign mmu_req_valid_o  = (fetching && !irq) || state_q == S_MEM;
  assign mmu_req_vaddr_o  = fetching ? pc_q : addr_q;
  assign mmu_req_access_o = fetching ? `PW_MMU_ACCESS_FETCH
                          : (dec_store ? `PW_MMU_ACCESS_STORE : `PW_MMU_ACCESS_LOAD);
  assign mmu_req_priv_o   = fetching ? mode : data_priv;
  assign mmu_satp_o       = satp;
  assign mmu_sum_o        = mstatus[`PW_MSTATUS_SUM];
  assign mmu_mxr_o        = mstatus[`PW_MSTATUS_MXR];

  assign sfence_valid_o    = exec_retire && dec_sfence;
  assign sfence_vaddr_o    = rs1_data;
  assign sfence_asid_o     = rs2_data[8:0];
  assign sfence_all_va_o   = (rs1 == 5'd0);
  assign sfence_all_asid_o = (rs2 == 5'd0);

  wire data_access = (state_q == S_MEM_BUS);
  assign bus_req_valid_o = (state_q == S_FETCH_BUS) || data_access;
  assign bus_req_addr_o  = paddr_q;
  assign bus_req_we_o    = data_access && dec_store;
  assign bus_req_size_o  = data_access ? dec_mem_size : 2'd2;
  assign bus_req_wstrb_o = bus_req_we_o ? mem_lanes : 4'b0000;
  assign bus_req_wdata_o = store_wdata;

  // ---------------------------------------------------------------- retirement port
`ifdef PW_RVFI
  pw_core_rvfi u_rvfi (
    .clk_i, .rst_ni,
    .retire_i      (retire),
    .exc_i         (exc_valid),
    .take_irq_i    (take_irq),
    .irq_cause_i   (trap_cause[3:0]),
    .fetch_fault_i (state_q == S_FETCH_XLATE || state_q == S_FETCH_WAIT),
    .insn_i        (insn_q),
    .mode_i        (mode),
    .pc_i          (pc_q),
    .next_pc_i     (exc_valid ? trap_vector : next_pc),
    .rd_we_i       (dec_rd_we),
    .rd_i          (rd),
    .rd_wdata_i    (rd_wdata),
    .load_i        (dec_load),
    .store_i       (dec_store),
    .mem_vword_i   (addr_q[31:2]),
    .mem_lanes_i   (mem_lanes),
    .mem_rdata_i   (bus_resp_rdata_i),
    .mem_wdata_i   (bus_req_wdata_o),
    .csr_we_i      (dec_csr && csr_write),
    .csr_rdata_i   (csr_rdata),
    .rvfi_valid, .rvfi_order, .rvfi_insn, .rvfi_trap, .rvfi_intr, .rvfi_mode,
    .rvfi_pc_rdata, .rvfi_pc_wdata, .rvfi_rd_addr, .rvfi_rd_wdata,
    .rvfi_mem_addr, .rvfi_mem_rmask, .rvfi_mem_wmask, .rvfi_mem_rdata, .rvfi_mem_wdata,
    .rvfi_ext_intr_cause, .rvfi_ext_csr_we, .rvfi_ext_csr_addr, .rvfi_ext_csr_wdata
  );
`endif
endmodule
`default_nettype wire
