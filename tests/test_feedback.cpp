// Feedback cues and the haptic-style signal.
#include <doctest/doctest.h>

#include "sim_helpers.hpp"

using namespace dermasim;
using physics::CartridgeKind;

namespace {
std::shared_ptr<const tissue::SkinPatch> plain() {
  return test::patch_with_mark(tissue::BodySite::abdomen, 0.0, tissue::StriaType::alba, false);
}
}  // namespace

TEST_CASE("pressure cues follow the cartridge's force band") {
  const physics::DeviceSettings d{1.0, CartridgeKind::round_12, 100};
  const auto low = test::stamp(plain(), d, 60, 40, test::style(0.3, true));
  const auto good = test::stamp(plain(), d, 60, 40, test::style(2.0, true));
  const auto high = test::stamp(plain(), d, 60, 40, test::style(8.0, true));
  CHECK((low.cues & physics::cue_pressure_low) != 0);
  CHECK((good.cues & (physics::cue_pressure_low | physics::cue_pressure_high)) == 0);
  CHECK((high.cues & physics::cue_pressure_high) != 0);
}

TEST_CASE("pressing hard enough to bury the whole needle raises the bottomed-out cue") {
  const physics::DeviceSettings d{1.0, CartridgeKind::round_12, 100};
  CHECK((test::stamp(plain(), d, 60, 40, test::style(2.0, true)).cues & physics::cue_bottomed_out) == 0);
  CHECK((test::stamp(plain(), d, 60, 40, test::style(15.0, true)).cues & physics::cue_bottomed_out) != 0);
}

TEST_CASE("staying on one spot raises the dwell cue after the dwell time - moving on does not") {
  const physics::DeviceSettings d{1.0, CartridgeKind::round_12, 100};
  CHECK((test::stamp(plain(), d, 60, 40, test::style(2.0, true), 0.6).cues & physics::cue_dwell) == 0);
  CHECK((test::stamp(plain(), d, 60, 40, test::style(2.0, true), 2.0).cues & physics::cue_dwell) != 0);
}

TEST_CASE("the feedback signal: force from the skin - vibration at the stroke rate - louder under load") {
  auto patch = plain();
  physics::Simulator sim(patch, {1.0, CartridgeKind::pin_36, 120});
  physics::PenCommand c;
  c.x_mm = 60;
  c.y_mm = 40;
  c.motor_on = true;
  const auto idle = sim.step(c).feedback;  // lifted, motor running
  CHECK(idle.vibration_hz == 120.0);
  CHECK(idle.force_n.z == 0.0);
  c.force_n = 2.5;
  double max_amplitude = 0.0, max_force_z = 0.0;
  for (int i = 0; i < 600; ++i) {
    const auto& f = sim.step(c).feedback;
    max_amplitude = std::max(max_amplitude, f.vibration_amplitude);
    max_force_z = std::max(max_force_z, f.force_n.z);
  }
  CHECK(max_amplitude > idle.vibration_amplitude + 0.3);
  CHECK(max_force_z == doctest::Approx(2.5).epsilon(0.5));  // the skin carries the pressing force
  c.motor_on = false;
  CHECK(sim.step(c).feedback.vibration_hz == 0.0);
}

TEST_CASE("layer crossings are reported in order with the depth where each layer starts") {
  const auto r = test::stamp(plain(), {2.5, CartridgeKind::round_12, 100}, 60, 40, test::style(4.0, true), 0.05);
  REQUIRE(!r.crossings.empty());
  const auto layers = tissue::site_layers(tissue::BodySite::abdomen, {}).bottoms_mm();
  bool saw_fat = false;
  for (const auto& c : r.crossings) {
    if (c.entered == tissue::Layer::papillary_dermis) CHECK(c.depth_mm == doctest::Approx(layers[1]));
    if (c.entered == tissue::Layer::hypodermis) {
      saw_fat = true;
      CHECK(c.depth_mm == doctest::Approx(layers[3]));
    }
  }
  CHECK(saw_fat);
}

TEST_CASE("the pen lands under its pressing force and the cap indents the skin (Bullet contact)") {
  physics::Simulator sim(plain(), {1.0, CartridgeKind::round_12, 100});
  physics::PenCommand c;
  c.x_mm = 40;
  c.y_mm = 30;
  for (int i = 0; i < 300; ++i) sim.step(c);
  CHECK_FALSE(sim.pose().in_contact);
  CHECK(sim.pose().cap_center_mm.z == doctest::Approx(5.0).epsilon(0.05));
  c.force_n = 1.0;
  for (int i = 0; i < 600; ++i) sim.step(c);
  CHECK(sim.pose().in_contact);
  const double light = sim.pose().cap_indent_mm;
  c.force_n = 3.0;
  for (int i = 0; i < 600; ++i) sim.step(c);
  CHECK(sim.pose().cap_indent_mm > light);
  CHECK(sim.pose().cap_center_mm.x == doctest::Approx(40).epsilon(0.01));
  // Lifting takes it off the skin again.
  c.force_n = 0.0;
  for (int i = 0; i < 600; ++i) sim.step(c);
  CHECK_FALSE(sim.pose().in_contact);
}
