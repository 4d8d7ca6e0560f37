#include "scenario/yaml_reader.hpp"

#include "scenario/input_limits.hpp"
#include "scenario/utf8.hpp"

#include <cmath>
#include <cstdio>
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

YAML::Mark YamlReader::mark(const YAML::Node& at) const {
  if (!at.IsDefined()) return document_start_;
  const YAML::Mark m = at.Mark();
  return m.line >= 0 ? m : document_start_;
}

void YamlReader::error(const YAML::Node& at, const std::string& message) { error(mark(at), message); }

std::optional<YAML::Node> YamlReader::parse_document(std::string_view text) {
  document_start_ = YAML::Mark();  // line 0, column 0: reported as 1:1
  // YAML is UTF-8 text; other bytes would reach JSON, HTML and the UI.
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    YAML::Mark at;
    at.pos = static_cast<int>(bad);
    for (std::size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') ++at.line, at.column = 0;
      else ++at.column;
    }
    error(at, "the file is not UTF-8 text (byte " + std::to_string(bad) + " is 0x" +
                  [&] { char hex[3]; std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(text[bad])); return std::string(hex); }() +
                  "); save it as UTF-8");
    return std::nullopt;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (root.IsDefined() && root.Mark().line >= 0) document_start_ = root.Mark();
    return root;
  } catch (const YAML::Exception& e) {
    // ParserException for bad syntax; yaml-cpp's depth guard for deeply
    // nested brackets is a ParserException too, any other is still located.
    error(e.mark.line >= 0 ? e.mark : document_start_, "YAML syntax: " + e.msg);
    return std::nullopt;
  }
}

YAML::Mark YamlReader::mark_of(const YAML::Node& map, std::string_view key) const {
  if (is_map(map)) {
    for (const auto& kv : map)
      if (kv.first.IsScalar() && kv.first.Scalar() == key)
        return kv.second.IsNull() ? mark(kv.first) : mark(kv.second);
  }
  return mark(map);
}

bool YamlReader::check_map(const YAML::Node& node, std::string_view what,
                           const std::vector<std::string_view>& allowed) {
  if (!is_map(node)) {
    error(node, std::string(what) + " must be a map of keys to values");
    return false;
  }
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) {
      error(kv.first, "a key in " + std::string(what) + " must be a name");
      continue;
    }
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

bool YamlReader::check_sequence(const YAML::Node& node, std::string_view what, std::size_t max_entries) {
  if (is_sequence(node) && node.size() > max_entries) {
    error(node, std::string(what) + " holds " + std::to_string(node.size()) + " entries; at most " +
                    std::to_string(max_entries) + " are allowed");
    return false;
  }
  if (is_sequence(node)) return true;
  error(node, std::string(what) + " must be a list");
  return false;
}

YAML::Node YamlReader::child(const YAML::Node& map, std::string_view key, bool required) {
  if (!is_map(map)) return YAML::Node(YAML::NodeType::Undefined);
  YAML::Node n = map[std::string(key)];
  if ((!n.IsDefined() || n.IsNull()) && required) error(map, "missing required key '" + std::string(key) + "'");
  return n;
}

std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

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
  double v[2] = {0, 0};
  if (!read_numbers(map, key, v, 2, min, max, {"low end", "high end"}, "a range [low, high] of two numbers",
                    required))
    return false;
  if (v[0] > v[1]) {
    error(child(map, key, false), std::string(key) + " low end " + number_text(v[0]) + " is above its high end " +
                                      number_text(v[1]));
    return false;
  }
  out = {v[0], v[1]};
  return true;
}

bool YamlReader::read_numbers(const YAML::Node& map, std::string_view key, double* out, std::size_t count,
                              double lo, double hi, const std::vector<std::string_view>& element_names,
                              std::string_view shape, bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!n.IsSequence() || n.size() != count) {
    error(n, std::string(key) + " must be " + std::string(shape));
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < count; ++i) {
    const YAML::Node e = n[i];
    const std::string name = std::string(key) + " " + std::string(i < element_names.size() ? element_names[i] : "");
    double v = 0;
    if (!e.IsScalar() || !YAML::convert<double>::decode(e, v) || !std::isfinite(v)) {
      error(e, name + " must be a finite number");
      ok = false;
    } else if (v < lo) {
      error(e, name + " " + number_text(v) + " is below the minimum " + number_text(lo));
      ok = false;
    } else if (v > hi) {
      error(e, name + " " + number_text(v) + " is above the maximum " + number_text(hi));
      ok = false;
    } else {
      out[i] = v;
    }
  }
  return ok;
}

bool YamlReader::read_strings(const YAML::Node& map, std::string_view key, std::vector<std::string>& out,
                              bool required) {
  YAML::Node n = child(map, key, required);
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!n.IsSequence()) {
    error(n, std::string(key) + " must be a list");
    return false;
  }
  if (n.size() > max_list_entries) {
    error(n, std::string(key) + " holds " + std::to_string(n.size()) + " entries; at most " +
                 std::to_string(max_list_entries) + " are allowed");
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
