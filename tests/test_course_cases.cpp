// Course cases (issue 14): every shipped course script grades as its
// `expect` says; the key's own protocol passes its course; the course rules
// cannot be gamed; course recordings round-trip and refuse damage.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "record/course_recording.hpp"
#include "scenario/course_attempt.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario_helpers.hpp"
#include "tissue/fnv1a.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

namespace {

CourseScript course_script(const std::string& scenario_id, const std::string& name) {
  const std::string path = test::source_path("scenarios/scripts/" + scenario_id + "/" + name + ".yaml");
  auto load = load_course_script_file(path);
  for (const auto& e : load.errors) FAIL_CHECK(e.str());
  REQUIRE(load.script);
  return *load.script;
}

std::string summary(const CourseGrade& g) {
  std::string t = "total " + std::to_string(g.total);
  for (const auto& c : g.criteria) t += " " + c.id + "=" + std::to_string(c.score);
  for (const auto& w : g.why_not) t += " | " + w;
  return t;
}

// Plays one shipped course script and holds it to its expect block.
void check_course_script(const std::string& scenario_id, const std::string& name) {
  const auto s = test::shipped_scenario(scenario_id);
  REQUIRE(s);
  REQUIRE(s->course);
  const CourseScript t = course_script(scenario_id, name);
  CAPTURE(t.file);
  CHECK(check_course_script_against(t, *s).empty());
  // Every visit's strokes stay on the patch (as the single scripts' do).
  for (const auto& v : t.visits) {
    if (v.attempt.procedure.empty()) continue;
    physics::ScriptedPen pen(procedure_path(v.attempt, *s));
    std::size_t off = 0;
    while (!pen.finished()) {
      const physics::PenCommand c = pen.next();
      if (c.x_mm < 0.0 || c.x_mm > s->patch.width_mm || c.y_mm < 0.0 || c.y_mm > s->patch.height_mm) ++off;
    }
    CHECK(off == 0);
  }
  const CourseGrade g = grade_course(s, play_course_script(s, t));
  CAPTURE(summary(g));
  if (name.rfind("good", 0) == 0) {
    CHECK(g.passed);
    CHECK(t.expect.passed.value_or(true));
    return;
  }
  // A mistake says what it gets wrong, and is graded for it.
  CHECK((!t.expect.loses_on.empty() || !t.expect.critical.empty()));
  CHECK_FALSE(g.passed);
  if (t.expect.passed) CHECK(g.passed == *t.expect.passed);
  if (!t.expect.loses_on.empty()) {
    bool lost = false;
    for (const auto& c : g.criteria)
      if (c.id == t.expect.loses_on) lost = c.score < c.threshold && !c.feedback.empty();
    for (const auto& v : g.visits)
      for (const auto& c : v.grade.criteria)
        if (criterion_name(c.id) == t.expect.loses_on && c.applicable && c.score <= 90.0 && !c.feedback.empty()) lost = true;
    CHECK(lost);
  }
  if (!t.expect.critical.empty()) {
    bool raised = false;
    for (const auto& v : g.visits)
      for (const auto& c : v.grade.critical_errors) raised = raised || c.name() == t.expect.critical;
    CHECK(raised);
  }
}

}  // namespace

