#pragma once
// Typed, located reading of YAML nodes. Every problem becomes a Diagnostic at
// the node's line and column; reading goes on so that all problems in a file
// are reported at once.
#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/input_limits.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::scenario {

class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

  const std::string& file() const { return file_; }
  /// Parses a whole document; a syntax error becomes a located diagnostic and
  /// an empty optional.
  std::optional<YAML::Node> parse_document(std::string_view text);
  /// A node that does not exist (a key the map lacks) is reported at the
  /// document's start: every message has a line and column.
  void error(const YAML::Node& at, const std::string& message);
  void error(const YAML::Mark& at, const std::string& message);
  /// The node's mark, or the document's start for a missing node (yaml-cpp
  /// throws InvalidNode when asked the mark of a key a map lacks).
  YAML::Mark mark(const YAML::Node& at) const;

  /// Checks `node` is a map whose keys are all in `allowed` (typos get a
  /// did-you-mean). Returns false when it is not a map.
  bool check_map(const YAML::Node& node, std::string_view what, const std::vector<std::string_view>& allowed);
  /// A list of at most `max_entries` (input_limits.hpp) entries.
  bool check_sequence(const YAML::Node& node, std::string_view what, std::size_t max_entries = max_list_entries);

  /// A flow list of exactly `count` numbers, each finite and inside [lo, hi];
  /// a bad element is reported at its own line and column, named by
  /// `element_names` (e.g. {"x0", "y0", "x1", "y1"}). `shape` describes the
  /// list for a message about its length ("a point [x_mm, y_mm]").
  bool read_numbers(const YAML::Node& map, std::string_view key, double* out, std::size_t count, double lo,
                    double hi, const std::vector<std::string_view>& element_names, std::string_view shape,
                    bool required);

  /// Reads map[key]. Missing and `required`: an error at the map. Returns
  /// whether a valid value was read into `out`.
  bool read(const YAML::Node& map, std::string_view key, double& out, double lo, double hi, bool required);
  bool read(const YAML::Node& map, std::string_view key, int& out, int lo, int hi, bool required);
  bool read(const YAML::Node& map, std::string_view key, bool& out, bool required);
  bool read(const YAML::Node& map, std::string_view key, std::string& out, bool required);
  /// [lo, hi] with lo <= hi, both inside [min, max].
  bool read(const YAML::Node& map, std::string_view key, Range& out, double min, double max, bool required);
  bool read_strings(const YAML::Node& map, std::string_view key, std::vector<std::string>& out, bool required);
  /// A name from a closed set; `parse` returns nullopt for names not in it.
  template <typename T>
  bool read_enum(const YAML::Node& map, std::string_view key, T& out, bool required,
                 const std::function<std::optional<T>(std::string_view)>& parse,
                 const std::vector<std::string_view>& names);

  /// The mark of map[key], or of the map when the key is absent.
  YAML::Mark mark_of(const YAML::Node& map, std::string_view key) const;

 private:
  YAML::Node child(const YAML::Node& map, std::string_view key, bool required);

  std::string file_;
  YAML::Mark document_start_;
  Diagnostics& out_;
};

std::string join_names(const std::vector<std::string_view>& names);
/// A number as messages show it (shortest form, e.g. 3.5 or 1e+308).
std::string number_text(double v);

template <typename T>
bool YamlReader::read_enum(const YAML::Node& map, std::string_view key, T& out, bool required,
                           const std::function<std::optional<T>(std::string_view)>& parse,
                           const std::vector<std::string_view>& names) {
  std::string text;
  if (!read(map, key, text, required)) return false;
  if (auto v = parse(text)) {
    out = *v;
    return true;
  }
  std::string message = std::string(key) + ": '" + text + "' is not one of " + join_names(names);
  const std::string guess = did_you_mean(text, names);
  if (!guess.empty()) message += " (did you mean '" + guess + "'?)";
  error(mark_of(map, key), message);
  return false;
}

/// Whether `n` exists and is a map (a missing key's node throws when asked).
inline bool is_map(const YAML::Node& n) { return n.IsDefined() && n.IsMap(); }
inline bool is_sequence(const YAML::Node& n) { return n.IsDefined() && n.IsSequence(); }
/// map[key] when `map` is a map, else an undefined node; never throws.
inline YAML::Node get(const YAML::Node& map, std::string_view key) {
  if (!is_map(map)) return YAML::Node(YAML::NodeType::Undefined);
  return map[std::string(key)];
}
/// Whether map[key] is present (and not null).
inline bool has(const YAML::Node& map, std::string_view key) {
  const YAML::Node n = get(map, key);
  return n.IsDefined() && !n.IsNull();
}

}  // namespace dermasim::scenario
