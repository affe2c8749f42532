// pw_core_csr: the CSR file and the privilege state (docs/core.md, "CSRs").
//
// Every address, write mask and reset value comes from the generated table
// (PW_CSR_* in pagewalk_core.vh, from cmodel/gen/core.defs). A CSR write
// changes only the bits of its WMASK; sstatus, sie and sip are windows onto
// mstatus, mie and mip. Access rules (the illegal-instruction cases):
//   - the address is not in the table;
//   - a write to a read-only CSR (address bits 11:10 == 3);
//   - the current mode is below the CSR's (address bits 9:8);
//   - satp from S-mode with mstatus.TVM;
//   - cycle/time/instret(h) below M without the mcounteren bit, or in U
//     without the scounteren bit as well.
// The same module applies trap entry, mret and sret to mstatus and the mode.
`default_nettype none
`include "pagewalk_defs.vh"
`include "pagewalk_core.vh"

module pw_core_csr #(
  parameter integer WithM = 1
) (
  input  wire        clk_i,
  input  wire        rst_ni,
  // a CSR instruction in execute
  input  wire [11:0] addr_i,
  input  wire        write_i,         // the instruction writes (csrrw, or a set/clear with a non-zero operand)
  input  wire [1:0]  op_i,            // 1 rw, 2 rs, 3 rc
  input  wire [31:0] operand_i,       // rs1 or the zero-extended immediate
  output reg  [31:0] rdata_o,         // the CSR's value before the instruction
  output wire        illegal_o,       // the access breaks a rule above
  input  wire        commit_i,        // apply the write at this edge
  // trap entry and return (at most one per edge)
  input  wire        trap_i,
  input  wire        trap_to_s_i,     // the trap goes to S-mode, else M-mode
  input  wire [31:0] trap_cause_i,    // mcause/scause value
  input  wire [31:0] trap_pc_i,       // the pc to return to
  input  wire [31:0] trap_tval_i,
  input  wire        mret_i,
  input  wire        sret_i,
  input  wire        retire_i,        // an instruction retired: minstret + 1
  // interrupt lines and time from the CLINT
  input  wire        mtip_i,
  input  wire        msip_i,
  input  wire [63:0] mtime_i,
  // state for the rest of the core
  output reg  [1:0]  mode_o,
  output reg  [31:0] mstatus_o,
  output wire [31:0] mip_o,
  output reg  [31:0] mie_o,
  output reg  [31:0] medeleg_o,
  output reg  [31:0] mideleg_o,
  output reg  [31:0] mtvec_o,
  output reg  [31:0] stvec_o,
  output reg  [31:0] mepc_o,
  output reg  [31:0] sepc_o,
  output reg  [31:0] satp_o
);
  localparam [1:0] PRIV_U = `PW_PRIV_U_VALUE;
  localparam [1:0] PRIV_S = `PW_PRIV_S_VALUE;
  localparam [1:0] PRIV_M = `PW_PRIV_M_VALUE;
  localparam [31:0] MISA_VALUE = `PW_MISA_BASE | ((WithM != 0) ? (32'd1 << `PW_MISA_EXT_M) : 32'd0);
  // sie and sip show the S-level interrupt bits (those sie may expose).
  localparam [31:0] S_IRQ_BITS = `PW_CSR_SIE_WMASK;

  reg [31:0] mcounteren_q, scounteren_q, mscratch_q, sscratch_q;
  reg [31:0] mcause_q, mtval_q, scause_q, stval_q;
  reg [31:0] mip_sw_q;                 // SSIP, STIP: written by software
  reg [63:0] mcycle_q, minstret_q;

  assign mip_o = mip_sw_q | ({31'd0, mtip_i} << `PW_IRQ_MTI) | ({31'd0, msip_i} << `PW_IRQ_MSI);

  // ---------------------------------------------------------------- read and rules
  reg exists;
  reg counter_bit_ok;    // a user counter readable in this mode
  reg [4:0] counter_bit;

  always @(*) begin
    exists      = 1'b1;
    counter_bit = 5'd31;   // not a user counter
    case (addr_i)
      `PW_CSR_MSTATUS:    rdata_o = mstatus_o;
      `PW_CSR_MISA:       rdata_o = MISA_VALUE;
      `PW_CSR_MEDELEG:    rdata_o = medeleg_o;
      `PW_CSR_MIDELEG:    rdata_o = mideleg_o;
      `PW_CSR_MIE:        rdata_o = mie_o;
      `PW_CSR_MTVEC:      rdata_o = mtvec_o;
      `PW_CSR_MCOUNTEREN: rdata_o = mcounteren_q;
      `PW_CSR_MSCRATCH:   rdata_o = mscratch_q;
      `PW_CSR_MEPC:       rdata_o = mepc_o;
      `PW_CSR_MCAUSE:     rdata_o = mcause_q;
      `PW_CSR_MTVAL:      rdata_o = mtval_q;
      `PW_CSR_MIP:        rdata_o = mip_o;
      `PW_CSR_PMPCFG0, `PW_CSR_PMPCFG1, `PW_CSR_PMPCFG2, `PW_CSR_PMPCFG3,
      `PW_CSR_PMPADDR0, `PW_CSR_PMPADDR1, `PW_CSR_PMPADDR2, `PW_CSR_PMPADDR3,
      `PW_CSR_PMPADDR4, `PW_CSR_PMPADDR5, `PW_CSR_PMPADDR6, `PW_CSR_PMPADDR7,
      `PW_CSR_PMPADDR8, `PW_CSR_PMPADDR9, `PW_CSR_PMPADDR10, `PW_CSR_PMPADDR11,
      `PW_CSR_PMPADDR12, `PW_CSR_PMPADDR13, `PW_CSR_PMPADDR14, `PW_CSR_PMPADDR15:
                          rdata_o = 32'd0;
      `PW_CSR_MCYCLE:     rdata_o = mcycle_q[31:0];
      `PW_CSR_MINSTRET:   rdata_o = minstret_q[31:0];
      `PW_CSR_MCYCLEH:    rdata_o = mcycle_q[63:32];
      `PW_CSR_MINSTRETH:  rdata_o = minstret_q[63:32];
      `PW_CSR_MVENDORID:  rdata_o = `PW_CSR_MVENDORID_RESET;
      `PW_CSR_MARCHID:    rdata_o = `PW_CSR_MARCHID_RESET;
      `PW_CSR_MIMPID:     rdata_o = `PW_CSR_MIMPID_RESET;
      `PW_CSR_MHARTID:    rdata_o = `PW_CSR_MHARTID_RESET;
      `PW_CSR_SSTATUS:    rdata_o = mstatus_o & `PW_CSR_SSTATUS_WMASK;
      `PW_CSR_SIE:        rdata_o = mie_o & mideleg_o & S_IRQ_BITS;
      `PW_CSR_STVEC:      rdata_o = stvec_o;
      `PW_CSR_SCOUNTEREN: rdata_o = scounteren_q;
      `PW_CSR_SSCRATCH:   rdata_o = sscratch_q;
      `PW_CSR_SEPC:       rdata_o = sepc_o;
      `PW_CSR_SCAUSE:     rdata_o = scause_q;
      `PW_CSR_STVAL:      rdata_o = stval_q;
      `PW_CSR_SIP:        rdata_o = mip_o & mideleg_o & S_IRQ_BITS;
      `PW_CSR_SATP:       rdata_o = satp_o;
      `PW_CSR_CYCLE:      begin rdata_o = mcycle_q[31:0];    counter_bit = `PW_COUNTEREN_CY; end
      `PW_CSR_TIME:       begin rdata_o = mtime_i[31:0];     counter_bit = `PW_COUNTEREN_TM; end
      `PW_CSR_INSTRET:    begin rdata_o = minstret_q[31:0];  counter_bit = `PW_COUNTEREN_IR; end
      `PW_CSR_CYCLEH:     begin rdata_o = mcycle_q[63:32];   counter_bit = `PW_COUNTEREN_CY; end
      `PW_CSR_TIMEH:      begin rdata_o = mtime_i[63:32];    counter_bit = `PW_COUNTEREN_TM; end
      `PW_CSR_INSTRETH:   begin rdata_o = minstret_q[63:32]; counter_bit = `PW_COUNTEREN_IR; end
      default: begin rdata_o = 32'd0; exists = 1'b0; end
    endcase
    counter_bit_ok = 1'b1;
    if (counter_bit != 5'd31) begin
      if (mode_o != PRIV_M && !mcounteren_q[counter_bit]) counter_bit_ok = 1'b0;
      if (mode_o == PRIV_U && !scounteren_q[counter_bit]) counter_bit_ok = 1'b0;
    end
  end

  wire read_only   = (addr_i[11:10] == 2'b11);
  wire below_priv  = (mode_o < addr_i[9:8]);
  wire satp_trap   = (addr_i == `PW_CSR_SATP) && (mode_o == PRIV_S) && mstatus_o[`PW_MSTATUS_TVM];
  assign illegal_o = !exists || (write_i && read_only) || below_priv || satp_trap || !counter_bit_ok;

  // ---------------------------------------------------------------- the value written
  reg [31:0] wval;
  always @(*) begin
    case (op_i)
      2'd2:    wval = rdata_o | operand_i;
      2'd3:    wval = rdata_o & ~operand_i;
      default: wval = operand_i;
    endcase
  end

  wire do_write = commit_i && write_i;

  // new = old outside the mask, written value inside it
  function [31:0] masked;
    input [31:0] old, val, mask;
    masked = (old & ~mask) | (val & mask);
  endfunction

  // mstatus.MPP is WARL: a write of 2 (reserved) leaves it unchanged.
  wire [31:0] mstatus_written_raw = masked(mstatus_o, wval, `PW_CSR_MSTATUS_WMASK);
  wire        mpp_reserved = (wval[`PW_MSTATUS_MPP_HI:`PW_MSTATUS_MPP_LO] == 2'd2);
  wire [31:0] mstatus_written = mpp_reserved
      ? {mstatus_written_raw[31:`PW_MSTATUS_MPP_HI+1], mstatus_o[`PW_MSTATUS_MPP_HI:`PW_MSTATUS_MPP_LO],
         mstatus_written_raw[`PW_MSTATUS_MPP_LO-1:0]}
      : mstatus_written_raw;

  // ---------------------------------------------------------------- trap entry and return
  wire [1:0] mpp = mstatus_o[`PW_MSTATUS_MPP_HI:`PW_MSTATUS_MPP_LO];

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      mode_o       <= PRIV_M;
      mstatus_o    <= `PW_CSR_MSTATUS_RESET;
      medeleg_o    <= `PW_CSR_MEDELEG_RESET;
      mideleg_o    <= `PW_CSR_MIDELEG_RESET;
      mie_o        <= `PW_CSR_MIE_RESET;
      mtvec_o      <= `PW_CSR_MTVEC_RESET;
      mcounteren_q <= `PW_CSR_MCOUNTEREN_RESET;
      mscratch_q   <= `PW_CSR_MSCRATCH_RESET;
      mepc_o       <= `PW_CSR_MEPC_RESET;
      mcause_q     <= `PW_CSR_MCAUSE_RESET;
      mtval_q      <= `PW_CSR_MTVAL_RESET;
      mip_sw_q     <= `PW_CSR_MIP_RESET;
      stvec_o      <= `PW_CSR_STVEC_RESET;
      scounteren_q <= `PW_CSR_SCOUNTEREN_RESET;
      sscratch_q   <= `PW_CSR_SSCRATCH_RESET;
      sepc_o       <= `PW_CSR_SEPC_RESET;
      scause_q     <= `PW_CSR_SCAUSE_RESET;
      stval_q      <= `PW_CSR_STVAL_RESET;
      satp_o       <= `PW_CSR_SATP_RESET;
      mcycle_q     <= {`PW_CSR_MCYCLEH_RESET, `PW_CSR_MCYCLE_RESET};
      minstret_q   <= {`PW_CSR_MINSTRETH_RESET, `PW_CSR_MINSTRET_RESET};
    end else begin
      mcycle_q <= mcycle_q + 64'd1;
      if (retire_i) minstret_q <= minstret_q + 64'd1;

      if (trap_i && trap_to_s_i) begin
        sepc_o   <= trap_pc_i;
        scause_q <= trap_cause_i;
        stval_q  <= trap_tval_i;
        mstatus_o[`PW_MSTATUS_SPIE] <= mstatus_o[`PW_MSTATUS_SIE];
        mstatus_o[`PW_MSTATUS_SIE]  <= 1'b0;
        mstatus_o[`PW_MSTATUS_SPP]  <= (mode_o == PRIV_S);
        mode_o <= PRIV_S;
      end else if (trap_i) begin
        mepc_o   <= trap_pc_i;
        mcause_q <= trap_cause_i;
        mtval_q  <= trap_tval_i;
        mstatus_o[`PW_MSTATUS_MPIE] <= mstatus_o[`PW_MSTATUS_MIE];
        mstatus_o[`PW_MSTATUS_MIE]  <= 1'b0;
        mstatus_o[`PW_MSTATUS_MPP_HI:`PW_MSTATUS_MPP_LO] <= mode_o;
        mode_o <= PRIV_M;
      end else if (mret_i) begin
        mode_o <= mpp;
        mstatus_o[`PW_MSTATUS_MIE]  <= mstatus_o[`PW_MSTATUS_MPIE];
        mstatus_o[`PW_MSTATUS_MPIE] <= 1'b1;
        mstatus_o[`PW_MSTATUS_MPP_HI:`PW_MSTATUS_MPP_LO] <= PRIV_U;
        if (mpp != PRIV_M) mstatus_o[`PW_MSTATUS_MPRV] <= 1'b0;
      end else if (sret_i) begin
        mode_o <= mstatus_o[`PW_MSTATUS_SPP] ? PRIV_S : PRIV_U;
        mstatus_o[`PW_MSTATUS_SIE]  <= mstatus_o[`PW_MSTATUS_SPIE];
        mstatus_o[`PW_MSTATUS_SPIE] <= 1'b1;
        mstatus_o[`PW_MSTATUS_SPP]  <= 1'b0;
        mstatus_o[`PW_MSTATUS_MPRV] <= 1'b0;
      end else if (do_write) begin
        case (addr_i)
          `PW_CSR_MSTATUS:    mstatus_o    <= mstatus_written;
          `PW_CSR_MEDELEG:    medeleg_o    <= masked(medeleg_o, wval, `PW_CSR_MEDELEG_WMASK);
          `PW_CSR_MIDELEG:    mideleg_o    <= masked(mideleg_o, wval, `PW_CSR_MIDELEG_WMASK);
          `PW_CSR_MIE:        mie_o        <= masked(mie_o, wval, `PW_CSR_MIE_WMASK);
          `PW_CSR_MTVEC:      mtvec_o      <= masked(mtvec_o, wval, `PW_CSR_MTVEC_WMASK);
          `PW_CSR_MCOUNTEREN: mcounteren_q <= masked(mcounteren_q, wval, `PW_CSR_MCOUNTEREN_WMASK);
          `PW_CSR_MSCRATCH:   mscratch_q   <= masked(mscratch_q, wval, `PW_CSR_MSCRATCH_WMASK);
          `PW_CSR_MEPC:       mepc_o       <= masked(mepc_o, wval, `PW_CSR_MEPC_WMASK);
          `PW_CSR_MCAUSE:     mcause_q     <= masked(mcause_q, wval, `PW_CSR_MCAUSE_WMASK);
          `PW_CSR_MTVAL:      mtval_q      <= masked(mtval_q, wval, `PW_CSR_MTVAL_WMASK);
          `PW_CSR_MIP:        mip_sw_q     <= masked(mip_sw_q, wval, `PW_CSR_MIP_WMASK);
          `PW_CSR_MCYCLE:     mcycle_q[31:0]    <= masked(mcycle_q[31:0], wval, `PW_CSR_MCYCLE_WMASK);
          `PW_CSR_MCYCLEH:    mcycle_q[63:32]   <= masked(mcycle_q[63:32], wval, `PW_CSR_MCYCLEH_WMASK);
          // A write to minstret wins over the writing instruction's own count.
          `PW_CSR_MINSTRET:   minstret_q[31:0]  <= masked(minstret_q[31:0], wval, `PW_CSR_MINSTRET_WMASK);
          `PW_CSR_MINSTRETH:  minstret_q[63:32] <= masked(minstret_q[63:32], wval, `PW_CSR_MINSTRETH_WMASK);
          `PW_CSR_SSTATUS:    mstatus_o    <= masked(mstatus_o, wval, `PW_CSR_SSTATUS_WMASK);
          `PW_CSR_SIE:        mie_o        <= masked(mie_o, wval, `PW_CSR_SIE_WMASK & mideleg_o);
          `PW_CSR_STVEC:      stvec_o      <= masked(stvec_o, wval, `PW_CSR_STVEC_WMASK);
          `PW_CSR_SCOUNTEREN: scounteren_q <= masked(scounteren_q, wval, `PW_CSR_SCOUNTEREN_WMASK);
          `PW_CSR_SSCRATCH:   sscratch_q   <= masked(sscratch_q, wval, `PW_CSR_SSCRATCH_WMASK);
          `PW_CSR_SEPC:       sepc_o       <= masked(sepc_o, wval, `PW_CSR_SEPC_WMASK);
          `PW_CSR_SCAUSE:     scause_q     <= masked(scause_q, wval, `PW_CSR_SCAUSE_WMASK);
          `PW_CSR_STVAL:      stval_q      <= masked(stval_q, wval, `PW_CSR_STVAL_WMASK);
          `PW_CSR_SIP:        mip_sw_q     <= masked(mip_sw_q, wval, `PW_CSR_SIP_WMASK & mideleg_o);
          `PW_CSR_SATP:       satp_o       <= masked(satp_o, wval, `PW_CSR_SATP_WMASK);
          default: ;   // read-only or read-zero
        endcase
      end
    end
  end
endmodule
`default_nettype wire
