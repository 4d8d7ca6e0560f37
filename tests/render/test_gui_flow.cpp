// The simulator's scenario flow driven the way the panels drive it, in a real
// window under Xvfb: stages advance, a refused plan is shown, the debrief
// grades, the recording replays to the same state, and panels are drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "app/sim_app.hpp"
#include "physics/scripted_pen.hpp"
#include "record/recording.hpp"
#include "render/gl.hpp"
#include "scenario/grading.hpp"
#include "scenario/scenario_loader.hpp"

// After glad, which must come first.
#include <GLFW/glfw3.h>

using namespace dermasim;

namespace {
ui::UiActions action(void (*set)(ui::UiActions&)) {
  ui::UiActions a;
  set(a);
  return a;
}
}  // namespace

TEST_CASE("the GUI walks a case from consultation to a recorded debrief") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_flow_test";
  std::filesystem::remove_all(data);
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths;
  paths.data_dir = data.string();
  app::SimulatorApp app(window, false, paths);
  ui::AppState& state = app.state();
  REQUIRE(state.clinic.scenario);
  CHECK(state.stage == ui::Stage::screening);
  CHECK(state.clinic.scenario->id == "postpartum_abdomen_rubra");
  CHECK(!state.clinic.library.empty());

  ui::UiActions ask;
  ask.ask = "blood_thinners";
  app.apply(ask);
  CHECK(state.clinic.asked("blood_thinners"));
  // Nothing is preselected: without a decision the consultation stays open.
  CHECK_FALSE(state.clinic.decision);
  app.apply(action([](ui::UiActions& a) { a.decide = true; }));
  CHECK(state.stage == ui::Stage::screening);
  CHECK(state.message.find("Choose a decision") != std::string::npos);
  state.clinic.decision = scenario::Decision::proceed;
  app.apply(action([](ui::UiActions& a) { a.decide = true; }));
  CHECK(state.stage == ui::Stage::plan);

  // Each plan choice is the trainee's: the plan stays open until all are made.
  CHECK(state.clinic.plan.missing().size() == 5);
  ui::PlanDraft& plan = state.clinic.plan;
  for (int choice = 0; choice < 5; ++choice) {
    app.apply(action([](ui::UiActions& a) { a.start_procedure = true; }));
    CHECK(state.stage == ui::Stage::plan);
    CHECK(state.message.find("Still to choose") != std::string::npos);
    if (choice == 0) plan.needle_length_mm = 0.3;  // a setting the pen refuses, below
    if (choice == 1) plan.cartridge = physics::CartridgeKind::round_12;
    if (choice == 2) plan.stroke_rate_hz = 100.0;
    if (choice == 3) plan.numbing = true;
    if (choice == 4) plan.passes = 2;
  }
  // A setting the pen refuses is shown, and the plan stays open.
  app.apply(action([](ui::UiActions& a) { a.start_procedure = true; }));
  CHECK(state.stage == ui::Stage::plan);
  CHECK(state.message.find("0.25 mm step") != std::string::npos);
  plan.needle_length_mm = 1.0;
  app.apply(action([](ui::UiActions& a) { a.start_procedure = true; }));
  CHECK(state.stage == ui::Stage::procedure);

  // Draw a frame: the consultation's panel is gone, the procedure's is drawn.
  int w = 0, h = 0;
  window.framebuffer_size(w, h);
  const auto& m = app.sim().patch().marks()[1];
  physics::PathStyle style;
  style.force_n = 2.0;
  style.speed_mm_s = 20.0;
  physics::ScriptedPen pen({physics::PathSegment::line(m.center_x_mm - 20, m.center_y_mm, m.center_x_mm + 20, m.center_y_mm, style)});
  while (!pen.finished()) app.step(pen, 100);
  CHECK(app.sim().grid().total_punctures() > 1000);
  for (int i = 0; i < 3; ++i) app.render_frame(w, h);
  std::array<unsigned char, 4> panel{}, scene{};
  glReadBuffer(GL_BACK);
  // Inside the Procedure panel, right of the "Motor on" checkbox: bare panel.
  glReadPixels(260, h - 175, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, panel.data());
  glReadPixels(w / 2 + 100, h / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, scene.data());
  CHECK(panel[0] < 40);  // ImGui's dark, opaque panel
  CHECK(panel[0] == panel[2]);
  CHECK(scene != panel);

  app.apply(action([](ui::UiActions& a) { a.finish_procedure = true; }));
  CHECK(state.stage == ui::Stage::aftercare);
  state.clinic.instructions = {"avoid_sun_week", "retreat_next_week"};
  // The schedule too is chosen, never preset.
  state.clinic.schedule.sessions = 4;
  state.clinic.schedule.interval_weeks = 5;
  app.apply(action([](ui::UiActions& a) { a.submit_aftercare = true; }));
  CHECK(state.stage == ui::Stage::aftercare);
  CHECK(state.message.find("maintenance") != std::string::npos);
  state.clinic.schedule.maintenance_months = 6;
  app.apply(action([](ui::UiActions& a) { a.submit_aftercare = true; }));
  CHECK(state.stage == ui::Stage::debrief);
  app.finish_background_work();  // the grade is computed on a worker
  REQUIRE(state.clinic.grade);
  CHECK_FALSE(state.clinic.grading);
  CHECK_FALSE(state.clinic.grade->passed);  // a harmful instruction is critical in this case

  // The recording replays to the state and grade the debrief showed.
  REQUIRE(std::filesystem::exists(state.clinic.recording_path));
  const record::Recording rec = record::read_recording(state.clinic.recording_path);
  auto s = scenario::load_scenario_file(state.clinic.scenario_path);
  REQUIRE(s.scenario);
  const scenario::Grade again = scenario::grade_attempt(*s.scenario, rec.answers, rec.commands);
  CHECK(again.total == doctest::Approx(state.clinic.grade->total));
  CHECK(again.metrics->final_state_hash == rec.final_state_hash);

  app.apply(action([](ui::UiActions& a) { a.save_report = true; }));
  CHECK(std::filesystem::exists(state.clinic.report_path));
  app.apply(action([](ui::UiActions& a) { a.show_library = true; }));
  CHECK(state.stage == ui::Stage::library);
  bool scored = false;
  for (const auto& e : state.clinic.library) scored = scored || (e.id == "postpartum_abdomen_rubra" && e.attempts == 1);
  CHECK(scored);
  const std::string case_path = state.clinic.scenario_path;
  app.apply(action([](ui::UiActions& a) { a.retry = true; }));
  CHECK(state.stage == ui::Stage::screening);
  CHECK_FALSE(state.clinic.asked("blood_thinners"));
  CHECK_FALSE(state.clinic.decision);
  // Again and again: the case keeps its path (it once lost it on the first
  // retry, so the soak's third attempt never opened).
  CHECK(state.clinic.scenario_path == case_path);
  app.apply(action([](ui::UiActions& a) { a.show_library = true; }));
  app.apply(action([](ui::UiActions& a) { a.retry = true; }));
  CHECK(state.stage == ui::Stage::screening);
  CHECK(state.clinic.scenario_path == case_path);
  std::filesystem::remove_all(data);
}

