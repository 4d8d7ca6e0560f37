// The interactive simulator. The main loop reads like Dear ImGui's
// example_glfw_opengl3: poll events, step the simulation, draw, swap. The
// hand (mouse, keyboard, gamepad) is gui_input.cpp's; keys become UiActions
// that the app applies like the panels' own.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/audio_feedback.hpp"
#include "app/cli_args.hpp"
#include "app/fixed_step_clock.hpp"
#include "app/gui_input.hpp"
#include "app/gui_verbs.hpp"
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

AppPaths gui_paths(std::span<const std::string_view> args) {
  AppPaths paths;
  if (const auto s = option(args, "--scenario")) paths.open_case = std::string(*s);
  if (const auto d = option(args, "--scenarios")) paths.scenario_dir = std::string(*d);
  if (const auto d = option(args, "--data")) paths.data_dir = std::string(*d);
  if (const auto d = option(args, "--db")) paths.db_path = std::string(*d);
  if (const auto t = option(args, "--trainee")) paths.trainee = std::string(*t);
  if (const auto i = option(args, "--instructor")) paths.instructor = std::string(*i);
  paths.assessment = has_flag(args, "--assessment");
  if (const auto c = option(args, "--course")) paths.course_file = std::string(*c);
  if (const auto d = option(args, "--courses")) paths.course_dir = std::string(*d);
  return paths;
}

// Sound and rumble from the physics' feedback.
void play_feedback(const StepSummary& summary, ui::FeedbackControls& controls, AudioFeedback& audio, Rumble& rumble) {
  audio.set_volume(controls.volume, controls.sound_muted);
  audio.set_buzz(summary.feedback.vibration_hz, summary.feedback.vibration_amplitude);
  if (summary.crossings > 0) audio.click();
  if (summary.new_cues & ~static_cast<std::uint32_t>(physics::cue_input_corrected)) audio.warning();
  controls.rumble_available = rumble.available();
  if (controls.rumble_available && !controls.rumble_muted) {
    const double buzz = summary.feedback.vibration_hz > 0.0 ? 0.15 + 0.6 * summary.feedback.vibration_amplitude : 0.0;
    rumble.set(buzz, summary.crossings > 0 ? 0.8 : 0.3 * buzz, 60);
  }
}

}  // namespace

int run_gui(std::span<const std::string_view> args) {
  const QuitSignals signals;  // before SDL starts (quit_signals.hpp)
  int width = 1280, height = 800;
  if (const auto size = option(args, "--size")) parse_size(*size, width, height);
  render::GlWindow window({.width = width, .height = height, .title = "dermasim: microneedling stretch marks",
                           .visible = true, .vsync = true, .samples = 0});
  GuiInput input(window);  // its callbacks first: ImGui's backend chains to them
  SimulatorApp app(window, true, gui_paths(args));
  input.attach(app);
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
  state.feedback.sound_muted = has_flag(args, "--mute");
  if (!audio.available()) std::fprintf(stderr, "dermasim: %s (continuing without sound)\n", audio.status().c_str());
  FixedStepClock clock(physics::Simulator::rate_hz, max_steps_per_frame);
  double last_t = glfwGetTime();

  while (!glfwWindowShouldClose(window.handle()) && !input.quit_requested() && !signals.requested()) {
    glfwPollEvents();
    const double now = glfwGetTime();
    const double dt = std::min(0.25, now - last_t);
    last_t = now;
    state.wall_time_s = now;
    state.frame_ms = dt * 1000.0;

    // Step: the hand, then whole fixed physics steps for the real time that passed.
    input.update_hand(dt);
    const int steps = state.paused ? (clock.pause(), 0) : clock.advance(dt);
    state.behind_real_time = clock.dropped_time();
    play_feedback(app.step(input.hand(), steps), state.feedback, audio, rumble);

    // Draw: the keys' actions, then the scene and the panels (which apply theirs).
    app.apply(input.take_key_actions());
    int fb_w = 0, fb_h = 0;
    window.framebuffer_size(fb_w, fb_h);
    if (app.render_frame(fb_w, fb_h).quit) input.request_quit();
    // The frame's own work, without the wait for vsync, drives the render scale.
    glFinish();
    app.note_frame_time((glfwGetTime() - now) * 1000.0);
    glfwSwapBuffers(window.handle());
  }
  if (const int signo = signals.requested()) {
    std::fprintf(stderr, "dermasim: quitting on signal %d; an attempt in progress is kept as interrupted\n", signo);
    return 128 + signo;  // the shell's convention for a process ended by a signal
  }
  return 0;
}

}  // namespace dermasim::app
