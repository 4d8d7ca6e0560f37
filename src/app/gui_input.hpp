#pragma once
// The trainee's hands at the window: keys become UiActions (applied by the
// app like the panels' own), the mouse orbits and pans the camera, and the
// cursor or a gamepad places the pen.
#include "app/hand_pens.hpp"
#include "render/gl_window.hpp"
#include "ui/app_state.hpp"

namespace dermasim::app {

class SimulatorApp;

class GuiInput {
 public:
  /// Installs the key and scroll callbacks on `window` (before ImGui's backend, which chains to them).
  explicit GuiInput(render::GlWindow& window);
  /// The app the input drives; the pen starts where the app's pen is.
  void attach(SimulatorApp& app);

  /// Reads the mouse, keyboard and gamepad for a frame of `dt_s` seconds:
  /// the camera moves, the hand's controls and the pen's place update.
  void update_hand(double dt_s);
  physics::PenInput& hand() { return hand_; }
  /// The actions the keys asked for since the last call.
  ui::UiActions take_key_actions();
  bool quit_requested() const { return quit_; }
  void request_quit() { quit_ = true; }

  // GLFW callbacks (public for the C trampolines).
  void on_key(int key, int mods);
  void on_scroll(double dy);

 private:
  render::GlWindow& window_;
  SimulatorApp* app_ = nullptr;
  ui::UiActions keys_;
  bool quit_ = false;
  HandPen hand_;
  MouseKeyboardPen mouse_;
  GamepadPen gamepad_;
  bool gamepad_owns_pen_ = false;
  double pen_x_ = 0.0, pen_y_ = 0.0;
  double last_x_ = 0.0, last_y_ = 0.0;
};

}  // namespace dermasim::app
