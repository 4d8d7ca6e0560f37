// One self-contained, printable HTML page for an instructor: scores,
// feedback, a coverage map and a depth histogram as inline SVG.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "scenario/report.hpp"

namespace dermasim::scenario {
namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Density classes for the map: none, below half the target, below target,
// at target, over-treated.
const char* density_colour(double d, double target, double maximum) {
  if (d <= 0.0) return "#f4efe9";
  if (d < 0.5 * target) return "#f6d58e";
  if (d < target) return "#e9a13b";
  if (d <= maximum) return "#3f9a5b";
  return "#c0392b";
}

std::string coverage_svg(const ProcedureMetrics& m, const Scenario& s) {
  const double scale = 5.0;  // px per mm
  const double w = m.map_nx * scale, h = m.map_ny * scale;
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='" + num(w, 0) + "' height='" + num(h, 0) +
                    "' viewBox='0 0 " + num(w, 0) + " " + num(h, 0) + "' role='img' aria-label='coverage map'>";
  const double target = s.key.coverage.target_per_cm2, maximum = s.key.coverage.max_per_cm2;
  // Rows are drawn from the patch's top (largest y) so the map reads like the skin.
  for (int row = 0; row < m.map_ny; ++row) {
    const int y = m.map_ny - 1 - row;
    int x = 0;
    while (x < m.map_nx) {
      const char* c = density_colour(m.density_map[static_cast<std::size_t>(y * m.map_nx + x)], target, maximum);
      int run = 1;
      while (x + run < m.map_nx &&
             density_colour(m.density_map[static_cast<std::size_t>(y * m.map_nx + x + run)], target, maximum) == c)
        ++run;
      svg += "<rect x='" + num(x * scale, 0) + "' y='" + num(row * scale, 0) + "' width='" + num(run * scale, 0) +
             "' height='" + num(scale, 0) + "' fill='" + c + "'/>";
      x += run;
    }
  }
  for (std::size_t k = 0; k < s.patch.marks.size(); ++k) {
    const auto& mk = s.patch.marks[k];
    const double cx = mk.center_x_mm * scale, cy = h - mk.center_y_mm * scale;
    svg += "<ellipse cx='" + num(cx) + "' cy='" + num(cy) + "' rx='" + num(0.5 * mk.length_mm * scale) + "' ry='" +
           num(0.5 * mk.width_mm * scale) + "' transform='rotate(" + num(-mk.angle_deg) + " " + num(cx) + " " +
           num(cy) + ")' fill='none' stroke='#5b2a86' stroke-width='1.5' stroke-dasharray='4 2'/>";
    svg += "<text x='" + num(cx) + "' y='" + num(cy - 0.5 * mk.width_mm * scale - 3) +
           "' font-size='11' text-anchor='middle' fill='#5b2a86'>" + std::to_string(k + 1) + "</text>";
  }
  return svg + "</svg>";
}

const char* layer_colour(int layer) {
  static const char* colours[] = {"#999", "#d9c3a5", "#e8b48f", "#d46a6a", "#9c3d54", "#f2d16b"};
  return colours[layer];
}

std::string depth_svg(const ProcedureMetrics& m, const Scenario& s) {
  const double bar = 14.0, height = 160.0, left = 40.0, bottom = 24.0;
  // Wide enough for the deepest puncture and the key's whole depth range.
  const int bins = std::max({static_cast<int>(m.depth_histogram.size()),
                             static_cast<int>(std::ceil(s.key.needle_depth_mm.hi / 0.1)) + 3, 20});
  double peak = 1.0;
  for (double v : m.depth_histogram) peak = std::max(peak, v);
  const double w = std::max(left + bins * bar + 10, 420.0);  // room for the axis label
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='" + num(w, 0) + "' height='" +
                    num(height + bottom + 10, 0) + "' role='img' aria-label='depth histogram'>";
  for (int b = 0; b < static_cast<int>(m.depth_histogram_layers.size()); ++b) {
    double y = height;
    for (int layer = 1; layer <= tissue::layer_count; ++layer) {
      const double n = static_cast<double>(
          m.depth_histogram_layers[static_cast<std::size_t>(b)][static_cast<std::size_t>(layer)]);
      if (n <= 0) continue;
      const double hgt = height * n / peak;
      y -= hgt;
      svg += "<rect x='" + num(left + b * bar) + "' y='" + num(y) + "' width='" + num(bar - 1) + "' height='" +
             num(hgt) + "' fill='" + layer_colour(layer) + "'><title>" + num(b * 0.1) + "-" + num((b + 1) * 0.1) +
             " mm: " + num(n, 0) + " in " + std::string(tissue::layer_name(static_cast<tissue::Layer>(layer))) +
             "</title></rect>";
    }
  }
  // The key's acceptable depth range, for comparison.
  const double lo = left + s.key.needle_depth_mm.lo / 0.1 * bar, hi = left + s.key.needle_depth_mm.hi / 0.1 * bar;
  svg += "<line x1='" + num(lo) + "' x2='" + num(lo) + "' y1='0' y2='" + num(height) +
         "' stroke='#333' stroke-dasharray='3 3'/><line x1='" + num(hi) + "' x2='" + num(hi) + "' y1='0' y2='" +
         num(height) + "' stroke='#333' stroke-dasharray='3 3'/>";
  svg += "<line x1='" + num(left) + "' x2='" + num(w - 10) + "' y1='" + num(height) + "' y2='" + num(height) +
         "' stroke='#333'/>";
  for (int b = 0; b <= bins; b += 5)
    svg += "<text x='" + num(left + b * bar) + "' y='" + num(height + 16) + "' font-size='11' text-anchor='middle'>" +
           num(b * 0.1) + "</text>";
  svg += "<text x='" + num(left) + "' y='" + num(height + bottom + 8) +
         "' font-size='11'>vertical depth, mm; dashed: the needle lengths the case accepts</text>";
  return svg + "</svg>";
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "none" : out;
}

}  // namespace

