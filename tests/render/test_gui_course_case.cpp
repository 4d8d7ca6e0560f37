// A course case in the window (issue 14): visit after visit through the
// panels' actions. At a visit's end nothing is chosen for the trainee and no
// grade is shown; the return choice is refused until made; the patient comes
// back on the chosen day with the skin the healing model gives; the course's
// grade in the window is the one its recording re-grades to, and it is stored.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/sim_app.hpp"
#include "app/ui_script_player.hpp"
#include "record/course_recording.hpp"
#include "record/progress_db.hpp"
#include "record/recorded_course.hpp"
#include "render/gl.hpp"
#include "scenario/course_script.hpp"
#include "scenario/scenario_loader.hpp"

using namespace dermasim;

namespace {
const std::string course_case = app::default_scenario_dir() + "/course_postpartum_rubra_series.yaml";
const std::string scripts = app::default_scenario_dir() + "/scripts/course_postpartum_rubra_series/";

// A fresh data directory under the temporary one, and paths opening `open_case`.
app::AppPaths fresh_paths(const std::filesystem::path& data, const std::string& open_case) {
  std::filesystem::remove_all(data);
  app::AppPaths paths;
  paths.data_dir = data.string();
  paths.open_case = open_case;
  return paths;
}
}  // namespace

TEST_CASE("a course case plays visit after visit in the GUI, with nothing chosen or graded before the trainee chooses") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_course_case_test";
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths = fresh_paths(data, course_case);
  paths.trainee = "kim";
  paths.assessment = true;
  app::SimulatorApp app(window, false, paths);
  ui::AppState& state = app.state();
  REQUIRE(state.clinic.course.active);
  CHECK(state.clinic.course.visit == 1);
  CHECK_FALSE(state.clinic.course.skin);  // visit 1 is the case itself

  auto load = scenario::load_course_script_file(scripts + "good.yaml");
  REQUIRE(load.script);
  app::play_course_in_app(app, *load.script, 1, ui::Stage::debrief, 0.0);
  // At the visit's end: no grade on screen, and (had the script not chosen) nothing chosen.
  ui::CourseView& v = state.clinic.course;
  CHECK(state.stage == ui::Stage::debrief);
  CHECK_FALSE(state.clinic.grade);
  CHECK_FALSE(state.clinic.outcome);
  CHECK_FALSE(state.view.show_coverage);
  v.come_back.reset();
  v.return_weeks.reset();
  ui::UiActions next;
  next.next_visit = true;
  app.apply(next);
  CHECK(state.stage == ui::Stage::debrief);
  CHECK(state.message.find("Choose whether she comes back") != std::string::npos);
  v.come_back = true;  // back, but when is not chosen
  app.apply(next);
  CHECK(state.message.find("in how many weeks") != std::string::npos);
  v.return_weeks = 5;
  app.apply(next);
  CHECK(state.message.empty());

  // Visit 2, day 35: a fresh consultation, nothing chosen, the skin as it healed.
  REQUIRE(state.clinic.course.active);
  CHECK(state.stage == ui::Stage::screening);
  CHECK(state.clinic.course.visit == 2);
  CHECK(state.clinic.course.day == doctest::Approx(35.0));
  CHECK(state.clinic.course.treatments == 1);
  CHECK_FALSE(state.clinic.decision);
  CHECK(state.clinic.findings.empty());
  REQUIRE(state.clinic.course.skin);
  CHECK(state.clinic.course.skin->top.width > 0);
  CHECK(state.clinic.course.skin->improvement_percent > 0.0);
  int w = 0, h = 0;
  window.framebuffer_size(w, h);
  app.render_frame(w, h);  // the skin panel draws

  // The rest of the good script: the course passes and is recorded and stored.
  scenario::CourseScript rest = *load.script;
  rest.visits.erase(rest.visits.begin());
  app::play_course_in_app(app, rest, 99, ui::Stage::debrief, 0.0);
  const ui::CourseView& done = state.clinic.course;
  REQUIRE(done.finished);
  REQUIRE(done.grade);
  CHECK(done.grade->passed);
  CHECK(done.grade->visits.size() == 4);
  CHECK(done.status.find("saved to your progress") != std::string::npos);
  app.render_frame(w, h);  // the course debrief draws

  // The recording re-grades to the grade the window showed.
  const std::string path = state.clinic.recording_path;
  REQUIRE(std::filesystem::exists(path));
  const record::CourseRecording rec = record::read_course_recording(path);
  CHECK(rec.visits.size() == 4);
  CHECK(rec.course_total == doctest::Approx(done.grade->total).epsilon(1e-12));
  auto s = scenario::load_scenario_file(course_case);
  REQUIRE(s.scenario);
  const auto sc = std::make_shared<const scenario::Scenario>(std::move(*s.scenario));
  const scenario::CourseGrade again = scenario::grade_course(sc, record::play_recorded_course(sc, rec, path));
  CHECK(again.total == doctest::Approx(done.grade->total).epsilon(1e-12));
  CHECK(again.passed == done.grade->passed);
  app.finish_background_work();
  record::ProgressDb db((data / "progress.db").string());
  const auto attempts = db.attempts("kim");
  REQUIRE(attempts.size() == 1);
  CHECK(attempts.front().scenario_id == "course_postpartum_rubra_series");
  CHECK(attempts.front().passed == std::optional<bool>(true));
}

