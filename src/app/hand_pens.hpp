#pragma once
// The trainee's devices. Each turns its own input into the same PenCommand
// the scripted device produces, through the PenInput interface: the physics
// cannot tell a mouse from a gamepad from a script.
#include <string>

#include "physics/pen_input.hpp"
#include "ui/app_state.hpp"

struct GLFWwindow;

namespace dermasim::app {

/// Holds the latest command built from the hand controls; the physics pulls
/// it once per step, so every step between two frames uses the same hand.
class HandPen final : public physics::PenInput {
 public:
  void set(const ui::PenControls& controls, double x_mm, double y_mm);
  physics::PenCommand next() override { return command_; }
  bool finished() const override { return false; }
  const physics::PenCommand& command() const { return command_; }

 private:
  physics::PenCommand command_;
};

/// Mouse and keyboard: the cursor places the pen, the left button presses it,
/// keys held change force and tilt at a steady rate.
class MouseKeyboardPen {
 public:
  /// Reads the held keys and buttons; `dt_s` is the frame's real time.
  void update_controls(GLFWwindow* window, bool ui_wants_mouse, bool ui_wants_keyboard, double dt_s,
                       ui::PenControls& controls) const;
  static constexpr double force_rate_n_per_s = 1.5;
  static constexpr double tilt_rate_deg_per_s = 12.0;
};

/// GLFW gamepad: right trigger is the pressing force, the left stick tilts,
/// the right stick moves the pen, A toggles the motor, B taut/lax.
class GamepadPen {
 public:
  /// True while a gamepad is connected; fills `name`.
  bool connected(std::string& name);
  /// Returns true when the gamepad was used this frame (it then owns the pen).
  bool update_controls(double dt_s, ui::PenControls& controls, double& x_mm, double& y_mm);
  static constexpr double move_speed_mm_s = 30.0;

 private:
  int joystick_ = -1;
  bool previous_a_ = false, previous_b_ = false;
};

}  // namespace dermasim::app
