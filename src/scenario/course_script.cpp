// Reading a course script: each visit is read with the single script's own
// section readers (script_sections.hpp), so every field is bounded and
// located the same way.
#include "scenario/course_script.hpp"

#include "scenario/course_visit.hpp"
#include "scenario/script_sections.hpp"
#include "scenario/text_file.hpp"
#include "scenario/yaml_reader.hpp"

namespace dermasim::scenario {
namespace {

SourceAt at(const YamlReader& r, const YAML::Node& n) {
  const YAML::Mark m = r.mark(n);
  return {m.line >= 0 ? m.line + 1 : 0, m.line >= 0 ? m.column + 1 : 0};
}

void parse_expect(YamlReader& r, const YAML::Node& e, CourseExpectation& x) {
  if (!r.check_map(e, "expect", {"passed", "loses_on", "critical"})) return;
  bool passed = false;
  if (r.read(e, "passed", passed, false)) x.passed = passed;
  if (r.read(e, "loses_on", x.loses_on, false) && x.loses_on != course_criterion_series && x.loses_on != course_criterion_outcome && !parse_criterion(x.loses_on))
    r.error(r.mark_of(e, "loses_on"), "loses_on must name a criterion: series, outcome, depth, coverage, technique, "
                                      "screening or aftercare");
  if (r.read(e, "critical", x.critical, false) && x.critical != "treated_despite_contraindication" &&
      !parse_critical_kind(x.critical))
    r.error(r.mark_of(e, "critical"), "critical must name a critical error kind");
}

}  // namespace

bool is_course_script_text(std::string_view text) {
  // On a line of its own, as `check` tells scripts and course plans apart.
  constexpr std::string_view key = "dermasim_course_script:";
  for (std::size_t at = 0; at < text.size();) {
    if (text.compare(at, key.size(), key) == 0) return true;
    const std::size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) break;
    at = eol + 1;
  }
  return false;
}

CourseScriptLoad load_course_script_text(std::string_view text, const std::string& file) {
  CourseScriptLoad load;
  YamlReader r(file, load.errors);
  const std::optional<YAML::Node> document = r.parse_document(text);
  if (!document) return load;
  const YAML::Node& root = *document;
  CourseScript s;
  s.file = file;
  try {
    if (!r.check_map(root, "a course script", {"dermasim_course_script", "scenario", "trainee", "expect", "visits"}))
      return load;
    int version = 0;
    r.read(root, "dermasim_course_script", version, 1, 1, true);
    s.at_scenario = at(r, get(root, "scenario"));
    r.read(root, "scenario", s.scenario_id, true);
    r.read(root, "trainee", s.trainee, false);
    if (has(root, "expect")) parse_expect(r, get(root, "expect"), s.expect);
    const YAML::Node visits = get(root, "visits");
    if (!visits.IsDefined()) {
      r.error(root, "missing required key 'visits'");
    } else if (r.check_sequence(visits, "visits", CourseSpec::most_visits)) {
      if (visits.size() == 0) r.error(visits, "visits must list at least one visit");
      for (std::size_t i = 0; i < visits.size(); ++i) {
        const YAML::Node v = visits[i];
        CourseVisitScript visit;
        visit.at_visit = at(r, v);
        if (!r.check_map(v, "a visit", {"consultation", "plan", "procedure", "aftercare", "return_in_weeks"})) continue;
        visit.attempt.file = file + " (visit " + std::to_string(i + 1) + ")";
        visit.attempt.scenario_id = s.scenario_id;
        visit.attempt.trainee = s.trainee;
        visit.attempt.at_scenario = s.at_scenario;
        parse_attempt_sections(r, v, visit.attempt);
        double weeks = 0.0;
        if (r.read(v, "return_in_weeks", weeks, 0.0, CourseSpec::most_return_weeks, false)) visit.return_in_weeks = weeks;
        const bool last = i + 1 == visits.size();
        if (last && visit.return_in_weeks)
          r.error(r.mark_of(v, "return_in_weeks"), "the last visit ends the course: it has no return_in_weeks");
        if (!last && !has(v, "return_in_weeks"))
          r.error(v, "every visit but the last says when the patient comes back (return_in_weeks)");
        s.visits.push_back(std::move(visit));
      }
    }
  } catch (const YAML::Exception& e) {
    r.error(e.mark.line >= 0 ? e.mark : r.mark(root), "unexpected YAML structure: " + e.msg);
  }
  if (load.errors.empty()) load.script = std::move(s);
  return load;
}

CourseScriptLoad load_course_script_file(const std::string& path) {
  return load_text_file<CourseScriptLoad>(path, load_course_script_text);
}

Diagnostics check_course_script_against(const CourseScript& script, const Scenario& s) {
  Diagnostics out;
  if (!s.course) {
    out.push_back({script.file, script.at_scenario.line, script.at_scenario.column,
                   "scenario '" + s.id + "' is not a course case (it has no course:)"});
    return out;
  }
  if (static_cast<int>(script.visits.size()) > s.course->max_visits)
    out.push_back({script.file, script.visits.back().at_visit.line, script.visits.back().at_visit.column,
                   "the script has " + std::to_string(script.visits.size()) + " visits; the case spans at most " +
                       std::to_string(s.course->max_visits)});
  // A return visit may show any of the findings a visit can add.
  // The last visit with no improvement yet raises every concern the case has.
  VisitFindings every;
  every.visit = s.course->max_visits;
  every.infection = every.pih_new = every.pih_earlier = true;
  every.improvement_percent = -1.0;
  const auto base = std::make_shared<const Scenario>(s);
  const auto later = visit_scenario(base, every);
  for (std::size_t i = 0; i < script.visits.size(); ++i) {
    const Diagnostics d = check_script_against(script.visits[i].attempt, i == 0 ? s : *later);
    out.insert(out.end(), d.begin(), d.end());
  }
  return out;
}

}  // namespace dermasim::scenario
