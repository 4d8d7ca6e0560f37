#include "app/sim_app.hpp"

#include <cstdio>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/case_library.hpp"
#include "app/panel_cost.hpp"
#include "app/view_setup.hpp"
#include "record/proficiency_svg.hpp"
#include "record/recording.hpp"
#include "render/pass_timer.hpp"
#include "scenario/outcome_report.hpp"
#include "scenario/report.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/simulation_builder.hpp"
#include "tissue/default_case.hpp"
#include "tissue/fnv1a.hpp"
#include "ui/panels.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

std::string default_data_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/dermasim";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/dermasim";
  return "dermasim-data";
}

std::string default_scenario_dir() { return DERMASIM_SCENARIO_DIR; }
std::string default_course_dir() { return DERMASIM_COURSE_DIR; }

namespace {

// A stable shuffle of the instruction catalogue per case, so right and wrong
// options are mixed but the list does not jump between attempts.
std::vector<int> instruction_order(const std::string& seed_text) {
  const auto n = static_cast<int>(scenario::instruction_catalog().size());
  std::vector<int> order(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  std::uint64_t h = fnv1a(seed_text);
  for (int i = n - 1; i > 0; --i) {
    h = h * 6364136223846793005ull + 1442695040888963407ull;
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>((h >> 33) % static_cast<std::uint64_t>(i + 1))]);
  }
  return order;
}

AppPaths resolved(AppPaths p) {
  if (p.scenario_dir.empty()) p.scenario_dir = default_scenario_dir();
  if (p.course_dir.empty()) p.course_dir = default_course_dir();
  if (p.data_dir.empty()) p.data_dir = default_data_dir();
  if (p.db_path.empty()) p.db_path = (fs::path(p.data_dir) / "progress.db").string();
  if (p.trainee.empty()) p.trainee = std::getenv("USER") && *std::getenv("USER") ? std::getenv("USER") : "trainee";
  return p;
}

}  // namespace

SimulatorApp::SimulatorApp(render::GlWindow& window, bool install_imgui_callbacks, AppPaths paths)
    : window_(window),
      imgui_(window, install_imgui_callbacks),
      paths_(resolved(std::move(paths))),
      records_(paths_.db_path, (fs::path(paths_.data_dir) / "recordings").string()),
      db_(records_.db()) {
  // Software rendering (Mesa llvmpipe) draws the scene at half resolution.
  // Every renderer starts at full resolution; on a machine too slow for it
  // the frame-time controller (FrameBudget) lowers the scene's scale.
  state_.render_scale = 1.0f;
  state_.render_scale_max = 1.0f;
  state_.instructor.instructor = paths_.instructor;
  state_.courses.pinned = !paths_.course_file.empty();
  state_.courses.shown = state_.courses.pinned ? 0 : -1;
  refresh_library();
  const std::string first = paths_.open_case.empty()
                                ? (fs::path(paths_.scenario_dir) / "postpartum_abdomen_rubra.yaml").string()
                                : paths_.open_case;
  // A course plan held to opens at the library unless a case of it is named.
  const bool opened = state_.courses.pinned && paths_.open_case.empty() ? false : open_from_library(first);
  if (!opened) {
    // No case opened (a file that does not load): the library shows over the default skin.
    no_case_ = std::make_unique<physics::Simulator>(std::make_shared<const tissue::SkinPatch>(tissue::postpartum_abdomen_spec()),
                                                    physics::DeviceSettings{});
    state_.stage = ui::Stage::library;
    if (const ui::CoursePlanView* plan = state_.courses.current()) state_.case_title = "No case open: " + plan->title;
  }
}

SimulatorApp::~SimulatorApp() {
  // A single attempt's journal is recovered at the next start; a course's
  // earlier visits live only in its file, so a course left open is kept now
  // (the records' worker grades it before the program ends: seconds).
  try {
    if (course_run_ && !course_run_->finished() && !course_visits_.empty())
      std::fprintf(stderr, "dermasim: keeping the course in progress as interrupted (grading it takes a few seconds)\n");
    keep_unfinished_course();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dermasim: the course in progress could not be kept: %s\n", e.what());
  }
}

