// Issue 14, records of treatment courses: a course attempt stored with its
// visits, read back, told as xAPI statements, stored once when added again,
// imported into another station's database, and refused when forged. Courses
// here are made up on the spot (a real `simulate` takes seconds; the CLI test
// tests/records_courses.cmake stores real ones).
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "record/migrations.hpp"
#include "record/progress_db.hpp"
#include "record/recorded_course.hpp"
#include "record/sqlite_db.hpp"
#include "records_helpers.hpp"

using namespace dermasim;

namespace {

constexpr const char* course_id = "course_postpartum_rubra_series";

struct MadeUpCourse {
  scenario::CourseGrade grade;
  record::CourseRecording rec;
};

/// `visits` visits four weeks apart; visit 2 fails when `failing_visit`.
MadeUpCourse made_up_course(int visits, bool failing_visit = false) {
  MadeUpCourse c;
  c.grade.scenario_id = course_id;
  c.grade.scenario_title = "Postpartum striae rubra, a series";
  for (int i = 0; i < visits; ++i) {
    scenario::PlayedVisit v;
    v.findings.visit = i + 1;
    v.findings.day = 28.0 * i;
    v.attempt.answers.consultation = scenario::ConsultationAnswers{};
    v.attempt.answers.consultation->decision = i == visits - 1 ? scenario::Decision::defer : scenario::Decision::proceed;
    if (i + 1 < visits) v.attempt.return_in_weeks = 4.0;
    const bool fail = failing_visit && i == 1;
    v.grade = test::made_up_grade(fail ? 55.0 : 80.0 + i, !fail, 70.0 + i, fail);
    v.grade.scenario_id = course_id;
    c.grade.visits.push_back(v);
    record::RecordedVisit rv;
    rv.attempt.scenario_id = course_id;
    rv.attempt.scenario_hash = "h";
    rv.attempt.trainee = "script";
    rv.attempt.started_utc = "2026-03-0" + std::to_string(i + 1) + "T10:00:00Z";
    rv.attempt.commands.resize(static_cast<std::size_t>(1000 * (i + 2)));  // 2 s, 3 s, ...
    rv.attempt.answers = v.attempt.answers;
    rv.return_in_weeks = v.attempt.return_in_weeks;
    c.rec.visits.push_back(rv);
  }
  c.grade.criteria = {{"series", 90.0, 50.0, 60.0, {}, {}}, {"outcome", 70.0, 50.0, 50.0, {}, {}}};
  c.grade.outcome.treatments = visits - 1;
  c.grade.outcome.day = 28.0 * (visits - 1) + 84.0;
  c.grade.outcome.improvement_percent = 41.5;
  c.grade.key_outcome.improvement_percent = 47.25;
  c.grade.total = failing_visit ? 62.0 : 81.0;
  c.grade.pass_mark = 70.0;
  c.grade.passed = !failing_visit;
  return c;
}

void exec(const std::string& file, const char* sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &h) == SQLITE_OK);
  CHECK(sqlite3_exec(h, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
}

std::string verb_of(const record::XapiStatement& s) { return s.verb; }

}  // namespace

TEST_CASE("a stored course reads back with every visit's grade, criteria, decision and return interval") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  const MadeUpCourse c = made_up_course(3, true);
  const auto stored = record::store_course_attempt(db, c.grade, c.rec, "/r/c.dscrs", "Ana");
  CHECK(stored.added);
  const auto a = db.attempt(stored.attempt_uuid);
  REQUIRE(a);
  CHECK(a->trainee == "Ana");
  CHECK(a->scenario_id == course_id);
  CHECK(a->status == record::AttemptStatus::completed);
  CHECK(*a->total == doctest::Approx(62.0));
  CHECK_FALSE(*a->passed);
  CHECK(a->started_utc == "2026-03-01T10:00:00Z");
  CHECK(*a->duration_s == doctest::Approx(2.0 + 3.0 + 4.0));
  REQUIRE(a->criteria.size() == 2);
  CHECK(a->criteria[0].criterion == "series");
  CHECK(a->criteria[1].criterion == "outcome");
  REQUIRE(a->critical_errors.size() == 1);
  CHECK(a->critical_errors[0].message.starts_with("visit 2: "));
  REQUIRE(a->treatment_course);
  const auto& t = *a->treatment_course;
  CHECK(t.treatments == 2);
  CHECK(t.improvement_percent == doctest::Approx(41.5));
  CHECK(t.key_improvement_percent == doctest::Approx(47.25));
  REQUIRE(t.visits.size() == 3);
  CHECK(t.visits[0].visit == 1);
  CHECK(t.visits[1].day == doctest::Approx(28.0));
  CHECK(t.visits[1].total == doctest::Approx(55.0));
  CHECK_FALSE(t.visits[1].passed);
  CHECK(t.visits[1].critical_errors.size() == 1);
  CHECK(t.visits[0].decision == "proceed");
  CHECK(t.visits[2].decision == "defer");
  CHECK(*t.visits[0].return_in_weeks == doctest::Approx(4.0));
  CHECK_FALSE(t.visits[2].return_in_weeks);
  REQUIRE(t.visits[2].criteria.size() == static_cast<std::size_t>(scenario::criterion_count));
  CHECK(t.visits[2].criteria[0].criterion == "depth");
  CHECK(t.visits[2].criteria[0].score == doctest::Approx(72.0));
  CHECK(t.visits[2].duration_s == doctest::Approx(4.0));
  const auto cells = db.cohort();
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].latest_visits == 3);
}

