#include "scenario/script.hpp"


#include "scenario/text_file.hpp"
#include "scenario/yaml_reader.hpp"

namespace dermasim::scenario {
namespace {

bool read_point(YamlReader& r, const YAML::Node& map, const char* key, double (&out)[2]) {
  const YAML::Node n = map[key];
  if (!n.IsDefined()) {
    r.error(map, std::string("missing required key '") + key + "'");
    return false;
  }
  if (!n.IsSequence() || n.size() != 2 || !YAML::convert<double>::decode(n[0], out[0]) ||
      !YAML::convert<double>::decode(n[1], out[1])) {
    r.error(n, std::string(key) + " must be a point [x_mm, y_mm]");
    return false;
  }
  return true;
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
      r.error(n["skin"], "skin must be taut or lax");
  }
}

void parse_stroke(YamlReader& r, const YAML::Node& n, StrokeSpec& s) {
  if (!r.check_map(n, "a procedure stroke",
                   {"raster", "line", "stamp", "force_n", "tilt_deg", "tilt_direction_deg", "speed_mm_s", "passes",
                    "skin", "motor"}))
    return;
  const int kinds = (n["raster"].IsDefined() ? 1 : 0) + (n["line"].IsDefined() ? 1 : 0) + (n["stamp"].IsDefined() ? 1 : 0);
  if (kinds != 1) {
    r.error(n, "a stroke is exactly one of raster, line or stamp");
    return;
  }
  if (const YAML::Node ras = n["raster"]; ras.IsDefined()) {
    if (!r.check_map(ras, "raster", {"mark", "region", "spacing_mm", "angle_deg", "angles_deg", "margin_mm"})) return;
    r.read(ras, "spacing_mm", s.spacing_mm, 0.2, 20, false);
    r.read(ras, "margin_mm", s.margin_mm, 0, 20, false);
    double angle = 0.0;
    if (r.read(ras, "angle_deg", angle, -180, 180, false)) s.angles_deg = {angle};
    if (ras["angles_deg"].IsDefined()) {
      s.angles_deg.clear();
      for (const auto& a : ras["angles_deg"]) {
        double v = 0;
        if (YAML::convert<double>::decode(a, v)) s.angles_deg.push_back(v);
        else r.error(a, "angles_deg entries must be numbers");
      }
    }
    if (ras["region"].IsDefined()) {
      s.kind = StrokeSpec::Kind::raster_region;
      const YAML::Node reg = ras["region"];
      bool ok = reg.IsSequence() && reg.size() == 4;
      for (std::size_t i = 0; ok && i < 4; ++i) ok = YAML::convert<double>::decode(reg[i], s.region[i]);
      if (!ok) r.error(reg, "region must be [x0, y0, x1, y1] in mm");
    } else {
      s.kind = StrokeSpec::Kind::raster_mark;
      const YAML::Node mark = ras["mark"];
      if (!mark.IsDefined()) r.error(ras, "raster needs a mark (1, 2, ... or all) or a region");
      else if (mark.IsScalar() && mark.Scalar() == "all") s.mark = -1;
      else r.read(ras, "mark", s.mark, 1, 64, true);
    }
  } else if (const YAML::Node line = n["line"]; line.IsDefined()) {
    s.kind = StrokeSpec::Kind::line;
    if (r.check_map(line, "line", {"from", "to"})) {
      read_point(r, line, "from", s.from);
      read_point(r, line, "to", s.to);
    }
  } else {
    const YAML::Node stamp = n["stamp"];
    s.kind = StrokeSpec::Kind::stamp;
    if (r.check_map(stamp, "stamp", {"at", "duration_s"})) {
      read_point(r, stamp, "at", s.at);
      r.read(stamp, "duration_s", s.duration_s, 0.01, 60, true);
    }
  }
  parse_style(r, n, s);
}

}  // namespace