void SimulatorApp::finish_background_work() {
  poll_grade(true);
  poll_course_grade(true);
  records_.wait();
}

const physics::Simulator& SimulatorApp::sim() const {
  if (replay_ && state_.stage == ui::Stage::replay) return replay_->sim();
  if (attempt_) return attempt_->on_screen();
  return *no_case_;
}

void SimulatorApp::refresh_library() {
  state_.clinic.library =
      scan_case_library(paths_.scenario_dir, db_ ? db_->attempts(paths_.trainee) : std::vector<record::AttemptRecord>{});
  state_.courses.plans = scan_course_plans(paths_.course_dir, paths_.course_file, paths_.scenario_dir,
                                           state_.clinic.library, db_, paths_.trainee);
  if (!state_.courses.current()) state_.courses.shown = state_.courses.pinned && !state_.courses.plans.empty() ? 0 : -1;
}

bool SimulatorApp::open_from_library(const std::string& path) {
  const ui::CoursePlanView* plan = state_.courses.current();
  if (!plan) return open_case(path);
  if (!plan->problem.empty()) {
    state_.message = plan->problem;
    return false;
  }
  const ui::CoursePlanEntry* entry = plan->find_path(path);
  if (!entry) {
    state_.message = path + " is not a case of the course " + plan->title;
    return false;
  }
  if (!entry->unlocked) {
    state_.message = entry->title + " is locked: it " + entry->why + ".";
    return false;
  }
  return open_case(path, entry->mode);
}

void SimulatorApp::keep_unfinished_attempt() {
  poll_grade(true);  // a finished attempt still being graded is saved, not lost
  poll_course_grade(true);  // so is a finished course
  if (!attempt_) return;
  try {
    if (keep_unfinished_course()) return;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dermasim: the course in progress could not be kept: %s\n", e.what());
  }
  if (const std::string journal = attempt_->abandon(); !journal.empty()) records_.keep_interrupted(journal);
}

bool SimulatorApp::open_case(std::string path, std::optional<scenario::Mode> plan_mode) {
  auto load = scenario::load_scenario_file(path);
  if (!load.scenario) {
    state_.message = load.errors.empty() ? path + ": does not load" : load.errors.front().str();
    return false;
  }
  auto s = std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
  keep_unfinished_attempt();
  viewing_stored_.clear();
  replay_.reset();
  const scenario::Mode mode = paths_.assessment ? scenario::Mode::assessment : plan_mode.value_or(s->mode);
  course_run_.reset();
  course_visits_.clear();
  visit_grade_.reset();
  if (s->course) {
    course_run_ = std::make_unique<scenario::CourseRun>(s);
    open_attempt(course_run_->today(), path, mode);
    open_course_visit();
  } else {
    open_attempt(s, path, mode);
  }
  return true;
}

void SimulatorApp::open_attempt(std::shared_ptr<const scenario::Scenario> s, const std::string& path, scenario::Mode mode) {
  attempt_ = std::make_unique<Attempt>(s, mode, path, paths_.trainee);
  ui::CaseState& c = state_.clinic;
  // Everything the trainee chooses starts unchosen.
  c = ui::CaseState{.library = std::move(c.library)};
  c.scenario_path = path;
  c.scenario = s;
  c.answers = &attempt_->session().answers();
  c.instruction_order = instruction_order(s->id);
  state_.mode = mode;
  state_.message = records_.error();  // a progress problem stays on screen
  state_.case_title = s->title;
  state_.pen = ui::PenControls{};
  // The patient's skin tone and the case's coverage targets drive the scene.
  state_.view.fitzpatrick = s->patient.fitzpatrick;
  state_.view.coverage_target_per_cm2 = s->key.coverage.target_per_cm2;
  state_.view.coverage_max_per_cm2 = s->key.coverage.max_per_cm2;
  state_.view.show_coverage = false;
  const auto layers = scenario::target_layers_for(s->key);
  if (!layers.empty()) {
    state_.target_shallowest = *std::min_element(layers.begin(), layers.end());
    state_.target_deepest = *std::max_element(layers.begin(), layers.end());
    // The cutaway's band starts on the key's layer in practice only (P5).
    if (scenario::shows_hints(mode)) state_.view.target_layer = state_.target_shallowest;
  }
  state_.device = attempt_->on_screen().device();
  if (s->patient.home_roller_mm > 0.0) show_home_roller(s->patient.home_roller_mm);
  show_case_on_screen();
  state_.stage = ui::Stage::screening;
  set_view(scene::ViewPreset::oblique);
}

