#pragma once
// Pictures of the healing patch, drawn on the CPU from the healing course: the
// top view (skin tone, marks fading, erythema, crusts, PIH, tram tracks) and a
// cutaway across a mark (the dermis thickening toward the surrounding skin).
// Headless: the PNG frames of `dermasim outcome` and the debrief's time-lapse
// both read these pixels.
#include <cstdint>
#include <vector>

#include "tissue/healing_model.hpp"

namespace dermasim::scene {

struct Pixels {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // row-major, top row first
};

/// The patch seen from above at `px_per_mm`, the patch's +y up.
Pixels outcome_top_view(const tissue::HealingCourse& course, double px_per_mm);
/// The patch before any treatment, for the side-by-side comparison.
Pixels untreated_top_view(const tissue::SkinPatch& patch, int fitzpatrick, double px_per_mm);
/// A cross-section `span_mm` long across mark `mark_index` through its centre,
/// `depth_mm` deep, at `px_per_mm` across and `depth_px_per_mm` down (the
/// skin is thin: depth is drawn exaggerated).
Pixels outcome_cutaway(const tissue::HealingCourse& course, int mark_index, double span_mm, double depth_mm,
                       double px_per_mm, double depth_px_per_mm);

}  // namespace dermasim::scene
