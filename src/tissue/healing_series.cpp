#include "tissue/healing_series.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dermasim::tissue {

void run_series(HealingCourse& course, const SessionInput& session, const SeriesPlan& plan,
                const std::vector<double>& days, const std::function<void(const HealingCourse&)>& visit) {
  double previous = course.day();
  for (double d : days) {
    if (!std::isfinite(d) || d < previous) throw std::invalid_argument("outcome days must be finite, non-negative and ascending");
    previous = d;
  }
  int applied = 0;
  const double start = course.day();
  auto next_session_day = [&] { return start + applied * plan.interval_days; };
  for (double d : days) {
    const double target = start + d;
    while (applied < plan.sessions && next_session_day() <= target) {
      course.advance_days(std::max(0.0, next_session_day() - course.day()));
      course.apply_session(session);
      ++applied;
    }
    course.advance_days(std::max(0.0, target - course.day()));
    if (visit) visit(course);
  }
}

double day_after_series(const SeriesPlan& plan, double after_last_days) {
  return (plan.sessions - 1) * plan.interval_days + after_last_days;
}

}  // namespace dermasim::tissue
