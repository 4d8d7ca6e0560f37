// The scene is not shaded under opaque panels (issue 16): the renderer leaves
// those pixels as the target held them and draws the rest as before, and the
// upscale covers exactly what the panels leave showing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <vector>

#include "render/gl.hpp"
#include "render/offscreen_target.hpp"
#include "render/pixel_rect.hpp"
#include "render_fixture.hpp"
#include "scene/scene_extractor.hpp"

using namespace dermasim;
using namespace dermasim::test;

namespace {

// What the target holds before each draw: a colour no pass of the scene makes.
constexpr float marker_rgb[3] = {1.0f, 0.0f, 1.0f};

render::RgbaImage render_hidden(const physics::Simulator& sim, std::span<const render::PixelRect> hidden) {
  render::SceneRenderer& r = renderer();  // makes the GL context first
  static render::OffscreenTarget target(image_width, image_height, 0);
  scene::SceneExtractor extractor;
  const auto& rs = extractor.update(sim, scene::SceneSettings{});
  const auto cam = scene::preset_camera(scene::ViewPreset::top, 120.0, 80.0, {});
  target.bind();
  glClearColor(marker_rgb[0], marker_rgb[1], marker_rgb[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  r.draw(rs, cam, image_width, image_height, hidden);
  return target.read();
}

bool same_pixel(const render::RgbaImage& a, const render::RgbaImage& b, int x, int y) { return a.at(x, y) == b.at(x, y); }

}  // namespace

TEST_CASE("a hidden rectangle keeps what the target held and the rest of the scene is unchanged") {
  auto sim = make_sim(default_patch());
  const auto full = render_hidden(sim, {});
  const std::vector<render::PixelRect> hidden{{100, 50, 300, 200}};
  const auto masked = render_hidden(sim, hidden);
  keep_image(masked, "hidden_rect");
  // The marker inside, untouched; the skin in the full image there.
  const auto inside = masked.at(200, 120);
  CHECK(inside[0] == 255);
  CHECK(inside[1] == 0);
  CHECK(inside[2] == 255);
  CHECK_FALSE(same_pixel(full, masked, 200, 120));
  // With nothing hidden, no pixel keeps the marker: the passes cover the target.
  int marker_left = 0;
  for (int y = 0; y < image_height; ++y)
    for (int x = 0; x < image_width; ++x) {
      const auto p = full.at(x, y);
      if (p[0] == 255 && p[1] == 0 && p[2] == 255) ++marker_left;
    }
  CHECK(marker_left == 0);
  // Corners of the rectangle (top left origin, x1 and y1 exclusive).
  CHECK(masked.at(100, 50) == inside);
  CHECK(masked.at(299, 199) == inside);
  // Outside it, pixel for pixel the same picture.
  int differing = 0;
  for (int y = 0; y < image_height; ++y)
    for (int x = 0; x < image_width; ++x) {
      const bool in_rect = x >= 100 && x < 300 && y >= 50 && y < 200;
      if (!in_rect && !same_pixel(full, masked, x, y)) ++differing;
    }
  CHECK(differing == 0);
}

TEST_CASE("the uncovered parts of a target tile it exactly with the covered rectangles") {
  constexpr int w = 64, h = 48;
  const std::vector<render::PixelRect> covered{{0, 0, 20, 30}, {10, 20, 40, 40}, {50, -5, 70, 10}, {30, 30, 30, 45}};
  const auto free = render::uncovered_rects(w, h, covered);
  std::vector<int> count(static_cast<std::size_t>(w * h), 0);
  for (const auto& r : free) {
    REQUIRE_FALSE(r.empty());
    for (int y = r.y0; y < r.y1; ++y)
      for (int x = r.x0; x < r.x1; ++x) ++count[static_cast<std::size_t>(y * w + x)];
  }
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      bool in_covered = false;
      for (const auto& c : covered) in_covered = in_covered || (x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1);
      CAPTURE(x);
      CAPTURE(y);
      CHECK(count[static_cast<std::size_t>(y * w + x)] == (in_covered ? 0 : 1));
    }
  CHECK(render::uncovered_rects(w, h, {}).size() == 1);
}
