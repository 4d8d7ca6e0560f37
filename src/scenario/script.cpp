// Reading a trainee script: every numeric field finite and in range, every
// list bounded, every problem at its line and column (as a scenario's).
#include "scenario/script.hpp"

#include "scenario/input_limits.hpp"
#include "scenario/script_sections.hpp"
#include "scenario/text_file.hpp"
#include "scenario/yaml_reader.hpp"
#include "tissue/skin_patch.hpp"

namespace dermasim::scenario {
namespace {

// Points and regions lie on a patch, which is at most this large; the
// scenario's own size is checked in check_script_against.
constexpr double max_coordinate_mm = tissue::PatchSpec::max_size_mm;

SourceAt at(const YamlReader& r, const YAML::Node& n) {
  const YAML::Mark m = r.mark(n);
  return {m.line >= 0 ? m.line + 1 : 0, m.line >= 0 ? m.column + 1 : 0};
}

SourceAt at_key(const YamlReader& r, const YAML::Node& map, std::string_view key) {
  const YAML::Mark m = r.mark_of(map, key);
  return {m.line >= 0 ? m.line + 1 : 0, m.line >= 0 ? m.column + 1 : 0};
}

void read_point(YamlReader& r, const YAML::Node& map, const char* key, double (&out)[2], SourceAt& where) {
  where = at_key(r, map, key);
  r.read_numbers(map, key, out, 2, 0.0, max_coordinate_mm, {"x_mm", "y_mm"}, "a point [x_mm, y_mm]", true);
}

// A list of ids, each with where it was written.
void read_ids(YamlReader& r, const YAML::Node& map, std::string_view key, std::vector<std::string>& out,
              std::vector<SourceAt>& where, bool required) {
  if (!r.read_strings(map, key, out, required)) return;
  where.clear();
  for (const auto& item : get(map, key))
    if (item.IsScalar()) where.push_back(at(r, item));
}

void parse_style(YamlReader& r, const YAML::Node& n, StrokeSpec& s) {
  r.read(n, "force_n", s.style.force_n, 0, 20, true);
  r.read(n, "tilt_deg", s.style.tilt_deg, 0, 60, false);
  r.read(n, "tilt_direction_deg", s.style.tilt_direction_deg, -360, 360, false);
  r.read(n, "speed_mm_s", s.style.speed_mm_s, 0.5, 300, false);
  r.read(n, "passes", s.passes, 1, 20, false);
  r.read(n, "motor", s.style.motor_on, false);
  std::string skin = "taut";
  if (r.read(n, "skin", skin, false)) {
    if (skin == "taut" || skin == "lax")
      s.style.skin_taut = skin == "taut";
    else
      r.error(r.mark_of(n, "skin"), "skin must be taut or lax");
  }
}

void parse_raster(YamlReader& r, const YAML::Node& ras, StrokeSpec& s) {
  if (!r.check_map(ras, "raster", {"mark", "region", "spacing_mm", "angle_deg", "angles_deg", "margin_mm"})) return;
  r.read(ras, "spacing_mm", s.spacing_mm, 0.2, 20, false);
  r.read(ras, "margin_mm", s.margin_mm, 0, 20, false);
  double angle = 0.0;
  if (r.read(ras, "angle_deg", angle, -180, 180, false)) s.angles_deg = {angle};
  if (const YAML::Node list = get(ras, "angles_deg"); list.IsDefined()) {
    if (!list.IsSequence() || list.size() == 0 || list.size() > max_raster_angles) {
      r.error(list, "angles_deg must be a list of 1 to " + std::to_string(max_raster_angles) + " angles");
    } else {
      s.angles_deg.assign(list.size(), 0.0);
      const std::vector<std::string_view> names(list.size(), "entry");
      r.read_numbers(ras, "angles_deg", s.angles_deg.data(), list.size(), -180, 180, names, "a list of angles",
                     false);
    }
  }
  if (has(ras, "region")) {
    s.kind = StrokeSpec::Kind::raster_region;
    s.at_mark = at_key(r, ras, "region");
    if (r.read_numbers(ras, "region", s.region, 4, 0.0, max_coordinate_mm, {"x0", "y0", "x1", "y1"},
                       "[x0, y0, x1, y1] in mm", true) &&
        (s.region[2] <= s.region[0] || s.region[3] <= s.region[1]))
      r.error(r.mark_of(ras, "region"), "region [x0, y0, x1, y1] needs x1 above x0 and y1 above y0");
    return;
  }
  s.kind = StrokeSpec::Kind::raster_mark;
  s.at_mark = at_key(r, ras, "mark");
  const YAML::Node mark = get(ras, "mark");
  if (!mark.IsDefined())
    r.error(ras, "raster needs a mark (1, 2, ... or all) or a region");
  else if (mark.IsScalar() && mark.Scalar() == "all")
    s.mark = -1;
  else
    r.read(ras, "mark", s.mark, 1, 64, true);
}

void parse_stroke(YamlReader& r, const YAML::Node& n, StrokeSpec& s) {
  s.at_stroke = at(r, n);
  if (!r.check_map(n, "a procedure stroke",
                   {"raster", "line", "stamp", "force_n", "tilt_deg", "tilt_direction_deg", "speed_mm_s", "passes",
                    "skin", "motor"}))
    return;
  const int kinds = (has(n, "raster") ? 1 : 0) + (has(n, "line") ? 1 : 0) + (has(n, "stamp") ? 1 : 0);
  if (kinds != 1) {
    r.error(n, "a stroke is exactly one of raster, line or stamp");
    return;
  }
  if (has(n, "raster")) {
    parse_raster(r, get(n, "raster"), s);
  } else if (has(n, "line")) {
    s.kind = StrokeSpec::Kind::line;
    const YAML::Node line = get(n, "line");
    if (r.check_map(line, "line", {"from", "to"})) {
      read_point(r, line, "from", s.from, s.at_point[0]);
      read_point(r, line, "to", s.to, s.at_point[1]);
    }
  } else {
    const YAML::Node stamp = get(n, "stamp");
    s.kind = StrokeSpec::Kind::stamp;
    if (r.check_map(stamp, "stamp", {"at", "duration_s"})) {
      read_point(r, stamp, "at", s.at, s.at_point[0]);
      r.read(stamp, "duration_s", s.duration_s, 0.01, 60, true);
    }
  }
  parse_style(r, n, s);
}

void parse_expect(YamlReader& r, const YAML::Node& e, ScriptExpectation& x) {
  if (!r.check_map(e, "expect", {"passed", "loses_on", "critical"})) return;
  bool passed = false;
  if (r.read(e, "passed", passed, false)) x.passed = passed;
  CriterionId c = CriterionId::depth;
  if (r.read_enum<CriterionId>(e, "loses_on", c, false, parse_criterion,
                               {"depth", "coverage", "technique", "screening", "aftercare"}))
    x.loses_on = c;
  if (r.read(e, "critical", x.critical, false) && x.critical != "treated_despite_contraindication" &&
      !parse_critical_kind(x.critical))
    r.error(r.mark_of(e, "critical"), "critical must name a critical error kind");
}

void parse_plan(YamlReader& r, const YAML::Node& p, TraineeScript& s) {
  if (!r.check_map(p, "plan", {"needle_length_mm", "cartridge", "stroke_rate_hz", "numbing", "passes", "rf_energy_mj"}))
    return;
  PlanAnswers plan;
  r.read(p, "needle_length_mm", plan.device.needle_length_mm, 0, 10, true);
  std::vector<std::string_view> names;
  for (auto k : physics::all_cartridges()) names.push_back(physics::cartridge(k).name);
  r.read_enum<physics::CartridgeKind>(p, "cartridge", plan.device.cartridge, true, physics::parse_cartridge, names);
  // Every graded choice is stated, as the GUI makes the trainee choose it.
  r.read(p, "stroke_rate_hz", plan.device.stroke_rate_hz, 0, 1000, true);
  r.read(p, "numbing", plan.numbing, true);
  r.read(p, "passes", plan.passes, 1, 10, true);
  // P6: only an RF plan states its energy; the device check below locates
  // an energy outside the generator's range or on a cartridge without RF.
  r.read(p, "rf_energy_mj", plan.device.rf_energy_mj, -1e6, 1e6, false);
  // What the device refuses (a length the cartridge cannot reach, a rate
  // outside the motor's) is refused here, before any simulation.
  for (const auto& problem : plan.device.problems()) {
    // An RF energy problem is located at the energy itself.
    const bool rf = problem.rfind("rf_energy_mj", 0) == 0 && p["rf_energy_mj"].IsDefined();
    if (rf) r.error(r.mark_of(p, "rf_energy_mj"), problem);
    else r.error(p, problem);
  }
  s.plan = plan;
}

void parse_aftercare(YamlReader& r, const YAML::Node& a, TraineeScript& s) {
  if (!r.check_map(a, "aftercare", {"instructions", "sessions", "interval_weeks", "maintenance_months"})) return;
  AftercareAnswers after;
  read_ids(r, a, "instructions", after.instructions, s.at_instructions, true);
  r.read(a, "sessions", after.sessions, 0, 50, true);
  r.read(a, "interval_weeks", after.interval_weeks, 0, 104, true);
  r.read(a, "maintenance_months", after.maintenance_months, 0, 60, true);
  s.aftercare = after;
}

}  // namespace

void parse_attempt_sections(YamlReader& r, const YAML::Node& root, TraineeScript& s) {
  const YAML::Node c = get(root, "consultation");
  if (!c.IsDefined()) {
    r.error(root, "missing required key 'consultation'");
  } else if (r.check_map(c, "consultation", {"ask", "findings", "decision", "precautions"})) {
    read_ids(r, c, "ask", s.consultation.asked, s.at_asked, false);
    // Nothing is filled in for the script: `findings: []` says "none".
    read_ids(r, c, "findings", s.consultation.findings, s.at_findings, true);
    std::vector<std::string_view> names;
    for (Decision d : all_decisions()) names.push_back(decision_name(d));
    r.read_enum<Decision>(c, "decision", s.consultation.decision, true, parse_decision, names);
    read_ids(r, c, "precautions", s.consultation.precautions, s.at_precautions,
             s.consultation.decision == Decision::proceed_with_precautions);
  }
  if (has(root, "plan")) parse_plan(r, get(root, "plan"), s);
  if (const YAML::Node proc = get(root, "procedure");
      proc.IsDefined() && r.check_sequence(proc, "procedure", max_script_strokes)) {
    for (const auto& n : proc) {
      StrokeSpec stroke;
      parse_stroke(r, n, stroke);
      s.procedure.push_back(stroke);
    }
  }
  if (has(root, "aftercare")) parse_aftercare(r, get(root, "aftercare"), s);
  if (treats_today(s.consultation.decision) && !s.plan && c.IsDefined())
    r.error(root, "the decision treats today, so the script needs a plan");
  if (treats_today(s.consultation.decision) && !has(root, "aftercare") && c.IsDefined())
    r.error(root, "the decision treats today, so the script needs aftercare (instructions and the schedule)");
}

ScriptLoad load_script_text(std::string_view text, const std::string& file) {
  ScriptLoad load;
  YamlReader r(file, load.errors);
  const std::optional<YAML::Node> document = r.parse_document(text);
  if (!document) return load;
  const YAML::Node& root = *document;
  TraineeScript s;
  s.file = file;
  try {
    if (!r.check_map(root, "a trainee script",
                     {"dermasim_script", "scenario", "trainee", "mode", "expect", "consultation", "plan",
                      "procedure", "aftercare"}))
      return load;
    int version = 0;
    r.read(root, "dermasim_script", version, 1, 1, true);
    s.at_scenario = at_key(r, root, "scenario");
    r.read(root, "scenario", s.scenario_id, true);
    r.read(root, "trainee", s.trainee, false);
    Mode mode = Mode::practice;
    if (r.read_enum<Mode>(root, "mode", mode, false, parse_mode, {"practice", "assessment"})) s.mode = mode;
    if (has(root, "expect")) parse_expect(r, get(root, "expect"), s.expect);
    parse_attempt_sections(r, root, s);
  } catch (const YAML::Exception& e) {
    // A safety net: the readers above guard every lookup, but a shape they
    // did not foresee must still end as a located message, not a crash.
    r.error(e.mark.line >= 0 ? e.mark : r.mark(root), "unexpected YAML structure: " + e.msg);
  }
  if (load.errors.empty()) load.script = std::move(s);
  return load;
}

ScriptLoad load_script_file(const std::string& path) {
  return load_text_file<ScriptLoad>(path, load_script_text);
}

std::vector<physics::PathSegment> procedure_path(const TraineeScript& t, const Scenario& s) {
  std::vector<physics::PathSegment> path;
  for (const StrokeSpec& st : t.procedure) {
    for (int pass = 0; pass < st.passes; ++pass) {
      switch (st.kind) {
        case StrokeSpec::Kind::raster_mark:
          for (std::size_t k = 0; k < s.patch.marks.size(); ++k) {
            if (st.mark > 0 && static_cast<int>(k) != st.mark - 1) continue;
            const auto& m = s.patch.marks[k];
            for (double angle : st.angles_deg)
              path.push_back(physics::PathSegment::band_raster(m.center_x_mm, m.center_y_mm, m.angle_deg,
                                                               m.length_mm + 2 * st.margin_mm,
                                                               m.width_mm + 2 * st.margin_mm, st.spacing_mm, angle,
                                                               st.style));
          }
          break;
        case StrokeSpec::Kind::raster_region:
          for (double angle : st.angles_deg)
            path.push_back(physics::PathSegment::raster(st.region[0], st.region[1], st.region[2], st.region[3],
                                                        st.spacing_mm, angle, st.style));
          break;
        case StrokeSpec::Kind::line:
          path.push_back(physics::PathSegment::line(st.from[0], st.from[1], st.to[0], st.to[1], st.style));
          break;
        case StrokeSpec::Kind::stamp:
          path.push_back(physics::PathSegment::stamp(st.at[0], st.at[1], st.duration_s, st.style));
          break;
      }
    }
  }
  return path;
}

}  // namespace dermasim::scenario
