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

// One pass along a line: lifted travel to a start before it, a pause, then
// pressed and rolling to its end (it lands already rolling the pass's way).
void roll_pass(std::vector<PenCommand>& out, PenCommand& c, double& x, double& y, double sx, double sy, double ex,
               double ey, double speed, double force) {
  const double length = std::hypot(ex - sx, ey - sy);
  if (length <= 0.0) return;
  const double dx = (ex - sx) / length, dy = (ey - sy) / length;
  const double ax = sx - dx * approach_mm, ay = sy - dy * approach_mm;
  c.force_n = 0.0;
  move(out, c, x, y, ax, ay, speed);
  hold(out, c, lift_s);
  c.force_n = force;
  move(out, c, ax, ay, ex, ey, speed);
  x = ex;
  y = ey;
  c.force_n = 0.0;
  hold(out, c, lift_s);
}

double clamped_speed(const RollerTechnique& t) { return std::clamp(t.speed_mm_s, 5.0, 200.0); }
double clamped_force(const RollerTechnique& t) { return std::clamp(t.force_n, 0.0, RollerTechnique::most_force_n); }

}  // namespace

std::vector<PenCommand> roller_area_path(const RollerTechnique& t, double x0, double y0, double x1, double y1,
                                         int passes_per_stripe) {
  std::vector<PenCommand> out;
  PenCommand c;
  c.skin_taut = t.skin_taut;
  if (x1 < x0) std::swap(x0, x1);
  if (y1 < y0) std::swap(y0, y1);
  const double stripe_mm = 2.0 * cartridge(CartridgeKind::home_roller_192).cap_radius_mm;  // the drum's length
  const int passes = std::clamp(passes_per_stripe, 1, RollerTechnique::most_passes);
  double x = 0.5 * (x0 + x1), y = 0.5 * (y0 + y1);
  c.x_mm = x;
  c.y_mm = y;
  for (const double deg : {0.0, 90.0, 45.0, 135.0}) {
    const double dx = std::cos(deg * std::numbers::pi / 180.0), dy = std::sin(deg * std::numbers::pi / 180.0);
    const double nx = -dy, ny = dx;  // across the stripes
    // The rectangle's extent along and across this direction.
    double lo_n = 1e300, hi_n = -1e300, lo_d = 1e300, hi_d = -1e300;
    for (const double cx : {x0, x1})
      for (const double cy : {y0, y1}) {
        lo_n = std::min(lo_n, cx * nx + cy * ny);
        hi_n = std::max(hi_n, cx * nx + cy * ny);
        lo_d = std::min(lo_d, cx * dx + cy * dy);
        hi_d = std::max(hi_d, cx * dx + cy * dy);
      }
    for (double n = lo_n + 0.5 * stripe_mm; n < hi_n + 0.5 * stripe_mm; n += stripe_mm) {
      // The stripe's centre line, clipped to the rectangle (with half a drum
      // of margin, so its edges are rolled too).
      double s0 = lo_d, s1 = hi_d;
      const double px = n * nx, py = n * ny;  // the line's point nearest the origin
      auto clip = [&](double p, double d, double lo, double hi) {
        if (std::abs(d) < 1e-12) return p >= lo - 0.5 * stripe_mm && p <= hi + 0.5 * stripe_mm;
        double a = (lo - 0.5 * stripe_mm - p) / d, b = (hi + 0.5 * stripe_mm - p) / d;
        if (a > b) std::swap(a, b);
        s0 = std::max(s0, a);
        s1 = std::min(s1, b);
        return true;
      };
      if (!clip(px, dx, x0, x1) || !clip(py, dy, y0, y1) || s1 <= s0) continue;
      for (int k = 0; k < passes; ++k) {
        const bool back = k % 2 == 1;
        const double a = back ? s1 : s0, b = back ? s0 : s1;
        roll_pass(out, c, x, y, px + a * dx, py + a * dy, px + b * dx, py + b * dy, clamped_speed(t), clamped_force(t));
      }
    }
  }
  return out;
}

std::vector<PenCommand> roller_path(const RollerTechnique& t) {
  std::vector<PenCommand> out;
  PenCommand c;
  c.skin_taut = t.skin_taut;
  c.x_mm = t.center_x_mm;
  c.y_mm = t.center_y_mm;
  const int passes = std::clamp(t.passes, 0, RollerTechnique::most_passes);
  constexpr double directions_deg[] = {0.0, 90.0, 45.0, 135.0};
  double x = t.center_x_mm, y = t.center_y_mm;
  const double half = 0.5 * t.pass_length_mm;
  for (int p = 0; p < passes; ++p) {
    // Back and forth along each direction: odd passes the other way.
    const double a = (directions_deg[(p / 2) % 4] + (p % 2 ? 180.0 : 0.0)) * std::numbers::pi / 180.0;
    const double dx = std::cos(a), dy = std::sin(a);
    roll_pass(out, c, x, y, t.center_x_mm - dx * half, t.center_y_mm - dy * half, t.center_x_mm + dx * half,
              t.center_y_mm + dy * half, clamped_speed(t), clamped_force(t));
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