std::string grade_html(const Grade& g, const Scenario& s, const std::string& extra_html) {
  std::string h =
      "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>dermasim report: " + escape(g.scenario_title) +
      "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
      "h1{font-size:1.4em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;"
      "text-align:left;vertical-align:top}.pass{color:#1e7b3a}.fail{color:#b0282a}.critical{border:2px solid #b0282a;"
      "padding:.5em 1em;background:#fdf0f0}.bar{background:#e5e5e5;width:10em;height:.8em;display:inline-block}"
      ".bar span{display:block;height:100%;background:#3f7fbf}.legend span{display:inline-block;width:1em;height:1em;"
      "margin:0 .3em 0 1em;vertical-align:middle}small{color:#666}@media print{body{margin:0}}</style></head><body>";
  h += "<h1>" + escape(g.scenario_title) + "</h1><p><small>" + std::string(mode_name(g.answers.mode)) +
       " mode &middot; scenario " + escape(g.scenario_id) + " &middot; " +
       escape(s.file) + " &middot; hash " + escape(s.source_hash) + "</small></p>";
  if (!s.summary.empty()) h += "<p><i>The case:</i> " + escape(s.summary) + "</p>";
  h += "<p style='font-size:1.3em'>Total <b>" + num(g.total) + "</b> / 100 (pass mark " + num(g.pass_mark, 0) +
       ") &mdash; <b class='" + (g.passed ? "pass'>PASSED" : "fail'>NOT PASSED") + "</b></p>";
  if (!g.critical_errors.empty()) {
    h += "<div class='critical'><b>Critical errors: the attempt fails whatever the total</b><ul>";
    for (const auto& c : g.critical_errors) h += "<li><b>" + escape(std::string(c.name())) + "</b>: " + escape(c.message) + "</li>";
    h += "</ul></div>";
  }
  h += "<h2>Criteria</h2><table><tr><th>criterion</th><th>score</th><th>weight</th><th>feedback</th></tr>";
  for (const auto& c : g.criteria) {
    h += "<tr><td>" + std::string(criterion_name(c.id)) + "</td><td>";
    if (c.applicable)
      h += "<span class='bar'><span style='width:" + num(c.score, 0) + "%'></span></span> " + num(c.score, 0);
    else
      h += "not applicable";
    h += "</td><td>" + num(c.weight, 0) + "</td><td>";
    if (c.feedback.empty()) h += c.applicable ? "<span class='pass'>Nothing lost.</span>" : "";
    for (const auto& f : c.feedback) h += "<p>" + escape(f) + "</p>";
    h += "<small>";
    for (const auto& [k, v] : c.evidence) h += escape(k) + " " + num(v, 3) + "; ";
    h += "</small></td></tr>";
  }
  h += "</table>";
  if (g.answers.consultation) {
    const auto& c = *g.answers.consultation;
    h += "<h2>The trainee's answers</h2><table><tr><td>decision</td><td>" + std::string(decision_text(c.decision)) +
         "</td></tr><tr><td>findings</td><td>" + escape(join(c.findings)) + "</td></tr><tr><td>questions asked</td><td>" +
         escape(join(c.asked)) + "</td></tr><tr><td>precautions</td><td>" + escape(join(c.precautions)) + "</td></tr>";
    if (g.answers.plan) {
      const auto& p = *g.answers.plan;
      h += "<tr><td>plan</td><td>" + num(p.device.needle_length_mm, 2) + " mm, " +
           std::string(physics::cartridge(p.device.cartridge).name) + ", " +
           (p.device.rf_energy_mj > 0.0 ? num(p.device.rf_energy_mj, 0) + " mJ RF per needle, " : std::string()) +
           num(p.device.stroke_rate_hz, 0) + " Hz, " + (p.numbing ? "numbing cream" : "no numbing") + ", " + std::to_string(p.passes) + " passes</td></tr>";
    }
    if (g.answers.aftercare) {
      const auto& a = *g.answers.aftercare;
      h += "<tr><td>aftercare</td><td>" + escape(join(a.instructions)) + "</td></tr><tr><td>schedule</td><td>" +
           std::to_string(a.sessions) + " sessions, " + num(a.interval_weeks) + " weeks apart, maintenance every " +
           num(a.maintenance_months) + " months</td></tr>";
    }
    h += "</table>";
  }
  if (g.metrics) {
    const auto& m = *g.metrics;
    h += "<h2>Coverage</h2><p>" + num(100 * m.coverage_fraction, 0) + "% of the stretch marks' area reached " +
         num(s.key.coverage.target_per_cm2, 0) + " punctures per cm2; median " + num(m.density_per_cm2_median, 0) +
         " per cm2; " + std::to_string(m.punctures) + " punctures.</p>" + coverage_svg(m, s) +
         "<p class='legend'><small><span style='background:#f6d58e'></span>under half the target"
         "<span style='background:#e9a13b'></span>under the target<span style='background:#3f9a5b'></span>at target"
         "<span style='background:#c0392b'></span>over the case's maximum (over-treated); dashed: stretch marks</small></p>";
    h += "<h2>Depth</h2><p>Median " + num(m.depth_mm_median, 2) + " mm, deepest " + num(m.depth_mm_max, 2) +
         " mm.</p>" + depth_svg(m, s) + "<p class='legend'><small>";
    for (int layer = 1; layer <= tissue::layer_count; ++layer)
      h += "<span style='background:" + std::string(layer_colour(layer)) + "'></span>" +
           std::string(tissue::layer_name(static_cast<tissue::Layer>(layer))) + " " +
           std::to_string(m.punctures_by_layer[static_cast<std::size_t>(layer)]);
    h += "</small></p>";
  }
  h += extra_html;
  h += "<p><small>Facts cited (P5, D2, ...) refer to the clinical reference shipped with the course.</small></p>";
  return h + "</body></html>\n";
}

std::string grade_text(const Grade& g) {
  std::string t = g.scenario_title + " (" + g.scenario_id + "), " + std::string(mode_name(g.answers.mode)) + " mode\n";
  t += "total " + num(g.total) + " / 100, pass mark " + num(g.pass_mark, 0) + ": " +
       (g.passed ? "PASSED" : "NOT PASSED") + "\n";
  for (const auto& c : g.critical_errors) t += "  CRITICAL " + std::string(c.name()) + ": " + c.message + "\n";
  for (const auto& c : g.criteria) {
    t += "  " + std::string(criterion_name(c.id)) + ": " +
         (c.applicable ? num(c.score, 0) + " (weight " + num(c.weight, 0) + ")" : "not applicable") + "\n";
    for (const auto& f : c.feedback) t += "    - " + f + "\n";
  }
  return t;
}

}  // namespace dermasim::scenario
