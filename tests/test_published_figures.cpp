// The simulation lands where the published measurements do
// (docs/SOURCES.md). Each test would fail with a wrong model.
#include <doctest/doctest.h>

#include "sim_helpers.hpp"

using namespace dermasim;
using physics::CartridgeKind;
using tissue::BodySite;
using tissue::Layer;

namespace {
std::shared_ptr<const tissue::SkinPatch> plain_abdomen() {
  return test::patch_with_mark(BodySite::abdomen, 0.0, tissue::StriaType::alba, false);
}
}  // namespace

TEST_CASE("Lam 2008: light pressure on lax skin buries needles under 1 mm less than half their length") {
  for (double length_mm : {0.25, 0.5, 0.75})
    for (double force_n : {0.5, 0.8, 1.0}) {
      CAPTURE(length_mm);
      CAPTURE(force_n);
      const auto r = test::stamp(plain_abdomen(), {length_mm, CartridgeKind::round_12, 100}, 60, 40,
                                 test::style(force_n, false));
      CHECK(r.max_depth() < 0.5 * length_mm);
    }
}

TEST_CASE("firmer pressure on taut skin goes deeper - never past the set length") {
  for (double length_mm : {0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0}) {
    CAPTURE(length_mm);
    const physics::DeviceSettings d{length_mm, CartridgeKind::round_12, 100};
    const auto light_lax = test::stamp(plain_abdomen(), d, 60, 40, test::style(0.8, false));
    const auto firm_taut = test::stamp(plain_abdomen(), d, 60, 40, test::style(3.0, true));
    const auto very_firm = test::stamp(plain_abdomen(), d, 60, 40, test::style(20.0, true));
    REQUIRE(!firm_taut.punctures.empty());
    CHECK(firm_taut.median_depth() > light_lax.median_depth());
    CHECK(very_firm.median_depth() >= firm_taut.median_depth());
    CHECK(very_firm.max_depth() <= length_mm);
    CHECK(firm_taut.max_depth() > 0.6 * length_mm);
  }
}

TEST_CASE("the same setting reaches a deeper layer inside a stretch mark than beside it") {
  // A severe mark: the dermis under it is near the thin end of 0.35-1.33 mm.
  for (auto type : {tissue::StriaType::alba, tissue::StriaType::rubra})
  for (double length_mm : {1.0, 1.5}) {
    const auto patch = test::patch_with_mark(BodySite::abdomen, 0.8, type);
    CAPTURE(length_mm);
    const physics::DeviceSettings d{length_mm, CartridgeKind::round_12, 100};
    const auto inside = test::stamp(patch, d, 60, 40, test::style(3.0, true));
    const auto beside = test::stamp(patch, d, 60, 60, test::style(3.0, true));
    CHECK(inside.typical_layer() > beside.typical_layer());
    CHECK(beside.typical_layer() == Layer::reticular_dermis);
  }
}

TEST_CASE("per-needle puncture force is 0.02-0.03 N - so a 36-pin cartridge needs about 1 N") {
  for (CartridgeKind k : {CartridgeKind::round_12, CartridgeKind::pin_36, CartridgeKind::nano}) {
    const auto r = test::stamp(plain_abdomen(), {0.5, k, 100}, 60, 40, test::style(3.0, true));
    REQUIRE(!r.puncture_forces_n.empty());
    for (double f : r.puncture_forces_n) {
      CHECK(f >= 0.02);
      CHECK(f <= 0.03);
    }
  }
  // Find the lightest pressing force at which the 36-pin cartridge punctures.
  double threshold_n = -1.0;
  for (int tenth = 1; tenth <= 30; ++tenth) {
    const auto r = test::stamp(plain_abdomen(), {1.0, CartridgeKind::pin_36, 100}, 60, 40,
                               test::style(0.1 * tenth, true), 0.3);
    if (!r.punctures.empty()) {
      threshold_n = 0.1 * tenth;
      break;
    }
  }
  CHECK(threshold_n >= 36 * 0.02);
  CHECK(threshold_n <= 36 * 0.03 * 1.2);
  // The 12-pin cartridge punctures with far less.
  const auto light12 = test::stamp(plain_abdomen(), {1.0, CartridgeKind::round_12, 100}, 60, 40,
                                   test::style(0.45, true), 0.3);
  CHECK(!light12.punctures.empty());
}

