// Rendered pixels of the skin surface: marks, skin tone, coverage overlay.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "physics/scripted_pen.hpp"
#include "render_fixture.hpp"
#include "scene/scripted_treatment.hpp"
#include "tissue/default_case.hpp"

using namespace dermasim;
using namespace dermasim::test;

namespace {

scene::OrbitCamera top_camera() { return scene::preset_camera(scene::ViewPreset::top, 120.0, 80.0, {}); }

scene::SceneSettings top_settings() {
  scene::SceneSettings s;
  s.pen_opacity = 0.0;  // plan view: the pen does not hide the skin
  return s;
}

glm::dvec3 pixel_of(const physics::Simulator& sim, const scene::SceneSettings& s, const scene::OrbitCamera& cam,
                    double x, double y) {
  scene::RenderScene rs;
  rs.vertical_exaggeration = s.vertical_exaggeration;
  (void)sim;
  return render::SceneRenderer::project(rs, cam, image_width, image_height, {x, y, 0.0});
}

}  // namespace

TEST_CASE("stretch marks differ from the skin around them: rubra redder and darker") {
  auto patch = default_patch();
  auto sim = make_sim(patch);
  const auto settings = top_settings();
  const auto cam = top_camera();
  const auto image = render_state(sim, settings, cam);
  keep_image(image, "marks_top");
  for (const auto& mark : patch->marks()) {
    const double a = mark.angle_deg * M_PI / 180.0;
    // On the mark's axis near its centre, and 3 widths to its side.
    const double mx = mark.center_x_mm + 0.1 * mark.length_mm * std::cos(a);
    const double my = mark.center_y_mm + 0.1 * mark.length_mm * std::sin(a);
    // The nearest point to the side that no mark touches, with a margin for
    // the ragged edges the shader draws.
    double sx = mx, sy = my;
    bool found = false;
    for (double off = mark.width_mm; off < 20.0 && !found; off += 0.5)
      for (const double side : {1.0, -1.0}) {
        const double cx = mx - side * off * std::sin(a), cy = my + side * off * std::cos(a);
        bool clear = true;
        for (double ex = -2.0; ex <= 2.0; ex += 0.5)
          for (double ey = -2.0; ey <= 2.0; ey += 0.5)
            if (patch->at(cx + ex, cy + ey).stria_influence > 0.0) clear = false;
        if (clear) {
          sx = cx;
          sy = cy;
          found = true;
          break;
        }
      }
    REQUIRE(found);
    const auto pm = pixel_of(sim, settings, cam, mx, my), ps = pixel_of(sim, settings, cam, sx, sy);
    const auto on = mean_rgb(image, pm.x, pm.y, 1), around = mean_rgb(image, ps.x, ps.y, 3);
    CAPTURE(mark.center_x_mm);
    CAPTURE(on[0]);
    CAPTURE(on[1]);
    CAPTURE(on[2]);
    CAPTURE(around[0]);
    CAPTURE(around[1]);
    CAPTURE(around[2]);
    CHECK(colour_distance(on, around) > 25.0);
    CHECK(on[1] < around[1] - 10.0);                      // haemoglobin: less green
    CHECK(on[2] - on[1] > around[2] - around[1]);         // towards purple
  }
}

TEST_CASE("striae alba are paler than the skin around them") {
  auto spec = tissue::postpartum_abdomen_spec();
  for (auto& m : spec.marks) {
    m.type = tissue::StriaType::alba;
    m.severity = 0.7;
  }
  auto patch = std::make_shared<const tissue::SkinPatch>(spec);
  auto sim = make_sim(patch);
  auto settings = top_settings();
  settings.fitzpatrick = 4;
  const auto cam = top_camera();
  const auto image = render_state(sim, settings, cam);
  keep_image(image, "alba_top");
  const auto& mark = patch->marks()[1];
  const auto pm = pixel_of(sim, settings, cam, mark.center_x_mm, mark.center_y_mm);
  const auto ps = pixel_of(sim, settings, cam, mark.center_x_mm, mark.center_y_mm - 3.0 * mark.width_mm);
  const auto on = mean_rgb(image, pm.x, pm.y, 1);
  const auto around = mean_rgb(image, ps.x, ps.y, 3);
  CHECK(on[0] + on[1] + on[2] > around[0] + around[1] + around[2] + 30.0);
}

