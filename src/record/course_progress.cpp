#include "record/course_progress.hpp"

#include <map>

#include "record/proficiency.hpp"

namespace dermasim::record {

std::vector<CaseAccess> course_access(ProgressDb& db, const scenario::Course& course, const std::string& trainee) {
  const auto attempts = db.attempts(trainee);
  std::map<std::string, bool> passed, proficient;
  for (const auto& c : course.cases) {
    for (const auto& a : attempts)
      if (a.scenario_id == c.scenario_id && a.status == AttemptStatus::completed && a.passed.value_or(false) &&
          scenario::counts_as(a.mode, c.mode))
        passed[c.scenario_id] = true;
    for (const auto& r : proficiency(db, {}, trainee, c.scenario_id, c.mode))
      proficient[c.scenario_id] = proficient[c.scenario_id] || r.proficient;
  }
  std::vector<CaseAccess> out;
  for (const auto& c : course.cases) {
    CaseAccess x;
    x.scenario_id = c.scenario_id;
    x.mode = c.mode;
    x.passed = passed[c.scenario_id];
    x.proficient = proficient[c.scenario_id];
    for (const auto& p : c.after)
      if (!(c.unlock == scenario::UnlockRule::passed ? passed[p] : proficient[p])) x.waits_for.push_back(p);
    x.unlocked = x.waits_for.empty();
    for (const auto& p : x.waits_for) {
      const scenario::CourseCase* pre = course.find(p);
      x.why += std::string(x.why.empty() ? "waits for " : ", ") + p +
               (c.unlock == scenario::UnlockRule::passed ? " to be passed" : " to reach proficiency") +
               (pre && pre->mode == scenario::Mode::assessment ? " in assessment mode" : "");
    }
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace dermasim::record