TEST_CASE("an attempt cut off mid-procedure is kept as interrupted with every step it took") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_interrupt_test";
  std::filesystem::remove_all(data);
  app::AppPaths paths;
  paths.data_dir = data.string();
  paths.trainee = "kim";
  std::size_t steps_taken = 0;
  std::string recording;
  {
    render::GlWindow window({.width = 640, .height = 480, .title = "test", .visible = true, .vsync = false});
    app::SimulatorApp app(window, false, paths);
    app.start_procedure_now({{1.0, physics::CartridgeKind::round_12, 100.0}, true, 2});
    REQUIRE(app.state().stage == ui::Stage::procedure);
    const auto& m = app.sim().patch().marks()[1];
    physics::PathStyle style;
    physics::ScriptedPen pen({physics::PathSegment::line(m.center_x_mm - 10, m.center_y_mm, m.center_x_mm + 10, m.center_y_mm, style)});
    for (int frame = 0; frame < 40; ++frame) app.step(pen, 17);
    steps_taken = 40 * 17;
    recording = app.state().clinic.recording_path;
    // The window closes here as if the program were killed: nothing finishes the attempt.
  }
  CHECK(std::filesystem::exists(recording + ".journal"));
  render::GlWindow window({.width = 640, .height = 480, .title = "test", .visible = true, .vsync = false});
  app::SimulatorApp again(window, false, paths);  // start-up recovers the journal, on the records worker
  again.finish_background_work();
  CHECK_FALSE(std::filesystem::exists(recording + ".journal"));
  REQUIRE(std::filesystem::exists(recording));
  const record::Recording rec = record::read_recording(recording);
  CHECK_FALSE(rec.completed);
  CHECK(rec.commands.size() == steps_taken);
  CHECK(rec.answers.plan.has_value());
  record::ProgressDb db((data / "progress.db").string());
  const auto attempts = db.attempts("kim");
  REQUIRE(attempts.size() == 1);
  CHECK(attempts[0].status == record::AttemptStatus::interrupted);
  CHECK(attempts[0].recording_path == recording);
  CHECK(attempts[0].graded_total.has_value());  // its grade so far
  std::filesystem::remove_all(data);
}

