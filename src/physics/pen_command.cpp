#include "physics/pen_command.hpp"

#include <cmath>

namespace dermasim::physics {

std::string_view input_field_name(InputField field) {
  switch (field) {
    case InputField::x_mm: return "x_mm";
    case InputField::y_mm: return "y_mm";
    case InputField::force_n: return "force_n";
    case InputField::tilt_deg: return "tilt_deg";
    case InputField::tilt_direction_deg: return "tilt_direction_deg";
  }
  return "?";
}

std::string_view input_action_text(InputAction action) {
  switch (action) {
    case InputAction::not_finite_held: return "not a finite number; previous value kept";
    case InputAction::clamped_low: return "below the accepted range; clamped";
    case InputAction::clamped_high: return "above the accepted range; clamped";
    case InputAction::off_patch_clamped: return "off the patch; moved to the nearest edge";
  }
  return "?";
}

namespace {

struct Fixer {
  InputIssue* issues;
  int count = 0;

  void fix(double& value, double previous, double lo, double hi, InputField field, InputAction below,
           InputAction above) {
    const double given = value;
    if (!std::isfinite(value)) {
      value = std::isfinite(previous) ? std::fmin(std::fmax(previous, lo), hi) : lo;
      issues[count++] = {field, InputAction::not_finite_held, given, value};
    } else if (value < lo) {
      value = lo;
      issues[count++] = {field, below, given, value};
    } else if (value > hi) {
      value = hi;
      issues[count++] = {field, above, given, value};
    }
  }
};

}  // namespace

int sanitize_command(PenCommand& command, const PenCommand& previous, double patch_width_mm, double patch_height_mm,
                     const CommandLimits& limits, InputIssue* issues) {
  Fixer f{issues};
  f.fix(command.x_mm, previous.x_mm, 0.0, patch_width_mm, InputField::x_mm, InputAction::off_patch_clamped,
        InputAction::off_patch_clamped);
  f.fix(command.y_mm, previous.y_mm, 0.0, patch_height_mm, InputField::y_mm, InputAction::off_patch_clamped,
        InputAction::off_patch_clamped);
  f.fix(command.force_n, previous.force_n, 0.0, limits.max_force_n, InputField::force_n, InputAction::clamped_low,
        InputAction::clamped_high);
  f.fix(command.tilt_deg, previous.tilt_deg, 0.0, limits.max_tilt_deg, InputField::tilt_deg,
        InputAction::clamped_low, InputAction::clamped_high);
  // Any finite azimuth is meaningful; wrap it rather than reject it.
  if (std::isfinite(command.tilt_direction_deg)) {
    command.tilt_direction_deg = std::fmod(command.tilt_direction_deg, 360.0);
  } else {
    f.fix(command.tilt_direction_deg, previous.tilt_direction_deg, -360.0, 360.0, InputField::tilt_direction_deg,
          InputAction::clamped_low, InputAction::clamped_high);
  }
  return f.count;
}

}  // namespace dermasim::physics

namespace dermasim::physics {
namespace {
double snap(double value, double previous, double step, double limit) {
  if (!std::isfinite(value)) value = std::isfinite(previous) ? previous : 0.0;
  value = std::fmin(std::fmax(value, -limit), limit);
  return std::round(value / step) * step;
}
}  // namespace

PenCommand quantize_command(const PenCommand& c, const PenCommand& previous) {
  PenCommand q = c;
  // Limits keep every value inside a 32-bit integer count of its step.
  q.x_mm = snap(c.x_mm, previous.x_mm, position_quantum_mm, 1e6);
  q.y_mm = snap(c.y_mm, previous.y_mm, position_quantum_mm, 1e6);
  q.force_n = snap(c.force_n, previous.force_n, force_quantum_n, 1e6);
  q.tilt_deg = snap(c.tilt_deg, previous.tilt_deg, angle_quantum_deg, 1e6);
  q.tilt_direction_deg = snap(c.tilt_direction_deg, previous.tilt_direction_deg, angle_quantum_deg, 1e6);
  return q;
}

}  // namespace dermasim::physics
