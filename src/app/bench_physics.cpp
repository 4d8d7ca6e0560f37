// `dermasim bench physics`: the cost of one 1 kHz physics step, and of
// re-simulating a recorded 10-minute session. Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "app/cli_args.hpp"
#include "app/verbs.hpp"
#include "physics/roller_passes.hpp"
#include "physics/scripted_pen.hpp"
#include "physics/simulator.hpp"
#include "tissue/default_case.hpp"

namespace dermasim::app {
namespace {

using Clock = std::chrono::steady_clock;

struct StepTiming {
  double median_us = 0, p99_us = 0;
  std::uint64_t punctures = 0;
};

double percentile(std::vector<double>& v, double q) {
  const auto k = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

// Times each step `pen` drives `sim` through while the device bears on the
// skin (`bearing`: the motor on for a pen, pressed for a roller).
template <typename Bearing>
StepTiming time_steps_in_contact(physics::Simulator& sim, physics::PenInput& pen, long long steps, Bearing bearing) {
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(steps));
  while (static_cast<long long>(us.size()) < steps && !pen.finished()) {
    const physics::PenCommand c = pen.next();
    const auto t0 = Clock::now();
    const auto& ev = sim.step(c);
    const auto t1 = Clock::now();
    if (bearing(c) && ev.telemetry.pose.in_contact)
      us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  StepTiming t;
  t.median_us = percentile(us, 0.5);
  t.p99_us = percentile(us, 0.99);
  t.punctures = sim.grid().total_punctures();
  return t;
}

// A pen moving along the default case's widest stretch mark with the motor
// on, after the pen has landed.
StepTiming time_steps(std::shared_ptr<const tissue::SkinPatch> patch, physics::CartridgeKind kind, long long steps) {
  physics::Simulator sim(patch, {1.0, kind, 100.0});
  const auto& m = patch->marks()[1];
  physics::PathStyle style;
  style.force_n = 3.0;
  style.speed_mm_s = 8.0;
  physics::ScriptedPen pen({physics::PathSegment::raster(m.center_x_mm - 30, m.center_y_mm - 3,
                                                         m.center_x_mm + 30, m.center_y_mm + 3, 1.0, m.angle_deg,
                                                         style)});
  return time_steps_in_contact(sim, pen, steps, [](const physics::PenCommand& c) { return c.motor_on; });
}

// The home roller (192 needles, 0.5 mm) rolled 15 passes the paper's way over
// the default case's middle.
StepTiming time_roller_steps(std::shared_ptr<const tissue::SkinPatch> patch, long long steps) {
  physics::DeviceSettings device;
  device.cartridge = physics::CartridgeKind::home_roller_192;
  device.needle_length_mm = 0.5;
  physics::Simulator sim(patch, device);
  physics::RollerTechnique how;
  how.center_x_mm = 0.5 * patch->width_mm();
  how.center_y_mm = 0.5 * patch->height_mm();
  const std::vector<physics::PenCommand> path = physics::roller_path(how);
  physics::RecordedPen pen(path);
  return time_steps_in_contact(sim, pen, steps, [](const physics::PenCommand& c) { return c.force_n > 0.0; });
}

// A 10-minute session: passes over every mark in two directions, the pen
// lifting and travelling between them, as a trainee works.
std::vector<physics::PenCommand> record_session(const tissue::SkinPatch& patch, double seconds) {
  std::vector<physics::PathSegment> path;
  physics::PathStyle style;
  style.force_n = 2.5;
  style.speed_mm_s = 10.0;
  for (int angle_offset : {0, 90, 45, -45})
    for (const auto& m : patch.marks())
      path.push_back(physics::PathSegment::raster(m.center_x_mm - 0.5 * m.length_mm, m.center_y_mm - m.width_mm,
                                                  m.center_x_mm + 0.5 * m.length_mm, m.center_y_mm + m.width_mm,
                                                  1.5, m.angle_deg + angle_offset, style));
  physics::ScriptedPen pen(path);
  std::vector<physics::PenCommand> commands;
  const auto steps = static_cast<std::size_t>(seconds * physics::Simulator::rate_hz);
  commands.reserve(steps);
  // Loop the script until the session is long enough.
  while (commands.size() < steps) {
    physics::ScriptedPen again(path);
    while (!again.finished() && commands.size() < steps) commands.push_back(again.next());
  }
  return commands;
}

}  // namespace

int run_bench_physics(std::span<const std::string_view> args) {
  const long long steps = option_int(args, "--steps", 20000, 100, 10'000'000);
  auto patch = std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec());

  const StepTiming t12 = time_steps(patch, physics::CartridgeKind::round_12, steps);
  const StepTiming t36 = time_steps(patch, physics::CartridgeKind::pin_36, steps);
  const StepTiming roller = time_roller_steps(patch, steps);

  const double session_s = 600.0;
  const auto commands = record_session(*patch, session_s);
  physics::Simulator sim(patch, {1.0, physics::CartridgeKind::round_12, 100.0});
  physics::RecordedPen replay(commands);
  const auto r0 = Clock::now();
  while (!replay.finished()) sim.step(replay.next());
  const double replay_s = std::chrono::duration<double>(Clock::now() - r0).count();

  std::printf(
      "{\"step_us_median_12\": %.3f, \"step_us_p99_12\": %.3f, \"step_us_median_36\": %.3f, "
      "\"step_us_p99_36\": %.3f, \"replay_600s_wall_s\": %.3f, \"replay_steps\": %zu, "
      "\"replay_punctures\": %llu, \"timed_steps\": %lld, \"rate_hz\": %.0f, \"step_us_median_roller\": %.3f, "
      "\"step_us_p99_roller\": %.3f}\n",
      t12.median_us, t12.p99_us, t36.median_us, t36.p99_us, replay_s, commands.size(),
      static_cast<unsigned long long>(sim.grid().total_punctures()), steps, physics::Simulator::rate_hz,
      roller.median_us, roller.p99_us);
  return 0;
}

}  // namespace dermasim::app
