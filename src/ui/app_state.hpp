#pragma once
// What the panels show and edit. Panels are functions of this state: the
// scenario engine's stages (screening, plan, procedure, aftercare, debrief)
// add their own panels for their stage without touching the others.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "physics/device.hpp"
#include "physics/events.hpp"
#include "physics/technique.hpp"
#include "scene/camera.hpp"
#include "scene/scene_settings.hpp"

namespace dermasim::ui {

enum class Stage { screening, plan, procedure, aftercare, debrief };
const char* stage_name(Stage stage);

/// The trainee's hand on the pen, whichever device sets it.
struct PenControls {
  double force_n = 2.0;        // applied while pressing
  double tilt_x_deg = 0.0;     // lean toward +x
  double tilt_y_deg = 0.0;     // lean toward +y
  bool pressing = false;
  bool skin_taut = true;
  bool motor_on = false;
  static constexpr double max_force_n = 8.0;
  static constexpr double max_tilt_deg = 30.0;
  double tilt_deg() const;
  double tilt_direction_deg() const;
};

struct FeedbackControls {
  bool sound_muted = false;
  bool rumble_muted = false;
  float volume = 0.5f;
  bool audio_available = false;
  bool rumble_available = false;
  std::string audio_status;
};

struct AppState {
  Stage stage = Stage::procedure;
  std::string case_title = "Default case: abdomen, postpartum striae rubra";
  physics::DeviceSettings device;        // as applied to the simulator
  physics::DeviceSettings device_edit;   // as edited in the panel, applied on request
  physics::TechniqueLimits limits;
  scene::SceneSettings view;
  PenControls pen;
  FeedbackControls feedback;

  // Read-outs of the simulation, refreshed every frame.
  physics::PenTelemetry telemetry;
  double sim_time_s = 0.0;
  std::uint64_t punctures = 0;
  std::uint32_t cues_now = 0;                         // raised during this frame's steps
  std::array<double, physics::cue_count> cue_seen_s{};  // wall time each cue last fired
  double wall_time_s = 0.0;
  double frame_ms = 0.0;
  int steps_last_frame = 0;
  bool paused = false;
  bool behind_real_time = false;  // the frame was too slow for all its steps
  std::string input_device = "mouse and keyboard";
  bool show_help = true;
  float render_scale = 1.0f;      // of the 3D scene's resolution; panels stay full size
  std::string message;            // a problem to show (bad device settings, ...)
};

/// What the panels asked for that changes the simulation or the camera.
struct UiActions {
  bool apply_device = false;
  bool reset_treatment = false;
  std::optional<scene::ViewPreset> camera_preset;
  bool quit = false;
};

}  // namespace dermasim::ui
