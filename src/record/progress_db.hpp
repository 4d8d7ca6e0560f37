#pragma once
// The trainee progress database (SQLite, WAL, foreign keys on): trainees,
// attempts with per-criterion scores and critical errors, the instructor's
// grade overrides (an append-only audit trail the database itself enforces)
// and the xAPI outbox. Every change is one transaction, committed before the
// call returns, so killing the program loses nothing that was finished.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "record/sqlite_db.hpp"
#include "record/xapi_statements.hpp"
#include "scenario/grading.hpp"
#include "scenario/mode.hpp"

namespace dermasim::record {

/// $XDG_DATA_HOME/dermasim/progress.db, else ~/.local/share/dermasim/progress.db.
std::string default_db_path();

/// An attempt's status, a closed set: `interrupted` from its start until it
/// is finished (a killed program leaves it so), then `completed`.
enum class AttemptStatus { completed, interrupted };
std::string_view attempt_status_name(AttemptStatus s);
std::optional<AttemptStatus> parse_attempt_status(std::string_view name);

struct AttemptStart {
  std::string trainee;
  std::string scenario_id;
  std::string scenario_title;
  std::string scenario_hash;
  std::string recording_path;  // where the recording is being written
  std::string started_utc;     // empty: now
  std::string attempt_uuid;    // empty: a fresh random UUID
  scenario::Mode mode = scenario::Mode::practice;
};

struct AttemptEnd {
  std::string ended_utc;              // empty: now
  std::optional<double> duration_s;   // empty: ended - started
  bool completed = true;              // false: stored as interrupted (with its grade so far)
};

struct CriterionScore {
  std::string criterion;
  double score = 0.0;
  double weight = 0.0;
  double threshold = 0.0;
  bool applicable = true;
};

struct CriticalErrorRow {
  std::string kind;
  std::string message;
};

struct OverrideRecord {
  std::string uuid;
  std::string attempt_uuid;
  std::string at_utc;
  std::string instructor;
  std::optional<double> old_total;
  std::optional<bool> old_passed;
  double new_total = 0.0;
  bool new_passed = false;
  std::string reason;
};

/// One visit of a treatment course (issue 14), graded as an attempt on the
/// case as it stood that day.
struct VisitRecord {
  int visit = 1;                 // 1-based
  double day = 0.0;              // since the first visit
  std::string started_utc;       // when the visit was played
  double duration_s = 0.0;       // its procedure's length
  std::string decision;          // the screening decision (decision_name)
  double total = 0.0;            // 0..100
  double pass_mark = 0.0;
  bool passed = false;
  std::optional<double> return_in_weeks;  // empty: the course ended after it
  std::vector<CriterionScore> criteria;
  std::vector<CriticalErrorRow> critical_errors;
};

/// What a treatment course attempt holds besides its attempt row: the
/// outcome (S3) against the key's protocol on the same patient, and the visits.
struct TreatmentCourseRecord {
  int treatments = 0;
  double outcome_day = 0.0;
  double improvement_percent = 0.0;
  double key_improvement_percent = 0.0;  // the key's own protocol
  int pih = 0, infection = 0, tram_track = 0;  // complications that occurred
  std::vector<VisitRecord> visits;  // visit 1 first
};

/// A finished treatment course, as record_treatment_course_finished stores it.
struct TreatmentCourseResult {
  std::string scenario_title;
  double total = 0.0;  // the course total, 0..100
  double pass_mark = 0.0;
  bool passed = false;
  std::vector<CriterionScore> criteria;            // the course's own: series, outcome
  std::vector<CriticalErrorRow> critical_errors;   // every visit's, "visit N: ..."
  TreatmentCourseRecord course;
};

/// One attempt, with its effective result (the latest override's, if any).
struct AttemptRecord {
  std::string uuid;
  std::string trainee;
  std::string scenario_id;
  std::string scenario_title;
  std::string scenario_hash;
  std::string started_utc;
  std::optional<std::string> ended_utc;
  std::optional<double> duration_s;
  AttemptStatus status = AttemptStatus::interrupted;
  scenario::Mode mode = scenario::Mode::practice;
  std::optional<double> graded_total;
  std::optional<bool> graded_passed;
  std::optional<double> pass_mark;
  std::optional<double> total;   // effective
  std::optional<bool> passed;    // effective
  std::string recording_path;
  std::vector<CriterionScore> criteria;
  std::vector<CriticalErrorRow> critical_errors;
  std::vector<OverrideRecord> overrides;  // oldest first
  std::optional<TreatmentCourseRecord> treatment_course;  // set: a course attempt (issue 14)
};

/// A trainee's score on one criterion in one attempt (a point of a progress plot).
struct CriterionPoint {
  std::string attempt_uuid;
  std::string started_utc;
  double score = 0.0;
  bool applicable = true;
};

/// One cell of the instructor's cohort table (completed attempts only).
struct CohortCell {
  std::string trainee;
  std::string scenario_id;
  int attempts = 0;          // completed
  int assessed = 0;          // of them, taken in assessment mode (no hints)
  int interrupted = 0;
  std::string latest_uuid;
  std::string latest_utc;
  double latest_total = 0.0;
  bool latest_passed = false;
  scenario::Mode latest_mode = scenario::Mode::practice;
  int latest_critical_errors = 0;
  double best_total = 0.0;
  bool ever_passed = false;
  int critical_errors = 0;  // over all completed attempts
  int latest_visits = 0;    // the latest attempt's visits when it is a treatment course; 0: a single visit
};

struct OutboxEntry {
  std::string statement_id;
  std::string attempt_uuid;
  int seq = 0;
  std::string verb;
  std::string body;
  int tries = 0;
  std::optional<std::string> last_error;
  std::optional<std::string> sent_utc;
};

struct ImportStats {
  int attempts_added = 0;
  int attempts_updated = 0;  // were interrupted here, completed there
  int attempts_skipped = 0;  // already present
  int overrides_added = 0;
  int statements_added = 0;
};

/// What xAPI statements say of a stored attempt (its graded result).
AttemptFacts attempt_facts(const AttemptRecord& a);

class ProgressDb {
 public:
  /// Opens or creates the database at `path` (creating its folder), turns on
  /// WAL and foreign keys, and applies the missing migrations. Throws DbError.
  explicit ProgressDb(const std::string& path, XapiSettings xapi = {});
  /// Opens an existing database for reading only (`records export`): no
  /// migration, no WAL switch, so a read-only file or folder still exports.
  /// Refuses a newer or foreign database as the writer does. Throws DbError.
  struct ReadOnly {};
  ProgressDb(const std::string& path, ReadOnly);
  const std::string& path() const { return db_.path(); }
  SqliteDb& sqlite() { return db_; }

