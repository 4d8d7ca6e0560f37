#pragma once
// Technique tolerances that raise feedback cues. Scenarios override them.
#include "physics/device.hpp"

namespace dermasim::physics {

struct TechniqueLimits {
  double force_min_n = 0.6;     // below: needles tent the skin more than they enter
  double force_max_n = 4.0;     // above: bruising and tram-track risk (clinical.md E3)
  double tilt_max_deg = 10.0;   // pens are held perpendicular (P4)
  double drag_tolerance_mm = 0.15;  // a needle moving sideways in the skin tears it (E3)
  double dwell_radius_mm = 1.0;     // staying inside this circle ...
  double dwell_time_s = 1.0;        // ... for this long over-treats the spot
  // At the end of a stroke the surface under a needle still yields this
  // little or less: the skin is pressed so hard it no longer gives, and the
  // whole needle is in (a motor pen at a firm, in-band force leaves about
  // 0.05-0.1 mm of tenting; 15 N leaves about 0.02 mm).
  double bottom_out_margin_mm = 0.03;

  /// Defaults scaled to a cartridge: the lower bound is what punctures reliably
  /// with its needle count, 1.5 times the sum of the per-needle puncture forces.
  static TechniqueLimits for_cartridge(const Cartridge& cartridge);
};

inline TechniqueLimits TechniqueLimits::for_cartridge(const Cartridge& c) {
  TechniqueLimits t;
  t.force_min_n = 1.5 * c.needle_count() * c.puncture_force_n;
  t.force_max_n = t.force_min_n + 3.5;
  return t;
}

}  // namespace dermasim::physics
