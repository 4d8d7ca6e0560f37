#pragma once
// Force model of one needle going into layered skin, with the phases of Okamura,
// Simone & O'Leary (IEEE TBME 2004) and Mahvash & Dupont (2010):
//   1. tenting: before puncture the surface deflects like a nonlinear spring,
//      f = a1*x + a2*x^2;
//   2. rupture: when f reaches a layer's rupture force the needle breaks
//      through and the force drops;
//   3. cutting plus shaft friction: f = cutting force of the layer at the tip +
//      friction growing with the length of shaft inside each layer.
// Inside the skin the deflected surface and the tip share the load, so the
// depth the tip reaches is the needle's advance minus the surface deflection.
#include <array>
#include <cstdint>

#include "physics/device.hpp"
#include "tissue/layers.hpp"

namespace dermasim::physics {

struct LayerMechanics {
  double rupture_force_n = 0.0;    // to break into this layer (0: no membrane to break)
  double cutting_force_n = 0.0;    // at the tip while cutting through it
  double friction_n_per_mm = 0.0;  // on the shaft, per mm of shaft in this layer
};

struct NeedleMechanics {
  std::array<LayerMechanics, tissue::layer_count> layers{};
  double tent_linear_n_per_mm = 0.0;      // a1
  double tent_quadratic_n_per_mm2 = 0.0;  // a2
  // Stretching the skin taut reduces deflection (Lam 2008 via
  // docs/SOURCES.md); so does the pressure of the cap around the needles.
  double taut_stiffening = 2.5;
  double pressure_stiffening_per_n = 0.2;
  // "A faster needle reduces deflection" (docs/SOURCES.md): impact
  // insertion at metres per second pierces skin that a slow press only folds
  // (Verbaan et al., J Control Release 2008). The tissue cannot get out of
  // the way of a fast needle: its inertial resistance grows with the square
  // of the speed and saturates once the needle outruns the surface. So the
  // surface's tenting stiffness grows with the insertion speed v as
  // 1 + gain * v^2 / (v^2 + half_speed^2): a hand press at a few mm/s keeps
  // the quasi-static stiffness (Lam 2008: arrays buried less than half), a
  // pen's cam at 150-650 mm/s makes it 3-5 times stiffer, which brings pen
  // channels close to the set length as histology shows (Sasaki 2019). Both
  // constants are calibrated to those two results.
  double rate_stiffening_gain = 5.0;
  double rate_half_speed_mm_s = 200.0;

  /// Parameters for a cartridge's needles; values and sources in the .cpp.
  static NeedleMechanics for_cartridge(const Cartridge& cartridge);
  /// How much stiffer than lax, unpressed skin the surface is to tenting.
  double tension_factor(bool skin_taut, double pressing_force_n) const;
  /// How much stiffer the surface is to a needle inserted at this speed.
  double rate_factor(double insertion_speed_mm_s) const;
};

enum class NeedlePhase : std::uint8_t { out, tenting, inserted };

/// One needle's state across the steps of a stroke.
struct NeedleState {
  NeedlePhase phase = NeedlePhase::out;
  std::uint8_t layer = 0;            // index 0..4 of the layer at the tip while inserted
  std::uint8_t deepest_layer = 0;    // tissue::Layer value reached this stroke
  double advance_mm = 0.0;           // tip advance beyond the undeformed surface, along the needle
  double tent_mm = 0.0;              // surface deflection under the needle
  double depth_mm = 0.0;             // shaft length inside the skin, along the needle
  double max_depth_mm = 0.0;         // this stroke, along the needle
  double force_n = 0.0;              // on the needle along its axis (+: skin pushes back)
  double entry_x_mm = 0.0, entry_y_mm = 0.0;  // where it broke the surface
  double max_depth_vertical_mm = 0.0;         // this stroke, straight down
  double insertion_speed_mm_s = 0.0;          // fastest advance since it last left the skin
};

/// What happened to one needle in one evaluation.
struct NeedleStep {
  NeedleState state;
  double peak_force_n = 0.0;         // highest force on the way to this advance
  bool punctured = false;            // broke through the stratum corneum now
  bool withdrawn = false;            // left the skin after being inserted
  std::uint8_t entered_mask = 0;     // bit i: entered layer index i now
};

/// Layer bottoms along the needle's path, in mm from the surface.
using LayerBottoms = std::array<double, tissue::layer_count>;

/// Evaluates a needle advanced to `advance_mm` from `previous`, moving at
/// `advance_speed_mm_s` along its axis. Pure: the caller decides whether to
/// commit the result (the pen's load limit may need to try several advances).
/// The surface stays as stiff as the fastest advance of the insertion made it:
/// skin relaxes over seconds, far longer than a 7-20 ms pen stroke.
NeedleStep evaluate_needle(const NeedleState& previous, double advance_mm, const LayerBottoms& bottoms_mm,
                           double tension, const NeedleMechanics& mechanics, double advance_speed_mm_s = 0.0);

/// Shaft friction of `depth_mm` of needle through the layers.
double shaft_friction_n(double depth_mm, const LayerBottoms& bottoms_mm, const NeedleMechanics& mechanics);

}  // namespace dermasim::physics