TEST_CASE("progress - the instructor's override and replay work from the recorded attempts") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_records_test";
  std::filesystem::remove_all(data);
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths;
  paths.data_dir = data.string();
  paths.trainee = "ana";
  paths.instructor = "Dr Lee";
  app::SimulatorApp app(window, false, paths);
  ui::AppState& state = app.state();
  for (double force_n : {2.0, 6.0}) {  // a good attempt, then one pressing too hard
    app.start_procedure_now({{1.0, physics::CartridgeKind::round_12, 100.0}, true, 2});
    physics::PathStyle style;
    style.force_n = force_n;
    style.speed_mm_s = 20.0;
    style.tilt_deg = force_n > 3.0 ? 20.0 : 0.0;
    const auto& m = app.sim().patch().marks()[1];
    physics::ScriptedPen pen({physics::PathSegment::line(m.center_x_mm - 20, m.center_y_mm, m.center_x_mm + 20, m.center_y_mm, style)});
    while (!pen.finished()) app.step(pen, 100);
    app.apply(action([](ui::UiActions& a) { a.finish_procedure = true; }));
    state.clinic.schedule = {4, 5.0f, 6.0f};
    app.apply(action([](ui::UiActions& a) { a.submit_aftercare = true; }));
    REQUIRE(state.stage == ui::Stage::debrief);
    app.finish_background_work();
    app.apply(action([](ui::UiActions& a) { a.retry = true; }));
  }
  ui::UiActions progress;
  progress.show_progress = "";
  app.apply(progress);
  CHECK(state.stage == ui::Stage::progress);
  CHECK(state.progress.attempts.size() == 2);
  CHECK(state.progress.totals.size() == 2);
  CHECK(state.progress.criteria[static_cast<std::size_t>(scenario::CriterionId::technique)].size() == 2);
  CHECK(state.progress.criteria[2][1] < state.progress.criteria[2][0]);  // technique got worse
  // Issue 15: the charts' pass line and CUSUM; no benchmark set, so no band.
  CHECK(state.progress.pass_mark == 70.0f);
  CHECK(state.progress.cusum.values.size() == 2);
  CHECK(state.progress.cusum.h1 > 2.0f);
  CHECK_FALSE(state.progress.has_benchmark);

  app.apply(action([](ui::UiActions& a) { a.show_instructor = true; }));
  CHECK(state.stage == ui::Stage::instructor);
  REQUIRE(state.instructor.cohort.size() == 1);
  ui::UiActions pick;
  pick.select_cell = std::make_pair(std::string("ana"), state.instructor.cohort[0].scenario_id);
  app.apply(pick);
  REQUIRE(state.instructor.attempts.size() == 2);
  ui::UiActions select;
  select.select_attempt = state.instructor.attempts[1].uuid;
  app.apply(select);
  REQUIRE(state.instructor.selected);
  // No reason: refused, shown, nothing stored.
  app.apply(action([](ui::UiActions& a) { a.submit_override = true; }));
  CHECK(!state.message.empty());
  CHECK(state.instructor.selected->overrides.empty());
  state.instructor.new_total = 75.0f;
  state.instructor.new_passed = true;
  const std::string reason = "Pressure reading was miscalibrated on station 3";
  std::copy(reason.begin(), reason.end(), state.instructor.reason.begin());
  app.apply(action([](ui::UiActions& a) { a.submit_override = true; }));
  REQUIRE(state.instructor.selected->overrides.size() == 1);
  CHECK(state.instructor.selected->overrides[0].instructor == "Dr Lee");
  CHECK(state.instructor.selected->overrides[0].reason == reason);
  CHECK(state.instructor.selected->total == doctest::Approx(75.0));

  // Replay the second attempt and seek: the replayed state is the recorded one.
  ui::UiActions replay;
  replay.replay_attempt = state.instructor.attempts[1].uuid;
  app.apply(replay);
  CHECK(state.stage == ui::Stage::replay);
  CHECK(!state.replay.moments.empty());  // tilt and heavy pressure began somewhere
  ui::UiActions seek;
  seek.replay_seek_s = 1e6;  // past the end: the whole attempt
  app.apply(seek);
  const record::Recording rec = record::read_recording(state.instructor.attempts[1].recording_path);
  CHECK(app.sim().state_hash() == rec.final_state_hash);
  ui::UiActions back;
  back.replay_seek_s = 0.5;
  app.apply(back);
  CHECK(app.sim().time_s() == doctest::Approx(0.5));
  app.apply(action([](ui::UiActions& a) { a.close_replay = true; }));
  CHECK(state.stage == ui::Stage::instructor);
  std::filesystem::remove_all(data);
}

