// Exporting attempts as CSV (quoting that survives names with commas, quotes
// and newlines) and merging other stations' databases without duplicates.
#include <doctest/doctest.h>

#include <fstream>

#include "record/csv.hpp"
#include "record/migrations.hpp"
#include "record/progress_db.hpp"
#include "records_helpers.hpp"

using namespace dermasim;
using record::ProgressDb;

namespace {

std::string add_attempt(ProgressDb& db, const std::string& trainee, const std::string& when, double total,
                        bool finish = true) {
  record::AttemptStart s;
  s.trainee = trainee;
  s.scenario_id = "postpartum_abdomen_rubra";
  s.scenario_hash = "h";
  s.recording_path = "/r/x.dsrec";
  s.started_utc = when;
  const auto id = db.record_attempt_started(s);
  if (finish) {
    record::AttemptEnd e;
    e.ended_utc = when;
    db.record_attempt_finished(id, test::made_up_grade(total, total >= 70, total, total < 50), e);
  }
  return id;
}

// A minimal RFC 4180 reader, to prove the export reads back field for field.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace

TEST_CASE("csv fields are quoted only when needed - quotes doubled") {
  CHECK(record::csv_field("plain") == "plain");
  CHECK(record::csv_field("a,b") == "\"a,b\"");
  CHECK(record::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(record::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(record::csv_field(" padded") == "\" padded\"");
  CHECK(record::csv_field("") == "");
}

TEST_CASE("the export has one row per attempt with scores - critical errors and the latest override") {
  test::ScratchDir dir;
  ProgressDb db(dir.file("p.db"));
  const std::string awkward = "O'Neil, \"Jo\"\nsecond line";
  const auto a = add_attempt(db, awkward, "2024-03-01T09:00:00Z", 45);
  add_attempt(db, "Ben", "2024-03-02T09:00:00Z", 88);
  add_attempt(db, "Cy", "2024-03-03T09:00:00Z", 0, false);
  db.override_grade(a, 71, true, "reason, with \"quotes\", and a comma", "Dr. Lee");

  const auto rows = parse_csv(record::attempts_csv(db.attempts()));
  REQUIRE(rows.size() == 4);
  const auto& h = rows[0];
  auto col = [&](const std::string& name) {
    for (std::size_t i = 0; i < h.size(); ++i)
      if (h[i] == name) return i;
    FAIL("no column " << name);
    return std::size_t{0};
  };
  for (const auto& r : rows) CHECK(r.size() == h.size());
  const auto& r = rows[1];
  CHECK(r[col("trainee")] == awkward);
  CHECK(r[col("attempt_uuid")] == a);
  CHECK(r[col("status")] == "completed");
  CHECK(r[col("total")] == "71.00");
  CHECK(r[col("passed")] == "true");
  CHECK(r[col("graded_total")] == "45.00");
  CHECK(r[col("graded_passed")] == "false");
  CHECK(r[col("depth_score")] == "45.0");
  CHECK(r[col("screening_score")] == "48.0");
  CHECK(r[col("aftercare_score")].empty());  // not applicable
  CHECK(r[col("critical_errors")] == "hypodermis_punctures: needles reached the fat, \"deep\", twice");
  CHECK(r[col("overridden")] == "true");
  CHECK(r[col("override_reason")] == "reason, with \"quotes\", and a comma");
  CHECK(r[col("override_instructor")] == "Dr. Lee");
  CHECK(r[col("override_count")] == "1");
  CHECK(rows[2][col("overridden")] == "false");
  CHECK(rows[3][col("status")] == "interrupted");
  CHECK(rows[3][col("total")].empty());
}

TEST_CASE("importing other stations merges by attempt UUID and importing twice changes nothing") {
  test::ScratchDir dir;
  ProgressDb here(dir.file("here.db"));
  add_attempt(here, "Ana", "2024-03-01T09:00:00Z", 80);
  std::string in_progress, overridden;
  {
    ProgressDb a(dir.file("station_a.db"));
    add_attempt(a, "Ana", "2024-03-02T09:00:00Z", 60);
    overridden = add_attempt(a, "Ben", "2024-03-02T10:00:00Z", 65);
    a.override_grade(overridden, 70, true, "second look", "Dr. Lee");
    a.mark_statement_sent(a.statements(overridden).at(0).statement_id);  // station A already sent one
  }
  {
    ProgressDb b(dir.file("station_b.db"));
    add_attempt(b, "Cy", "2024-03-02T11:00:00Z", 90);
    in_progress = add_attempt(b, "Cy", "2024-03-02T12:00:00Z", 0, false);
  }
  const auto s1 = here.import_from(dir.file("station_a.db"));
  CHECK(s1.attempts_added == 2);
  CHECK(s1.overrides_added == 1);
  CHECK(s1.statements_added == 10);  // two attempts of four, and the override: voided, re-issued
  const auto s2 = here.import_from(dir.file("station_b.db"));
  CHECK(s2.attempts_added == 2);
  CHECK(here.attempts().size() == 5);
  const auto pending = here.pending_statements().size();
  const std::string before = record::attempts_csv(here.attempts());

  // Again, in any order: nothing changes.
  const auto again_b = here.import_from(dir.file("station_b.db"));
  const auto again_a = here.import_from(dir.file("station_a.db"));
  CHECK(again_a.attempts_added + again_b.attempts_added + again_a.attempts_updated + again_b.attempts_updated == 0);
  CHECK(again_a.attempts_skipped == 2);
  CHECK(again_a.overrides_added == 0);
  CHECK(again_a.statements_added == 0);
  CHECK(record::attempts_csv(here.attempts()) == before);
  CHECK(here.pending_statements().size() == pending);
  // What station A delivered is not sent again from here.
  CHECK(here.statements(overridden).at(0).sent_utc);
  CHECK(*here.attempt(overridden)->total == 70);
  CHECK(here.trainees() == std::vector<std::string>{"Ana", "Ben", "Cy"});

  // Station B later finishes the attempt that was in progress: the completed
  // copy replaces the interrupted one, once.
  {
    ProgressDb b(dir.file("station_b.db"));
    record::AttemptEnd e;
    e.ended_utc = "2024-03-02T12:20:00Z";
    b.record_attempt_finished(in_progress, test::made_up_grade(74, true), e);
  }
  const auto s3 = here.import_from(dir.file("station_b.db"));
  CHECK(s3.attempts_updated == 1);
  CHECK(here.attempt(in_progress)->status == record::AttemptStatus::completed);
  CHECK(here.attempt(in_progress)->criteria.size() == 5);
  CHECK(here.statements(in_progress).size() == 4);
  CHECK(here.import_from(dir.file("station_b.db")).attempts_updated == 0);
}

TEST_CASE("importing a missing - foreign or own file fails clearly and changes nothing") {
  test::ScratchDir dir;
  ProgressDb here(dir.file("here.db"));
  add_attempt(here, "Ana", "2024-03-01T09:00:00Z", 80);
  auto error_of = [&](const std::string& p) -> std::string {
    try {
      here.import_from(p);
    } catch (const record::DbError& e) {
      return e.what();
    }
    return "imported";
  };
  CHECK(error_of(dir.file("missing.db")).find("missing.db: no such database file") != std::string::npos);
  std::ofstream(dir.file("notes.txt")) << "shopping list: needles, gloves, serum; nothing here is SQLite, not at all";
  CHECK(error_of(dir.file("notes.txt")).find("notes.txt") != std::string::npos);
  {
    record::SqliteDb other(dir.file("other.db"), true);
    other.exec("CREATE TABLE attempts (x); PRAGMA user_version = 1;");
  }
  CHECK(error_of(dir.file("other.db")).find("not a dermasim progress database") != std::string::npos);
  CHECK(error_of(dir.file("here.db")).find("own database") != std::string::npos);
  CHECK(here.attempts().size() == 1);
}