TEST_CASE("tilt reduces vertical depth and raises the tilt cue") {
  const physics::DeviceSettings d{1.5, CartridgeKind::round_12, 100};
  const auto upright = test::stamp(plain_abdomen(), d, 60, 40, test::style(3.0, true, 0.0));
  const auto tilted = test::stamp(plain_abdomen(), d, 60, 40, test::style(3.0, true, 25.0));
  REQUIRE(!tilted.punctures.empty());
  CHECK(tilted.median_depth() < upright.median_depth() - 0.1);
  CHECK((tilted.cues & physics::cue_tilt) != 0);
  CHECK((upright.cues & physics::cue_tilt) == 0);
  for (const auto& p : tilted.punctures) CHECK(p.tilt_deg > 15.0);
}

TEST_CASE("dragging while the needles are in the skin raises the drag cue - a steady glide does not") {
  const auto patch = plain_abdomen();
  const physics::DeviceSettings d{1.0, CartridgeKind::round_12, 100};
  physics::Simulator glide_sim(patch, d), drag_sim(patch, d);
  physics::ScriptedPen glide({physics::PathSegment::line(20, 40, 100, 40, test::style(2.0, true, 0, 10))});
  physics::ScriptedPen drag({physics::PathSegment::line(20, 40, 100, 40, test::style(2.0, true, 0, 150))});
  const auto g = test::run(glide_sim, glide);
  const auto r = test::run(drag_sim, drag);
  CHECK(!g.punctures.empty());
  CHECK((g.cues & physics::cue_drag) == 0);
  CHECK((r.cues & physics::cue_drag) != 0);
}

TEST_CASE("0.5 mm on the abdomen reaches the papillary dermis at firm pressure - not the reticular") {
  const auto r = test::stamp(plain_abdomen(), {0.5, CartridgeKind::round_12, 100}, 60, 40, test::style(3.0, true));
  REQUIRE(!r.punctures.empty());
  for (const auto& p : r.punctures) CHECK(p.deepest == Layer::papillary_dermis);
}

TEST_CASE("2.5 mm with force reaches the hypodermis where the dermis is thin") {
  const auto patch = test::patch_with_mark(BodySite::abdomen, 0.7);
  const auto r = test::stamp(patch, {2.5, CartridgeKind::round_12, 100}, 60, 40, test::style(4.0, true));
  REQUIRE(!r.punctures.empty());
  CHECK(r.typical_layer() == Layer::hypodermis);
  // Where the thigh's dermis is thinner than the abdomen's, too.
  const auto thigh = test::patch_with_mark(BodySite::thigh, 0.0, tissue::StriaType::alba, false);
  CHECK(test::stamp(thigh, {2.5, CartridgeKind::round_12, 100}, 60, 40, test::style(4.0, true)).typical_layer() ==
        Layer::hypodermis);
}

TEST_CASE("pinpoint bleeding appears where needles reach the papillary dermis - not with 0.25 mm (P5)") {
  const auto patch = plain_abdomen();
  auto treat = [&](double length_mm) {
    physics::Simulator sim(patch, {length_mm, CartridgeKind::round_12, 100});
    physics::ScriptedPen pen({physics::PathSegment::line(20, 40, 60, 40, test::style(3.0, true))});
    test::run(sim, pen);
    double bleeding = 0.0;
    for (int c = 0; c < static_cast<int>(sim.grid().cell_count()); ++c)
      bleeding += sim.grid().bleeding(c, sim.time_s());
    return bleeding;
  };
  CHECK(treat(0.25) == 0.0);
  CHECK(treat(1.0) > 10.0);
}
