// The home roller as a device (issue 14; H1-H2): a 192-needle drum rolled by
// hand, reproducing Doddaballapur 2009 (J Cutan Aesthet Surg 2:110).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "physics/roller_passes.hpp"
#include "physics/simulator.hpp"
#include "sim_helpers.hpp"

using namespace dermasim;
using physics::CartridgeKind;
using tissue::BodySite;

namespace {
std::shared_ptr<const tissue::SkinPatch> plain_abdomen() {
  return test::patch_with_mark(BodySite::abdomen, 0.0, tissue::StriaType::alba, false);
}
const physics::Cartridge& roller() { return physics::cartridge(CartridgeKind::home_roller_192); }
}  // namespace

TEST_CASE("Doddaballapur 2009 (J Cutan Aesthet Surg): a 192-needle roller leaves about 250 holes/cm2 after 15 passes") {
  CHECK(roller().needle_count() == 192);
  CHECK(roller().drive == physics::NeedleDrive::roll);
  // Needles 0.1-0.25 mm across on rollers (tissue mechanics, Devices).
  CHECK(roller().needle_diameter_mm >= 0.1);
  CHECK(roller().needle_diameter_mm <= 0.25);

  physics::RollerTechnique t;  // 0.5 mm, 5 N, skin taut, 15 passes each way in turn
  const auto fifteen = physics::roll(plain_abdomen(), t);
  CHECK(fifteen.holes_per_cm2 > 200.0);
  CHECK(fifteen.holes_per_cm2 < 300.0);
  // One pass leaves 192 holes over the drum's 20 mm width times its 56.5 mm
  // circumference, about 17 per cm2; the passes add up.
  t.passes = 1;
  const auto one = physics::roll(plain_abdomen(), t);
  CHECK(one.holes_per_cm2 > 12.0);
  CHECK(one.holes_per_cm2 < 22.0);
  CHECK(fifteen.holes_in_circle > 12 * one.holes_in_circle);
}

TEST_CASE("H1 (home devices reach less depth): a 0.5 mm home roller's channels stay shallower than a pen's set the same") {
  const auto rolled = physics::roll(plain_abdomen(), physics::RollerTechnique{});
  REQUIRE(rolled.holes_in_circle > 100);
  // A pen at 0.5 mm reaches at least 80% of the setting (Sasaki 2019, in
  // test_published_figures.cpp); the roller's needles go in no faster than
  // the hand rolls, so the skin tents away from them as under a hand press.
  const auto pen = test::stamp(plain_abdomen(), {0.5, CartridgeKind::round_12, 100}, 60, 40, test::style(2.0, true));
  REQUIRE(pen.punctures.size() > 100);
  CHECK(pen.median_depth() >= 0.8 * 0.5);
  CHECK(rolled.mean_depth_mm < 0.8 * 0.5);
  CHECK(rolled.mean_depth_mm < pen.median_depth() - 0.03);
  CHECK(rolled.deepest_mm <= 0.5 + physics::needle_protrusion_spread_mm);
  // And a 0.25 mm roller stays in the epidermis and the top of the dermis.
  physics::RollerTechnique short_roller;
  short_roller.needle_length_mm = 0.25;
  const auto shallow = physics::roll(plain_abdomen(), short_roller);
  REQUIRE(shallow.holes_in_circle > 100);
  CHECK(shallow.mean_depth_mm < rolled.mean_depth_mm);
  CHECK(shallow.deepest_layer <= tissue::Layer::papillary_dermis);
}

TEST_CASE("H1 (results vary): rolled on lax skin with a light hand, the needles mostly tent the skin and leave uneven holes") {
  physics::RollerTechnique firm;
  const auto good = physics::roll(plain_abdomen(), firm);
  physics::RollerTechnique light = firm;
  light.skin_taut = false;
  light.force_n = 3.0;
  const auto poor = physics::roll(plain_abdomen(), light);
  CHECK(poor.holes_in_circle < good.holes_in_circle / 4);
  CHECK(poor.mean_depth_mm < good.mean_depth_mm);
  CHECK(poor.density_cv > good.density_cv);
  // Even done well the holes are not a grid: the drum's rings leave lines
  // and the passes cross them at four angles.
  CHECK(good.density_cv > 0.02);
}

TEST_CASE("Home roller: the channels go in at an angle as the drum turns, set by the drum and the needle length") {
  const physics::RollerTechnique t;
  const auto r = physics::roll(plain_abdomen(), t);
  REQUIRE(r.holes_in_circle > 100);
  // A needle of length L on a drum of radius R meets the skin first at
  // acos(R / (R + L)) from straight down, and leaves at the same angle.
  const double radius = roller().drum_radius_mm;
  const double first_contact_deg = std::acos(radius / (radius + t.needle_length_mm)) * 180.0 / std::numbers::pi;
  CHECK(r.mean_channel_angle_deg > 0.5 * first_contact_deg);
  CHECK(r.mean_channel_angle_deg < first_contact_deg + 1.0);
  // A pen held upright makes upright channels.
  const auto pen = test::stamp(plain_abdomen(), {0.5, CartridgeKind::round_12, 100}, 60, 40, test::style(2.0, true));
  REQUIRE(!pen.punctures.empty());
  CHECK(pen.punctures.front().tilt_deg < 1.0);
}

