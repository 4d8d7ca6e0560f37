#include "scene/outcome_image.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "scene/skin_tone.hpp"
#include "tissue/healing_params.hpp"
#include "tissue/seeded_random.hpp"

namespace dermasim::scene {
namespace {

using Rgb = std::array<double, 3>;

// Display colours (linear RGB) for what healing shows: picked to read as
// clinical photographs do, not measured.
constexpr Rgb erythema_red{0.62, 0.06, 0.06};
constexpr Rgb crust_brown{0.16, 0.03, 0.02};
constexpr Rgb pih_brown{0.20, 0.10, 0.05};
constexpr Rgb scar_pale{0.85, 0.72, 0.68};
constexpr Rgb epidermis_colour{0.45, 0.25, 0.16};
constexpr Rgb papillary_colour{0.55, 0.16, 0.18};
constexpr Rgb reticular_colour{0.62, 0.30, 0.28};
constexpr Rgb new_collagen_colour{0.95, 0.86, 0.72};
constexpr Rgb fat_colour{0.85, 0.65, 0.18};
constexpr Rgb background{0.06, 0.06, 0.07};
constexpr Rgb fresh_blood{0.35, 0.02, 0.02};
// Tram tracks repeat at about the needle spacing of a pen cartridge.
constexpr double tram_track_spacing_mm = 1.2;
constexpr double visible_crust = 0.03;
constexpr Rgb initial_boundary{0.9, 0.9, 0.9};

Rgb mix(const Rgb& a, const Rgb& b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}

std::uint8_t to_srgb8(double linear) {
  const double c = std::clamp(linear, 0.0, 1.0);
  const double s = c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
  return static_cast<std::uint8_t>(std::lround(255.0 * s));
}

void put(Pixels& p, int x, int y, const Rgb& c) {
  const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(x)) * 4;
  p.rgba[i] = to_srgb8(c[0]);
  p.rgba[i + 1] = to_srgb8(c[1]);
  p.rgba[i + 2] = to_srgb8(c[2]);
  p.rgba[i + 3] = 255;
}

Pixels blank(int w, int h) {
  Pixels p;
  p.width = std::max(1, w);
  p.height = std::max(1, h);
  p.rgba.assign(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * 4, 0);
  return p;
}

Rgb skin(int fitzpatrick) {
  const auto t = skin_tone_linear(fitzpatrick);
  return {t[0], t[1], t[2]};
}

// The mark's colour over skin, with the fine transverse wrinkling of alba.
Rgb marked_skin(const tissue::SkinPatch& patch, const Rgb& base, double x, double y, double colour_left,
                double texture_left) {
  const tissue::LocalTissue t = patch.at(x, y);
  if (t.stria_index < 0 || t.stria_influence <= 0.0) return base;
  const auto& mark = patch.marks()[static_cast<std::size_t>(t.stria_index)];
  const auto& e = patch.effect(t.stria_index);
  Rgb c = mix(base, {e.colour.r, e.colour.g, e.colour.b}, 0.8 * t.stria_influence * colour_left);
  if (mark.type == tissue::StriaType::alba) {
    const double a = mark.angle_deg * std::numbers::pi / 180.0;
    const double along = (x - mark.center_x_mm) * std::cos(a) + (y - mark.center_y_mm) * std::sin(a);
    const double wrinkle = 0.5 + 0.5 * std::sin(along * 2.0 * std::numbers::pi / 0.8);
    c = mix(c, {c[0] * 0.8, c[1] * 0.8, c[2] * 0.8}, 0.5 * wrinkle * t.stria_influence * texture_left);
  }
  return c;
}

// Bilinear sample of a per-cell field of the course at a patch point.
template <typename Field>
double sample(const tissue::HealingCourse& course, double x_mm, double y_mm, Field field) {
  const double fx = std::clamp(x_mm - 0.5, 0.0, course.nx() - 1.0), fy = std::clamp(y_mm - 0.5, 0.0, course.ny() - 1.0);
  const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
  const int x1 = std::min(course.nx() - 1, x0 + 1), y1 = std::min(course.ny() - 1, y0 + 1);
  const double tx = fx - x0, ty = fy - y0;
  auto at = [&](int x, int y) { return field(y * course.nx() + x); };
  return (at(x0, y0) * (1 - tx) + at(x1, y0) * tx) * (1 - ty) + (at(x0, y1) * (1 - tx) + at(x1, y1) * tx) * ty;
}

}  // namespace

