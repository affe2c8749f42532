// Small text helpers shared by the harness: printf into a std::string.
#ifndef PAGEWALK_COSIM_TEXT_H
#define PAGEWALK_COSIM_TEXT_H

#include <cstdarg>
#include <cstdio>
#include <string>

namespace cosim {

// printf-style formatting into a string (one report line at a time).
inline std::string format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
inline std::string format(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

}  // namespace cosim

#endif
