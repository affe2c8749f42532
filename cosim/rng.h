// A small, fast, seedable random source (xoshiro256**), so a seed names a
// run exactly on every machine.
#ifndef PAGEWALK_COSIM_RNG_H
#define PAGEWALK_COSIM_RNG_H

#include <cstdint>

namespace cosim {

class Rng {
  public:
    explicit Rng(uint64_t seed)
    {
        for (uint64_t &w : s_) {  // splitmix64 spreads any seed over the state
            seed += 0x9e3779b97f4a7c15ull;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            w = z ^ (z >> 31);
        }
    }
    uint64_t next()
    {
        uint64_t result = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    uint32_t u32() { return uint32_t(next() >> 32); }
    // Uniform in [0, n).
    uint32_t below(uint32_t n) { return uint32_t((uint64_t(u32()) * n) >> 32); }
    // True with probability percent / 100.
    bool percent(unsigned percent) { return below(100) < percent; }
    // True with probability per_mille / 1000.
    bool per_mille(unsigned per_mille) { return below(1000) < per_mille; }

  private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

}  // namespace cosim

#endif
