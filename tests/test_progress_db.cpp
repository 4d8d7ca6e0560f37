// The progress database: creation (XDG, WAL), migrations from an older
// schema, the attempt lifecycle, progress queries, the cohort, and the
// instructor's override audit trail that the database keeps append-only.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "record/migrations.hpp"
#include "record/progress_db.hpp"
#include "records_helpers.hpp"

using namespace dermasim;
using record::ProgressDb;

namespace {

record::AttemptStart start_of(const std::string& trainee, const std::string& when, const std::string& scenario = "postpartum_abdomen_rubra") {
  record::AttemptStart s;
  s.trainee = trainee;
  s.scenario_id = scenario;
  s.scenario_hash = "0123456789abcdef";
  s.recording_path = "/recordings/" + trainee + ".dsrec";
  s.started_utc = when;
  return s;
}

std::string finished(ProgressDb& db, const std::string& trainee, const std::string& when, double total, bool passed,
                     bool critical = false, const std::string& scenario = "postpartum_abdomen_rubra") {
  const auto id = db.record_attempt_started(start_of(trainee, when, scenario));
  record::AttemptEnd end;
  end.ended_utc = when.substr(0, 14) + "30:00Z";
  db.record_attempt_finished(id, test::made_up_grade(total, passed, total, critical), end);
  return id;
}

std::string text_of(record::SqliteDb& db, const std::string& sql) {
  record::Statement st(db, sql);
  return st.step() ? st.text(0) : std::string();
}

}  // namespace

TEST_CASE("the database is created on first use in the XDG data directory with WAL and foreign keys") {
  test::ScratchDir dir;
  const char* old = std::getenv("XDG_DATA_HOME");
  const std::string saved = old ? old : "";
  setenv("XDG_DATA_HOME", dir.path.c_str(), 1);
  const std::string path = record::default_db_path();
  CHECK(path == dir.file("dermasim/progress.db"));
  setenv("XDG_DATA_HOME", "relative/ignored", 1);  // the spec says: ignore a relative path
  const char* home = std::getenv("HOME");
  if (home) CHECK(record::default_db_path() == std::string(home) + "/.local/share/dermasim/progress.db");
  if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1); else unsetenv("XDG_DATA_HOME");

  ProgressDb db(path);
  CHECK(std::filesystem::exists(path));
  CHECK(text_of(db.sqlite(), "PRAGMA journal_mode") == "wal");
  CHECK(text_of(db.sqlite(), "PRAGMA foreign_keys") == "1");
  CHECK(db.sqlite().user_version() == record::latest_schema_version);
  // Foreign keys are enforced: no score for an attempt that does not exist.
  CHECK_THROWS_AS(db.sqlite().exec("INSERT INTO criterion_scores VALUES ('nope', 'depth', 1, 1, 1, 1)"), record::DbError);
}

TEST_CASE("a version 1 database made by an older build opens - migrates and keeps its data") {
  test::ScratchDir dir;
  const std::string path = dir.file("old.db");
  {
    // Exactly what build 1 wrote: migration 1 only, user_version 1.
    record::SqliteDb old(path, true);
    old.exec(record::migration_sql(1));
    old.exec("PRAGMA user_version = 1");
    old.exec("INSERT INTO trainees (name, created_utc) VALUES ('Ana', '2024-01-01T00:00:00Z')");
    old.exec("INSERT INTO attempts (uuid, trainee_id, scenario_id, scenario_hash, started_utc, ended_utc, status, total, "
             "passed) VALUES ('11111111-2222-4333-8444-555555555555', 1, 'postpartum_abdomen_rubra', 'h', "
             "'2024-01-01T10:00:00Z', '2024-01-01T10:20:00Z', 'completed', 81.5, 1)");
    old.exec("INSERT INTO criterion_scores VALUES ('11111111-2222-4333-8444-555555555555', 'depth', 90, 25, 50, 1)");
    CHECK_THROWS(old.exec("SELECT * FROM xapi_outbox"));  // v1 had no outbox
  }
  ProgressDb db(path);
  CHECK(db.sqlite().user_version() == record::latest_schema_version);
  const auto a = db.attempt("11111111-2222-4333-8444-555555555555");
  REQUIRE(a);
  CHECK(a->trainee == "Ana");
  CHECK(a->mode == scenario::Mode::practice);  // migration 3: attempts from before modes had the hints
  CHECK(*a->total == 81.5);
  CHECK(a->criteria.size() == 1);
  CHECK(text_of(db.sqlite(), "SELECT count(*) FROM sqlite_schema WHERE name = 'attempts_by_trainee_scenario'") == "1");
  // Migration 2's outbox works on the migrated file.
  const auto id = finished(db, "Ana", "2024-02-01T10:00:00Z", 75, true);
  CHECK(db.statements(id).size() == 4);
  // Opening again applies nothing and changes nothing.
  ProgressDb again(path);
  CHECK(again.attempts().size() == 2);
}

