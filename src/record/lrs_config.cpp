#include "record/lrs_config.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "scenario/text_file.hpp"

#include "record/text_util.hpp"

namespace dermasim::record {
namespace fs = std::filesystem;

namespace {


std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? trimmed(v) : std::string();
}

std::string without_trailing_slash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

std::string base64(const std::string& in) {
  static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

void replace_all(std::string& text, const std::string& secret) {
  if (secret.empty()) return;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3))
    text.replace(pos, secret.size(), "***");
}

void apply_text(LrsConfig& c, const std::string& text, const std::string& path) {
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string t = trimmed(line);
    if (t.empty() || t[0] == '#') continue;
    const auto eq = t.find('=');
    const std::string where = path + ":" + std::to_string(n);
    // The line's text is never quoted back: it may be a password.
    if (eq == std::string::npos) throw LrsConfigError(where + ": expected `key = value`");
    const std::string key = trimmed(t.substr(0, eq));
    const std::string value = trimmed(t.substr(eq + 1));
    if (key == "endpoint")
      c.endpoint = without_trailing_slash(value);
    else if (key == "username")
      c.username = value;
    else if (key == "password")
      c.password = value;
    else if (key == "activity_base")
      c.xapi.activity_base = without_trailing_slash(value);
    else if (key == "actor_home_page")
      c.xapi.actor_home_page = value;
    else if (key == "timeout_s") {
      // The whole value must be a number (stod would take "5 minutes" as 5).
      std::size_t used = 0;
      try {
        c.timeout_s = std::stod(value, &used);
      } catch (const std::exception&) {
        c.timeout_s = -1;
      }
      if (used != value.size()) c.timeout_s = -1;
      if (!(c.timeout_s > 0 && c.timeout_s <= 600)) throw LrsConfigError(where + ": timeout_s must be 0..600 seconds");
    } else {
      throw LrsConfigError(where + ": unknown key '" + key +
                           "' (expected endpoint, username, password, activity_base, actor_home_page, timeout_s)");
    }
  }
}

void apply_file(LrsConfig& c, const std::string& path) {
  auto bytes = scenario::read_bounded_file(path, scenario::max_config_file_bytes, "an LRS configuration");
  if (bytes.index() == 1) throw LrsConfigError(path + ": cannot read the LRS configuration: " + std::get<1>(bytes));
  c.file = path;
  apply_text(c, std::get<0>(bytes), path);
}

}  // namespace

LrsConfig parse_lrs_config_text(const std::string& text, const std::string& name) {
  LrsConfig c;
  apply_text(c, text, name);
  return c;
}

std::string LrsConfig::problem() const {
  if (endpoint.empty() && username.empty() && password.empty()) return {};
  if (configured()) return {};
  std::string missing;
  if (endpoint.empty()) missing += " endpoint";
  if (username.empty()) missing += " username";
  if (password.empty()) missing += " password";
  return "the LRS configuration is incomplete (missing:" + missing + "); nothing is sent";
}

std::string default_lrs_config_path() {
  if (const std::string p = env("DERMASIM_LRS_CONFIG"); !p.empty()) return p;
  const std::string xdg = env("XDG_CONFIG_HOME");
  if (!xdg.empty() && fs::path(xdg).is_absolute()) return (fs::path(xdg) / "dermasim" / "lrs.conf").string();
  const std::string home = env("HOME");
  if (home.empty()) return {};
  return (fs::path(home) / ".config" / "dermasim" / "lrs.conf").string();
}

LrsConfig read_lrs_config_file(const std::string& path) {
  LrsConfig c;
  apply_file(c, path);
  return c;
}

LrsConfig load_lrs_config() {
  LrsConfig c;
  const std::string path = default_lrs_config_path();
  std::error_code ec;
  if (!path.empty() && fs::exists(path, ec)) apply_file(c, path);
  if (const auto v = env("DERMASIM_LRS_ENDPOINT"); !v.empty()) c.endpoint = without_trailing_slash(v);
  if (const auto v = env("DERMASIM_LRS_USERNAME"); !v.empty()) c.username = v;
  if (const auto v = env("DERMASIM_LRS_PASSWORD"); !v.empty()) c.password = v;
  if (const auto v = env("DERMASIM_XAPI_ACTIVITY_BASE"); !v.empty()) c.xapi.activity_base = without_trailing_slash(v);
  if (const auto v = env("DERMASIM_XAPI_HOME_PAGE"); !v.empty()) c.xapi.actor_home_page = v;
  return c;
}

std::string printable_endpoint(const std::string& endpoint) {
  const auto scheme = endpoint.find("://");
  if (scheme == std::string::npos) return endpoint;
  const auto host_start = scheme + 3;
  const auto path_start = endpoint.find('/', host_start);
  const auto at = endpoint.rfind('@', path_start == std::string::npos ? std::string::npos : path_start);
  if (at == std::string::npos || at < host_start) return endpoint;
  return endpoint.substr(0, host_start) + "***@" + endpoint.substr(at + 1);
}

std::string redact(std::string text, const LrsConfig& c) {
  const std::string secrets[] = {
      c.username.empty() && c.password.empty() ? std::string() : base64(c.username + ":" + c.password),
      // Longest first, so a password containing the username is hidden whole.
      c.password.size() >= c.username.size() ? c.password : c.username,
      c.password.size() >= c.username.size() ? c.username : c.password};
  const auto holds_a_secret = [&](const std::string& t) {
    for (const std::string& s : secrets)
      if (!s.empty() && t.find(s) != std::string::npos) return true;
    return false;
  };
  // A mask next to the text around it can spell a secret again (a password
  // "with ***" in "with with ***"), so masking repeats until none is left.
  constexpr int kMaskPasses = 4;
  for (int pass = 0; pass < kMaskPasses && holds_a_secret(text); ++pass)
    for (const std::string& s : secrets) replace_all(text, s);
  if (!holds_a_secret(text)) return text;
  // A secret the mask itself contains ("*") cannot be masked: withhold it all,
  // in words that spell no secret either (the empty text spells none).
  for (const char* withheld : {"[message withheld: it held a credential]", "[withheld]"})
    if (!holds_a_secret(withheld)) return withheld;
  return {};
}

}  // namespace dermasim::record
