// The cutaway shows the strata in order at the tissue model's depths.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "physics/scripted_pen.hpp"
#include "render_fixture.hpp"
#include "scene/scene_extractor.hpp"

using namespace dermasim;
using namespace dermasim::test;

TEST_CASE("the cutaway shows the layers in order at their relative depths") {
  auto patch = default_patch();
  auto sim = make_sim(patch);
  scene::SceneSettings settings;
  settings.cutaway = true;
  settings.cutaway_locked = true;
  settings.cutaway_locked_position_mm = 6.0;  // clear of every mark
  settings.vertical_exaggeration = 10.0;
  settings.pen_opacity = 0.0;
  // Square on to the cut, from the removed side.
  scene::OrbitCamera cam;
  const double x = 20.0;
  cam.target_mm = {x, 6.0, -10.0};
  cam.yaw_deg = -90.0;
  cam.pitch_deg = 0.0;
  cam.distance_mm = 60.0;
  const auto image = render_state(sim, settings, cam);
  keep_image(image, "cutaway_layers");

  const auto layers = patch->at(x, 6.0).layers;
  const auto bottoms = layers.bottoms_mm();
  scene::RenderScene rs;
  rs.vertical_exaggeration = settings.vertical_exaggeration;
  auto row_at = [&](double depth_mm) {
    // A hair in front of the plane, so the point projects onto the cut face.
    return render::SceneRenderer::project(rs, cam, image_width, image_height, {x, 6.0, -depth_mm}).y;
  };
  const double column = render::SceneRenderer::project(rs, cam, image_width, image_height, {x, 6.0, 0.0}).x;
  // Mid-depth of each layer thick enough to resolve (the stratum corneum is 10-15 um).
  std::vector<std::array<double, 3>> mid;
  double top = bottoms[0];
  for (int k = 1; k < tissue::layer_count; ++k) {
    const double bottom = bottoms[static_cast<std::size_t>(k)];
    const double depth = k == 4 ? top + 0.6 : 0.5 * (top + bottom);
    mid.push_back(mean_rgb(image, column, row_at(depth), k == 4 ? 3 : 0));
    top = bottom;
  }
  const auto& epidermis = mid[0];
  const auto& papillary = mid[1];
  const auto& reticular = mid[2];
  const auto& fat = mid[3];
  // Order and character: the papillary dermis is the reddest, the reticular
  // dermis paler, the fat yellow; the epidermis differs from the dermis below.
  CHECK(papillary[0] - papillary[1] > reticular[0] - reticular[1] + 20.0);
  CHECK(reticular[1] > papillary[1] + 20.0);
  CHECK(fat[1] - fat[2] > 60.0);
  CHECK(fat[1] > reticular[1]);
  CHECK(colour_distance(epidermis, papillary) > 20.0);

  // The boundaries fall where the model puts them: the strongest colour
  // change near each projected boundary is within 2 pixels of it.
  for (const int k : {1, 2, 3}) {
    const double expected = row_at(bottoms[static_cast<std::size_t>(k)]);
    double best_row = -1.0, best_change = 0.0;
    for (int dy = -6; dy <= 6; ++dy) {
      const double y = std::round(expected) + dy;
      const double change = colour_distance(mean_rgb(image, column, y - 1.0, 0), mean_rgb(image, column, y + 1.0, 0));
      if (change > best_change) {
        best_change = change;
        best_row = y;
      }
    }
    CAPTURE(k);
    CAPTURE(expected);
    CAPTURE(best_row);
    CHECK(std::abs(best_row - expected) <= 2.0);
    CHECK(best_change > 15.0);
  }
  // Relative depths: the reticular dermis is drawn several times as tall as
  // the papillary dermis, as in the model.
  const double papillary_px = row_at(bottoms[2]) - row_at(bottoms[1]);
  const double reticular_px = row_at(bottoms[3]) - row_at(bottoms[2]);
  CHECK(reticular_px / papillary_px == doctest::Approx(layers.reticular_dermis_mm / layers.papillary_dermis_mm).epsilon(0.02));
}

TEST_CASE("the cutaway draws the RF coagulation zone pale at each channel's tip - a plain channel stays dark (P6)") {
  auto patch = default_patch();
  scene::SceneSettings settings;
  settings.cutaway = true;
  settings.cutaway_locked = true;
  settings.cutaway_locked_position_mm = 40.5;
  settings.vertical_exaggeration = 10.0;
  settings.pen_opacity = 0.0;
  // One stamp on the cut line with each device, at 62 mJ: a 0.30 mm zone.
  physics::PathStyle style;
  style.force_n = 3.0;
  auto treat = [&](physics::Simulator& sim) {
    physics::ScriptedPen pen({physics::PathSegment::stamp(50.0, 40.5, 0.3, style)});
    while (!pen.finished()) sim.step(pen.next());
  };
  physics::Simulator rf(patch, {1.5, physics::CartridgeKind::rf_insulated_25, 100.0, 62.0});
  physics::Simulator plain(patch, {1.5, physics::CartridgeKind::round_12, 100.0});
  treat(rf);
  treat(plain);
  scene::SceneExtractor extractor;
  const auto cut = extractor.update(rf, settings).cutaway;
  REQUIRE_FALSE(cut.channels.empty());
  const auto& c = cut.channels.front();
  REQUIRE(c.coagulation_mm > 0.25);
  scene::OrbitCamera cam;
  cam.target_mm = {c.along_mm, 40.5, settings.vertical_exaggeration * (c.top_z_mm - c.depth_mm)};  // scene units
  cam.yaw_deg = -90.0;
  cam.pitch_deg = 0.0;
  cam.distance_mm = 30.0;
  const auto with_rf = render_state(rf, settings, cam);
  const auto without = render_state(plain, settings, cam);
  keep_image(with_rf, "cutaway_rf_zone");
  scene::RenderScene rs;
  rs.vertical_exaggeration = settings.vertical_exaggeration;
  const auto at = render::SceneRenderer::project(rs, cam, image_width, image_height,
                                                 {c.along_mm, 40.5, c.top_z_mm - c.depth_mm + 0.5 * c.coagulation_mm});
  // The same channel just above its zone, and the plain pen's channel nearest the spot.
  const auto above = render::SceneRenderer::project(
      rs, cam, image_width, image_height, {c.along_mm, 40.5, c.top_z_mm - c.depth_mm + c.coagulation_mm + 0.3});
  const auto zone = mean_rgb(with_rf, at.x, at.y, 1), channel = mean_rgb(with_rf, above.x, above.y, 1);
  CAPTURE(zone[0]);
  CAPTURE(channel[0]);
  CHECK(zone[0] + zone[1] + zone[2] > channel[0] + channel[1] + channel[2] + 150.0);
  // Without RF nothing pale is drawn at the tips: the plain pen's channels
  // end dark, whatever the cut shows around them.
  scene::SceneExtractor plain_extractor;
  const auto plain_cut = plain_extractor.update(plain, settings).cutaway;
  REQUIRE_FALSE(plain_cut.channels.empty());
  const auto& p = plain_cut.channels.front();
  const auto p_above = render::SceneRenderer::project(rs, cam, image_width, image_height,
                                                      {p.along_mm, 40.5, p.top_z_mm - p.depth_mm + 0.15});
  const auto plain_tip = mean_rgb(without, p_above.x, p_above.y, 0);
  CAPTURE(plain_tip[0]);
  CHECK(plain_tip[1] < 100.0);
  CHECK(zone[1] > 150.0);  // pale: denatured collagen, not the red of a channel
}
