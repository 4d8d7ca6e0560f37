#include "physics/needle_mechanics.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::physics {
namespace {

// Reference figures for a 0.25 mm pen needle; other needles scale with their
// stratum-corneum puncture force (force linear in tip area, Davis 2004).
constexpr double reference_puncture_n = 0.025;  // 0.02-0.03 N per needle in arrays (J Pharm Sci 2013)

// Tenting stiffness of lax, unpressed skin. With it, a needle set under 1 mm
// on lax skin at light pressure is buried less than half its length, as Lam
// et al. 2008 measured; taut skin and firmer pressure stiffen the surface.
constexpr double tent_a1_n_per_mm = 0.0165;
constexpr double tent_a2_n_per_mm2 = 0.0155;

// Rupture at the stratum corneum is the puncture; the dermo-epidermal junction
// and the dermis-fat boundary give smaller second and third peaks. Cutting
// forces stay below the puncture force (the force drops after puncture, as in
// Okamura 2004); friction is about a fifth of the insertion force at 1 mm
// (Barnett, Lee & Moore 2015: 61% tearing, 18% spreading, 21% friction). Fat is
// soft (shear modulus under 1 kPa), so it cuts and grips far less.
constexpr std::array<LayerMechanics, tissue::layer_count> reference_layers{{
    {reference_puncture_n, 0.016, 0.006},  // stratum corneum
    {0.0, 0.014, 0.006},                   // viable epidermis: continuous with the corneum
    {0.022, 0.016, 0.005},                 // papillary dermis: dermo-epidermal junction
    {0.0, 0.018, 0.005},                   // reticular dermis: continuous with the papillary
    {0.010, 0.005, 0.002},                 // hypodermis
}};

double tent_force(double x_mm, double a1, double a2) { return x_mm <= 0.0 ? 0.0 : x_mm * (a1 + a2 * x_mm); }

// Positive root of a2*x^2 + b*x - c = 0 (a2, b > 0, c >= 0).
double positive_root(double a2, double b, double c) {
  if (c <= 0.0) return 0.0;
  // Written to avoid cancellation when a2*c is small against b^2.
  return 2.0 * c / (b + std::sqrt(b * b + 4.0 * a2 * c));
}

double layer_top(const LayerBottoms& b, int i) { return i == 0 ? 0.0 : b[static_cast<std::size_t>(i - 1)]; }

int layer_index_at(double depth_mm, const LayerBottoms& b) {
  for (int i = 0; i < tissue::layer_count; ++i)
    if (depth_mm <= b[static_cast<std::size_t>(i)]) return i;
  return tissue::layer_count - 1;
}

}  // namespace

NeedleMechanics NeedleMechanics::for_cartridge(const Cartridge& cartridge) {
  NeedleMechanics m;
  const double scale = cartridge.puncture_force_n / reference_puncture_n;
  for (std::size_t i = 0; i < m.layers.size(); ++i) {
    m.layers[i].rupture_force_n = reference_layers[i].rupture_force_n * scale;
    m.layers[i].cutting_force_n = reference_layers[i].cutting_force_n * scale;
    // Friction grows with the shaft's circumference.
    m.layers[i].friction_n_per_mm = reference_layers[i].friction_n_per_mm * cartridge.needle_diameter_mm / 0.25;
  }
  m.tent_linear_n_per_mm = tent_a1_n_per_mm;
  m.tent_quadratic_n_per_mm2 = tent_a2_n_per_mm2;
  return m;
}

double NeedleMechanics::tension_factor(bool skin_taut, double pressing_force_n) const {
  return (skin_taut ? taut_stiffening : 1.0) * (1.0 + pressure_stiffening_per_n * std::max(0.0, pressing_force_n));
}

double NeedleMechanics::rate_factor(double insertion_speed_mm_s) const {
  const double v = std::max(0.0, insertion_speed_mm_s);
  return 1.0 + rate_stiffening_gain * v * v / (v * v + rate_half_speed_mm_s * rate_half_speed_mm_s);
}

double shaft_friction_n(double depth_mm, const LayerBottoms& b, const NeedleMechanics& m) {
  double f = 0.0;
  for (int i = 0; i < tissue::layer_count && depth_mm > layer_top(b, i); ++i) {
    const double inside = std::min(depth_mm, b[static_cast<std::size_t>(i)]) - layer_top(b, i);
    f += inside * m.layers[static_cast<std::size_t>(i)].friction_n_per_mm;
  }
  return f;
}

