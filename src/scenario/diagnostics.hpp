#pragma once
// Located problems in an instructor's file: `file:line:col: error: message`.
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::scenario {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the whole file is meant
  int column = 0;  // 1-based
  std::string message;

  std::string str() const;
};

using Diagnostics = std::vector<Diagnostic>;

/// The closest of `candidates` to `word` when it is near enough to be a typo.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace dermasim::scenario
