#include "scenario/grading.hpp"

#include "scenario/criteria.hpp"

namespace dermasim::scenario {
namespace {

using namespace criteria;

// A criterion with nothing to judge: the case rightly ended without a procedure.
CriterionResult not_applicable(CriterionId id) {
  CriterionResult r{id};
  r.applicable = false;
  r.score = 100.0;
  r.evidence = {{"applicable", 0.0}};
  return r;
}

CriterionResult missed_treatment(const Scenario& s, CriterionId id) {
  CriterionResult r{id};
  r.score = 0.0;
  r.evidence = {{"procedure_done", 0.0}};
  r.feedback.push_back(s.feedback_for(
      "no_treatment", "No treatment was given, but this patient was a candidate (C1): superficial stretch marks "
                      "after pregnancy, weight change or growth spurts respond to microneedling."));
  return r;
}

}  // namespace

Grade grade_attempt(const Scenario& s, const Answers& answers, const std::vector<physics::PenCommand>& commands) {
  Grade g;
  g.scenario_id = s.id;
  g.scenario_title = s.title;
  g.pass_mark = s.rubric.pass_mark;
  g.answers = answers;
  const ConsultationAnswers consultation = answers.consultation.value_or(ConsultationAnswers{});
  g.answers.consultation = consultation;
  const bool procedure = answers.plan.has_value();
  if (procedure) g.metrics = measure_procedure(s, *answers.plan, commands);

  const bool key_treats = treats_today(s.key.decision);
  auto procedural = [&](CriterionId id, auto grade_fn) {
    if (procedure) return grade_fn();
    return key_treats ? missed_treatment(s, id) : not_applicable(id);
  };
  g.criteria.push_back(procedural(CriterionId::depth, [&] { return grade_depth(s, *answers.plan, *g.metrics); }));
  g.criteria.push_back(procedural(CriterionId::coverage, [&] { return grade_coverage(s, *g.metrics); }));
  g.criteria.push_back(procedural(CriterionId::technique, [&] { return grade_technique(s, *answers.plan, *g.metrics); }));
  g.criteria.push_back(grade_screening(s, consultation));
  g.criteria.push_back([&] {
    if (answers.aftercare) return grade_aftercare(s, *answers.aftercare);
    if (procedure || key_treats) {
      CriterionResult r{CriterionId::aftercare};
      r.feedback.push_back("No aftercare was given.");
      return r;
    }
    return not_applicable(CriterionId::aftercare);
  }());

  double weighted = 0.0, weights = 0.0;
  bool thresholds_met = true;
  for (auto& c : g.criteria) {
    // The case's own words for a criterion come first when it lost points.
    if (c.applicable && c.score < 100.0 - 1e-9) {
      const std::string own = s.feedback_for(criterion_name(c.id), "");
      if (!own.empty()) c.feedback.insert(c.feedback.begin(), own);
    }
    c.weight = c.applicable ? s.rubric.weights[static_cast<std::size_t>(c.id)] : 0.0;
    c.threshold = s.rubric.thresholds[static_cast<std::size_t>(c.id)];
    weighted += c.weight * c.score;
    weights += c.weight;
    if (c.applicable && c.weight > 0.0 && c.score < c.threshold) {
      thresholds_met = false;
      c.feedback.push_back("Below the " + std::to_string(static_cast<int>(c.threshold)) +
                           " this criterion needs for a pass, whatever the total.");
    }
  }
  g.total = weights > 0.0 ? weighted / weights : 0.0;
  g.critical_errors = criteria::critical_errors(s, answers, g.metrics);
  g.passed = g.total >= g.pass_mark && thresholds_met && g.critical_errors.empty();
  return g;
}

}  // namespace dermasim::scenario
