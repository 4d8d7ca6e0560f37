#include "scenario/scenario.hpp"

#include "scenario/scoring_rules.hpp"

#include <array>

namespace dermasim::scenario {

namespace {
constexpr std::array<std::string_view, criterion_count> criterion_names{"depth", "coverage", "technique", "screening",
                                                                        "aftercare"};
}

std::string_view criterion_name(CriterionId c) { return criterion_names[static_cast<std::size_t>(c)]; }

std::optional<CriterionId> parse_criterion(std::string_view name) {
  for (int i = 0; i < criterion_count; ++i)
    if (criterion_names[static_cast<std::size_t>(i)] == name) return static_cast<CriterionId>(i);
  return std::nullopt;
}

std::string_view critical_kind_name(CriticalKind k) {
  switch (k) {
    case CriticalKind::treated_despite_contraindication: return "treated_despite_contraindication";
    case CriticalKind::missed_finding: return "missed_finding";
    case CriticalKind::harmful_instruction: return "harmful_instruction";
    case CriticalKind::hypodermis_punctures: return "hypodermis_punctures";
    case CriticalKind::wrong_decision: return "wrong_decision";
    case CriticalKind::missing_instruction: return "missing_instruction";
  }
  return "?";
}

std::optional<CriticalKind> parse_critical_kind(std::string_view name) {
  for (auto k : {CriticalKind::missed_finding, CriticalKind::harmful_instruction, CriticalKind::hypodermis_punctures,
                 CriticalKind::wrong_decision, CriticalKind::missing_instruction})
    if (critical_kind_name(k) == name) return k;
  return std::nullopt;
}

tissue::CoverageTarget coverage_target(const CoverageKey& key) {
  tissue::CoverageTarget t;
  t.target_per_cm2 = key.target_per_cm2;
  t.overtreat_per_cm2 = key.max_per_cm2;
  return t;
}

std::vector<tissue::Layer> target_layers_for(const AnswerKey& key) {
  if (!key.target_layers.empty()) return key.target_layers;
  if (key.needle_depth_mm.lo >= scoring::deep_key_from_mm - 1e-9) return {tissue::Layer::reticular_dermis};
  return {tissue::Layer::papillary_dermis, tissue::Layer::reticular_dermis};
}

const HistoryItem* Scenario::find_item(std::string_view item_id) const {
  for (const auto& i : history)
    if (i.id == item_id) return &i;
  return nullptr;
}

std::string Scenario::feedback_for(std::string_view feedback_id, std::string_view fallback) const {
  for (const auto& [k, v] : feedback)
    if (k == feedback_id) return v;
  return std::string(fallback);
}

}  // namespace dermasim::scenario
