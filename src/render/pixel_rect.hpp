#pragma once
// Rectangles of a render target in pixels, for the parts of the window that
// opaque panels cover.
#include <span>
#include <vector>

namespace dermasim::render {

/// Origin at the top left; x1 and y1 exclusive.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool operator==(const PixelRect&) const = default;
};

/// The part of a `width` x `height` target that no rectangle of `covered`
/// touches, as disjoint rectangles (horizontal bands, then runs along each).
std::vector<PixelRect> uncovered_rects(int width, int height, std::span<const PixelRect> covered);

}  // namespace dermasim::render
