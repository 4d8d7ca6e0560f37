// For every grading rule, the attempt that tries to game it, and the
// guideline's own answer: the first must not pass, the second must not fail.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "scenario/reference_attempt.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scoring_rules.hpp"
#include "scenario/scripted_attempt.hpp"
#include "scenario_helpers.hpp"

using namespace dermasim;
using namespace dermasim::scenario;

namespace {

const CriterionResult& criterion(const Grade& g, CriterionId id) { return g.criteria[static_cast<std::size_t>(id)]; }

Grade play(const std::shared_ptr<const Scenario>& s, const TraineeScript& t) { return run_scripted_attempt(s, t).grade; }

// A case with three narrow marks (1.5 mm wide, narrower than any cartridge)
// far enough apart that rows beside one never touch another.
std::shared_ptr<const Scenario> narrow_marks_case(const std::string& extra = "") {
  const std::string text = R"(dermasim_scenario: 1
id: narrow_marks
title: Fine striae on the abdomen
patient: {name: Test Patient, age_years: 28, sex: female, fitzpatrick: 2, bmi_kg_m2: 23, goals: Fade them,
          presentation: Three fine pink lines on the abdomen.}
site: {body_site: abdomen, width_mm: 80, height_mm: 60}
stretch_marks:
  - {type: rubra, x_mm: 40, y_mm: 12, angle_deg: 0, length_mm: 40, width_mm: 1.5, severity: 0.3}
  - {type: rubra, x_mm: 40, y_mm: 30, angle_deg: 0, length_mm: 40, width_mm: 1.5, severity: 0.3}
  - {type: rubra, x_mm: 40, y_mm: 48, angle_deg: 0, length_mm: 40, width_mm: 1.5, severity: 0.3}
answer_key:
  findings: []
  decision: proceed
  needle_depth_mm: [0.75, 1.25]
  aftercare:
    required: [avoid_sun_week, sunscreen_spf30]
)" + extra;
  auto load = load_scenario_text(text, "narrow_marks.yaml");
  for (const auto& e : load.errors) FAIL_CHECK(e.str());
  REQUIRE(load.scenario);
  return std::make_shared<const Scenario>(std::move(*load.scenario));
}

// Rows along a mark's axis, offset sideways by `offset_mm` from its centre line.
StrokeSpec rows_beside(const tissue::StretchMark& m, double offset_mm, const physics::PathStyle& style) {
  StrokeSpec s;
  s.kind = StrokeSpec::Kind::raster_region;
  const double half = 0.5 * m.length_mm;
  s.region[0] = m.center_x_mm - half;
  s.region[1] = m.center_y_mm + offset_mm - 1.0;
  s.region[2] = m.center_x_mm + half;
  s.region[3] = m.center_y_mm + offset_mm + 1.0;
  s.spacing_mm = 1.0;
  s.angles_deg = {0.0};
  s.passes = 2;
  s.style = style;
  return s;
}

}  // namespace

TEST_CASE("coverage: rows laid just beside marks narrower than the cartridge cover none of them") {
  const auto s = narrow_marks_case();
  TraineeScript t = reference_script(*s, 1.0);
  const physics::PathStyle style = t.procedure.front().style;
  t.procedure.clear();
  // Needles 2.5 mm from each mark's centre line: a 3 mm density window would
  // have counted them; the mark's own skin never gets a needle.
  for (const auto& m : s->patch.marks) {
    t.procedure.push_back(rows_beside(m, 2.5, style));
    t.procedure.push_back(rows_beside(m, -2.5, style));
  }
  const Grade beside = play(s, t);
  CHECK(criterion(beside, CriterionId::coverage).score < 10.0);
  CHECK_FALSE(beside.passed);
  REQUIRE(beside.metrics);
  for (double f : beside.metrics->mark_fraction) CHECK(f < 0.05);
  // Depth judges the marks' own tissue too: no puncture in a mark, no depth.
  CHECK(criterion(beside, CriterionId::depth).score < 5.0);

  // The same effort laid on the marks covers them (a 2.7 mm cartridge over a
  // 1.5 mm mark still lands most needles beside it, within the allowance).
  const Grade on = play(s, reference_script(*s, 1.0));
  REQUIRE(on.metrics);
  for (double f : on.metrics->mark_fraction) CHECK(f >= 0.8);
  CHECK(criterion(on, CriterionId::coverage).score >= criterion(on, CriterionId::coverage).threshold);
  CHECK(on.passed);
}

TEST_CASE("coverage: one mark left untreated fails the criterion however well the rest were done") {
  const auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  TraineeScript t = reference_script(*s, 1.0);
  StrokeSpec all = t.procedure.front();
  t.procedure.clear();
  const int last = static_cast<int>(s->patch.marks.size());  // the one set apart from the others
  for (int k = 1; k < last; ++k) {
    StrokeSpec one = all;
    one.mark = k;
    t.procedure.push_back(one);
  }
  const Grade g = play(s, t);
  REQUIRE(g.metrics);
  CHECK(g.metrics->mark_fraction[static_cast<std::size_t>(last - 1)] < 0.2);
  const auto& c = criterion(g, CriterionId::coverage);
  CHECK(c.score < c.threshold);
  CHECK_FALSE(g.passed);
}

TEST_CASE("coverage: carpeting the whole patch costs in proportion, with no cap") {
  const auto s = narrow_marks_case();
  TraineeScript t = reference_script(*s, 1.0);
  StrokeSpec carpet = t.procedure.front();
  carpet.kind = StrokeSpec::Kind::raster_region;
  carpet.region[0] = 2;
  carpet.region[1] = 2;
  carpet.region[2] = 78;
  carpet.region[3] = 58;
  carpet.spacing_mm = 2.0;
  t.procedure = {carpet};
  const Grade g = play(s, t);
  REQUIRE(g.metrics);
  CHECK(g.metrics->outside_fraction > 0.85);
  CHECK(criterion(g, CriterionId::coverage).score < 50.0);
  CHECK_FALSE(g.passed);
}

