#pragma once
// Nobody presses with a perfectly steady force: a sustained, light pinch or
// press wavers by a few percent of its mean (coefficient of variation of force
// in submaximal isometric contractions of a hand muscle, Galganski, Fuglevand
// & Enoka, J Neurophysiol 1993), with a slow drift and physiological tremor at
// 8-12 Hz. The simulator applies this to the force the hand presses with, so
// the needles of successive strokes meet slightly different loads. It is a
// fixed function of time: the same recording gives the same physics.
#include <cmath>
#include <numbers>

namespace dermasim::physics {

/// Root-mean-square wavering of the pressing force, relative to its mean.
inline constexpr double hand_force_cv = 0.04;

/// The pressing force's relative deviation at `time_s`, RMS `hand_force_cv`:
/// a drift (0.7 Hz), a slower correction (2.3 Hz) and tremor (9.7 Hz), at
/// frequencies with no common period so the pattern never visibly repeats.
inline double hand_force_deviation(double time_s) {
  constexpr double two_pi = 2.0 * std::numbers::pi;
  // Amplitudes 1 : 0.6 : 0.5; the RMS of a sum of sines is
  // sqrt(sum of amplitude^2 / 2), so this scale makes it hand_force_cv.
  const double norm = 1.0 / std::sqrt(1.0 + 0.6 * 0.6 + 0.5 * 0.5);
  const double s = std::sin(two_pi * 0.7 * time_s) + 0.6 * std::sin(two_pi * 2.3 * time_s + 1.1) +
                   0.5 * std::sin(two_pi * 9.7 * time_s + 2.3);
  return hand_force_cv * std::sqrt(2.0) * norm * s;
}

}  // namespace dermasim::physics
