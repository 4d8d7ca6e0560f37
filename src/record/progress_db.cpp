#include "record/progress_db.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "record/benchmark_store.hpp"
#include "record/migrations.hpp"
#include "record/proficiency.hpp"
#include "record/utc_time.hpp"
#include "record/uuid.hpp"

#include "record/text_util.hpp"

namespace dermasim::record {
namespace fs = std::filesystem;

namespace {

// The columns of an AttemptRecord, in the order read_attempt() expects.
constexpr const char* attempt_columns =
    "a.uuid, t.name, a.scenario_id, a.scenario_title, a.scenario_hash, a.started_utc, a.ended_utc, a.duration_s, "
    "a.status, a.total, a.passed, a.pass_mark, a.recording_path, a.mode";

AttemptRecord read_attempt(const Statement& st) {
  AttemptRecord a;
  a.uuid = st.text(0);
  a.trainee = st.text(1);
  a.scenario_id = st.text(2);
  a.scenario_title = st.text(3);
  a.scenario_hash = st.text(4);
  a.started_utc = st.text(5);
  a.ended_utc = st.opt_text(6);
  a.duration_s = st.opt_real(7);
  // The schema's CHECK constraints hold both to their closed sets.
  a.status = parse_attempt_status(st.text(8)).value_or(AttemptStatus::interrupted);
  a.graded_total = st.opt_real(9);
  if (!st.is_null(10)) a.graded_passed = st.integer(10) != 0;
  a.pass_mark = st.opt_real(11);
  a.recording_path = st.text(12);
  a.mode = scenario::parse_mode(st.text(13)).value_or(scenario::Mode::practice);
  a.total = a.graded_total;
  a.passed = a.graded_passed;
  return a;
}

}  // namespace

// What xAPI statements say of a stored attempt (its graded result).
AttemptFacts attempt_facts(const AttemptRecord& a) {
  AttemptFacts f;
  f.attempt_uuid = a.uuid;
  f.trainee = a.trainee;
  f.scenario_id = a.scenario_id;
  f.scenario_title = a.scenario_title;
  f.started_utc = a.started_utc;
  f.ended_utc = a.ended_utc.value_or(a.started_utc);
  f.duration_s = a.duration_s.value_or(0.0);
  f.completed = a.status == AttemptStatus::completed;
  f.mode = a.mode;
  f.total = a.graded_total.value_or(0.0);
  f.pass_mark = a.pass_mark.value_or(70.0);
  f.passed = a.graded_passed.value_or(false);
  for (const auto& c : a.criteria) f.criteria.push_back({c.criterion, c.score, c.applicable});
  for (const auto& e : a.critical_errors) f.critical_errors.push_back(e.kind);
  if (a.treatment_course) {
    const TreatmentCourseRecord& c = *a.treatment_course;
    XapiTreatmentCourse x{{}, c.treatments, c.outcome_day, c.improvement_percent, c.key_improvement_percent};
    for (const auto& v : c.visits) {
      XapiVisit xv;
      xv.visit = v.visit;
      xv.day = v.day;
      xv.ended_utc = parse_utc(v.started_utc) ? format_utc(*parse_utc(v.started_utc) + v.duration_s) : f.ended_utc;
      xv.duration_s = v.duration_s;
      xv.decision = v.decision;
      xv.total = v.total;
      xv.passed = v.passed;
      xv.return_in_weeks = v.return_in_weeks;
      for (const auto& cs : v.criteria) xv.criteria.push_back({cs.criterion, cs.score, cs.applicable});
      for (const auto& e : v.critical_errors) xv.critical_errors.push_back(e.kind);
      x.visits.push_back(std::move(xv));
    }
    f.treatment_course = std::move(x);
  }
  return f;
}

std::string_view attempt_status_name(AttemptStatus s) {
  return s == AttemptStatus::completed ? "completed" : "interrupted";
}

std::optional<AttemptStatus> parse_attempt_status(std::string_view name) {
  if (name == "completed") return AttemptStatus::completed;
  if (name == "interrupted") return AttemptStatus::interrupted;
  return std::nullopt;
}

namespace {
SqliteDb open_creating_folder(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) throw DbError(path + ": cannot create the folder " + parent.string() + ": " + ec.message());
  if (fs::is_directory(path)) throw DbError(path + ": is a folder, not a database file");
  // SQLite would open a read-only file or folder and fail later with "unable
  // to open database file"; say what is wrong instead (the WAL and its
  // shared memory live next to the file, so the folder must be writable too).
  const std::string folder = parent.empty() ? "." : parent.string();
  if (::access(folder.c_str(), W_OK) != 0 || (fs::exists(path) && ::access(path.c_str(), W_OK) != 0))
    throw DbError(path + ": the database or its folder is read-only (" + std::strerror(errno) +
                  "); attempts cannot be stored here (records export still reads it)");
  return SqliteDb(path, true);
}
}  // namespace

