// What the healing state looks like from outside: per-mark improvement and
// dermal thickness, and the patch-level figures the published studies report.
#include <algorithm>
#include <cmath>

#include "tissue/fnv1a.hpp"
#include "tissue/healing_model.hpp"
#include "tissue/healing_params.hpp"

namespace dermasim::tissue {
namespace h = healing;

MarkOutcome HealingCourse::mark_outcome(int k) const {
  const MarkCells& mc = marks_.at(static_cast<std::size_t>(k));
  const StretchMark& mark = patch_->marks()[static_cast<std::size_t>(k)];
  MarkOutcome o;
  o.index = k;
  o.type = mark.type;
  o.severity = mark.severity;
  o.cells = static_cast<int>(mc.cells.size());
  o.normal_dermis_mm = mc.normal_dermis_mm;
  o.initial_dermis_mm = mc.initial_dermis_mm;
  double g = 0.0, g1 = 0.0;
  for (int c : mc.cells) {
    g += new_collagen(c);
    g1 += collagen1(c);
  }
  if (!mc.cells.empty()) {
    g /= static_cast<double>(mc.cells.size());
    g1 /= static_cast<double>(mc.cells.size());
  }
  o.new_collagen = g;
  // New collagen adds dermal volume under the mark; the deficit to the
  // surrounding dermis closes along a saturating curve (marks improve, they
  // do not vanish: S4, C2).
  const double deficit = std::max(1e-6, mc.normal_dermis_mm - mc.initial_dermis_mm);
  const double gain_mm = mc.initial_dermis_mm * g * h::dermal_volume_per_collagen;
  o.dermal_fill = 1.0 - std::exp(-gain_mm / deficit);
  // The depression's fine wrinkling lessens as the new collagen matures (type I).
  const double slowing = 1.0 + h::severity_slowing * mark.severity;  // C2
  o.texture_recovery = 1.0 - std::exp(-g1 / (h::texture_collagen1_scale * slowing));
  o.colour_recovery = mark.type == StriaType::rubra ? 1.0 - std::exp(-g / (h::rubra_colour_collagen_scale * slowing))
                                                   : h::alba_colour_recovery_share * o.dermal_fill;
  o.dermal_thickness_mm = mc.initial_dermis_mm + deficit * o.dermal_fill;
  const auto& w = mark.type == StriaType::rubra ? h::rubra_visibility : h::alba_visibility;
  o.improvement_percent =
      100.0 * (w.colour * o.colour_recovery + w.dermis * o.dermal_fill + w.texture * o.texture_recovery);
  return o;
}

OutcomeState HealingCourse::state() const {
  OutcomeState s;
  s.day = day_;
  s.sessions = sessions();
  int treated = 0;
  double treated_collagen = 0.0, treated_echo = 0.0;
  for (int i = 0; i < cell_count(); ++i) {
    const Cell& c = cells_[static_cast<std::size_t>(i)];
    if (!c.treated) continue;
    ++treated;
    s.erythema_mean += erythema(i);
    s.oedema_mean += oedema(i);
    s.crust_mean += crust(i);
    treated_collagen += c.collagen3 + c.collagen1;
    treated_echo += c.collagen1 + h::echo_density_collagen3_share * c.collagen3;
  }
  if (treated > 0) {
    const double n = treated;
    s.erythema_mean /= n;
    s.oedema_mean /= n;
    s.crust_mean /= n;
    s.treated_collagen_index = 1.0 + treated_collagen / n;
    s.echo_density_gain = h::echo_density_per_collagen1 * treated_echo / n;
    s.epidermal_gain = h::epidermal_gain_per_collagen * treated_collagen / n;
  }
  // Collagen over the marks (each cell once, however many marks cover it).
  std::vector<bool> seen(static_cast<std::size_t>(cell_count()), false);
  double mark_collagen = 0.0, mark_c3 = 0.0;
  int mark_cells = 0;
  for (const auto& m : marks_)
    for (int c : m.cells) {
      if (seen[static_cast<std::size_t>(c)]) continue;
      seen[static_cast<std::size_t>(c)] = true;
      ++mark_cells;
      mark_collagen += new_collagen(c);
      mark_c3 += cells_[static_cast<std::size_t>(c)].collagen3;
    }
  s.collagen_index = mark_cells > 0 ? 1.0 + mark_collagen / mark_cells : s.treated_collagen_index;
  s.collagen3_share = mark_collagen > 0.0 ? mark_c3 / mark_collagen : 0.0;
  for (int k = 0; k < static_cast<int>(marks_.size()); ++k) s.marks.push_back(mark_outcome(k));
  return s;
}

std::uint64_t HealingCourse::hash() const {
  std::uint64_t hv = fnv1a_offset;
  fnv1a_mix(hv, &day_, sizeof day_);
  // Field by field: the struct has padding, whose bytes are not values.
  for (const Cell& c : cells_) {
    const double v[] = {c.response, c.treated ? 1.0 : 0.0, c.inflammation, c.proliferation, c.collagen3, c.collagen1,
                        c.erythema_fast, c.erythema_slow, c.erythema_slow_tau_days, c.oedema, c.crust_slow, c.crust_fast,
                        c.pigment_slow, c.pigment_fast, c.infection_slow, c.infection_fast, c.scar_fading, c.scar_lasting,
                        c.scar_angle_rad};
    fnv1a_mix(hv, v, sizeof v);
  }
  for (const auto& x : complications_) {
    fnv1a_mix(hv, x.kind.data(), x.kind.size());
    fnv1a_mix(hv, &x.occurred, sizeof x.occurred);
    fnv1a_mix(hv, &x.probability, sizeof x.probability);
    // Mixed only when set, so a course without home rolling keeps its hash.
    if (x.kept_until_day != 0.0) fnv1a_mix(hv, &x.kept_until_day, sizeof x.kept_until_day);
  }
  if (home_rolling_) {
    const unsigned char rolling = 1;
    fnv1a_mix(hv, &rolling, sizeof rolling);
  }
  return hv;
}

}  // namespace dermasim::tissue
