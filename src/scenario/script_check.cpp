// A trainee script against its scenario: what `check SCRIPT` and `simulate`
// refuse before any simulation, so that a script check accepts never meets a
// refusal from the session or the physics.
#include <cmath>
#include <filesystem>

#include "physics/scripted_pen.hpp"
#include "scenario/input_limits.hpp"
#include "scenario/script.hpp"

namespace dermasim::scenario {
namespace {

// Travel between two segments anywhere near a patch (pen lifted, at its
// travel speed), plus landing before and after: an upper bound.
constexpr double travel_bound_s =
    3.0 * tissue::PatchSpec::max_size_mm / physics::ScriptedPen::travel_speed_mm_s + 2 * physics::ScriptedPen::landing_s;

// A boustrophedon raster over a w x h rectangle: at most diagonal/spacing + 1
// rows, each no longer than the diagonal, joined by moves no longer than it.
double raster_bound_s(double w, double h, const StrokeSpec& st) {
  const double diagonal = std::hypot(w, h);
  const double rows = diagonal / st.spacing_mm + 1.0;
  return travel_bound_s + 2.0 * rows * diagonal / st.style.speed_mm_s;
}

}  // namespace

double procedure_seconds_bound(const TraineeScript& t, const Scenario& s) {
  double total = travel_bound_s;
  for (const StrokeSpec& st : t.procedure) {
    double one = 0.0;  // one pass of the stroke
    const double angles = static_cast<double>(st.angles_deg.size());
    switch (st.kind) {
      case StrokeSpec::Kind::raster_mark:
        for (std::size_t k = 0; k < s.patch.marks.size(); ++k) {
          if (st.mark > 0 && static_cast<int>(k) != st.mark - 1) continue;
          const auto& m = s.patch.marks[k];
          one += angles * raster_bound_s(m.length_mm + 2 * st.margin_mm, m.width_mm + 2 * st.margin_mm, st);
        }
        break;
      case StrokeSpec::Kind::raster_region:
        one = angles * raster_bound_s(st.region[2] - st.region[0], st.region[3] - st.region[1], st);
        break;
      case StrokeSpec::Kind::line:
        one = travel_bound_s + std::hypot(st.to[0] - st.from[0], st.to[1] - st.from[1]) / st.style.speed_mm_s;
        break;
      case StrokeSpec::Kind::stamp: one = travel_bound_s + st.duration_s; break;
    }
    total += static_cast<double>(st.passes) * one;
  }
  return total;
}

Diagnostics check_script_against(const TraineeScript& t, const Scenario& s) {
  Diagnostics out;
  auto problem = [&](const SourceAt& at, const std::string& m) { out.push_back({t.file, at.line, at.column, m}); };
  auto at_index = [](const std::vector<SourceAt>& v, std::size_t i) { return i < v.size() ? v[i] : SourceAt{}; };
  if (t.scenario_id != s.id)
    problem(t.at_scenario, "the script is for scenario '" + t.scenario_id + "', not '" + s.id + "'");
  for (std::size_t i = 0; i < t.consultation.asked.size(); ++i) {
    const std::string& id = t.consultation.asked[i];
    const HistoryItem* item = s.find_item(id);
    if (!item) problem(at_index(t.at_asked, i), "ask: the scenario has no item '" + id + "'");
    else if (item->question.empty()) problem(at_index(t.at_asked, i), "ask: '" + id + "' has no follow-up question");
  }
  for (std::size_t i = 0; i < t.consultation.findings.size(); ++i)
    if (!s.find_item(t.consultation.findings[i]))
      problem(at_index(t.at_findings, i), "findings: the scenario has no item '" + t.consultation.findings[i] + "'");
  for (std::size_t i = 0; i < t.consultation.precautions.size(); ++i)
    if (!find_precaution(t.consultation.precautions[i]))
      problem(at_index(t.at_precautions, i),
              "precautions: '" + t.consultation.precautions[i] + "' is not in the catalogue");
  if (t.aftercare)
    for (std::size_t i = 0; i < t.aftercare->instructions.size(); ++i)
      if (!find_instruction(t.aftercare->instructions[i]))
        problem(at_index(t.at_instructions, i),
                "aftercare: '" + t.aftercare->instructions[i] + "' is not in the catalogue");

  const double w = s.patch.width_mm, h = s.patch.height_mm;
  auto off_patch = [&](double x, double y) { return x < 0 || y < 0 || x > w || y > h; };
  const std::string patch_size = std::to_string(static_cast<int>(w)) + " x " + std::to_string(static_cast<int>(h));
  for (const auto& st : t.procedure) {
    switch (st.kind) {
      case StrokeSpec::Kind::raster_mark:
        if (st.mark > static_cast<int>(s.patch.marks.size()))
          problem(st.at_mark, "procedure: mark " + std::to_string(st.mark) + " does not exist (the case has " +
                                  std::to_string(s.patch.marks.size()) + ")");
        break;
      case StrokeSpec::Kind::raster_region:
        if (off_patch(st.region[0], st.region[1]) || off_patch(st.region[2], st.region[3]))
          problem(st.at_mark, "procedure: the region goes off the " + patch_size + " mm patch");
        break;
      case StrokeSpec::Kind::line:
        if (off_patch(st.from[0], st.from[1])) problem(st.at_point[0], "procedure: from is off the " + patch_size + " mm patch");
        if (off_patch(st.to[0], st.to[1])) problem(st.at_point[1], "procedure: to is off the " + patch_size + " mm patch");
        break;
      case StrokeSpec::Kind::stamp:
        if (off_patch(st.at[0], st.at[1])) problem(st.at_point[0], "procedure: at is off the " + patch_size + " mm patch");
        break;
    }
  }
  if (const double seconds = procedure_seconds_bound(t, s); !(seconds <= max_attempt_s))
    problem(t.procedure.empty() ? SourceAt{} : t.procedure.front().at_stroke,
            "procedure: the strokes could take up to " + std::to_string(static_cast<long long>(seconds)) +
                " s, more than an attempt may last (" + std::to_string(static_cast<int>(max_attempt_s)) + " s)");
  return out;
}

std::string scenario_path_for_script(const std::string& script_path, const std::string& scenario_id) {
  // The id becomes a file name: only lower_snake_case, never a path.
  if (scenario_id.empty()) return {};
  for (char c : scenario_id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return {};
  const std::filesystem::path folder = std::filesystem::path(script_path).parent_path();
  return (folder / ".." / ".." / (scenario_id + ".yaml")).lexically_normal().string();
}

}  // namespace dermasim::scenario
