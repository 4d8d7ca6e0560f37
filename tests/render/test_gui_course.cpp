// Course plans in the GUI's case library (issue 15): a plan held to with
// `gui --course` shows its cases in order, refuses to open a locked one
// whatever asks, and opens each case in the plan's mode; a practice pass
// never unlocks what waits for an assessment case.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../records_helpers.hpp"
#include "app/sim_app.hpp"
#include "record/progress_db.hpp"
#include "render/gl.hpp"

using namespace dermasim;

namespace {

void passed_attempt(const std::string& db_path, const std::string& scenario_id, scenario::Mode mode, int minute) {
  record::ProgressDb db(db_path);
  record::AttemptStart s;
  s.trainee = "kim";
  s.scenario_id = scenario_id;
  s.scenario_hash = "0123456789abcdef";
  s.mode = mode;
  s.started_utc = "2026-03-01T10:" + std::to_string(10 + minute) + ":00Z";
  const auto id = db.record_attempt_started(s);
  scenario::Grade g = test::made_up_grade(88.0, true, 88.0);
  g.scenario_id = scenario_id;
  db.record_attempt_finished(id, g, {.ended_utc = "2026-03-01T10:" + std::to_string(10 + minute) + ":30Z"});
}

ui::UiActions open(const std::string& path) {
  ui::UiActions a;
  a.open_case = path;
  return a;
}

}  // namespace

TEST_CASE("a course plan in the library - locked cases stay closed - each case opens in the plan's mode") {
  const auto data = std::filesystem::temp_directory_path() / "dermasim_gui_course_test";
  std::filesystem::remove_all(data);
  std::filesystem::create_directories(data);
  const std::string course = (data / "course.yaml").string();
  std::ofstream(course) << "dermasim_course: 1\nid: t\ntitle: \"Test course\"\ncases:\n"
                           "  - scenario: postpartum_abdomen_rubra\n    mode: practice\n"
                           "  - scenario: breast_fine_striae_young_adult\n    mode: assessment\n"
                           "  - scenario: thigh_alba_severe\n    mode: practice\n";
  const std::string scenarios = app::default_scenario_dir();
  const std::string first = scenarios + "/postpartum_abdomen_rubra.yaml";
  const std::string second = scenarios + "/breast_fine_striae_young_adult.yaml";
  const std::string third = scenarios + "/thigh_alba_severe.yaml";
  render::GlWindow window({.width = 1280, .height = 800, .title = "test", .visible = true, .vsync = false});
  int w = 0, h = 0;
  window.framebuffer_size(w, h);
  app::AppPaths paths;
  paths.data_dir = data.string();
  paths.trainee = "kim";
  paths.course_file = course;  // `dermasim gui --course FILE`
  {
    app::SimulatorApp app(window, false, paths);
    ui::AppState& state = app.state();
    // It opens at the plan, not at a case.
    CHECK(state.stage == ui::Stage::library);
    CHECK_FALSE(state.clinic.scenario);
    REQUIRE(state.courses.pinned);
    const ui::CoursePlanView* plan = state.courses.current();
    REQUIRE(plan);
    CHECK(plan->title == "Test course");
    REQUIRE(plan->cases.size() == 3);
    CHECK(plan->cases[0].unlocked);
    CHECK(plan->cases[0].title == "Postpartum striae rubra on the abdomen");
    CHECK_FALSE(plan->cases[1].unlocked);
    CHECK(plan->cases[1].why == "waits for \"Postpartum striae rubra on the abdomen\" to be passed");
    app.render_frame(w, h);

    // The Open button of a locked case is disabled; an action asking anyway is refused.
    app.apply(open(second));
    CHECK_FALSE(state.clinic.scenario);
    CHECK(state.message.find("is locked: it waits for \"Postpartum striae rubra on the abdomen\" to be passed") != std::string::npos);
    app.apply(open(scenarios + "/hip_type1_diabetes.yaml"));
    CHECK_FALSE(state.clinic.scenario);
    CHECK(state.message.find("is not a case of the course Test course") != std::string::npos);

    app.apply(open(first));
    REQUIRE(state.clinic.scenario);
    CHECK(state.clinic.scenario->id == "postpartum_abdomen_rubra");
    CHECK(state.mode == scenario::Mode::practice);
    // A locked case cannot replace the open one either.
    app.apply(open(second));
    CHECK(state.clinic.scenario->id == "postpartum_abdomen_rubra");
  }
  // She passes the first case; the second opens, in assessment, whatever its own default.
  passed_attempt(data / "progress.db", "postpartum_abdomen_rubra", scenario::Mode::practice, 1);
  {
    app::SimulatorApp app(window, false, paths);
    ui::AppState& state = app.state();
    const ui::CoursePlanView* plan = state.courses.current();
    REQUIRE(plan);
    CHECK(plan->cases[0].passed);
    CHECK(plan->cases[0].attempts == 1);
    CHECK(plan->cases[1].unlocked);
    app.apply(open(second));
    REQUIRE(state.clinic.scenario);
    CHECK(state.clinic.scenario->id == "breast_fine_striae_young_adult");
    CHECK(state.mode == scenario::Mode::assessment);
    ui::UiActions retry;
    retry.retry = true;  // Ctrl+R: again as it was taken
    app.apply(retry);
    CHECK(state.mode == scenario::Mode::assessment);
    // The gaming attempt: pass the assessment case in practice (opened outside the plan, with hints).
  }
  passed_attempt(data / "progress.db", "breast_fine_striae_young_adult", scenario::Mode::practice, 2);
  {
    app::SimulatorApp app(window, false, paths);
    const ui::CoursePlanView* plan = app.state().courses.current();
    REQUIRE(plan);
    CHECK_FALSE(plan->cases[1].passed);
    CHECK(plan->cases[1].attempts == 0);  // only attempts in the plan's mode count
    CHECK_FALSE(plan->cases[2].unlocked);
    CHECK(plan->cases[2].why ==
          "waits for \"Fine striae on the breasts of a young adult\" to be passed in assessment mode");
    app.apply(open(third));
    CHECK_FALSE(app.state().clinic.scenario);
  }
  passed_attempt(data / "progress.db", "breast_fine_striae_young_adult", scenario::Mode::assessment, 3);
  {
    app::SimulatorApp app(window, false, paths);
    CHECK(app.state().courses.current()->cases[2].unlocked);
    app.apply(open(third));
    REQUIRE(app.state().clinic.scenario);
    CHECK(app.state().clinic.scenario->id == "thigh_alba_severe");
  }
  // Without --course the library offers the shipped plans beside every case; the plan shown is optional.
  {
    app::AppPaths browse = paths;
    browse.course_file.clear();
    app::SimulatorApp app(window, false, browse);
    ui::AppState& state = app.state();
    CHECK_FALSE(state.courses.pinned);
    CHECK(state.courses.shown == -1);
    REQUIRE_FALSE(state.courses.plans.empty());
    CHECK(state.courses.plans[0].id == "microneedling_foundations");
    CHECK(state.courses.plans[0].problem.empty());
    app.apply(open(scenarios + "/hip_type1_diabetes.yaml"));  // every case opens from "Every case"
    REQUIRE(state.clinic.scenario);
    CHECK(state.clinic.scenario->id == "hip_type1_diabetes");
  }
  std::filesystem::remove_all(data);
}
