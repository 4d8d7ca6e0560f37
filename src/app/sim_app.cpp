#include "app/sim_app.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "app/outcome_film.hpp"
#include "app/panel_cost.hpp"
#include "app/view_setup.hpp"
#include "record/lrs_config.hpp"
#include "record/outbox.hpp"
#include "record/proficiency_svg.hpp"
#include "record/recording.hpp"
#include "render/pass_timer.hpp"
#include "scenario/outcome_report.hpp"
#include "scenario/report.hpp"
#include "scenario/scenario_loader.hpp"
#include "scene/skin_tone.hpp"
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

ui::Stage ui_stage(scenario::Stage s) {
  switch (s) {
    case scenario::Stage::consultation: return ui::Stage::screening;
    case scenario::Stage::plan: return ui::Stage::plan;
    case scenario::Stage::procedure: return ui::Stage::procedure;
    case scenario::Stage::aftercare: return ui::Stage::aftercare;
    case scenario::Stage::debrief: return ui::Stage::debrief;
  }
  return ui::Stage::library;
}

}  // namespace

SimulatorApp::SimulatorApp(render::GlWindow& window, bool install_imgui_callbacks, AppPaths paths)
    : window_(window), paths_(std::move(paths)) {
  if (paths_.scenario_dir.empty()) paths_.scenario_dir = default_scenario_dir();
  if (paths_.data_dir.empty()) paths_.data_dir = default_data_dir();

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // panels open where the code puts them
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  // Opaque panels: blending full-resolution panels over the scene costs
  // milliseconds a frame in software rendering.
  style.Colors[ImGuiCol_WindowBg].w = 1.0f;
  ImGui_ImplGlfw_InitForOpenGL(window.handle(), install_imgui_callbacks);
  ImGui_ImplOpenGL3_Init("#version 450 core");
  // Every renderer starts at full resolution; on a machine too slow for it
  // the frame-time controller (FrameBudget) lowers the scene's scale.
  const std::string renderer = window.renderer_name();
  const bool software_gl =
      renderer.find("llvmpipe") != std::string::npos || renderer.find("softpipe") != std::string::npos;
  state_.render_scale = 1.0f;
  state_.render_scale_max = 1.0f;
  if (software_gl) {
    // A software rasteriser pays per triangle, and anti-aliased fringes and
    // rounded corners nearly double the panels' triangles: square, unsmoothed
    // panels saved 1.7 ms of a 12.8 ms frame (bench render, five paired runs).
    style.AntiAliasedFill = false;
    style.AntiAliasedLines = false;
    style.WindowRounding = style.FrameRounding = style.GrabRounding = style.ScrollbarRounding = 0.0f;
  }

  if (paths_.trainee.empty()) paths_.trainee = std::getenv("USER") && *std::getenv("USER") ? std::getenv("USER") : "trainee";
  try {
    db_ = std::make_unique<record::ProgressDb>(
        paths_.db_path.empty() ? (fs::path(paths_.data_dir) / "progress.db").string() : paths_.db_path);
    recover_interrupted_attempts();
    sync_statements_in_background();  // what earlier sessions could not deliver
  } catch (const std::exception& e) {
    // Training goes on without the progress database; the trainee is told.
    db_.reset();
    db_error_ = std::string("Progress is not being saved: ") + e.what();
    std::fprintf(stderr, "dermasim: %s\n", db_error_.c_str());
  }
  state_.instructor.instructor = paths_.instructor;
  refresh_library();
  const std::string first = paths_.open_case.empty()
                                ? (fs::path(paths_.scenario_dir) / "postpartum_abdomen_rubra.yaml").string()
                                : paths_.open_case;
  if (!open_case(first)) state_.stage = ui::Stage::library;
}

void SimulatorApp::sync_statements_in_background() {
  if (!db_ || syncing_) return;
  record::LrsConfig config;
  try {
    config = record::load_lrs_config();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dermasim: the LRS configuration is unusable: %s\n", e.what());
    return;
  }
  if (!config.configured()) return;  // no course LRS: statements stay in the outbox
  if (sync_thread_.joinable()) sync_thread_.join();
  syncing_ = true;
  sync_thread_ = std::thread([this, config, path = db_->path()] {
    try {
      // SQLite connections are per thread: the sender opens its own.
      record::ProgressDb db(path);
      record::LrsClient client(config);
      const record::SyncReport r = record::sync_outbox(db, client);
      if (r.remaining > 0)
        std::fprintf(stderr, "dermasim: %d xAPI statement(s) wait for the LRS: %s\n", r.remaining, r.last_error.c_str());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "dermasim: sending to the LRS failed; statements wait in the outbox: %s\n", e.what());
    }
    syncing_ = false;
  });
}

