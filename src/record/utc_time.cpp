#include "record/utc_time.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace dermasim::record {

std::optional<double> parse_utc(std::string_view iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
  const std::string text(iso);
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &used) != 6) return std::nullopt;
  double frac = 0.0;
  std::size_t i = static_cast<std::size_t>(used);
  if (i < text.size() && text[i] == '.') {
    double scale = 0.1;
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, scale /= 10) frac += (text[i] - '0') * scale;
  }
  if (i + 1 != text.size() || text[i] != 'Z') return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return static_cast<double>(timegm(&tm)) + frac;
}

std::string format_utc(double epoch_s) {
  const auto t = static_cast<std::time_t>(std::floor(epoch_s));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string iso8601_duration(double seconds) {
  if (!(seconds > 0.0)) return "PT0S";
  const long long centis = std::llround(seconds * 100.0);
  const long long h = centis / 360000, m = centis / 6000 % 60, cs = centis % 6000;
  std::string out = "PT";
  if (h) out += std::to_string(h) + "H";
  if (m) out += std::to_string(m) + "M";
  char buf[32];
  if (cs % 100 == 0)
    std::snprintf(buf, sizeof buf, "%lldS", cs / 100);
  else
    std::snprintf(buf, sizeof buf, "%lld.%02lldS", cs / 100, cs % 100);
  if (cs || (!h && !m)) out += buf;
  return out;
}

}  // namespace dermasim::record

#include <chrono>

namespace dermasim::record {

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  return format_utc(std::chrono::duration<double>(now.time_since_epoch()).count());
}

std::string utc_now_ms() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::string s = format_utc(static_cast<double>(ms / 1000));
  char buf[8];
  std::snprintf(buf, sizeof buf, ".%03dZ", static_cast<int>(ms % 1000));
  s.pop_back();
  return s.append(buf);
}

}  // namespace dermasim::record