TEST_CASE("assessment mode draws no hint - practice draws each - and the mode reaches the records") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_modes_test";
  std::filesystem::remove_all(data);
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  int w = 0, h = 0;
  window.framebuffer_size(w, h);
  for (const bool assessment : {false, true}) {
    CAPTURE(assessment);
    app::AppPaths paths;
    paths.data_dir = data.string();
    paths.trainee = "lee";
    paths.assessment = assessment;  // `dermasim gui --assessment`
    app::SimulatorApp app(window, false, paths);
    ui::AppState& state = app.state();
    CHECK(state.mode == (assessment ? scenario::Mode::assessment : scenario::Mode::practice));
    auto frames = [&] {
      std::uint32_t drawn = 0;
      for (int i = 0; i < 2; ++i) {
        app.render_frame(w, h);
        drawn |= state.hints_drawn;
      }
      return drawn;
    };
    state.clinic.decision = scenario::Decision::proceed;
    app.apply(action([](ui::UiActions& a) { a.decide = true; }));
    REQUIRE(state.stage == ui::Stage::plan);
    const std::uint32_t plan_hints = frames();
    state.clinic.plan = ui::PlanDraft::of({{1.0, physics::CartridgeKind::round_12, 100.0}, true, 2});
    app.apply(action([](ui::UiActions& a) { a.start_procedure = true; }));
    REQUIRE(state.stage == ui::Stage::procedure);
    app.apply(action([](ui::UiActions& a) { a.toggle_coverage = true; }));  // the H key
    const std::uint32_t procedure_hints = frames();
    if (assessment) {
      CHECK(plan_hints == 0);
      CHECK(procedure_hints == 0);
      CHECK_FALSE(state.view.show_coverage);
    } else {
      CHECK((plan_hints & ui::hint_depth_table) != 0);
      CHECK((procedure_hints & ui::hint_gauge_bands) != 0);
      CHECK((procedure_hints & ui::hint_coverage_map) != 0);
    }
    app.apply(action([](ui::UiActions& a) { a.finish_procedure = true; }));
    state.clinic.schedule = {4, 5.0f, 6.0f};
    app.apply(action([](ui::UiActions& a) { a.submit_aftercare = true; }));
    REQUIRE(state.stage == ui::Stage::debrief);
    CHECK(state.view.show_coverage);  // the coverage map, in the debrief only for assessment
    app.finish_background_work();
    REQUIRE(state.clinic.grade);
    const scenario::Mode mode = assessment ? scenario::Mode::assessment : scenario::Mode::practice;
    CHECK(record::read_recording(state.clinic.recording_path).answers.mode == mode);
    record::ProgressDb db((data / "progress.db").string());
    CHECK(db.attempts("lee").back().mode == mode);
  }
  std::filesystem::remove_all(data);
}

TEST_CASE("the plan asks for the RF energy only with the RF cartridge, and keeps it only there (P6)") {
  ui::PlanDraft plan;
  plan.needle_length_mm = 1.0;
  plan.stroke_rate_hz = 100.0;
  plan.numbing = true;
  plan.passes = 2;
  plan.cartridge = physics::CartridgeKind::round_12;
  CHECK(plan.missing().empty());
  plan.cartridge = physics::CartridgeKind::rf_insulated_25;
  REQUIRE(plan.missing().size() == 1);
  CHECK(plan.missing().front() == "RF energy");
  CHECK_FALSE(plan.complete());
  plan.rf_energy_mj = 40.0;
  REQUIRE(plan.complete());
  CHECK(plan.complete()->device.rf_energy_mj == 40.0);
  CHECK(ui::PlanDraft::of(*plan.complete()).rf_energy_mj == 40.0);
  // Back to a plain cartridge: the energy does not travel with it.
  plan.cartridge = physics::CartridgeKind::pin_36;
  REQUIRE(plan.complete());
  CHECK(plan.complete()->device.rf_energy_mj == 0.0);
  CHECK(plan.complete()->device.problems().empty());
}
