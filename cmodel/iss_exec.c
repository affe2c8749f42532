/* Decode and execute one instruction: RV32I, Zicsr, Zifencei, M (when
 * configured), and the privileged instructions (ecall, ebreak, mret, sret,
 * wfi, sfence.vma).
 *
 * An instruction either completes (registers, pc and memory updated, the
 * record filled) or raises one exception and changes nothing: every check
 * that can raise runs before the instruction writes anything. The checks come
 * in the priority order of docs/iss.md: a jump's misaligned target, then
 * illegal instruction / ecall / ebreak, then a load's or store's misalignment,
 * page fault and access fault (iss_mem.c); fetch faults were raised before
 * the instruction was decoded (iss.c).
 */
#include "iss_internal.h"

/* Opcodes (unprivileged spec, chapter 24 "RV32/64G Instruction Set Listings"). */
enum {
    OP_LOAD = 0x03, OP_MISC_MEM = 0x0f, OP_IMM = 0x13, OP_AUIPC = 0x17, OP_STORE = 0x23,
    OP_REG = 0x33, OP_LUI = 0x37, OP_BRANCH = 0x63, OP_JALR = 0x67, OP_JAL = 0x6f, OP_SYSTEM = 0x73,
};

/* The fixed SYSTEM encodings with funct3 = 0. */
enum {
    INSN_ECALL = 0x00000073, INSN_EBREAK = 0x00100073, INSN_MRET = 0x30200073,
    INSN_SRET = 0x10200073, INSN_WFI = 0x10500073,
};
#define SFENCE_VMA_MASK 0xfe007fffu /* funct7, rd, funct3, opcode */
#define SFENCE_VMA_BITS 0x12000073u

static inline uint32_t imm_i(uint32_t insn) { return (uint32_t)((int32_t)insn >> 20); }
static inline uint32_t imm_s(uint32_t insn)
{
    return (uint32_t)(((int32_t)insn >> 25) << 5) | ((insn >> 7) & 0x1f);
}
static inline uint32_t imm_b(uint32_t insn)
{
    return (uint32_t)(((int32_t)insn >> 31) << 12) | ((insn << 4) & 0x800) | ((insn >> 20) & 0x7e0)
         | ((insn >> 7) & 0x1e);
}
static inline uint32_t imm_j(uint32_t insn)
{
    return (uint32_t)(((int32_t)insn >> 31) << 20) | (insn & 0xff000) | ((insn >> 9) & 0x800)
         | ((insn >> 20) & 0x7fe);
}

static inline void illegal(pw_iss *iss, uint32_t insn) { raise_exception(iss, PW_CAUSE_ILLEGAL_INSN, insn); }

/* A jump or taken branch to target: misaligned targets trap at the jump. */
static inline bool jump_ok(pw_iss *iss, uint32_t target)
{
    if (target & 3) {
        raise_exception(iss, PW_CAUSE_FETCH_MISALIGNED, target);
        return false;
    }
    return true;
}

/* The M extension; false when funct3 is not one of its eight. */
static uint32_t mul_div(unsigned funct3, uint32_t a, uint32_t b)
{
    int32_t sa = (int32_t)a, sb = (int32_t)b;
    switch (funct3) {
    case 0: return a * b;
    case 1: return (uint32_t)(((int64_t)sa * sb) >> 32);
    case 2: return (uint32_t)(((int64_t)sa * (uint64_t)b) >> 32);
    case 3: return (uint32_t)(((uint64_t)a * b) >> 32);
    /* Division by zero and overflow give the values the spec tabulates. */
    case 4: return b == 0 ? 0xffffffffu : (sa == INT32_MIN && sb == -1) ? a : (uint32_t)(sa / sb);
    case 5: return b == 0 ? 0xffffffffu : a / b;
    case 6: return b == 0 ? a : (sa == INT32_MIN && sb == -1) ? 0 : (uint32_t)(sa % sb);
    default: return b == 0 ? a : a % b;
    }
}

