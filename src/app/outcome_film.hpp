#pragma once
// Builds the debrief's healing time-lapse for an attempt.
#include <cstdint>
#include <memory>
#include <vector>

#include "physics/pen_command.hpp"
#include "scenario/answers.hpp"
#include "scenario/scenario.hpp"
#include "ui/outcome_film.hpp"

namespace dermasim::app {

/// The time-lapse over the attempt's planned series; a film with only a
/// `problem` when nothing was treated.
std::shared_ptr<ui::OutcomeFilm> build_outcome_film(const scenario::Scenario& s, const scenario::Answers& answers,
                                                    const std::vector<physics::PenCommand>& commands, std::uint64_t seed);

}  // namespace dermasim::app