TEST_CASE("skin tone changes with the Fitzpatrick type, lighter to darker") {
  auto sim = make_sim(default_patch());
  const auto cam = top_camera();
  double previous = 1e9;
  for (int type = 1; type <= 6; ++type) {
    auto settings = top_settings();
    settings.fitzpatrick = type;
    const auto image = render_state(sim, settings, cam);
    if (type == 1 || type == 6) keep_image(image, type == 1 ? "fitzpatrick_1" : "fitzpatrick_6");
    // Untreated skin clear of every mark, near the patch's lower left.
    const auto p = pixel_of(sim, settings, cam, 12.0, 70.0);
    const auto rgb = mean_rgb(image, p.x, p.y, 4);
    const double luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    CAPTURE(type);
    CAPTURE(luminance);
    CHECK(luminance < previous - 8.0);
    CHECK(rgb[0] >= rgb[2]);  // skin stays warm at every type
    previous = luminance;
  }
}

TEST_CASE("the coverage overlay changes where a scripted pass treated, and only there") {
  auto patch = default_patch();
  auto sim = make_sim(patch);
  auto settings = top_settings();
  settings.show_coverage = true;
  const auto cam = top_camera();
  const auto before = render_state(sim, settings, cam);
  physics::ScriptedPen pen(scene::treatment_path(*patch, 1));
  scene::run_treatment(sim, pen, 20.0);
  REQUIRE(sim.grid().total_punctures() > 1000);
  const auto after = render_state(sim, settings, cam);
  keep_image(after, "coverage_after");
  settings.show_coverage = false;
  const auto after_plain = render_state(sim, settings, cam);

  // The most punctured cell is surely inside the treated area.
  const auto& grid = sim.grid();
  int best = 0;
  for (int c = 0; c < static_cast<int>(grid.cell_count()); ++c)
    if (grid.punctures(c) > grid.punctures(best)) best = c;
  const auto treated = pixel_of(sim, settings, cam, grid.cell_center_x_mm(best), grid.cell_center_y_mm(best));
  const auto untreated = pixel_of(sim, settings, cam, 10.0, 72.0);
  CHECK(colour_distance(mean_rgb(before, treated.x, treated.y), mean_rgb(after, treated.x, treated.y)) > 40.0);
  CHECK(colour_distance(mean_rgb(before, untreated.x, untreated.y), mean_rgb(after, untreated.x, untreated.y)) < 6.0);
  // With the overlay off the treated skin looks like treated skin, not the map.
  CHECK(colour_distance(mean_rgb(after, treated.x, treated.y), mean_rgb(after_plain, treated.x, treated.y)) > 30.0);
}

TEST_CASE("a shader that fails to compile is reported with its file and line") {
  const auto dir = std::filesystem::temp_directory_path() / "dermasim_bad_shaders";
  std::filesystem::create_directories(dir);
  for (const auto& entry : std::filesystem::directory_iterator(render::default_shader_dir()))
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename(),
                               std::filesystem::copy_options::overwrite_existing);
  {
    std::ofstream bad(dir / "skin.frag");
    bad << "#version 450 core\nout vec4 o_colour;\nvoid main() { o_colour = vec4(undeclared_thing); }\n";
  }
  renderer();  // a context must exist to compile
  std::string message;
  try {
    render::SceneRenderer broken(dir);
  } catch (const render::ShaderError& e) {
    message = e.what();
  }
  CAPTURE(message);
  CHECK(message.find("skin.frag:3") != std::string::npos);
  CHECK(message.find("undeclared_thing") != std::string::npos);
  std::filesystem::remove_all(dir);
}
