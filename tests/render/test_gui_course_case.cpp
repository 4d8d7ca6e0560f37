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
}  // namespace

TEST_CASE("a course case plays visit after visit in the GUI, with nothing chosen or graded before the trainee chooses") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_course_case_test";
  std::filesystem::remove_all(data);
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths;
  paths.data_dir = data.string();
  paths.open_case = course_case;
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
  std::filesystem::remove_all(data);
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  app::AppPaths paths;
  paths.data_dir = data.string();
  paths.open_case = course_case;
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