TEST_CASE("a newer - foreign or damaged database file is refused with its name") {
  test::ScratchDir dir;
  {
    record::SqliteDb newer(dir.file("newer.db"), true);
    newer.exec("PRAGMA user_version = 99");
  }
  auto message = [](const std::string& p) -> std::string {
    try {
      ProgressDb db(p);
    } catch (const record::DbError& e) {
      return e.what();
    }
    return "opened";
  };
  CHECK(message(dir.file("newer.db")).find("newer than this build") != std::string::npos);
  CHECK(message(dir.file("newer.db")).find("newer.db") != std::string::npos);
  {
    record::SqliteDb other(dir.file("other.db"), true);
    other.exec("CREATE TABLE invoices (id INTEGER)");
  }
  CHECK(message(dir.file("other.db")).find("not a dermasim progress database") != std::string::npos);
  std::ofstream(dir.file("junk.db")) << "this is not a database at all, just some text that is long enough to matter";
  const std::string junk = message(dir.file("junk.db"));
  CHECK(junk.find("junk.db") != std::string::npos);
  CHECK(junk != "opened");
}

TEST_CASE("an attempt exists as interrupted from its start and is completed in one transaction") {
  test::ScratchDir dir;
  ProgressDb db(dir.file("p.db"));
  const auto id = db.record_attempt_started(start_of("Ana", "2024-03-01T09:00:00Z"));
  CHECK(record::is_uuid(id));
  auto a = db.attempt(id);
  REQUIRE(a);
  CHECK(a->status == record::AttemptStatus::interrupted);
  CHECK(!a->ended_utc);
  CHECK(a->recording_path == "/recordings/Ana.dsrec");
  CHECK(a->criteria.empty());
  CHECK(db.statements(id).empty());  // nothing to tell an LRS yet

  record::AttemptEnd end;
  end.ended_utc = "2024-03-01T09:12:30Z";
  db.record_attempt_finished(id, test::made_up_grade(82.5, true, 85.0, true), end);
  a = db.attempt(id);
  CHECK(a->status == record::AttemptStatus::completed);
  CHECK(*a->ended_utc == "2024-03-01T09:12:30Z");
  CHECK(*a->duration_s == doctest::Approx(750.0));
  CHECK(*a->total == 82.5);
  CHECK(*a->passed);
  REQUIRE(a->criteria.size() == 5);
  CHECK(a->criteria[0].criterion == "depth");
  CHECK(a->criteria[0].score == 85.0);
  CHECK(!a->criteria[4].applicable);
  REQUIRE(a->critical_errors.size() == 1);
  CHECK(a->critical_errors[0].kind == "hypodermis_punctures");
  const auto st = db.statements(id);
  REQUIRE(st.size() == 4);
  CHECK(st[0].verb == "initialized");
  CHECK(st[1].verb == "passed");
  CHECK(st[2].verb == "completed");
  CHECK(st[3].verb == "terminated");
  // Finishing twice is refused, and leaves the attempt as it was.
  CHECK_THROWS_AS(db.record_attempt_finished(id, test::made_up_grade(10, false), end), record::DbError);
  CHECK(*db.attempt(id)->total == 82.5);
  CHECK(db.statements(id).size() == 4);
  CHECK_THROWS_AS(db.record_attempt_finished("00000000-0000-4000-8000-000000000000", test::made_up_grade(1, false)),
                  record::DbError);
  CHECK_THROWS_AS(db.record_attempt_started(start_of("  ", "2024-03-01T09:00:00Z")), std::invalid_argument);
}

TEST_CASE("an attempt that ends early is kept as interrupted with what it scored") {
  test::ScratchDir dir;
  ProgressDb db(dir.file("p.db"));
  const auto id = db.record_attempt_started(start_of("Ben", "2024-03-01T09:00:00Z"));
  record::AttemptEnd end;
  end.ended_utc = "2024-03-01T09:05:00Z";
  end.completed = false;
  db.record_attempt_finished(id, test::made_up_grade(20, false, 20), end);
  const auto a = db.attempt(id);
  CHECK(a->status == record::AttemptStatus::interrupted);
  CHECK(a->ended_utc);
  const auto st = db.statements(id);
  REQUIRE(st.size() == 2);  // initialized, terminated: no verdict on an unfinished attempt
  CHECK(st[0].verb == "initialized");
  CHECK(st[1].verb == "terminated");
  CHECK(db.cohort().at(0).attempts == 0);
  CHECK(db.cohort().at(0).interrupted == 1);
}

