// Headless checks of the camera, the fixed-step clock, the PNG writer and the
// shader log formatter.
#include <doctest/doctest.h>

#include <cmath>

#include "app/fixed_step_clock.hpp"
#include "render/png_writer.hpp"
#include "render/shader_log.hpp"
#include "scene/camera.hpp"

using namespace dermasim;

TEST_CASE("picking the screen centre finds the camera's target on the skin") {
  for (const auto view : {scene::ViewPreset::top, scene::ViewPreset::oblique}) {
    const auto cam = scene::preset_camera(view, 120.0, 80.0, {60.0, 40.0, 0.0});
    const auto hit = cam.pick_plane(640.0, 360.0, 1280.0, 720.0, cam.target_mm.z);
    REQUIRE(hit.has_value());
    CHECK(hit->x == doctest::Approx(cam.target_mm.x).epsilon(1e-6));
    CHECK(hit->y == doctest::Approx(cam.target_mm.y).epsilon(1e-6));
  }
  const auto top = scene::preset_camera(scene::ViewPreset::top, 120.0, 80.0, {});
  CHECK(top.eye_mm().z > 100.0);
  CHECK(scene::parse_view("cutaway") == scene::ViewPreset::cutaway);
  CHECK_FALSE(scene::parse_view("side"));
}

TEST_CASE("the fixed-step clock runs whole 1 kHz steps whatever the frame rate") {
  app::FixedStepClock clock(1000.0, 100);
  int steps = 0;
  for (int f = 0; f < 60; ++f) steps += clock.advance(1.0 / 60.0);
  CHECK(std::abs(steps - 1000) <= 1);
  // A slow frame does not make bigger steps: it runs at most 100, drops the rest.
  app::FixedStepClock slow(1000.0, 100);
  CHECK(slow.advance(0.5) == 100);
  CHECK(slow.dropped_time());
  CHECK(slow.banked_s() == 0.0);
  CHECK(slow.advance(0.0105) == 10);
  CHECK_FALSE(slow.dropped_time());
  slow.pause();
  CHECK(slow.advance(0.0) == 0);
}

TEST_CASE("PNG files have the signature, size and chunk CRCs of the format") {
  render::RgbaImage image(3, 2);
  for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = static_cast<std::uint8_t>(i * 7);
  const auto png = render::encode_png(image);
  REQUIRE(png.size() > 8 + 25 + 12);
  CHECK(png[0] == 0x89);
  CHECK(png[1] == 'P');
  CHECK(png[12] == 'I');  // IHDR
  CHECK(png[19] == 3);    // width (big-endian, low byte)
  CHECK(png[23] == 2);    // height
  // IEND's CRC is fixed by the format.
  const std::size_t n = png.size();
  CHECK(png[n - 4] == 0xAE);
  CHECK(png[n - 3] == 0x42);
  CHECK(png[n - 2] == 0x60);
  CHECK(png[n - 1] == 0x82);
  image.flip_vertically();
  CHECK(image.at(0, 1)[0] == 0);
}

TEST_CASE("shader compiler logs are reported as file:line") {
  CHECK(render::format_shader_log("shaders/skin.frag", "0:12(5): error: `foo' undeclared\n") ==
        "shaders/skin.frag:12:5: error: `foo' undeclared\n");
  CHECK(render::format_shader_log("shaders/skin.frag", "0(7) : error C1008: undefined variable \"x\"") ==
        "shaders/skin.frag:7: error C1008: undefined variable \"x\"\n");
  CHECK(render::format_shader_log("a.vert", "ERROR: 0:3: 'x' : undeclared") == "a.vert:3: error: 'x' : undeclared\n");
  CHECK(render::format_shader_log("a.vert", "").find("a.vert: failed to compile") == 0);
}
