// Stage 1: YAML text to a Scenario, with every syntax, key, type and range
// problem reported where it is.

#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validate.hpp"
#include "scenario/stria_generator.hpp"
#include "scenario/text_file.hpp"
#include "scenario/yaml_reader.hpp"
#include "tissue/fnv1a.hpp"

namespace dermasim::scenario {
namespace {

using Names = std::vector<std::string_view>;

// A generator's region is at least this wide and high (README, stretch_marks):
// the bands it places are up to 20 mm wide and need room to spread.
constexpr double min_region_side_mm = 10.0;

template <typename T, typename F>
Names names_of(const T& items, F name) {
  Names out;
  for (const auto& i : items) out.push_back(name(i));
  return out;
}

std::function<std::optional<tissue::StriaType>(std::string_view)> stria_parser() { return tissue::parse_stria_type; }

void parse_patient(YamlReader& r, const YAML::Node& n, Patient& p) {
  if (!r.check_map(n, "patient",
                   {"name", "age_years", "sex", "fitzpatrick", "bmi_kg_m2", "pregnant", "nursing", "goals",
                    "expectations", "presentation"}))
    return;
  r.read(n, "name", p.name, true);
  r.read(n, "age_years", p.age_years, 12, 100, true);
  r.read_enum<tissue::Sex>(n, "sex", p.sex, true, tissue::parse_sex, {"female", "male", "unspecified"});
  r.read(n, "fitzpatrick", p.fitzpatrick, 1, 6, true);
  r.read(n, "bmi_kg_m2", p.bmi_kg_m2, tissue::PatientBuild::min_bmi_kg_m2, tissue::PatientBuild::max_bmi_kg_m2,
         true);
  r.read(n, "pregnant", p.pregnant, false);
  r.read(n, "nursing", p.nursing, false);
  r.read(n, "goals", p.goals, true);
  r.read(n, "expectations", p.expectations, false);
  r.read(n, "presentation", p.presentation, true);
}

void parse_site(YamlReader& r, const YAML::Node& n, tissue::PatchSpec& spec) {
  if (!r.check_map(n, "site", {"body_site", "width_mm", "height_mm"})) return;
  Names sites;
  for (auto s : tissue::all_body_sites()) sites.push_back(tissue::site_name(s));
  r.read_enum<tissue::BodySite>(n, "body_site", spec.site, true, tissue::parse_site, sites);
  r.read(n, "width_mm", spec.width_mm, tissue::PatchSpec::min_size_mm, tissue::PatchSpec::max_size_mm, false);
  r.read(n, "height_mm", spec.height_mm, tissue::PatchSpec::min_size_mm, tissue::PatchSpec::max_size_mm, false);
}

void parse_mark(YamlReader& r, const YAML::Node& n, tissue::StretchMark& m) {
  if (!r.check_map(n, "a stretch mark",
                   {"type", "x_mm", "y_mm", "angle_deg", "length_mm", "width_mm", "severity", "colour"}))
    return;
  r.read_enum<tissue::StriaType>(n, "type", m.type, true, stria_parser(), {"rubra", "alba"});
  r.read(n, "x_mm", m.center_x_mm, 0, tissue::PatchSpec::max_size_mm, true);
  r.read(n, "y_mm", m.center_y_mm, 0, tissue::PatchSpec::max_size_mm, true);
  r.read(n, "angle_deg", m.angle_deg, -180, 180, false);
  r.read(n, "length_mm", m.length_mm, tissue::StretchMark::min_length_mm, tissue::StretchMark::max_length_mm, true);
  r.read(n, "width_mm", m.width_mm, tissue::StretchMark::min_width_mm, tissue::StretchMark::max_width_mm, true);
  r.read(n, "severity", m.severity, 0, 1, true);
  double rgb[3] = {0, 0, 0};
  if (r.read_numbers(n, "colour", rgb, 3, 0.0, 1.0, {"red", "green", "blue"},
                     "[red, green, blue] with each between 0 and 1", false))
    m.colour = tissue::Rgb{rgb[0], rgb[1], rgb[2]};
}

void parse_generator(YamlReader& r, const YAML::Node& n, const tissue::PatchSpec& spec,
                     std::vector<tissue::StretchMark>& out) {
  if (!r.check_map(n, "generate",
                   {"seed", "count", "type", "severity", "length_mm", "width_mm", "angle_deg", "region"}))
    return;
  StriaGenerator g;
  int seed = 1;
  r.read(n, "seed", seed, 0, 1 << 30, true);
  g.seed = static_cast<std::uint64_t>(seed);
  r.read(n, "count", g.count, 1, 30, true);
  r.read_enum<tissue::StriaType>(n, "type", g.type, true, stria_parser(), {"rubra", "alba"});
  r.read(n, "severity", g.severity, 0, 1, true);
  r.read(n, "length_mm", g.length_mm, tissue::StretchMark::min_length_mm, tissue::StretchMark::max_length_mm, true);
  r.read(n, "width_mm", g.width_mm, tissue::StretchMark::min_width_mm, tissue::StretchMark::max_width_mm, true);
  r.read(n, "angle_deg", g.angle_deg, -180, 180, false);
  g.region_x1_mm = spec.width_mm;
  g.region_y1_mm = spec.height_mm;
  double v[4] = {0, 0, 0, 0};
  if (has(n, "region")) {
    if (!r.read_numbers(n, "region", v, 4, 0.0, tissue::PatchSpec::max_size_mm, {"x0", "y0", "x1", "y1"},
                        "[x0, y0, x1, y1] in mm", false))
      return;
    if (v[2] > spec.width_mm || v[3] > spec.height_mm || v[0] + min_region_side_mm > v[2] ||
        v[1] + min_region_side_mm > v[3]) {
      r.error(n["region"], "region must be [x0, y0, x1, y1] inside the patch, at least 10 mm each way");
      return;
    }
    g.region_x0_mm = v[0], g.region_y0_mm = v[1], g.region_x1_mm = v[2], g.region_y1_mm = v[3];
  }
  out = generate_striae(g);
}

void parse_history(YamlReader& r, const YAML::Node& list, bool medication, std::vector<HistoryItem>& out) {
  if (!r.check_sequence(list, medication ? "medications" : "history")) return;
  for (const auto& n : list) {
    HistoryItem item;
    item.medication = medication;
    if (!r.check_map(n, medication ? "a medication" : "a history item",
                     {"id", "label", "intake", "follow_up", "relevant", "fact"}))
      continue;
    r.read(n, "id", item.id, true);
    r.read(n, "label", item.label, true);
    r.read(n, "intake", item.intake, false);
    r.read(n, "relevant", item.relevant, true);
    r.read(n, "fact", item.fact, false);
    const YAML::Node f = get(n, "follow_up");
    if (f.IsDefined() && r.check_map(f, "follow_up", {"question", "answer"})) {
      r.read(f, "question", item.question, true);
      r.read(f, "answer", item.answer, true);
    }
    out.push_back(std::move(item));
  }
}

void parse_key(YamlReader& r, const YAML::Node& n, AnswerKey& k) {
  if (!r.check_map(n, "answer_key",
                   {"findings", "decision", "precautions", "needle_depth_mm", "cartridges", "target_layers",
                    "coverage", "technique", "aftercare", "sessions", "rf_energy_mj"}))
    return;
  r.read_strings(n, "findings", k.findings, true);
  r.read_enum<Decision>(n, "decision", k.decision, true, parse_decision,
                        names_of(all_decisions(), [](Decision d) { return decision_name(d); }));
  r.read_strings(n, "precautions", k.precautions, false);
  r.read(n, "needle_depth_mm", k.needle_depth_mm, 0.0, 10.0, k.decision != Decision::defer &&
                                                                 k.decision != Decision::refer);
  if (Range rf; r.read(n, "rf_energy_mj", rf, 0.0, 1e6, false)) k.rf_energy_mj = rf;  // P6
  std::vector<std::string> names;
  if (r.read_strings(n, "cartridges", names, false)) {
    k.cartridges.clear();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (auto c = physics::parse_cartridge(names[i])) {
        k.cartridges.push_back(*c);
      } else {
        const Names known = names_of(physics::all_cartridges(),
                                     [](physics::CartridgeKind kind) { return physics::cartridge(kind).name; });
        const std::string guess = did_you_mean(names[i], known);
        r.error(n["cartridges"][i], "cartridge '" + names[i] + "' is not one of " + join_names(known) +
                                        (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
      }
    }
  }
  if (r.read_strings(n, "target_layers", names, false)) {
    k.target_layers.clear();
    Names known;
    for (int i = 0; i < tissue::layer_count; ++i) known.push_back(tissue::layer_name(tissue::layer_from_index(i)));
    for (std::size_t i = 0; i < names.size(); ++i) {
      bool found = false;
      for (int l = 0; l < tissue::layer_count; ++l)
        if (known[static_cast<std::size_t>(l)] == names[i]) {
          k.target_layers.push_back(tissue::layer_from_index(l));
          found = true;
        }
      if (!found) r.error(n["target_layers"][i], "'" + names[i] + "' is not a layer: " + join_names(known));
    }
  }
  if (const YAML::Node c = n["coverage"];
      c.IsDefined() && r.check_map(c, "coverage", {"target_per_cm2", "max_per_cm2", "fraction_of_each_mark", "max_outside_fraction"})) {
    r.read(c, "target_per_cm2", k.coverage.target_per_cm2, 10, 2000, false);
    r.read(c, "max_per_cm2", k.coverage.max_per_cm2, 100, 1e6, false);
    r.read(c, "fraction_of_each_mark", k.coverage.fraction_of_each_mark, 0.05, 1, false);
    r.read(c, "max_outside_fraction", k.coverage.max_outside_fraction, 0, 1, false);
  }
  if (const YAML::Node t = n["technique"];
      t.IsDefined() && r.check_map(t, "technique", {"tilt_max_deg", "force_n", "speed_mm_s", "numbing_required"})) {
    r.read(t, "tilt_max_deg", k.technique.tilt_max_deg, 0, 45, false);
    Range force{};
    if (r.read(t, "force_n", force, 0, 20, false)) k.technique.force_n = force;
    r.read(t, "speed_mm_s", k.technique.speed_mm_s, 0, 200, false);
    r.read(t, "numbing_required", k.technique.numbing_required, false);
  }
  if (const YAML::Node a = n["aftercare"]; a.IsDefined() && r.check_map(a, "aftercare", {"required", "forbidden"})) {
    r.read_strings(a, "required", k.aftercare_required, false);
    r.read_strings(a, "forbidden", k.aftercare_forbidden, false);
  }
  if (const YAML::Node s = n["sessions"];
      s.IsDefined() && r.check_map(s, "sessions", {"count", "interval_weeks", "maintenance_months"})) {
    r.read(s, "count", k.sessions.count, 1, 20, false);
    r.read(s, "interval_weeks", k.sessions.interval_weeks, 1, 52, false);
    r.read(s, "maintenance_months", k.sessions.maintenance_months, 1, 36, false);
  }
}

void parse_rubric(YamlReader& r, const YAML::Node& n, Rubric& rubric) {
  if (!r.check_map(n, "rubric", {"weights", "thresholds", "pass_mark", "critical_errors"})) return;
  if (const YAML::Node t = n["thresholds"];
      t.IsDefined() && r.check_map(t, "thresholds", {"depth", "coverage", "technique", "screening", "aftercare"})) {
    for (int i = 0; i < criterion_count; ++i)
      r.read(t, criterion_name(static_cast<CriterionId>(i)), rubric.thresholds[static_cast<std::size_t>(i)], 0, 100,
             false);
  }
  if (const YAML::Node w = n["weights"];
      w.IsDefined() && r.check_map(w, "weights", {"depth", "coverage", "technique", "screening", "aftercare"})) {
    for (int i = 0; i < criterion_count; ++i)
      r.read(w, criterion_name(static_cast<CriterionId>(i)), rubric.weights[static_cast<std::size_t>(i)], 0, 100,
             false);
  }
  r.read(n, "pass_mark", rubric.pass_mark, 0, 100, false);
  const YAML::Node list = n["critical_errors"];
  if (!list.IsDefined() || !r.check_sequence(list, "critical_errors")) return;
  for (const auto& c : list) {
    if (!r.check_map(c, "a critical error", {"kind", "finding", "instruction", "max_fraction", "fact", "message"}))
      continue;
    CriticalRule rule;
    r.read_enum<CriticalKind>(c, "kind", rule.kind, true, parse_critical_kind,
                              {"missed_finding", "harmful_instruction", "hypodermis_punctures", "wrong_decision",
                               "missing_instruction"});
    if (rule.kind == CriticalKind::missed_finding) r.read(c, "finding", rule.target, true);
    if (rule.kind == CriticalKind::harmful_instruction || rule.kind == CriticalKind::missing_instruction)
      r.read(c, "instruction", rule.target, true);
    if (rule.kind == CriticalKind::hypodermis_punctures) r.read(c, "max_fraction", rule.max_fraction, 0, 1, true);
    // A rule that does not rest on a finding or an instruction names its fact.
    r.read(c, "fact", rule.fact, rule.kind == CriticalKind::hypodermis_punctures);
    r.read(c, "message", rule.message, true);
    rubric.critical.push_back(std::move(rule));
  }
}

void parse_feedback(YamlReader& r, const YAML::Node& n, Scenario& s) {
  if (!r.check_map(n, "feedback", feedback_ids())) return;
  for (const auto& kv : n) {
    if (!kv.second.IsScalar()) {
      r.error(kv.second, "feedback for '" + kv.first.Scalar() + "' must be text");
      continue;
    }
    s.feedback.emplace_back(kv.first.Scalar(), kv.second.Scalar());
  }
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(fnv1a(bytes)));
  return out;
}

namespace {

// Instruction ids of a concern: in the catalogue, and correct for `require`,
// harmful for `forbid` (as the answer key's aftercare lists are).
void check_concern_instructions(YamlReader& r, const YAML::Node& n, std::string_view key,
                                const std::vector<std::string>& ids, bool want_harmful) {
  const Names known = names_of(instruction_catalog(), [](const Instruction& i) { return i.id; });
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const YAML::Node at = n[std::string(key)][i];
    const Instruction* ins = find_instruction(ids[i]);
    if (!ins) {
      const std::string guess = did_you_mean(ids[i], known);
      r.error(at, std::string(key) + ": instruction '" + ids[i] + "' is not in the catalogue" +
                      (guess.empty() ? " (see the README's list)" : " (did you mean '" + guess + "'?)"));
    } else if (ins->harmful != want_harmful) {
      r.error(at, std::string(key) + ": '" + ids[i] + "' is " + (ins->harmful ? "a harmful" : "a correct") +
                      " instruction; a concern cannot " + std::string(key) + " it");
    }
  }
}

// `concerns:` (course_concern.hpp): what the patient raises at a return visit.
void parse_concerns(YamlReader& r, const YAML::Node& list, const Scenario& s, CourseSpec& c) {
  if (!r.check_sequence(list, "concerns", CourseSpec::most_visits)) return;
  for (const auto& n : list) {
    if (!r.check_map(n, "a concern",
                     {"id", "label", "at_visit", "while_improvement_below_percent", "intake", "question", "answer",
                      "fact", "require", "forbid"}))
      continue;
    CourseConcern k;
    if (r.read(n, "id", k.id, true)) {
      if (s.find_item(k.id)) r.error(n["id"], "concern id '" + k.id + "' is already a history item");
      for (const auto& other : c.concerns)
        if (other.id == k.id) r.error(n["id"], "concern id '" + k.id + "' is used twice");
    }
    r.read(n, "label", k.label, true);
    // A concern comes at a return visit: the first visit is the case itself.
    r.read(n, "at_visit", k.at_visit, 2, c.max_visits, true);
    if (r.read(n, "while_improvement_below_percent", k.while_improvement_below_percent, 0, 100, true) &&
        k.while_improvement_below_percent <= 0.0)
      r.error(n["while_improvement_below_percent"],
              "while_improvement_below_percent must be above 0: improvement is never below 0%, so the concern would never appear");
    r.read(n, "intake", k.intake, true);
    r.read(n, "question", k.question, true);
    r.read(n, "answer", k.answer, true);
    if (r.read(n, "fact", k.fact, true) && !is_clinical_fact(k.fact))
      r.error(n["fact"], "fact '" + k.fact + "' is not a fact id of docs/SOURCES.md");
    if (r.read_strings(n, "require", k.require, true)) check_concern_instructions(r, n, "require", k.require, false);
    // A concern nothing answers could only be graded by its forbidden lines.
    if (has(n, "require") && k.require.empty())
      r.error(n["require"], "a concern needs at least one instruction that answers it");
    if (r.read_strings(n, "forbid", k.forbid, false)) check_concern_instructions(r, n, "forbid", k.forbid, true);
    c.concerns.push_back(std::move(k));
  }
}

void parse_course(YamlReader& r, const YAML::Node& n, Scenario& s) {
  if (!r.check_map(n, "course", {"max_visits", "seed", "home", "concerns"})) return;
  CourseSpec c;
  r.read(n, "max_visits", c.max_visits, 2, CourseSpec::most_visits, true);
  int seed = 1;
  if (r.read(n, "seed", seed, 0, 1'000'000'000, false)) c.seed = static_cast<std::uint64_t>(seed);
  if (const YAML::Node home = get(n, "home"); home.IsDefined() && r.check_sequence(home, "home", CourseSpec::most_visits)) {
    for (const auto& h : home) {
      if (!r.check_map(h, "a home lapse", {"after_visit", "sun_exposure", "picking", "home_roller"})) continue;
      HomeLapse lapse;
      r.read(h, "after_visit", lapse.after_visit, 1, c.max_visits, true);
      r.read(h, "sun_exposure", lapse.sun_exposure, false);
      r.read(h, "picking", lapse.picking, false);
      r.read(h, "home_roller", lapse.home_roller, false);
      c.home.push_back(lapse);
    }
  }
  if (const YAML::Node concerns = get(n, "concerns"); concerns.IsDefined()) parse_concerns(r, concerns, s, c);
  s.course = c;
}

}  // namespace

ScenarioLoad load_scenario_text(std::string_view text, const std::string& file) {
  ScenarioLoad load;
  YamlReader r(file, load.errors);
  const std::optional<YAML::Node> document = r.parse_document(text);
  if (!document) return load;
  const YAML::Node& root = *document;
  Scenario s;
  s.file = file;
  s.source_hash = content_hash(text);
  try {
    if (!r.check_map(root, "a scenario file",
                     {"dermasim_scenario", "id", "title", "summary", "patient", "site", "stretch_marks", "history",
                      "medications", "answer_key", "rubric", "feedback", "mode", "course"}))
      return load;
    int version = 0;
    if (r.read(root, "dermasim_scenario", version, 1, 1, true) && version != 1)
      r.error(root, "unsupported scenario format version");
    r.read(root, "id", s.id, true);
    r.read(root, "title", s.title, true);
    r.read(root, "summary", s.summary, false);
    r.read_enum<Mode>(root, "mode", s.mode, false, parse_mode, {"practice", "assessment"});
    if (root["patient"].IsDefined()) parse_patient(r, root["patient"], s.patient);
    else r.error(root, "missing required key 'patient'");
    if (root["site"].IsDefined()) parse_site(r, root["site"], s.patch);
    else r.error(root, "missing required key 'site'");
    s.patch.patient = {s.patient.sex, s.patient.bmi_kg_m2};

    const YAML::Node marks = root["stretch_marks"];
    if (!marks.IsDefined()) {
      r.error(root, "missing required key 'stretch_marks'");
    } else if (marks.IsMap()) {
      if (!has(marks, "generate"))
        r.error(marks, "stretch_marks must be a list of marks or {generate: {...}}");
      else if (r.check_map(marks, "stretch_marks", {"generate"}))
        parse_generator(r, marks["generate"], s.patch, s.patch.marks);
    } else if (r.check_sequence(marks, "stretch_marks")) {
      for (const auto& m : marks) {
        tissue::StretchMark mark;
        parse_mark(r, m, mark);
        s.patch.marks.push_back(mark);
      }
    }
    if (root["history"].IsDefined()) parse_history(r, root["history"], false, s.history);
    if (root["medications"].IsDefined()) parse_history(r, root["medications"], true, s.history);
    if (root["answer_key"].IsDefined()) parse_key(r, root["answer_key"], s.key);
    else r.error(root, "missing required key 'answer_key'");
    if (root["rubric"].IsDefined()) parse_rubric(r, root["rubric"], s.rubric);
    if (root["feedback"].IsDefined()) parse_feedback(r, root["feedback"], s);
    if (root["course"].IsDefined()) parse_course(r, root["course"], s);

    // Stage 2 runs even after stage-1 errors, so one `check` lists every
    // problem: a field that failed to parse keeps its valid default.
    validate_scenario(s, root, r);
  } catch (const YAML::Exception& e) {
    // A safety net: every lookup above is guarded, but a shape no reader
    // foresaw must still end as a located message, never std::terminate.
    r.error(e.mark.line >= 0 ? e.mark : r.mark(root), "unexpected YAML structure: " + e.msg);
  }
  if (!load.errors.empty()) return load;
  try {
    s.skin = std::make_shared<const tissue::SkinPatch>(s.patch);  // compiled once, shared by every simulator
  } catch (const std::invalid_argument& e) {
    r.error(r.mark(root), e.what());  // the validator checks the patch; this is only a backstop
    return load;
  }
  load.scenario = std::move(s);
  return load;
}

ScenarioLoad load_scenario_file(const std::string& path) {
  return load_text_file<ScenarioLoad>(path, load_scenario_text);
}

}  // namespace dermasim::scenario
