#include "app/hand_pens.hpp"

#include <algorithm>
#include <cmath>

#include <GLFW/glfw3.h>

namespace dermasim::app {

void HandPen::set(const ui::PenControls& c, double x_mm, double y_mm) {
  command_.x_mm = x_mm;
  command_.y_mm = y_mm;
  command_.force_n = c.pressing ? c.force_n : 0.0;
  command_.tilt_deg = c.tilt_deg();
  command_.tilt_direction_deg = c.tilt_direction_deg();
  command_.skin_taut = c.skin_taut;
  command_.motor_on = c.motor_on;
}

void MouseKeyboardPen::update_controls(GLFWwindow* window, bool ui_wants_mouse, bool ui_wants_keyboard, double dt_s,
                                       ui::PenControls& c) const {
  if (!ui_wants_mouse) c.pressing = glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
  if (ui_wants_keyboard) return;
  auto held = [&](int key) { return glfwGetKey(window, key) == GLFW_PRESS; };
  const double df = force_rate_n_per_s * dt_s, dt = tilt_rate_deg_per_s * dt_s;
  if (held(GLFW_KEY_W)) c.force_n += df;
  if (held(GLFW_KEY_S)) c.force_n -= df;
  if (held(GLFW_KEY_D)) c.tilt_x_deg += dt;
  if (held(GLFW_KEY_A)) c.tilt_x_deg -= dt;
  if (held(GLFW_KEY_R)) c.tilt_y_deg += dt;
  if (held(GLFW_KEY_F)) c.tilt_y_deg -= dt;
  c.force_n = std::clamp(c.force_n, 0.0, ui::PenControls::max_force_n);
  c.tilt_x_deg = std::clamp(c.tilt_x_deg, -ui::PenControls::max_tilt_deg, ui::PenControls::max_tilt_deg);
  c.tilt_y_deg = std::clamp(c.tilt_y_deg, -ui::PenControls::max_tilt_deg, ui::PenControls::max_tilt_deg);
}

bool GamepadPen::connected(std::string& name) {
  if (joystick_ >= 0 && glfwJoystickIsGamepad(joystick_)) {
    name = glfwGetGamepadName(joystick_);
    return true;
  }
  joystick_ = -1;
  for (int j = GLFW_JOYSTICK_1; j <= GLFW_JOYSTICK_LAST; ++j)
    if (glfwJoystickIsGamepad(j)) {
      joystick_ = j;
      name = glfwGetGamepadName(j);
      return true;
    }
  return false;
}

bool GamepadPen::update_controls(double dt_s, ui::PenControls& c, double& x_mm, double& y_mm) {
  GLFWgamepadstate state;
  if (joystick_ < 0 || !glfwGetGamepadState(joystick_, &state)) return false;
  auto axis = [&](int a) {
    const double v = state.axes[a];
    return std::abs(v) < 0.12 ? 0.0 : v;  // dead zone
  };
  // Triggers rest at -1 and read +1 fully pulled.
  const double trigger = std::clamp((state.axes[GLFW_GAMEPAD_AXIS_RIGHT_TRIGGER] + 1.0) * 0.5, 0.0, 1.0);
  const double lx = axis(GLFW_GAMEPAD_AXIS_LEFT_X), ly = axis(GLFW_GAMEPAD_AXIS_LEFT_Y);
  const double rx = axis(GLFW_GAMEPAD_AXIS_RIGHT_X), ry = axis(GLFW_GAMEPAD_AXIS_RIGHT_Y);
  const bool a = state.buttons[GLFW_GAMEPAD_BUTTON_A] == GLFW_PRESS;
  const bool b = state.buttons[GLFW_GAMEPAD_BUTTON_B] == GLFW_PRESS;
  const bool used = trigger > 0.03 || lx != 0.0 || ly != 0.0 || rx != 0.0 || ry != 0.0 || a || b;
  if (a && !previous_a_) c.motor_on = !c.motor_on;
  if (b && !previous_b_) c.skin_taut = !c.skin_taut;
  previous_a_ = a;
  previous_b_ = b;
  if (!used) return false;
  c.pressing = trigger > 0.03;
  c.force_n = trigger * ui::PenControls::max_force_n;
  c.tilt_x_deg = lx * ui::PenControls::max_tilt_deg;
  c.tilt_y_deg = -ly * ui::PenControls::max_tilt_deg;  // stick up leans away
  x_mm += rx * move_speed_mm_s * dt_s;
  y_mm -= ry * move_speed_mm_s * dt_s;
  return true;
}

}  // namespace dermasim::app
