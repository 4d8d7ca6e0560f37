// A patient who rolls daily at home between visits (issue 14): the
// `home_roller:` lapse through the healing model (H1, H2, E2), the course
// case course_home_roller and its scripts (X1, S1, S2), and the home derma
// roller device (Doddaballapur 2009).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "healing_helpers.hpp"
#include "scenario/course_attempt.hpp"
#include "scenario/course_script.hpp"
#include "scenario/course_visit.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario_helpers.hpp"
#include "tissue/healing_params.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

namespace {

constexpr double pen_depth_mm = 1.0;
constexpr double target_per_cm2 = 250.0;

double infection_risk(const tissue::HealingCourse& c) {
  for (const auto& x : c.complications())
    if (x.kind == "infection") return x.probability;
  return -1.0;
}

double mean_erythema(const tissue::HealingCourse& c) {
  double sum = 0.0;
  int n = 0;
  for (int i = 0; i < c.cell_count(); ++i)
    if (c.treated(i)) {
      sum += c.erythema(i);
      ++n;
    }
  return n > 0 ? sum / n : 0.0;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CourseGrade play(const std::string& name) {
  const auto s = test::shipped_scenario("course_home_roller");
  REQUIRE(s);
  auto load = load_course_script_file(test::source_path("scenarios/scripts/course_home_roller/" + name + ".yaml"));
  for (const auto& e : load.errors) FAIL_CHECK(e.str());
  REQUIRE(load.script);
  CHECK(check_course_script_against(*load.script, *s).empty());
  return grade_course(s, play_course_script(s, *load.script));
}

// The visits that raised critical error `kind`.
std::vector<int> critical_visits(const CourseGrade& g, std::string_view kind) {
  std::vector<int> out;
  for (const auto& v : g.visits)
    for (const auto& c : v.grade.critical_errors)
      if (c.name() == kind) out.push_back(v.findings.visit);
  return out;
}

}  // namespace

TEST_CASE("daily home rolling raises the infection risk tenfold and irritates the barrier, adding no collagen (H2, E2, H1)") {
  auto patch = test::healing_patch();
  auto map = test::uniform_injury(*patch, pen_depth_mm, target_per_cm2);
  tissue::CareGiven clinic, rolling;
  rolling.home_tools = true;
  tissue::HealingCourse a(patch, {}, 3), b(patch, {}, 3);
  a.apply_session(test::session_of(map, clinic));
  b.apply_session(test::session_of(map, rolling));
  // H2, E2: an unsterilised roller, as bad as no hygiene instructions.
  CHECK(infection_risk(b) == doctest::Approx(tissue::healing::infection_home_tools_factor * infection_risk(a)));
  CHECK(tissue::healing::infection_home_tools_factor == tissue::healing::infection_no_hygiene_factor);
  CHECK(b.home_rolling());
  CHECK_FALSE(a.home_rolling());
  a.advance_days(28.0);
  b.advance_days(28.0);
  // H2: overuse damages the barrier - a standing redness while the rolling goes on.
  CHECK(mean_erythema(b) == doctest::Approx(mean_erythema(a) + tissue::healing::home_roller_irritation_erythema).epsilon(0.01));
  // H1: no collagen beyond the clinic session's.
  CHECK(b.state().collagen_index == doctest::Approx(a.state().collagen_index));
  CHECK(b.state().marks[0].improvement_percent == doctest::Approx(a.state().marks[0].improvement_percent));
  b.stop_home_rolling();
  CHECK_FALSE(b.home_rolling());
  CHECK(mean_erythema(b) == doctest::Approx(mean_erythema(a)));
}

TEST_CASE("an infection the home roller starts stays active until the rolling stops, then settles (H2, E2)") {
  auto patch = test::healing_patch();
  auto map = test::uniform_injury(*patch, pen_depth_mm, target_per_cm2);
  tissue::CareGiven rolling;
  rolling.home_tools = true;
  std::uint64_t seed = 0;
  for (std::uint64_t k = 1; k < 2000 && seed == 0; ++k) {
    tissue::HealingCourse c(patch, {}, k);
    c.apply_session(test::session_of(map, rolling));
    for (const auto& x : c.complications())
      if (x.kind == "infection" && x.occurred) seed = k;
  }
  REQUIRE(seed != 0);
  tissue::HealingCourse c(patch, {}, seed);
  c.apply_session(test::session_of(map, rolling));
  c.advance_days(35.0);
  VisitFindings f = read_visit(c, 2, false);
  CHECK(f.infection);  // five weeks on: kept going by the rolling
  c.stop_home_rolling();
  c.advance_days(35.0);
  CHECK_FALSE(read_visit(c, 3, false).infection);  // settled once the rolling stopped
  // The same draw without the roller settles by itself within days (E2).
  tissue::HealingCourse plain(patch, {}, seed);
  tissue::CareGiven careless;
  careless.hygiene = false;
  careless.picking_allowed = true;  // x30: high enough to draw the same infection
  plain.apply_session(test::session_of(map, careless));
  plain.advance_days(35.0);
  CHECK_FALSE(read_visit(plain, 2, false).infection);
}

TEST_CASE("home_roller: in a course's home lapses is read, and a wrong value is a located error (H2)") {
  const std::string path = test::source_path("scenarios/course_postpartum_rubra_series.yaml");
  const std::string text = read_text(path);
  REQUIRE_FALSE(text.empty());
  const std::string good = text + "  home:\n    - after_visit: 1\n      home_roller: true\n";
  const ScenarioLoad ok = load_scenario_text(good, "roller.yaml");
  for (const auto& e : ok.errors) FAIL_CHECK(e.str());
  REQUIRE(ok.scenario);
  REQUIRE(ok.scenario->course);
  REQUIRE(ok.scenario->course->home.size() == 1);
  CHECK(ok.scenario->course->home[0].home_roller);
  const std::string bad = text + "  home:\n    - after_visit: 1\n      home_roller: daily\n";
  const ScenarioLoad no = load_scenario_text(bad, "roller.yaml");
  REQUIRE_FALSE(no.errors.empty());
  CHECK(no.errors[0].str().find("roller.yaml:") != std::string::npos);
  CHECK(no.errors[0].str().find("home_roller") != std::string::npos);

  // The same course with and without the lapse: the return visit's skin is
  // redder with it (H2), whatever the trainee did.
  auto with = std::make_shared<Scenario>(*ok.scenario);
  auto without = std::make_shared<Scenario>(*ok.scenario);
  without->course->home.clear();
  const PlayedCourse pw = play_key_protocol(with), po = play_key_protocol(without);
  REQUIRE(pw.visits.size() >= 2);
  REQUIRE(po.visits.size() >= 2);
  CHECK(pw.visits[1].findings.erythema_mean > po.visits[1].findings.erythema_mean + 0.1);
}

TEST_CASE("course home roller (H2, E2): the seed gives the key's protocol an infection at visit 3, and only with the roller") {
  const auto s = test::shipped_scenario("course_home_roller");
  REQUIRE(s);
  REQUIRE(s->course);
  const PlayedCourse key = play_key_protocol(s);
  REQUIRE(key.visits.size() >= 4);
  for (const auto& v : key.visits) CHECK(v.findings.infection == (v.findings.visit == 3));
  CHECK(key.visits[2].scenario->key.decision == Decision::defer);  // X1
  CHECK(grade_course(s, key).passed);
  auto without = std::make_shared<Scenario>(*s);
  without->course->home.clear();
  for (const auto& v : play_key_protocol(without).visits) CHECK_FALSE(v.findings.infection);
}

TEST_CASE("course home roller (H2, H3, X1, S1, S2): good - counsel the roller, defer at the infection, resume, maintain - passes") {
  const CourseGrade g = play("good");
  CHECK(g.passed);
  CHECK(g.visits.size() == 5);
  CHECK(g.visits[2].findings.infection);
  for (const auto& v : g.visits) CHECK(v.grade.passed);
}

TEST_CASE("course home roller (X1, E2): treating through the roller's infection at visit 3 is a critical error") {
  const CourseGrade g = play("treated_through_infection");
  CHECK_FALSE(g.passed);
  CHECK(critical_visits(g, "treated_despite_contraindication") == std::vector<int>{3});
  CHECK(critical_visits(g, "missing_instruction").empty());
}

TEST_CASE("course home roller (H2): never telling her to stop the home roller fails every treated visit") {
  const CourseGrade g = play("never_counselled_roller");
  CHECK_FALSE(g.passed);
  CHECK(critical_visits(g, "missing_instruction") == std::vector<int>{1, 2, 4, 5});
  CHECK(critical_visits(g, "treated_despite_contraindication").empty());
}

TEST_CASE("course home roller (S2): no maintenance plan fails the series, nothing else") {
  const CourseGrade g = play("no_maintenance_plan");
  CHECK_FALSE(g.passed);
  for (const auto& v : g.visits) CHECK(v.grade.critical_errors.empty());
  bool series_failed = false;
  for (const auto& c : g.criteria)
    if (c.id == "series") series_failed = c.score < c.threshold;
  CHECK(series_failed);
}
