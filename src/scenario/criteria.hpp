#pragma once
// The grader's parts, one function per criterion (grading.cpp puts them
// together). Internal to the scenario library.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "scenario/grading.hpp"

namespace dermasim::scenario::criteria {

inline std::string fmt(const char* format, double a, double b = 0.0, double c = 0.0) {
  char buf[1024];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}
inline bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
inline double clamp100(double v) { return std::clamp(v, 0.0, 100.0); }

CriterionResult grade_depth(const Scenario& s, const PlanAnswers& plan, const ProcedureMetrics& m);
/// The share of the depth criterion's setting the RF energy keeps (P6, D7),
/// adding its evidence and feedback to `r` (grade_rf.cpp).
double rf_setting_share(const Scenario& s, const PlanAnswers& plan, CriterionResult& r);
CriterionResult grade_coverage(const Scenario& s, const ProcedureMetrics& m);
CriterionResult grade_technique(const Scenario& s, const PlanAnswers& plan, const ProcedureMetrics& m);
CriterionResult grade_screening(const Scenario& s, const ConsultationAnswers& c);
CriterionResult grade_aftercare(const Scenario& s, const AftercareAnswers& a);
std::vector<CriticalError> critical_errors(const Scenario& s, const Answers& a, const std::optional<ProcedureMetrics>& m);

}  // namespace dermasim::scenario::criteria
