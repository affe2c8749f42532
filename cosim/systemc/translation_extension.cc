// The translation extension: copying, and the request it describes.
#include "translation_extension.h"

namespace pwsc {

Request TranslationExtension::request(uint64_t address) const
{
    Request r;
    r.va = uint32_t(address);
    r.access = access;
    r.priv = priv;
    r.context = context;
    return r;
}

tlm::tlm_command TranslationExtension::command() const
{
    if (op == Op::Sfence)
        return tlm::TLM_IGNORE_COMMAND;
    return access == Access::Store ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND;
}

tlm::tlm_extension_base *TranslationExtension::clone() const
{
    return new TranslationExtension(*this);
}

void TranslationExtension::copy_from(const tlm::tlm_extension_base &other)
{
    *this = static_cast<const TranslationExtension &>(other);
}

}  // namespace pwsc
