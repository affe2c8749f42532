// A compact record of what happened in a run, formatted only when it fails.
#ifndef PAGEWALK_COSIM_EVENT_LOG_H
#define PAGEWALK_COSIM_EVENT_LOG_H

#include <cstdint>
#include <string>

namespace cosim {

struct Event {
    enum Kind : uint8_t { Reset, Accept, Response, MemRequest, MemResponse, Sfence, Context, TableChange, Fill };
    Kind kind;
    uint64_t cycle;
    uint64_t a;
    uint32_t b, c, d;
};

// The last 256 events, in a ring.
//
//   EventLog log;
//   log.add({Event::Accept, cycle, va, access, priv, 0});
//   puts(log.last(20).c_str());   // "    cycle     1234  accept  S load VA 0x00402abc"
class EventLog {
  public:
    void add(Event e) { ring_[next_++ % kSize] = e; }
    // The last n events, one per line.
    std::string last(unsigned n) const;

  private:
    static constexpr unsigned kSize = 256;
    Event ring_[kSize] = {};
    uint64_t next_ = 0;
};

}  // namespace cosim

#endif
