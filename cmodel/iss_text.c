/* The ISS as text: a disassembler for the instructions the core decodes, and
 * the commit-log line of Spike's --log-commits (riscv-isa-sim, execute.cc:
 * "core   0: PRIV PC (INSN)" followed by the register writes, then " mem ADDR"
 * per load and " mem ADDR DATA" per store). */
#include "iss_internal.h"

#include <inttypes.h>
#include <string.h>

static const char *const abi[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static int32_t simm_i(uint32_t insn) { return (int32_t)insn >> 20; }
static int32_t simm_s(uint32_t insn) { return (((int32_t)insn >> 25) << 5) | (int32_t)((insn >> 7) & 0x1f); }
static int32_t simm_b(uint32_t insn)
{
    return (((int32_t)insn >> 31) << 12) | (int32_t)(((insn << 4) & 0x800) | ((insn >> 20) & 0x7e0)
                                                      | ((insn >> 7) & 0x1e));
}
static int32_t simm_j(uint32_t insn)
{
    return (((int32_t)insn >> 31) << 20) | (int32_t)((insn & 0xff000) | ((insn >> 9) & 0x800)
                                                      | ((insn >> 20) & 0x7fe));
}

void pw_iss_disasm(uint32_t insn, uint32_t pc, char *buf, size_t len)
{
    const char *rd = abi[(insn >> 7) & 31], *rs1 = abi[(insn >> 15) & 31], *rs2 = abi[(insn >> 20) & 31];
    unsigned funct3 = (insn >> 12) & 7, funct7 = insn >> 25;
    static const char *const loads[8] = {"lb", "lh", "lw", NULL, "lbu", "lhu", NULL, NULL};
    static const char *const stores[8] = {"sb", "sh", "sw", NULL, NULL, NULL, NULL, NULL};
    static const char *const branches[8] = {"beq", "bne", NULL, NULL, "blt", "bge", "bltu", "bgeu"};
    static const char *const imms[8] = {"addi", "slli", "slti", "sltiu", "xori", "srli", "ori", "andi"};
    static const char *const regs[8] = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
    static const char *const muls[8] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    static const char *const csrs[8] = {NULL, "csrrw", "csrrs", "csrrc", NULL, "csrrwi", "csrrsi", "csrrci"};
    char csr[16];

    switch (insn & 0x7f) {
    case 0x37: snprintf(buf, len, "lui %s, 0x%x", rd, insn >> 12); return;
    case 0x17: snprintf(buf, len, "auipc %s, 0x%x", rd, insn >> 12); return;
    case 0x6f: snprintf(buf, len, "jal %s, 0x%08" PRIx32, rd, pc + (uint32_t)simm_j(insn)); return;
    case 0x67:
        if (funct3 == 0) {
            snprintf(buf, len, "jalr %s, %d(%s)", rd, simm_i(insn), rs1);
            return;
        }
        break;
    case 0x63:
        if (branches[funct3]) {
            snprintf(buf, len, "%s %s, %s, 0x%08" PRIx32, branches[funct3], rs1, rs2, pc + (uint32_t)simm_b(insn));
            return;
        }
        break;
    case 0x03:
        if (loads[funct3]) {
            snprintf(buf, len, "%s %s, %d(%s)", loads[funct3], rd, simm_i(insn), rs1);
            return;
        }
        break;
    case 0x23:
        if (stores[funct3]) {
            snprintf(buf, len, "%s %s, %d(%s)", stores[funct3], rs2, simm_s(insn), rs1);
            return;
        }
        break;
    case 0x13:
        if (funct3 == 1 || funct3 == 5) {
            const char *name = funct3 == 1 ? (funct7 == 0 ? "slli" : NULL)
                             : funct7 == 0 ? "srli" : funct7 == 0x20 ? "srai" : NULL;
            if (name) {
                snprintf(buf, len, "%s %s, %s, %u", name, rd, rs1, (insn >> 20) & 31);
                return;
            }
            break;
        }
        snprintf(buf, len, "%s %s, %s, %d", imms[funct3], rd, rs1, simm_i(insn));
        return;
    case 0x33: {
        const char *name = funct7 == 0 ? regs[funct3] : funct7 == 1 ? muls[funct3]
                         : funct7 == 0x20 && funct3 == 0 ? "sub" : funct7 == 0x20 && funct3 == 5 ? "sra" : NULL;
        if (name) {
            snprintf(buf, len, "%s %s, %s, %s", name, rd, rs1, rs2);
            return;
        }
        break;
    }
    case 0x0f:
        if (funct3 <= 1) {
            snprintf(buf, len, "%s", funct3 ? "fence.i" : "fence");
            return;
        }
        break;
    case 0x73:
        switch (insn) {
        case 0x00000073: snprintf(buf, len, "ecall"); return;
        case 0x00100073: snprintf(buf, len, "ebreak"); return;
        case 0x30200073: snprintf(buf, len, "mret"); return;
        case 0x10200073: snprintf(buf, len, "sret"); return;
        case 0x10500073: snprintf(buf, len, "wfi"); return;
        default: break;
        }
        if ((insn & 0xfe007fffu) == 0x12000073u) {
            snprintf(buf, len, "sfence.vma %s, %s", rs1, rs2);
            return;
        }
        if (csrs[funct3]) {
            const char *name = pw_iss_csr_name(insn >> 20, csr, sizeof csr);
            char num[8];
            if (!name) {
                snprintf(num, sizeof num, "0x%03x", insn >> 20);
                name = num;
            }
            if (funct3 & 4)
                snprintf(buf, len, "%s %s, %s, %u", csrs[funct3], rd, name, (insn >> 15) & 31);
            else
                snprintf(buf, len, "%s %s, %s, %s", csrs[funct3], rd, name, rs1);
            return;
        }
        break;
    default:
        break;
    }
    snprintf(buf, len, "unknown 0x%08" PRIx32, insn);
}

/* Spike prints values by width: 8 bits as 0x%01x, 16 as 0x%04x, 32 as 0x%08x. */
static void print_value(FILE *out, unsigned bytes, uint32_t v)
{
    if (bytes == 1)
        fprintf(out, "0x%01" PRIx32, v);
    else if (bytes == 2)
        fprintf(out, "0x%04" PRIx32, v);
    else
        fprintf(out, "0x%08" PRIx32, v);
}

static unsigned lowest_lane(uint8_t mask)
{
    unsigned n = 0;
    while (n < 3 && !(mask & (1u << n)))
        n++;
    return n;
}

static unsigned lanes(uint8_t mask)
{
    unsigned n = 0;
    for (; mask; mask &= (uint8_t)(mask - 1))
        n++;
    return n;
}

void pw_iss_log_commit(FILE *out, const pw_rvfi *rec)
{
    if (rec->trap)
        return;
    fprintf(out, "core   0: %d 0x%08" PRIx32 " (0x%08" PRIx32 ")", rec->mode, rec->pc_rdata, rec->insn);
    if (rec->rd_addr != 0)
        fprintf(out, " x%2u 0x%08" PRIx32, rec->rd_addr, rec->rd_wdata);
    char name[16];
    if (rec->csr_written && pw_iss_csr_name(rec->csr_addr, name, sizeof name))
        fprintf(out, " c%u_%s 0x%08" PRIx32, rec->csr_addr, name, rec->csr_wdata);
    if (rec->mem_rmask) {
        fprintf(out, " mem 0x%08" PRIx32, rec->mem_addr + lowest_lane(rec->mem_rmask));
    }
    if (rec->mem_wmask) {
        unsigned lane = lowest_lane(rec->mem_wmask);
        fprintf(out, " mem 0x%08" PRIx32 " ", rec->mem_addr + lane);
        print_value(out, lanes(rec->mem_wmask), rec->mem_wdata >> (8 * lane));
    }
    fputc('\n', out);
}
