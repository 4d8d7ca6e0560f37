#include "scenario/grading.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dermasim::scenario {
namespace {

std::string fmt(const char* format, double a, double b = 0.0, double c = 0.0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

double clamp100(double v) { return std::clamp(v, 0.0, 100.0); }

std::string depth_guidance() {
  return "Choose the length from the severity: 0.5 mm fine lines and light scarring (D1), 1.0 mm moderate stretch "
         "marks (D2), 1.5 mm more severe stretch marks (D3); the injuries must reach the dermis to make collagen (P2).";
}

CriterionResult grade_depth(const Scenario& s, const PlanAnswers& plan, const ProcedureMetrics& m) {
  CriterionResult r{CriterionId::depth};
  const Range& key = s.key.needle_depth_mm;
  const double length = plan.device.needle_length_mm;
  r.evidence = {{"needle_length_mm", length}, {"key_depth_low_mm", key.lo}, {"key_depth_high_mm", key.hi}};
  double setting = 100.0;
  if (length < key.lo - 1e-9) {
    setting = std::max(0.0, 100.0 - 160.0 * (key.lo - length));
    r.feedback.push_back(s.feedback_for("setting_too_shallow",
                                        fmt("The needle was set to %.2f mm, shallower than the %.2f-%.2f mm this case "
                                            "calls for. ", length, key.lo, key.hi) + depth_guidance()));
  } else if (length > key.hi + 1e-9) {
    setting = std::max(0.0, 100.0 - 160.0 * (length - key.hi));
    r.feedback.push_back(s.feedback_for(
        "setting_too_deep", fmt("The needle was set to %.2f mm, deeper than the %.2f-%.2f mm this case calls for. ",
                                length, key.lo, key.hi) +
                                "Deeper is not better: darker skin and thin striae need caution (D7), and the FDA "
                                "did not evaluate settings deeper than 1.5 mm (D6). " + depth_guidance()));
  }
  double cartridge_penalty = 0.0;
  if (std::find(s.key.cartridges.begin(), s.key.cartridges.end(), plan.device.cartridge) == s.key.cartridges.end()) {
    cartridge_penalty = 15.0;
    r.feedback.push_back(s.feedback_for(
        "wrong_cartridge", "The " + std::string(physics::cartridge(plan.device.cartridge).name) +
                               " cartridge is not one this case accepts; nano tips do not reach the dermis (P2)."));
  }
  const double n = static_cast<double>(std::max<std::uint64_t>(1, m.punctures));
  std::uint64_t in_target = 0;
  for (tissue::Layer l : s.key.target_layers) in_target += m.punctures_by_layer[static_cast<std::size_t>(l)];
  const double epidermal = static_cast<double>(m.punctures_by_layer[1] + m.punctures_by_layer[2]) / n;
  const double fat = static_cast<double>(m.punctures_by_layer[5]) / n;
  const double target_fraction = m.punctures ? static_cast<double>(in_target) / n : 0.0;
  r.evidence.insert(r.evidence.end(), {{"depth_mm_median", m.depth_mm_median},
                                       {"depth_mm_max", m.depth_mm_max},
                                       {"fraction_in_target_layers", target_fraction},
                                       {"fraction_epidermis_only", epidermal},
                                       {"fraction_in_fat", fat}});
  if (m.punctures == 0)
    r.feedback.push_back(s.feedback_for("not_reaching_dermis", "No needle broke the skin during the procedure."));
  else if (epidermal > 0.2)
    r.feedback.push_back(s.feedback_for(
        "not_reaching_dermis",
        fmt("%.0f%% of punctures stayed in the epidermis. Redness alone means epidermal depth; uniform pinpoint "
            "bleeding shows the papillary dermis was reached (P5). Hold the skin taut and press steadily (P4).",
            100 * epidermal)));
  if (fat > 0.05)
    r.feedback.push_back(s.feedback_for(
        "into_fat", fmt("%.0f%% of punctures went through the thinned dermis into the fat. Under a stretch mark the "
                        "dermis can be as thin as 0.35 mm: choose a shorter length or press less.",
                        100 * fat)));
  r.score = clamp100(0.4 * setting + 0.6 * 100.0 * target_fraction - cartridge_penalty);
  return r;
}

CriterionResult grade_coverage(const Scenario& s, const ProcedureMetrics& m) {
  CriterionResult r{CriterionId::coverage};
  const CoverageKey& k = s.key.coverage;
  double sum = 0.0;
  for (double f : m.mark_fraction) sum += std::min(1.0, f / k.fraction_of_each_mark);
  std::vector<std::string> lows;
  for (std::size_t i = 0; i < m.mark_fraction.size(); ++i)
    if (m.mark_fraction[i] < k.fraction_of_each_mark)
      lows.push_back(fmt("mark %.0f: %.0f%%", static_cast<double>(i + 1), 100 * m.mark_fraction[i]));
  const double base = m.mark_fraction.empty() ? 0.0 : 100.0 * sum / static_cast<double>(m.mark_fraction.size());
  double penalty = 0.0;
  r.evidence = {{"coverage_fraction", m.coverage_fraction},
                {"density_per_cm2_median", m.density_per_cm2_median},
                {"target_per_cm2", k.target_per_cm2},
                {"required_fraction_of_each_mark", k.fraction_of_each_mark},
                {"outside_fraction", m.outside_fraction},
                {"over_treated_mm2", m.over_treated_cells * 0.0625},
                {"uniformity_cv", m.uniformity_cv}};
  for (std::size_t i = 0; i < m.mark_fraction.size(); ++i)
    r.evidence.emplace_back("mark_" + std::to_string(i + 1) + "_fraction", m.mark_fraction[i]);
  if (!lows.empty()) {
    std::string list;
    for (const auto& l : lows) list += (list.empty() ? "" : ", ") + l;
    r.feedback.push_back(s.feedback_for(
        "coverage_low", fmt("Not every stretch mark reached %.0f punctures per cm2 over %.0f%% of its area (", k.target_per_cm2,
                            100 * k.fraction_of_each_mark) +
                            list + "). Make several overlapping passes in different directions (P4); 250-300 "
                                   "punctures per cm2 is the usual target."));
  }
  if (m.outside_fraction > k.max_outside_fraction) {
    penalty += std::min(25.0, 50.0 * (m.outside_fraction - k.max_outside_fraction));
    r.feedback.push_back(s.feedback_for(
        "outside_target", fmt("%.0f%% of punctures landed outside the stretch marks (up to %.0f%% is fine for "
                              "feathering the edges): treat the marks, not the whole patch.",
                              100 * m.outside_fraction, 100 * k.max_outside_fraction)));
  }
  const double over_mm2 = m.over_treated_cells * 0.0625;
  if (over_mm2 > 1.0) {
    penalty += std::min(25.0, over_mm2);
    r.feedback.push_back(s.feedback_for(
        "over_treated", fmt("%.0f mm2 received more than %.0f punctures per cm2: going over one spot again and "
                            "again injures it beyond what heals cleanly (E3).",
                            over_mm2, k.max_per_cm2)));
  }
  if (m.uniformity_cv > 0.6) {
    penalty += std::min(15.0, (m.uniformity_cv - 0.6) * 30.0);
    r.feedback.push_back(s.feedback_for("uneven", fmt("Density over the marks was uneven (variation %.2f): keep a "
                                                      "steady speed and overlap the rows.",
                                                      m.uniformity_cv)));
  }
  r.score = clamp100(base - penalty);
  return r;
}

CriterionResult grade_technique(const Scenario& s, const PlanAnswers& plan, const ProcedureMetrics& m) {
  CriterionResult r{CriterionId::technique};
  const TechniqueKey& k = s.key.technique;
  r.evidence = {{"treating_s", m.treating_s},
                {"tilt_deg_mean", m.tilt_deg_mean},
                {"tilt_deg_max", m.tilt_deg_max},
                {"tilt_over_fraction", m.tilt_over_fraction},
                {"force_n_mean", m.force_n_mean},
                {"force_low_fraction", m.force_low_fraction},
                {"force_high_fraction", m.force_high_fraction},
                {"speed_mm_s_mean", m.speed_mm_s_mean},
                {"speed_out_fraction", m.speed_out_fraction},
                {"taut_fraction", m.taut_fraction},
                {"drag_events", m.drag_events},
                {"dwell_events", m.dwell_events},
                {"numbing_cream", plan.numbing ? 1.0 : 0.0}};
  if (m.treating_s <= 0.0) {
    r.score = 0.0;
    r.feedback.push_back("The pen never treated the skin with the motor running.");
    return r;
  }
  const double force_ok = 1.0 - m.force_low_fraction - m.force_high_fraction;
  double score = 100.0 * (0.3 * (1.0 - m.tilt_over_fraction) + 0.3 * force_ok + 0.2 * (1.0 - m.speed_out_fraction) +
                          0.2 * m.taut_fraction);
  // Dragging tears tram-track scars (E3): sustained dragging alone fails the criterion.
  score -= std::min(60.0, 5.0 * m.drag_events) + std::min(20.0, 5.0 * m.dwell_events);
  if (k.numbing_required && !plan.numbing) {
    score -= 15.0;
    r.feedback.push_back(s.feedback_for(
        "no_numbing", "The plan left out the topical numbing cream, which is applied before treatment (P3). Even with "
                      "it patients feel a light pinching, and rated the pain about 5 out of 10 in a striae trial (P3): "
                      "without it a patient may flinch or stop the session."));
  }
  if (m.tilt_over_fraction > 0.05)
    r.feedback.push_back(s.feedback_for(
        "tilt", fmt("The pen leaned more than %.0f degrees for %.0f%% of the treatment (up to %.0f). Hold it at 90 "
                    "degrees to the skin (P4): tilt makes the depth uneven and drags the needles.",
                    k.tilt_max_deg, 100 * m.tilt_over_fraction, m.tilt_deg_max)));
  if (m.force_low_fraction > 0.05)
    r.feedback.push_back(s.feedback_for(
        "force_low", fmt("The pressing force was under %.1f N for %.0f%% of the treatment: the skin tents and the "
                         "needles do not reach their depth.",
                         k.force_n.lo, 100 * m.force_low_fraction)));
  if (m.force_high_fraction > 0.05)
    r.feedback.push_back(s.feedback_for(
        "force_high", fmt("The pressing force was over %.1f N for %.0f%% of the treatment: too much pressure risks "
                          "tram-track scarring (E3).",
                          k.force_n.hi, 100 * m.force_high_fraction)));
  if (m.speed_out_fraction > 0.2)
    r.feedback.push_back(s.feedback_for(
        "speed", fmt("The glide speed was outside %.0f-%.0f mm/s for %.0f%% of the treatment",
                     k.speed_mm_s.lo, k.speed_mm_s.hi, 100 * m.speed_out_fraction) +
                     fmt(" (mean %.1f mm/s): too fast drags the needles, too slow piles punctures on one spot.",
                         m.speed_mm_s_mean)));
  if (m.taut_fraction < 0.95)
    r.feedback.push_back(s.feedback_for(
        "lax_skin", fmt("The skin was held taut only %.0f%% of the time. Stretch it with the free hand (P4): lax "
                        "skin deflects and the needles go in less than half their length.",
                        100 * m.taut_fraction)));
  if (m.drag_events > 0)
    r.feedback.push_back(s.feedback_for(
        "drag", fmt("The needles were dragged through the skin %.0f times: moving sideways with needles inserted "
                    "tears tram-track lines (E3). Glide slowly so each stamp lands and lifts.",
                    m.drag_events)));
  if (m.dwell_events > 0)
    r.feedback.push_back(s.feedback_for(
        "dwell", fmt("The pen stayed on one spot %.0f times: dwelling over-treats it. Keep moving.", m.dwell_events)));
  r.score = clamp100(score);
  return r;
}

CriterionResult grade_screening(const Scenario& s, const ConsultationAnswers& c) {
  CriterionResult r{CriterionId::screening};
  const AnswerKey& k = s.key;
  int found = 0, false_alarms = 0;
  for (const auto& id : k.findings) {
    if (has(c.findings, id)) {
      ++found;
      continue;
    }
    const HistoryItem* item = s.find_item(id);
    std::string text = "Missed: " + item->label + " (" + item->fact + ").";
    if (item->intake.empty() && !has(c.asked, id))
      text += " It was not on the intake form: only asking \"" + item->question +
              "\" would reveal it. A thorough consultation covers the medical history (X7).";
    r.feedback.push_back(s.feedback_for("missed_finding", text));
  }
  for (const auto& id : c.findings) {
    if (has(k.findings, id)) continue;
    ++false_alarms;
    const HistoryItem* item = s.find_item(id);
    r.feedback.push_back(s.feedback_for(
        "false_alarm", "False alarm: " + (item ? item->label : id) + " does not affect microneedling in this case."));
  }
  const double finding_part =
      k.findings.empty() ? 35.0
                         : std::max(0.0, 35.0 * found / static_cast<double>(k.findings.size()) - 5.0 * false_alarms);
  double decision_part = 0.0;
  if (c.decision == k.decision) {
    decision_part = 50.0;
  } else {
    const bool both_treat = treats_today(c.decision) && treats_today(k.decision);
    const bool both_wait = !treats_today(c.decision) && !treats_today(k.decision);
    decision_part = both_treat || both_wait ? 25.0 : 0.0;
    std::string why;
    for (const auto& id : k.findings) {
      const HistoryItem* item = s.find_item(id);
      why += (why.empty() ? " Because of: " : "; ") + item->label + " (" + item->fact + ")";
    }
    r.feedback.push_back(s.feedback_for(
        "wrong_decision", "The decision was '" + std::string(decision_text(c.decision)) + "'; this case needs '" +
                              std::string(decision_text(k.decision)) + "'." + why + (why.empty() ? "" : ".")));
  }
  double precaution_part = 15.0;
  if (!k.precautions.empty()) {
    int chosen = 0;
    for (const auto& p : k.precautions) {
      if (has(c.precautions, p)) {
        ++chosen;
      } else {
        const Precaution* pre = find_precaution(p);
        r.feedback.push_back(s.feedback_for(
            "missing_precaution", "Precaution not taken: " + std::string(pre->text) + " (" + std::string(pre->fact) + ")."));
      }
    }
    precaution_part = 15.0 * chosen / static_cast<double>(k.precautions.size());
  }
  r.evidence = {{"findings_expected", static_cast<double>(k.findings.size())},
                {"findings_identified", found},
                {"false_alarms", false_alarms},
                {"questions_asked", static_cast<double>(c.asked.size())},
                {"decision_correct", c.decision == k.decision ? 1.0 : 0.0}};
  r.score = clamp100(finding_part + decision_part + precaution_part);
  return r;
}

CriterionResult grade_aftercare(const Scenario& s, const AftercareAnswers& a) {
  CriterionResult r{CriterionId::aftercare};
  const AnswerKey& k = s.key;
  int given = 0, harmful = 0;
  for (const auto& id : k.aftercare_required) {
    if (has(a.instructions, id)) {
      ++given;
    } else {
      const Instruction* ins = find_instruction(id);
      r.feedback.push_back(s.feedback_for("missing_instruction",
                                          "Not given: \"" + std::string(ins->text) + "\". " + std::string(ins->why)));
    }
  }
  for (const auto& id : a.instructions) {
    const Instruction* ins = find_instruction(id);
    if (!ins || !ins->harmful) continue;
    ++harmful;
    r.feedback.push_back(s.feedback_for("harmful_instruction",
                                        "Harmful advice given: \"" + std::string(ins->text) + "\". " + std::string(ins->why)));
  }
  double score = k.aftercare_required.empty() ? 60.0 : 60.0 * given / static_cast<double>(k.aftercare_required.size());
  score -= 20.0 * harmful;
  const SessionPlanKey& sk = k.sessions;
  if (sk.count.contains(a.sessions)) {
    score += 10.0;
  } else {
    r.feedback.push_back(s.feedback_for("schedule_count",
                                        fmt("A series of %.0f sessions was planned; this case needs %.0f-%.0f (S1).",
                                            a.sessions, sk.count.lo, sk.count.hi)));
  }
  if (sk.interval_weeks.contains(a.interval_weeks)) {
    score += 15.0;
  } else {
    r.feedback.push_back(s.feedback_for(
        "schedule_interval", fmt("Sessions were planned %.1f weeks apart; they should be %.0f-%.0f weeks apart so "
                                 "the skin heals and remodels (S1).",
                                 a.interval_weeks, sk.interval_weeks.lo, sk.interval_weeks.hi)));
  }
  if (sk.maintenance_months.contains(a.maintenance_months)) {
    score += 15.0;
  } else {
    r.feedback.push_back(s.feedback_for(
        "schedule_maintenance", fmt("Maintenance was planned every %.1f months; guidance is every 4-6 months, or "
                                    "once or twice a year (S2): %.0f-%.0f months here.",
                                    a.maintenance_months, sk.maintenance_months.lo, sk.maintenance_months.hi)));
  }
  r.evidence = {{"required_given", given},
                {"required_total", static_cast<double>(k.aftercare_required.size())},
                {"harmful_given", harmful},
                {"sessions", a.sessions},
                {"interval_weeks", a.interval_weeks},
                {"maintenance_months", a.maintenance_months}};
  r.score = clamp100(score);
  return r;
}

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

void critical_errors(const Scenario& s, const Answers& a, const std::optional<ProcedureMetrics>& m, Grade& g) {
  const ConsultationAnswers& c = *a.consultation;
  const bool treated = treats_today(c.decision);
  if (treated && !treats_today(s.key.decision)) {
    std::string why;
    for (const auto& id : s.key.findings) {
      const HistoryItem* item = s.find_item(id);
      why += (why.empty() ? "" : "; ") + item->label + " (" + item->fact + ")";
    }
    g.critical_errors.push_back(
        {"treated_despite_contraindication",
         "Treated although the case required '" + std::string(decision_text(s.key.decision)) + "': " + why + "."});
  }
  for (const CriticalRule& rule : s.rubric.critical) {
    bool hit = false;
    switch (rule.kind) {
      case CriticalKind::missed_finding: hit = treated && !has(c.findings, rule.target); break;
      case CriticalKind::harmful_instruction: hit = a.aftercare && has(a.aftercare->instructions, rule.target); break;
      case CriticalKind::hypodermis_punctures:
        hit = m && m->punctures > 0 &&
              static_cast<double>(m->punctures_by_layer[5]) / static_cast<double>(m->punctures) > rule.max_fraction;
        break;
      case CriticalKind::wrong_decision:
        // Treating where the key waits is already the built-in critical error.
        hit = c.decision != s.key.decision && !(treated && !treats_today(s.key.decision));
        break;
      case CriticalKind::treated_despite_contraindication: break;
    }
    if (hit) g.critical_errors.push_back({std::string(critical_kind_name(rule.kind)), rule.message});
  }
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
  critical_errors(s, answers, g.metrics, g);
  g.passed = g.total >= g.pass_mark && thresholds_met && g.critical_errors.empty();
  return g;
}

}  // namespace dermasim::scenario
