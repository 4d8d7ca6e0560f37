// Device settings and cartridges.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "physics/device.hpp"
#include "physics/simulator.hpp"
#include "tissue/default_case.hpp"

using namespace dermasim::physics;

namespace {
bool mentions(const std::vector<std::string>& problems, const std::string& word) {
  for (const auto& p : problems)
    if (p.find(word) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("every 0.25 mm step from 0.25 to 3.0 mm is accepted on a cartridge long enough") {
  for (int k = 1; k <= 12; ++k) {
    const DeviceSettings s{0.25 * k, CartridgeKind::round_12, 100.0};
    CAPTURE(s.needle_length_mm);
    CHECK(s.problems().empty());
  }
}

TEST_CASE("settings outside the pen's ranges are rejected with a sentence naming the field") {
  CHECK(mentions(DeviceSettings{0.3, CartridgeKind::round_12, 100}.problems(), "0.25 mm step"));
  CHECK(mentions(DeviceSettings{3.25, CartridgeKind::round_12, 100}.problems(), "outside the pen's range"));
  CHECK(mentions(DeviceSettings{0.0, CartridgeKind::round_12, 100}.problems(), "needle_length_mm"));
  CHECK(mentions(DeviceSettings{1.0, CartridgeKind::round_12, 40}.problems(), "stroke_rate_hz"));
  CHECK(mentions(DeviceSettings{1.0, CartridgeKind::round_12, 151}.problems(), "stroke_rate_hz"));
  CHECK(mentions(DeviceSettings{NAN, CartridgeKind::round_12, 100}.problems(), "not a finite number"));
  CHECK(mentions(DeviceSettings{1.0, CartridgeKind::nano, 100}.problems(), "nano cartridge allows"));
  CHECK(mentions(DeviceSettings{1.0, static_cast<CartridgeKind>(9), 100}.problems(), "cartridge"));
  // Two problems are both reported.
  CHECK(DeviceSettings{0.3, CartridgeKind::round_12, 20}.problems().size() == 2);
}

TEST_CASE("a simulator refuses invalid settings - before and during a session") {
  auto patch = std::make_shared<const dermasim::tissue::SkinPatch>(dermasim::tissue::postpartum_abdomen_spec());
  CHECK_THROWS_AS(Simulator(patch, DeviceSettings{5.0, CartridgeKind::round_12, 100}), SettingsError);
  Simulator sim(patch, DeviceSettings{1.0, CartridgeKind::round_12, 100});
  CHECK_THROWS_AS(sim.set_device({1.0, CartridgeKind::round_12, 300}), SettingsError);
  CHECK(sim.device().stroke_rate_hz == 100.0);
  sim.set_device({0.5, CartridgeKind::pin_36, 120});
  CHECK(sim.needles().size() == 36);
}

TEST_CASE("cartridges have real needle counts - layouts inside the cap and pen needle figures") {
  CHECK(cartridge(CartridgeKind::round_12).needle_count() == 12);
  CHECK(cartridge(CartridgeKind::pin_36).needle_count() == 36);
  CHECK(cartridge(CartridgeKind::nano).needle_count() == 49);
  for (CartridgeKind k : all_cartridges()) {
    const Cartridge& c = cartridge(k);
    CAPTURE(c.name);
    CHECK(parse_cartridge(c.name) == k);
    CHECK(c.puncture_force_n >= 0.02);
    CHECK(c.puncture_force_n <= 0.03);
    for (const auto& n : c.needles) CHECK(std::hypot(n.x_mm, n.y_mm) < c.cap_radius_mm - 0.5);
    // No two needles share a hole.
    for (std::size_t i = 0; i < c.needles.size(); ++i)
      for (std::size_t j = i + 1; j < c.needles.size(); ++j)
        CHECK(std::hypot(c.needles[i].x_mm - c.needles[j].x_mm, c.needles[i].y_mm - c.needles[j].y_mm) >
              c.needle_diameter_mm);
  }
  CHECK(cartridge(CartridgeKind::round_12).needle_diameter_mm >= 0.2);  // pens: 0.2-0.4 mm
  CHECK(!parse_cartridge("round_13").has_value());
}
