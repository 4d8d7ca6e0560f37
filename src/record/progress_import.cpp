// Merging another training station's progress database into this one.
// Attempts de-duplicate by UUID, overrides and statements by theirs, so
// importing the same file twice changes nothing.
#include <filesystem>

#include "record/benchmark_store.hpp"
#include "record/migrations.hpp"
#include "record/progress_db.hpp"
#include "record/treatment_course_tables.hpp"
#include "record/utc_time.hpp"
#include "record/uuid.hpp"

namespace dermasim::record {
namespace fs = std::filesystem;

namespace {

// A course's database: some thousands of attempts take a few MB; this bound
// only stops a device or a runaway file.
constexpr std::uintmax_t max_import_file_bytes = 1ull << 30;

void copy_details(SqliteDb& src, SqliteDb& dst, const std::string& uuid) {
  Statement crit(src, "SELECT criterion, score, weight, threshold, applicable FROM criterion_scores WHERE attempt_uuid = ?1");
  Statement crit_ins(dst,
                     "INSERT INTO criterion_scores (attempt_uuid, criterion, score, weight, threshold, applicable) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  crit.bind(1, uuid);
  while (crit.step()) {
    crit_ins.reset();
    crit_ins.bind(1, uuid).bind(2, crit.text(0)).bind(3, crit.real(1)).bind(4, crit.real(2)).bind(5, crit.real(3));
    crit_ins.bind(6, crit.integer(4)).run();
  }
  Statement err(src, "SELECT seq, kind, message FROM critical_errors WHERE attempt_uuid = ?1");
  Statement err_ins(dst, "INSERT INTO critical_errors (attempt_uuid, seq, kind, message) VALUES (?1, ?2, ?3, ?4)");
  err.bind(1, uuid);
  while (err.step()) {
    err_ins.reset();
    err_ins.bind(1, uuid).bind(2, err.integer(0)).bind(3, err.text(1)).bind(4, err.text(2)).run();
  }
}

}  // namespace

ImportStats ProgressDb::import_from(const std::string& other_path) {
  std::error_code ec;
  if (!fs::is_regular_file(other_path, ec)) throw DbError(other_path + ": no such database file");
  if (fs::equivalent(other_path, db_.path(), ec))
    throw DbError(other_path + ": is this station's own database; nothing to import");
  if (const auto size = fs::file_size(other_path, ec); !ec && size > max_import_file_bytes)
    throw DbError(other_path + ": larger than the " + std::to_string(max_import_file_bytes >> 20) +
                  " MiB limit for a progress database to import");
  // Read-only: another station's file is evidence and is never changed here.
  SqliteDb src(other_path, false, true);
  // A file from elsewhere may carry a schema written to attack its reader:
  // functions in its schema run with no side effects allowed, and a view
  // (which dermasim never creates, and which could hide an endless query
  // behind a table's name) makes the file foreign.
  src.exec("PRAGMA trusted_schema = OFF");
  const std::int64_t version = src.user_version();
  {
    Statement has(src,
                  "SELECT (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('attempts', 'trainees')), "
                  "(SELECT count(*) FROM sqlite_schema WHERE type = 'view')");
    if (version < 1 || !has.step() || has.integer(0) != 2 || has.integer(1) != 0)
      throw DbError(other_path + ": not a dermasim progress database");
  }
  if (version > latest_schema_version)
    throw DbError(other_path + ": schema version " + std::to_string(version) + " is newer than this build's " +
                  std::to_string(latest_schema_version) + "; update dermasim on this station first");

  // A forged file can pass every check above and still break this station's
  // rules (an override of an attempt it does not hold): the transaction then
  // rolls back, and the refusal names the file that caused it.
  try {
    ImportStats stats;
    // Issue 14: an older station's file has no treatment courses to carry.
    const bool courses_there = record::has_treatment_tables(src);
    Transaction tx(db_);
    Statement rows(src,
                   "SELECT a.uuid, t.name, t.created_utc, a.scenario_id, a.scenario_title, a.scenario_hash, "
                   "a.started_utc, a.ended_utc, a.duration_s, a.status, a.total, a.pass_mark, a.passed, a.recording_path, " +
                       std::string(version >= 3 ? "a.mode " : "'practice' ") +  // before version 3 every attempt was practice
                       "FROM attempts a JOIN trainees t ON t.id = a.trainee_id ORDER BY a.started_utc, a.rowid");
    Statement local(db_, "SELECT status FROM attempts WHERE uuid = ?1");
    Statement add_trainee(db_, "INSERT OR IGNORE INTO trainees (name, created_utc) VALUES (?1, ?2)");
    Statement find_trainee(db_, "SELECT id FROM trainees WHERE name = ?1");
    Statement drop_details(db_, "DELETE FROM criterion_scores WHERE attempt_uuid = ?1");
    Statement drop_errors(db_, "DELETE FROM critical_errors WHERE attempt_uuid = ?1");
    Statement insert(db_,
                     "INSERT INTO attempts (uuid, trainee_id, scenario_id, scenario_title, scenario_hash, "
                     "started_utc, ended_utc, duration_s, status, total, pass_mark, passed, recording_path, mode) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    // An UPDATE, not INSERT OR REPLACE: a replace deletes the row first, which
    // would cascade to its statements and trip the overrides' foreign key.
    Statement refresh(db_,
                      "UPDATE attempts SET trainee_id = ?2, scenario_id = ?3, scenario_title = ?4, scenario_hash = ?5, "
                      "started_utc = ?6, ended_utc = ?7, duration_s = ?8, status = ?9, total = ?10, pass_mark = ?11, "
                      "passed = ?12, recording_path = ?13, mode = ?14 WHERE uuid = ?1");
    while (rows.step()) {
      const std::string uuid = rows.text(0);
      const std::string status = rows.text(9);
      // What this station's own writes guarantee, checked on the way in: a
      // damaged or forged row refuses the whole import (nothing is merged).
      if (!is_uuid(uuid)) throw DbError(other_path + ": an attempt's id is not a UUID; nothing was imported");
      if (status != "completed" && status != "interrupted")
        throw DbError(other_path + ": attempt " + uuid + " has an unknown status; nothing was imported");
      if (!parse_utc(rows.text(6)))
        throw DbError(other_path + ": attempt " + uuid + " has no valid start time; nothing was imported");
      local.reset();
      local.bind(1, uuid);
      bool update = false;
      if (local.step()) {
        // Only a more finished copy replaces ours: interrupted here, completed there.
        if (!(local.text(0) == "interrupted" && status == "completed")) {
          ++stats.attempts_skipped;
          local.reset();
          continue;
        }
        update = true;
      }
      local.reset();
      add_trainee.reset();
      add_trainee.bind(1, rows.text(1)).bind(2, rows.text(2)).run();
      find_trainee.reset();
      if (!find_trainee.bind(1, rows.text(1)).step()) db_.fail("cannot find an imported trainee");
      const std::int64_t tid = find_trainee.integer(0);
      find_trainee.reset();
      if (update) {
        drop_details.reset();
        drop_details.bind(1, uuid).run();
        drop_errors.reset();
        drop_errors.bind(1, uuid).run();
        drop_treatment_course(db_, uuid);
      }
      Statement& upsert = update ? refresh : insert;
      upsert.reset();
      upsert.bind(1, uuid).bind(2, tid).bind(3, rows.text(3)).bind(4, rows.text(4)).bind(5, rows.text(5));
      upsert.bind(6, rows.text(6)).bind(7, rows.opt_text(7)).bind(8, rows.opt_real(8)).bind(9, status);
      upsert.bind(10, rows.opt_real(10)).bind(11, rows.opt_real(11));
      if (rows.is_null(12))
        upsert.bind_null(12);
      else
        upsert.bind(12, rows.integer(12));
      // A mode other than the two is refused like an unknown status.
      const std::string mode = rows.text(14);
      if (mode != "practice" && mode != "assessment")
        throw DbError(other_path + ": attempt " + uuid + " has an unknown mode; nothing was imported");
      upsert.bind(13, rows.text(13)).bind(14, mode).run();
      copy_details(src, db_, uuid);
      if (courses_there) copy_treatment_course(src, db_, uuid);
      ++(update ? stats.attempts_updated : stats.attempts_added);
    }

    Statement ov(src,
                 "SELECT uuid, attempt_uuid, at_utc, instructor, old_total, old_passed, new_total, new_passed, reason "
                 "FROM grade_overrides ORDER BY at_utc, rowid");
    Statement ov_ins(db_,
                     "INSERT OR IGNORE INTO grade_overrides (uuid, attempt_uuid, at_utc, instructor, old_total, "
                     "old_passed, new_total, new_passed, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    while (ov.step()) {
      ov_ins.reset();
      ov_ins.bind(1, ov.text(0)).bind(2, ov.text(1)).bind(3, ov.text(2)).bind(4, ov.text(3)).bind(5, ov.opt_real(4));
      if (ov.is_null(5))
        ov_ins.bind_null(6);
      else
        ov_ins.bind(6, ov.integer(5));
      ov_ins.bind(7, ov.real(6)).bind(8, ov.integer(7)).bind(9, ov.text(8)).run();
      stats.overrides_added += static_cast<int>(db_.changes());
    }

    if (version >= 2) {
      // A statement the other station already delivered is delivered: keep its
      // sent time, so this station does not send it again.
      Statement st(src,
                   "SELECT statement_id, attempt_uuid, seq, verb, body, created_utc, sent_utc FROM xapi_outbox ORDER BY rowid");
      Statement st_ins(db_,
                       "INSERT OR IGNORE INTO xapi_outbox (statement_id, attempt_uuid, seq, verb, body, created_utc, sent_utc) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      Statement st_sent(db_, "UPDATE xapi_outbox SET sent_utc = ?2 WHERE statement_id = ?1 AND sent_utc IS NULL");
      while (st.step()) {
        st_ins.reset();
        st_ins.bind(1, st.text(0)).bind(2, st.text(1)).bind(3, st.integer(2)).bind(4, st.text(3)).bind(5, st.text(4));
        st_ins.bind(6, st.text(5)).bind(7, st.opt_text(6)).run();
        if (db_.changes() > 0) {
          ++stats.statements_added;
        } else if (!st.is_null(6)) {
          st_sent.reset();
          st_sent.bind(1, st.text(0)).bind(2, st.text(6)).run();
        }
      }
    }
    import_proficiency_tables(src, db_);  // issue 15: attempt metrics and benchmarks
    tx.commit();
    return stats;
  } catch (const DbError& e) {
    throw DbError(other_path + ": cannot be merged, nothing was imported (" + e.what() + ")");
  }
}

}  // namespace dermasim::record
