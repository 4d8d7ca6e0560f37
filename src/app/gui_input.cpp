#include "app/gui_input.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/sim_app.hpp"

#include <GLFW/glfw3.h>

namespace dermasim::app {
namespace {

GuiInput& input_of(GLFWwindow* window) { return *static_cast<GuiInput*>(glfwGetWindowUserPointer(window)); }

bool imgui_wants_keyboard() { return ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantCaptureKeyboard; }
bool imgui_wants_mouse() { return ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantCaptureMouse; }

}  // namespace

GuiInput::GuiInput(render::GlWindow& window) : window_(window) {
  glfwSetWindowUserPointer(window.handle(), this);
  glfwSetKeyCallback(window.handle(), [](GLFWwindow* w, int key, int, int action, int mods) {
    if (action == GLFW_PRESS) input_of(w).on_key(key, mods);
  });
  glfwSetScrollCallback(window.handle(), [](GLFWwindow* w, double, double dy) { input_of(w).on_scroll(dy); });
  glfwGetCursorPos(window.handle(), &last_x_, &last_y_);
}

void GuiInput::attach(SimulatorApp& app) {
  app_ = &app;
  pen_x_ = app.sim().pose().cap_center_mm.x;
  pen_y_ = app.sim().pose().cap_center_mm.y;
}

ui::UiActions GuiInput::take_key_actions() {
  ui::UiActions out = keys_;
  keys_ = ui::UiActions{};
  return out;
}

// Keys typed into a panel stay there.
void GuiInput::on_key(int key, int mods) {
  if (imgui_wants_keyboard()) return;
  const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0;
  ui::UiActions& a = keys_;
  switch (key) {
    case GLFW_KEY_SPACE: a.toggle_motor = true; break;
    case GLFW_KEY_T: a.toggle_taut = true; break;
    case GLFW_KEY_X: a.straighten_pen = true; break;
    case GLFW_KEY_1: a.camera_preset = scene::ViewPreset::top; break;
    case GLFW_KEY_2: a.camera_preset = scene::ViewPreset::oblique; break;
    case GLFW_KEY_3: a.camera_preset = scene::ViewPreset::cutaway; break;
    case GLFW_KEY_V: a.toggle_cutaway = true; break;
    case GLFW_KEY_L: a.toggle_cutaway_lock = true; break;
    case GLFW_KEY_H: a.toggle_coverage = true; break;
    case GLFW_KEY_M: a.toggle_mute = true; break;
    case GLFW_KEY_P: a.toggle_pause = true; break;
    case GLFW_KEY_F1: a.toggle_help = true; break;
    case GLFW_KEY_R: a.retry = a.retry || ctrl; break;  // Ctrl+R starts the case again
    case GLFW_KEY_Q:
      if (ctrl) quit_ = true;
      break;
    default: break;
  }
}

void GuiInput::on_scroll(double dy) {
  if (!app_ || imgui_wants_mouse()) return;
  GLFWwindow* w = window_.handle();
  if (glfwGetKey(w, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS) {
    auto& force = app_->state().pen.force_n;
    force = std::clamp(force + 0.1 * dy, 0.0, ui::PenControls::max_force_n);
  } else {
    app_->camera().zoom(dy > 0 ? 0.9 : 1.0 / 0.9);
  }
}

void GuiInput::update_hand(double dt) {
  if (!app_) return;
  ui::AppState& state = app_->state();
  GLFWwindow* w = window_.handle();
  int win_w = 0, win_h = 0;
  glfwGetWindowSize(w, &win_w, &win_h);
  const ImGuiIO& io = ImGui::GetIO();
  double cx = 0.0, cy = 0.0;
  glfwGetCursorPos(w, &cx, &cy);
  const double dx = cx - last_x_, dy = cy - last_y_;
  last_x_ = cx;
  last_y_ = cy;

  // Camera: right drag orbits, middle drag pans.
  if (!io.WantCaptureMouse) {
    if (glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS) app_->camera().orbit(-dx * 0.3, dy * 0.3);
    if (glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS && win_h > 0)
      app_->camera().pan(dx / win_h, dy / win_h);
  }

  // The pen: the gamepad owns it while used; otherwise the cursor places it.
  std::string pad_name;
  if (gamepad_.connected(pad_name) && gamepad_.update_controls(dt, state.pen, pen_x_, pen_y_)) {
    gamepad_owns_pen_ = true;
    state.input_device = "gamepad: " + pad_name;
  }
  const bool mouse_moved = dx != 0.0 || dy != 0.0;
  if (gamepad_owns_pen_ && mouse_moved && !io.WantCaptureMouse) gamepad_owns_pen_ = false;
  if (!gamepad_owns_pen_) {
    state.input_device = "mouse and keyboard";
    mouse_.update_controls(w, io.WantCaptureMouse, io.WantCaptureKeyboard, dt, state.pen);
    if (!io.WantCaptureMouse)
      if (const auto hit = app_->camera().pick_plane(cx, cy, win_w, win_h)) {
        pen_x_ = hit->x;
        pen_y_ = hit->y;
      }
  }
  pen_x_ = std::clamp(pen_x_, 0.0, app_->sim().patch().width_mm());
  pen_y_ = std::clamp(pen_y_, 0.0, app_->sim().patch().height_mm());
  hand_.set(state.pen, pen_x_, pen_y_);
}

}  // namespace dermasim::app
