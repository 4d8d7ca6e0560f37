#include "scene/skin_deformation.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim::scene {

void SkinDeformation::finish() {
  const bool cap = cap_indent_mm > 0.0;
  active = cap || !tents.empty();
  if (!active) return;
  min_x_mm = min_y_mm = 1e300;
  max_x_mm = max_y_mm = -1e300;
  auto include = [&](double x, double y, double r) {
    min_x_mm = std::min(min_x_mm, x - r);
    max_x_mm = std::max(max_x_mm, x + r);
    min_y_mm = std::min(min_y_mm, y - r);
    max_y_mm = std::max(max_y_mm, y + r);
  };
  if (cap) include(cap_x_mm, cap_y_mm, cap_radius_mm * (1.0 + rim_per_cap_radius));
  for (const Tent& t : tents) include(t.x_mm, t.y_mm, tent_radius_mm);
}

double surface_shift_z_mm(const SkinDeformation& d, double x_mm, double y_mm) {
  if (!d.touches(x_mm, y_mm)) return 0.0;
  double shift = 0.0;
  if (d.cap_indent_mm > 0.0) {
    const double r = std::hypot(x_mm - d.cap_x_mm, y_mm - d.cap_y_mm);
    const double rim = d.cap_radius_mm * SkinDeformation::rim_per_cap_radius;
    // Flat under the cap face, then a smooth (C1) rise to the flat skin.
    const double t = std::clamp((r - d.cap_radius_mm) / rim, 0.0, 1.0);
    shift = -d.cap_indent_mm * (1.0 - t * t * (3.0 - 2.0 * t));
  }
  // The cap's dip carries the needles down with it; a tent is measured from
  // the pressed surface under the cap face.
  const double base = shift;
  for (const auto& tent : d.tents) {
    const double r = std::hypot(x_mm - tent.x_mm, y_mm - tent.y_mm);
    if (r >= SkinDeformation::tent_radius_mm) continue;
    // A tent is a cone with sagging sides: steep at the needle, flat where it
    // meets the surface around it.
    const double u = 1.0 - r / SkinDeformation::tent_radius_mm;
    shift = std::min(shift, base - tent.tent_mm * u * u);
  }
  return shift;
}

double tissue_shift_z_mm(double surface_shift_mm, double depth_mm, double fat_top_mm, double fat_bottom_mm) {
  if (surface_shift_mm == 0.0 || depth_mm <= fat_top_mm) return surface_shift_mm;
  if (fat_bottom_mm <= fat_top_mm || depth_mm >= fat_bottom_mm) return 0.0;
  return surface_shift_mm * (fat_bottom_mm - depth_mm) / (fat_bottom_mm - fat_top_mm);
}

}  // namespace dermasim::scene
