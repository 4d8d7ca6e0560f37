#pragma once
// Shared by the records tests: a scratch folder removed afterwards, and grades
// made up on the spot (fast enough to record hundreds of attempts).
#include <filesystem>
#include <string>

#include "record/uuid.hpp"
#include "scenario/grading.hpp"

namespace dermasim::test {

struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() : path(std::filesystem::temp_directory_path() / ("dermasim-records-" + record::uuid_v4())) {
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string file(const std::string& name) const { return (path / name).string(); }
};

/// A grade with every criterion at `score`, and one critical error if asked.
inline scenario::Grade made_up_grade(double total, bool passed, double score = 80.0, bool critical = false) {
  scenario::Grade g;
  g.scenario_id = "postpartum_abdomen_rubra";
  g.scenario_title = "Postpartum abdomen, striae rubra";
  g.total = total;
  g.pass_mark = 70.0;
  g.passed = passed;
  const double weights[] = {25, 20, 20, 20, 15};
  for (int c = 0; c < scenario::criterion_count; ++c) {
    scenario::CriterionResult r;
    r.id = static_cast<scenario::CriterionId>(c);
    r.score = score + c;  // distinct per criterion, so a mix-up shows
    r.weight = weights[c];
    r.threshold = 50.0;
    r.applicable = c != 4;  // aftercare not applicable: exercises the empty cell
    g.criteria.push_back(r);
  }
  if (critical) g.critical_errors.push_back({scenario::CriticalKind::hypodermis_punctures, "needles reached the fat, \"deep\", twice"});
  return g;
}

}  // namespace dermasim::test
