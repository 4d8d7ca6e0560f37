#include "render/pen_mesh.hpp"

#include <algorithm>

#include <glm/geometric.hpp>

#include "tissue/rf_coagulation.hpp"

namespace dermasim::render {

namespace {

glm::vec3 f3(const glm::dvec3& v) { return glm::vec3(v); }

// Pen dimensions along its axis, up from the cap face (mm): a typical
// microneedling pen is about 150 mm long and 20 mm across.
constexpr float cap_length_mm = 9.0f;
constexpr float cartridge_top_mm = 28.0f;
constexpr float nose_top_mm = 42.0f;
constexpr float body_top_mm = 150.0f;
constexpr float body_radius_mm = 9.5f;

}  // namespace

void build_pen(const scene::PenScene& pen, PenGeometry& out) {
  out.opaque.clear();
  out.translucent.clear();
  const glm::vec3 face = f3(pen.cap_center_mm);
  const glm::vec3 up = -glm::normalize(f3(pen.axis));
  auto at = [&](float h) { return face + h * up; };
  const float cap_r = static_cast<float>(pen.cap_radius_mm);
  const float fade = static_cast<float>(std::clamp(pen.opacity, 0.0, 1.0));
  const bool faded = fade < 0.999f;
  auto& body = faded ? out.translucent : out.opaque;
  // Fully faded (a plan view): only the cartridge and needles, so the pen
  // does not hide the skin it treats.
  const bool body_hidden = fade <= 0.0f;

  // A white hub holding the needles, seen through the clear cap.
  append_cylinder(out.opaque, at(2.5f), at(4.0f), cap_r * 0.7f, cap_r * 0.7f, {0.93f, 0.93f, 0.9f, 1.0f}, 20);
  if (body_hidden) {
    // The cap alone, fainter than in the hand, so the skin under it shows.
    append_cylinder(out.translucent, at(0.0f), at(cap_length_mm), cap_r, cap_r * 0.95f, {0.8f, 0.88f, 0.95f, 0.3f}, 28);
  } else {
  // The clear cartridge: a cap that rests on the skin and its housing.
  append_cylinder(out.translucent, at(0.0f), at(cap_length_mm), cap_r, cap_r * 0.95f,
                  {0.80f, 0.88f, 0.95f, 0.28f * fade}, 28);
  append_cylinder(out.translucent, at(cap_length_mm), at(cartridge_top_mm), cap_r * 0.95f, cap_r * 1.15f,
                  {0.80f, 0.88f, 0.95f, 0.22f * fade}, 28);
  // Nose and body.
  append_cylinder(body, at(cartridge_top_mm), at(nose_top_mm), cap_r * 1.25f, body_radius_mm,
                  {0.16f, 0.18f, 0.21f, fade}, 32);
  append_cylinder(body, at(nose_top_mm), at(body_top_mm), body_radius_mm, body_radius_mm * 0.92f,
                  {0.78f, 0.80f, 0.83f, fade}, 32);
  // A ring that lights when the motor runs.
  const glm::vec4 ring = pen.motor_on ? glm::vec4(0.2f, 0.95f, 0.45f, fade) : glm::vec4(0.3f, 0.32f, 0.35f, fade);
  append_cylinder(body, at(nose_top_mm + 6.0f), at(nose_top_mm + 9.0f), body_radius_mm * 1.03f,
                  body_radius_mm * 1.03f, ring, 32);
  }

  // A ray through a clear shell crosses two walls of alpha a, which let
  // (1 - a)^2 of what is behind through; the near wall alone, at
  // 1 - (1 - a)^2, lets through the same, and the far wall need not be
  // shaded and blended (half the pen's translucent pixels on software GL).
  for (SolidVertex& v : out.translucent) v.a = 1.0f - (1.0f - v.a) * (1.0f - v.a);
  out.translucent_shells = out.translucent.size();

  // Needles: thin steel cylinders from the hub to the tip. They are drawn at
  // least 0.12 mm across so a single needle stays visible in a close view.
  const float needle_r = std::max(0.06f, static_cast<float>(pen.needle_radius_mm));
  for (const auto& n : pen.needles) {
    const glm::vec3 hub = f3(n.base_mm) + 3.0f * up;
    const glm::vec3 tip = f3(n.tip_mm);
    const glm::vec3 shaft_end = tip + 0.35f * up;  // where the bevel starts
    const glm::vec4 steel = n.in_skin ? glm::vec4(0.85f, 0.86f, 0.9f, 1.0f) : glm::vec4(0.75f, 0.77f, 0.8f, 1.0f);
    append_cylinder(out.opaque, hub, shaft_end, needle_r, needle_r, steel, 6);
    append_cylinder(out.opaque, shaft_end, tip, needle_r, 0.005f, steel, 6);
  }
}

void build_cutaway_marks(const scene::CutawayScene& cut, const glm::vec3& toward_viewer,
                         std::vector<SolidVertex>& opaque, std::vector<SolidVertex>& translucent) {
  if (!cut.enabled || cut.columns.empty()) return;
  const bool along_x = cut.axis == scene::CutAxis::along_x;
  auto point = [&](double along, double z, float lift) {
    const glm::vec3 p = along_x ? glm::vec3(static_cast<float>(along), static_cast<float>(cut.position_mm), static_cast<float>(z))
                                : glm::vec3(static_cast<float>(cut.position_mm), static_cast<float>(along), static_cast<float>(z));
    return p + lift * toward_viewer;
  };
  const glm::vec3 n = toward_viewer;
  // Channels: thin dark lines from the (pressed) surface to the depth they reached.
  const double half_w = 0.07;
  for (const auto& c : cut.channels) {
    const glm::vec4 colour = c.bleeding ? glm::vec4(0.45f, 0.02f, 0.03f, 1.0f) : glm::vec4(0.28f, 0.10f, 0.12f, 1.0f);
    const double top = c.top_z_mm, bottom = c.top_z_mm - c.depth_mm;
    append_quad(opaque, point(c.along_mm - half_w, top, 0.02f), point(c.along_mm + half_w, top, 0.02f),
                point(c.along_mm + half_w, bottom, 0.02f), point(c.along_mm - half_w, bottom, 0.02f), n, colour);
    // P6: the RF coagulation zone, a pale column of denatured collagen at the
    // tip (tissue/rf_coagulation.hpp), drawn over the channel's end.
    if (c.coagulation_mm > 0.0) {
      const double zone_half_w = std::max(half_w, 0.5 * tissue::rf::zone_width_per_length * c.coagulation_mm);
      const double zone_top = std::min(top, bottom + c.coagulation_mm);
      const glm::vec4 coagulated{0.97f, 0.93f, 0.85f, 1.0f};
      append_quad(opaque, point(c.along_mm - zone_half_w, zone_top, 0.03f),
                  point(c.along_mm + zone_half_w, zone_top, 0.03f), point(c.along_mm + zone_half_w, bottom, 0.03f),
                  point(c.along_mm - zone_half_w, bottom, 0.03f), n, coagulated);
    }
  }
  // The target layer as a translucent band around the pen, edged by lines,
  // and the depth the last stroke reached: both measured from the surface,
  // so they follow it down where the pen presses it (piecewise along the cut).
  const double a0 = cut.pen_along_mm - 12.0, a1 = cut.pen_along_mm + 12.0;
  const double b0 = cut.pen_along_mm - 6.0, b1 = cut.pen_along_mm + 6.0;
  const double line_mm = 0.02;
  const double d = cut.achieved_depth_mm;
  const glm::vec4 depth_colour = d < cut.target_top_mm      ? glm::vec4(1.0f, 0.7f, 0.1f, 1.0f)
                                 : d > cut.target_bottom_mm ? glm::vec4(0.95f, 0.15f, 0.1f, 1.0f)
                                                            : glm::vec4(0.3f, 1.0f, 0.4f, 1.0f);
  auto along_of = [&](const scene::StrataColumn& c) { return along_x ? c.x_mm : c.y_mm; };
  // Quads between knots: the ends of runs of columns with the same shift, and
  // in the dip a column every `band_step_mm` (thin translucent slivers cost a
  // software rasteriser per triangle).
  constexpr double band_step_mm = 0.5;
  std::size_t k = 0;
  const auto& cols = cut.columns;
  while (k + 1 < cols.size()) {
    std::size_t j = k + 1;
    while (j + 1 < cols.size() &&
           ((cols[j].shift_z_mm == cols[k].shift_z_mm && cols[j + 1].shift_z_mm == cols[k].shift_z_mm) ||
            along_of(cols[j]) - along_of(cols[k]) < band_step_mm))
      ++j;
    const double u0 = std::max(a0, along_of(cols[k])), u1 = std::min(a1, along_of(cols[j]));
    const double s0 = cols[k].shift_z_mm, s1 = cols[j].shift_z_mm;
    k = j;
    if (u1 <= u0) continue;
    append_quad(translucent, point(u0, s0 - cut.target_top_mm, 0.04f), point(u1, s1 - cut.target_top_mm, 0.04f),
                point(u1, s1 - cut.target_bottom_mm, 0.04f), point(u0, s0 - cut.target_bottom_mm, 0.04f), n,
                {0.2f, 0.85f, 0.45f, 0.28f});
    for (const double z : {-cut.target_top_mm, -cut.target_bottom_mm})
      append_quad(opaque, point(u0, s0 + z + line_mm, 0.05f), point(u1, s1 + z + line_mm, 0.05f),
                  point(u1, s1 + z - line_mm, 0.05f), point(u0, s0 + z - line_mm, 0.05f), n, {0.15f, 0.75f, 0.35f, 1.0f});
    // The depth line: green inside the target layer, amber short, red beyond.
    const double v0 = std::max(b0, u0), v1 = std::min(b1, u1);
    if (d > 0.0 && v1 > v0)
      append_quad(opaque, point(v0, s0 - d + 0.03, 0.06f), point(v1, s1 - d + 0.03, 0.06f),
                  point(v1, s1 - d - 0.03, 0.06f), point(v0, s0 - d - 0.03, 0.06f), n, depth_colour);
  }
}

}  // namespace dermasim::render