NeedleStep evaluate_needle(const NeedleState& previous, double advance_mm, const LayerBottoms& b, double tension,
                           const NeedleMechanics& m, double advance_speed_mm_s) {
  NeedleStep r{previous};
  NeedleState& n = r.state;
  const double s = advance_mm;
  const bool advancing = previous.phase == NeedlePhase::out || s >= previous.advance_mm;
  n.advance_mm = s;

  if (s <= 0.0) {  // the tip is clear of the skin
    r.withdrawn = previous.phase == NeedlePhase::inserted;
    n.phase = NeedlePhase::out;
    n.tent_mm = n.depth_mm = n.force_n = 0.0;
    n.insertion_speed_mm_s = 0.0;
    return r;
  }
  const double speed = std::isfinite(advance_speed_mm_s) ? std::max(0.0, advance_speed_mm_s) : 0.0;
  n.insertion_speed_mm_s =
      previous.phase == NeedlePhase::out ? speed : std::max(previous.insertion_speed_mm_s, speed);
  const double stiffness = tension * m.rate_factor(n.insertion_speed_mm_s);
  const double a1 = m.tent_linear_n_per_mm * stiffness;
  const double a2 = m.tent_quadratic_n_per_mm2 * stiffness;

  if (n.phase != NeedlePhase::inserted) {
    const double f = tent_force(s, a1, a2);
    const double puncture = m.layers[0].rupture_force_n;
    if (!advancing || f < puncture) {
      n.phase = NeedlePhase::tenting;
      n.tent_mm = s;
      n.force_n = f;
      r.peak_force_n = f;
      return r;
    }
    // The surface breaks at the puncture force; the tip then cuts on.
    r.punctured = true;
    r.peak_force_n = puncture;
    r.entered_mask = 1;
    n.phase = NeedlePhase::inserted;
    n.layer = 0;
    n.depth_mm = 0.0;
    n.max_depth_mm = 0.0;
    n.max_depth_vertical_mm = 0.0;
    n.deepest_layer = static_cast<std::uint8_t>(tissue::Layer::stratum_corneum);
  }

  if (advancing) {
    int i = n.layer;
    double x = 0.0, d = 0.0;
    for (;;) {
      const LayerMechanics& layer = m.layers[static_cast<std::size_t>(i)];
      const double top = layer_top(b, i);
      // Equilibrium: tent(x) = cutting + friction(d), with d = s - x.
      const double load_at_top = layer.cutting_force_n + shaft_friction_n(top, b, m);
      x = positive_root(a2, a1 + layer.friction_n_per_mm, load_at_top + layer.friction_n_per_mm * (s - top));
      d = s - x;
      if (d < n.depth_mm) {  // not enough push to cut further: the tip rests
        d = n.depth_mm;
        x = s - d;
      }
      if (i + 1 < tissue::layer_count && d > b[static_cast<std::size_t>(i)]) {
        const double bottom = b[static_cast<std::size_t>(i)];
        const LayerMechanics& below = m.layers[static_cast<std::size_t>(i + 1)];
        // To go on, the tip must break the next layer's membrane (if it has
        // one) and be able to cut it.
        const double needed = std::max(below.rupture_force_n, below.cutting_force_n + shaft_friction_n(bottom, b, m));
        const double held = tent_force(s - bottom, a1, a2);
        if (held < needed) {  // pressing on the next layer without entering it
          d = bottom;
          x = s - bottom;
          break;
        }
        r.peak_force_n = std::max(r.peak_force_n, needed);
        ++i;
        r.entered_mask = static_cast<std::uint8_t>(r.entered_mask | (1u << i));
        continue;
      }
      break;
    }
    n.layer = static_cast<std::uint8_t>(i);
    n.depth_mm = d;
    n.tent_mm = x;
    n.force_n = tent_force(x, a1, a2);
    r.peak_force_n = std::max(r.peak_force_n, n.force_n);
  } else {
    // Withdrawing: the surface relaxes and the shaft slides out; the skin
    // grips the shaft, pulling the pen toward it.
    n.depth_mm = std::min(n.depth_mm, s);
    n.tent_mm = s - n.depth_mm;
    n.layer = static_cast<std::uint8_t>(layer_index_at(n.depth_mm, b));
    n.force_n = -shaft_friction_n(n.depth_mm, b, m);
  }
  if (n.depth_mm > n.max_depth_mm) n.max_depth_mm = n.depth_mm;
  n.deepest_layer = std::max<std::uint8_t>(n.deepest_layer, static_cast<std::uint8_t>(n.layer + 1));
  return r;
}

}  // namespace dermasim::physics
