// The TLM-2.0 extension that makes a generic payload one MMU operation:
// a translation (gp address = VA) or an sfence.vma (gp address = rs1).
// docs/systemc.md, "The translation transaction", has the full table.
//
//   tlm::tlm_generic_payload tx;
//   pwsc::TranslationExtension ext;
//   ext.op = pwsc::TranslationExtension::Op::Translate;
//   ext.access = pwsc::Access::Store;          // gp command must be TLM_WRITE_COMMAND
//   ext.priv = pwsc::Priv::User;
//   ext.context = {satp, sum, mxr};
//   tx.set_command(tlm::TLM_WRITE_COMMAND);
//   tx.set_address(va);
//   tx.set_extension(&ext);
//   socket->b_transport(tx, delay);           // then ext.outcome: PA or fault
//   tx.clear_extension(&ext);
#ifndef PAGEWALK_SC_TRANSLATION_EXTENSION_H
#define PAGEWALK_SC_TRANSLATION_EXTENSION_H

#include <tlm>

#include "translation.h"

namespace pwsc {

class TranslationExtension : public tlm::tlm_extension<TranslationExtension> {
  public:
    enum class Op : uint8_t {
        Translate,  // gp command: READ (load, fetch) or WRITE (store)
        Sfence,     // gp command: IGNORE
    };

    // in: what to do
    Op op = Op::Translate;
    Access access = Access::Load;
    Priv priv = Priv::Supervisor;
    Context context;              // satp, SUM, MXR for this translation
    uint32_t sfence_asid = 0;     // Sfence: rs2
    bool sfence_all_va = true;    // Sfence: rs1 = x0 (the gp address is then ignored)
    bool sfence_all_asid = true;  // Sfence: rs2 = x0

    // out: what the MMU answered (Translate)
    Outcome outcome;
    unsigned cycles = 0;  // clock edges from presenting the request to seeing the response
    bool walked = false;  // the request missed the TLB and started a walk

    // The request this extension describes, with the gp address as VA.
    Request request(uint64_t address) const;
    // The gp command a translation of this access must carry.
    tlm::tlm_command command() const;

    tlm::tlm_extension_base *clone() const override;
    void copy_from(const tlm::tlm_extension_base &other) override;
};

}  // namespace pwsc

#endif
