// Small text helpers shared by the harness: printf into a std::string.
#ifndef PAGEWALK_COSIM_TEXT_H
#define PAGEWALK_COSIM_TEXT_H

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
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

// A FILE that writes into memory (open_memstream), for the model's C writers
// when a harness keeps their text as a string.
//
//   MemoryFile f;
//   pw_stim_write_reset(f.get(), 0);
//   std::string text = f.str();   // "@0 reset\n"
class MemoryFile {
  public:
    MemoryFile() : file_(open_memstream(&buf_, &len_)) {}
    ~MemoryFile()
    {
        if (file_)
            std::fclose(file_);
        std::free(buf_);
    }
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;
    // The stream (nullptr when out of memory: C stdio then fails, writes nothing).
    FILE *get() const { return file_; }
    // Everything written so far.
    std::string str() const
    {
        if (!file_)
            return "";
        std::fflush(file_);
        return std::string(buf_, len_);
    }

  private:
    char *buf_ = nullptr;
    size_t len_ = 0;
    FILE *file_;
};

}  // namespace cosim

#endif
