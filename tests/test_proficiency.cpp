// Issue 15: expert benchmarks (mean -/+ 2 SD, clipped), the benchmark file and
// its bad input, proficiency (two consecutive attempts at the benchmark), the
// Bernoulli CUSUM and the `mastered` statement queued with the attempt that
// reaches proficiency.
#include <doctest/doctest.h>

#include <cmath>

#include "record/benchmark.hpp"
#include "record/benchmark_store.hpp"
#include "record/course_progress.hpp"
#include "record/json_reader.hpp"
#include "record/migrations.hpp"
#include "record/proficiency.hpp"
#include "records_helpers.hpp"
#include "scenario/course.hpp"

using namespace dermasim;

namespace {

// A graded attempt with a procedure: `coverage` and `drags` vary, the rest is a clean pass.
scenario::Grade procedure_grade(double total, double coverage, int drags, bool passed = true) {
  scenario::Grade g = test::made_up_grade(total, passed, total);
  scenario::ProcedureMetrics m;
  m.coverage_fraction = coverage;
  m.drag_events = drags;
  m.steps = 90000;
  g.metrics = m;
  return g;
}

std::string attempt(record::ProgressDb& db, const std::string& who, int minute, const scenario::Grade& g,
                    bool completed = true, const std::string& scenario_id = "postpartum_abdomen_rubra",
                    scenario::Mode mode = scenario::Mode::practice) {
  record::AttemptStart s;
  s.trainee = who;
  s.scenario_id = scenario_id;
  s.mode = mode;
  s.scenario_hash = "0123456789abcdef";
  char when[32];
  std::snprintf(when, sizeof when, "2026-03-01T10:%02d:00Z", minute);
  s.started_utc = when;
  const auto id = db.record_attempt_started(s);
  record::AttemptEnd e;
  std::snprintf(when, sizeof when, "2026-03-01T10:%02d:30Z", minute);
  e.ended_utc = when;
  e.completed = completed;
  db.record_attempt_finished(id, g, e);
  return id;
}

int mastered_count(record::ProgressDb& db) {
  int n = 0;
  for (const auto& s : db.statements())
    if (s.verb == "mastered") ++n;
  return n;
}

}  // namespace

TEST_CASE("a benchmark is the experts' mean less 2 SD (more is better) or plus 2 SD (errors), clipped to range") {
  const std::vector<scenario::Grade> experts = {procedure_grade(90, 0.80, 0), procedure_grade(94, 0.90, 1),
                                                procedure_grade(98, 0.30, 2)};
  const record::Benchmark b = record::build_benchmark("postpartum_abdomen_rubra", "abc", experts);
  const auto* total = b.find("total");
  REQUIRE(total);
  CHECK(total->n == 3);
  CHECK(total->mean == doctest::Approx(94.0));
  CHECK(total->sd == doctest::Approx(4.0));  // sample SD of 90, 94, 98
  CHECK(total->benchmark == doctest::Approx(86.0));
  const auto* drags = b.find("drag_events");
  REQUIRE(drags);
  CHECK_FALSE(drags->higher_is_better);
  CHECK(drags->benchmark == doctest::Approx(1.0 + 2.0 * 1.0));
  // 0.667 - 2 x 0.321 stays above 0; a wider spread is clipped at 0.
  const auto* cov = b.find("coverage_fraction");
  REQUIRE(cov);
  CHECK(cov->benchmark >= 0.0);
  const record::Benchmark wide = record::build_benchmark(
      "x", "h", {procedure_grade(90, 0.95, 0), procedure_grade(90, 0.05, 0), procedure_grade(90, 0.5, 0)});
  CHECK(wide.find("coverage_fraction")->benchmark == 0.0);
  CHECK(wide.find("total")->benchmark == doctest::Approx(90.0));  // no spread: the bar is the experts' value
  CHECK(wide.find("total")->met_by(90.0));
  CHECK_FALSE(wide.find("total")->met_by(89.99));
  CHECK(b.find("aftercare_score") == nullptr);  // not applicable in these grades: not benchmarked
  CHECK_THROWS_WITH_AS(record::build_benchmark("x", "h", {experts[0], experts[1]}),
                       doctest::Contains("at least 3 expert recordings"), std::invalid_argument);
}

