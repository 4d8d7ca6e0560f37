#pragma once
// A series of sessions (S1) run through a healing course: the same session
// repeated every `interval_days`, with the state visited at chosen days.
#include <functional>
#include <vector>

#include "tissue/healing_model.hpp"

namespace dermasim::tissue {

struct SeriesPlan {
  int sessions = 1;
  double interval_days = 35.0;
};

/// Applies `plan.sessions` sessions of `session` (the first at the course's
/// current day, which should be 0) and visits the course at every day of
/// `days` (days since the first session, ascending; a session due on a visit
/// day is applied first). Sessions due after the last day are not applied.
/// Throws std::invalid_argument for unsorted, negative or non-finite days.
void run_series(HealingCourse& course, const SessionInput& session, const SeriesPlan& plan,
                const std::vector<double>& days, const std::function<void(const HealingCourse&)>& visit);

/// Day `after_last_days` after the last session of the plan.
double day_after_series(const SeriesPlan& plan, double after_last_days);

}  // namespace dermasim::tissue
