#pragma once
// Where a trainee stands in a course plan (issue 15): which cases are open,
// which are locked and why. A case counts as passed or proficient only on
// attempts taken in the mode the plan sets for it or a stricter one
// (scenario::counts_as): a practice attempt, with its hints, never earns an
// assessment case, so it never unlocks what waits for one.
#include <string>
#include <vector>

#include "record/progress_db.hpp"
#include "scenario/course.hpp"

namespace dermasim::record {

struct CaseAccess {
  std::string scenario_id;
  scenario::CaseMode mode = scenario::CaseMode::practice;
  bool unlocked = false;
  std::vector<std::string> waits_for;  // the prerequisites not yet at the plan's unlock rule
  std::string why;          // for a locked case: what it waits for, as a sentence
  bool passed = false;      // a completed attempt in the plan's mode passed (after overrides)
  bool proficient = false;  // records/proficiency.hpp, on attempts in the plan's mode
};

std::vector<CaseAccess> course_access(ProgressDb& db, const scenario::Course& course, const std::string& trainee);

}  // namespace dermasim::record
