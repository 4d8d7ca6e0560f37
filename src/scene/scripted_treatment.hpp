#pragma once
// The scripted treatment pass behind `dermasim screenshot`, `bench render`
// and the render tests: a raster across the widest stretch mark of the
// default case, as a practitioner treats one mark at a time.
#include <vector>

#include "physics/scripted_pen.hpp"
#include "physics/simulator.hpp"

namespace dermasim::scene {

/// Raster segments over mark `mark_index` of the patch (rows along the mark).
/// `skin_taut`: the free hand stretches the skin (the default) or leaves it lax.
std::vector<physics::PathSegment> treatment_path(const tissue::SkinPatch& patch, int mark_index, int passes = 1,
                                                 bool skin_taut = true);

/// Steps `sim` with `pen` for `seconds`, then a little longer (at most 50 ms)
/// until needles are in the skin, so a picture shows them going in. Returns
/// the steps taken.
long run_treatment(physics::Simulator& sim, physics::PenInput& pen, double seconds);

}  // namespace dermasim::scene
