// The shipped case library: every scenario passes check, and every shipped
// script grades as its name and its `expect` block say.
#include <doctest/doctest.h>

#include "scenario/scripted_attempt.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

namespace {
void check_script(const std::shared_ptr<const Scenario>& s, const std::filesystem::path& path) {
  CAPTURE(path.string());
  auto load = load_script_file(path.string());
  for (const auto& e : load.errors) FAIL_CHECK(e.str());
  REQUIRE(load.script);
  const TraineeScript& t = *load.script;
  CHECK(check_script_against(t, *s).empty());
  const AttemptResult r = run_scripted_attempt(s, t);
  const Grade& g = r.grade;
  std::string summary = "total " + std::to_string(g.total);
  for (const auto& c : g.criteria) summary.append(" ").append(criterion_name(c.id)).append("=").append(std::to_string(c.score));
  for (const auto& c : g.critical_errors) summary.append(" CRITICAL ").append(c.name());
  CAPTURE(summary);
  const bool good = path.filename().string().rfind("good", 0) == 0;
  if (good) {
    CHECK(g.passed);
    CHECK(t.expect.passed.value_or(true));
    return;
  }
  // A mistake must say what it gets wrong, and be graded for it.
  CHECK((t.expect.loses_on || !t.expect.critical.empty()));
  if (t.expect.passed) CHECK(g.passed == *t.expect.passed);
  if (t.expect.loses_on) {
    const auto& c = g.criteria[static_cast<std::size_t>(*t.expect.loses_on)];
    CHECK(c.applicable);
    CHECK(c.score <= 90.0);
    CHECK(!c.feedback.empty());
  }
  if (!t.expect.critical.empty()) {
    bool raised = false;
    for (const auto& c : g.critical_errors) raised = raised || c.name() == t.expect.critical;
    CHECK(raised);
    CHECK_FALSE(g.passed);
  }
}
}  // namespace

TEST_CASE("the case library holds at least 10 valid scenarios - each with a passing good script and mistakes") {
  const auto scenarios = test::files_in(test::source_path("scenarios"));
  CHECK(scenarios.size() >= 10);
  for (const auto& path : scenarios) {
    CAPTURE(path.string());
    auto load = load_scenario_file(path.string());
    for (const auto& e : load.errors) FAIL_CHECK(e.str());
    REQUIRE(load.scenario);
    CHECK(load.scenario->id == path.stem().string());  // scenarios/<id>.yaml
    auto s = std::make_shared<const Scenario>(std::move(*load.scenario));
    if (s->course) continue;  // course cases and their course scripts: test_course_cases.cpp
    const auto scripts = test::files_in(test::source_path("scenarios/scripts/" + s->id));
    int goods = 0, mistakes = 0;
    for (const auto& script : scripts) {
      (script.filename().string().rfind("good", 0) == 0 ? goods : mistakes) += 1;
      check_script(s, script);
    }
    CHECK(goods >= 1);
    CHECK(mistakes >= 1);
  }
}

TEST_CASE("shipped scripts keep the pen over the patch from the first step - nothing needs correcting") {
  for (const auto& path : test::files_in(test::source_path("scenarios"))) {
    auto s = test::shipped_scenario(path.stem().string());
    REQUIRE(s);
    if (s->course) continue;  // test_course_cases.cpp walks every visit's strokes
    for (const auto& script : test::files_in(test::source_path("scenarios/scripts/" + s->id))) {
      auto load = load_script_file(script.string());
      REQUIRE(load.script);
      if (load.script->procedure.empty()) continue;
      CAPTURE(script.string());
      physics::ScriptedPen pen(procedure_path(*load.script, *s));
      std::size_t off = 0, steps = 0;
      while (!pen.finished()) {
        const physics::PenCommand c = pen.next();
        ++steps;
        if (c.x_mm < 0.0 || c.x_mm > s->patch.width_mm || c.y_mm < 0.0 || c.y_mm > s->patch.height_mm) ++off;
      }
      CHECK(steps > 1000);
      CHECK(off == 0);
    }
  }
}
