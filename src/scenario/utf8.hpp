#pragma once
// UTF-8 checks for text that reaches JSON, HTML and the UI: a scenario's text
// must be UTF-8 (YAML requires it), and anything written to JSON is made valid
// whatever it holds, so grade.json always parses.
#include <cstddef>
#include <string>
#include <string_view>

namespace dermasim::scenario {

/// Length of the valid UTF-8 sequence starting at s[at] (1-4), or 0 when the
/// bytes there are not valid UTF-8 (overlong forms, surrogates and code
/// points above U+10FFFF are invalid, after RFC 3629).
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(at);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned lo = 0x80, hi = 0xbf;  // allowed range of the second byte
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c == 0xe0) n = 3, lo = 0xa0;
  else if (c == 0xed) n = 3, hi = 0x9f;
  else if (c >= 0xe1 && c <= 0xef) n = 3;
  else if (c == 0xf0) n = 4, lo = 0x90;
  else if (c >= 0xf1 && c <= 0xf3) n = 4;
  else if (c == 0xf4) n = 4, hi = 0x8f;
  else return 0;
  if (at + n > s.size()) return 0;
  if (byte(at + 1) < lo || byte(at + 1) > hi) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if (byte(at + i) < 0x80 || byte(at + i) > 0xbf) return 0;
  return n;
}

/// The offset of the first byte that is not valid UTF-8, or npos.
inline std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t n = utf8_sequence_length(s, at);
    if (n == 0) return at;
    at += n;
  }
  return std::string_view::npos;
}

/// `s` with each invalid byte replaced by U+FFFD (the replacement character).
inline std::string utf8_sanitized(std::string_view s) {
  if (first_invalid_utf8(s) == std::string_view::npos) return std::string(s);
  std::string out;
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t n = utf8_sequence_length(s, at);
    if (n == 0) {
      out += "\xef\xbf\xbd";
      ++at;
    } else {
      out.append(s.substr(at, n));
      at += n;
    }
  }
  return out;
}

}  // namespace dermasim::scenario