TEST_CASE("a benchmark file reads back exactly - damaged ones name the byte") {
  record::Benchmark b = record::build_benchmark(
      "postpartum_abdomen_rubra", "abc", {procedure_grade(90, 0.8, 0), procedure_grade(93, 0.7, 1), procedure_grade(97, 0.9, 0)});
  b.recordings = {"a.dsrec", "b.dsrec", "c.dsrec"};
  const std::string text = record::benchmark_json(b);
  const record::Benchmark back = record::parse_benchmark(text, "b.json");
  CHECK(back.scenario_hash == "abc");
  REQUIRE(back.metrics.size() == b.metrics.size());
  for (std::size_t i = 0; i < b.metrics.size(); ++i) {
    CHECK(back.metrics[i].metric == b.metrics[i].metric);
    CHECK(back.metrics[i].benchmark == b.metrics[i].benchmark);  // bit for bit
    CHECK(back.metrics[i].sd == b.metrics[i].sd);
  }
  CHECK(back.recordings.size() == 3);
  CHECK_THROWS_WITH_AS(record::parse_benchmark("{\"dermasim_benchmark\": 1,\n \"scenario_id\": ", "f.json"),
                       "f.json: byte 42: unexpected end of file", record::JsonError);
  CHECK_THROWS_WITH_AS(record::parse_benchmark("[1, 2", "f.json"), doctest::Contains("f.json: byte 5:"), record::JsonError);
  std::string unknown = text;
  unknown.replace(unknown.find("\"total\""), 7, "\"tutal\"");
  CHECK_THROWS_WITH_AS(record::parse_benchmark(unknown, "f.json"), doctest::Contains("unknown metric \"tutal\""),
                       record::JsonError);
  std::string flipped = text;
  flipped.replace(flipped.find("\"better\":\"lower\""), 16, "\"better\":\"higher\"");
  CHECK_THROWS_AS(record::parse_benchmark(flipped, "f.json"), record::JsonError);
  CHECK_THROWS_AS(record::parse_json(std::string(200, '['), "deep.json"), record::JsonError);  // depth-bounded
  CHECK_THROWS_AS(record::parse_json("{\"a\": 1e999}", "f.json"), record::JsonError);          // no infinities
}

TEST_CASE("Bernoulli CUSUM: s, decision limits and signals for 5% and 15% failure rates") {
  const record::CusumSettings c;
  const auto chart = record::cusum({true, true, true}, c);
  // P = ln 3, Q = ln(0.95/0.85): s = Q/(P+Q); h1 = ln(0.8/0.05)/(P+Q); h0 = -ln(0.95/0.2)/(P+Q).
  const double P = std::log(3.0), Q = std::log(0.95 / 0.85);
  CHECK(chart.s == doctest::Approx(Q / (P + Q)));
  CHECK(chart.s == doctest::Approx(0.0919).epsilon(0.001));
  CHECK(chart.h1 == doctest::Approx(2.292).epsilon(0.001));
  CHECK(chart.h0 == doctest::Approx(-1.288).epsilon(0.001));
  REQUIRE(chart.values.size() == 3);
  CHECK(chart.values[0] == doctest::Approx(1.0 - chart.s));
  CHECK(chart.signal == "unacceptable");  // three failures in a row cross h1
  CHECK(record::cusum(std::vector<bool>(15, false), c).signal == "acceptable");  // 15 x 0.0919 > 1.288
  CHECK(record::cusum(std::vector<bool>(14, false), c).signal == "undecided");   // 14 x 0.0919 < 1.288
  record::CusumSettings bad;
  bad.acceptable_rate = 0.2;
  bad.unacceptable_rate = 0.1;
  CHECK_FALSE(bad.problem().empty());
  CHECK_THROWS_AS(record::cusum({}, bad), std::invalid_argument);
}

