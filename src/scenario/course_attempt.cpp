#include "scenario/course_attempt.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "scenario/reference_attempt.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario/treatment_outcome.hpp"

namespace dermasim::scenario {
namespace {

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
  }
  return o;
}

double middle(const Range& r) { return 0.5 * (r.lo + r.hi); }

}  // namespace

PlayedCourse play_course(const std::shared_ptr<const Scenario>& s, const VisitPlayer& player) {
  if (!s->course) throw std::invalid_argument(s->file + ": not a course case (it has no course:)");
  const CourseSpec& spec = *s->course;
  tissue::HealingCourse course(s->skin ? s->skin : std::make_shared<const tissue::SkinPatch>(s->patch),
                               patient_profile(*s), spec.seed);
  PlayedCourse out;
  bool pih_seen = false;
  int treatments = 0;
  double last_treatment_day = 0.0;
  for (int visit = 1; visit <= spec.max_visits; ++visit) {
    PlayedVisit pv;
    pv.findings = read_visit(course, visit, pih_seen);
    course.stop_home_rolling();  // seen at the clinic: the rolling since the last visit ends (H2)
    if (pv.findings.pigment_mean >= pih_visible_level) pih_seen = true;
    pv.scenario = visit_scenario(s, pv.findings);
    pv.attempt = player(visit, pv.scenario);
    pv.grade = grade_attempt(*pv.scenario, pv.attempt.answers, pv.attempt.commands);
    const Answers& a = pv.attempt.answers;
    if (a.consultation && treats_today(a.consultation->decision) && a.plan) {
      TreatedSession t = treated_session(*pv.scenario, a, pv.attempt.commands);
      t.session.care = with_lapses(t.session.care, spec, visit);
      course.apply_session(t.session);
      ++treatments;
      last_treatment_day = course.day();
    }
    const auto back = pv.attempt.return_in_weeks;
    out.visits.push_back(std::move(pv));
    if (!back) break;
    if (!std::isfinite(*back) || *back < 0.0 || *back > CourseSpec::most_return_weeks)
      throw std::invalid_argument("a return after " + std::to_string(*back) + " weeks is outside 0-104 weeks");
    course.advance_days(7.0 * *back);
  }
  // S3: the result is read about three months after the last session.
  if (treatments > 0) {
    const double at = last_treatment_day + outcome_after_last_session_days;
    if (course.day() < at) course.advance_days(at - course.day());
  }
  out.outcome = read_outcome(course, treatments);
  return out;
}

PlayedCourse play_key_protocol(const std::shared_ptr<const Scenario>& s) {
  const SessionPlanKey& plan = s->key.sessions;
  const int wanted = static_cast<int>(std::lround(plan.count.lo));
  const double every_weeks = std::round(middle(plan.interval_weeks));
  int treatments = 0;
  return play_course(s, [&](int, const std::shared_ptr<const Scenario>& today) {
    VisitAttempt v;
    const std::vector<double> depths =
        treats_today(today->key.decision) ? reference_depths_mm(*today) : std::vector<double>{0.0};
    const AttemptResult r = run_scripted_attempt(today, reference_script(*today, depths[depths.size() / 2]));
    v.answers = r.answers;
    v.commands = r.commands;
    v.final_state_hash = r.final_state_hash;
    if (treats_today(today->key.decision)) ++treatments;
    if (treatments < wanted) v.return_in_weeks = every_weeks;
    return v;
  });
}

PlayedCourse play_course_script(const std::shared_ptr<const Scenario>& s, const CourseScript& script) {
  return play_course(s, [&](int visit, const std::shared_ptr<const Scenario>& today) {
    if (visit > static_cast<int>(script.visits.size()))
      throw std::invalid_argument(script.file + ": the course went on past the script's last visit");
    const CourseVisitScript& vs = script.visits[static_cast<std::size_t>(visit - 1)];
    const AttemptResult r = run_scripted_attempt(today, vs.attempt);
    VisitAttempt v;
    v.answers = r.answers;
    v.commands = r.commands;
    v.final_state_hash = r.final_state_hash;
    v.return_in_weeks = vs.return_in_weeks;
    return v;
  });
}

}  // namespace dermasim::scenario
