#include "scenario/diagnostics.hpp"

#include <algorithm>

namespace dermasim::scenario {

std::string Diagnostic::str() const {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, bug 105329)
  // on chains of `literal + std::string` here.
  std::string out = file;
  if (line > 0) {
    out.append(":").append(std::to_string(line));
    out.append(":").append(std::to_string(column));
  }
  out.append(": error: ").append(message);
  return out;
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diagonal = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (auto c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace dermasim::scenario
