// The session state machine and grading as a pure function.
#include <doctest/doctest.h>

#include <cmath>

#include "scenario/grading.hpp"
#include "scenario/report.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario/session.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

TEST_CASE("the flow goes consultation - plan - procedure - aftercare - debrief") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  Session session(s);
  CHECK(session.stage() == Stage::consultation);
  CHECK(session.ask("blood_thinners") == "No, nothing like that.");
  CHECK_THROWS_AS(session.ask("hay_fever"), FlowError);  // no follow-up question
  CHECK_THROWS_AS(session.ask("smoking"), FlowError);
  CHECK_THROWS_AS(session.set_plan(PlanAnswers{}), FlowError);  // not yet
  session.decide(Decision::proceed, {});
  CHECK(session.stage() == Stage::plan);
  CHECK_THROWS_AS(session.set_plan({{0.3, physics::CartridgeKind::round_12, 100}, true, 2}), physics::SettingsError);
  CHECK(session.stage() == Stage::plan);
  session.set_plan({{1.0, physics::CartridgeKind::round_12, 100}, true, 2});
  CHECK(session.stage() == Stage::procedure);
  physics::PenCommand c;
  c.x_mm = 62;
  c.y_mm = 30;
  c.force_n = 2.0;
  c.motor_on = true;
  for (int i = 0; i < 500; ++i) session.step(c);
  CHECK(session.simulator().grid().total_punctures() > 0);
  CHECK(session.commands().size() == 500);
  session.finish_procedure();
  CHECK_THROWS_AS(session.step(c), FlowError);
  CHECK_THROWS_AS(session.set_aftercare({{"not_an_instruction"}, 4, 5, 6}), FlowError);
  session.set_aftercare({{"avoid_sun_week"}, 4, 5, 6});
  CHECK(session.stage() == Stage::debrief);
}

TEST_CASE("deferring or referring ends the attempt with a debrief and no procedure") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  Session session(s);
  session.decide(Decision::refer, {});
  CHECK(session.stage() == Stage::debrief);
  CHECK_THROWS_AS(session.simulator(), FlowError);
}

TEST_CASE("commands are recorded at the recording resolution and NaNs never reach the physics") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  Session session(s);
  session.decide(Decision::proceed, {});
  session.set_plan({{1.0, physics::CartridgeKind::round_12, 100}, true, 2});
  physics::PenCommand c;
  c.x_mm = 62.123456;
  c.y_mm = 30.0;
  c.force_n = 2.00049;
  c.motor_on = true;
  session.step(c);
  c.x_mm = std::nan("");
  session.step(c);
  CHECK(session.commands()[0].x_mm == doctest::Approx(62.12).epsilon(1e-12));
  CHECK(session.commands()[0].force_n == doctest::Approx(2.0).epsilon(1e-12));
  CHECK(session.commands()[1].x_mm == session.commands()[0].x_mm);
}

TEST_CASE("grading is a pure function: the same attempt grades the same twice") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  const auto script = test::shipped_script("postpartum_abdomen_rubra", "tilted_pen");
  const AttemptResult r = run_scripted_attempt(s, script);
  const Grade again = grade_attempt(*s, r.answers, r.commands);
  CHECK(grade_json(again) == grade_json(r.grade));
  CHECK(again.metrics->final_state_hash == r.final_state_hash);
}

TEST_CASE("leaving out the numbing cream costs technique points only where the key requires it (P3)") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  REQUIRE(s->key.technique.numbing_required);
  const AttemptResult r = run_scripted_attempt(s, test::shipped_script("postpartum_abdomen_rubra", "no_numbing_cream"));
  REQUIRE(r.answers.plan);
  CHECK_FALSE(r.answers.plan->numbing);
  const auto technique = static_cast<std::size_t>(CriterionId::technique);
  bool explained = false;
  for (const auto& f : r.grade.criteria[technique].feedback) explained = explained || f.find("(P3)") != std::string::npos;
  CHECK(explained);

  Scenario optional = *s;
  optional.key.technique.numbing_required = false;
  const Grade lenient = grade_attempt(optional, r.answers, r.commands);
  CHECK(lenient.criteria[technique].score - r.grade.criteria[technique].score == doctest::Approx(15.0));
  CHECK(lenient.criteria[technique].feedback.empty());
}

TEST_CASE("the JSON report has the keys course tooling reads") {
  auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  const AttemptResult r = run_scripted_attempt(s, test::shipped_script("postpartum_abdomen_rubra", "lax_skin"));
  const std::string j = grade_json(r.grade);
  for (const char* key :
       {"\"scenario\":", "\"total\":", "\"passed\":", "\"critical_errors\":", "\"criteria\":", "\"id\":", "\"score\":",
        "\"weight\":", "\"evidence\":", "\"feedback\":", "\"metrics\":", "\"punctures\":", "\"depth_mm_median\":", "\"depth_mm_p10\":", "\"depth_mm_p90\":",
        "\"depth_mm_max\":", "\"coverage_fraction\":", "\"density_per_cm2_median\":", "\"tilt_deg_mean\":",
        "\"force_n_mean\":", "\"punctures_by_layer\":", "\"reticular_dermis\":"})
    CHECK_MESSAGE(j.find(key) != std::string::npos, key);
  // Lax skin: the technique feedback says so and cites P4.
  const auto& technique = r.grade.criteria[static_cast<std::size_t>(CriterionId::technique)];
  bool cites = false;
  for (const auto& f : technique.feedback) cites = cites || f.find("(P4)") != std::string::npos;
  CHECK(cites);
  const std::string html = grade_html(r.grade, *s);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("depth histogram") != std::string::npos);
  CHECK(html.find("coverage map") != std::string::npos);
  CHECK(html.find("No contraindications: treat at 1.0 mm") != std::string::npos);  // the instructor's summary
  CHECK(html.find("http") == html.find("http://www.w3.org"));  // self-contained: no external resources
}
