#pragma once
// The guideline's own attempt at a case: the key's screening (every
// follow-up question asked), plan and aftercare, and a taut, perpendicular,
// in-band raster over every mark. A key is consistent when this attempt
// passes at the low end, the middle and the high end of its needle depths;
// `dermasim check --simulate` plays it and says which key contradicts it.
#include <memory>
#include <string>
#include <vector>

#include "scenario/grading.hpp"
#include "scenario/script.hpp"

namespace dermasim::scenario {

/// The key's depths to try: its low end, its middle on the pen's 0.25 mm
/// steps, and its high end (each once).
std::vector<double> reference_depths_mm(const Scenario& s);

/// The reference attempt at `needle_length_mm`.
TraineeScript reference_script(const Scenario& s, double needle_length_mm);

/// Why the reference attempt at one depth did not pass, if it did not.
struct ReferenceProblem {
  double needle_length_mm = 0.0;
  std::string key;      // where in the file the contradiction lies: "answer_key.needle_depth_mm", ...
  std::string message;  // what failed, with the grade's own words
};

/// Plays the reference attempt at every reference depth (cases that treat
/// today); empty when the key's own answer passes everywhere.
std::vector<ReferenceProblem> check_reference_attempts(const std::shared_ptr<const Scenario>& s);

}  // namespace dermasim::scenario
