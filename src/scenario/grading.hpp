#pragma once
// Grading: a pure function of the scenario and the recorded attempt. Each
// criterion scores 0-100 with its evidence (numbers) and feedback that says
// what was wrong and what the guideline says; critical errors fail the
// attempt whatever the total.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario/answers.hpp"
#include "scenario/procedure_metrics.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::scenario {

struct CriterionResult {
  CriterionId id = CriterionId::depth;
  double score = 0.0;    // 0..100
  double weight = 0.0;   // 0 when it does not apply (no procedure was due)
  double threshold = 0.0;  // the least score a pass needs
  bool applicable = true;
  std::vector<std::pair<std::string, double>> evidence;
  std::vector<std::string> feedback;  // empty: nothing lost
};

struct CriticalError {
  CriticalKind kind = CriticalKind::missed_finding;
  std::string message;
  std::string_view name() const { return critical_kind_name(kind); }
};

struct Grade {
  std::string scenario_id;
  std::string scenario_title;
  double total = 0.0;
  double pass_mark = 0.0;
  bool passed = false;
  std::vector<CriticalError> critical_errors;
  std::vector<CriterionResult> criteria;  // in CriterionId order
  std::optional<ProcedureMetrics> metrics;
  Answers answers;
};

Grade grade_attempt(const Scenario& s, const Answers& answers, const std::vector<physics::PenCommand>& commands);

}  // namespace dermasim::scenario
