#pragma once
// FNV-1a, the project's one byte hash: tissue and simulator state hashes,
// scenario content hashes, recording checksums. It is fixed forever: recorded
// attempts store its values and replay compares against them.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dermasim {

constexpr std::uint64_t fnv1a_offset = 1469598103934665603ull;

inline void fnv1a_mix(std::uint64_t& h, const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    h ^= bytes[i];
    h *= 1099511628211ull;
  }
}

inline std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = fnv1a_offset;
  fnv1a_mix(h, bytes.data(), bytes.size());
  return h;
}

}  // namespace dermasim
