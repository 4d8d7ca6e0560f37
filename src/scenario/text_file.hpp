#pragma once
// Reading a whole file as bytes, for the loaders.
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "scenario/diagnostics.hpp"

namespace dermasim::scenario {

/// The file's bytes, or nullopt when it cannot be opened.
inline std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Runs a text loader (whose result has `errors`) on the file at `path`; a
/// file that cannot be opened is one error naming it.
template <typename Load, typename LoadText>
Load load_text_file(const std::string& path, LoadText load_text) {
  if (const auto text = read_text_file(path)) return load_text(*text, path);
  Load load;
  load.errors.push_back({path, 0, 0, "cannot open the file"});
  return load;
}

}  // namespace dermasim::scenario
