#include "scenario/outcome_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario/json_writer.hpp"
#include "scenario/outcome_cohort.hpp"

namespace dermasim::scenario {
namespace {

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// One colour per mark, distinguishable in print.
constexpr const char* mark_colours[] = {"#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#17a589"};

// The chance of each kind of complication over the whole series: one minus
// the chance that no session caused it.
std::vector<std::pair<std::string, double>> series_risks(const OutcomeTimeline& t) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& c : t.complications) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& r) { return r.first == c.kind; });
    if (it == out.end()) it = out.insert(out.end(), {c.kind, 0.0});
    it->second = 1.0 - (1.0 - it->second) * (1.0 - c.probability);
  }
  return out;
}

}  // namespace

std::string outcome_json(const OutcomeTimeline& t, const Scenario& s) {
  JsonWriter j;
  j.begin_object();
  j.key("scenario").value(s.id);
  j.key("seed").value(static_cast<unsigned long long>(t.seed));
  j.key("series").begin_object();
  j.key("sessions").value(t.plan.sessions);
  j.key("interval_days").value(t.plan.interval_days);
  j.end_object();
  j.key("days").begin_array();
  for (const auto& d : t.states) {
    j.begin_object();
    j.key("day").value(d.day);
    j.key("sessions_so_far").value(d.sessions);
    j.key("erythema_mean").value(d.erythema_mean);
    j.key("oedema_mean").value(d.oedema_mean);
    j.key("crust_mean").value(d.crust_mean);
    j.key("collagen_index").value(d.collagen_index);
    j.key("collagen3_share").value(d.collagen3_share);
    j.key("epidermal_gain").value(d.epidermal_gain);
    j.key("marks").begin_array();
    for (const auto& m : d.marks) {
      j.begin_object();
      j.key("mark").value(m.index + 1);
      j.key("type").value(tissue::stria_type_name(m.type));
      j.key("initial_dermis_mm").value(m.initial_dermis_mm);
      j.key("normal_dermis_mm").value(m.normal_dermis_mm);
      j.key("dermal_thickness_mm").value(m.dermal_thickness_mm);
      j.key("colour_recovery").value(m.colour_recovery);
      j.key("texture_recovery").value(m.texture_recovery);
      j.key("improvement_percent").value(m.improvement_percent);
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("complications").begin_array();
  for (const auto& c : t.complications) {
    j.begin_object();
    j.key("kind").value(c.kind);
    j.key("session").value(c.session);
    j.key("probability").value(c.probability);
    j.key("occurred").value(c.occurred);
    j.key("onset_day").value(c.onset_day);
    j.key("cells").value(c.cells);
    j.end_object();
  }
  j.end_array();
  if (t.rf.channels > 0) {  // P6: only an RF session has this block
    j.key("rf").begin_object();
    j.key("channels").value(static_cast<unsigned long long>(t.rf.channels));
    j.key("mean_energy_mj").value(t.rf.mean_energy_mj);
    j.key("mean_zone_length_mm").value(t.rf.mean_zone_length_mm);
    j.key("epidermal_burn_share").value(t.rf.epidermal_burn_share);
    j.end_object();
  }
  j.key("series_risk").begin_object();
  for (const auto& [kind, risk] : series_risks(t)) j.key(kind).value(risk);
  j.end_object();
  j.end_object();
  return j.str() + "\n";
}

std::string outcome_text(const OutcomeTimeline& t) {
  std::string out = "series: " + std::to_string(t.plan.sessions) + " session(s), " + fmt("%.0f", t.plan.interval_days) +
                    " days apart\n";
  if (t.rf.channels > 0)
    out += "RF (P6): " + std::to_string(t.rf.channels) + " channels at " + fmt("%.0f", t.rf.mean_energy_mj) +
           " mJ per needle, coagulation zones " + fmt("%.2f", t.rf.mean_zone_length_mm) + " mm at the tips, " +
           fmt("%.1f%%", 100.0 * t.rf.epidermal_burn_share) + " of the heated tips reached the epidermis\n";
  for (const auto& d : t.states) {
    out += "day " + fmt("%5.1f", d.day) + ": erythema " + fmt("%.2f", d.erythema_mean) + ", oedema " +
           fmt("%.2f", d.oedema_mean) + ", collagen index " + fmt("%.2f", d.collagen_index) + "; marks:";
    for (const auto& m : d.marks)
      out += " " + std::to_string(m.index + 1) + " " + fmt("%.0f%%", m.improvement_percent) + " (" +
             fmt("%.2f mm", m.dermal_thickness_mm) + ")";
    out += "\n";
  }
  for (const auto& c : t.complications)
    if (c.occurred || c.probability >= 0.05)
      out += "complication " + c.kind + " after session " + std::to_string(c.session) + ": risk " +
             fmt("%.0f%%", 100.0 * c.probability) + (c.occurred ? ", occurred" : ", did not occur") + "\n";
  for (const auto& [kind, risk] : series_risks(t)) out += "risk of " + kind + " over the series: " + fmt("%.1f%%", 100.0 * risk) + "\n";
  return out;
}

std::string improvement_svg(const OutcomeTimeline& t) {
  const double w = 520, h = 240, left = 44, right = 12, top = 12, bottom = 34;
  double max_day = 1.0;
  for (const auto& d : t.states) max_day = std::max(max_day, d.day);
  auto px = [&](double day) { return left + (w - left - right) * day / max_day; };
  auto py = [&](double pct) { return top + (h - top - bottom) * (1.0 - std::clamp(pct, 0.0, 100.0) / 100.0); };
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='520' height='240' viewBox='0 0 520 240' role='img' "
                    "aria-label='improvement of each stretch mark over time'>";
  for (int pct = 0; pct <= 100; pct += 25) {
    svg += "<line x1='" + fmt("%.0f", left) + "' x2='" + fmt("%.0f", w - right) + "' y1='" + fmt("%.1f", py(pct)) +
           "' y2='" + fmt("%.1f", py(pct)) + "' stroke='#ddd'/>";
    svg += "<text x='4' y='" + fmt("%.1f", py(pct) + 4) + "' font-size='11'>" + std::to_string(pct) + "%</text>";
  }
  for (const auto& d : t.states)
    svg += "<text x='" + fmt("%.1f", px(d.day) - 6) + "' y='" + fmt("%.0f", h - 18) + "' font-size='11'>" +
           fmt("%.0f", d.day) + "</text>";
  svg += "<text x='" + fmt("%.0f", w / 2 - 60) + "' y='" + fmt("%.0f", h - 3) +
         "' font-size='11'>days after the session</text>";
  const std::size_t marks = t.states.empty() ? 0 : t.states.front().marks.size();
  for (std::size_t k = 0; k < marks; ++k) {
    std::string points;
    for (const auto& d : t.states)
      if (k < d.marks.size()) points += fmt("%.1f", px(d.day)) + "," + fmt("%.1f", py(d.marks[k].improvement_percent)) + " ";
    const char* colour = mark_colours[k % std::size(mark_colours)];
    svg += "<polyline fill='none' stroke-width='2' stroke='" + std::string(colour) + "' points='" + points + "'/>";
    svg += "<text x='" + fmt("%.0f", w - right - 70) + "' y='" + fmt("%.0f", top + 12 + 13.0 * static_cast<double>(k)) +
           "' font-size='11' fill='" + colour + "'>mark " + std::to_string(k + 1) + "</text>";
  }
  return svg + "</svg>";
}

std::string outcome_html_section(const Scenario& s, const Answers& answers, const std::vector<physics::PenCommand>& commands,
                                 std::uint64_t seed) {
  if (!answers.plan) return {};
  // Weekly points for the plot, the time-lapse days for the table.
  std::vector<double> days = default_outcome_days();
  for (double d = 7.0; d < days.back(); d += 7.0) days.push_back(d);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  const OutcomeTimeline t = predict_outcome(treated_session(s, answers, commands), days, seed);
  const auto& shown = default_outcome_days();
  std::string h = "<h2>Predicted outcome</h2><p>What the healing model predicts for this patient over the planned series (" +
                  std::to_string(t.plan.sessions) + " session(s), " + fmt("%.0f", t.plan.interval_days) +
                  " days apart), each mark's improvement by day:</p>" + improvement_svg(t);
  h += "<table><tr><th>day</th><th>erythema</th><th>oedema</th><th>collagen index</th>";
  const std::size_t marks = t.states.empty() ? 0 : t.states.front().marks.size();
  for (std::size_t k = 0; k < marks; ++k) h += "<th>mark " + std::to_string(k + 1) + "</th>";
  h += "</tr>";
  for (const auto& d : t.states) {
    if (std::none_of(shown.begin(), shown.end(), [&](double x) { return std::abs(x - d.day) < 1e-6; })) continue;
    h += "<tr><td>" + fmt("%.0f", d.day) + "</td><td>" + fmt("%.2f", d.erythema_mean) + "</td><td>" +
         fmt("%.2f", d.oedema_mean) + "</td><td>" + fmt("%.2f", d.collagen_index) + "</td>";
    for (const auto& m : d.marks)
      h += "<td>" + fmt("%.0f%%", m.improvement_percent) + ", dermis " + fmt("%.2f mm", m.dermal_thickness_mm) + "</td>";
    h += "</tr>";
  }
  h += "</table>";
  for (const auto& c : t.complications)
    if (c.occurred || c.probability >= 0.05)
      h += "<p>Complication risk, " + c.kind + " after session " + std::to_string(c.session) + ": " +
           fmt("%.0f%%", 100.0 * c.probability) + (c.occurred ? " (occurred in this prediction)" : "") + ".</p>";
  return h;
}

std::string validation_rows_json(const std::vector<ValidationRow>& rows) {
  JsonWriter j;
  j.begin_array();
  for (const auto& r : rows) {
    j.begin_object();
    j.key("name").value(r.name);
    j.key("source").value(r.source);
    j.key("published");
    if (r.published_is_number)
      j.value(std::stod(r.published));
    else
      j.value(r.published);
    j.key("simulated").value(r.simulated);
    j.key("unit").value(r.unit);
    j.key("tolerance").value(r.tolerance);
    j.key("within").value(r.within);
    j.key("calibrated").value(r.calibrated);
    j.end_object();
  }
  j.end_array();
  return j.str() + "\n";
}

std::string validation_rows_text(const std::vector<ValidationRow>& rows) {
  std::string out;
  for (const auto& r : rows) {
    out += std::string(r.within ? "ok   " : "OUT  ") + r.name + " [" + r.source + "]: published " + r.published +
           ", simulated " + fmt("%.2f", r.simulated) + " " + r.unit + " (tolerance " + r.tolerance + ")" +
           (r.calibrated ? ", calibrated" : "") + "\n";
  }
  return out;
}

}  // namespace dermasim::scenario