static bool alu_reg(unsigned funct3, unsigned funct7, uint32_t a, uint32_t b, uint32_t *out)
{
    switch (funct7 << 3 | funct3) {
    case 0x000: *out = a + b; return true;
    case 0x100: *out = a - b; return true;
    case 0x001: *out = a << (b & 31); return true;
    case 0x002: *out = (int32_t)a < (int32_t)b; return true;
    case 0x003: *out = a < b; return true;
    case 0x004: *out = a ^ b; return true;
    case 0x005: *out = a >> (b & 31); return true;
    case 0x105: *out = (uint32_t)((int32_t)a >> (b & 31)); return true;
    case 0x006: *out = a | b; return true;
    case 0x007: *out = a & b; return true;
    default: return false;
    }
}

static bool alu_imm(uint32_t insn, unsigned funct3, uint32_t a, uint32_t *out)
{
    uint32_t imm = imm_i(insn), shamt = imm & 31, funct7 = insn >> 25;
    switch (funct3) {
    case 0: *out = a + imm; return true;
    case 1: *out = a << shamt; return funct7 == 0;
    case 2: *out = (int32_t)a < (int32_t)imm; return true;
    case 3: *out = a < imm; return true;
    case 4: *out = a ^ imm; return true;
    case 5:
        if (funct7 == 0) { *out = a >> shamt; return true; }
        if (funct7 == 0x20) { *out = (uint32_t)((int32_t)a >> shamt); return true; }
        return false;
    case 6: *out = a | imm; return true;
    default: *out = a & imm; return true;
    }
}

static bool branch_taken(unsigned funct3, uint32_t a, uint32_t b, bool *valid)
{
    *valid = true;
    switch (funct3) {
    case 0: return a == b;
    case 1: return a != b;
    case 4: return (int32_t)a < (int32_t)b;
    case 5: return (int32_t)a >= (int32_t)b;
    case 6: return a < b;
    case 7: return a >= b;
    default: *valid = false; return false;
    }
}

/* Spike logs the xRETs' mstatus update as a write of mstatus. */
static void log_status_write(pw_iss *iss)
{
    iss->rec->csr_written = true;
    iss->rec->csr_addr = PW_CSR_MSTATUS;
    iss->rec->csr_wdata = iss->csr[CSR_MSTATUS];
}

/* ecall, ebreak, the xRETs, wfi, sfence.vma; false when the instruction
 * trapped (or is not one of them). */
static bool exec_privileged(pw_iss *iss, uint32_t insn, uint32_t *npc)
{
    uint32_t mstatus = iss->csr[CSR_MSTATUS];
    pw_priv priv = iss->priv;
    switch (insn) {
    case INSN_ECALL:
        raise_exception(iss, priv == PW_PRIV_U ? PW_CAUSE_ECALL_U
                           : priv == PW_PRIV_S ? PW_CAUSE_ECALL_S : PW_CAUSE_ECALL_M, 0);
        return false;
    case INSN_EBREAK:
        raise_exception(iss, PW_CAUSE_BREAKPOINT, iss->pc);
        return false;
    case INSN_MRET:
        if (priv != PW_PRIV_M)
            break;
        do_mret(iss);
        *npc = iss->pc;
        log_status_write(iss);
        return true;
    case INSN_SRET:
        if (priv == PW_PRIV_U || (priv == PW_PRIV_S && (mstatus & PW_MSTATUS_TSR)))
            break;
        do_sret(iss);
        *npc = iss->pc;
        log_status_write(iss);
        return true;
    case INSN_WFI:
        /* A no-op where allowed: no caches, and interrupts are checked
         * between instructions anyway. */
        if (priv == PW_PRIV_U || (priv == PW_PRIV_S && (mstatus & PW_MSTATUS_TW)))
            break;
        return true;
    default:
        if ((insn & SFENCE_VMA_MASK) != SFENCE_VMA_BITS)
            break;
        if (priv == PW_PRIV_U || (priv == PW_PRIV_S && (mstatus & PW_MSTATUS_TVM)))
            break;
        /* No TLB: nothing to forget architecturally. The memo forgets too,
         * though it would stay correct without (iss_mem.c). */
        memo_flush(iss);
        return true;
    }
    illegal(iss, insn);
    return false;
}