SimulatorApp::~SimulatorApp() {
  if (sync_thread_.joinable()) sync_thread_.join();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

const physics::Simulator& SimulatorApp::sim() const {
  if (replay_ && state_.stage == ui::Stage::replay) return replay_->sim();
  if (session_ && (session_->stage() == scenario::Stage::procedure || session_->stage() == scenario::Stage::aftercare ||
                   (session_->stage() == scenario::Stage::debrief && session_->answers().plan)))
    return session_->simulator();
  return *preview_;
}

void SimulatorApp::refresh_library() {
  state_.clinic.library.clear();
  std::vector<fs::path> files;
  if (fs::is_directory(paths_.scenario_dir))
    for (const auto& e : fs::directory_iterator(paths_.scenario_dir))
      if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  // Best scores: this trainee's completed attempts in the progress database.
  std::map<std::string, std::pair<int, double>> best;
  std::map<std::string, bool> passed;
  if (db_)
    for (const auto& attempt : db_->attempts(paths_.trainee)) {
      if (attempt.status != "completed" || !attempt.total) continue;
      auto& [count, top] = best[attempt.scenario_id];
      ++count;
      top = std::max(top, *attempt.total);
      passed[attempt.scenario_id] = passed[attempt.scenario_id] || attempt.passed.value_or(false);
    }
  for (const auto& f : files) {
    ui::LibraryEntry entry;
    entry.path = f.string();
    const auto load = scenario::load_scenario_file(entry.path);
    if (load.scenario) {
      entry.id = load.scenario->id;
      entry.title = load.scenario->title;
      const scenario::Patient& p = load.scenario->patient;
      entry.patient = p.name + ", " + std::to_string(p.age_years) + ", " + std::string(tissue::sex_name(p.sex)) +
                      ", Fitzpatrick " + std::string(scene::fitzpatrick_roman(p.fitzpatrick)) + ". " + p.goals;
      entry.site = std::string(tissue::site_name(load.scenario->patch.site));
      if (const auto it = best.find(entry.id); it != best.end()) {
        entry.attempts = it->second.first;
        entry.best_total = it->second.second;
        entry.passed_ever = passed[entry.id];
      }
    } else {
      entry.title = f.filename().string();
      entry.problem = load.errors.empty() ? "unknown" : load.errors.front().str();
    }
    state_.clinic.library.push_back(std::move(entry));
  }
}

std::string SimulatorApp::recording_path_for(const scenario::Scenario& s) const {
  std::string stamp = attempt_started_utc_;
  std::replace(stamp.begin(), stamp.end(), ':', '-');
  return (fs::path(paths_.data_dir) / "recordings" / (stamp + "_" + s.id + ".dsrec")).string();
}

// Journals left by a killed program become interrupted attempts: their
// recording up to the last frame, and their grade so far.
void SimulatorApp::recover_interrupted_attempts() {
  const fs::path dir = fs::path(paths_.data_dir) / "recordings";
  if (!fs::is_directory(dir)) return;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".journal") continue;
    const std::string journal = e.path().string();
    const std::string recording = e.path().parent_path() / e.path().stem();  // drops ".journal"
    try {
      const record::Recording rec = record::recover_journal(journal);
      record::write_recording(rec, recording);
      for (const auto& attempt : db_->attempts()) {
        if (attempt.recording_path != recording || attempt.status != "interrupted" || attempt.ended_utc) continue;
        const auto s = scenario::load_scenario_file(rec.scenario_file);
        if (s.scenario)
          db_->record_attempt_finished(attempt.uuid, scenario::grade_attempt(*s.scenario, rec.answers, rec.commands),
                                       {.completed = false});
      }
      fs::remove(journal);
    } catch (const std::exception& ex) {
      std::fprintf(stderr, "dermasim: %s: could not recover the interrupted attempt: %s\n", journal.c_str(), ex.what());
    }
  }
}

