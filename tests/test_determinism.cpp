// Same input stream, same tissue state, bit for bit.
#include <doctest/doctest.h>

#include "sim_helpers.hpp"
#include "tissue/default_case.hpp"

using namespace dermasim;

namespace {
std::vector<physics::PathSegment> treatment() {
  physics::PathStyle s = test::style(2.5, true, 5.0, 12.0);
  s.tilt_direction_deg = 30.0;
  return {physics::PathSegment::raster(30, 20, 80, 35, 1.5, 8.0, s),
          physics::PathSegment::stamp(90, 60, 0.4, test::style(3.0, false))};
}
constexpr int steps = 6000;
std::uint64_t run_steps(physics::Simulator& sim) {
  physics::ScriptedPen pen(treatment());
  for (int i = 0; i < steps; ++i) sim.step(pen.next());
  return sim.state_hash();
}
}  // namespace

TEST_CASE("two runs of one scripted stream hash the same - and so does a rerun after reset") {
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  const physics::DeviceSettings d{1.0, physics::CartridgeKind::round_12, 100};
  physics::Simulator a(patch, d), b(patch, d);
  const auto ha = run_steps(a);
  const auto hb = run_steps(b);
  CHECK(a.grid().total_punctures() > 1000);  // the run really treated skin
  CHECK(ha == hb);
  a.reset();
  CHECK(a.grid().total_punctures() == 0);
  CHECK(run_steps(a) == ha);
}

TEST_CASE("a different input stream gives a different state") {
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  physics::Simulator a(patch, {1.0, physics::CartridgeKind::round_12, 100});
  physics::Simulator b(patch, {1.25, physics::CartridgeKind::round_12, 100});
  CHECK(run_steps(a) != run_steps(b));
}

TEST_CASE("a recorded command stream replays to the same state") {
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());
  const physics::DeviceSettings d{1.0, physics::CartridgeKind::pin_36, 120};
  physics::Simulator live(patch, d), replayed(patch, d);
  physics::ScriptedPen pen(treatment());
  std::vector<physics::PenCommand> recording;
  for (int i = 0; i < steps; ++i) {
    recording.push_back(pen.next());
    live.step(recording.back());
  }
  physics::RecordedPen replay(recording);
  while (!replay.finished()) replayed.step(replay.next());
  CHECK(replayed.state_hash() == live.state_hash());
}