Pixels untreated_top_view(const tissue::SkinPatch& patch, int fitzpatrick, double px_per_mm) {
  Pixels p = blank(static_cast<int>(patch.width_mm() * px_per_mm), static_cast<int>(patch.height_mm() * px_per_mm));
  const Rgb base = skin(fitzpatrick);
  for (int py = 0; py < p.height; ++py)
    for (int px = 0; px < p.width; ++px) {
      const double x = (px + 0.5) / px_per_mm, y = patch.height_mm() - (py + 0.5) / px_per_mm;
      put(p, px, py, marked_skin(patch, base, x, y, 1.0, 1.0));
    }
  return p;
}

Pixels outcome_top_view(const tissue::HealingCourse& course, double px_per_mm) {
  const tissue::SkinPatch& patch = course.patch();
  Pixels p = blank(static_cast<int>(patch.width_mm() * px_per_mm), static_cast<int>(patch.height_mm() * px_per_mm));
  const Rgb base = skin(course.patient().fitzpatrick);
  std::vector<tissue::MarkOutcome> marks;
  for (int k = 0; k < static_cast<int>(patch.marks().size()); ++k) marks.push_back(course.mark_outcome(k));
  for (int py = 0; py < p.height; ++py)
    for (int px = 0; px < p.width; ++px) {
      const double x = (px + 0.5) / px_per_mm, y = patch.height_mm() - (py + 0.5) / px_per_mm;
      const tissue::LocalTissue t = patch.at(x, y);
      double colour_left = 1.0, texture_left = 1.0;
      if (t.stria_index >= 0) {
        // The mark shows as much as its overall improvement leaves of it.
        colour_left = texture_left = 1.0 - marks[static_cast<std::size_t>(t.stria_index)].improvement_percent / 100.0;
      }
      Rgb c = marked_skin(patch, base, x, y, colour_left, texture_left);
      const double pig = sample(course, x, y, [&](int i) { return course.pigment(i); });
      c = mix(c, {c[0] * pih_brown[0] / 0.3, c[1] * pih_brown[1] / 0.3, c[2] * pih_brown[2] / 0.3}, pig);
      const double scar = sample(course, x, y, [&](int i) { return course.scar(i); });
      // Tram tracks: parallel lines a needle row apart, along the drag.
      if (scar > 0.0) {
        const int cell = std::clamp(static_cast<int>(y), 0, course.ny() - 1) * course.nx() +
                         std::clamp(static_cast<int>(x), 0, course.nx() - 1);
        const double a = course.scar_angle_rad(cell);
        const double across = -x * std::sin(a) + y * std::cos(a);
        c = mix(c, scar_pale, scar * std::pow(0.5 + 0.5 * std::cos(across * 2.0 * std::numbers::pi / tram_track_spacing_mm), 4.0));
      }
      const double ery = sample(course, x, y, [&](int i) { return course.erythema(i); });
      const double oed = sample(course, x, y, [&](int i) { return course.oedema(i); });
      c = mix(c, erythema_red, 0.7 * ery);
      c = mix(c, {1.0, 0.85, 0.85}, 0.15 * oed);  // swelling looks glossy and paler
      // Pinpoint bleeding (P5) that dries to crusts: dots in a fixed pattern.
      const double blood = sample(course, x, y, [&](int i) { return course.bleeding(i); });
      const double crust = sample(course, x, y, [&](int i) { return course.crust(i); });
      if (blood + crust > visible_crust &&
          tissue::uniform01(7, static_cast<std::uint64_t>(py) * 100003u + static_cast<std::uint64_t>(px)) < 0.15 * (blood + crust))
        c = mix(crust_brown, fresh_blood, blood / (blood + crust));
      put(p, px, py, c);
    }
  return p;
}

