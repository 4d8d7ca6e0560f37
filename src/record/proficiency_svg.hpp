#pragma once
// Issue 15: the learning curves as inline SVG for HTML reports: the total per
// attempt with the pass line and the expert benchmark band, and the CUSUM with
// its decision limits. Each point carries its value as an SVG <title>, which
// browsers show on hover.
#include <string>
#include <vector>

#include "record/proficiency.hpp"

namespace dermasim::record {

/// One <section> for a trainee x case row (empty when it has no completed attempt).
std::string learning_curve_html_section(const ProficiencyRow& r);

/// A whole self-contained page of every row (`records proficiency --html`).
std::string proficiency_html_page(const std::vector<ProficiencyRow>& rows);

}  // namespace dermasim::record
