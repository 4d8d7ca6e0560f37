#pragma once
// The simulator's frame, shared by the interactive window and `bench render`:
// the scenario flow (a scenario::Session), whole 1 kHz physics steps during
// the procedure, scene extraction, the 3D scene, then the panels.
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "physics/pen_input.hpp"
#include "app/attempt.hpp"
#include "app/imgui_layer.hpp"
#include "app/records_keeper.hpp"
#include "app/replay_player.hpp"
#include "physics/simulator.hpp"
#include "record/course_recording.hpp"
#include "record/journal.hpp"
#include "record/progress_db.hpp"
#include "render/gl_window.hpp"
#include "render/offscreen_target.hpp"
#include "render/scene_renderer.hpp"
#include "scenario/course_run.hpp"
#include "scenario/session.hpp"
#include "scene/camera.hpp"
#include "scene/scene_extractor.hpp"
#include "ui/app_state.hpp"
#include "ui/frame_budget.hpp"

namespace dermasim::app {

/// What the steps of one frame produced, for sound, rumble and flashes.
struct StepSummary {
  int steps = 0;
  int crossings = 0;               // needles breaking into a deeper layer
  std::uint32_t cues = 0;          // raised in any step
  std::uint32_t new_cues = 0;      // raised now but not in the previous frame
  physics::HapticFeedback feedback;  // of the last step
};

struct AppPaths {
  std::string scenario_dir;   // the case library
  std::string data_dir;       // recordings and reports (XDG data directory)
  std::string open_case;      // a scenario file to open first; empty: the default case
  std::string db_path;        // the progress database; empty: <data_dir>/progress.db
  std::string trainee;        // empty: $USER
  std::string instructor;     // non-empty: instructor mode, under this name
  bool assessment = false;    // every case in assessment mode (`gui --assessment`), whatever its default
  std::string course_dir;     // the course plans the library offers; empty: the source tree's courses/
  std::string course_file;    // `gui --course FILE`: the library holds to this plan and its locks
};

/// $XDG_DATA_HOME/dermasim, else ~/.local/share/dermasim.
std::string default_data_dir();
/// The shipped case library (the source tree's scenarios/).
std::string default_scenario_dir();
/// The shipped course plans (the source tree's courses/).
std::string default_course_dir();

class SimulatorApp {
 public:
  /// Sets up ImGui on `window` (which must stay alive) and opens the first case.
  SimulatorApp(render::GlWindow& window, bool install_imgui_callbacks, AppPaths paths = {});
  ~SimulatorApp();
  SimulatorApp(const SimulatorApp&) = delete;
  SimulatorApp& operator=(const SimulatorApp&) = delete;

  ui::AppState& state() { return state_; }
  scene::OrbitCamera& camera() { return camera_; }
  /// The simulator on screen: the attempt's once the plan is set, else an
  /// untreated preview of the case's skin.
  const physics::Simulator& sim() const;

  /// Opens a scenario file at the consultation, in `mode` when given (a course
  /// plan's), else the case's own (assessment under `gui --assessment`
  /// whatever the rest says); false (and a message) when it does not load.
  // By value: callers pass the open case's own path, which opening resets.
  bool open_case(std::string path, std::optional<scenario::Mode> mode = {});
  /// Opens a case the library offers: through the course plan on show, which
  /// refuses a locked case (a message says what it waits for) and sets the mode.
  bool open_from_library(const std::string& path);
  /// Skips to the procedure with a plan (benchmarks and screenshots): proceed, no findings.
  void start_procedure_now(const scenario::PlanAnswers& plan);
  /// Waits for the debrief's grade and the records' background work (tests,
  /// screenshots); the window itself never waits, it polls every frame.
  void finish_background_work();

