#pragma once
// A scripted trainee through a course case (issue 14): one attempt per visit
// (the same sections as a single script) and when the patient is to come
// back. Read from scenarios/scripts/<case>/<attempt>.yaml with
// `dermasim_course_script: 1`.
#include <optional>
#include <string>
#include <vector>

#include "scenario/script.hpp"

namespace dermasim::scenario {

/// The course-level criteria; their ids in the grade JSON.
inline constexpr std::string_view course_criterion_series = "series";
inline constexpr std::string_view course_criterion_outcome = "outcome";

struct CourseVisitScript {
  TraineeScript attempt;                  // consultation, plan, procedure, aftercare of this visit
  std::optional<double> return_in_weeks;  // empty: the course ends after this visit
  SourceAt at_visit;
};

/// What the script's author expects of the course grade (tests hold every
/// shipped course script to it).
struct CourseExpectation {
  std::optional<bool> passed;
  std::string loses_on;  // a course criterion (series, outcome) or a visit's (depth, ...)
  std::string critical;  // a critical error kind raised at some visit
};

struct CourseScript {
  std::string file;
  std::string scenario_id;
  std::string trainee;
  CourseExpectation expect;
  std::vector<CourseVisitScript> visits;
  SourceAt at_scenario;
};

struct CourseScriptLoad {
  std::optional<CourseScript> script;
  Diagnostics errors;
};

/// Whether the text is a course script (its first key is dermasim_course_script).
bool is_course_script_text(std::string_view text);
CourseScriptLoad load_course_script_text(std::string_view text, const std::string& file);
CourseScriptLoad load_course_script_file(const std::string& path);

/// Checks every visit against the case, as check_script_against does for one
/// attempt; ids that only appear at a return visit (course_visit.hpp) are known.
Diagnostics check_course_script_against(const CourseScript& script, const Scenario& s);

}  // namespace dermasim::scenario
