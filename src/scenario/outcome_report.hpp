#pragma once
// Text, JSON and inline-SVG forms of a predicted outcome.
#include <string>

#include "scenario/treatment_outcome.hpp"

namespace dermasim::scenario {

/// The `dermasim outcome --json` document.
std::string outcome_json(const OutcomeTimeline& t, const Scenario& s);
/// One line per day and the complications, for the terminal.
std::string outcome_text(const OutcomeTimeline& t);
/// Each mark's improvement over the days, as an inline SVG plot.
std::string improvement_svg(const OutcomeTimeline& t);
/// The HTML report's "Predicted outcome" section for an attempt (the plot, a
/// table by day and the complications); empty when nothing was treated.
std::string outcome_html_section(const Scenario& s, const Answers& answers, const std::vector<physics::PenCommand>& commands,
                                 std::uint64_t seed);

}  // namespace dermasim::scenario
