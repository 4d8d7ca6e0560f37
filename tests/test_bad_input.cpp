// Bad commands never crash and never put a NaN into the state.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "sim_helpers.hpp"
#include "tissue/default_case.hpp"

using namespace dermasim;

namespace {
constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_v = std::numeric_limits<double>::infinity();

bool state_is_finite(const physics::Simulator& sim) {
  const auto& p = sim.pose();
  for (double v : {p.cap_center_mm.x, p.cap_center_mm.y, p.cap_center_mm.z, p.needle_axis.x, p.needle_axis.y,
                   p.needle_axis.z, p.tilt_deg, p.cap_indent_mm, p.velocity_mm_s.x})
    if (!std::isfinite(v)) return false;
  for (const auto& n : sim.needles())
    if (!std::isfinite(n.depth_mm) || !std::isfinite(n.force_n) || !std::isfinite(n.tent_mm)) return false;
  for (int c = 0; c < static_cast<int>(sim.grid().cell_count()); c += 97)
    if (!std::isfinite(sim.grid().deepest_mm(c)) || !std::isfinite(sim.grid().erythema(c, sim.time_s())))
      return false;
  const auto& f = sim.last_events().feedback;
  return std::isfinite(f.force_n.x) && std::isfinite(f.force_n.y) && std::isfinite(f.force_n.z) &&
         std::isfinite(f.vibration_amplitude);
}

physics::PenCommand pressing(double x, double y) {
  physics::PenCommand c;
  c.x_mm = x;
  c.y_mm = y;
  c.force_n = 2.0;
  c.motor_on = true;
  return c;
}
}  // namespace

TEST_CASE("NaN and infinite commands are rejected with a reason and the previous value held") {
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator sim(patch, {1.0, physics::CartridgeKind::round_12, 100});
  for (int i = 0; i < 300; ++i) sim.step(pressing(60, 40));
  const auto before = sim.grid().total_punctures();

  auto bad = pressing(nan_v, inf_v);
  bad.force_n = nan_v;
  bad.tilt_deg = -inf_v;
  bad.tilt_direction_deg = nan_v;
  const auto& ev = sim.step(bad);
  CHECK(ev.input_issues.size() == 5);
  for (const auto& issue : ev.input_issues) {
    CHECK(issue.action == physics::InputAction::not_finite_held);
    CHECK(std::isfinite(issue.used));
  }
  CHECK((ev.feedback.cues & physics::cue_input_corrected) != 0);
  CHECK(ev.telemetry.pressing_force_n == 2.0);  // held from the last good command
  for (int i = 0; i < 500; ++i) sim.step(bad);
  CHECK(state_is_finite(sim));
  CHECK(sim.grid().total_punctures() > before);  // treatment went on at the held pose
}

TEST_CASE("absurd forces and tilts are clamped - and moves off the patch stop at its edge") {
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator sim(patch, {1.0, physics::CartridgeKind::round_12, 100});
  auto c = pressing(-50, 500);
  c.force_n = 1e9;
  c.tilt_deg = 170;
  const auto& ev = sim.step(c);
  REQUIRE(ev.input_issues.size() == 4);
  CHECK(ev.input_issues[0].field == physics::InputField::x_mm);
  CHECK(ev.input_issues[0].action == physics::InputAction::off_patch_clamped);
  CHECK(ev.input_issues[0].used == 0.0);
  CHECK(ev.input_issues[1].used == 80.0);
  CHECK(ev.input_issues[2].field == physics::InputField::force_n);
  CHECK(ev.input_issues[2].action == physics::InputAction::clamped_high);
  CHECK(ev.input_issues[2].used == 20.0);
  CHECK(ev.input_issues[3].used == 60.0);
  for (int i = 0; i < 2000; ++i) sim.step(c);
  CHECK(state_is_finite(sim));
  CHECK(sim.pose().cap_center_mm.x > -5.0);
  CHECK(sim.pose().cap_center_mm.y < 85.0);
  auto negative = pressing(60, 40);
  negative.force_n = -3.0;
  CHECK(sim.step(negative).input_issues.at(0).action == physics::InputAction::clamped_low);
}

TEST_CASE("a pen pressed past the patch edge punctures only skin that exists") {
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator sim(patch, {1.0, physics::CartridgeKind::round_12, 100});
  test::RunResult r;
  for (int i = 0; i < 1500; ++i) {
    const auto& ev = sim.step(pressing(0.5, 40));
    r.punctures.insert(r.punctures.end(), ev.punctures.begin(), ev.punctures.end());
  }
  CHECK(!r.punctures.empty());
  for (const auto& p : r.punctures) CHECK(p.x_mm >= 0.0);
  CHECK(state_is_finite(sim));
}

TEST_CASE("random garbage for a minute of simulated time never breaks the state") {
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator sim(patch, {2.0, physics::CartridgeKind::pin_36, 150});
  std::uint64_t seed = 12345;
  auto rnd = [&]() {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(seed >> 11) / 9007199254740992.0;
  };
  const double specials[] = {nan_v, inf_v, -inf_v, 1e300, -1e300, 0.0};
  for (int i = 0; i < 60000; ++i) {
    physics::PenCommand c;
    auto pick = [&](double lo, double hi) { return rnd() < 0.05 ? specials[i % 6] : lo + (hi - lo) * rnd(); };
    c.x_mm = pick(-20, 140);
    c.y_mm = pick(-20, 100);
    c.force_n = pick(-5, 30);
    c.tilt_deg = pick(-10, 90);
    c.tilt_direction_deg = pick(-720, 720);
    c.skin_taut = rnd() < 0.5;
    c.motor_on = rnd() < 0.8;
    sim.step(c);
  }
  CHECK(state_is_finite(sim));
}