ScriptLoad load_script_text(std::string_view text, const std::string& file) {
  ScriptLoad load;
  YamlReader r(file, load.errors);
  const std::optional<YAML::Node> document = r.parse_document(text);
  if (!document) return load;
  const YAML::Node& root = *document;
  TraineeScript s;
  s.file = file;
  if (!r.check_map(root, "a trainee script",
                   {"dermasim_script", "scenario", "trainee", "mode", "expect", "consultation", "plan", "procedure",
                    "aftercare"}))
    return load;
  int version = 0;
  r.read(root, "dermasim_script", version, 1, 1, true);
  r.read(root, "scenario", s.scenario_id, true);
  r.read(root, "trainee", s.trainee, false);
  Mode mode = Mode::practice;
  if (r.read_enum<Mode>(root, "mode", mode, false, parse_mode, {"practice", "assessment"})) s.mode = mode;

  if (const YAML::Node e = root["expect"]; e.IsDefined() && r.check_map(e, "expect", {"passed", "loses_on", "critical"})) {
    bool passed = false;
    if (r.read(e, "passed", passed, false)) s.expect.passed = passed;
    CriterionId c = CriterionId::depth;
    if (r.read_enum<CriterionId>(e, "loses_on", c, false, parse_criterion,
                                 {"depth", "coverage", "technique", "screening", "aftercare"}))
      s.expect.loses_on = c;
    if (r.read(e, "critical", s.expect.critical, false) &&
        s.expect.critical != "treated_despite_contraindication" && !parse_critical_kind(s.expect.critical))
      r.error(e["critical"], "critical must name a critical error kind");
  }
  const YAML::Node c = root["consultation"];
  if (!c.IsDefined()) {
    r.error(root, "missing required key 'consultation'");
  } else if (r.check_map(c, "consultation", {"ask", "findings", "decision", "precautions"})) {
    // Every graded choice is stated, as the GUI makes the trainee choose it:
    // nothing is filled in for the script (`findings: []` says "none").
    r.read_strings(c, "ask", s.consultation.asked, false);
    r.read_strings(c, "findings", s.consultation.findings, true);
    std::vector<std::string_view> names;
    for (Decision d : all_decisions()) names.push_back(decision_name(d));
    r.read_enum<Decision>(c, "decision", s.consultation.decision, true, parse_decision, names);
    r.read_strings(c, "precautions", s.consultation.precautions,
                   c["decision"].IsDefined() && c["decision"].IsScalar() &&
                       c["decision"].Scalar() == decision_name(Decision::proceed_with_precautions));
  }
  if (const YAML::Node p = root["plan"]; p.IsDefined()) {
    if (r.check_map(p, "plan", {"needle_length_mm", "cartridge", "stroke_rate_hz", "numbing", "passes"})) {
      PlanAnswers plan;
      r.read(p, "needle_length_mm", plan.device.needle_length_mm, 0, 10, true);
      std::vector<std::string_view> names;
      for (auto k : physics::all_cartridges()) names.push_back(physics::cartridge(k).name);
      r.read_enum<physics::CartridgeKind>(p, "cartridge", plan.device.cartridge, true, physics::parse_cartridge, names);
      r.read(p, "stroke_rate_hz", plan.device.stroke_rate_hz, 0, 1000, true);
      r.read(p, "numbing", plan.numbing, true);
      r.read(p, "passes", plan.passes, 1, 10, true);
      for (const auto& problem : plan.device.problems()) r.error(p, problem);
      s.plan = plan;
    }
  }
  if (const YAML::Node proc = root["procedure"]; proc.IsDefined() && r.check_sequence(proc, "procedure")) {
    for (const auto& n : proc) {
      StrokeSpec stroke;
      parse_stroke(r, n, stroke);
      s.procedure.push_back(stroke);
    }
  }
  if (const YAML::Node a = root["aftercare"]; a.IsDefined()) {
    if (r.check_map(a, "aftercare", {"instructions", "sessions", "interval_weeks", "maintenance_months"})) {
      AftercareAnswers after;
      r.read_strings(a, "instructions", after.instructions, true);
      r.read(a, "sessions", after.sessions, 0, 50, true);
      r.read(a, "interval_weeks", after.interval_weeks, 0, 104, true);
      r.read(a, "maintenance_months", after.maintenance_months, 0, 60, true);
      s.aftercare = after;
    }
  }
  if (treats_today(s.consultation.decision) && !s.plan && root["consultation"].IsDefined())
    r.error(root, "the decision treats today, so the script needs a plan");
  if (treats_today(s.consultation.decision) && !root["aftercare"].IsDefined() && root["consultation"].IsDefined())
    r.error(root, "the decision treats today, so the script needs aftercare (instructions and the schedule)");
  if (load.errors.empty()) load.script = std::move(s);
  return load;
}

ScriptLoad load_script_file(const std::string& path) {
  return load_text_file<ScriptLoad>(path, load_script_text);
}

Diagnostics check_script_against(const TraineeScript& t, const Scenario& s) {
  Diagnostics out;
  auto problem = [&](const std::string& m) { out.push_back({t.file, 0, 0, m}); };
  if (t.scenario_id != s.id) problem("the script is for scenario '" + t.scenario_id + "', not '" + s.id + "'");
  for (const auto& id : t.consultation.asked) {
    const HistoryItem* item = s.find_item(id);
    if (!item) problem("ask: the scenario has no item '" + id + "'");
    else if (item->question.empty()) problem("ask: '" + id + "' has no follow-up question");
  }
  for (const auto& id : t.consultation.findings)
    if (!s.find_item(id)) problem("findings: the scenario has no item '" + id + "'");
  for (const auto& p : t.consultation.precautions)
    if (!find_precaution(p)) problem("precautions: '" + p + "' is not in the catalogue");
  if (t.aftercare)
    for (const auto& i : t.aftercare->instructions)
      if (!find_instruction(i)) problem("aftercare: '" + i + "' is not in the catalogue");
  for (const auto& st : t.procedure)
    if (st.kind == StrokeSpec::Kind::raster_mark && st.mark > static_cast<int>(s.patch.marks.size()))
      problem("procedure: mark " + std::to_string(st.mark) + " does not exist (the case has " +
              std::to_string(s.patch.marks.size()) + ")");
  return out;
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
