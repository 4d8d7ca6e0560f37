#pragma once
// Seeded random numbers that are the same on every platform (the standard
// library's distributions are not): SplitMix64 and draws built on it.
#include <cmath>
#include <cstdint>
#include <numbers>

namespace dermasim::tissue {

/// SplitMix64 finaliser: a well-mixed 64-bit value from any input.
constexpr std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/// A uniform draw in [0, 1) named by a seed and up to two keys.
inline double uniform01(std::uint64_t seed, std::uint64_t key_a, std::uint64_t key_b = 0) {
  const std::uint64_t h = splitmix64(splitmix64(splitmix64(seed) ^ key_a) ^ (key_b * 0x632be59bd9b4e019ull));
  return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

/// A standard normal draw (Box-Muller) named by a seed and a key.
inline double normal01(std::uint64_t seed, std::uint64_t key) {
  const double u1 = 1.0 - uniform01(seed, key, 1);  // (0, 1]
  const double u2 = uniform01(seed, key, 2);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace dermasim::tissue
