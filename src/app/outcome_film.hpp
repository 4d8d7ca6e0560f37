#pragma once
// Builds the debrief's healing time-lapse for an attempt.
#include <cstdint>
#include <memory>
#include <vector>

#include "physics/pen_command.hpp"
#include "scenario/answers.hpp"
#include "scenario/course_visit.hpp"
#include "scenario/scenario.hpp"
#include "ui/course_state.hpp"
#include "ui/outcome_film.hpp"

namespace dermasim::app {

/// The time-lapse over the attempt's planned series; a film with only a
/// `problem` when nothing was treated.
std::shared_ptr<ui::OutcomeFilm> build_outcome_film(const scenario::Scenario& s, const scenario::Answers& answers,
                                                    const std::vector<physics::PenCommand>& commands, std::uint64_t seed);

/// The patch from above and the cutaway across the first mark as `course`
/// stands now, at the time-lapse's resolution: a course case's return visit.
ui::SkinToday skin_today(const tissue::HealingCourse& course, const scenario::VisitFindings& findings);

}  // namespace dermasim::app
