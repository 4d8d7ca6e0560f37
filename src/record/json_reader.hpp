#pragma once
// A small JSON reader for files dermasim writes and reads back (benchmark
// files). Bounded: nesting deeper than max_json_depth and files larger than
// max_json_bytes are refused; every error names the file and the byte.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace dermasim::record {

inline constexpr int max_json_depth = 64;                       // far beyond any file we write
inline constexpr std::size_t max_json_bytes = 16u * 1024u * 1024u;  // a benchmark file is a few KB

struct JsonError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct JsonValue {
  using Array = std::vector<JsonValue>;
  using Object = std::vector<std::pair<std::string, JsonValue>>;  // in file order
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> v = nullptr;
  std::size_t byte = 0;  // where the value starts, for messages

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v); }
  const double* number() const { return std::get_if<double>(&v); }
  const std::string* string() const { return std::get_if<std::string>(&v); }
  const bool* boolean() const { return std::get_if<bool>(&v); }
  const Array* array() const { return std::get_if<Array>(&v); }
  const Object* object() const { return std::get_if<Object>(&v); }
  /// A member of an object, or nullptr.
  const JsonValue* find(const std::string& key) const;
};

/// Parses a whole document. Throws JsonError "name: byte N: message".
JsonValue parse_json(const std::string& text, const std::string& name);

}  // namespace dermasim::record