TEST_CASE("depth: 0.5 mm on a case that needs 1.5 mm fails depth however well it is done (D1-D3)") {
  const auto s = test::shipped_scenario("thigh_alba_severe");
  REQUIRE(s);
  const Grade shallow = play(s, reference_script(*s, 0.5));
  CHECK(criterion(shallow, CriterionId::depth).score == 0.0);
  CHECK_FALSE(shallow.passed);
  // A step outside loses a share but is not failed outright.
  const Grade step = play(s, reference_script(*s, 1.0));
  CHECK(criterion(step, CriterionId::depth).score < 70.0);
  CHECK(criterion(step, CriterionId::depth).score > 0.0);
  // 0.5 mm outside on the deep side fails too.
  const Grade deep = play(s, reference_script(*s, 2.25));
  CHECK(criterion(deep, CriterionId::depth).score == 0.0);
}

TEST_CASE("depth: the seed's 1.5 mm for severe striae passes although it reaches the fat under them (D3)") {
  const auto s = test::shipped_scenario("thigh_alba_severe");
  REQUIRE(s);
  for (const auto& m : s->patch.marks) CHECK(m.severity >= 0.6);  // severe marks, not mild ones called severe
  const Grade g = play(s, reference_script(*s, 1.5));
  REQUIRE(g.metrics);
  const auto fat = g.metrics->mark_punctures_by_layer[static_cast<std::size_t>(tissue::Layer::hypodermis)];
  CHECK(static_cast<double>(fat) > 0.5 * static_cast<double>(g.metrics->punctures_in_marks));
  CHECK(criterion(g, CriterionId::depth).score >= 90.0);
  CHECK(g.critical_errors.empty());
  CHECK(g.passed);
  // The debrief says what crossing the dermis means for the patient (P3, P5).
  bool explained = false;
  for (const auto& f : criterion(g, CriterionId::depth).feedback)
    explained = explained || (f.find("P5") != std::string::npos && f.find("P3") != std::string::npos);
  CHECK(explained);
}

TEST_CASE("every shipped case's own answer passes it at the ends and middle of its depths") {
  for (const std::string name : {"postpartum_abdomen_rubra", "thigh_alba_severe", "breast_fine_striae_young_adult"}) {
    CAPTURE(name);
    const auto s = test::shipped_scenario(name);
    REQUIRE(s);
    const auto problems = check_reference_attempts(s);
    for (const auto& p : problems) FAIL_CHECK(std::string(p.key + ": " + p.message));
  }
}

TEST_CASE("a critical error that rests on no finding or instruction must cite a clinical fact") {
  const std::string rule = R"(rubric:
  critical_errors:
    - kind: hypodermis_punctures
      max_fraction: 0.05
      message: Needles reached the fat.
)";
  auto missing = load_scenario_text(std::string(R"(dermasim_scenario: 1
id: x
title: Striae on the abdomen
patient: {name: A, age_years: 30, sex: female, fitzpatrick: 2, bmi_kg_m2: 23, goals: g, presentation: p}
site: {body_site: abdomen}
stretch_marks:
  - {type: rubra, x_mm: 60, y_mm: 40, angle_deg: 0, length_mm: 40, width_mm: 4, severity: 0.3}
answer_key: {findings: [], decision: proceed, needle_depth_mm: [0.75, 1.25]}
)") + rule,
                                    "x.yaml");
  CHECK_FALSE(missing.scenario);
  bool located = false;
  for (const auto& e : missing.errors) located = located || e.str().find("missing required key 'fact'") != std::string::npos;
  CHECK(located);
}

TEST_CASE("a case's own feedback for a criterion is shown when that criterion loses points") {
  const auto s = narrow_marks_case("feedback:\n  coverage: Every one of her marks needs needles in it.\n");
  TraineeScript t = reference_script(*s, 1.0);
  StrokeSpec first = t.procedure.front();
  first.mark = 1;  // only the first mark
  t.procedure = {first};
  const Grade g = play(s, t);
  const auto& c = criterion(g, CriterionId::coverage);
  REQUIRE(!c.feedback.empty());
  CHECK(c.feedback.front() == "Every one of her marks needs needles in it.");
  // Not shown where nothing was lost.
  for (const auto& f : criterion(g, CriterionId::screening).feedback) CHECK(f.find("needs needles") == std::string::npos);
}

TEST_CASE("aftercare: ticking every instruction in the catalogue fails the criterion") {
  const auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  TraineeScript t = reference_script(*s, 1.0);
  t.procedure.clear();  // the procedure does not matter here
  t.aftercare->instructions.clear();
  for (const Instruction& i : instruction_catalog()) t.aftercare->instructions.emplace_back(i.id);
  const Grade g = play(s, t);
  const auto& c = criterion(g, CriterionId::aftercare);
  CHECK(c.score < c.threshold);
  CHECK_FALSE(g.passed);
}

TEST_CASE("screening: flagging every history item costs each false alarm") {
  const auto s = test::shipped_scenario("postpartum_abdomen_rubra");
  REQUIRE(s);
  TraineeScript t = reference_script(*s, 1.0);
  t.procedure.clear();
  for (const auto& item : s->history) t.consultation.findings.push_back(item.id);
  const Grade g = play(s, t);
  const auto& c = criterion(g, CriterionId::screening);
  const double false_alarms = static_cast<double>(s->history.size());  // the key lists none
  CHECK(c.score == doctest::Approx(100.0 - scoring::false_alarm_points * false_alarms));
}
