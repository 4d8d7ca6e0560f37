#pragma once
// Reports of a grade: JSON for tools, one self-contained HTML page for an
// instructor, a plain-text summary for the terminal.
#include <string>

#include "scenario/grading.hpp"

namespace dermasim::scenario {

std::string grade_json(const Grade& g);
/// `extra_html` (e.g. the predicted outcome section) goes before the footer.
std::string grade_html(const Grade& g, const Scenario& s, const std::string& extra_html = {});
std::string grade_text(const Grade& g);

}  // namespace dermasim::scenario
