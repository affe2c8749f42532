// pw_core_decoder: one RV32I/M + Zicsr + Zifencei + privileged instruction
// into named control signals (docs/core.md, "Decoder"). Nothing downstream
// looks at instruction bits except through these signals and the register
// and CSR fields the datapath takes straight from the instruction.
//
// Privilege-dependent legality is decided here too: mret below M, sret in U
// (or S with TSR), wfi in U (or S with TW), sfence.vma in U (or S with TVM).
// CSR access rules belong to the CSR file (pw_core_csr).
`default_nettype none
`include "pagewalk_defs.vh"

module pw_core_decoder #(
  parameter integer WithM = 1           // 1: decode the M extension
) (
  input  wire [31:0] insn_i,
  input  wire [1:0]  mode_i,            // current privilege
  input  wire        tvm_i,             // mstatus.TVM
  input  wire        tw_i,              // mstatus.TW
  input  wire        tsr_i,             // mstatus.TSR
  output reg         illegal_o,
  // ALU: result = a OP b
  output reg  [3:0]  alu_op_o,          // see pw_core_alu
  output reg         alu_a_pc_o,        // a = pc (auipc)
  output reg         alu_a_zero_o,      // a = 0 (lui)
  output reg         alu_b_imm_o,       // b = immediate, else rs2
  output reg  [31:0] imm_o,
  // write-back
  output reg         rd_we_o,
  output reg  [2:0]  wb_sel_o,          // WB_* below
  // memory
  output reg         load_o,
  output reg         store_o,
  output reg  [1:0]  mem_size_o,        // 0 byte, 1 half, 2 word
  output reg         mem_unsigned_o,
  // control flow
  output reg         branch_o,          // conditional, funct3 picks the test
  output reg         jal_o,
  output reg         jalr_o,
  // system
  output reg         csr_o,
  output reg  [1:0]  csr_op_o,          // 1 rw, 2 rs, 3 rc
  output reg         csr_imm_o,         // operand is the 5-bit rs1 field
  output reg         ecall_o,
  output reg         ebreak_o,
  output reg         mret_o,
  output reg         sret_o,
  output reg         sfence_o,
  output reg         muldiv_o           // M extension, funct3 picks the op
);
  // Write-back sources.
  localparam [2:0] WB_ALU    = 3'd0;
  localparam [2:0] WB_MEM    = 3'd1;
  localparam [2:0] WB_PC4    = 3'd2;
  localparam [2:0] WB_CSR    = 3'd3;
  localparam [2:0] WB_MULDIV = 3'd4;

  // Opcodes (insn[6:0]).
  localparam [6:0] OP_LUI    = 7'b0110111;
  localparam [6:0] OP_AUIPC  = 7'b0010111;
  localparam [6:0] OP_JAL    = 7'b1101111;
  localparam [6:0] OP_JALR   = 7'b1100111;
  localparam [6:0] OP_BRANCH = 7'b1100011;
  localparam [6:0] OP_LOAD   = 7'b0000011;
  localparam [6:0] OP_STORE  = 7'b0100011;
  localparam [6:0] OP_IMM    = 7'b0010011;
  localparam [6:0] OP_OP     = 7'b0110011;
  localparam [6:0] OP_MISC   = 7'b0001111;
  localparam [6:0] OP_SYSTEM = 7'b1110011;

  // Whole encodings of the privileged instructions without operands.
  localparam [31:0] INSN_ECALL  = 32'h00000073;
  localparam [31:0] INSN_EBREAK = 32'h00100073;
  localparam [31:0] INSN_SRET   = 32'h10200073;
  localparam [31:0] INSN_MRET   = 32'h30200073;
  localparam [31:0] INSN_WFI    = 32'h10500073;

  wire [6:0] opcode = insn_i[6:0];
  wire [2:0] funct3 = insn_i[14:12];
  wire [6:0] funct7 = insn_i[31:25];

  wire [31:0] imm_i = {{21{insn_i[31]}}, insn_i[30:20]};
  wire [31:0] imm_s = {{21{insn_i[31]}}, insn_i[30:25], insn_i[11:7]};
  wire [31:0] imm_b = {{20{insn_i[31]}}, insn_i[7], insn_i[30:25], insn_i[11:8], 1'b0};
  wire [31:0] imm_u = {insn_i[31:12], 12'd0};
  wire [31:0] imm_j = {{12{insn_i[31]}}, insn_i[19:12], insn_i[20], insn_i[30:21], 1'b0};

  wire mode_u = (mode_i == `PW_PRIV_U_VALUE);
  wire mode_s = (mode_i == `PW_PRIV_S_VALUE);
  wire mode_m = (mode_i == `PW_PRIV_M_VALUE);

  // sfence.vma: funct7 0001001, funct3 0, rd 0.
  wire is_sfence = (funct7 == 7'b0001001) && (funct3 == 3'd0) && (insn_i[11:7] == 5'd0);

  always @(*) begin
    illegal_o      = 1'b0;
    alu_op_o       = 4'b0000;   // add
    alu_a_pc_o     = 1'b0;
    alu_a_zero_o   = 1'b0;
    alu_b_imm_o    = 1'b0;
    imm_o          = imm_i;
    rd_we_o        = 1'b0;
    wb_sel_o       = WB_ALU;
    load_o         = 1'b0;
    store_o        = 1'b0;
    mem_size_o     = funct3[1:0];
    mem_unsigned_o = funct3[2];
    branch_o       = 1'b0;
    jal_o          = 1'b0;
    jalr_o         = 1'b0;
    csr_o          = 1'b0;
    csr_op_o       = funct3[1:0];
    csr_imm_o      = funct3[2];
    ecall_o        = 1'b0;
    ebreak_o       = 1'b0;
    mret_o         = 1'b0;
    sret_o         = 1'b0;
    sfence_o       = 1'b0;
    muldiv_o       = 1'b0;

    case (opcode)
      OP_LUI: begin
        alu_a_zero_o = 1'b1; alu_b_imm_o = 1'b1; imm_o = imm_u; rd_we_o = 1'b1;
      end
      OP_AUIPC: begin
        alu_a_pc_o = 1'b1; alu_b_imm_o = 1'b1; imm_o = imm_u; rd_we_o = 1'b1;
      end
      OP_JAL: begin
        jal_o = 1'b1; imm_o = imm_j; rd_we_o = 1'b1; wb_sel_o = WB_PC4;
      end
      OP_JALR: begin
        jalr_o = 1'b1; rd_we_o = 1'b1; wb_sel_o = WB_PC4;
        illegal_o = (funct3 != 3'd0);
      end
      OP_BRANCH: begin
        branch_o = 1'b1; imm_o = imm_b;
        illegal_o = (funct3 == 3'd2) || (funct3 == 3'd3);
      end
      OP_LOAD: begin
        load_o = 1'b1; rd_we_o = 1'b1; wb_sel_o = WB_MEM;
        illegal_o = (funct3 == 3'd3) || (funct3 == 3'd6) || (funct3 == 3'd7);
      end
      OP_STORE: begin
        store_o = 1'b1; imm_o = imm_s;
        illegal_o = (funct3 > 3'd2);
      end
      OP_IMM: begin
        alu_b_imm_o = 1'b1; rd_we_o = 1'b1;
        // Shifts by immediate: funct7 0 (slli, srli) or 0100000 (srai).
        alu_op_o = {1'b0, funct3};
        if (funct3 == 3'd1) illegal_o = (funct7 != 7'd0);
        if (funct3 == 3'd5) begin
          alu_op_o  = {funct7[5], funct3};
          illegal_o = (funct7 != 7'd0) && (funct7 != 7'b0100000);
        end
      end
      OP_OP: begin
        rd_we_o  = 1'b1;
        alu_op_o = {funct7[5], funct3};
        if (funct7 == 7'b0000001) begin
          muldiv_o  = (WithM != 0);
          wb_sel_o  = WB_MULDIV;
          illegal_o = (WithM == 0);
        end else if (funct7 == 7'b0100000) begin
          illegal_o = (funct3 != 3'd0) && (funct3 != 3'd5);   // sub, sra
        end else begin
          illegal_o = (funct7 != 7'd0);
        end
      end
      OP_MISC: begin
        // fence and fence.i: no caches, nothing to order.
        illegal_o = (funct3 > 3'd1);
      end
      OP_SYSTEM: begin
        if (funct3 == 3'd0) begin
          if      (insn_i == INSN_ECALL)  ecall_o  = 1'b1;
          else if (insn_i == INSN_EBREAK) ebreak_o = 1'b1;
          else if (insn_i == INSN_MRET) begin
            mret_o = 1'b1; illegal_o = !mode_m;
          end else if (insn_i == INSN_SRET) begin
            sret_o = 1'b1; illegal_o = mode_u || (mode_s && tsr_i);
          end else if (insn_i == INSN_WFI) begin
            illegal_o = mode_u || (mode_s && tw_i);   // else a no-op
          end else if (is_sfence) begin
            sfence_o = 1'b1; illegal_o = mode_u || (mode_s && tvm_i);
          end else begin
            illegal_o = 1'b1;
          end
        end else if (funct3 == 3'd4) begin
          illegal_o = 1'b1;
        end else begin
          csr_o = 1'b1; rd_we_o = 1'b1; wb_sel_o = WB_CSR;
        end
      end
      default: illegal_o = 1'b1;
    endcase

    // An illegal instruction has no other effect.
    if (illegal_o) begin
      rd_we_o = 1'b0; load_o = 1'b0; store_o = 1'b0; branch_o = 1'b0;
      jal_o = 1'b0; jalr_o = 1'b0; csr_o = 1'b0; mret_o = 1'b0; sret_o = 1'b0;
      sfence_o = 1'b0; muldiv_o = 1'b0;
    end
  end
endmodule
`default_nettype wire
