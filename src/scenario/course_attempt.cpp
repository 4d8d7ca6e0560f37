#include "scenario/course_attempt.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "scenario/course_run.hpp"
#include "scenario/reference_attempt.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario/treatment_outcome.hpp"

namespace dermasim::scenario {
namespace {

double middle(const Range& r) { return 0.5 * (r.lo + r.hi); }

}  // namespace

PlayedCourse play_course(const std::shared_ptr<const Scenario>& s, const VisitPlayer& player) {
  CourseRun run(s);
  while (!run.finished()) {
    VisitAttempt a = player(run.visit(), run.today());
    Grade g = grade_attempt(*run.today(), a.answers, a.commands);
    run.finish_visit(std::move(a), std::move(g));
  }
  return run.result();
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
