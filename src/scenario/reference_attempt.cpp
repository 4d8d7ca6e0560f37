#include "scenario/reference_attempt.hpp"

#include <cmath>
#include <cstdio>

#include "scenario/scripted_attempt.hpp"
#include "scenario/session.hpp"

namespace dermasim::scenario {
namespace {

// Rows 2 mm apart along and across each mark, 1 mm past its edges: denser
// than the narrowest cartridge (2.7 mm), so every mark's own skin is covered.
constexpr double reference_spacing_mm = 2.0;
constexpr double reference_margin_mm = 1.0;
constexpr double reference_stroke_rate_hz = 100.0;

double middle(const Range& r) { return 0.5 * (r.lo + r.hi); }

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The key entry that a failing criterion contradicts.
std::string key_for(CriterionId id) {
  switch (id) {
    case CriterionId::depth: return "answer_key.needle_depth_mm";
    case CriterionId::coverage: return "answer_key.coverage";
    case CriterionId::technique: return "answer_key.technique";
    case CriterionId::screening: return "answer_key.findings";
    case CriterionId::aftercare: return "answer_key.aftercare";
  }
  return "answer_key";
}

}  // namespace

std::vector<double> reference_depths_mm(const Scenario& s) {
  const Range& k = s.key.needle_depth_mm;
  const double step = physics::DeviceSettings::length_step_mm;
  std::vector<double> out{k.lo};
  const double mid = std::round(middle(k) / step) * step;
  if (mid > k.lo + 1e-9 && mid < k.hi - 1e-9) out.push_back(mid);
  if (k.hi > k.lo + 1e-9) out.push_back(k.hi);
  return out;
}

TraineeScript reference_script(const Scenario& s, double needle_length_mm) {
  const AnswerKey& k = s.key;
  TraineeScript t;
  t.file = s.file + " (reference attempt at " + num(needle_length_mm) + " mm)";
  t.scenario_id = s.id;
  t.trainee = "reference attempt";
  for (const auto& item : s.history)
    if (!item.question.empty()) t.consultation.asked.push_back(item.id);
  t.consultation.findings = k.findings;
  t.consultation.decision = k.decision;
  t.consultation.precautions = k.precautions;
  if (!treats_today(k.decision)) return t;

  PlanAnswers plan;
  plan.device.needle_length_mm = needle_length_mm;
  plan.device.stroke_rate_hz = reference_stroke_rate_hz;
  plan.device.cartridge = k.cartridges.front();
  for (auto c : k.cartridges)
    if (physics::cartridge(c).max_length_mm >= needle_length_mm - 1e-9) {
      plan.device.cartridge = c;
      break;
    }
  // P6: an RF plan at the middle of the key's energy range.
  if (k.rf_energy_mj) plan.device.rf_energy_mj = 0.5 * (k.rf_energy_mj->lo + k.rf_energy_mj->hi);
  plan.numbing = true;
  t.plan = plan;

  const physics::TechniqueLimits limits = technique_limits(s, plan.device);
  StrokeSpec raster;
  raster.kind = StrokeSpec::Kind::raster_mark;
  raster.mark = -1;
  raster.margin_mm = reference_margin_mm;
  raster.spacing_mm = reference_spacing_mm;
  raster.angles_deg = {0.0, 90.0};
  raster.style.force_n = 0.5 * (limits.force_min_n + limits.force_max_n);
  raster.style.tilt_deg = 0.0;
  raster.style.speed_mm_s = middle(k.technique.speed_mm_s);
  raster.style.skin_taut = true;
  t.procedure.push_back(raster);

  AftercareAnswers after;
  after.instructions = k.aftercare_required;
  after.sessions = static_cast<int>(std::lround(middle(k.sessions.count)));
  after.interval_weeks = middle(k.sessions.interval_weeks);
  after.maintenance_months = middle(k.sessions.maintenance_months);
  t.aftercare = after;
  return t;
}

std::vector<ReferenceProblem> check_reference_attempts(const std::shared_ptr<const Scenario>& s) {
  std::vector<ReferenceProblem> problems;
  const std::vector<double> depths =
      treats_today(s->key.decision) ? reference_depths_mm(*s) : std::vector<double>{0.0};
  for (double depth : depths) {
    const Grade g = run_scripted_attempt(s, reference_script(*s, depth)).grade;
    const std::string at = treats_today(s->key.decision) ? " at " + num(depth) + " mm" : "";
    for (const CriticalError& e : g.critical_errors) {
      std::string key = "answer_key.decision";
      for (std::size_t i = 0; i < s->rubric.critical.size(); ++i)
        if (s->rubric.critical[i].kind == e.kind && s->rubric.critical[i].message == e.message) {
          key = "rubric.critical_errors[" + std::to_string(i) + "]";
          break;
        }
      problems.push_back({depth, key,
                          "the key's own answer" + at + " makes the critical error " + std::string(e.name()) +
                              ": " + e.message});
    }
    for (const CriterionResult& c : g.criteria)
      if (c.applicable && c.weight > 0.0 && c.score < c.threshold) {
        std::string why = c.feedback.empty() ? std::string() : " (" + c.feedback.front() + ")";
        problems.push_back({depth, key_for(c.id),
                            "the key's own answer" + at + " scores " + num(std::round(c.score)) + " on " +
                                std::string(criterion_name(c.id)) + ", below its threshold " + num(c.threshold) +
                                why});
      }
    if (g.total < g.pass_mark)
      problems.push_back({depth, "rubric.pass_mark",
                          "the key's own answer" + at + " totals " + num(std::round(g.total)) +
                              ", below the pass mark " + num(g.pass_mark)});
  }
  return problems;
}

}  // namespace dermasim::scenario
