#include "scene/roller_image.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>

namespace dermasim::scene {
namespace {

struct Rgb {
  std::uint8_t r, g, b;
};

constexpr Rgb paper{246, 243, 238}, skin{226, 186, 160}, dermis{214, 160, 140}, drum{150, 156, 166},
    drum_edge{90, 96, 106}, steel{60, 64, 72}, channel{120, 30, 40}, shallow_hole{200, 120, 110}, ring{120, 120, 120};

Pixels blank(int w, int h, Rgb c) {
  Pixels p;
  p.width = w;
  p.height = h;
  p.rgba.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  for (std::size_t i = 0; i < p.rgba.size(); i += 4) {
    p.rgba[i] = c.r;
    p.rgba[i + 1] = c.g;
    p.rgba[i + 2] = c.b;
    p.rgba[i + 3] = 255;
  }
  return p;
}

void put(Pixels& p, int x, int y, Rgb c) {
  if (x < 0 || y < 0 || x >= p.width || y >= p.height) return;
  const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) + static_cast<std::size_t>(x)) * 4;
  p.rgba[i] = c.r;
  p.rgba[i + 1] = c.g;
  p.rgba[i + 2] = c.b;
}

void line(Pixels& p, double x0, double y0, double x1, double y1, Rgb c) {
  const int n = std::max(1, static_cast<int>(std::ceil(std::max(std::abs(x1 - x0), std::abs(y1 - y0)))));
  for (int i = 0; i <= n; ++i) {
    const double t = static_cast<double>(i) / n;
    put(p, static_cast<int>(std::lround(x0 + t * (x1 - x0))), static_cast<int>(std::lround(y0 + t * (y1 - y0))), c);
  }
}

void disc(Pixels& p, double cx, double cy, double r, Rgb c) {
  for (int y = static_cast<int>(cy - r) - 1; y <= static_cast<int>(cy + r) + 1; ++y)
    for (int x = static_cast<int>(cx - r) - 1; x <= static_cast<int>(cx + r) + 1; ++x)
      if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) put(p, x, y, c);
}

Rgb mix(Rgb a, Rgb b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto m = [t](std::uint8_t u, std::uint8_t v) { return static_cast<std::uint8_t>(std::lround(u + t * (v - u))); };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b)};
}

}  // namespace

Pixels roller_side_view(const physics::Cartridge& roller, double needle_length_mm, double px_per_mm) {
  const double radius_px = roller.drum_radius_mm * px_per_mm;
  const double needle_px = needle_length_mm * roller_needle_drawn_scale * px_per_mm;
  const int w = static_cast<int>(2.0 * (radius_px + needle_px) + 40.0);
  const int h = static_cast<int>(2.0 * radius_px + 2.0 * needle_px + 50.0);
  Pixels p = blank(w, h, paper);
  const double cx = 0.5 * w, cy = 12.0 + needle_px + radius_px;
  const double skin_y = cy + radius_px;  // the drum rests on the skin
  for (int y = static_cast<int>(skin_y); y < h; ++y)
    for (int x = 0; x < w; ++x) put(p, x, y, y < skin_y + 0.1 * px_per_mm * roller_needle_drawn_scale ? skin : dermis);
  disc(p, cx, cy, radius_px, drum_edge);
  disc(p, cx, cy, radius_px - 2.0, drum);
  disc(p, cx, cy, 0.12 * radius_px, drum_edge);  // the axle
  // One ring of the drum's needles, one of them straight down.
  const int ring_needles = roller.needle_count() / 8;
  for (int k = 0; k < ring_needles; ++k) {
    const double a = 2.0 * std::numbers::pi * k / ring_needles;  // from straight down
    const double dx = std::sin(a), dy = std::cos(a);
    const double x0 = cx + dx * radius_px, y0 = cy + dy * radius_px;
    const double x1 = cx + dx * (radius_px + needle_px), y1 = cy + dy * (radius_px + needle_px);
    if (y1 <= skin_y) {
      line(p, x0, y0, x1, y1, steel);
      continue;
    }
    // Above the skin in steel, below it the channel it cuts at its angle.
    const double t = std::clamp((skin_y - y0) / (y1 - y0), 0.0, 1.0);
    const double xs = x0 + t * (x1 - x0);
    line(p, x0, y0, xs, skin_y, steel);
    line(p, xs, skin_y, x1, y1, channel);
    line(p, xs + 1.0, skin_y, x1 + 1.0, y1, channel);
  }
  return p;
}

Pixels roller_holes_view(const physics::RollerResult& result, const physics::RollerTechnique& technique, double span_mm,
                         double px_per_mm) {
  const int size = std::max(1, static_cast<int>(std::lround(span_mm * px_per_mm)));
  Pixels p = blank(size, size, skin);
  const double half = 0.5 * span_mm;
  const double deepest = std::max(0.05, technique.needle_length_mm);
  // A hole at least a pixel across, else the needle's own width.
  const double hole_radius_px =
      std::max(1.0, 0.5 * physics::cartridge(physics::CartridgeKind::home_roller_192).needle_diameter_mm * px_per_mm);
  for (const auto& hole : result.punctures) {
    const double x = (hole.x_mm - technique.center_x_mm + half) * px_per_mm;
    const double y = (half - (hole.y_mm - technique.center_y_mm)) * px_per_mm;  // +y up
    disc(p, x, y, hole_radius_px, mix(shallow_hole, channel, hole.depth_mm / deepest));
  }
  const double r = physics::RollerResult::count_radius_mm * px_per_mm;
  for (int i = 0; i < 720; ++i) {
    const double a = 2.0 * std::numbers::pi * i / 720.0;
    put(p, static_cast<int>(0.5 * size + r * std::cos(a)), static_cast<int>(0.5 * size + r * std::sin(a)), ring);
  }
  return p;
}

}  // namespace dermasim::scene