/* csrrw, csrrs, csrrc and their immediate forms. */
static bool exec_csr(pw_iss *iss, uint32_t insn, unsigned funct3, unsigned rd, unsigned rs1, uint32_t *result)
{
    int op = funct3 & 3; /* 1 write, 2 set, 3 clear */
    uint32_t src = (funct3 & 4) ? rs1 : iss->x[rs1];
    /* csrrw reads only for a destination other than x0 and always writes;
     * csrrs/c always read and write only with a non-zero source register
     * number or immediate. */
    bool read = op != 1 || rd != 0;
    bool write = op == 1 || rs1 != 0;
    return csr_access(iss, insn, insn >> 20, read, write, src, op, result);
}

void exec_insn(pw_iss *iss, uint32_t insn)
{
    pw_rvfi *rec = iss->rec;
    uint32_t pc = iss->pc, npc = pc + 4, result = 0;
    unsigned rd = (insn >> 7) & 31, rs1 = (insn >> 15) & 31, rs2 = (insn >> 20) & 31;
    unsigned funct3 = (insn >> 12) & 7, funct7 = insn >> 25;
    uint32_t a = iss->x[rs1], b = iss->x[rs2];
    bool writes_rd = true;

    switch (insn & 0x7f) {
    case OP_LUI:
        result = insn & 0xfffff000u;
        break;
    case OP_AUIPC:
        result = pc + (insn & 0xfffff000u);
        break;
    case OP_JAL: {
        uint32_t target = pc + imm_j(insn);
        if (!jump_ok(iss, target))
            return;
        result = npc;
        npc = target;
        break;
    }
    case OP_JALR: {
        if (funct3 != 0)
            { illegal(iss, insn); return; }
        uint32_t target = (a + imm_i(insn)) & ~1u;
        if (!jump_ok(iss, target))
            return;
        result = npc;
        npc = target;
        break;
    }
    case OP_BRANCH: {
        bool valid;
        bool taken = branch_taken(funct3, a, b, &valid);
        if (!valid)
            { illegal(iss, insn); return; }
        if (taken) {
            uint32_t target = pc + imm_b(insn);
            if (!jump_ok(iss, target))
                return;
            npc = target;
        }
        writes_rd = false;
        break;
    }
    case OP_LOAD: {
        static const uint8_t sizes[8] = {1, 2, 4, 0, 1, 2, 0, 0};
        unsigned size = sizes[funct3];
        if (size == 0)
            { illegal(iss, insn); return; }
        uint32_t v;
        if (!mem_load(iss, a + imm_i(insn), size, &v))
            return;
        if (funct3 == 0)
            v = (uint32_t)(int32_t)(int8_t)v;
        else if (funct3 == 1)
            v = (uint32_t)(int32_t)(int16_t)v;
        result = v;
        break;
    }
    case OP_STORE:
        if (funct3 > 2)
            { illegal(iss, insn); return; }
        if (!mem_store(iss, a + imm_s(insn), 1u << funct3, b))
            return;
        writes_rd = false;
        break;
    case OP_IMM:
        if (!alu_imm(insn, funct3, a, &result))
            { illegal(iss, insn); return; }
        break;
    case OP_REG:
        if (funct7 == 1) {
            if (!iss->cfg.has_m)
                { illegal(iss, insn); return; }
            result = mul_div(funct3, a, b);
        } else if (!alu_reg(funct3, funct7, a, b, &result)) {
            { illegal(iss, insn); return; }
        }
        break;
    case OP_MISC_MEM:
        /* fence and fence.i: no caches, nothing to order or flush */
        if (funct3 > 1)
            { illegal(iss, insn); return; }
        writes_rd = false;
        break;
    case OP_SYSTEM:
        if (funct3 == 0) {
            if (!exec_privileged(iss, insn, &npc))
                return;
            writes_rd = false;
        } else if (funct3 == 4) {
            { illegal(iss, insn); return; }
        } else if (!exec_csr(iss, insn, funct3, rd, rs1, &result)) {
            return;
        }
        break;
    default:
        { illegal(iss, insn); return; }
    }

    if (writes_rd && rd != 0) {
        iss->x[rd] = result;
        rec->rd_addr = (uint8_t)rd;
        rec->rd_wdata = result;
    }
    iss->pc = npc;
}
