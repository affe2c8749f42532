// pagewalk-sc's command line. Plain C++, no SystemC.
#ifndef PAGEWALK_SC_OPTIONS_H
#define PAGEWALK_SC_OPTIONS_H

#include <cstdint>
#include <string>

namespace pwsc {

struct Options {
    uint64_t seed = 1;
    uint64_t translations = 10000;
    std::string ad;     // empty: the first build linked
    std::string build;  // a build by name (--build); overrides ad
    bool help = false;
};

// Parse argv[1..]; on a bad option, false with error naming it and why,
// e.g. "--translations: 'ten' is not a number".
bool parse_options(int argc, char **argv, Options *options, std::string *error);
// The usage text.
std::string usage(const std::string &program);

}  // namespace pwsc

#endif
