#include "record/migrations.hpp"

#include <string>

#include "record/sqlite_db.hpp"

namespace dermasim::record {
namespace {

// Migration 1: the initial schema. Never edit a shipped migration: add one.
constexpr std::string_view v1 = R"sql(
CREATE TABLE trainees (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  created_utc TEXT NOT NULL
);
CREATE TABLE attempts (
  uuid           TEXT PRIMARY KEY,
  trainee_id     INTEGER NOT NULL REFERENCES trainees(id),
  scenario_id    TEXT NOT NULL,
  scenario_title TEXT NOT NULL DEFAULT '',
  scenario_hash  TEXT NOT NULL,
  started_utc    TEXT NOT NULL,
  ended_utc      TEXT,
  duration_s     REAL,
  status         TEXT NOT NULL CHECK (status IN ('completed', 'interrupted')),
  total          REAL,
  pass_mark      REAL,
  passed         INTEGER CHECK (passed IN (0, 1)),
  recording_path TEXT NOT NULL DEFAULT ''
);
CREATE TABLE criterion_scores (
  attempt_uuid TEXT NOT NULL REFERENCES attempts(uuid) ON DELETE CASCADE,
  criterion    TEXT NOT NULL,
  score        REAL NOT NULL,
  weight       REAL NOT NULL,
  threshold    REAL NOT NULL,
  applicable   INTEGER NOT NULL CHECK (applicable IN (0, 1)),
  PRIMARY KEY (attempt_uuid, criterion)
);
CREATE TABLE critical_errors (
  attempt_uuid TEXT NOT NULL REFERENCES attempts(uuid) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  message      TEXT NOT NULL,
  PRIMARY KEY (attempt_uuid, seq)
);
-- The instructor's grade overrides: an audit trail. No foreign key cascade:
-- an attempt with overrides cannot be deleted either.
CREATE TABLE grade_overrides (
  uuid         TEXT PRIMARY KEY,
  attempt_uuid TEXT NOT NULL REFERENCES attempts(uuid),
  at_utc       TEXT NOT NULL,
  instructor   TEXT NOT NULL CHECK (length(trim(instructor)) > 0),
  old_total    REAL,
  old_passed   INTEGER,
  new_total    REAL NOT NULL CHECK (new_total >= 0 AND new_total <= 100),
  new_passed   INTEGER NOT NULL CHECK (new_passed IN (0, 1)),
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE TRIGGER grade_overrides_append_only_update BEFORE UPDATE ON grade_overrides
BEGIN SELECT RAISE(ABORT, 'grade_overrides is an append-only audit trail: rows cannot be changed'); END;
CREATE TRIGGER grade_overrides_append_only_delete BEFORE DELETE ON grade_overrides
BEGIN SELECT RAISE(ABORT, 'grade_overrides is an append-only audit trail: rows cannot be deleted'); END;
)sql";

// Migration 2: the xAPI outbox (statements wait here until an LRS accepted
// them) and the indexes behind the history and cohort queries.
constexpr std::string_view v2 = R"sql(
CREATE TABLE xapi_outbox (
  statement_id TEXT PRIMARY KEY,
  attempt_uuid TEXT NOT NULL REFERENCES attempts(uuid) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  verb         TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_utc  TEXT NOT NULL,
  tries        INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  sent_utc     TEXT
);
CREATE INDEX xapi_outbox_pending ON xapi_outbox (sent_utc, created_utc, attempt_uuid, seq);
CREATE INDEX attempts_by_trainee_scenario ON attempts (trainee_id, scenario_id, started_utc);
CREATE INDEX grade_overrides_by_attempt ON grade_overrides (attempt_uuid, at_utc);
)sql";

// Migration 3: the mode an attempt was taken in (practice shows hints,
// assessment none). Attempts stored before modes existed were practice.
constexpr std::string_view v3 = R"sql(
ALTER TABLE attempts ADD COLUMN mode TEXT NOT NULL DEFAULT 'practice' CHECK (mode IN ('practice', 'assessment'));
)sql";

// Migration 4 (issue 15, proficiency-based progression): the metrics of each
// attempt that the criterion tables do not hold, and expert benchmarks with
// who set them and when. A benchmark is never edited: a new one for the same
// case supersedes it (the latest set_utc is the standing one).
constexpr std::string_view v4 = R"sql(
CREATE TABLE attempt_metrics (
  attempt_uuid TEXT NOT NULL REFERENCES attempts(uuid) ON DELETE CASCADE,
  metric       TEXT NOT NULL,
  value        REAL NOT NULL,
  PRIMARY KEY (attempt_uuid, metric)
);
CREATE TABLE benchmarks (
  id            TEXT PRIMARY KEY,
  scenario_id   TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  set_by        TEXT NOT NULL CHECK (length(trim(set_by)) > 0),
  set_utc       TEXT NOT NULL,
  source        TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL
);
CREATE TABLE benchmark_metrics (
  benchmark_id     TEXT NOT NULL REFERENCES benchmarks(id) ON DELETE CASCADE,
  metric           TEXT NOT NULL,
  higher_is_better INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
  n                INTEGER NOT NULL CHECK (n >= 3),
  mean             REAL NOT NULL,
  sd               REAL NOT NULL CHECK (sd >= 0),
  benchmark        REAL NOT NULL,
  PRIMARY KEY (benchmark_id, metric)
);
CREATE INDEX benchmarks_by_scenario ON benchmarks (scenario_id, set_utc);
)sql";

