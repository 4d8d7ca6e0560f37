#include "physics/scripted_pen.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim::physics {

PathSegment PathSegment::line(double x0, double y0, double x1, double y1, const PathStyle& style) {
  PathSegment s;
  s.kind = PathKind::line;
  s.style = style;
  s.x0_mm = x0, s.y0_mm = y0, s.x1_mm = x1, s.y1_mm = y1;
  return s;
}

PathSegment PathSegment::raster(double x0, double y0, double x1, double y1, double spacing_mm, double angle_deg,
                                const PathStyle& style) {
  PathSegment s = line(x0, y0, x1, y1, style);
  s.kind = PathKind::raster;
  s.row_spacing_mm = spacing_mm;
  s.row_angle_deg = angle_deg;
  return s;
}

PathSegment PathSegment::stamp(double x, double y, double duration_s, const PathStyle& style) {
  PathSegment s = line(x, y, x, y, style);
  s.kind = PathKind::stamp;
  s.duration_s = duration_s;
  return s;
}

PathSegment PathSegment::band_raster(double cx, double cy, double axis_deg, double length_mm, double width_mm,
                                     double spacing_mm, double row_angle_deg, const PathStyle& style) {
  PathSegment s = raster(-0.5 * length_mm, -0.5 * width_mm, 0.5 * length_mm, 0.5 * width_mm, spacing_mm,
                         row_angle_deg, style);
  s.frame_x_mm = cx;
  s.frame_y_mm = cy;
  s.frame_angle_deg = axis_deg;
  return s;
}

std::vector<std::pair<double, double>> raster_points(double x0, double y0, double x1, double y1, double spacing_mm,
                                                     double angle_deg) {
  const double lo_x = std::min(x0, x1), hi_x = std::max(x0, x1), lo_y = std::min(y0, y1), hi_y = std::max(y0, y1);
  const double a = angle_deg * std::numbers::pi / 180.0;
  const double dx = std::cos(a), dy = std::sin(a);  // along a row
  const double nx = -dy, ny = dx;                   // across the rows
  const double cx = 0.5 * (lo_x + hi_x), cy = 0.5 * (lo_y + hi_y);
  double n_min = 1e300, n_max = -1e300;
  for (double px : {lo_x, hi_x})
    for (double py : {lo_y, hi_y}) {
      const double n = (px - cx) * nx + (py - cy) * ny;
      n_min = std::min(n_min, n);
      n_max = std::max(n_max, n);
    }
  std::vector<std::pair<double, double>> points;
  const double spacing = std::max(0.1, spacing_mm);
  bool forward = true;
  for (double off = n_min + 0.5 * spacing; off <= n_max; off += spacing) {
    // Clip the row's line p + t*d to the rectangle (slab method).
    const double px = cx + nx * off, py = cy + ny * off;
    double t0 = -1e300, t1 = 1e300;
    auto slab = [&](double p, double d, double lo, double hi) {
      if (std::abs(d) < 1e-12) {
        if (p < lo || p > hi) t0 = 1e300;
        return;
      }
      double ta = (lo - p) / d, tb = (hi - p) / d;
      if (ta > tb) std::swap(ta, tb);
      t0 = std::max(t0, ta);
      t1 = std::min(t1, tb);
    };
    slab(px, dx, lo_x, hi_x);
    slab(py, dy, lo_y, hi_y);
    if (t0 >= t1) continue;
    std::pair<double, double> a0{px + dx * t0, py + dy * t0}, a1{px + dx * t1, py + dy * t1};
    if (!forward) std::swap(a0, a1);
    points.push_back(a0);
    points.push_back(a1);
    forward = !forward;
  }
  return points;
}

void ScriptedPen::add(double dt_s, double x, double y, bool pressed, bool motor, int style) {
  const double t = knots_.empty() ? 0.0 : knots_.back().t_s + dt_s;
  knots_.push_back({t, x, y, pressed, motor, style});
}

void ScriptedPen::travel_to(double x, double y) {
  const Knot& last = knots_.back();
  const double distance = std::hypot(x - last.x_mm, y - last.y_mm);
  knots_.back().pressed = false;
  knots_.back().motor = false;
  add(distance / travel_speed_mm_s + landing_s, x, y, false, false, last.style);
}

