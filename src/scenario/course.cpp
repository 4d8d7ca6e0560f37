#include "scenario/course.hpp"

#include <filesystem>

#include "scenario/text_file.hpp"
#include "scenario/yaml_reader.hpp"

namespace dermasim::scenario {

const CourseCase* Course::find(const std::string& scenario_id) const {
  for (const auto& c : cases)
    if (c.scenario_id == scenario_id) return &c;
  return nullptr;
}

std::string_view unlock_rule_name(UnlockRule r) { return r == UnlockRule::passed ? "passed" : "proficient"; }

namespace {

std::optional<UnlockRule> parse_unlock_rule(std::string_view s) {
  if (s == "passed") return UnlockRule::passed;
  if (s == "proficient") return UnlockRule::proficient;
  return std::nullopt;
}

}  // namespace

CourseLoad load_course_text(std::string_view text, const std::string& file, const std::string& scenario_dir) {
  CourseLoad load;
  YamlReader r(file, load.errors);
  const std::optional<YAML::Node> document = r.parse_document(text);
  if (!document) return load;
  const YAML::Node& root = *document;
  Course course;
  course.file = file;
  if (!r.check_map(root, "a course", {"dermasim_course", "id", "title", "unlock", "cases"})) return load;
  int version = 0;
  r.read(root, "dermasim_course", version, 1, 1, true);
  r.read(root, "id", course.id, true);
  r.read(root, "title", course.title, false);
  UnlockRule default_unlock = UnlockRule::passed;
  r.read_enum<UnlockRule>(root, "unlock", default_unlock, false, parse_unlock_rule, {"passed", "proficient"});
  const YAML::Node cases = root["cases"];
  if (!cases.IsDefined()) {
    r.error(root, "missing required key 'cases'");
  } else if (r.check_sequence(cases, "cases")) {
    if (cases.size() == 0) r.error(cases, "a course needs at least one case");
    for (const auto& n : cases) {
      if (!r.check_map(n, "a course case", {"scenario", "mode", "unlock", "after"})) continue;
      CourseCase c;
      c.line = n.Mark().line + 1;
      c.unlock = default_unlock;
      if (!r.read(n, "scenario", c.scenario_id, true)) continue;
      r.read_enum<CaseMode>(n, "mode", c.mode, true, parse_mode, {"practice", "assessment"});
      r.read_enum<UnlockRule>(n, "unlock", c.unlock, false, parse_unlock_rule, {"passed", "proficient"});
      if (course.find(c.scenario_id)) r.error(n["scenario"], "'" + c.scenario_id + "' is already in this course");
      if (!scenario_dir.empty() &&
          !std::filesystem::exists(std::filesystem::path(scenario_dir) / (c.scenario_id + ".yaml")))
        r.error(n["scenario"], "no scenario '" + c.scenario_id + "' in " + scenario_dir);
      if (n["after"].IsDefined()) {
        // Only earlier cases: the plan is an order, so it can have no cycle.
        if (r.read_strings(n, "after", c.after, false))
          for (const auto& p : c.after)
            if (!course.find(p)) r.error(n["after"], "after: '" + p + "' is not an earlier case of this course");
      } else if (!course.cases.empty()) {
        c.after = {course.cases.back().scenario_id};
      }
      course.cases.push_back(std::move(c));
    }
  }
  if (load.errors.empty()) load.course = std::move(course);
  return load;
}

CourseLoad load_course_file(const std::string& path, const std::string& scenario_dir) {
  return load_text_file<CourseLoad>(path, [&](std::string_view text, const std::string& file) {
    return load_course_text(text, file, scenario_dir);
  });
}

}  // namespace dermasim::scenario
