#pragma once
// A course case played visit after visit (issue 14). Between visits the
// healing model carries the skin forward by the interval the trainee chose,
// with what the patient did at home; at each return visit the case is what
// the skin shows (course_visit.hpp). The course ends with the outcome about
// three months after the last session (S3), compared with what the key's
// own protocol achieves on the same patient and seed.
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "scenario/course_script.hpp"
#include "scenario/course_visit.hpp"
#include "scenario/grading.hpp"

namespace dermasim::scenario {

/// One visit as played: the answers, the pen commands and when to return.
struct VisitAttempt {
  Answers answers;
  std::vector<physics::PenCommand> commands;
  std::uint64_t final_state_hash = 0;
  std::optional<double> return_in_weeks;  // empty: the course ends
};

/// Plays a visit of the case as it stands that day.
using VisitPlayer = std::function<VisitAttempt(int visit, const std::shared_ptr<const Scenario>& today)>;

struct PlayedVisit {
  VisitFindings findings;
  std::shared_ptr<const Scenario> scenario;  // the case that day
  VisitAttempt attempt;
  Grade grade;
};

struct CourseOutcome {
  double day = 0.0;                  // of the reading: S3 after the last session
  double improvement_percent = 0.0;  // mean over the marks
  int treatments = 0;
  int pih = 0, infection = 0, tram_track = 0, rf_burn = 0;  // complications that occurred
};

struct PlayedCourse {
  std::vector<PlayedVisit> visits;
  CourseOutcome outcome;
};

/// Days after the last session at which the course's outcome is read (S3:
/// full results about 3 months after the series).
inline constexpr double outcome_after_last_session_days = 84.0;

/// Plays visits until the player gives no return or the case's visits run
/// out. Throws std::invalid_argument for a scenario without `course:` and
/// for a return interval that is not finite or outside 0-104 weeks.
PlayedCourse play_course(const std::shared_ptr<const Scenario>& s, const VisitPlayer& player);

/// The key's protocol on the same patient: the reference attempt at each
/// visit (course_visit's key for the day), the key's middle interval, until
/// the key's least series count of treatments (S1) is done.
PlayedCourse play_key_protocol(const std::shared_ptr<const Scenario>& s);

/// A scripted trainee's visits.
PlayedCourse play_course_script(const std::shared_ptr<const Scenario>& s, const CourseScript& script);

struct CourseCriterion {
  std::string id;
  double score = 0.0, weight = 0.0, threshold = 0.0;
  std::vector<std::pair<std::string, double>> evidence;
  std::vector<std::string> feedback;
};

struct CourseGrade {
  std::string scenario_id, scenario_title;
  std::vector<PlayedVisit> visits;   // each with its own grade
  std::vector<CourseCriterion> criteria;  // series, outcome
  CourseOutcome outcome, key_outcome;
  double total = 0.0, pass_mark = 0.0;
  bool passed = false;
  std::vector<std::string> why_not;  // what kept it from passing
};

/// Grades a played course against the key's protocol on the same patient.
CourseGrade grade_course(const std::shared_ptr<const Scenario>& s, const PlayedCourse& played);

std::string course_grade_json(const CourseGrade& g);
std::string course_grade_text(const CourseGrade& g);

}  // namespace dermasim::scenario
