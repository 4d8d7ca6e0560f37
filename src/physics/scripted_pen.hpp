#pragma once
// A scripted device: follows a path (lines, rasters over a region, stationary
// stamps) at a given force, tilt and speed. Between segments the pen lifts,
// travels and lands again, as a practitioner's hand does.
#include <vector>

#include "physics/pen_input.hpp"

namespace dermasim::physics {

struct PathStyle {
  double force_n = 2.0;
  double tilt_deg = 0.0;
  double tilt_direction_deg = 0.0;
  double speed_mm_s = 10.0;
  bool skin_taut = true;
  bool motor_on = true;
};

enum class PathKind { line, raster, stamp };

struct PathSegment {
  PathKind kind = PathKind::line;
  PathStyle style;
  // line: from (x0, y0) to (x1, y1); raster: the rectangle's corners;
  // stamp: the spot is (x0, y0).
  double x0_mm = 0, y0_mm = 0, x1_mm = 0, y1_mm = 0;
  double row_spacing_mm = 2.0;  // raster: distance between rows
  double row_angle_deg = 0.0;   // raster: direction of the rows, from +x
  double duration_s = 1.0;      // stamp: how long the pen stays
  int passes = 1;               // repeats of the whole segment
  // raster: the rectangle is given in a frame at (frame_x_mm, frame_y_mm)
  // turned by frame_angle_deg, e.g. along a stretch mark's axis.
  double frame_x_mm = 0.0, frame_y_mm = 0.0, frame_angle_deg = 0.0;

  static PathSegment line(double x0, double y0, double x1, double y1, const PathStyle& style);
  static PathSegment raster(double x0, double y0, double x1, double y1, double spacing_mm, double angle_deg,
                            const PathStyle& style);
  static PathSegment stamp(double x, double y, double duration_s, const PathStyle& style);
  /// Rows over a band centred at (cx, cy) along `axis_deg`: `length_mm` along
  /// it, `width_mm` across; rows run at `row_angle_deg` to the axis.
  static PathSegment band_raster(double cx, double cy, double axis_deg, double length_mm, double width_mm,
                                 double spacing_mm, double row_angle_deg, const PathStyle& style);
};

class ScriptedPen final : public PenInput {
 public:
  static constexpr double travel_speed_mm_s = 40.0;  // lifted, between segments
  static constexpr double landing_s = 0.15;          // pressing before the motor starts
  static constexpr double step_s = 0.001;

  explicit ScriptedPen(const std::vector<PathSegment>& segments);

  PenCommand next() override;
  bool finished() const override { return time_s() > duration_s(); }

  /// The command at any time along the script (pure).
  PenCommand command_at(double t_s) const;
  double duration_s() const { return knots_.empty() ? 0.0 : knots_.back().t_s; }
  double time_s() const { return static_cast<double>(steps_) * step_s; }

 private:
  struct Knot {
    double t_s;
    double x_mm, y_mm;
    bool pressed;  // the segment from this knot to the next is on the skin
    bool motor;    // ... with the motor running
    int style;
  };
  void add(double dt_s, double x, double y, bool pressed, bool motor, int style);
  void travel_to(double x, double y);
  void press_path(const std::vector<std::pair<double, double>>& points, int style);

  std::vector<PathStyle> styles_;
  std::vector<Knot> knots_;
  unsigned long long steps_ = 0;
  mutable std::size_t cursor_ = 0;
};

/// Rows of a raster: the rectangle swept back and forth along `angle_deg`.
std::vector<std::pair<double, double>> raster_points(double x0, double y0, double x1, double y1, double spacing_mm,
                                                     double angle_deg);

}  // namespace dermasim::physics
