#pragma once
// Shared by the fuzz targets (tests/fuzz/*.cpp). Each target is built twice:
// with clang and libFuzzer by scripts/fuzz.sh (-DDERMASIM_FUZZ=ON), and with
// the ordinary build as a replay program that runs every kept input
// (tests/fuzz/corpus/<target>, tests/fuzz/regressions/<target>) under ctest.
// A target reports a broken promise with fuzz_fail(), which aborts: libFuzzer
// then keeps the input, and the replay test fails.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace dermasim::fuzz {

[[noreturn]] inline void fuzz_fail(const std::string& what) {
  std::fprintf(stderr, "fuzz target: broken promise: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void fuzz_check(bool ok, const std::string& what) {
  if (!ok) fuzz_fail(what);
}

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// The project's source folder (shipped scenarios).
inline std::string source_path(const std::string& relative) {
  return std::string(DERMASIM_SOURCE_DIR) + "/" + relative;
}

}  // namespace dermasim::fuzz
