// Critical errors: mistakes that fail an attempt whatever its total. Each
// rests on a clinical fact: the finding's or the instruction's own, or the
// one a rule cites (`fact:`).
#include "scenario/criteria.hpp"

namespace dermasim::scenario::criteria {

std::vector<CriticalError> critical_errors(const Scenario& s, const Answers& a, const std::optional<ProcedureMetrics>& m) {
  std::vector<CriticalError> out;
  const ConsultationAnswers& c = *a.consultation;
  const bool treated = treats_today(c.decision);
  if (treated && !treats_today(s.key.decision)) {
    std::string why;
    for (const auto& id : s.key.findings) {
      const HistoryItem* item = s.find_item(id);
      why += (why.empty() ? "" : "; ") + item->label + " (" + item->fact + ")";
    }
    out.push_back({CriticalKind::treated_despite_contraindication,
                   "Treated although the case required '" + std::string(decision_text(s.key.decision)) + "': " + why +
                       "."});
  }
  for (const CriticalRule& rule : s.rubric.critical) {
    bool hit = false;
    switch (rule.kind) {
      case CriticalKind::missed_finding: hit = treated && !has(c.findings, rule.target); break;
      case CriticalKind::harmful_instruction: hit = a.aftercare && has(a.aftercare->instructions, rule.target); break;
      case CriticalKind::hypodermis_punctures: {
        // Only beside the marks: under a severe stria the seed's length (D3)
        // crosses the thinned dermis to the fat by design.
        if (!m || m->punctures == 0) break;
        const auto fat = [&](const LayerCounts& l) { return l[static_cast<std::size_t>(tissue::Layer::hypodermis)]; };
        const auto beside = fat(m->punctures_by_layer) - std::min(fat(m->punctures_by_layer), fat(m->mark_punctures_by_layer));
        hit = static_cast<double>(beside) / static_cast<double>(m->punctures) > rule.max_fraction;
        break;
      }
      case CriticalKind::wrong_decision:
        // Treating where the key waits is already the built-in critical error.
        hit = c.decision != s.key.decision && !(treated && !treats_today(s.key.decision));
        break;
      case CriticalKind::missing_instruction:
        // Counselling the case cannot do without (e.g. stop the home roller, H2).
        hit = treated && (!a.aftercare || !has(a.aftercare->instructions, rule.target));
        break;
      case CriticalKind::treated_despite_contraindication: break;
    }
    if (hit) out.push_back({rule.kind, rule.message});
  }
  return out;
}

}  // namespace dermasim::scenario::criteria
