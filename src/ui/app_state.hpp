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
#include "ui/case_state.hpp"
#include "ui/records_state.hpp"

namespace dermasim::ui {

enum class Stage { library, progress, instructor, screening, plan, procedure, aftercare, debrief, replay };
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

/// The hints practice mode draws; assessment draws none. Panels note each
/// hint they draw, so a test can tell that assessment drew none.
enum Hint : std::uint32_t {
  hint_depth_table = 1u << 0,    // the D1-D4 needle-depth guide in the plan
  hint_gauge_bands = 1u << 1,    // the key's bands and in-band colours on the gauges
  hint_coverage_map = 1u << 2,   // the live coverage heat map during the procedure
};

struct AppState {
  Stage stage = Stage::screening;
  scenario::Mode mode = scenario::Mode::practice;  // the attempt's
  std::uint32_t hints_drawn = 0;                   // Hint bits drawn in the last frame
  CaseState clinic;  // the scenario being attempted
  CourseBrowser courses;  // the library's course plans (issue 15)
  ProgressView progress;
  InstructorView instructor;
  ReplayView replay;
  std::string case_title = "Default case: abdomen, postpartum striae rubra";
  physics::DeviceSettings device;        // the plan's, as the simulator uses it
  physics::TechniqueLimits limits;
  scene::SceneSettings view;
  PenControls pen;
  FeedbackControls feedback;

  // Read-outs of the simulation, refreshed every frame.
  physics::PenTelemetry telemetry;
  double sim_time_s = 0.0;
  std::uint64_t punctures = 0;
  std::uint32_t cues_now = 0;                         // raised during this frame's steps
  // Wall time each cue last fired; long ago at the start, so nothing flashes.
  std::array<double, physics::cue_count> cue_seen_s = [] {
    std::array<double, physics::cue_count> a{};
    a.fill(-1e9);
    return a;
  }();
  // The layers the case's answer key wants the needles to end in.
  tissue::Layer target_shallowest = tissue::Layer::papillary_dermis;
  tissue::Layer target_deepest = tissue::Layer::reticular_dermis;
  double wall_time_s = 0.0;
  double frame_ms = 0.0;
  int steps_last_frame = 0;
  bool paused = false;
  bool behind_real_time = false;  // the frame was too slow for all its steps
  std::string input_device = "mouse and keyboard";
  bool show_help = true;
  float render_scale = 1.0f;      // of the 3D scene's resolution; panels stay full size
  float render_scale_max = 1.0f;  // the highest scale the frame-time controller may choose
  bool auto_render_scale = true;  // hold 60 fps by lowering the scale (FrameBudget)
  std::string message;            // a problem to show (bad device settings, ...)
};

/// "a, b and c".
std::string joined(const std::vector<std::string>& items);

/// What the panels asked for that changes the simulation or the camera.
struct UiActions {
  std::optional<scene::ViewPreset> camera_preset;
  bool quit = false;
  // The scenario flow.
  bool show_library = false;
  std::optional<std::string> open_case;  // a scenario file
  std::optional<std::string> ask;        // a history item's follow-up question
  bool decide = false;                   // end the consultation with clinic's decision
  bool start_procedure = false;          // with clinic's plan
  bool finish_procedure = false;
  bool submit_aftercare = false;
  bool retry = false;                    // start the case again (also Ctrl+R)
  bool save_report = false;
  bool next_visit = false;               // a course case: carry out clinic.course's return choice
  // Keyboard toggles (gui_main's key callback sends these; the app applies them).
  bool toggle_motor = false, toggle_taut = false, straighten_pen = false;
  bool toggle_cutaway = false, toggle_cutaway_lock = false, toggle_coverage = false;
  bool toggle_mute = false, toggle_pause = false, toggle_help = false;
  // Progress, instructor and replay.
  std::optional<std::string> show_progress;              // a scenario id ("" for the first)
  bool show_instructor = false;
  std::optional<std::pair<std::string, std::string>> select_cell;  // trainee, scenario
  std::optional<std::string> select_attempt;             // attempt UUID
  std::optional<std::string> open_attempt_report;        // attempt UUID
  std::optional<std::string> replay_attempt;             // attempt UUID; "" for the attempt just finished
  std::optional<double> replay_seek_s;
  bool submit_override = false;
  bool close_replay = false;
};

}  // namespace dermasim::ui