TEST_CASE("two consecutive attempts at the benchmark make a trainee proficient - good, poor, good does not") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  CHECK(db.sqlite().user_version() == record::latest_schema_version);
  // Before any benchmark: nobody is proficient, however good.
  attempt(db, "Cleo", 1, procedure_grade(95, 0.9, 0));
  attempt(db, "Cleo", 2, procedure_grade(95, 0.9, 0));
  auto rows = record::proficiency(db);
  REQUIRE(rows.size() == 1);
  CHECK_FALSE(rows[0].proficient);
  CHECK_FALSE(rows[0].benchmark);

  record::Benchmark b = record::build_benchmark(
      "postpartum_abdomen_rubra", "0123456789abcdef",
      {procedure_grade(90, 0.85, 0), procedure_grade(94, 0.90, 1), procedure_grade(98, 0.95, 0)});
  const std::string bytes = record::benchmark_json(b);
  CHECK(record::import_benchmark(db.sqlite(), b, bytes, "Dr. Lee", "bench.json", "2026-03-01T09:00:00Z"));
  CHECK_FALSE(record::import_benchmark(db.sqlite(), b, bytes, "Dr. Lee", "bench.json"));  // same file: once
  const auto stored = record::current_benchmark(db.sqlite(), "postpartum_abdomen_rubra");
  REQUIRE(stored);
  CHECK(stored->set_by == "Dr. Lee");
  CHECK(stored->set_utc == "2026-03-01T09:00:00Z");
  CHECK(stored->benchmark.metrics.size() == b.metrics.size());

  const scenario::Grade good = procedure_grade(95, 0.92, 0);
  const scenario::Grade poor = procedure_grade(72, 0.40, 3);  // passes, but far from the experts
  attempt(db, "Ana", 10, good);
  CHECK(mastered_count(db) == 0);
  attempt(db, "Ana", 11, procedure_grade(90, 0.5, 0), false);  // interrupted: neither counts nor breaks the run
  const auto second = attempt(db, "Ana", 12, good);
  CHECK(mastered_count(db) == 1);  // queued with the attempt that reached it
  attempt(db, "Ana", 13, good);
  CHECK(mastered_count(db) == 1);  // said once
  bool on_second = false;
  for (const auto& s : db.statements(second))
    if (s.verb == "mastered") on_second = s.body.find(b.id) != std::string::npos;
  CHECK(on_second);

  attempt(db, "Ben", 20, good);
  attempt(db, "Ben", 21, poor);
  attempt(db, "Ben", 22, good);
  attempt(db, "Dee", 30, good);
  attempt(db, "Dee", 31, procedure_grade(95, 0.92, 0, false));  // an instructor-failed or failed attempt: not
  CHECK(mastered_count(db) == 1);

  rows = record::proficiency(db);
  REQUIRE(rows.size() == 4);
  const auto& ana = rows[0];
  CHECK(ana.trainee == "Ana");
  CHECK(ana.attempts == 3);
  CHECK(ana.proficient);
  CHECK(*ana.attempts_to_proficiency == 2);
  CHECK(ana.short_of.empty());
  const auto& ben = rows[1];
  CHECK(ben.trainee == "Ben");
  CHECK(ben.attempts == 3);
  CHECK_FALSE(ben.proficient);
  CHECK_FALSE(ben.attempts_to_proficiency);
  REQUIRE(ben.history.size() == 3);
  CHECK(ben.history[1].failure);
  CHECK(ben.history[1].short_of == std::vector<std::string>{"total", "depth_score", "coverage_score",
                                                            "technique_score", "screening_score",
                                                            "coverage_fraction", "drag_events"});
  CHECK(ben.cusum.values.size() == 3);
  CHECK(ben.cusum.values[1] == doctest::Approx(1.0 - 2.0 * ben.cusum.s));
  // Cleo's attempts came before the benchmark; they are judged against the
  // standing one (no `mastered` statement is sent for them: see README).
  CHECK(rows[2].trainee == "Cleo");
  CHECK(rows[2].proficient);
  CHECK_FALSE(rows[3].proficient);  // Dee: the second did not pass

  const std::string json = record::proficiency_json(rows, {});
  const record::JsonValue doc = record::parse_json(json, "proficiency.json");
  REQUIRE(doc.array());
  REQUIRE(doc.array()->size() == 4);
  const record::JsonValue& j0 = (*doc.array())[0];
  for (const char* key : {"trainee", "scenario_id", "attempts", "attempts_to_proficiency", "proficient", "short_of", "cusum"})
    CHECK_MESSAGE(j0.find(key), key);
  CHECK(*j0.find("proficient")->boolean());
  CHECK(*j0.find("attempts_to_proficiency")->number() == 2);
  CHECK((*doc.array())[1].find("attempts_to_proficiency")->is_null());

  // Another station merging this database gets the benchmark and the metrics: the same verdicts.
  record::ProgressDb other(dir.file("other.db"));
  other.import_from(dir.file("p.db"));
  const auto merged = record::proficiency(other);
  REQUIRE(merged.size() == 4);
  CHECK(merged[0].proficient);
  CHECK(merged[1].history[1].short_of == ben.history[1].short_of);
}