  /// An attempt row exists from the start, `interrupted` until finished.
  /// Returns the attempt's UUID.
  std::string record_attempt_started(const AttemptStart& start);
  /// Stores the grade, per-criterion scores and critical errors, marks the
  /// attempt completed (or interrupted) and queues its xAPI statements, all in
  /// one transaction. Finishing twice is refused.
  void record_attempt_finished(const std::string& attempt_uuid, const scenario::Grade& grade,
                               const AttemptEnd& end = {});
  /// The same for a treatment course (issue 14): the course total and
  /// verdict, its criteria and every visit with its grade, and the course's
  /// statements (a registration for the course, a statement per visit, the
  /// course's verdict), in one transaction. Throws std::invalid_argument for
  /// a course without visits or a total outside 0..100.
  void record_treatment_course_finished(const std::string& attempt_uuid, const TreatmentCourseResult& result,
                                        const AttemptEnd& end = {});

  /// Appends an override to the audit trail and queues its xAPI statements
  /// (voiding the verdict it replaces, then the new verdict) in the same
  /// transaction. Throws std::invalid_argument for an empty reason or
  /// instructor or a total outside 0..100, DbError for an unknown attempt.
  OverrideRecord override_grade(const std::string& attempt_uuid, double new_total, bool new_passed,
                                const std::string& reason, const std::string& instructor);

  std::optional<AttemptRecord> attempt(const std::string& uuid);
  /// Every attempt, oldest first (filters empty: all).
  std::vector<AttemptRecord> attempts(const std::string& trainee = {}, const std::string& scenario_id = {});
  std::vector<std::string> trainees();
  /// A trainee's history on a scenario, oldest first: attempts() filtered.
  std::vector<AttemptRecord> history(const std::string& trainee, const std::string& scenario_id) {
    return attempts(trainee, scenario_id);
  }
  /// A trainee's scores on one criterion across completed attempts, oldest first.
  std::vector<CriterionPoint> criterion_history(const std::string& trainee, const std::string& scenario_id,
                                                const std::string& criterion);
  /// Trainees x scenarios, sorted by trainee then scenario.
  std::vector<CohortCell> cohort();

  /// Statements not yet accepted by an LRS, oldest first.
  std::vector<OutboxEntry> pending_statements();
  std::vector<OutboxEntry> statements(const std::string& attempt_uuid = {});
  void mark_statement_sent(const std::string& statement_id);
  void mark_statement_failed(const std::string& statement_id, const std::string& error);

  /// Merges another station's database file; attempts de-duplicate by UUID,
  /// overrides and statements by theirs. One transaction per file.
  ImportStats import_from(const std::string& other_path);

 private:
  std::int64_t trainee_id(const std::string& name);
  void load_details(AttemptRecord& a);
  /// The treatment course of `a`, when it is one (progress_treatment_course.cpp).
  void load_treatment_course(AttemptRecord& a);
  /// Whether the file has migration 5's tables (a read-only older file has not).
  bool has_treatment_tables();
  /// Appends statements to the attempt's outbox, after those already there.
  void queue_statements(const std::string& attempt_uuid, const std::vector<XapiStatement>& statements,
                        const std::string& created_utc);

  SqliteDb db_;
  XapiSettings xapi_;
  std::optional<bool> treatment_tables_;  // has_treatment_tables(), asked once
};

}  // namespace dermasim::record
