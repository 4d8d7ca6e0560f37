#include "record/course_progress.hpp"

#include <map>

#include "record/proficiency.hpp"

namespace dermasim::record {

std::vector<CaseAccess> course_access(ProgressDb& db, const scenario::Course& course, const std::string& trainee) {
  std::map<std::string, bool> passed, proficient;
  for (const auto& a : db.attempts(trainee))
    if (a.status == AttemptStatus::completed && a.passed.value_or(false)) passed[a.scenario_id] = true;
  for (const auto& r : proficiency(db, {}, trainee)) proficient[r.scenario_id] = r.proficient;
  std::vector<CaseAccess> out;
  for (const auto& c : course.cases) {
    CaseAccess x;
    x.scenario_id = c.scenario_id;
    x.mode = c.mode;
    x.passed = passed[c.scenario_id];
    x.proficient = proficient[c.scenario_id];
    x.unlocked = true;
    for (const auto& p : c.after) {
      const bool reached = c.unlock == scenario::UnlockRule::passed ? passed[p] : proficient[p];
      if (reached) continue;
      x.unlocked = false;
      x.why += std::string(x.why.empty() ? "waits for " : ", ") + p +
               (c.unlock == scenario::UnlockRule::passed ? " to be passed" : " to reach proficiency");
    }
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace dermasim::record
