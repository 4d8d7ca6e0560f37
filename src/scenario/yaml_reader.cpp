#include "scenario/yaml_reader.hpp"

#include <cmath>
#include <sstream>

namespace dermasim::scenario {

std::string join_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

void YamlReader::error(const YAML::Mark& at, const std::string& message) {
  // yaml-cpp marks are 0-based; editors count from 1.
  const bool known = at.line >= 0;
  out_.push_back({file_, known ? at.line + 1 : 0, known ? at.column + 1 : 0, message});
}

void YamlReader::error(const YAML::Node& at, const std::string& message) { error(at.Mark(), message); }

std::optional<YAML::Node> YamlReader::parse_document(std::string_view text) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    error(e.mark, "YAML syntax: " + e.msg);
    return std::nullopt;
  }
}

YAML::Mark YamlReader::mark_of(const YAML::Node& map, std::string_view key) const {
  if (map.IsMap()) {
    for (const auto& kv : map)
      if (kv.first.Scalar() == key) return kv.second.IsNull() ? kv.first.Mark() : kv.second.Mark();
  }
  return map.Mark();
}

bool YamlReader::check_map(const YAML::Node& node, std::string_view what,
                           const std::vector<std::string_view>& allowed) {
  if (!node.IsMap()) {
    error(node, std::string(what) + " must be a map of keys to values");
    return false;
  }
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (known) continue;
    std::string message = "unknown key '" + key + "' in " + std::string(what);
    const std::string guess = did_you_mean(key, allowed);
    message += guess.empty() ? " (expected " + join_names(allowed) + ")" : " (did you mean '" + guess + "'?)";
    error(kv.first, message);
  }
  return true;
}

bool YamlReader::check_sequence(const YAML::Node& node, std::string_view what) {
  if (node.IsSequence()) return true;
  error(node, std::string(what) + " must be a list");
  return false;
}

YAML::Node YamlReader::child(const YAML::Node& map, std::string_view key, bool required) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  YAML::Node n = map[std::string(key)];
  if ((!n.IsDefined() || n.IsNull()) && required) error(map, "missing required key '" + std::string(key) + "'");
  return n;
}

namespace {
std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
}  // namespace

bool YamlReader::read(const YAML::Node& map, std::string_view key, double& out, double lo, double hi,
                      bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  double v = 0.0;
  if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v)) {
    error(n, std::string(key) + " must be a number");
    return false;
  }
  if (v < lo || v > hi) {
    error(n, std::string(key) + " " + number_text(v) + " is out of range " + number_text(lo) + ".." +
                 number_text(hi));
    return false;
  }
  out = v;
  return true;
}

bool YamlReader::read(const YAML::Node& map, std::string_view key, int& out, int lo, int hi, bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  int v = 0;
  if (!n.IsScalar() || !YAML::convert<int>::decode(n, v)) {
    error(n, std::string(key) + " must be a whole number");
    return false;
  }
  if (v < lo || v > hi) {
    error(n, std::string(key) + " " + std::to_string(v) + " is out of range " + std::to_string(lo) + ".." +
                 std::to_string(hi));
    return false;
  }
  out = v;
  return true;
}

bool YamlReader::read(const YAML::Node& map, std::string_view key, bool& out, bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  bool v = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
    error(n, std::string(key) + " must be true or false");
    return false;
  }
  out = v;
  return true;
}

bool YamlReader::read(const YAML::Node& map, std::string_view key, std::string& out, bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!n.IsScalar()) {
    error(n, std::string(key) + " must be text");
    return false;
  }
  out = n.Scalar();
  // A folded or literal block (`>` or `|`) keeps its last line break; the
  // text is shown in panels and reports, where it would add a blank line.
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return true;
}

bool YamlReader::read(const YAML::Node& map, std::string_view key, Range& out, double min, double max,
                      bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  double a = 0, b = 0;
  if (!n.IsSequence() || n.size() != 2 || !YAML::convert<double>::decode(n[0], a) ||
      !YAML::convert<double>::decode(n[1], b) || !std::isfinite(a) || !std::isfinite(b)) {
    error(n, std::string(key) + " must be a range [low, high] of two numbers");
    return false;
  }
  if (a > b) {
    error(n, std::string(key) + " low end " + number_text(a) + " is above its high end " + number_text(b));
    return false;
  }
  if (a < min || b > max) {
    error(n, std::string(key) + " [" + number_text(a) + ", " + number_text(b) + "] goes outside " +
                 number_text(min) + ".." + number_text(max));
    return false;
  }
  out = {a, b};
  return true;
}

bool YamlReader::read_strings(const YAML::Node& map, std::string_view key, std::vector<std::string>& out,
                              bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!n.IsSequence()) {
    error(n, std::string(key) + " must be a list");
    return false;
  }
  out.clear();
  for (const auto& item : n) {
    if (!item.IsScalar()) {
      error(item, std::string(key) + " entries must be names");
      continue;
    }
    out.push_back(item.Scalar());
  }
  return true;
}

}  // namespace dermasim::scenario
