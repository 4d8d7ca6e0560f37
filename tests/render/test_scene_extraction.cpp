// Headless checks of the scene extraction: what the renderer will be told.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include <glm/geometric.hpp>

#include "physics/scripted_pen.hpp"
#include "scene/scene_extractor.hpp"
#include "scene/scripted_treatment.hpp"
#include "scene/skin_tone.hpp"
#include "tissue/default_case.hpp"
#include "tissue/rf_coagulation.hpp"

using namespace dermasim;

namespace {

struct Fixture {
  std::shared_ptr<const tissue::SkinPatch> patch =
      std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator sim{patch, physics::DeviceSettings{1.0, physics::CartridgeKind::round_12, 100.0}};
};

int cell_of(const scene::SkinFields& f, double x, double y) {
  return static_cast<int>(y / f.cell_mm) * f.nx + static_cast<int>(x / f.cell_mm);
}

}  // namespace

TEST_CASE("skin fields carry each mark's colour and influence and the patch's surface") {
  Fixture fx;
  const auto fields = scene::build_skin_fields(*fx.patch, 1);
  REQUIRE(fields->nx == 480);
  REQUIRE(fields->ny == 320);
  for (const auto& mark : fx.patch->marks()) {
    const auto i = static_cast<std::size_t>(cell_of(*fields, mark.center_x_mm, mark.center_y_mm));
    CHECK(fields->stria[i][3] > 200);  // near full influence on the axis
    // Rubra: red dominates green in the mark's own colour.
    CHECK(fields->stria[i][0] > fields->stria[i][1]);
    CHECK(fields->surface_z_mm[i] == doctest::Approx(-fx.patch->at(mark.center_x_mm, mark.center_y_mm).depression_mm).epsilon(1e-4));
  }
  // Far from every mark: no influence.
  const auto corner = static_cast<std::size_t>(cell_of(*fields, 2.0, 78.0));
  CHECK(fields->stria[corner][3] == 0);
}

TEST_CASE("treatment fields change only after punctures and show coverage, erythema and bleeding") {
  Fixture fx;
  scene::SceneExtractor extractor;
  scene::SceneSettings settings;
  const auto& first = extractor.update(fx.sim, settings);
  CHECK(first.treatment.all_changed);
  for (const auto& px : first.treatment.rgba) REQUIRE(px[2] == 0);

  physics::ScriptedPen pen(scene::treatment_path(*fx.patch, 1));
  scene::run_treatment(fx.sim, pen, 6.0);
  REQUIRE(fx.sim.grid().total_punctures() > 100);
  const auto& after = extractor.update(fx.sim, settings);
  CHECK_FALSE(after.treatment.changed.empty());
  // Every punctured cell reads as punctured with some coverage and redness.
  int punctured = 0, bleeding = 0;
  const auto& grid = fx.sim.grid();
  for (int c = 0; c < static_cast<int>(grid.cell_count()); ++c) {
    const auto& px = after.treatment.rgba[static_cast<std::size_t>(c)];
    if (grid.punctures(c) == 0) continue;
    ++punctured;
    CHECK(px[3] == 255);
    CHECK(px[2] > 0);
    CHECK(px[0] > 0);
    if (grid.deepest_layer(c) >= tissue::Layer::papillary_dermis) bleeding += px[1] > 0 ? 1 : 0;
  }
  CHECK(punctured > 50);
  CHECK(bleeding > 0);
}

TEST_CASE("the cutaway follows the pen unless locked, with strata in order at the model's depths") {
  Fixture fx;
  scene::SceneExtractor extractor;
  scene::SceneSettings settings;
  settings.cutaway = true;
  physics::ScriptedPen pen(scene::treatment_path(*fx.patch, 1));
  scene::run_treatment(fx.sim, pen, 3.0);
  const auto& cut = extractor.update(fx.sim, settings).cutaway;
  CHECK(cut.position_mm == doctest::Approx(fx.sim.pose().cap_center_mm.y));
  REQUIRE(cut.columns.size() > 400);
  for (const auto& c : cut.columns) {
    double above = c.surface_z_mm;
    for (const double b : c.bottom_z_mm) {
      CHECK(b < above);
      above = b;
    }
    const auto layers = fx.patch->at(c.x_mm, c.y_mm).layers;
    CHECK(c.surface_z_mm - c.bottom_z_mm[2] == doctest::Approx(layers.bottoms_mm()[2]));
  }
  CHECK(cut.target_layer == tissue::Layer::papillary_dermis);
  CHECK(cut.target_bottom_mm > cut.target_top_mm);

  settings.cutaway_locked = true;
  settings.cutaway_locked_position_mm = 12.5;
  CHECK(extractor.update(fx.sim, settings).cutaway.position_mm == doctest::Approx(12.5));
}