void SimulatorApp::show_case_on_screen() {
  extractor_.invalidate();
  previous_cues_ = 0;
  state_.limits = sim().limits();
  state_.telemetry = sim().last_events().telemetry;
  state_.sim_time_s = sim().time_s();
  state_.punctures = sim().grid().total_punctures();
}

void SimulatorApp::start_procedure_now(const scenario::PlanAnswers& plan) {
  state_.clinic.decision = scenario::Decision::proceed;
  ui::UiActions a;
  a.decide = true;
  apply(a);
  state_.clinic.plan = ui::PlanDraft::of(plan);
  ui::UiActions b;
  b.start_procedure = true;
  apply(b);
}

void SimulatorApp::set_view(scene::ViewPreset view) {
  apply_view_settings(view, state_.view);
  // The plan view keeps a faint pen so the trainee still sees where it is.
  if (view == scene::ViewPreset::top) state_.view.pen_opacity = 0.0;
  camera_ = scene::preset_camera(view, sim().patch().width_mm(), sim().patch().height_mm(), sim().pose().cap_center_mm);
}

StepSummary SimulatorApp::step(physics::PenInput& input, int steps) {
  poll_grade(false);
  poll_course_grade(false);
  StepSummary s;
  if (replay_ && state_.stage == ui::Stage::replay) {
    // The replay runs on recorded commands at its own speed, from real time.
    replay_->playing = state_.replay.playing;
    replay_->speed = static_cast<double>(state_.replay.speed);
    replay_->advance(static_cast<double>(steps) / physics::Simulator::rate_hz);
    state_.replay.playing = replay_->playing;
    state_.replay.position_s = static_cast<double>(replay_->position()) / physics::Simulator::rate_hz;
    state_.telemetry = replay_->sim().last_events().telemetry;
    state_.punctures = replay_->sim().grid().total_punctures();
    return s;
  }
  if (!attempt_ || attempt_->session().stage() != scenario::Stage::procedure) steps = 0;
  s.steps = steps;
  for (int i = 0; i < steps; ++i) {
    const physics::StepEvents& ev = attempt_->session().step(input.next());
    for (const auto& c : ev.crossings)
      if (c.entered > tissue::Layer::stratum_corneum) ++s.crossings;
    s.cues |= ev.feedback.cues;
  }
  if (steps > 0) {
    // A full disk must not end the attempt: the journal keeps its whole
    // frames and takes the missing ones at the next frame with room.
    try {
      attempt_->journal_steps();
    } catch (const record::RecordError& e) {
      state_.message = std::string(e.what()) + " (retrying every frame)";
    }
  }
  const physics::StepEvents& last = sim().last_events();
  s.feedback = steps > 0 ? last.feedback : physics::HapticFeedback{};
  s.new_cues = s.cues & ~previous_cues_;
  if (steps > 0) previous_cues_ = s.cues;
  state_.telemetry = last.telemetry;
  state_.sim_time_s = sim().time_s();
  state_.punctures = sim().grid().total_punctures();
  state_.cues_now = s.cues;
  state_.steps_last_frame = steps;
  for (int i = 0; i < physics::cue_count; ++i)
    if (s.cues & (1u << i)) state_.cue_seen_s[static_cast<std::size_t>(i)] = state_.wall_time_s;
  return s;
}

void SimulatorApp::note_frame_time(double frame_ms) {
  if (state_.auto_render_scale)
    state_.render_scale = frame_budget_.update(frame_ms, state_.render_scale, state_.render_scale_max);
}

