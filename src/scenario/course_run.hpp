#pragma once
// A course case in play, one visit at a time: the GUI plays a visit, the
// trainee chooses when the patient comes back, and the skin is carried
// forward by the healing model; scripts and the key's protocol play through
// the same steps (play_course, course_attempt.cpp), so the window and
// `dermasim grade` meet the same patient on the same days.
#include <memory>
#include <optional>

#include "scenario/course_attempt.hpp"
#include "tissue/healing_model.hpp"

namespace dermasim::scenario {

class CourseRun {
 public:
  /// Starts at visit 1. Throws std::invalid_argument for a scenario without `course:`.
  explicit CourseRun(std::shared_ptr<const Scenario> s);

  const std::shared_ptr<const Scenario>& course_case() const { return base_; }
  /// The visit being played (1-based) and what the skin shows at it.
  int visit() const { return findings_.visit; }
  int max_visits() const { return base_->course->max_visits; }
  const VisitFindings& findings() const { return findings_; }
  /// The case as the trainee meets it at this visit (course_visit.hpp).
  const std::shared_ptr<const Scenario>& today() const { return today_; }
  /// The patient's skin as it is at this visit (and, once finished, at the outcome's reading).
  const tissue::HealingCourse& skin() const { return course_; }
  int treatments() const { return treatments_; }
  /// No visit left to play: the trainee ended the course or the case's visits ran out.
  bool finished() const { return finished_; }

  /// Records the visit as played with its grade (the ordinary grader's, on
  /// today()); with a return interval the healing model carries the skin to
  /// the next visit. Throws std::invalid_argument for an interval that is
  /// not finite or outside 0-104 weeks, std::logic_error once finished.
  void finish_visit(VisitAttempt attempt, Grade grade);

  /// The played course with its outcome read S3's three months after the
  /// last session. Once finished only; moves the visits out.
  PlayedCourse result();

 private:
  void open_visit(int visit);

  std::shared_ptr<const Scenario> base_;
  tissue::HealingCourse course_;
  VisitFindings findings_;
  std::shared_ptr<const Scenario> today_;
  PlayedCourse played_;
  bool pih_seen_ = false;
  bool finished_ = false;
  int treatments_ = 0;
  double last_treatment_day_ = 0.0;
};

}  // namespace dermasim::scenario
