#pragma once
// One hidden GL 4.5 window per test process, and helpers to render a
// simulator state from a camera and read the pixels.
#include <array>
#include <memory>

#include "physics/simulator.hpp"
#include "render/png_writer.hpp"
#include "render/scene_renderer.hpp"
#include "scene/camera.hpp"
#include "scene/scene_settings.hpp"

namespace dermasim::test {

inline constexpr int image_width = 640, image_height = 400;

/// The renderer on the shared context (created on first use).
render::SceneRenderer& renderer();

render::RgbaImage render_state(const physics::Simulator& sim, const scene::SceneSettings& settings,
                               const scene::OrbitCamera& camera);

/// Mean RGB over a (2r+1)^2 square around a pixel.
std::array<double, 3> mean_rgb(const render::RgbaImage& image, double x, double y, int r = 3);
double colour_distance(const std::array<double, 3>& a, const std::array<double, 3>& b);

std::shared_ptr<const tissue::SkinPatch> default_patch();
physics::Simulator make_sim(std::shared_ptr<const tissue::SkinPatch> patch);
/// Writes the image under $DERMASIM_TEST_IMAGES when set, to look at.
void keep_image(const render::RgbaImage& image, const char* name);

}  // namespace dermasim::test
