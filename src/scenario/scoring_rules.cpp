#include "scenario/scoring_rules.hpp"

#include <cstdio>

#include "scenario/scenario.hpp"
#include "tissue/healing_params.hpp"

namespace dermasim::scenario::scoring {
namespace {

// Numbers as a person writes them: 0.5, 15, 0.25.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string pct(double share) { return num(100.0 * share) + "%"; }

}  // namespace

std::string scoring_rules_markdown() {
  const CoverageKey coverage{};
  const Rubric rubric{};
  std::string t;
  t += "Each criterion scores 0-100. An attempt passes when its weighted total reaches `pass_mark` (default " +
       num(rubric.pass_mark) + "), every applicable criterion reaches its threshold (default " +
       num(rubric.thresholds[0]) + "), and no critical error was made.\n\n";
  t += "- **depth**: 100 x the setting's share x the share of the punctures inside the marks that ended where "
       "the case needs the injury, less " +
       num(wrong_cartridge_points) +
       " for a cartridge the key does not accept. The setting keeps all its share inside the key's "
       "`needle_depth_mm`, loses " +
       pct(depth_share_lost_per_step) + " per " + num(depth_step_mm) + " mm outside, and all of it from " +
       num(depth_fail_off_key_mm) +
       " mm outside: that fails the criterion (D1-D5). Where the injury belongs: the key's `target_layers`, or by "
       "default the reticular dermis when the key starts at " +
       num(deep_key_from_mm) +
       " mm or deeper (moderate and severe marks, D2-D3) and the papillary or reticular dermis below that (D1, "
       "P2). Under a stria whose dermis is thinner than the needle, crossing it to the fat counts as reaching the "
       "dermis (Skin Res Technol 2020, D3); feedback then warns of more bleeding (P5) and sensation (P3). "
       "An RF plan's energy is part of the setting (P6): it keeps all its share inside the key's `rf_energy_mj`, "
       "loses " +
       pct(rf_share_lost_per_step) + " per " + num(rf_energy_step_mj) + " mJ outside and all of it from " +
       num(rf_fail_off_key_mj) + " mJ outside; for Fitzpatrick IV-VI the range ends at " +
       num(tissue::healing::rf_pih_onset_mj) + " mJ, where the PIH risk rises (D7), whatever the key says.\n";
  t += "- **coverage**: measured on each mark's own skin (only punctures that entered inside it, per cm2 of it). "
       "Each mark's ratio is its share of area at `target_per_cm2` over `fraction_of_each_mark`, capped at 1; "
       "the score is 100 x (" +
       num(coverage_mean_weight) + " x the mean ratio + " + num(coverage_worst_weight) +
       " x the worst), so one untreated mark alone takes it below half. Off: punctures outside the marks beyond "
       "`max_outside_fraction` (default " +
       pct(coverage.max_outside_fraction) +
       "), in proportion and uncapped (all outside costs 100); " + num(over_treated_points_per_mm2) +
       " per mm2 above `max_per_cm2` beyond the first " + num(over_treated_free_mm2) + " mm2 (at most " +
       num(over_treated_points_max) + "); uneven density over the marks (variation over " + num(uneven_cv) + ", " +
       num(uneven_points_per_cv) + " per unit, at most " + num(uneven_points_max) + ").\n";
  t += "- **technique**: time shares within tilt, force and speed tolerances and with the skin taut (" +
       num(100 * tilt_share) + "/" + num(100 * force_share) + "/" + num(100 * speed_share) + "/" +
       num(100 * taut_share) + "), less " + num(drag_points_each) + " per dragging event (up to " +
       num(drag_points_max) + "), " + num(dwell_points_each) + " per dwelling (up to " + num(dwell_points_max) +
       ") and " + num(no_numbing_points) +
       " for a plan without the numbing cream (P3, unless the key says `numbing_required: false`). The force band "
       "is the key's `force_n`, or the cartridge's own.\n";
  t += "- **screening**: " + num(decision_points) + " for the decision (" + num(decision_right_kind_points) +
       " when it is the right kind: treat or wait), " + num(findings_points) + " for the findings (less " +
       num(false_alarm_points) + " per false alarm), " + num(precautions_points) + " for the precautions.\n";
  t += "- **aftercare**: " + num(required_instructions_points) + " for the required instructions, less " +
       num(harmful_instruction_points) + " per harmful one; " + num(series_count_points) + " for the series length, " +
       num(series_interval_points) + " for the interval, " + num(maintenance_points) + " for maintenance.\n";
  t += "\nWhen a criterion loses points, the case's own `feedback` for that criterion's id comes first in its "
       "feedback.\n";
  return t;
}

}  // namespace dermasim::scenario::scoring
