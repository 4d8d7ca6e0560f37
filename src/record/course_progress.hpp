#pragma once
// Where a trainee stands in a course plan (issue 15): which cases are open,
// which are locked and why.
#include <string>
#include <vector>

#include "record/progress_db.hpp"
#include "scenario/course.hpp"

namespace dermasim::record {

struct CaseAccess {
  std::string scenario_id;
  scenario::CaseMode mode = scenario::CaseMode::practice;
  bool unlocked = false;
  std::string why;  // for a locked case: what it waits for
  bool passed = false;      // some completed attempt passed (after overrides)
  bool proficient = false;  // records/proficiency.hpp
};

std::vector<CaseAccess> course_access(ProgressDb& db, const scenario::Course& course, const std::string& trainee);

}  // namespace dermasim::record
