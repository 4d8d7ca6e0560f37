#pragma once
// Course plans (issue 15): courses/*.yaml list a course's cases in order, the
// mode each is taken in, and what unlocks it. Loaded with located errors like
// scenarios; `dermasim check` validates them.
#include <optional>
#include <string>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/mode.hpp"

namespace dermasim::scenario {

using CaseMode = Mode;  // scenario/mode.hpp: practice or assessment
enum class UnlockRule { passed, proficient };  // what the prerequisites must have reached

struct CourseCase {
  std::string scenario_id;
  CaseMode mode = CaseMode::practice;
  UnlockRule unlock = UnlockRule::passed;
  /// Cases that must reach `unlock` first; by default the previous case.
  std::vector<std::string> after;
  int line = 0;  // where it is in the file, for messages
};

struct Course {
  std::string file;
  std::string id;
  std::string title;
  std::vector<CourseCase> cases;  // in order
  const CourseCase* find(const std::string& scenario_id) const;
};

struct CourseLoad {
  std::optional<Course> course;
  Diagnostics errors;
};

/// `scenario_dir`: where <id>.yaml must exist for each case (empty: not checked).
CourseLoad load_course_text(std::string_view text, const std::string& file, const std::string& scenario_dir = {});
CourseLoad load_course_file(const std::string& path, const std::string& scenario_dir = {});

std::string_view unlock_rule_name(UnlockRule r);

}  // namespace dermasim::scenario