TEST_CASE("a course plan loads with its order - bad plans are refused at the line") {
  const auto good = scenario::load_course_text(
      "dermasim_course: 1\nid: c\ncases:\n  - scenario: a\n    mode: practice\n  - scenario: b\n    mode: assessment\n"
      "  - scenario: c\n    mode: practice\n    after: [a]\n    unlock: proficient\n",
      "c.yaml");
  REQUIRE(good.course);
  REQUIRE(good.course->cases.size() == 3);
  CHECK(good.course->cases[0].after.empty());
  CHECK(good.course->cases[1].after == std::vector<std::string>{"a"});  // the previous case by default
  CHECK(good.course->cases[1].mode == scenario::CaseMode::assessment);
  CHECK(good.course->cases[2].unlock == scenario::UnlockRule::proficient);

  const auto bad = scenario::load_course_text(
      "dermasim_course: 1\nid: c\ncases:\n  - scenario: a\n    mode: exam\n  - scenario: b\n    mode: practice\n"
      "    after: [z]\n  - scenario: a\n    mode: practice\n",
      "bad.yaml");
  CHECK_FALSE(bad.course);
  REQUIRE(bad.errors.size() == 3);
  CHECK(bad.errors[0].str().find("bad.yaml:5:") == 0);  // mode: exam
  CHECK(bad.errors[0].message.find("'exam' is not one of practice or assessment") != std::string::npos);
  CHECK(bad.errors[1].message.find("'z' is not an earlier case") != std::string::npos);
  CHECK(bad.errors[2].message.find("already in this course") != std::string::npos);
  const auto missing = scenario::load_course_file(std::string(DERMASIM_SOURCE_DIR) + "/courses/microneedling_foundations.yaml",
                                                  std::string(DERMASIM_SOURCE_DIR) + "/scenarios");
  CHECK(missing.errors.empty());
  CHECK_FALSE(scenario::load_course_text("dermasim_course: 1\nid: c\ncases:\n  - scenario: nowhere\n    mode: practice\n",
                                         "n.yaml", std::string(DERMASIM_SOURCE_DIR) + "/scenarios")
                  .course);
}

