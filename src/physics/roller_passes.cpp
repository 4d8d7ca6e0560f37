#include "physics/roller_passes.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "physics/simulator.hpp"

namespace dermasim::physics {
namespace {

constexpr double step_s = Simulator::dt_s;
// Lifted between passes the roller hovers; it takes this long to come down
// and press (the pen body's hover spring and the hand), and it starts this
// far before the pass so that it lands already rolling the pass's way.
constexpr double approach_mm = 6.0;
constexpr double lift_s = 0.25;

void hold(std::vector<PenCommand>& out, PenCommand c, double seconds) {
  for (int i = 0, n = static_cast<int>(seconds / step_s); i < n; ++i) out.push_back(c);
}

void move(std::vector<PenCommand>& out, PenCommand c, double x0, double y0, double x1, double y1, double speed_mm_s) {
  const double length = std::hypot(x1 - x0, y1 - y0);
  const int n = std::max(1, static_cast<int>(std::ceil(length / (speed_mm_s * step_s))));
  for (int i = 1; i <= n; ++i) {
    const double t = static_cast<double>(i) / n;
    c.x_mm = x0 + t * (x1 - x0);
    c.y_mm = y0 + t * (y1 - y0);
    out.push_back(c);
  }
}

}  // namespace

std::vector<PenCommand> roller_path(const RollerTechnique& t) {
  std::vector<PenCommand> out;
  PenCommand c;
  c.skin_taut = t.skin_taut;
  c.motor_on = false;
  c.x_mm = t.center_x_mm;
  c.y_mm = t.center_y_mm;
  const int passes = std::clamp(t.passes, 0, RollerTechnique::most_passes);
  const double speed = std::clamp(t.speed_mm_s, 5.0, 200.0);
  const double force = std::clamp(t.force_n, 0.0, RollerTechnique::most_force_n);
  constexpr double directions_deg[] = {0.0, 90.0, 45.0, 135.0};
  double x = t.center_x_mm, y = t.center_y_mm;
  for (int p = 0; p < passes; ++p) {
    // Back and forth along each direction: odd passes the other way.
    const double a = (directions_deg[(p / 2) % 4] + (p % 2 ? 180.0 : 0.0)) * std::numbers::pi / 180.0;
    const double dx = std::cos(a), dy = std::sin(a);
    const double half = 0.5 * t.pass_length_mm;
    const double sx = t.center_x_mm - dx * (half + approach_mm), sy = t.center_y_mm - dy * (half + approach_mm);
    c.force_n = 0.0;
    move(out, c, x, y, sx, sy, speed);
    hold(out, c, lift_s);
    c.force_n = force;
    move(out, c, sx, sy, t.center_x_mm + dx * half, t.center_y_mm + dy * half, speed);
    x = t.center_x_mm + dx * half;
    y = t.center_y_mm + dy * half;
    c.force_n = 0.0;
    hold(out, c, lift_s);
  }
  return out;
}

RollerResult roll(std::shared_ptr<const tissue::SkinPatch> patch, const RollerTechnique& t) {
  DeviceSettings device;
  device.cartridge = CartridgeKind::home_roller_192;
  device.needle_length_mm = t.needle_length_mm;
  Simulator sim(std::move(patch), device);
  RollerResult r;
  for (const PenCommand& c : roller_path(t)) {
    const StepEvents& e = sim.step(c);
    r.punctures.insert(r.punctures.end(), e.punctures.begin(), e.punctures.end());
  }
  // Take out whatever is still in.
  PenCommand lifted;
  lifted.x_mm = t.center_x_mm;
  lifted.y_mm = t.center_y_mm;
  for (int i = 0; i < 300; ++i) {
    const StepEvents& e = sim.step(lifted);
    r.punctures.insert(r.punctures.end(), e.punctures.begin(), e.punctures.end());
  }

  constexpr double radius = RollerResult::count_radius_mm;
  constexpr double cell_mm = 3.0;
  // A 12 mm square round the centre: its corners (8.5 mm out) are still
  // under the drum's outer rings (8.75 mm either side) on every pass.
  constexpr int cells_across = 4;
  int cells[cells_across][cells_across] = {};
  double depth_sum = 0.0, angle_sum = 0.0;
  for (const PunctureEvent& p : r.punctures) {
    const double dx = p.x_mm - t.center_x_mm, dy = p.y_mm - t.center_y_mm;
    r.deepest_mm = std::max(r.deepest_mm, p.depth_mm);
    r.deepest_layer = std::max(r.deepest_layer, p.deepest);
    const int cx = static_cast<int>(std::floor(dx / cell_mm + 0.5 * cells_across));
    const int cy = static_cast<int>(std::floor(dy / cell_mm + 0.5 * cells_across));
    if (cx >= 0 && cx < cells_across && cy >= 0 && cy < cells_across) ++cells[cy][cx];
    if (dx * dx + dy * dy > radius * radius) continue;
    ++r.holes_in_circle;
    depth_sum += p.depth_mm;
    angle_sum += p.tilt_deg;
  }
  const double circle_cm2 = std::numbers::pi * radius * radius / 100.0;
  r.holes_per_cm2 = r.holes_in_circle / circle_cm2;
  if (r.holes_in_circle > 0) {
    r.mean_depth_mm = depth_sum / r.holes_in_circle;
    r.mean_channel_angle_deg = angle_sum / r.holes_in_circle;
  }
  double sum = 0.0, sum_sq = 0.0;
  constexpr int n = cells_across * cells_across;
  for (const auto& row : cells)
    for (int v : row) {
      sum += v;
      sum_sq += static_cast<double>(v) * v;
    }
  const double mean = sum / n;
  if (mean > 0.0) r.density_cv = std::sqrt(std::max(0.0, sum_sq / n - mean * mean)) / mean;
  return r;
}

}  // namespace dermasim::physics