TEST_CASE("a course's statements: one registration, initialized, a statement per visit, the verdict, completed, terminated") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  const MadeUpCourse c = made_up_course(3, true);
  const auto stored = record::store_course_attempt(db, c.grade, c.rec, "/r/c.dscrs", "Ana");
  const auto queued = db.statements(stored.attempt_uuid);
  const auto told = record::course_attempt_statements(c.grade, c.rec, {}, "Ana");
  REQUIRE(told.size() == 7);
  std::vector<std::string> verbs;
  for (const auto& s : told) verbs.push_back(verb_of(s));
  // Visits are "scored" (cmi5 allowed statements), never a second verdict.
  CHECK(verbs == std::vector<std::string>{"initialized", "scored", "scored", "scored", "failed", "completed", "terminated"});
  REQUIRE(queued.size() == told.size());
  for (std::size_t i = 0; i < told.size(); ++i) {
    // The same statements whether told from the file or queued by the database.
    CHECK(queued[i].body == told[i].json);
    CHECK(told[i].json.find("\"registration\":\"" + stored.attempt_uuid + "\"") != std::string::npos);
  }
  CHECK(told[1].json.find("/scenarios/course_postpartum_rubra_series/visits/1\"") != std::string::npos);
  CHECK(told[2].json.find("/xapi/extensions/visit-result\":{\"decision\":\"proceed\"") != std::string::npos);
  // Each visit's own verdict is its result.success: visit 2 of the made-up course failed.
  CHECK(told[1].json.find("\"success\":true") != std::string::npos);
  CHECK(told[2].json.find("\"success\":false") != std::string::npos);
  CHECK(told[1].json.find("cmi5/context/categories/cmi5") == std::string::npos);
  CHECK(told[4].json.find("\"key_improvement_percent\":47.25") != std::string::npos);
  CHECK(told[4].json.find("/visits/") == std::string::npos);  // the verdict is the course's
}

TEST_CASE("the same course stored twice is one attempt with one set of statements") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  const MadeUpCourse c = made_up_course(2);
  const auto first = record::store_course_attempt(db, c.grade, c.rec, "a.dscrs", "Ana");
  const auto again = record::store_course_attempt(db, c.grade, c.rec, "b.dscrs", "Ana");
  CHECK(first.added);
  CHECK_FALSE(again.added);
  CHECK(again.attempt_uuid == first.attempt_uuid);
  CHECK(db.attempts().size() == 1);
  CHECK(db.statements("").size() == 6);
  // Another trainee's copy of the same file is their own attempt.
  CHECK(record::store_course_attempt(db, c.grade, c.rec, "a.dscrs", "Bo").attempt_uuid != first.attempt_uuid);
}

TEST_CASE("a course recording that does not match the case's course is refused and nothing is stored") {
  test::ScratchDir dir;
  record::ProgressDb db(dir.file("p.db"));
  MadeUpCourse c = made_up_course(3);
  MadeUpCourse fewer = c;
  fewer.rec.visits.pop_back();
  CHECK_THROWS_WITH_AS(record::store_course_attempt(db, fewer.grade, fewer.rec, "c.dscrs", "Ana"),
                       doctest::Contains("holds 2 visit(s) but the case's course played 3"), std::invalid_argument);
  MadeUpCourse other = c;
  other.rec.visits[1].attempt.scenario_id = "postpartum_abdomen_rubra";
  CHECK_THROWS_WITH_AS(record::store_course_attempt(db, other.grade, other.rec, "c.dscrs", "Ana"),
                       doctest::Contains("visit 2 is of scenario 'postpartum_abdomen_rubra'"), std::invalid_argument);
  MadeUpCourse back_in_time = c;
  back_in_time.rec.visits[2].attempt.started_utc = "2026-02-01T10:00:00Z";
  CHECK_THROWS_WITH_AS(record::store_course_attempt(db, back_in_time.grade, back_in_time.rec, "c.dscrs", "Ana"),
                       doctest::Contains("visit 3 starts at 2026-02-01T10:00:00Z, before the visit before it"),
                       std::invalid_argument);
  CHECK(db.attempts().empty());
  CHECK(db.statements("").empty());
}

