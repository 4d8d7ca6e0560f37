#pragma once
// Small helpers for the verbs' options.
#include <charconv>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dermasim::app {

/// The value after `--name` in `args`, if present. Throws when the flag is the last word.
inline std::optional<std::string_view> option(std::span<const std::string_view> args, std::string_view name) {
  for (std::size_t i = 0; i < args.size(); ++i)
    if (args[i] == name) {
      if (i + 1 >= args.size()) throw std::invalid_argument(std::string(name) + " needs a value");
      return args[i + 1];
    }
  return std::nullopt;
}

/// Whether the bare flag `name` (no value) is among `args`.
inline bool has_flag(std::span<const std::string_view> args, std::string_view name) {
  for (const auto a : args)
    if (a == name) return true;
  return false;
}

inline long long option_int(std::span<const std::string_view> args, std::string_view name, long long fallback,
                            long long lo, long long hi) {
  const auto v = option(args, name);
  if (!v) return fallback;
  long long out = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc{} || end != v->data() + v->size() || out < lo || out > hi)
    throw std::invalid_argument(std::string(name) + " must be a whole number in " + std::to_string(lo) + ".." +
                                std::to_string(hi) + ", got '" + std::string(*v) + "'");
  return out;
}

}  // namespace dermasim::app
