// The consultation's and the aftercare's criteria: screening (findings,
// decision, precautions) and aftercare (instructions and the schedule).
#include "scenario/criteria.hpp"
#include "scenario/scoring_rules.hpp"

namespace dermasim::scenario::criteria {
namespace sr = scoring;

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
  // False alarms cost points whether or not the case has findings: flagging
  // every item is not screening.
  const double found_share = k.findings.empty() ? 1.0 : found / static_cast<double>(k.findings.size());
  const double finding_part =
      std::max(0.0, sr::findings_points * found_share - sr::false_alarm_points * false_alarms);
  double decision_part = 0.0;
  if (c.decision == k.decision) {
    decision_part = sr::decision_points;
  } else {
    const bool both_treat = treats_today(c.decision) && treats_today(k.decision);
    const bool both_wait = !treats_today(c.decision) && !treats_today(k.decision);
    decision_part = both_treat || both_wait ? sr::decision_right_kind_points : 0.0;
    std::string why;
    for (const auto& id : k.findings) {
      const HistoryItem* item = s.find_item(id);
      why += (why.empty() ? " Because of: " : "; ") + item->label + " (" + item->fact + ")";
    }
    r.feedback.push_back(s.feedback_for(
        "wrong_decision", "The decision was '" + std::string(decision_text(c.decision)) + "'; this case needs '" +
                              std::string(decision_text(k.decision)) + "'." + why + (why.empty() ? "" : ".")));
  }
  double precaution_part = sr::precautions_points;
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
    precaution_part = sr::precautions_points * chosen / static_cast<double>(k.precautions.size());
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
  double score = k.aftercare_required.empty() ? sr::required_instructions_points
                                              : sr::required_instructions_points * given / static_cast<double>(k.aftercare_required.size());
  score -= sr::harmful_instruction_points * harmful;
  const SessionPlanKey& sk = k.sessions;
  if (sk.count.contains(a.sessions)) {
    score += sr::series_count_points;
  } else {
    r.feedback.push_back(s.feedback_for("schedule_count",
                                        fmt("A series of %.0f sessions was planned; this case needs %.0f-%.0f (S1).",
                                            a.sessions, sk.count.lo, sk.count.hi)));
  }
  if (sk.interval_weeks.contains(a.interval_weeks)) {
    score += sr::series_interval_points;
  } else {
    r.feedback.push_back(s.feedback_for(
        "schedule_interval", fmt("Sessions were planned %.1f weeks apart; they should be %.0f-%.0f weeks apart so "
                                 "the skin heals and remodels (S1).",
                                 a.interval_weeks, sk.interval_weeks.lo, sk.interval_weeks.hi)));
  }
  if (sk.maintenance_months.contains(a.maintenance_months)) {
    score += sr::maintenance_points;
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

}  // namespace dermasim::scenario::criteria
