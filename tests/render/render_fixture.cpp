#include "render_fixture.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "render/gl_window.hpp"
#include "render/offscreen_target.hpp"
#include "scene/scene_extractor.hpp"
#include "tissue/default_case.hpp"

namespace dermasim::test {

namespace {

render::GlWindow& window() {
  static render::GlWindow w({.width = 64, .height = 64, .title = "dermasim tests", .visible = false, .vsync = false});
  return w;
}

}  // namespace

render::SceneRenderer& renderer() {
  window();
  static render::SceneRenderer r;
  return r;
}

render::RgbaImage render_state(const physics::Simulator& sim, const scene::SceneSettings& settings,
                               const scene::OrbitCamera& camera) {
  auto& r = renderer();
  static render::OffscreenTarget target(image_width, image_height, 0);
  scene::SceneExtractor extractor;
  const auto& rs = extractor.update(sim, settings);
  target.bind();
  r.draw(rs, camera, image_width, image_height);
  return target.read();
}

std::array<double, 3> mean_rgb(const render::RgbaImage& image, double x, double y, int r) {
  std::array<double, 3> sum{};
  int n = 0;
  for (int dy = -r; dy <= r; ++dy)
    for (int dx = -r; dx <= r; ++dx) {
      const int px = static_cast<int>(std::lround(x)) + dx, py = static_cast<int>(std::lround(y)) + dy;
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      const auto p = image.at(px, py);
      for (int c = 0; c < 3; ++c) sum[static_cast<std::size_t>(c)] += p[static_cast<std::size_t>(c)];
      ++n;
    }
  for (auto& v : sum) v /= std::max(1, n);
  return sum;
}

double colour_distance(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

std::shared_ptr<const tissue::SkinPatch> default_patch() {
  return std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
}

physics::Simulator make_sim(std::shared_ptr<const tissue::SkinPatch> patch) {
  return physics::Simulator(std::move(patch), physics::DeviceSettings{1.0, physics::CartridgeKind::round_12, 100.0});
}

void keep_image(const render::RgbaImage& image, const char* name) {
  if (const char* dir = std::getenv("DERMASIM_TEST_IMAGES"))
    render::write_png(std::filesystem::path(dir) / (std::string(name) + ".png"), image);
}

}  // namespace dermasim::test
