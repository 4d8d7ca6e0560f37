#pragma once
// A course case on screen (issue 14): which visit of how many, the skin as the
// patient brings it back, the trainee's choice of when she returns, and the
// course's grade at the end. Plain data; app/course_play.cpp fills it.
#include <optional>
#include <string>

#include "scenario/course_attempt.hpp"
#include "scene/outcome_image.hpp"

namespace dermasim::ui {

/// What the examination shows at a return visit: the patch from above and
/// the cutaway across a mark, as the healing model left them (never a
/// verdict: the decision is the trainee's).
struct SkinToday {
  scene::Pixels top;
  scene::Pixels cutaway;
  double erythema_percent = 0.0;
  double pigment_percent = 0.0;
  double improvement_percent = 0.0;  // the marks' mean so far
};

struct CourseView {
  bool active = false;  // the open case spans visits
  int visit = 1;        // 1-based
  int max_visits = 1;
  double day = 0.0;     // of the course, at this visit
  int treatments = 0;   // sessions given so far
  std::optional<SkinToday> skin;  // from visit 2 on

  // The end of a visit: nothing is chosen for the trainee.
  std::optional<bool> come_back;      // true: she returns; false: the course ends here
  std::optional<int> return_weeks;    // with come_back
  static constexpr int most_return_weeks_offered = 52;  // a maintenance visit a year on (S2)
  bool visit_graded = false;          // the visit's own grade is ready (shown only at the end)

  // The end of the course.
  bool finished = false;
  std::optional<scenario::CourseGrade> grade;
  std::string status;    // what happened to the recording and the records
};

}  // namespace dermasim::ui