Pixels outcome_cutaway(const tissue::HealingCourse& course, int mark_index, double span_mm, double depth_mm,
                       double px_per_mm, double depth_px_per_mm) {
  Pixels p = blank(static_cast<int>(span_mm * px_per_mm), static_cast<int>(depth_mm * depth_px_per_mm));
  const tissue::SkinPatch& patch = course.patch();
  if (mark_index < 0 || mark_index >= static_cast<int>(patch.marks().size())) return p;
  const auto& mark = patch.marks()[static_cast<std::size_t>(mark_index)];
  std::vector<double> fills;
  std::vector<double> texture;
  for (int k = 0; k < static_cast<int>(patch.marks().size()); ++k) {
    const tissue::MarkOutcome o = course.mark_outcome(k);
    fills.push_back(o.dermal_fill);
    texture.push_back(o.texture_recovery);
  }
  const double a = mark.angle_deg * std::numbers::pi / 180.0;
  const double nxv = -std::sin(a), nyv = std::cos(a);  // across the mark
  const tissue::LayerThickness normal = patch.normal_layers();
  for (int px = 0; px < p.width; ++px) {
    const double s = (px + 0.5) / px_per_mm - 0.5 * span_mm;
    const double x = mark.center_x_mm + s * nxv, y = mark.center_y_mm + s * nyv;
    const tissue::LocalTissue t = patch.at(x, y);
    // The dermis under each mark thickens toward the surrounding skin.
    const double local_dermis = t.layers.dermis_mm();
    const double fill = t.stria_index >= 0 ? fills[static_cast<std::size_t>(t.stria_index)] : 0.0;
    const double dermis = local_dermis + (normal.dermis_mm() - local_dermis) * fill;
    const int cell = std::clamp(static_cast<int>(y), 0, course.ny() - 1) * course.nx() +
                     std::clamp(static_cast<int>(x), 0, course.nx() - 1);
    // Aust 2008: the epidermis thickens with the same wounds' response.
    const double epi = t.layers.epidermis_mm() * (1.0 + tissue::healing::epidermal_gain_per_collagen * course.new_collagen(cell));
    const double pap = std::min(t.layers.papillary_dermis_mm, 0.5 * dermis);
    const double depression = t.depression_mm * (1.0 - (t.stria_index >= 0 ? texture[static_cast<std::size_t>(t.stria_index)] : 0.0));
    const double collagen = std::clamp(course.new_collagen(cell), 0.0, 1.5) / 1.5;
    // Where the dermis ended before treatment, dotted, so its growth shows.
    const int before_px = static_cast<int>((0.3 + t.depression_mm + t.layers.epidermis_mm() + local_dermis) *
                                           depth_px_per_mm);
    for (int py = 0; py < p.height; ++py) {
      const double d = (py + 0.5) / depth_px_per_mm - 0.3 - depression;  // 0.3 mm of air above the surface
      Rgb c = background;
      if (py == before_px && (px / 4) % 2 == 0) {
        put(p, px, py, initial_boundary);
        continue;
      }
      if (d >= 0.0) {
        if (d < epi) c = epidermis_colour;
        else if (d < epi + pap) c = mix(papillary_colour, new_collagen_colour, 0.6 * collagen);
        else if (d < epi + dermis) c = mix(reticular_colour, new_collagen_colour, 0.6 * collagen);
        else c = fat_colour;
      }
      put(p, px, py, c);
    }
  }
  return p;
}

}  // namespace dermasim::scene
