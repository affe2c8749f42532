// pw_core_trap: every trap decision in one place (docs/core.md, "Traps").
//
// Given the exception the control FSM raises (if any) and the pending
// interrupts, it chooses the trap, its mcause/scause value, its tval, the mode
// it goes to and the pc of the handler.
//
// Interrupts (checked by the FSM between instructions, exc_valid_i = 0):
//   pending  = mip & mie
//   M-level  = pending & ~mideleg, enabled when mode < M, or mode = M and MIE
//   S-level  = pending &  mideleg, enabled when mode < S, or mode = S and SIE
//   An enabled M-level interrupt wins over an S-level one; within a level the
//   order is MSI > MTI > SSI > STI.
// Exceptions go to S when medeleg[cause] is set and the mode is below M.
// Vectored tvec mode offsets interrupts only: base + 4 * cause.
`default_nettype none
`include "pagewalk_defs.vh"
`include "pagewalk_core.vh"

module pw_core_trap (
  // the exception of the current instruction
  input  wire        exc_valid_i,
  input  wire [3:0]  exc_cause_i,
  // state
  input  wire [1:0]  mode_i,
  input  wire        mie_i,          // mstatus.MIE
  input  wire        sie_i,          // mstatus.SIE
  input  wire [31:0] mip_i,
  input  wire [31:0] mie_reg_i,      // the mie CSR
  input  wire [31:0] mideleg_i,
  input  wire [31:0] medeleg_i,
  input  wire [31:0] mtvec_i,
  input  wire [31:0] stvec_i,
  // decisions
  output wire        irq_o,          // an interrupt is pending and enabled
  output wire        to_s_o,         // the trap (exception, else interrupt) goes to S
  output wire [31:0] cause_o,        // mcause/scause value
  output wire [31:0] vector_o        // handler pc
);
  localparam [1:0] PRIV_S = `PW_PRIV_S_VALUE;
  localparam [1:0] PRIV_M = `PW_PRIV_M_VALUE;

  wire [31:0] pending  = mip_i & mie_reg_i;
  wire        m_enable = (mode_i != PRIV_M) || mie_i;
  wire        s_enable = (mode_i == PRIV_S) ? sie_i : (mode_i != PRIV_M);
  wire [31:0] m_irqs   = m_enable ? (pending & ~mideleg_i) : 32'd0;
  wire [31:0] s_irqs   = s_enable ? (pending &  mideleg_i) : 32'd0;
  wire        take_m   = (m_irqs != 32'd0);
  wire [31:0] irqs     = take_m ? m_irqs : s_irqs;

  // The highest-priority interrupt of the chosen level.
  reg [3:0] irq_code;
  always @(*) begin
    if      (irqs[`PW_IRQ_MSI]) irq_code = `PW_IRQ_MSI;
    else if (irqs[`PW_IRQ_MTI]) irq_code = `PW_IRQ_MTI;
    else if (irqs[`PW_IRQ_SSI]) irq_code = `PW_IRQ_SSI;
    else                        irq_code = `PW_IRQ_STI;
  end

  assign irq_o = (irqs != 32'd0);

  wire exc_to_s = medeleg_i[{1'b0, exc_cause_i}] && (mode_i != PRIV_M);
  wire irq_to_s = !take_m;
  assign to_s_o = exc_valid_i ? exc_to_s : irq_to_s;

  wire [3:0] code = exc_valid_i ? exc_cause_i : irq_code;
  wire       interrupt = !exc_valid_i;
  assign cause_o = (interrupt ? `PW_MCAUSE_INTERRUPT : 32'd0) | {28'd0, code};

  wire [31:0] tvec   = to_s_o ? stvec_i : mtvec_i;
  wire [31:0] base   = {tvec[31:2], 2'b00};
  wire        tvec_vectored = (tvec[`PW_TVEC_MODE_HI:`PW_TVEC_MODE_LO] == `PW_TVEC_MODE_VECTORED);
  assign vector_o = (interrupt && tvec_vectored) ? (base + {26'd0, code, 2'b00}) : base;
endmodule
`default_nettype wire
