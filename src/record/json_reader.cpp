#include "record/json_reader.hpp"

#include <charconv>
#include <cmath>

namespace dermasim::record {
namespace {

class Parser {
 public:
  Parser(const std::string& text, const std::string& name) : t_(text), name_(name) {}

  JsonValue document() {
    if (t_.size() > max_json_bytes) fail(max_json_bytes, "larger than " + std::to_string(max_json_bytes) + " bytes");
    JsonValue v = value(0);
    skip_ws();
    if (i_ != t_.size()) fail(i_, "unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(std::size_t at, const std::string& what) const {
    throw JsonError(name_ + ": byte " + std::to_string(at) + ": " + what);
  }
  void skip_ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool literal(std::string_view word) {
    if (t_.compare(i_, word.size(), word) != 0) return false;
    i_ += word.size();
    return true;
  }

  JsonValue value(int depth) {
    if (depth > max_json_depth) fail(i_, "nested deeper than " + std::to_string(max_json_depth));
    skip_ws();
    JsonValue out;
    out.byte = i_;
    if (i_ >= t_.size()) fail(i_, "unexpected end of file");
    const char c = t_[i_];
    if (c == '{') {
      ++i_;
      JsonValue::Object obj;
      skip_ws();
      if (i_ < t_.size() && t_[i_] == '}') {
        ++i_;
      } else {
        for (;;) {
          skip_ws();
          if (i_ >= t_.size() || t_[i_] != '"') fail(i_, "expected a quoted member name");
          std::string key = string_literal();
          skip_ws();
          if (i_ >= t_.size() || t_[i_] != ':') fail(i_, "expected ':'");
          ++i_;
          obj.emplace_back(std::move(key), value(depth + 1));
          skip_ws();
          if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
          if (i_ < t_.size() && t_[i_] == '}') { ++i_; break; }
          fail(i_, "expected ',' or '}'");
        }
      }
      out.v = std::move(obj);
    } else if (c == '[') {
      ++i_;
      JsonValue::Array arr;
      skip_ws();
      if (i_ < t_.size() && t_[i_] == ']') {
        ++i_;
      } else {
        for (;;) {
          arr.push_back(value(depth + 1));
          skip_ws();
          if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
          if (i_ < t_.size() && t_[i_] == ']') { ++i_; break; }
          fail(i_, "expected ',' or ']'");
        }
      }
      out.v = std::move(arr);
    } else if (c == '"') {
      out.v = string_literal();
    } else if (literal("true")) {
      out.v = true;
    } else if (literal("false")) {
      out.v = false;
    } else if (literal("null")) {
      out.v = nullptr;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i_;
      while (end < t_.size() && (std::string_view("+-.eE").find(t_[end]) != std::string_view::npos ||
                                 (t_[end] >= '0' && t_[end] <= '9')))
        ++end;
      double d = 0.0;
      const auto [p, ec] = std::from_chars(t_.data() + i_, t_.data() + end, d);
      if (ec != std::errc{} || p != t_.data() + end || !std::isfinite(d)) fail(i_, "not a finite number");
      i_ = end;
      out.v = d;
    } else {
      fail(i_, "expected a JSON value");
    }
    return out;
  }

  std::string string_literal() {
    const std::size_t start = i_;
    ++i_;  // the opening quote
    std::string s;
    for (;;) {
      if (i_ >= t_.size()) fail(start, "unterminated string");
      const unsigned char c = static_cast<unsigned char>(t_[i_]);
      if (c == '"') { ++i_; return s; }
      if (c < 0x20) fail(i_, "control character in a string");
      if (c != '\\') { s += static_cast<char>(c); ++i_; continue; }
      if (i_ + 1 >= t_.size()) fail(i_, "unterminated escape");
      const char e = t_[i_ + 1];
      i_ += 2;
      switch (e) {
        case '"': s += '"'; break;
        case '\\': s += '\\'; break;
        case '/': s += '/'; break;
        case 'b': s += '\b'; break;
        case 'f': s += '\f'; break;
        case 'n': s += '\n'; break;
        case 'r': s += '\r'; break;
        case 't': s += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (i_ + 4 > t_.size()) fail(i_, "short \\u escape");
          const auto [p, ec] = std::from_chars(t_.data() + i_, t_.data() + i_ + 4, cp, 16);
          if (ec != std::errc{} || p != t_.data() + i_ + 4) fail(i_, "bad \\u escape");
          i_ += 4;
          // Surrogates are not needed by anything we read: refuse rather than mangle.
          if (cp >= 0xD800 && cp <= 0xDFFF) fail(i_ - 6, "surrogate \\u escapes are not supported");
          if (cp < 0x80) {
            s += static_cast<char>(cp);
          } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: fail(i_ - 2, "unknown escape");
      }
    }
  }

  const std::string& t_;
  const std::string& name_;
  std::size_t i_ = 0;
};

}  // namespace

const JsonValue* JsonValue::find(const std::string& key) const {
  const Object* o = object();
  if (!o) return nullptr;
  for (const auto& [k, member] : *o)
    if (k == key) return &member;
  return nullptr;
}

JsonValue parse_json(const std::string& text, const std::string& name) { return Parser(text, name).document(); }

}  // namespace dermasim::record
