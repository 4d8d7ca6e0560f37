#include "scene/scripted_treatment.hpp"

#include <cmath>

namespace dermasim::scene {

std::vector<physics::PathSegment> treatment_path(const tissue::SkinPatch& patch, int mark_index, int passes,
                                                 bool skin_taut) {
  const auto& mark = patch.marks().at(static_cast<std::size_t>(mark_index));
  physics::PathStyle style;
  style.force_n = 2.0;
  style.speed_mm_s = 15.0;
  style.skin_taut = skin_taut;
  // A raster's rectangle is axis-aligned in its own frame; rows run along the mark.
  const double half_length = 0.45 * mark.length_mm, half_width = 0.5 * mark.width_mm + 1.0;
  auto segment = physics::PathSegment::raster(mark.center_x_mm - half_length, mark.center_y_mm - half_width,
                                              mark.center_x_mm + half_length, mark.center_y_mm + half_width, 1.0,
                                              mark.angle_deg, style);
  segment.passes = passes;
  return {segment};
}

long run_treatment(physics::Simulator& sim, physics::PenInput& pen, double seconds) {
  const auto steps = static_cast<long>(std::lround(seconds * physics::Simulator::rate_hz));
  long taken = 0;
  for (; taken < steps && !pen.finished(); ++taken) sim.step(pen.next());
  for (int extra = 0; extra < 50 && !pen.finished() && sim.last_events().telemetry.needles_in_skin == 0; ++extra, ++taken)
    sim.step(pen.next());
  return taken;
}

}  // namespace dermasim::scene
