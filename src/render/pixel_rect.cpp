#include "render/pixel_rect.hpp"

#include <algorithm>

namespace dermasim::render {

std::vector<PixelRect> uncovered_rects(int width, int height, std::span<const PixelRect> covered) {
  // Band edges: every covered rectangle's top and bottom inside the target.
  std::vector<int> ys{0, height};
  for (const PixelRect& r : covered) {
    ys.push_back(std::clamp(r.y0, 0, height));
    ys.push_back(std::clamp(r.y1, 0, height));
  }
  std::sort(ys.begin(), ys.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  std::vector<PixelRect> out;
  std::vector<std::pair<int, int>> spans;
  for (std::size_t b = 0; b + 1 < ys.size(); ++b) {
    const int y0 = ys[b], y1 = ys[b + 1];
    // Covered x spans across this whole band (bands never cut a rectangle).
    spans.clear();
    for (const PixelRect& r : covered)
      if (!r.empty() && r.y0 <= y0 && r.y1 >= y1) spans.emplace_back(std::clamp(r.x0, 0, width), std::clamp(r.x1, 0, width));
    std::sort(spans.begin(), spans.end());
    int x = 0;
    for (const auto& [s0, s1] : spans) {
      if (s0 > x) out.push_back({x, y0, s0, y1});
      x = std::max(x, s1);
    }
    if (x < width) out.push_back({x, y0, width, y1});
  }
  return out;
}

}  // namespace dermasim::render
