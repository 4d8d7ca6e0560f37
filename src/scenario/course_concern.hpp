#pragma once
// Patient concerns at the return visits of a course case (`course:
// concerns:`, issue 14): which ones the patient raises at a visit, and what
// each adds to that visit's case. Data-driven: the case file says when a
// concern appears and what answers it; this file only applies it.
#include <vector>

#include "scenario/scenario.hpp"

namespace dermasim::scenario {

/// The concerns the patient raises at `visit` (1-based) when the marks'
/// mean improvement read that day is `improvement_percent`.
std::vector<const CourseConcern*> concerns_at(const Scenario& s, int visit, double improvement_percent);

/// Adds a concern to the case as it stands that visit: a relevant history
/// item the key expects as a finding, its `require` counselling in the
/// aftercare key, and critical errors for not taking it up and for each
/// `forbid` line (a wrong answer to a worried patient fails the visit, C2).
void add_concern(Scenario& today, const CourseConcern& c);

}  // namespace dermasim::scenario