TEST_CASE("course postpartum rubra (S1, S2, S3): good - four sessions five weeks apart with maintenance passes") {
  check_course_script("course_postpartum_rubra_series", "good");
}
TEST_CASE("course postpartum rubra (S1, E3): sessions a week apart fail the series") {
  check_course_script("course_postpartum_rubra_series", "sessions_a_week_apart");
}
TEST_CASE("course postpartum rubra (S2): no maintenance plan fails the series") {
  check_course_script("course_postpartum_rubra_series", "no_maintenance_plan");
}
TEST_CASE("course postpartum rubra (S1): stopping after two sessions fails the series") {
  check_course_script("course_postpartum_rubra_series", "stopped_after_two");
}
TEST_CASE("course Fitzpatrick V (D7): good - pause at the PIH, then one step shallower, passes") {
  check_course_script("course_fitzpatrick_v_pih", "good");
}
TEST_CASE("course Fitzpatrick V (D7, E2): needling through new PIH is a critical error") {
  check_course_script("course_fitzpatrick_v_pih", "treated_through_pih");
}
TEST_CASE("course Fitzpatrick V (D7): never lowering the depth after PIH fails the series") {
  check_course_script("course_fitzpatrick_v_pih", "never_lowered_depth");
}
TEST_CASE("course RF alba (P6, D7): good - RF at 40 mJ per needle on Fitzpatrick V, four sessions, passes") {
  check_course_script("course_rf_alba_fitzpatrick_v", "good");
}
TEST_CASE("course RF alba (P6, D7): the highest energy on Fitzpatrick V skin darkens it and fails the visit") {
  check_course_script("course_rf_alba_fitzpatrick_v", "highest_energy");
}

TEST_CASE("the key's own protocol passes every shipped course case - the guideline's answer never fails") {
  for (const auto& path : test::files_in(test::source_path("scenarios"))) {
    const auto s = test::shipped_scenario(path.stem().string());
    REQUIRE(s);
    if (!s->course) continue;
    CAPTURE(s->id);
    const CourseGrade g = grade_course(s, play_key_protocol(s));
    CAPTURE(summary(g));
    CHECK(g.passed);
    CHECK(g.outcome.improvement_percent == doctest::Approx(g.key_outcome.improvement_percent));
  }
}

TEST_CASE("padding a series with deferred visits counts no sessions (S1) and deferring healthy skin fails the visit") {
  const auto s = test::shipped_scenario("course_postpartum_rubra_series");
  REQUIRE(s);
  CourseScript t = course_script("course_postpartum_rubra_series", "good");
  // One session, then three visits that only defer: four visits, one session.
  for (std::size_t i = 1; i < t.visits.size(); ++i) {
    t.visits[i].attempt.consultation.decision = Decision::defer;
    t.visits[i].attempt.plan.reset();
    t.visits[i].attempt.procedure.clear();
    t.visits[i].attempt.aftercare.reset();
  }
  const CourseGrade g = grade_course(s, play_course_script(s, t));
  CAPTURE(summary(g));
  CHECK(g.outcome.treatments == 1);
  CHECK_FALSE(g.passed);
  CHECK(g.criteria[0].id == course_criterion_series);
  CHECK(g.criteria[0].score < g.criteria[0].threshold);
  CHECK_FALSE(g.visits[1].grade.passed);  // the skin was ready: deferring is the wrong decision
}

TEST_CASE("the outcome is read three months after the last session (S3) however the course ends") {
  const auto s = test::shipped_scenario("course_postpartum_rubra_series");
  REQUIRE(s);
  const PlayedCourse p = play_course_script(s, course_script("course_postpartum_rubra_series", "stopped_after_two"));
  REQUIRE(p.visits.size() == 2);
  CHECK(p.outcome.day == doctest::Approx(35.0 + outcome_after_last_session_days));
  CHECK(p.outcome.treatments == 2);
}

TEST_CASE("a return visit with an infection in the treated area must not be treated (X1, E2)") {
  const auto s = test::shipped_scenario("course_postpartum_rubra_series");
  REQUIRE(s);
  VisitFindings f;
  f.visit = 2;
  f.day = 35.0;
  f.infection = true;
  const auto today = visit_scenario(s, f);
  CHECK(today->key.decision == Decision::defer);
  const HistoryItem* item = today->find_item(visit_item_infection);
  REQUIRE(item);
  CHECK(item->fact == "X1");
  CHECK_FALSE(item->intake.empty());  // the examination shows it; the decision is the trainee's
  TraineeScript treat = course_script("course_postpartum_rubra_series", "good").visits[1].attempt;
  const Grade g = run_scripted_attempt(today, treat).grade;
  bool critical = false;
  for (const auto& c : g.critical_errors) critical = critical || c.kind == CriticalKind::treated_despite_contraindication;
  CHECK(critical);
  CHECK_FALSE(g.passed);
  // The right move passes: examine, name it, defer.
  treat.consultation.asked.emplace_back(visit_item_infection);
  treat.consultation.findings = {std::string(visit_item_infection)};
  treat.consultation.decision = Decision::defer;
  treat.plan.reset();
  treat.procedure.clear();
  treat.aftercare.reset();
  CHECK(run_scripted_attempt(today, treat).grade.passed);
}

