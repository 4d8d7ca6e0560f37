#include "record/proficiency_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dermasim::record {
namespace {

constexpr double width_px = 520, height_px = 220;
constexpr double left_px = 44, right_px = 12, top_px = 24, bottom_px = 34;

std::string num(double v, int decimals = 2) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

struct Axes {
  double y_min, y_max;
  std::size_t n;
  double x(std::size_t i) const {
    const double inner = width_px - left_px - right_px;
    return left_px + (n <= 1 ? inner / 2 : inner * static_cast<double>(i) / static_cast<double>(n - 1));
  }
  double y(double v) const {
    const double t = (std::clamp(v, y_min, y_max) - y_min) / std::max(1e-9, y_max - y_min);
    return top_px + (height_px - top_px - bottom_px) * (1.0 - t);
  }
};

std::string hline(const Axes& a, double v, const std::string& colour, const std::string& label, bool dashed) {
  std::string s = "<line x1='" + num(left_px) + "' x2='" + num(width_px - right_px) + "' y1='" + num(a.y(v)) +
                  "' y2='" + num(a.y(v)) + "' stroke='" + colour + "' stroke-width='1.5'" +
                  (dashed ? " stroke-dasharray='6 4'" : "") + "/>";
  s += "<text x='" + num(width_px - right_px - 4) + "' y='" + num(a.y(v) - 4) + "' fill='" + colour +
       "' font-size='11' text-anchor='end'>" + escape(label) + "</text>";
  return s;
}

// Frame, y ticks every `step`, attempt numbers, titles, then the line and points.
std::string chart(const std::string& title, const Axes& a, double step, const std::vector<double>& values,
                  const std::string& extra, const std::vector<bool>& red) {
  std::string s = "<svg xmlns='http://www.w3.org/2000/svg' width='" + num(width_px, 0) + "' height='" +
                  num(height_px, 0) + "' viewBox='0 0 " + num(width_px, 0) + " " + num(height_px, 0) +
                  "' font-family='sans-serif' role='img'><title>" + escape(title) + "</title>";
  s += "<rect width='100%' height='100%' fill='#fafafa'/>";
  for (double v = std::ceil(a.y_min / step) * step; v <= a.y_max + 1e-9; v += step) {
    s += "<line x1='" + num(left_px) + "' x2='" + num(width_px - right_px) + "' y1='" + num(a.y(v)) + "' y2='" +
         num(a.y(v)) + "' stroke='#ddd'/>";
    s += "<text x='" + num(left_px - 6) + "' y='" + num(a.y(v) + 4) + "' font-size='11' text-anchor='end'>" +
         num(std::abs(v) < 1e-9 ? 0.0 : v, step < 1 ? 1 : 0) + "</text>";
  }
  const double base = height_px - bottom_px;
  s += "<line x1='" + num(left_px) + "' x2='" + num(left_px) + "' y1='" + num(top_px) + "' y2='" + num(base) +
       "' stroke='#555'/><line x1='" + num(left_px) + "' x2='" + num(width_px - right_px) + "' y1='" + num(base) +
       "' y2='" + num(base) + "' stroke='#555'/>";
  const std::size_t every = std::max<std::size_t>(1, a.n / 12);
  for (std::size_t i = 0; i < a.n; i += every)
    s += "<text x='" + num(a.x(i)) + "' y='" + num(base + 14) + "' font-size='11' text-anchor='middle'>" +
         std::to_string(i + 1) + "</text>";
  s += "<text x='" + num(width_px - right_px) + "' y='" + num(height_px - 4) +
       "' font-size='11' text-anchor='end'>attempt</text>";
  s += "<text x='" + num(left_px) + "' y='14' font-size='12' font-weight='bold'>" + escape(title) + "</text>";
  s += extra;
  std::string pts;
  for (std::size_t i = 0; i < values.size(); ++i) pts += num(a.x(i)) + "," + num(a.y(values[i])) + " ";
  if (values.size() > 1) s += "<polyline fill='none' stroke='#1f77b4' stroke-width='2' points='" + pts + "'/>";
  for (std::size_t i = 0; i < values.size(); ++i)
    s += "<circle cx='" + num(a.x(i)) + "' cy='" + num(a.y(values[i])) + "' r='4' fill='" +
         (i < red.size() && red[i] ? "#d62728" : "#1f77b4") + "'><title>attempt " + std::to_string(i + 1) + ": " +
         num(values[i]) + "</title></circle>";
  return s + "</svg>";
}

}  // namespace

std::string learning_curve_html_section(const ProficiencyRow& r) {
  const std::optional<double>& pass_mark = r.pass_mark;
  if (r.history.empty()) return {};
  std::vector<double> totals;
  std::vector<bool> short_of;
  for (const auto& j : r.history) {
    totals.push_back(j.total);
    short_of.push_back(r.benchmark && !j.meets_benchmark);
  }
  const Axes score{0.0, 100.0, totals.size()};
  std::string extra;
  if (r.benchmark)
    if (const auto* m = r.benchmark->benchmark.find("total")) {
      extra += "<rect x='" + num(left_px) + "' y='" + num(score.y(100)) + "' width='" +
               num(width_px - left_px - right_px) + "' height='" + num(score.y(m->benchmark) - score.y(100)) +
               "' fill='#2ca02c' fill-opacity='0.18'/>";
      extra += hline(score, m->benchmark, "#2ca02c", "expert benchmark " + num(m->benchmark, 1), false);
    }
  if (pass_mark) extra += hline(score, *pass_mark, "#b8860b", "pass " + num(*pass_mark, 0), true);
  std::string html = "<section class='learning-curve'><h2>Learning curve: " + escape(r.trainee) + " on " +
                     escape(r.scenario_id) + "</h2><p>";
  if (!r.benchmark)
    html += "No expert benchmark is set for this case.";
  else if (r.proficient)
    html += "Proficient: at the expert benchmark on two consecutive attempts (reached at attempt " +
            std::to_string(*r.attempts_to_proficiency) + ").";
  else
    html += "Not yet proficient.";
  html += "</p>" + chart("total", score, 25, totals, extra, short_of);
  std::vector<double> cusum(r.cusum.values.begin(), r.cusum.values.end());
  double lo = std::min(r.cusum.h0 * 1.25, 0.0), hi = std::max(r.cusum.h1 * 1.25, 0.0);
  for (double v : cusum) {
    lo = std::min(lo, v - 0.25);
    hi = std::max(hi, v + 0.25);
  }
  const Axes c{lo, hi, cusum.size()};
  std::string limits = hline(c, 0.0, "#555", "", false);
  limits += hline(c, r.cusum.h1, "#d62728", "h1 = " + num(r.cusum.h1) + ": unacceptable", false);
  limits += hline(c, r.cusum.h0, "#2ca02c", "h0 = " + num(r.cusum.h0) + ": acceptable", false);
  html += " " + chart("CUSUM: " + r.cusum.signal, c, 1.0, cusum, limits, {});
  return html + "</section>";
}

std::string proficiency_html_page(const std::vector<ProficiencyRow>& rows) {
  std::string html = "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>dermasim: proficiency</title>"
                     "<style>body{font-family:sans-serif;margin:2em}svg{margin:0.3em}</style></head><body>"
                     "<h1>Proficiency and learning curves</h1>";
  for (const auto& r : rows) html += learning_curve_html_section(r);
  return html + "</body></html>\n";
}

}  // namespace dermasim::record
