// The striae alba course where expectations must be managed (issue 14; C2,
// C3, S3): every script grades as its name says and for its own mistake;
// the patient's concern comes only while the marks are little improved;
// `concerns:` errors are located; the concern cannot be gamed.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "scenario/course_attempt.hpp"
#include "scenario/course_concern.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

namespace {

constexpr const char* case_id = "course_alba_expectations";
constexpr const char* concern_id = "disappointed_slow_progress";

std::shared_ptr<const Scenario> alba_case() {
  auto s = test::shipped_scenario(case_id);
  REQUIRE(s);
  REQUIRE(s->course);
  return s;
}

CourseScript alba_script(const std::string& name) {
  auto load = load_course_script_file(test::source_path(std::string("scenarios/scripts/") + case_id + "/" + name + ".yaml"));
  for (const auto& e : load.errors) FAIL_CHECK(e.str());
  REQUIRE(load.script);
  return *load.script;
}

CourseGrade graded(const std::string& name) {
  const auto s = alba_case();
  const CourseScript t = alba_script(name);
  CHECK(check_course_script_against(t, *s).empty());
  return grade_course(s, play_course_script(s, t));
}

const CourseCriterion& series(const CourseGrade& g) {
  REQUIRE(g.criteria.at(0).id == course_criterion_series);
  return g.criteria[0];
}

bool feedback_has(const CourseCriterion& c, const std::string& text) {
  for (const auto& f : c.feedback)
    if (f.find(text) != std::string::npos) return true;
  return false;
}

bool concern_at(const PlayedVisit& v) { return v.scenario->find_item(concern_id) != nullptr; }

std::string shipped_text() {
  std::ifstream in(test::source_path(std::string("scenarios/") + case_id + ".yaml"));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The case's text with one line replaced, and the 1-based line it is on.
std::pair<std::string, int> with_line(const std::string& old_line, const std::string& new_line) {
  std::string text = shipped_text();
  const auto at = text.find(old_line);
  REQUIRE(at != std::string::npos);
  text.replace(at, old_line.size(), new_line);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  return {text, line};
}

// Whether loading `text` fails with a message containing `message` at `line`.
bool located_error(const std::string& text, int line, const std::string& message) {
  const ScenarioLoad load = load_scenario_text(text, "alba.yaml");
  CHECK_FALSE(load.scenario);
  for (const auto& e : load.errors) {
    CAPTURE(e.str());
    if (e.line == line && e.message.find(message) != std::string::npos && e.str().rfind("alba.yaml:", 0) == 0) return true;
  }
  for (const auto& e : load.errors) MESSAGE(e.str());
  return false;
}

}  // namespace

TEST_CASE("course alba (C2, C3, S1-S3): good - expectations set, counselled when disappointed, passes") {
  const CourseGrade g = graded("good");
  CHECK(g.passed);
  CHECK(g.why_not.empty());
  REQUIRE(g.visits.size() == 4);
  CHECK(concern_at(g.visits[1]));  // she raised it at visit 2 and was answered
  CHECK(g.visits[1].grade.passed);
  CHECK(g.outcome.treatments == 4);
}

TEST_CASE("course alba (C2): promising clearance to the disappointed patient is the concern's critical error") {
  const CourseGrade g = graded("promised_clearance");
  CHECK_FALSE(g.passed);
  REQUIRE(g.visits.size() >= 2);
  const auto& errors = g.visits[1].grade.critical_errors;
  REQUIRE(errors.size() == 1);  // one mistake, one critical error: the concern's rule replaces the case's
  CHECK(errors[0].kind == CriticalKind::harmful_instruction);
  CHECK(errors[0].message.find("concern") != std::string::npos);
  CHECK(errors[0].message.find("(C2)") != std::string::npos);
  CHECK(errors[0].message.find("(C3)") != std::string::npos);
  CHECK(series(g).score >= series(g).threshold);  // the series itself was right
}

TEST_CASE("course alba (C3, D4): a longer needle after the concern fails the series") {
  const CourseGrade g = graded("chased_depth_when_disappointed");
  CHECK_FALSE(g.passed);
  const CourseCriterion& c = series(g);
  CHECK(c.score < c.threshold);
  CHECK(feedback_has(c, "(C3)"));
  CHECK(feedback_has(c, "(D4)"));
  bool evidence = false;
  for (const auto& [k, v] : c.evidence) evidence = evidence || (k == "needle_length_after_concern_mm" && v == doctest::Approx(2.0));
  CHECK(evidence);
  CHECK(g.visits[0].grade.passed);  // visit 1 was at the key's depth
}

TEST_CASE("course alba (S1): stopping after two sessions when disappointed fails the series") {
  const CourseGrade g = graded("stopped_when_disappointed");
  CHECK_FALSE(g.passed);
  CHECK(g.outcome.treatments == 2);
  CHECK(series(g).score < series(g).threshold);
  CHECK(feedback_has(series(g), "(S1)"));
  for (const auto& v : g.visits) CHECK(v.grade.passed);  // each visit on its own was right
}

TEST_CASE("course alba (S1, E3): sessions a week apart fail the series") {
  const CourseGrade g = graded("sessions_a_week_apart");
  CHECK_FALSE(g.passed);
  CHECK(series(g).score < series(g).threshold);
  CHECK(feedback_has(series(g), "(S1, E3)"));
}

TEST_CASE("course alba (C3, S3): the concern appears from its visit only while improvement is below the threshold") {
  const auto s = alba_case();
  const CourseConcern& c = s->course->concerns.at(0);
  CHECK(c.fact == "C3");
  VisitFindings f;
  f.visit = c.at_visit;
  f.improvement_percent = c.while_improvement_below_percent - 1.0;
  const auto below = visit_scenario(s, f);
  const HistoryItem* item = below->find_item(concern_id);
  REQUIRE(item);
  CHECK(item->relevant);
  CHECK(std::count(below->key.findings.begin(), below->key.findings.end(), concern_id) == 1);
  for (const auto& id : c.require)
    CHECK(std::count(below->key.aftercare_required.begin(), below->key.aftercare_required.end(), id) == 1);
  // At or above the threshold, or before its visit, she does not raise it.
  f.improvement_percent = c.while_improvement_below_percent;
  CHECK_FALSE(visit_scenario(s, f)->find_item(concern_id));
  f.visit = c.at_visit - 1;
  f.improvement_percent = 0.0;
  CHECK_FALSE(visit_scenario(s, f)->find_item(concern_id));
}

TEST_CASE("course alba (C3, S3): a course whose marks improve past the threshold never gets the concern") {
  // The good course reads about 7% at visit 2 and 19% at visit 3: with the
  // threshold at 5% the patient is content at every visit.
  auto lowered = std::make_shared<Scenario>(*alba_case());
  lowered->course->concerns.at(0).while_improvement_below_percent = 5.0;
  const std::shared_ptr<const Scenario> s = lowered;
  CourseScript content = alba_script("good");  // with nothing to ask about at visit 2
  for (auto& v : content.visits) {
    auto& c = v.attempt.consultation;
    c.asked.erase(std::remove(c.asked.begin(), c.asked.end(), concern_id), c.asked.end());
    c.findings.erase(std::remove(c.findings.begin(), c.findings.end(), concern_id), c.findings.end());
  }
  const PlayedCourse p = play_course_script(s, content);
  REQUIRE(p.visits.size() == 4);
  for (const auto& v : p.visits) {
    CAPTURE(v.findings.improvement_percent);
    const bool after_threshold = v.findings.visit == 1 || v.findings.improvement_percent >= 5.0;
    CHECK(after_threshold);
    CHECK_FALSE(concern_at(v));
    CHECK(concerns_at(*s, v.findings.visit, v.findings.improvement_percent).empty());
    CHECK(v.grade.passed);  // and the visit without it is graded without it
  }
  // The shipped threshold: only visit 2 of the good course is below it.
  const PlayedCourse shipped = play_course_script(alba_case(), alba_script("good"));
  CHECK_FALSE(concern_at(shipped.visits[0]));
  CHECK(concern_at(shipped.visits[1]));
  CHECK_FALSE(concern_at(shipped.visits[2]));
}

TEST_CASE("course alba (C2, C3): gaming - every counselling line, the forbidden promise among them, fails the concern") {
  const auto s = alba_case();
  CourseScript t = alba_script("good");
  auto& after = t.visits.at(1).attempt.aftercare;
  REQUIRE(after);
  for (const Instruction& i : instruction_catalog())
    if (i.kind == InstructionKind::counselling && std::find(after->instructions.begin(), after->instructions.end(), i.id) == after->instructions.end())
      after->instructions.emplace_back(i.id);
  const CourseGrade g = grade_course(s, play_course_script(s, t));
  CHECK_FALSE(g.passed);
  REQUIRE(concern_at(g.visits[1]));
  CHECK_FALSE(g.visits[1].grade.passed);
  bool concern_critical = false;
  for (const auto& e : g.visits[1].grade.critical_errors)
    concern_critical = concern_critical || (e.kind == CriticalKind::harmful_instruction && e.message.find("concern") != std::string::npos);
  CHECK(concern_critical);
}

TEST_CASE("course alba (C2): treating past the concern without taking it up is a critical error") {
  const auto s = alba_case();
  CourseScript t = alba_script("good");
  auto& findings = t.visits.at(1).attempt.consultation.findings;
  findings.erase(std::remove(findings.begin(), findings.end(), concern_id), findings.end());
  const CourseGrade g = grade_course(s, play_course_script(s, t));
  CHECK_FALSE(g.passed);
  bool missed = false;
  for (const auto& e : g.visits[1].grade.critical_errors)
    missed = missed || (e.kind == CriticalKind::missed_finding && e.message.find("(C2)") != std::string::npos);
  CHECK(missed);
}

TEST_CASE("course alba: concerns: errors are located (file:line:col)") {
  {
    auto [text, line] = with_line("      at_visit: 2\n", "      at_visit: 9\n");
    CHECK(located_error(text, line, "at_visit"));
  }
  {
    auto [text, line] = with_line("      at_visit: 2\n", "      at_visit: 1\n");  // the first visit is the case itself
    CHECK(located_error(text, line, "at_visit"));
  }
  {
    auto [text, line] = with_line("      while_improvement_below_percent: 15", "      while_improvement_below_percent: 150");
    CHECK(located_error(text, line, "while_improvement_below_percent"));
  }
  {
    auto [text, line] = with_line("      while_improvement_below_percent: 15", "      while_improvement_below_percent: 0");
    CHECK(located_error(text, line, "must be above 0"));
  }
  {
    auto [text, line] = with_line("      require: [alba_improvement_not_clearance,", "      require: [alba_improvement_not_clearence,");
    CHECK(located_error(text, line, "did you mean 'alba_improvement_not_clearance'"));
  }
  {
    auto [text, line] = with_line("      forbid: [promise_gone_by_end,", "      forbid: [alba_slower,");
    CHECK(located_error(text, line, "'alba_slower' is a correct instruction"));
  }
  {
    auto [text, line] = with_line("      require: [alba_improvement_not_clearance, results_take_time]\n", "      require: []\n");
    CHECK(located_error(text, line, "at least one instruction"));
  }
  {
    auto [text, line] = with_line("      fact: C3\n", "      fact: Z9\n");
    CHECK(located_error(text, line, "fact 'Z9'"));
  }
  {
    auto [text, line] = with_line("    - id: disappointed_slow_progress\n", "    - id: cold_sores\n");
    CHECK(located_error(text, line, "already a history item"));
  }
}
