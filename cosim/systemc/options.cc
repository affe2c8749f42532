// Parsing pagewalk-sc's options, with an error that names the culprit.
#include "options.h"

#include <cerrno>
#include <cstdlib>

namespace pwsc {
namespace {

constexpr uint64_t kMaxTranslations = 1000000000;

// A whole unsigned number, decimal or 0x-hexadecimal; nothing else.
bool parse_number(const std::string &text, uint64_t *value)
{
    if (text.empty() || text[0] == '-' || text[0] == '+' || text[0] == ' ')
        return false;
    char *end = nullptr;
    errno = 0;
    unsigned long long v = strtoull(text.c_str(), &end, 0);
    if (errno || *end != '\0')
        return false;
    *value = v;
    return true;
}

}  // namespace

std::string usage(const std::string &program)
{
    return "usage: " + program + " [--ad svade|svadu | --build NAME] [--seed N] [--translations N]\n"
           "  SystemC/TLM-2.0 co-simulation of the Verilated MMU (docs/systemc.md): seeded\n"
           "  random translations through the MMU's TLM socket, every answer checked\n"
           "  against the architectural model.\n"
           "  --ad POLICY        the Verilated build to run (default: the first linked)\n"
           "  --build NAME       a build by name: svade, svadu, svade_l2, svadu_l3 (the hit\n"
           "                     latency and options of docs/mmu.md; an unknown name lists them)\n"
           "  --seed N           random seed (default 1); decimal or 0x hex\n"
           "  --translations N   translations to run and check, 1 to 1000000000 (default 10000)\n"
           "  exit status: 0 all agreed, 1 a mismatch, 2 a bad option\n";
}

bool parse_options(int argc, char **argv, Options *options, std::string *error)
{
    for (int i = 1; i < argc; i++) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            options->help = true;
            continue;
        }
        std::string value;
        size_t eq = arg.find('=');
        if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        } else if (arg == "--seed" || arg == "--translations" || arg == "--ad" || arg == "--build") {
            if (i + 1 >= argc) {
                *error = arg + ": needs a value";
                return false;
            }
            value = argv[++i];
        }
        if (arg == "--seed") {
            if (!parse_number(value, &options->seed)) {
                *error = "--seed: '" + value + "' is not an unsigned number";
                return false;
            }
        } else if (arg == "--translations") {
            uint64_t n = 0;
            if (!parse_number(value, &n)) {
                *error = "--translations: '" + value + "' is not an unsigned number";
                return false;
            }
            if (n < 1 || n > kMaxTranslations) {
                *error = "--translations: " + value + " is out of range (1 to 1000000000)";
                return false;
            }
            options->translations = n;
        } else if (arg == "--ad") {
            if (value != "svade" && value != "svadu") {
                *error = "--ad: '" + value + "' is not an A/D policy (svade or svadu)";
                return false;
            }
            options->ad = value;
        } else if (arg == "--build") {
            if (value.empty()) {
                *error = "--build: needs a build name";
                return false;
            }
            options->build = value;
        } else {
            *error = "unknown option '" + std::string(argv[i]) + "'";
            return false;
        }
    }
    return true;
}

}  // namespace pwsc
