#pragma once
// Technique tolerances that raise feedback cues. Scenarios override them.
#include "physics/device.hpp"

namespace dermasim::physics {

/// Pens are held perpendicular to the skin (P4, docs/SOURCES.md); beyond this the
/// depth goes uneven and the needles drag.
inline constexpr double perpendicular_tilt_max_deg = 10.0;

struct TechniqueLimits {
  // The force band is the cartridge's own (for_cartridge): below it needles
  // tent the skin more than they enter; above it bruising and tram-track risk
  // (E3).
  double force_min_n = 0.0;
  double force_max_n = 0.0;
  double tilt_max_deg = perpendicular_tilt_max_deg;
  // A needle in the skin may move sideways about its own diameter (pen
  // needles are 0.2-0.4 mm) while the channel and the skin around it give;
  // further, it cuts sideways and tears a tram-track line (E3). At 100 Hz a
  // 1.0-1.5 mm needle is in the skin 6-7 ms of each 10 ms stroke, so this
  // allows a glide up to about 35 mm/s.
  double drag_tolerance_mm = 0.25;
  double dwell_radius_mm = 1.0;     // staying inside this circle ...
  double dwell_time_s = 1.0;        // ... for this long over-treats the spot
  // At the end of a stroke the surface under a needle still yields this
  // little or less: the skin is pressed so hard it no longer gives, and the
  // whole needle is in (a motor pen at a firm, in-band force leaves about
  // 0.05-0.1 mm of tenting; 15 N leaves about 0.02 mm).
  double bottom_out_margin_mm = 0.03;

  /// Defaults scaled to a cartridge: the lower bound is what punctures reliably
  /// with its needle count, 1.5 times the sum of the per-needle puncture
  /// forces; the upper bound 3.5 N above it.
  static TechniqueLimits for_cartridge(const Cartridge& cartridge);
};

inline TechniqueLimits TechniqueLimits::for_cartridge(const Cartridge& c) {
  TechniqueLimits t;
  t.force_min_n = 1.5 * c.needle_count() * c.puncture_force_n;
  t.force_max_n = t.force_min_n + 3.5;
  return t;
}

}  // namespace dermasim::physics
