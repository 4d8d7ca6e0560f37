#pragma once
// Reading a whole file as bytes, for the loaders.
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace dermasim::scenario {

/// The file's bytes, or nullopt when it cannot be opened.
inline std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace dermasim::scenario