bool SimulatorApp::open_case(const std::string& path) {
  auto load = scenario::load_scenario_file(path);
  if (!load.scenario) {
    state_.message = load.errors.empty() ? path + ": does not load" : load.errors.front().str();
    return false;
  }
  auto s = std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
  // An attempt left unfinished is kept as interrupted, with what it had.
  if (journal_ && session_) {
    try {
      record::Recording rec = record::recover_journal(journal_->path());
      record::write_recording(rec, state_.clinic.recording_path);
      if (db_ && !attempt_uuid_.empty())
        db_->record_attempt_finished(attempt_uuid_, scenario::grade_attempt(session_->scenario(), rec.answers, rec.commands),
                                     {.completed = false});
      journal_->discard();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "dermasim: keeping the unfinished attempt failed: %s\n", e.what());
    }
  }
  journal_.reset();
  attempt_uuid_.clear();
  viewing_stored_.clear();
  replay_.reset();
  session_ = std::make_unique<scenario::Session>(s);
  ui::CaseState& c = state_.clinic;
  c.scenario_path = path;
  c.scenario = s;
  c.asked.clear();
  c.findings.clear();
  c.precautions.clear();
  c.decision = scenario::Decision::proceed;
  c.plan = scenario::PlanAnswers{};
  c.instructions.clear();
  c.instruction_order = instruction_order(s->id);
  c.sessions = 1;
  c.interval_weeks = 2.0f;
  c.maintenance_months = 1.0f;
  c.grade.reset();
  c.outcome.reset();
  c.status.clear();
  c.recording_path.clear();
  state_.message = db_error_;  // a progress problem stays on screen
  state_.case_title = s->title;
  state_.device = c.plan.device;
  state_.pen = ui::PenControls{};
  // The patient's skin tone and the case's coverage targets drive the scene.
  state_.view.fitzpatrick = s->patient.fitzpatrick;
  state_.view.coverage_target_per_cm2 = s->key.coverage.target_per_cm2;
  state_.view.coverage_max_per_cm2 = s->key.coverage.max_per_cm2;
  const auto layers = scenario::target_layers_for(s->key);
  if (!layers.empty()) {
    state_.target_shallowest = *std::min_element(layers.begin(), layers.end());
    state_.target_deepest = *std::max_element(layers.begin(), layers.end());
    state_.view.target_layer = state_.target_shallowest;  // the cutaway's band: where bleeding starts (P5)
  }
  preview_ = std::make_unique<physics::Simulator>(std::make_shared<const tissue::SkinPatch>(s->patch), c.plan.device);
  show_case_on_screen();
  state_.stage = ui::Stage::screening;
  set_view(scene::ViewPreset::oblique);
  return true;
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
  ui::UiActions a;
  a.decide = true;
  apply(a);
  state_.clinic.plan = plan;
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
  if (!session_ || session_->stage() != scenario::Stage::procedure) steps = 0;
  s.steps = steps;
  for (int i = 0; i < steps; ++i) {
    const physics::StepEvents& ev = session_->step(input.next());
    for (const auto& c : ev.crossings)
      if (c.entered > tissue::Layer::stratum_corneum) ++s.crossings;
    s.cues |= ev.feedback.cues;
  }
  if (journal_ && steps > 0) journal_->append(session_->commands());
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
  state_.view.motor_on = state_.pen.motor_on && state_.stage == ui::Stage::procedure;
  const scene::RenderScene& scene = extractor_.update(sim(), state_.view);
  render::PassTimer& timer = render::pass_timer();  // bench render's breakdown; idle otherwise
  timer.mark("extract");

  ImGui_ImplOpenGL3_NewFrame();
  sample_panel_font_nearest();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ui::UiActions actions = ui::draw_ui(state_);
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
    scene_target_->blit_to_default(width, height, opaque_panel_rects(1.0f, 0));
    timer.mark("upscale");
  } else {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    renderer_.draw(scene, camera_, width, height, opaque_panel_rects(1.0f, 0));
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  timer.mark("panels_draw");
  apply(actions);
  return actions;
}

