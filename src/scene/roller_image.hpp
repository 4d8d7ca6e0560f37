#pragma once
// Pictures of a home roller and what it leaves (issue 14, H1-H2), drawn on
// the CPU like the outcome pictures: the drum from the side with the needles
// that are in the skin, and the holes a number of passes left, from above.
#include "physics/device.hpp"
#include "physics/roller_passes.hpp"
#include "scene/outcome_image.hpp"

namespace dermasim::scene {

/// How much longer than they are the side view draws the needles: 0.5 mm
/// on an 18 mm drum would be a few pixels.
inline constexpr double roller_needle_drawn_scale = 4.0;

/// The drum from the end of its axle, resting on the skin, one ring of
/// needles round it; the needles below the skin line are drawn into the
/// skin band at the angle they stand at.
Pixels roller_side_view(const physics::Cartridge& roller, double needle_length_mm, double px_per_mm);

/// The skin `span_mm` square round the passes' centre from above, each hole
/// a dot shaded by its depth (pale: epidermis; dark: into the dermis), with
/// the circle the holes are counted in.
Pixels roller_holes_view(const physics::RollerResult& result, const physics::RollerTechnique& technique,
                         double span_mm, double px_per_mm);

}  // namespace dermasim::scene