TEST_CASE("a course case unlocks when its prerequisites are passed or proficient - and says why not") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  const auto plan = scenario::load_course_text(
      "dermasim_course: 1\nid: c\ncases:\n  - scenario: postpartum_abdomen_rubra\n    mode: practice\n"
      "  - scenario: b\n    mode: practice\n  - scenario: c\n    mode: assessment\n    after: [postpartum_abdomen_rubra]\n"
      "    unlock: proficient\n",
      "c.yaml");
  REQUIRE(plan.course);
  auto access = record::course_access(db, *plan.course, "Ana");
  CHECK(access[0].unlocked);
  CHECK_FALSE(access[1].unlocked);
  CHECK(access[1].why == "waits for postpartum_abdomen_rubra to be passed");
  record::Benchmark b = record::build_benchmark(
      "postpartum_abdomen_rubra", "h", {procedure_grade(90, 0.85, 0), procedure_grade(94, 0.9, 1), procedure_grade(98, 0.95, 0)});
  record::import_benchmark(db.sqlite(), b, record::benchmark_json(b), "Dr. Lee", "b.json");
  attempt(db, "Ana", 1, procedure_grade(95, 0.92, 0));
  access = record::course_access(db, *plan.course, "Ana");
  CHECK(access[1].unlocked);  // passed once
  CHECK_FALSE(access[2].unlocked);
  CHECK(access[2].why == "waits for postpartum_abdomen_rubra to reach proficiency");
  attempt(db, "Ana", 2, procedure_grade(95, 0.92, 0));
  access = record::course_access(db, *plan.course, "Ana");
  CHECK(access[0].proficient);
  CHECK(access[2].unlocked);
}

TEST_CASE("a course's assessment case is earned only in assessment - practice passes, with their hints, unlock nothing") {
  // The gaming attempt: pass the assessment case twice in practice mode (with
  // the depth guide, the gauges' bands and the live coverage map) and expect
  // the case after it to open.
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  const auto plan = scenario::load_course_text(
      "dermasim_course: 1\nid: c\ncases:\n  - scenario: postpartum_abdomen_rubra\n    mode: assessment\n"
      "  - scenario: b\n    mode: practice\n  - scenario: c\n    mode: practice\n    after: [postpartum_abdomen_rubra]\n"
      "    unlock: proficient\n",
      "c.yaml");
  REQUIRE(plan.course);
  record::Benchmark b = record::build_benchmark(
      "postpartum_abdomen_rubra", "h", {procedure_grade(90, 0.85, 0), procedure_grade(94, 0.9, 1), procedure_grade(98, 0.95, 0)});
  record::import_benchmark(db.sqlite(), b, record::benchmark_json(b), "Dr. Lee", "b.json");
  attempt(db, "Ana", 1, procedure_grade(95, 0.92, 0));
  attempt(db, "Ana", 2, procedure_grade(95, 0.92, 0));
  auto access = record::course_access(db, *plan.course, "Ana");
  CHECK_FALSE(access[0].passed);
  CHECK_FALSE(access[0].proficient);
  CHECK_FALSE(access[1].unlocked);
  CHECK(access[1].waits_for == std::vector<std::string>{"postpartum_abdomen_rubra"});
  CHECK(access[1].why == "waits for postpartum_abdomen_rubra to be passed in assessment mode");
  CHECK_FALSE(access[2].unlocked);
  // Outside the plan the same attempts still make her proficient on the case.
  CHECK(record::proficiency(db, {}, "Ana").front().proficient);

  // One assessment pass earns the case; two consecutive ones at the benchmark make her proficient there.
  attempt(db, "Ana", 3, procedure_grade(95, 0.92, 0), true, "postpartum_abdomen_rubra", scenario::Mode::assessment);
  access = record::course_access(db, *plan.course, "Ana");
  CHECK(access[0].passed);
  CHECK(access[1].unlocked);
  CHECK_FALSE(access[2].unlocked);
  attempt(db, "Ana", 4, procedure_grade(95, 0.92, 0), true, "postpartum_abdomen_rubra", scenario::Mode::assessment);
  access = record::course_access(db, *plan.course, "Ana");
  CHECK(access[0].proficient);
  CHECK(access[2].unlocked);

  // A practice case counts an assessment attempt: it had fewer aids, not more.
  attempt(db, "Ana", 5, procedure_grade(95, 0.92, 0), true, "b", scenario::Mode::assessment);
  CHECK(record::course_access(db, *plan.course, "Ana")[1].passed);
}