TEST_CASE("a course ended after one visit in the GUI fails its series (S1), as the headless grade does") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_course_case_short";
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths = fresh_paths(data, course_case);
  app::SimulatorApp app(window, false, paths);
  auto load = scenario::load_course_script_file(scripts + "good.yaml");
  REQUIRE(load.script);
  scenario::CourseScript one = *load.script;
  one.visits.resize(1);
  one.visits.front().return_in_weeks.reset();  // the gaming attempt: one good session, then stop
  app::play_course_in_app(app, one, 99, ui::Stage::debrief, 0.0);
  const ui::CourseView& v = app.state().clinic.course;
  REQUIRE(v.grade);
  CHECK_FALSE(v.grade->passed);
  bool series_failed = false;
  for (const auto& c : v.grade->criteria)
    if (c.id == "series") series_failed = c.score < c.threshold;
  CHECK(series_failed);
}

TEST_CASE("the home roller she brings back shows at the visit after her nightly rolling, and the trainee can roll it (not graded)") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_course_roller";
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths = fresh_paths(data, app::default_scenario_dir() + "/course_home_roller.yaml");
  paths.assessment = true;
  app::SimulatorApp app(window, false, paths);
  ui::AppState& state = app.state();
  CHECK(state.clinic.home_roller);  // visit 1: she brings the roller she has used for three months
  auto load = scenario::load_course_script_file(app::default_scenario_dir() + "/scripts/course_home_roller/good.yaml");
  REQUIRE(load.script);
  // The case's lapse: back to nightly rolling after visit 2, so she brings it to visit 3.
  app::play_course_in_app(app, *load.script, 3, ui::Stage::screening, 0.0);
  ui::CourseView& v = state.clinic.course;
  REQUIRE(v.visit == 3);
  auto& roller = state.clinic.home_roller;
  REQUIRE(roller);
  CHECK(roller->hers);
  CHECK(roller->result.holes_per_cm2 > 200.0);  // Doddaballapur 2009: about 250 after 15 passes
  CHECK(roller->result.mean_depth_mm < 0.5);    // H1: less depth than its needles' length
  CHECK(roller->side.width > 0);
  CHECK(roller->holes.width > 0);
  int w = 0, h = 0;
  window.framebuffer_size(w, h);
  app.render_frame(w, h);

  // The trainee rolls it as she might at home, one-handed: skin lax, light.
  const auto findings = state.clinic.findings;
  const auto decision = state.clinic.decision;
  roller->draft.skin_taut = false;
  roller->draft.force_n = 3.0;
  ui::UiActions roll;
  roll.roll_home_roller = true;
  app.apply(roll);
  REQUIRE(roller);
  CHECK_FALSE(roller->hers);
  CHECK_FALSE(roller->rolled.skin_taut);
  CHECK(roller->result.holes_per_cm2 < 100.0);
  // A demonstration answers nothing: the visit's consultation is untouched.
  CHECK(state.stage == ui::Stage::screening);
  CHECK(state.clinic.decision == decision);
  CHECK(state.clinic.findings == findings);
  app.render_frame(w, h);
}