TEST_CASE("Home roller: the drum turns with the hand and the same rolling gives the same channels") {
  const auto path = physics::roller_path(physics::RollerTechnique{});
  REQUIRE(!path.empty());
  physics::DeviceSettings device;
  device.cartridge = CartridgeKind::home_roller_192;
  device.needle_length_mm = 0.5;
  physics::Simulator a(plain_abdomen(), device), b(plain_abdomen(), device);
  for (const auto& c : path) {
    a.step(c);
    b.step(c);
  }
  CHECK(a.state_hash() == b.state_hash());
  CHECK(a.grid().total_punctures() > 1000);
  a.reset();
  CHECK(a.grid().total_punctures() == 0);
  // Rolled 30 mm along +x on the skin, the drum turns 30 mm / R radians
  // (rolling, not skidding); rolled back, it turns back.
  physics::PenCommand c;
  c.x_mm = 40.0;
  c.force_n = 5.0;
  for (int i = 0; i < 400; ++i) a.step(c);  // lands and settles
  const double start = a.drum_angle_rad();
  for (int i = 1; i <= 1000; ++i) {
    c.x_mm = 40.0 + 0.03 * i;
    a.step(c);
  }
  for (int i = 0; i < 300; ++i) a.step(c);  // the hand's coupling catches up
  CHECK(a.drum_angle_rad() - start == doctest::Approx(30.0 / roller().drum_radius_mm).epsilon(0.1));
  CHECK(std::cos(a.roll_heading_rad()) == doctest::Approx(1.0).epsilon(0.01));
  for (int i = 1; i <= 1000; ++i) {
    c.x_mm = 70.0 - 0.03 * i;
    a.step(c);
  }
  for (int i = 0; i < 300; ++i) a.step(c);
  CHECK(a.drum_angle_rad() - start == doctest::Approx(0.0).epsilon(0.05).scale(1.0));
  a.reset();
  CHECK(a.drum_angle_rad() == 0.0);
  CHECK(a.grid().total_punctures() == 0);
}

TEST_CASE("Home roller: a device the patient brings, never a cartridge a plan loads, and only at a home roller's lengths") {
  CHECK(!physics::parse_cartridge("home_roller_192").has_value());
  physics::DeviceSettings device;
  device.cartridge = CartridgeKind::home_roller_192;
  device.needle_length_mm = 0.75;
  const auto problems = device.problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("home_roller_192") != std::string::npos);
  device.needle_length_mm = 0.5;
  CHECK(device.problems().empty());
}

TEST_CASE("Doddaballapur 2009 over a treated area: rolled in stripes each way in turn, every part of it gets about 250 holes/cm2") {
  // A 40 mm x 30 mm area, as a patient rolls the marks she treats.
  physics::RollerTechnique how;
  const auto path = physics::roller_area_path(how, 40.0, 25.0, 80.0, 55.0);
  physics::DeviceSettings device;
  device.cartridge = CartridgeKind::home_roller_192;
  device.needle_length_mm = 0.5;
  physics::Simulator sim(plain_abdomen(), device);
  // Holes in 5 mm squares across the area's inside.
  constexpr int nx = 8, ny = 6;
  int cells[ny][nx] = {};
  for (const auto& c : path)
    for (const auto& p : sim.step(c).punctures) {
      const int cx = static_cast<int>((p.x_mm - 40.0) / 5.0), cy = static_cast<int>((p.y_mm - 25.0) / 5.0);
      if (p.x_mm >= 40.0 && p.y_mm >= 25.0 && cx < nx && cy < ny) ++cells[cy][cx];
    }
  int fewest = 1 << 30, most = 0;
  for (const auto& row : cells)
    for (int n : row) {
      fewest = std::min(fewest, n);
      most = std::max(most, n);
    }
  const double cell_cm2 = 0.25;
  // 16 passes over every point (four directions, four each): about 270 per cm2.
  CHECK(fewest / cell_cm2 > 150.0);
  CHECK(most / cell_cm2 < 450.0);
  double total = 0.0;
  for (const auto& row : cells)
    for (int n : row) total += n;
  const double mean_per_cm2 = total / (nx * ny * cell_cm2);
  CHECK(mean_per_cm2 > 220.0);
  CHECK(mean_per_cm2 < 320.0);
}
