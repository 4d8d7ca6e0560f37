// The interactive simulator: a window on the default case, the pen driven by
// mouse and keyboard or a gamepad, physics at a fixed 1 kHz whatever the
// frame rate, gauges, cue flashes, sound and rumble.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/audio_feedback.hpp"
#include "app/cli_args.hpp"
#include "app/fixed_step_clock.hpp"
#include "app/gui_verbs.hpp"
#include "app/hand_pens.hpp"
#include "app/quit_signals.hpp"
#include "app/sim_app.hpp"
#include "app/view_setup.hpp"
#include "scene/skin_tone.hpp"

#include <GLFW/glfw3.h>

namespace dermasim::app {

namespace {

// More steps than this in one frame (a frame slower than 100 ms) are dropped:
// the simulation falls behind real time instead of taking bigger steps.
constexpr int max_steps_per_frame = 100;

struct GuiContext {
  SimulatorApp* app = nullptr;
  bool quit = false;
  bool reset = false;
};

GuiContext& context_of(GLFWwindow* window) { return *static_cast<GuiContext*>(glfwGetWindowUserPointer(window)); }

// Toggles on key press. ImGui's backend chains to this callback; keys typed
// into a panel stay there.
void on_key(GLFWwindow* window, int key, int, int action, int mods) {
  if (action != GLFW_PRESS || ImGui::GetCurrentContext() == nullptr || ImGui::GetIO().WantCaptureKeyboard) return;
  GuiContext& ctx = context_of(window);
  ui::AppState& s = ctx.app->state();
  const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0;
  switch (key) {
    case GLFW_KEY_SPACE: s.pen.motor_on = !s.pen.motor_on; break;
    case GLFW_KEY_T: s.pen.skin_taut = !s.pen.skin_taut; break;
    case GLFW_KEY_X: s.pen.tilt_x_deg = s.pen.tilt_y_deg = 0.0; break;
    case GLFW_KEY_1: ctx.app->set_view(scene::ViewPreset::top); break;
    case GLFW_KEY_2: ctx.app->set_view(scene::ViewPreset::oblique); break;
    case GLFW_KEY_3: ctx.app->set_view(scene::ViewPreset::cutaway); break;
    case GLFW_KEY_V: s.view.cutaway = !s.view.cutaway; break;
    case GLFW_KEY_L:
      s.view.cutaway_locked = !s.view.cutaway_locked;
      if (s.view.cutaway_locked) {
        const auto& pen = ctx.app->sim().pose().cap_center_mm;
        s.view.cutaway_locked_position_mm = s.view.cutaway_axis == scene::CutAxis::along_x ? pen.y : pen.x;
      }
      break;
    case GLFW_KEY_H: s.view.show_coverage = !s.view.show_coverage; break;
    case GLFW_KEY_M: s.feedback.sound_muted = !s.feedback.sound_muted; break;
    case GLFW_KEY_P: s.paused = !s.paused; break;
    case GLFW_KEY_F1: s.show_help = !s.show_help; break;
    case GLFW_KEY_R:
      if (ctrl) ctx.reset = true;
      break;
    case GLFW_KEY_Q:
      if (ctrl) ctx.quit = true;
      break;
    default: break;
  }
}

void on_scroll(GLFWwindow* window, double, double dy) {
  if (ImGui::GetCurrentContext() == nullptr || ImGui::GetIO().WantCaptureMouse) return;
  GuiContext& ctx = context_of(window);
  if (glfwGetKey(window, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS || glfwGetKey(window, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS) {
    auto& force = ctx.app->state().pen.force_n;
    force = std::clamp(force + 0.1 * dy, 0.0, ui::PenControls::max_force_n);
  } else {
    ctx.app->camera().zoom(dy > 0 ? 0.9 : 1.0 / 0.9);
  }
}

}  // namespace

int run_gui(std::span<const std::string_view> args) {
  const QuitSignals signals;  // before SDL starts (quit_signals.hpp)
  int width = 1280, height = 800;
  if (const auto size = option(args, "--size")) parse_size(*size, width, height);
  bool sound = true;
  for (const auto a : args)
    if (a == "--mute") sound = false;

  render::GlWindow window({.width = width, .height = height, .title = "dermasim: microneedling stretch marks",
                           .visible = true, .vsync = true, .samples = 0});
  GuiContext ctx;
  glfwSetWindowUserPointer(window.handle(), &ctx);
  // Ours first: ImGui's backend chains to callbacks already installed.
  glfwSetKeyCallback(window.handle(), on_key);
  glfwSetScrollCallback(window.handle(), on_scroll);
  AppPaths paths;
  if (const auto s = option(args, "--scenario")) paths.open_case = std::string(*s);
  if (const auto d = option(args, "--scenarios")) paths.scenario_dir = std::string(*d);
  if (const auto d = option(args, "--data")) paths.data_dir = std::string(*d);
  if (const auto d = option(args, "--db")) paths.db_path = std::string(*d);
  if (const auto t = option(args, "--trainee")) paths.trainee = std::string(*t);
  if (const auto i = option(args, "--instructor")) paths.instructor = std::string(*i);
  SimulatorApp app(window, true, paths);
  ctx.app = &app;
  ui::AppState& state = app.state();
  if (const auto f = option(args, "--fitzpatrick")) {
    const auto type = scene::parse_fitzpatrick(*f);
    if (!type) throw std::invalid_argument("--fitzpatrick must be 1..6 or I..VI, got '" + std::string(*f) + "'");
    state.view.fitzpatrick = *type;
  }

  AudioFeedback audio;
  Rumble rumble;
  state.feedback.audio_available = audio.available();
  state.feedback.audio_status = audio.status();
  state.feedback.sound_muted = !sound;
  if (!audio.available()) std::fprintf(stderr, "dermasim: %s (continuing without sound)\n", audio.status().c_str());

  HandPen hand;
  MouseKeyboardPen mouse;
  GamepadPen gamepad;
  FixedStepClock clock(physics::Simulator::rate_hz, max_steps_per_frame);
  double pen_x = app.sim().pose().cap_center_mm.x, pen_y = app.sim().pose().cap_center_mm.y;
  double last_x = 0.0, last_y = 0.0;
  glfwGetCursorPos(window.handle(), &last_x, &last_y);
  double last_t = glfwGetTime();
  bool gamepad_owns_pen = false;

  while (!glfwWindowShouldClose(window.handle()) && !ctx.quit && !signals.requested()) {
    glfwPollEvents();
    const double now = glfwGetTime();
    const double dt = std::min(0.25, now - last_t);
    last_t = now;
    state.wall_time_s = now;
    state.frame_ms = dt * 1000.0;

    int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
    window.framebuffer_size(fb_w, fb_h);
    glfwGetWindowSize(window.handle(), &win_w, &win_h);
    const ImGuiIO& io = ImGui::GetIO();
    double cx = 0.0, cy = 0.0;
    glfwGetCursorPos(window.handle(), &cx, &cy);
    const double dx = cx - last_x, dy = cy - last_y;
    last_x = cx;
    last_y = cy;

    // Camera: right drag orbits, middle drag pans.
    if (!io.WantCaptureMouse) {
      if (glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS) app.camera().orbit(-dx * 0.3, dy * 0.3);
      if (glfwGetMouseButton(window.handle(), GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS && win_h > 0)
        app.camera().pan(dx / win_h, dy / win_h);
    }

    // The pen: the gamepad owns it while used; otherwise the cursor places it.
    std::string pad_name;
    if (gamepad.connected(pad_name) && gamepad.update_controls(dt, state.pen, pen_x, pen_y)) {
      gamepad_owns_pen = true;
      state.input_device = "gamepad: " + pad_name;
    }
    const bool mouse_moved = dx != 0.0 || dy != 0.0;
    if (gamepad_owns_pen && mouse_moved && !io.WantCaptureMouse) gamepad_owns_pen = false;
    if (!gamepad_owns_pen) {
      state.input_device = "mouse and keyboard";
      mouse.update_controls(window.handle(), io.WantCaptureMouse, io.WantCaptureKeyboard, dt, state.pen);
      if (!io.WantCaptureMouse)
        if (const auto hit = app.camera().pick_plane(cx, cy, win_w, win_h)) {
          pen_x = hit->x;
          pen_y = hit->y;
        }
    }
    pen_x = std::clamp(pen_x, 0.0, app.sim().patch().width_mm());
    pen_y = std::clamp(pen_y, 0.0, app.sim().patch().height_mm());
    hand.set(state.pen, pen_x, pen_y);

    // Physics: whole fixed steps for the real time that passed.
    int steps = 0;
    if (state.paused)
      clock.pause();
    else
      steps = clock.advance(dt);
    state.behind_real_time = clock.dropped_time();
    const StepSummary summary = app.step(hand, steps);

    // Sound and rumble from the physics' feedback.
    audio.set_volume(state.feedback.volume, state.feedback.sound_muted);
    audio.set_buzz(summary.feedback.vibration_hz, summary.feedback.vibration_amplitude);
    if (summary.crossings > 0) audio.click();
    if (summary.new_cues & ~static_cast<std::uint32_t>(physics::cue_input_corrected)) audio.warning();
    state.feedback.rumble_available = rumble.available();
    if (state.feedback.rumble_available && !state.feedback.rumble_muted) {
      const double buzz = summary.feedback.vibration_hz > 0.0 ? 0.15 + 0.6 * summary.feedback.vibration_amplitude : 0.0;
      rumble.set(buzz, summary.crossings > 0 ? 0.8 : 0.3 * buzz, 60);
    }

    if (ctx.reset) {
      ui::UiActions reset;
      reset.retry = true;  // Ctrl+R starts the case again
      app.apply(reset);
      ctx.reset = false;
      state.message.clear();
    }
    const ui::UiActions actions = app.render_frame(fb_w, fb_h);
    // The frame's own work, without the wait for vsync, drives the render scale.
    glFinish();
    app.note_frame_time((glfwGetTime() - now) * 1000.0);
    if (actions.quit) ctx.quit = true;
    glfwSwapBuffers(window.handle());
  }
  if (const int signo = signals.requested()) {
    std::fprintf(stderr, "dermasim: quitting on signal %d; an attempt in progress is kept as interrupted\n", signo);
    return 128 + signo;  // the shell's convention for a process ended by a signal
  }
  return 0;
}

}  // namespace dermasim::app