// Migration 5 (issue 14, treatment courses): a course attempt is one row of
// attempts (the course total and verdict, with `series` and `outcome` in
// criterion_scores) plus what a single attempt does not have: the outcome
// against the key's protocol, and every visit with its own grade. Named
// treatment_* because "course" already means a course plan (issue 15).
constexpr std::string_view v5 = R"sql(
CREATE TABLE treatment_courses (
  attempt_uuid            TEXT PRIMARY KEY REFERENCES attempts(uuid) ON DELETE CASCADE,
  treatments              INTEGER NOT NULL CHECK (treatments >= 0),
  outcome_day             REAL NOT NULL CHECK (outcome_day >= 0),
  improvement_percent     REAL NOT NULL,
  key_improvement_percent REAL NOT NULL,
  pih                     INTEGER NOT NULL DEFAULT 0 CHECK (pih >= 0),
  infection               INTEGER NOT NULL DEFAULT 0 CHECK (infection >= 0),
  tram_track              INTEGER NOT NULL DEFAULT 0 CHECK (tram_track >= 0)
);
CREATE TABLE treatment_visits (
  attempt_uuid    TEXT NOT NULL REFERENCES treatment_courses(attempt_uuid) ON DELETE CASCADE,
  visit           INTEGER NOT NULL CHECK (visit >= 1),
  day             REAL NOT NULL CHECK (day >= 0),
  started_utc     TEXT NOT NULL,
  duration_s      REAL NOT NULL CHECK (duration_s >= 0),
  decision        TEXT NOT NULL,
  total           REAL NOT NULL CHECK (total >= 0 AND total <= 100),
  pass_mark       REAL NOT NULL,
  passed          INTEGER NOT NULL CHECK (passed IN (0, 1)),
  return_in_weeks REAL CHECK (return_in_weeks IS NULL OR (return_in_weeks >= 0 AND return_in_weeks <= 104)),
  PRIMARY KEY (attempt_uuid, visit)
);
CREATE TABLE treatment_visit_scores (
  attempt_uuid TEXT NOT NULL,
  visit        INTEGER NOT NULL,
  criterion    TEXT NOT NULL,
  score        REAL NOT NULL,
  weight       REAL NOT NULL,
  threshold    REAL NOT NULL,
  applicable   INTEGER NOT NULL CHECK (applicable IN (0, 1)),
  PRIMARY KEY (attempt_uuid, visit, criterion),
  FOREIGN KEY (attempt_uuid, visit) REFERENCES treatment_visits(attempt_uuid, visit) ON DELETE CASCADE
);
CREATE TABLE treatment_visit_errors (
  attempt_uuid TEXT NOT NULL,
  visit        INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  message      TEXT NOT NULL,
  PRIMARY KEY (attempt_uuid, visit, seq),
  FOREIGN KEY (attempt_uuid, visit) REFERENCES treatment_visits(attempt_uuid, visit) ON DELETE CASCADE
);
)sql";

constexpr std::string_view migrations[] = {v1, v2, v3, v4, v5};
static_assert(std::size(migrations) == latest_schema_version);

}  // namespace

std::string_view migration_sql(int version) {
  if (version < 1 || version > latest_schema_version) return {};
  return migrations[version - 1];
}

void migrate(SqliteDb& db) {
  const std::int64_t have = db.user_version();
  if (have > latest_schema_version)
    throw DbError(db.path() + ": the progress database has schema version " + std::to_string(have) +
                  ", newer than this build's " + std::to_string(latest_schema_version) + "; update dermasim");
  if (have == 0) {
    // Version 0 is a new, empty file, or some other program's database.
    Statement tables(db, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
    if (tables.step() && tables.integer(0) > 0)
      throw DbError(db.path() + ": not a dermasim progress database (it has tables but no dermasim schema version)");
  }
  for (std::int64_t v = have + 1; v <= latest_schema_version; ++v) {
    Transaction tx(db);
    db.exec(migration_sql(static_cast<int>(v)));
    db.exec("PRAGMA user_version = " + std::to_string(v));
    tx.commit();
  }
}

}  // namespace dermasim::record