TEST_CASE("the cutaway shows the RF coagulation zone at each channel's tip - none without RF (P6, Manuskiatti 2016)") {
  scene::SceneSettings settings;
  settings.cutaway = true;
  auto zones = [&](physics::DeviceSettings device) {
    Fixture fx;
    physics::Simulator sim{fx.patch, device};
    scene::SceneExtractor extractor;
    physics::ScriptedPen pen(scene::treatment_path(*fx.patch, 1));
    scene::run_treatment(sim, pen, 3.0);
    return extractor.update(sim, settings).cutaway.channels;
  };
  const auto rf = zones({1.0, physics::CartridgeKind::rf_insulated_25, 100.0, 40.0});
  REQUIRE_FALSE(rf.empty());
  for (const auto& c : rf) CHECK(c.coagulation_mm == doctest::Approx(tissue::rf::zone_length_mm(40.0)));
  CHECK(rf.front().coagulation_mm > 0.10);
  CHECK(rf.front().coagulation_mm < 0.30);
  const auto plain = zones({1.0, physics::CartridgeKind::round_12, 100.0});
  REQUIRE_FALSE(plain.empty());
  for (const auto& c : plain) CHECK(c.coagulation_mm == 0.0);
  const auto off = zones({1.0, physics::CartridgeKind::rf_insulated_25, 100.0, 0.0});
  for (const auto& c : off) CHECK(c.coagulation_mm == 0.0);
}

TEST_CASE("the pen scene has one needle per cartridge needle, tips along the needle axis") {
  Fixture fx;
  scene::SceneExtractor extractor;
  const auto& pen = extractor.update(fx.sim, {}).pen;
  REQUIRE(pen.needles.size() == static_cast<std::size_t>(fx.sim.cartridge().needle_count()));
  for (const auto& n : pen.needles) {
    const glm::dvec3 d = n.tip_mm - n.base_mm;
    // Parallel to the axis (or retracted to the cap face).
    CHECK(glm::length(glm::cross(d, pen.axis)) == doctest::Approx(0.0).epsilon(1e-9));
    CHECK(glm::dot(d, pen.axis) >= 0.0);
  }
}

TEST_CASE("skin tone darkens from Fitzpatrick I to VI and parses both spellings") {
  double previous = 1e9;
  for (int t = 1; t <= 6; ++t) {
    const auto tone = scene::skin_tone_linear(t);
    const double luminance = 0.2126 * tone[0] + 0.7152 * tone[1] + 0.0722 * tone[2];
    CHECK(luminance < previous);
    previous = luminance;
  }
  CHECK(scene::parse_fitzpatrick("iv") == 4);
  CHECK(scene::parse_fitzpatrick("6") == 6);
  CHECK_FALSE(scene::parse_fitzpatrick("7"));
  CHECK_FALSE(scene::parse_fitzpatrick("VII"));
}

TEST_CASE("the coverage map over a mark counts only the mark's own punctures, as grading does") {
  // A narrow mark (1.5 mm): a line of punctures 2 mm beside it lies inside a
  // 3 mm density window of the mark, but not on its skin.
  tissue::PatchSpec spec;
  spec.marks.push_back({60.0, 40.0, 0.0, 60.0, 1.5, tissue::StriaType::rubra, 0.3});
  const auto patch = std::make_shared<const tissue::SkinPatch>(spec);
  physics::Simulator sim{patch, physics::DeviceSettings{1.0, physics::CartridgeKind::round_12, 100.0}};
  physics::PathStyle style;
  style.force_n = 2.0;
  style.speed_mm_s = 5.0;  // slow: dense
  physics::ScriptedPen beside({physics::PathSegment::line(45, 42.0, 75, 42.0, style)});
  scene::run_treatment(sim, beside, 10.0);
  scene::SceneExtractor extractor;
  scene::SceneSettings settings;
  const auto& scene = extractor.update(sim, settings);
  const int on_mark = sim.grid().cell_at(60.0, 40.0);
  REQUIRE(sim.grid().punctures(on_mark) == 0);
  // Below the target (the coverage channel's lower half), though the window
  // around it holds hundreds of punctures.
  CHECK(scene.treatment.rgba[static_cast<std::size_t>(on_mark)][2] < 64);
  const int next_to_line = sim.grid().cell_at(60.0, 41.0);
  REQUIRE(patch->at(60.0, 41.0).stria_influence < 0.5);
  CHECK(scene.treatment.rgba[static_cast<std::size_t>(next_to_line)][2] >= 128);  // off the mark: every puncture counts
}
