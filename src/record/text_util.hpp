#pragma once
#include <string>

namespace dermasim::record {

/// `s` without leading and trailing blanks.
inline std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace dermasim::record