TEST_CASE("a case whose patient brings her home roller shows it at the consultation, and not at a visit after she stopped") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_case_roller";
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths = fresh_paths(data, app::default_scenario_dir() + "/buttock_home_roller.yaml");
  {  // one app on the window at a time
    app::SimulatorApp app(window, false, paths);
    ui::AppState& state = app.state();
    REQUIRE(state.clinic.home_roller);
    CHECK(state.clinic.home_roller->rolled.needle_length_mm == doctest::Approx(0.5));  // home_roller_mm: 0.5
    state.clinic.home_roller->draft.passes = 1;
    ui::UiActions roll;
    roll.roll_home_roller = true;
    app.apply(roll);
    CHECK(state.clinic.home_roller->result.holes_per_cm2 > 12.0);  // one pass: about 17 per cm2
    CHECK(state.clinic.home_roller->result.holes_per_cm2 < 22.0);
    int w = 0, h = 0;
    window.framebuffer_size(w, h);
    app.render_frame(w, h);
  }

  // The course case: counselled at visit 1, she stops until after visit 2.
  paths.open_case = app::default_scenario_dir() + "/course_home_roller.yaml";
  paths.data_dir = (data / "course").string();
  app::SimulatorApp course(window, false, paths);
  auto load = scenario::load_course_script_file(app::default_scenario_dir() + "/scripts/course_home_roller/good.yaml");
  REQUIRE(load.script);
  app::play_course_in_app(course, *load.script, 2, ui::Stage::screening, 0.0);
  REQUIRE(course.state().clinic.course.visit == 2);
  CHECK_FALSE(course.state().clinic.home_roller);
}

TEST_CASE("a course left before its end keeps every visit so far: on disk after each visit, and stored as interrupted when left") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_course_left";
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths = fresh_paths(data, course_case);
  paths.trainee = "kim";
  auto load = scenario::load_course_script_file(scripts + "good.yaml");
  REQUIRE(load.script);
  std::string path;
  {
    app::SimulatorApp app(window, false, paths);
    // Visit 1 done, visit 2 under way (its consultation on screen).
    app::play_course_in_app(app, *load.script, 2, ui::Stage::screening, 0.0);
    REQUIRE(app.state().clinic.course.visit == 2);
    // Visit 1 is on disk already: a killed program would not lose it.
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(data / "recordings"))
      if (f.path().extension() == ".dscrs") files.push_back(f.path());
    REQUIRE(files.size() == 1);
    path = files.front().string();
    CHECK(record::read_course_recording(path).visits.size() == 1);
    // The trainee opens another case: the course is kept, not dropped.
    ui::UiActions other;
    other.open_case = app::default_scenario_dir() + "/postpartum_abdomen_rubra.yaml";
    app.apply(other);
    app.finish_background_work();
  }
  const record::CourseRecording rec = record::read_course_recording(path);
  REQUIRE(rec.visits.size() == 2);
  CHECK(rec.visits[0].attempt.completed);
  CHECK_FALSE(rec.visits[1].attempt.completed);
  CHECK_FALSE(rec.visits[1].return_in_weeks);
  CHECK_FALSE(rec.course_passed);  // one session, then left: the series is not done
  // It re-grades to what it holds (replay --verify compares these).
  auto s = scenario::load_scenario_file(course_case);
  REQUIRE(s.scenario);
  const auto sc = std::make_shared<const scenario::Scenario>(std::move(*s.scenario));
  const scenario::CourseGrade again = scenario::grade_course(sc, record::play_recorded_course(sc, rec, path));
  CHECK(again.total == doctest::Approx(rec.course_total).epsilon(1e-12));
  CHECK(again.visits.size() == 2);
  record::ProgressDb db((data / "progress.db").string());
  const auto attempts = db.attempts("kim");
  REQUIRE(attempts.size() == 1);
  CHECK(attempts.front().scenario_id == "course_postpartum_rubra_series");
  CHECK(attempts.front().status == record::AttemptStatus::interrupted);
  CHECK(attempts.front().recording_path == path);
}
