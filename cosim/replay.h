// Stimulus files through the Verilated RTL (with the cycle model in
// lockstep), writing the RTL's trace; and recording a seeded random run as a
// stimulus file that every engine can replay.
#ifndef PAGEWALK_COSIM_REPLAY_H
#define PAGEWALK_COSIM_REPLAY_H

#include <string>

#include "dut.h"

namespace cosim {

// Drive build with the stimulus at stim_path; write the RTL's trace to
// trace_path ("-": standard output) and, when wave_path is set, an FST.
// Returns 0 when the RTL and the cycle model agreed on every cycle, 1 on a
// mismatch (reported on stderr), 2 on a bad stimulus or file.
int replay_stimulus(const DutBuild &build, const std::string &stim_path, const std::string &trace_path,
                    const std::string &wave_path);

// Run seed for cycles with the random stimulus (page-table changes and
// mid-run resets left out: a stimulus file has no way to state them) and
// write what it did as a stimulus file. Returns 0, or 2 if it cannot write.
int record_stimulus(const DutBuild &build, uint64_t seed, uint64_t cycles, const std::string &path);

}  // namespace cosim

#endif