ui::UiActions SimulatorApp::render_frame(int width, int height) {
  poll_grade(false);
  poll_course_grade(false);
  const bool procedure = state_.stage == ui::Stage::procedure;
  // Assessment keeps the coverage map for the debrief, whatever asked for it.
  if (procedure && !scenario::shows_hints(state_.mode)) state_.view.show_coverage = false;
  state_.view.motor_on = state_.pen.motor_on && procedure;
  const scene::RenderScene& scene = extractor_.update(sim(), state_.view);
  render::PassTimer& timer = render::pass_timer();  // bench render's breakdown; idle otherwise
  timer.mark("extract");

  imgui_.new_frame();
  const ui::UiActions actions = ui::draw_ui(state_);
  if (procedure && state_.view.show_coverage) state_.hints_drawn |= ui::hint_coverage_map;
  ImGui::Render();
  timer.mark("panels_build");

  const float scale = std::clamp(state_.render_scale, 0.25f, 1.0f);
  if (scale < 0.999f && width > 0 && height > 0) {
    const int w = std::max(16, static_cast<int>(static_cast<float>(width) * scale));
    const int h = std::max(16, static_cast<int>(static_cast<float>(height) * scale));
    if (!scene_target_ || scene_target_->width() != w || scene_target_->height() != h)
      scene_target_ = std::make_unique<render::OffscreenTarget>(w, h, 0);
    scene_target_->bind();
    // The scene is not shaded under opaque panels; the filtered upscale reads
    // a pixel past each edge of what shows.
    renderer_.draw(scene, camera_, w, h, opaque_panel_rects(static_cast<float>(w) / static_cast<float>(width), 2));
    renderer_.upscale(*scene_target_, width, height, opaque_panel_rects(1.0f, 0));
    timer.mark("upscale");
  } else {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    renderer_.draw(scene, camera_, width, height, opaque_panel_rects(1.0f, 0));
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  imgui_.render();
  timer.mark("panels_draw");
  apply(actions);
  return actions;
}

void SimulatorApp::enter_debrief() {
  ui::CaseState& c = state_.clinic;
  c.grade.reset();
  c.grading = true;
  // The debrief shows the coverage map, in assessment too.
  // A course's visit shows it with the course's grade, not before the return is chosen.
  state_.view.show_coverage = attempt_->session().answers().plan.has_value() && !course_run_;
  // On a worker, so the window stays live; poll_grade() collects it.
  attempt_->start_grading(!course_run_);
}

void SimulatorApp::poll_grade(bool wait) {
  if (!attempt_ || !attempt_->grading()) return;
  ui::CaseState& c = state_.clinic;
  try {
    auto grade = attempt_->take_grade(wait);
    if (!grade) return;
    if (course_run_) {
      // A course's visit: its grade waits for the course's end, unseen (the
      // return choice is made without it) and unsaved (the course's recording holds the visit).
      visit_grade_ = std::move(grade);
      c.course.visit_graded = true;
      c.grading = false;
      return;
    }
    c.grade = std::move(grade);
    c.outcome = attempt_->take_outcome(true);
    c.grading = false;
    c.status = attempt_->save(*c.grade, db_);
    if (db_) records_.sync_statements();
  } catch (const std::exception& e) {
    c.grading = false;
    c.status = std::string("The attempt could not be ") + (c.grade ? "saved: " : "graded: ") + e.what();
  }
}

void SimulatorApp::save_report() {
  ui::CaseState& c = state_.clinic;
  if (!c.grade || !attempt_) return;
  const fs::path dir = fs::path(paths_.data_dir) / "reports";
  fs::create_directories(dir);
  c.report_path = (dir / (fs::path(c.recording_path).stem().string() + ".html")).string();
  std::ofstream out(c.report_path, std::ios::binary | std::ios::trunc);
  const scenario::Session& session = attempt_->session();
  std::string extra = scenario::outcome_html_section(session.scenario(), session.answers(), session.commands(),
                                                     attempt_->outcome_seed());
  if (db_)  // issue 15: the trainee's learning curve on this case, as inline SVG
    for (const auto& r : record::proficiency(*db_, {}, paths_.trainee, session.scenario().id))
      extra += record::learning_curve_html_section(r);
  out << scenario::grade_html(*c.grade, session.scenario(), extra);
  c.status = out ? "Report saved to " + c.report_path : "The report could not be written to " + c.report_path;
}

}  // namespace dermasim::app
