#pragma once
// Reading a whole file as bytes, for the loaders, never more than a stated
// limit: /dev/zero or a runaway file is refused, not read until memory ends.
#include <cstdio>
#include <optional>
#include <string>
#include <variant>

#include "scenario/diagnostics.hpp"
#include "scenario/input_limits.hpp"

namespace dermasim::scenario {

/// The file's bytes, or why not: "cannot open the file", or "the file is
/// larger than the N KiB limit for WHAT". Reads at most max_bytes + 1 bytes,
/// so devices and pipes with no size are bounded too.
inline std::variant<std::string, std::string> read_bounded_file(const std::string& path, std::size_t max_bytes,
                                                                const char* what) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::variant<std::string, std::string>(std::in_place_index<1>, "cannot open the file");
  std::string bytes;
  char buffer[1 << 16];
  std::size_t n = 0;
  bool too_big = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    if (bytes.size() + n > max_bytes) {
      too_big = true;
      break;
    }
    bytes.append(buffer, n);
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (too_big) {
    const std::string limit = max_bytes >= (1u << 20) ? std::to_string(max_bytes >> 20) + " MiB"
                                                      : std::to_string(max_bytes >> 10) + " KiB";
    return std::variant<std::string, std::string>(std::in_place_index<1>, "the file is larger than the " + limit +
                                                                               " limit for " + what);
  }
  if (failed) return std::variant<std::string, std::string>(std::in_place_index<1>, "reading the file failed");
  return std::variant<std::string, std::string>(std::in_place_index<0>, std::move(bytes));
}

/// The file's bytes (up to max_yaml_file_bytes), or nullopt when it cannot be
/// opened or is too large.
inline std::optional<std::string> read_text_file(const std::string& path) {
  auto r = read_bounded_file(path, max_yaml_file_bytes, "a YAML file");
  if (r.index() == 0) return std::get<0>(std::move(r));
  return std::nullopt;
}

/// Runs a text loader (whose result has `errors`) on the file at `path`; a
/// file that cannot be opened or is over the limit is one error naming it.
template <typename Load, typename LoadText>
Load load_text_file(const std::string& path, LoadText load_text) {
  auto r = read_bounded_file(path, max_yaml_file_bytes, "a scenario or script");
  if (r.index() == 0) return load_text(std::get<0>(r), path);
  Load load;
  load.errors.push_back({path, 0, 0, std::get<1>(r)});
  return load;
}

}  // namespace dermasim::scenario