TEST_CASE("history per scenario and per criterion - and the cohort table") {
  test::ScratchDir dir;
  ProgressDb db(dir.file("p.db"));
  finished(db, "Ana", "2024-03-01T09:00:00Z", 55, false, true);
  finished(db, "Ana", "2024-03-02T09:00:00Z", 91, true);
  const auto latest = finished(db, "Ana", "2024-03-03T09:00:00Z", 72, true);
  finished(db, "Ana", "2024-03-03T11:00:00Z", 60, false, false, "other_scenario");
  finished(db, "Ben", "2024-03-01T10:00:00Z", 40, false, true);
  db.record_attempt_started(start_of("Ben", "2024-03-04T10:00:00Z"));  // never finished

  const auto h = db.history("Ana", "postpartum_abdomen_rubra");
  REQUIRE(h.size() == 3);
  CHECK(*h[0].total == 55);
  CHECK(*h[2].total == 72);
  const auto depth = db.criterion_history("Ana", "postpartum_abdomen_rubra", "depth");
  REQUIRE(depth.size() == 3);
  CHECK(depth[0].score == 55);
  CHECK(depth[1].score == 91);
  const auto coverage = db.criterion_history("Ana", "postpartum_abdomen_rubra", "coverage");
  CHECK(coverage[1].score == 92);
  CHECK(db.trainees() == std::vector<std::string>{"Ana", "Ben"});

  const auto cohort = db.cohort();
  REQUIRE(cohort.size() == 3);
  CHECK(cohort[0].trainee == "Ana");
  CHECK(cohort[0].scenario_id == "other_scenario");
  const auto& ana = cohort[1];
  CHECK(ana.scenario_id == "postpartum_abdomen_rubra");
  CHECK(ana.attempts == 3);
  CHECK(ana.latest_uuid == latest);
  CHECK(ana.latest_total == 72);
  CHECK(ana.latest_passed);
  CHECK(ana.best_total == 91);
  CHECK(ana.critical_errors == 1);
  CHECK(ana.latest_critical_errors == 0);
  const auto& ben = cohort[2];
  CHECK(ben.attempts == 1);
  CHECK(ben.interrupted == 1);
  CHECK(!ben.latest_passed);
  CHECK(ben.latest_critical_errors == 1);
}

TEST_CASE("an override needs a reason - is kept in an audit trail - and the database refuses to change that trail") {
  test::ScratchDir dir;
  ProgressDb db(dir.file("p.db"));
  const auto id = finished(db, "Ana", "2024-03-01T09:00:00Z", 65, false);
  CHECK_THROWS_AS(db.override_grade(id, 75, true, "", "Dr. Lee"), std::invalid_argument);
  CHECK_THROWS_AS(db.override_grade(id, 75, true, "   \t", "Dr. Lee"), std::invalid_argument);
  CHECK_THROWS_AS(db.override_grade(id, 75, true, "ok", ""), std::invalid_argument);
  CHECK_THROWS_AS(db.override_grade(id, 175, true, "ok", "Dr. Lee"), std::invalid_argument);
  CHECK_THROWS_AS(db.override_grade("00000000-0000-4000-8000-000000000000", 75, true, "ok", "Dr. Lee"), record::DbError);
  const auto in_progress = db.record_attempt_started(start_of("Ana", "2024-03-02T09:00:00Z"));
  CHECK_THROWS_AS(db.override_grade(in_progress, 75, true, "ok", "Dr. Lee"), record::DbError);

  const auto o1 = db.override_grade(id, 75, true, "coverage map missed the last pass (known bug 12)", "Dr. Lee");
  CHECK(*o1.old_total == 65);
  CHECK(!*o1.old_passed);
  const auto o2 = db.override_grade(id, 70, true, "re-checked: 70", "Dr. Kim");
  CHECK(*o2.old_total == 75);  // the previous effective result
  const auto a = db.attempt(id);
  CHECK(*a->total == 70);
  CHECK(*a->passed);
  CHECK(*a->graded_total == 65);  // the grade itself is never rewritten
  REQUIRE(a->overrides.size() == 2);
  CHECK(a->overrides[0].instructor == "Dr. Lee");
  CHECK(a->overrides[1].reason == "re-checked: 70");

  // Append-only, enforced by triggers in the file itself, whatever program writes.
  auto refused = [&](const std::string& sql) {
    try {
      db.sqlite().exec(sql);
    } catch (const record::DbError& e) {
      return std::string(e.what()).find("append-only") != std::string::npos;
    }
    return false;
  };
  CHECK(refused("UPDATE grade_overrides SET reason = 'nothing happened'"));
  CHECK(refused("DELETE FROM grade_overrides"));
  CHECK(refused("UPDATE grade_overrides SET new_total = 100 WHERE uuid = '" + o1.uuid + "'"));
  // A row without a reason cannot even be inserted by hand.
  CHECK_THROWS_AS(db.sqlite().exec("INSERT INTO grade_overrides VALUES ('x', '" + id +
                                   "', 't', 'me', NULL, NULL, 100, 1, '  ')"),
                  record::DbError);
  // The audited attempt cannot be deleted from under its trail either.
  CHECK_THROWS_AS(db.sqlite().exec("DELETE FROM attempts WHERE uuid = '" + id + "'"), record::DbError);
  CHECK(db.attempt(id)->overrides.size() == 2);
}
