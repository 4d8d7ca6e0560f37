#pragma once
// The simulator's frame, shared by the interactive window and `bench render`:
// whole 1 kHz physics steps, scene extraction, the 3D scene, then the panels.
#include <memory>

#include "physics/pen_input.hpp"
#include "physics/simulator.hpp"
#include "render/gl_window.hpp"
#include "render/offscreen_target.hpp"
#include "render/scene_renderer.hpp"
#include "scene/camera.hpp"
#include "scene/scene_extractor.hpp"
#include "ui/app_state.hpp"

namespace dermasim::app {

/// What the steps of one frame produced, for sound, rumble and flashes.
struct StepSummary {
  int steps = 0;
  int crossings = 0;               // needles breaking into a deeper layer
  std::uint32_t cues = 0;          // raised in any step
  std::uint32_t new_cues = 0;      // raised now but not in the previous frame
  physics::HapticFeedback feedback;  // of the last step
};

class SimulatorApp {
 public:
  /// Sets up ImGui on `window` (which must stay alive) and the default case.
  explicit SimulatorApp(render::GlWindow& window, bool install_imgui_callbacks);
  ~SimulatorApp();
  SimulatorApp(const SimulatorApp&) = delete;
  SimulatorApp& operator=(const SimulatorApp&) = delete;

  ui::AppState& state() { return state_; }
  scene::OrbitCamera& camera() { return camera_; }
  const physics::Simulator& sim() const { return *sim_; }

  /// Runs `steps` physics steps pulling one command each from `input`.
  StepSummary step(physics::PenInput& input, int steps);
  /// Extracts the scene, draws it and the panels into the window's
  /// framebuffer, and applies what the panels asked for. Returns their actions.
  ui::UiActions render_frame(int width, int height);
  void set_view(scene::ViewPreset view);
  /// Carries out what the panels (or a shortcut) asked for.
  void apply(const ui::UiActions& actions);

 private:
  render::GlWindow& window_;
  std::shared_ptr<const tissue::SkinPatch> patch_;
  std::unique_ptr<physics::Simulator> sim_;
  scene::SceneExtractor extractor_;
  render::SceneRenderer renderer_;
  scene::OrbitCamera camera_;
  ui::AppState state_;
  std::uint32_t previous_cues_ = 0;
  // The 3D scene may be drawn at a lower resolution and scaled up (the panels
  // stay sharp): a software rasteriser cannot shade every pixel at 60 fps.
  std::unique_ptr<render::OffscreenTarget> scene_target_;
};

}  // namespace dermasim::app