void SimulatorApp::apply(const ui::UiActions& actions) {
  if (actions.camera_preset) set_view(*actions.camera_preset);
  ui::CaseState& c = state_.clinic;
  try {
    if (actions.show_library) {
      refresh_library();
      viewing_stored_.clear();
      state_.stage = ui::Stage::library;
    }
    if (actions.open_case) open_case(*actions.open_case);
    if (actions.retry && !c.scenario_path.empty()) open_case(c.scenario_path);
    if (!session_) return;
    if (actions.ask) {
      session_->ask(*actions.ask);
      ui::set_member(c.asked, *actions.ask, true);
    }
    if (actions.decide) {
      session_->set_findings(c.findings);
      session_->decide(c.decision, c.decision == scenario::Decision::proceed_with_precautions
                                       ? c.precautions
                                       : std::vector<std::string>{});
      // The attempt exists from the end of the consultation: killing the
      // program from here on leaves it interrupted, not lost.
      attempt_started_utc_ = record::utc_now_iso8601();
      c.recording_path = recording_path_for(session_->scenario());
      if (db_) {
        const scenario::Scenario& sc = session_->scenario();
        attempt_uuid_ = db_->record_attempt_started(
            {paths_.trainee, sc.id, sc.title, sc.source_hash, c.recording_path, attempt_started_utc_, ""});
      }
      if (session_->stage() == scenario::Stage::debrief) enter_debrief();
    }
    if (actions.start_procedure) {
      session_->set_plan(c.plan);
      fs::create_directories(fs::path(c.recording_path).parent_path());
      journal_ = std::make_unique<record::RecordingJournal>(c.recording_path + ".journal", current_recording());
      state_.device = c.plan.device;
      state_.pen = ui::PenControls{};
      show_case_on_screen();
    }
    if (actions.finish_procedure) {
      session_->finish_procedure();
      state_.pen.motor_on = false;
      // A sensible start for the schedule: the trainee sets the real values.
      c.sessions = 1;
    }
    if (actions.submit_aftercare) {
      session_->set_aftercare({c.instructions, c.sessions, static_cast<double>(c.interval_weeks),
                               static_cast<double>(c.maintenance_months)});
      enter_debrief();
    }
    if (actions.save_report) save_report();
    apply_records_actions(actions);
    state_.message = db_error_;
  } catch (const std::exception& e) {
    // A refused step (bad plan settings, a call out of order) is shown, not fatal.
    state_.message = e.what();
  }
  // The attempt's stage shows unless the trainee went to another screen.
  const bool elsewhere = state_.stage == ui::Stage::library || state_.stage == ui::Stage::progress ||
                         state_.stage == ui::Stage::instructor || state_.stage == ui::Stage::replay ||
                         !viewing_stored_.empty();
  if (session_ && !elsewhere) state_.stage = ui_stage(session_->stage());
}

// The healing prediction's seed: the attempt's final state, as `dermasim outcome` uses it.
std::uint64_t SimulatorApp::attempt_outcome_seed() const {
  return scenario::outcome_seed(session_->answers().plan ? session_->simulator().state_hash() : 0);
}

void SimulatorApp::enter_debrief() {
  const scenario::Scenario& s = session_->scenario();
  state_.clinic.grade = scenario::grade_attempt(s, session_->answers(), session_->commands());
  state_.clinic.outcome = build_outcome_film(s, session_->answers(), session_->commands(), attempt_outcome_seed());
  save_recording();
}

record::Recording SimulatorApp::current_recording() const {
  const scenario::Scenario& s = session_->scenario();
  record::Recording rec;
  rec.scenario_id = s.id;
  rec.scenario_hash = s.source_hash;
  rec.scenario_file = state_.clinic.scenario_path;
  rec.trainee = paths_.trainee;
  rec.started_utc = attempt_started_utc_;
  rec.answers = session_->answers();
  rec.commands = session_->commands();
  rec.final_state_hash = session_->answers().plan ? session_->simulator().state_hash() : 0;
  return rec;
}

void SimulatorApp::save_recording() {
  ui::CaseState& c = state_.clinic;
  record::Recording rec = current_recording();
  rec.grade_total = c.grade->total;
  rec.passed = c.grade->passed;
  try {
    fs::create_directories(fs::path(c.recording_path).parent_path());
    record::write_recording(rec, c.recording_path);
    c.status = "Recorded to " + c.recording_path;
    if (db_ && !attempt_uuid_.empty()) {
      db_->record_attempt_finished(attempt_uuid_, *c.grade);
      c.status += "; saved to your progress";
      sync_statements_in_background();
    }
    // The finished recording is safe: the journal is no longer needed.
    if (journal_) journal_->discard();
    journal_.reset();
  } catch (const std::exception& e) {
    c.status = std::string("The attempt could not be saved: ") + e.what();
  }
}

void SimulatorApp::save_report() {
  ui::CaseState& c = state_.clinic;
  if (!c.grade || !session_) return;
  const fs::path dir = fs::path(paths_.data_dir) / "reports";
  fs::create_directories(dir);
  c.report_path = (dir / (fs::path(c.recording_path).stem().string() + ".html")).string();
  std::ofstream out(c.report_path, std::ios::binary | std::ios::trunc);
  std::string extra = scenario::outcome_html_section(session_->scenario(), session_->answers(), session_->commands(),
                                                     attempt_outcome_seed());
  if (db_)  // issue 15: the trainee's learning curve on this case, as inline SVG
    for (const auto& r : record::proficiency(*db_, {}, paths_.trainee, session_->scenario().id))
      extra += record::learning_curve_html_section(r);
  out << scenario::grade_html(*c.grade, session_->scenario(), extra);
  c.status = out ? "Report saved to " + c.report_path : "The report could not be written to " + c.report_path;
}

}  // namespace dermasim::app