  /// Runs `steps` physics steps pulling one command each from `input`
  /// (during the procedure only; other stages do not move the pen).
  StepSummary step(physics::PenInput& input, int steps);
  /// Extracts the scene, draws it and the panels into the window's
  /// framebuffer, and applies what the panels asked for. Returns their actions.
  ui::UiActions render_frame(int width, int height);
  void set_view(scene::ViewPreset view);
  /// Feeds the frame-time controller (the render scale follows when automatic).
  void note_frame_time(double frame_ms);
  /// Carries out what the panels (or a shortcut) asked for.
  void apply(const ui::UiActions& actions);

 private:
  void refresh_library();
  void apply_keys(const ui::UiActions& actions);
  void apply_flow(const ui::UiActions& actions);
  /// Grades the finished attempt on a worker thread; poll_grade() collects it.
  void enter_debrief();
  /// Takes the grade when it is ready (or waits for it), then saves the attempt.
  void poll_grade(bool wait);
  void save_report();
  /// Puts `s` on screen as a fresh attempt at the consultation, every choice unmade.
  void open_attempt(std::shared_ptr<const scenario::Scenario> s, const std::string& path, scenario::Mode mode);
  // A course case visit after visit (course_play.cpp).
  /// The visit the course run stands at, on screen with the skin as it is that day.
  void open_course_visit();
  /// Carries out the trainee's return choice at the end of a visit.
  void next_visit();
  /// Where the course on screen is written: recordings/<first visit's start>_<case>.dscrs.
  std::string course_file_path() const;
  /// The visits so far, on disk after every visit, so a killed program
  /// loses at most the visit in progress.
  void write_course_so_far();
  /// The course left before its end: the visit in progress is its last,
  /// interrupted, and the whole course is kept (graded and stored) as interrupted.
  bool keep_unfinished_course();
  void show_home_roller(double needle_length_mm);
  void roll_home_roller(const physics::RollerTechnique& technique, bool hers);
  /// Takes the course grade when it is ready (or waits), then records the course.
  void poll_course_grade(bool wait);
  void record_course(const scenario::CourseGrade& grade);
  void show_case_on_screen();
  /// The attempt on screen, left unfinished, is kept as interrupted.
  void keep_unfinished_attempt();
  // Progress, instructor and replay (records_view.cpp).
  void apply_records_actions(const ui::UiActions& actions);
  void load_progress(const std::string& scenario_id);
  void load_curves(ui::ProgressView& p);
  void load_proficiency(ui::ProgressView& p);  // issue 15
  void load_cohort();
  void open_attempt_report(const std::string& attempt_uuid);
  void start_replay(const std::string& attempt_uuid);
  record::Recording stored_recording(const std::string& attempt_uuid);
  std::shared_ptr<const scenario::Scenario> scenario_of(const record::Recording& rec) const;

  render::GlWindow& window_;
  ImGuiLayer imgui_;
  AppPaths paths_;
  RecordsKeeper records_;
  record::ProgressDb* db_ = nullptr;  // records_'s main-thread connection; null when records are off
  std::unique_ptr<Attempt> attempt_;  // the case on screen
  std::unique_ptr<physics::Simulator> no_case_;  // the skin shown while no case is open
  std::unique_ptr<ReplayPlayer> replay_;
  // A course case: the run, the visits recorded so far, the grade being computed.
  std::unique_ptr<scenario::CourseRun> course_run_;
  std::vector<record::RecordedVisit> course_visits_;
  std::optional<scenario::Grade> visit_grade_;  // the visit's own, kept for the course's end
  std::future<scenario::CourseGrade> course_grade_;
  ui::Stage replay_return_stage_ = ui::Stage::debrief;
  std::string viewing_stored_;  // the stored attempt the debrief shows, if not the current one
  scene::SceneExtractor extractor_;
  render::SceneRenderer renderer_;
  std::unique_ptr<render::OffscreenTarget> scene_target_;
  scene::OrbitCamera camera_;
  ui::AppState state_;
  std::uint32_t previous_cues_ = 0;
  ui::FrameBudget frame_budget_;
};

}  // namespace dermasim::app