TEST_CASE("after PIH the key goes one pen step (0.25 mm, D6) shallower with PIH precautions, never below its floor (D7)") {
  const auto s = test::shipped_scenario("course_fitzpatrick_v_pih");
  REQUIRE(s);
  VisitFindings f;
  f.visit = 4;
  f.pih_earlier = true;
  const auto today = visit_scenario(s, f);
  CHECK(today->key.needle_depth_mm.hi == doctest::Approx(s->key.needle_depth_mm.hi - 0.25));
  CHECK(today->key.needle_depth_mm.lo == doctest::Approx(s->key.needle_depth_mm.lo));
  CHECK(today->key.needle_depth_mm.hi >= today->key.needle_depth_mm.lo);
  CHECK(today->key.decision == Decision::proceed_with_precautions);
  const auto& p = today->key.precautions;
  CHECK(std::find(p.begin(), p.end(), "pih_precautions") != p.end());
  // The first visit is the case itself.
  f.visit = 1;
  CHECK(visit_scenario(s, f) == s);
}

TEST_CASE("a course recording round-trips and replays to the same course grade; damage is refused with its byte") {
  const auto s = test::shipped_scenario("course_postpartum_rubra_series");
  REQUIRE(s);
  const PlayedCourse p = play_course_script(s, course_script("course_postpartum_rubra_series", "stopped_after_two"));
  record::CourseRecording rec;
  for (const auto& v : p.visits) {
    record::RecordedVisit rv;
    rv.attempt.scenario_id = s->id;
    rv.attempt.scenario_hash = s->source_hash;
    rv.attempt.answers = v.attempt.answers;
    rv.attempt.commands = v.attempt.commands;
    rv.attempt.final_state_hash = v.attempt.final_state_hash;
    rv.return_in_weeks = v.attempt.return_in_weeks;
    rec.visits.push_back(rv);
  }
  rec.course_total = 92.5;
  const std::string bytes = record::encode_course_recording(rec);
  CHECK(record::is_course_recording(bytes));
  const record::CourseRecording back = record::decode_course_recording(bytes, "c.dscrs");
  REQUIRE(back.visits.size() == 2);
  CHECK(back.course_total == 92.5);
  CHECK(back.visits[0].return_in_weeks == 5.0);
  CHECK_FALSE(back.visits[1].return_in_weeks);
  CHECK(back.visits[1].attempt.commands.size() == rec.visits[1].attempt.commands.size());
  CHECK(back.visits[1].attempt.commands.back().x_mm == rec.visits[1].attempt.commands.back().x_mm);

  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x10);
  CHECK_THROWS_WITH_AS(record::decode_course_recording(flipped, "c.dscrs"), doctest::Contains("checksum"),
                       record::RecordError);
  CHECK_THROWS_WITH_AS(record::decode_course_recording(bytes.substr(0, 20), "c.dscrs"), doctest::Contains("c.dscrs: byte"),
                       record::RecordError);
  // A header claiming a thousand visits, with a valid checksum, is refused before anything is read.
  std::string many = bytes.substr(0, bytes.size() - 8);
  const std::uint32_t thousand = 1000;
  std::memcpy(&many[12], &thousand, sizeof thousand);
  const std::uint64_t sum = dermasim::fnv1a(many);
  for (int i = 0; i < 8; ++i) many.push_back(static_cast<char>((sum >> (8 * i)) & 0xff));
  CHECK_THROWS_WITH_AS(record::decode_course_recording(many, "c.dscrs"), doctest::Contains("1000 visits"),
                       record::RecordError);
}