TEST_CASE("a course imports into another station's database with its visits - once") {
  test::ScratchDir dir;
  const std::string station = dir.file("station.db"), other = dir.file("other.db");
  const MadeUpCourse c = made_up_course(3);
  std::string uuid;
  {
    record::ProgressDb db(other);
    uuid = record::store_course_attempt(db, c.grade, c.rec, "c.dscrs", "Ana").attempt_uuid;
  }
  record::ProgressDb db(station);
  const auto stats = db.import_from(other);
  CHECK(stats.attempts_added == 1);
  CHECK(stats.statements_added == 7);  // 3 visits + initialized, verdict, completed, terminated
  const auto a = db.attempt(uuid);
  REQUIRE(a);
  REQUIRE(a->treatment_course);
  CHECK(a->treatment_course->visits.size() == 3);
  CHECK(a->treatment_course->visits[1].criteria.size() == static_cast<std::size_t>(scenario::criterion_count));
  CHECK(db.import_from(other).attempts_skipped == 1);
  CHECK(db.attempts().size() == 1);
  CHECK(db.cohort().at(0).latest_visits == 3);
}

TEST_CASE("an imported course with broken visit numbering or forged visit times is refused and nothing merges") {
  test::ScratchDir dir;
  const std::string station = dir.file("station.db"), other = dir.file("other.db");
  {
    record::ProgressDb db(other);
    record::store_course_attempt(db, made_up_course(3).grade, made_up_course(3).rec, "c.dscrs", "Ana");
    db.record_attempt_started({.trainee = "Bo", .scenario_id = "s", .recording_path = "r.dsrec"});
  }
  record::ProgressDb db(station);
  // Visit 2 renumbered 5: a gap. The editing connection has no foreign keys on.
  exec(other, "UPDATE treatment_visits SET visit = 5 WHERE visit = 2");
  CHECK_THROWS_WITH_AS(db.import_from(other), doctest::Contains("visits are not numbered 1, 2, ... in order: visit 2 is 3"),
                       record::DbError);
  CHECK(db.attempts().empty());
  exec(other, "UPDATE treatment_visits SET visit = 2 WHERE visit = 5; "
              "UPDATE treatment_visits SET started_utc = '2031-01-01T00:00:00Z' WHERE visit = 3");
  CHECK_THROWS_WITH_AS(db.import_from(other), doctest::Contains("visit 3 starts at 2031-01-01T00:00:00Z, outside its course"),
                       record::DbError);
  exec(other, "UPDATE treatment_visits SET started_utc = 'yesterday' WHERE visit = 3");
  CHECK_THROWS_WITH_AS(db.import_from(other), doctest::Contains("visit 3 has no valid start time"), record::DbError);
  CHECK(db.attempts().empty());
  CHECK(db.statements("").empty());
  // Mended, it imports.
  exec(other, "UPDATE treatment_visits SET started_utc = '2026-03-03T10:00:00Z' WHERE visit = 3");
  CHECK(db.import_from(other).attempts_added == 2);
}

namespace {
/// A database exactly as a version 4 build left it, with one single attempt.
void make_v4_database(const std::string& path) {
  record::SqliteDb old(path, true);
  for (int v = 1; v <= 4; ++v) old.exec(record::migration_sql(v));
  old.exec("PRAGMA user_version = 4");
  old.exec("INSERT INTO trainees (name, created_utc) VALUES ('Ana', '2024-01-01T00:00:00Z')");
  old.exec("INSERT INTO attempts (uuid, trainee_id, scenario_id, scenario_hash, started_utc, ended_utc, status, total, "
           "passed) VALUES ('11111111-2222-4333-8444-555555555555', 1, 'postpartum_abdomen_rubra', 'h', "
           "'2024-01-01T10:00:00Z', '2024-01-01T10:20:00Z', 'completed', 81.5, 1)");
}
}  // namespace

TEST_CASE("a version 4 database migrates to 5 keeping its attempts, and then stores courses") {
  test::ScratchDir dir;
  const std::string path = dir.file("old.db");
  make_v4_database(path);
  {
    record::SqliteDb old(path, true);
    CHECK_THROWS(old.exec("SELECT * FROM treatment_visits"));  // v4 had no courses
  }
  record::ProgressDb db(path);
  CHECK(db.sqlite().user_version() == 5);
  const auto single = db.attempt("11111111-2222-4333-8444-555555555555");
  REQUIRE(single);
  CHECK_FALSE(single->treatment_course);
  CHECK(*single->total == doctest::Approx(81.5));
  const MadeUpCourse c = made_up_course(2);
  CHECK(record::store_course_attempt(db, c.grade, c.rec, "c.dscrs", "Ana").added);
  CHECK(db.attempts().size() == 2);
}

TEST_CASE("an older station's version 4 file imports into a version 5 database") {
  test::ScratchDir dir;
  const std::string old = dir.file("old.db");
  make_v4_database(old);
  record::ProgressDb db(dir.file("station.db"));
  CHECK(db.import_from(old).attempts_added == 1);
  const auto a = db.attempt("11111111-2222-4333-8444-555555555555");
  REQUIRE(a);
  CHECK_FALSE(a->treatment_course);
  CHECK(db.cohort().at(0).latest_visits == 0);
}
