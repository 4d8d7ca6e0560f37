#include "scenario/course_run.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "scenario/treatment_outcome.hpp"

namespace dermasim::scenario {
namespace {

const CourseSpec& spec_of(const std::shared_ptr<const Scenario>& s) {
  if (!s || !s->course) throw std::invalid_argument((s ? s->file : std::string("a case")) + ": not a course case (it has no course:)");
  return *s->course;
}

std::shared_ptr<const tissue::SkinPatch> patch_of(const Scenario& s) {
  return s.skin ? s.skin : std::make_shared<const tissue::SkinPatch>(s.patch);
}

// What the patient did at home after `visit` (the case's lapses) on top of
// the care the trainee's aftercare gave.
tissue::CareGiven with_lapses(tissue::CareGiven care, const CourseSpec& c, int visit) {
  for (const HomeLapse& h : c.home) {
    if (h.after_visit != visit) continue;
    if (h.sun_exposure) care.sun_protection = false;  // A1, A2 not kept
    if (h.picking) care.picking_allowed = true;       // A5 not kept
    if (h.home_roller) care.home_tools = true;        // H2: rolls daily at home until seen again
  }
  return care;
}

CourseOutcome read_outcome(const tissue::HealingCourse& course, int treatments) {
  CourseOutcome o;
  o.day = course.day();
  o.treatments = treatments;
  const auto state = course.state();
  for (const auto& m : state.marks) o.improvement_percent += m.improvement_percent;
  if (!state.marks.empty()) o.improvement_percent /= static_cast<double>(state.marks.size());
  for (const auto& c : course.complications()) {
    if (!c.occurred) continue;
    if (c.kind == "pih") ++o.pih;
    else if (c.kind == "infection") ++o.infection;
    else if (c.kind == "tram_track") ++o.tram_track;
    else if (c.kind == "rf_burn") ++o.rf_burn;
  }
  return o;
}

}  // namespace

CourseRun::CourseRun(std::shared_ptr<const Scenario> s)
    : base_(std::move(s)), course_(patch_of(*base_), patient_profile(*base_), spec_of(base_).seed) {
  open_visit(1);
}

void CourseRun::open_visit(int visit) {
  findings_ = read_visit(course_, visit, pih_seen_);
  course_.stop_home_rolling();  // seen at the clinic: the rolling since the last visit ends (H2)
  if (findings_.pigment_mean >= pih_visible_level) pih_seen_ = true;
  today_ = visit_scenario(base_, findings_);
}

void CourseRun::finish_visit(VisitAttempt attempt, Grade grade) {
  if (finished_) throw std::logic_error("the course has ended: no visit is open");
  const CourseSpec& spec = *base_->course;
  const int visit = findings_.visit;
  const Answers& a = attempt.answers;
  if (a.consultation && treats_today(a.consultation->decision) && a.plan) {
    TreatedSession t = treated_session(*today_, a, attempt.commands);
    t.session.care = with_lapses(t.session.care, spec, visit);
    course_.apply_session(t.session);
    ++treatments_;
    last_treatment_day_ = course_.day();
  }
  const std::optional<double> back = attempt.return_in_weeks;
  if (back && (!std::isfinite(*back) || *back < 0.0 || *back > CourseSpec::most_return_weeks))
    throw std::invalid_argument("a return after " + std::to_string(*back) + " weeks is outside 0-104 weeks");
  played_.visits.push_back({findings_, today_, std::move(attempt), std::move(grade)});
  if (!back) {
    finished_ = true;
    return;
  }
  course_.advance_days(7.0 * *back);
  if (visit >= spec.max_visits) {
    finished_ = true;  // the case's visits ran out: the return is noted, never played
    return;
  }
  open_visit(visit + 1);
}

PlayedCourse CourseRun::result() {
  if (!finished_) throw std::logic_error("the course is still in progress at visit " + std::to_string(findings_.visit));
  // S3: the result is read about three months after the last session.
  if (treatments_ > 0) {
    const double at = last_treatment_day_ + outcome_after_last_session_days;
    if (course_.day() < at) course_.advance_days(at - course_.day());
  }
  PlayedCourse out = std::move(played_);
  played_ = {};
  out.outcome = read_outcome(course_, treatments_);
  return out;
}

}  // namespace dermasim::scenario