void ScriptedPen::press_path(const std::vector<std::pair<double, double>>& points, int style) {
  if (points.empty()) return;
  const PathStyle& s = styles_[static_cast<std::size_t>(style)];
  travel_to(points.front().first, points.front().second);
  // Land: press with the motor off, then start the motor.
  knots_.back().pressed = true;
  knots_.back().style = style;
  add(landing_s, points.front().first, points.front().second, true, s.motor_on, style);
  const double speed = std::max(0.1, s.speed_mm_s);
  for (std::size_t i = 1; i < points.size(); ++i) {
    const double d = std::hypot(points[i].first - points[i - 1].first, points[i].second - points[i - 1].second);
    add(d / speed, points[i].first, points[i].second, true, s.motor_on, style);
  }
}

namespace {
// A point of a segment's own frame on the patch (the identity for all but
// band rasters, whose rectangle lies along a stretch mark).
std::pair<double, double> on_patch(const PathSegment& seg, double x, double y) {
  const double a = seg.frame_angle_deg * std::numbers::pi / 180.0;
  return {seg.frame_x_mm + x * std::cos(a) - y * std::sin(a), seg.frame_y_mm + x * std::sin(a) + y * std::cos(a)};
}
}  // namespace

ScriptedPen::ScriptedPen(const std::vector<PathSegment>& segments) {
  styles_.push_back(PathStyle{});
  // Hover over the patch where the first segment begins: a frame's local
  // coordinates would put the pen off the patch for the first travel.
  const auto [start_x, start_y] =
      segments.empty() ? std::pair{60.0, 40.0} : on_patch(segments.front(), segments.front().x0_mm, segments.front().y0_mm);
  add(0.0, start_x, start_y, false, false, 0);
  for (const PathSegment& seg : segments) {
    styles_.push_back(seg.style);
    const int style = static_cast<int>(styles_.size() - 1);
    for (int pass = 0; pass < std::max(1, seg.passes); ++pass) {
      switch (seg.kind) {
        case PathKind::line: press_path({{seg.x0_mm, seg.y0_mm}, {seg.x1_mm, seg.y1_mm}}, style); break;
        case PathKind::raster: {
          auto points = raster_points(seg.x0_mm, seg.y0_mm, seg.x1_mm, seg.y1_mm, seg.row_spacing_mm, seg.row_angle_deg);
          for (auto& p : points) p = on_patch(seg, p.first, p.second);
          press_path(points, style);
          break;
        }
        case PathKind::stamp:
          press_path({{seg.x0_mm, seg.y0_mm}}, style);
          add(std::max(0.0, seg.duration_s), seg.x0_mm, seg.y0_mm, true, seg.style.motor_on, style);
          break;
      }
    }
  }
  // Lift off at the end.
  travel_to(knots_.back().x_mm, knots_.back().y_mm);
}

PenCommand ScriptedPen::command_at(double t_s) const {
  PenCommand c;
  if (knots_.empty()) return c;
  // Steps run forward, so the cursor usually needs no search.
  if (cursor_ >= knots_.size() || knots_[cursor_].t_s > t_s) cursor_ = 0;
  while (cursor_ + 1 < knots_.size() && knots_[cursor_ + 1].t_s <= t_s) ++cursor_;
  const Knot& a = knots_[cursor_];
  const Knot& b = cursor_ + 1 < knots_.size() ? knots_[cursor_ + 1] : a;
  const double span = b.t_s - a.t_s;
  const double u = span > 0.0 ? std::clamp((t_s - a.t_s) / span, 0.0, 1.0) : 1.0;
  c.x_mm = a.x_mm + (b.x_mm - a.x_mm) * u;
  c.y_mm = a.y_mm + (b.y_mm - a.y_mm) * u;
  const PathStyle& s = styles_[static_cast<std::size_t>(a.style)];
  c.tilt_deg = s.tilt_deg;
  c.tilt_direction_deg = s.tilt_direction_deg;
  c.skin_taut = s.skin_taut;
  c.force_n = a.pressed ? s.force_n : 0.0;
  c.motor_on = a.pressed && a.motor;
  return c;
}

PenCommand ScriptedPen::next() { return command_at(static_cast<double>(steps_++) * step_s); }

}  // namespace dermasim::physics
