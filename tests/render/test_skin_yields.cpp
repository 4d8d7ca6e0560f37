// Issue 10, the skin yields on screen: the extracted scene carries the cap's
// indentation and each needle's tent as a displacement of the surface and of
// the strata in the cutaway. Headless.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "physics/scripted_pen.hpp"
#include "scene/scene_extractor.hpp"
#include "scene/scripted_treatment.hpp"
#include "tissue/default_case.hpp"

using namespace dermasim;

namespace {

struct Pressed {
  std::shared_ptr<const tissue::SkinPatch> patch =
      std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator sim{patch, physics::DeviceSettings{1.0, physics::CartridgeKind::round_12, 100.0}};
  physics::ScriptedPen pen{scene::treatment_path(*patch, 1)};
  scene::SceneExtractor extractor;
  scene::SceneSettings settings;
  Pressed() { settings.cutaway = true; }
};

// The cut column nearest `along_mm`.
const scene::StrataColumn& column_at(const scene::CutawayScene& cut, double along_mm) {
  const scene::StrataColumn* best = &cut.columns.front();
  for (const auto& c : cut.columns)
    if (std::abs(c.x_mm - along_mm) < std::abs(best->x_mm - along_mm)) best = &c;
  return *best;
}

}  // namespace

TEST_CASE("the surface under a pressed pen is drawn down by the cap's indentation, the fat compressed under it") {
  Pressed fx;
  scene::run_treatment(fx.sim, fx.pen, 3.0);
  const physics::PenPose& pose = fx.sim.pose();
  REQUIRE(pose.in_contact);
  REQUIRE(pose.cap_indent_mm > 0.5);  // 2 N presses millimetres of soft tissue
  const auto& rs = fx.extractor.update(fx.sim, fx.settings);
  REQUIRE(rs.deformation.active);
  // 3 mm from the centre along the cut: under the cap face, clear of every
  // needle's tent (the nearest needle is 1.35 mm from the centre).
  // The surface under the cap is drawn at the cap face: the physics' cap
  // indentation, within Bullet's contact margin.
  CHECK(std::abs(rs.deformation.cap_indent_mm - pose.cap_indent_mm) < 0.05);
  CHECK(rs.deformation.cap_indent_mm == doctest::Approx(-pose.cap_center_mm.z));
  const double indent = rs.deformation.cap_indent_mm;
  const double x = pose.cap_center_mm.x + 3.0, y = rs.cutaway.position_mm;
  CHECK(scene::surface_shift_z_mm(rs.deformation, x, y) == doctest::Approx(-indent).epsilon(1e-6));
  const scene::StrataColumn& pressed = column_at(rs.cutaway, x);
  const scene::StrataColumn flat = scene::strata_column(*fx.patch, pressed.x_mm, pressed.y_mm);
  CHECK(pressed.shift_z_mm == doctest::Approx(-indent).epsilon(1e-6));
  CHECK(pressed.surface_z_mm == doctest::Approx(flat.surface_z_mm - indent).epsilon(1e-6));
  // Epidermis and dermis go down with the surface; the fat takes the squeeze
  // and its bottom, on the fascia, stays.
  for (std::size_t k = 0; k + 1 < pressed.bottom_z_mm.size(); ++k)
    CHECK(pressed.bottom_z_mm[k] == doctest::Approx(flat.bottom_z_mm[k] - indent).epsilon(1e-6));
  CHECK(pressed.bottom_z_mm.back() == doctest::Approx(flat.bottom_z_mm.back()).epsilon(1e-9));
  // Far from the pen nothing moves.
  const scene::StrataColumn& far = column_at(rs.cutaway, pose.cap_center_mm.x > 60.0 ? 5.0 : 115.0);
  CHECK(far.shift_z_mm == 0.0);
  CHECK(scene::surface_shift_z_mm(rs.deformation, 1.0, 1.0) == 0.0);
  // The pen is drawn where it is, on the pressed surface, not raised.
  CHECK(rs.pen.cap_center_mm.z == doctest::Approx(pose.cap_center_mm.z));
  CHECK(rs.pen.cap_center_mm.z < -0.5);
}

TEST_CASE("the surface dips by a needle's tent where it presses, and a channel starts at the pressed surface") {
  Pressed fx;
  scene::run_treatment(fx.sim, fx.pen, 3.0);
  // On through a stroke until a needle tents (presses without puncturing yet).
  int tenting = -1;
  for (int k = 0; k < 200 && tenting < 0; ++k) {
    fx.sim.step(fx.pen.next());
    const auto needles = fx.sim.needles();
    for (std::size_t i = 0; i < needles.size(); ++i)
      if (needles[i].phase == physics::NeedlePhase::tenting && needles[i].tent_mm > 0.02 && fx.sim.pose().in_contact)
        tenting = static_cast<int>(i);
  }
  REQUIRE(tenting >= 0);
  const auto& rs = fx.extractor.update(fx.sim, fx.settings);
  const physics::NeedleState& s = fx.sim.needles()[static_cast<std::size_t>(tenting)];
  const auto& n = rs.pen.needles[static_cast<std::size_t>(tenting)];
  const double indent = rs.deformation.cap_indent_mm;
  CHECK(std::abs(indent - fx.sim.pose().cap_indent_mm) < 0.05);
  CHECK(std::abs(scene::surface_shift_z_mm(rs.deformation, n.tip_mm.x, n.tip_mm.y) - (-indent - s.tent_mm)) < 0.005);
  // The tip rests on the dipped surface (true scale).
  CHECK(std::abs(n.tip_mm.z - (-indent - s.tent_mm)) < 0.01);
  // Beyond the tent's reach only the cap's dip is left.
  const double away = scene::SkinDeformation::tent_radius_mm + 0.05;
  CHECK(scene::surface_shift_z_mm(rs.deformation, n.tip_mm.x, n.tip_mm.y + away) >= -indent - 0.02);

  // Channels in the cut under the cap begin at the pressed surface.
  bool under_cap = false;
  for (const auto& c : rs.cutaway.channels)
    if (std::abs(c.along_mm - rs.cutaway.pen_along_mm) < 3.5) {
      under_cap = true;
      CHECK(c.top_z_mm <= -indent + 1e-9);
    }
  CHECK(under_cap);
}

TEST_CASE("nothing is displaced while the pen is lifted") {
  Pressed fx;  // the pen starts hovering over the skin, needles retracted
  REQUIRE_FALSE(fx.sim.pose().in_contact);
  const auto& rs = fx.extractor.update(fx.sim, fx.settings);
  CHECK_FALSE(rs.deformation.active);
  for (const auto& c : rs.cutaway.columns) REQUIRE(c.shift_z_mm == 0.0);
  CHECK(scene::surface_shift_z_mm(rs.deformation, fx.sim.pose().cap_center_mm.x, fx.sim.pose().cap_center_mm.y) == 0.0);
  CHECK(rs.pen.cap_center_mm.z > 0.0);
}
