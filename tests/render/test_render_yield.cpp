// Issue 10: the cutaway draws the strata pressed down under the pen's cap.
#include <doctest/doctest.h>

#include <cmath>

#include "physics/scripted_pen.hpp"
#include "render_fixture.hpp"
#include "scene/scene_extractor.hpp"

using namespace dermasim;
using namespace dermasim::test;

TEST_CASE("under a pressed cap the cutaway's layer boundary is drawn at the pressed depth") {
  auto patch = default_patch();
  auto sim = make_sim(patch);
  // A stamp clear of every mark: punctures only under the needles, so the
  // column 3 mm from the cap's centre (inside the cap, outside every needle's
  // tent) shows no channel.
  physics::PathStyle style;
  style.force_n = 2.0;
  physics::ScriptedPen pen({physics::PathSegment::stamp(20.0, 6.0, 2.0, style)});
  for (int k = 0; k < 800; ++k) sim.step(pen.next());
  REQUIRE(sim.pose().in_contact);
  const double indent = -sim.pose().cap_center_mm.z;
  REQUIRE(indent > 0.5);

  scene::SceneSettings settings;
  settings.cutaway = true;
  settings.cutaway_locked = true;
  settings.cutaway_locked_position_mm = sim.pose().cap_center_mm.y;
  settings.vertical_exaggeration = 3.0;
  settings.pen_opacity = 0.0;
  scene::OrbitCamera cam;
  const double x = sim.pose().cap_center_mm.x + 3.0, y = settings.cutaway_locked_position_mm;
  cam.target_mm = {x, y, -8.0};
  cam.yaw_deg = -90.0;
  cam.pitch_deg = 0.0;
  cam.distance_mm = 40.0;
  const auto image = render_state(sim, settings, cam);
  keep_image(image, "cutaway_pressed");

  scene::RenderScene rs;
  rs.vertical_exaggeration = settings.vertical_exaggeration;
  auto row_at = [&](double z_mm) { return render::SceneRenderer::project(rs, cam, image_width, image_height, {x, y, z_mm}).y; };
  const double column = render::SceneRenderer::project(rs, cam, image_width, image_height, {x, y, 0.0}).x;
  // The papillary-reticular boundary: the strongest colour change near where
  // it is expected pressed down, and nothing like it where it lies unpressed.
  const auto bottoms = patch->at(x, y).layers.bottoms_mm();
  auto change_at = [&](double row) {
    return colour_distance(mean_rgb(image, column, row - 1.0, 0), mean_rgb(image, column, row + 1.0, 0));
  };
  const double pressed = row_at(-(bottoms[2] + indent)), flat = row_at(-bottoms[2]);
  REQUIRE(pressed - flat > 20.0);  // the indentation is many pixels at this scale
  double best_row = -1.0, best_change = 0.0;
  for (int dy = -6; dy <= 6; ++dy) {
    const double row = std::round(pressed) + dy;
    if (change_at(row) > best_change) {
      best_change = change_at(row);
      best_row = row;
    }
  }
  CAPTURE(pressed);
  CAPTURE(best_row);
  CHECK(std::abs(best_row - pressed) <= 2.0);
  CHECK(best_change > 15.0);
  // Where the boundary would be without the press, the dermis is uniform.
  CHECK(change_at(std::round(flat)) < best_change / 2.0);
}