ProgressDb::ProgressDb(const std::string& path, XapiSettings xapi) : db_(open_creating_folder(path)), xapi_(std::move(xapi)) {
  // WAL: readers (the instructor's view, `records sync`) never block the
  // attempt being written, and a commit is one append to the log.
  {
    // Scoped: a statement still holding a row would block migrate()'s COMMIT.
    Statement wal(db_, "PRAGMA journal_mode = WAL");
    if (!wal.step() || wal.text(0) != "wal") throw DbError(path + ": cannot switch the database to WAL mode");
  }
  // FULL: a committed attempt survives a power cut too, not only a kill.
  db_.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
  migrate(db_);
}

std::int64_t ProgressDb::trainee_id(const std::string& name) {
  Statement ins(db_, "INSERT OR IGNORE INTO trainees (name, created_utc) VALUES (?1, ?2)");
  ins.bind(1, name).bind(2, utc_now()).run();
  Statement sel(db_, "SELECT id FROM trainees WHERE name = ?1");
  sel.bind(1, name);
  if (!sel.step()) db_.fail("cannot find the trainee just added");
  return sel.integer(0);
}

std::string ProgressDb::record_attempt_started(const AttemptStart& start) {
  const std::string trainee = trimmed(start.trainee);
  if (trainee.empty()) throw std::invalid_argument("an attempt needs a trainee name");
  if (start.scenario_id.empty()) throw std::invalid_argument("an attempt needs a scenario id");
  const std::string uuid = start.attempt_uuid.empty() ? uuid_v4() : start.attempt_uuid;
  if (!is_uuid(uuid)) throw std::invalid_argument("attempt id '" + uuid + "' is not a UUID");
  const std::string started = start.started_utc.empty() ? utc_now() : start.started_utc;
  if (!parse_utc(started)) throw std::invalid_argument("start time '" + started + "' is not an ISO 8601 UTC time");

  Transaction tx(db_);
  {
    Statement exists(db_, "SELECT 1 FROM attempts WHERE uuid = ?1");
    if (exists.bind(1, uuid).step()) throw DbError(db_.path() + ": attempt " + uuid + " is already recorded");
  }
  const std::int64_t tid = trainee_id(trainee);
  Statement ins(db_,
                "INSERT INTO attempts (uuid, trainee_id, scenario_id, scenario_title, scenario_hash, started_utc, "
                "status, recording_path, mode) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  ins.bind(1, uuid).bind(2, tid).bind(3, start.scenario_id).bind(4, start.scenario_title);
  ins.bind(5, start.scenario_hash).bind(6, started).bind(7, attempt_status_name(AttemptStatus::interrupted));
  ins.bind(8, start.recording_path).bind(9, scenario::mode_name(start.mode)).run();
  tx.commit();
  return uuid;
}

void ProgressDb::record_attempt_finished(const std::string& attempt_uuid, const scenario::Grade& grade,
                                         const AttemptEnd& end) {
  const std::string ended = end.ended_utc.empty() ? utc_now() : end.ended_utc;
  if (!parse_utc(ended)) throw std::invalid_argument("end time '" + ended + "' is not an ISO 8601 UTC time");
  if (!(grade.total >= 0.0 && grade.total <= 100.0))
    throw std::invalid_argument("a grade total must be within 0..100, got " + std::to_string(grade.total));

  Transaction tx(db_);
  const auto before = attempt(attempt_uuid);
  if (!before) throw DbError(db_.path() + ": no attempt " + attempt_uuid);
  if (before->ended_utc) throw DbError(db_.path() + ": attempt " + attempt_uuid + " is already finished");
  // Duration means one thing everywhere: ended - started (AttemptEnd may say otherwise for a known span).
  const double duration_s =
      end.duration_s.value_or(std::max(0.0, *parse_utc(ended) - parse_utc(before->started_utc).value_or(0)));

  Statement upd(db_,
                "UPDATE attempts SET status = ?2, ended_utc = ?3, duration_s = ?4, total = ?5, passed = ?6, "
                "pass_mark = ?7, scenario_title = ?8 WHERE uuid = ?1");
  upd.bind(1, attempt_uuid)
      .bind(2, attempt_status_name(end.completed ? AttemptStatus::completed : AttemptStatus::interrupted))
      .bind(3, ended);
  upd.bind(4, duration_s).bind(5, grade.total).bind(6, grade.passed).bind(7, grade.pass_mark);
  upd.bind(8, before->scenario_title.empty() ? grade.scenario_title : before->scenario_title).run();

  Statement crit(db_,
                 "INSERT INTO criterion_scores (attempt_uuid, criterion, score, weight, threshold, applicable) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& c : grade.criteria) {
    const std::string name(scenario::criterion_name(c.id));
    crit.reset();
    crit.bind(1, attempt_uuid).bind(2, name).bind(3, c.score).bind(4, c.weight).bind(5, c.threshold);
    crit.bind(6, c.applicable).run();
  }
  Statement err(db_, "INSERT INTO critical_errors (attempt_uuid, seq, kind, message) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t i = 0; i < grade.critical_errors.size(); ++i) {
    const auto& e = grade.critical_errors[i];
    err.reset();
    err.bind(1, attempt_uuid).bind(2, static_cast<std::int64_t>(i)).bind(3, std::string(e.name())).bind(4, e.message).run();
  }
  // The statements join the outbox in the same transaction: an attempt is
  // never stored without them, nor they without it. They say what the
  // database now holds (facts_of, the one way stored attempts become facts).
  const AttemptFacts stored = attempt_facts(*attempt(attempt_uuid));
  queue_statements(attempt_uuid, attempt_statements(stored, xapi_), ended);
  // Issue 15: the metrics benchmarks judge; "mastered" when this attempt makes its trainee proficient.
  store_attempt_metrics(db_, attempt_uuid, grade);
  if (auto st = proficiency_reached_statement(*this, stored, xapi_)) queue_statements(attempt_uuid, {*st}, ended);
  tx.commit();
}

OverrideRecord ProgressDb::override_grade(const std::string& attempt_uuid, double new_total, bool new_passed,
                                          const std::string& reason, const std::string& instructor) {
  OverrideRecord o;
  o.reason = trimmed(reason);
  o.instructor = trimmed(instructor);
  if (o.reason.empty()) throw std::invalid_argument("an override needs a reason: it is kept in the audit trail");
  if (o.instructor.empty()) throw std::invalid_argument("an override needs the instructor's name");
  if (!(new_total >= 0.0 && new_total <= 100.0))
    throw std::invalid_argument("an overridden total must be within 0..100, got " + std::to_string(new_total));
  Transaction tx(db_);
  const auto a = attempt(attempt_uuid);
  if (!a) throw DbError(db_.path() + ": no attempt " + attempt_uuid);
  if (!a->ended_utc) throw DbError(db_.path() + ": attempt " + attempt_uuid + " is still in progress");
  o.uuid = uuid_v4();
  o.attempt_uuid = attempt_uuid;
  o.at_utc = utc_now_ms();
  o.old_total = a->total;
  o.old_passed = a->passed;
  o.new_total = new_total;
  o.new_passed = new_passed;
  Statement ins(db_,
                "INSERT INTO grade_overrides (uuid, attempt_uuid, at_utc, instructor, old_total, old_passed, "
                "new_total, new_passed, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  ins.bind(1, o.uuid).bind(2, o.attempt_uuid).bind(3, o.at_utc).bind(4, o.instructor).bind(5, o.old_total);
  ins.bind(6, o.old_passed).bind(7, o.new_total).bind(8, o.new_passed).bind(9, o.reason).run();
  // The course's LRS hears of it in the same transaction: the verdict it had
  // is voided and the new one sent, through the outbox like any statement.
  OverrideFacts x{o.uuid, o.instructor, o.reason, o.at_utc, new_total, new_passed, a->graded_total.value_or(0.0), {}};
  if (!a->overrides.empty())
    x.voids_statement_id = verdict_statement_id(a->overrides.back().uuid, a->overrides.back().new_passed);
  else if (a->status == AttemptStatus::completed && a->graded_passed)
    x.voids_statement_id = verdict_statement_id(a->uuid, *a->graded_passed);
  queue_statements(attempt_uuid, override_statements(attempt_facts(*a), x, xapi_), o.at_utc);
  tx.commit();
  return o;
}

void ProgressDb::load_details(AttemptRecord& a) {
  Statement crit(db_,
                 "SELECT criterion, score, weight, threshold, applicable FROM criterion_scores WHERE attempt_uuid = ?1 "
                 "ORDER BY rowid");
  crit.bind(1, a.uuid);
  while (crit.step()) a.criteria.push_back({crit.text(0), crit.real(1), crit.real(2), crit.real(3), crit.integer(4) != 0});
  // Criteria in the grading's order (depth, coverage, ...), not the table's;
  // a course's own (series, outcome) keep the order they were stored in.
  auto rank = [](const std::string& n) {
    const auto id = scenario::parse_criterion(n);
    return id ? static_cast<int>(*id) : scenario::criterion_count;
  };
  std::stable_sort(a.criteria.begin(), a.criteria.end(),
                   [&](const CriterionScore& x, const CriterionScore& y) { return rank(x.criterion) < rank(y.criterion); });
  Statement err(db_, "SELECT kind, message FROM critical_errors WHERE attempt_uuid = ?1 ORDER BY seq");
  err.bind(1, a.uuid);
  while (err.step()) a.critical_errors.push_back({err.text(0), err.text(1)});
  Statement ov(db_,
               "SELECT uuid, at_utc, instructor, old_total, old_passed, new_total, new_passed, reason "
               "FROM grade_overrides WHERE attempt_uuid = ?1 ORDER BY at_utc, rowid");
  ov.bind(1, a.uuid);
  while (ov.step()) {
    OverrideRecord o;
    o.uuid = ov.text(0);
    o.attempt_uuid = a.uuid;
    o.at_utc = ov.text(1);
    o.instructor = ov.text(2);
    o.old_total = ov.opt_real(3);
    if (!ov.is_null(4)) o.old_passed = ov.integer(4) != 0;
    o.new_total = ov.real(5);
    o.new_passed = ov.integer(6) != 0;
    o.reason = ov.text(7);
    a.overrides.push_back(std::move(o));
  }
  if (!a.overrides.empty()) {
    a.total = a.overrides.back().new_total;
    a.passed = a.overrides.back().new_passed;
  }
  load_treatment_course(a);
}

std::optional<AttemptRecord> ProgressDb::attempt(const std::string& uuid) {
  Statement sel(db_, std::string("SELECT ") + attempt_columns +
                         " FROM attempts a JOIN trainees t ON t.id = a.trainee_id WHERE a.uuid = ?1");
  if (!sel.bind(1, uuid).step()) return std::nullopt;
  AttemptRecord a = read_attempt(sel);
  load_details(a);
  return a;
}

std::vector<AttemptRecord> ProgressDb::attempts(const std::string& trainee, const std::string& scenario_id) {
  Statement sel(db_, std::string("SELECT ") + attempt_columns +
                         " FROM attempts a JOIN trainees t ON t.id = a.trainee_id "
                         "WHERE (?1 = '' OR t.name = ?1) AND (?2 = '' OR a.scenario_id = ?2) "
                         "ORDER BY a.started_utc, a.rowid");
  sel.bind(1, trainee).bind(2, scenario_id);
  std::vector<AttemptRecord> out;
  while (sel.step()) out.push_back(read_attempt(sel));
  for (auto& a : out) load_details(a);
  return out;
}

std::vector<std::string> ProgressDb::trainees() {
  Statement sel(db_, "SELECT name FROM trainees ORDER BY name");
  std::vector<std::string> out;
  while (sel.step()) out.push_back(sel.text(0));
  return out;
}

std::vector<CriterionPoint> ProgressDb::criterion_history(const std::string& trainee, const std::string& scenario_id,
                                                          const std::string& criterion) {
  Statement sel(db_,
                "SELECT a.uuid, a.started_utc, c.score, c.applicable FROM attempts a "
                "JOIN trainees t ON t.id = a.trainee_id JOIN criterion_scores c ON c.attempt_uuid = a.uuid "
                "WHERE t.name = ?1 AND a.scenario_id = ?2 AND c.criterion = ?3 AND a.status = 'completed' "
                "ORDER BY a.started_utc, a.rowid");
  sel.bind(1, trainee).bind(2, scenario_id).bind(3, criterion);
  std::vector<CriterionPoint> out;
  while (sel.step()) out.push_back({sel.text(0), sel.text(1), sel.real(2), sel.integer(3) != 0});
  return out;
}

std::vector<CohortCell> ProgressDb::cohort() {
  std::map<std::pair<std::string, std::string>, CohortCell> cells;
  for (const auto& a : attempts()) {
    CohortCell& c = cells[{a.trainee, a.scenario_id}];
    c.trainee = a.trainee;
    c.scenario_id = a.scenario_id;
    if (a.status != AttemptStatus::completed) {
      ++c.interrupted;
      continue;
    }
    const double total = a.total.value_or(0.0);
    const bool passed = a.passed.value_or(false);
    const int errors = static_cast<int>(a.critical_errors.size());
    if (c.attempts == 0 || total > c.best_total) c.best_total = total;
    ++c.attempts;
    if (a.mode == scenario::Mode::assessment) ++c.assessed;
    c.latest_mode = a.mode;
    // attempts() is oldest first, so the last completed one is the latest.
    c.latest_uuid = a.uuid;
    c.latest_utc = a.started_utc;
    c.latest_total = total;
    c.latest_passed = passed;
    c.latest_critical_errors = errors;
    c.latest_visits = a.treatment_course ? static_cast<int>(a.treatment_course->visits.size()) : 0;
    c.ever_passed = c.ever_passed || passed;
    c.critical_errors += errors;
  }
  std::vector<CohortCell> out;
  for (auto& [key, cell] : cells) out.push_back(std::move(cell));
  return out;
}

}  // namespace dermasim::record
