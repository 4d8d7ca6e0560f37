#pragma once
#include <glm/vec3.hpp>

namespace dermasim::physics {

/// Where the pen is, in patch millimetres: x, y on the patch, z up from the
/// undeformed skin surface (z = 0).
struct PenPose {
  glm::dvec3 cap_center_mm{60.0, 40.0, 5.0};
  glm::dvec3 needle_axis{0.0, 0.0, -1.0};  // unit, the direction needles travel
  glm::dvec3 cap_u{1.0, 0.0, 0.0};         // unit vectors spanning the cap face
  glm::dvec3 cap_v{0.0, 1.0, 0.0};
  glm::dvec3 velocity_mm_s{0.0, 0.0, 0.0};
  double tilt_deg = 0.0;                   // needle axis from the surface normal
  double cap_indent_mm = 0.0;              // how far the cap presses into the skin (Bullet contact)
  bool in_contact = false;
};

}  // namespace dermasim::physics
