// Treatment courses (issue 14) in the progress database: a course attempt is
// one attempts row with its course total and verdict, plus migration 5's
// tables (the outcome and every visit with its grade). Stored, read and
// imported here; the attempt row itself is written as any attempt's.
#include <algorithm>
#include <stdexcept>

#include "record/progress_db.hpp"
#include "record/treatment_course_tables.hpp"
#include "record/utc_time.hpp"

namespace dermasim::record {

bool ProgressDb::has_treatment_tables() {
  // Asked once: a writer's file is migrated, a read-only older one never changes.
  if (!treatment_tables_) treatment_tables_ = record::has_treatment_tables(db_);
  return *treatment_tables_;
}

void ProgressDb::record_treatment_course_finished(const std::string& attempt_uuid, const TreatmentCourseResult& r,
                                                  const AttemptEnd& end) {
  const std::string ended = end.ended_utc.empty() ? utc_now() : end.ended_utc;
  if (!parse_utc(ended)) throw std::invalid_argument("end time '" + ended + "' is not an ISO 8601 UTC time");
  if (!(r.total >= 0.0 && r.total <= 100.0))
    throw std::invalid_argument("a course total must be within 0..100, got " + std::to_string(r.total));
  if (r.course.visits.empty()) throw std::invalid_argument("a treatment course has at least one visit");
  for (std::size_t i = 0; i < r.course.visits.size(); ++i) {
    const VisitRecord& v = r.course.visits[i];
    if (v.visit != static_cast<int>(i) + 1)
      throw std::invalid_argument("a treatment course's visits are numbered 1, 2, ... in order; visit " +
                                  std::to_string(i + 1) + " says " + std::to_string(v.visit));
    if (!(v.total >= 0.0 && v.total <= 100.0))
      throw std::invalid_argument("visit " + std::to_string(v.visit) + ": a total outside 0..100");
    if (!parse_utc(v.started_utc))
      throw std::invalid_argument("visit " + std::to_string(v.visit) + ": start time '" + v.started_utc +
                                  "' is not an ISO 8601 UTC time");
  }

  Transaction tx(db_);
  const auto before = attempt(attempt_uuid);
  if (!before) throw DbError(db_.path() + ": no attempt " + attempt_uuid);
  if (before->ended_utc) throw DbError(db_.path() + ": attempt " + attempt_uuid + " is already finished");
  const double duration_s =
      end.duration_s.value_or(std::max(0.0, *parse_utc(ended) - parse_utc(before->started_utc).value_or(0)));
  Statement upd(db_,
                "UPDATE attempts SET status = ?2, ended_utc = ?3, duration_s = ?4, total = ?5, passed = ?6, "
                "pass_mark = ?7, scenario_title = ?8 WHERE uuid = ?1");
  upd.bind(1, attempt_uuid)
      .bind(2, attempt_status_name(end.completed ? AttemptStatus::completed : AttemptStatus::interrupted))
      .bind(3, ended);
  upd.bind(4, duration_s).bind(5, r.total).bind(6, r.passed).bind(7, r.pass_mark);
  upd.bind(8, before->scenario_title.empty() ? r.scenario_title : before->scenario_title).run();

  Statement crit(db_,
                 "INSERT INTO criterion_scores (attempt_uuid, criterion, score, weight, threshold, applicable) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& c : r.criteria) {
    crit.reset();
    crit.bind(1, attempt_uuid).bind(2, c.criterion).bind(3, c.score).bind(4, c.weight).bind(5, c.threshold);
    crit.bind(6, c.applicable).run();
  }
  Statement err(db_, "INSERT INTO critical_errors (attempt_uuid, seq, kind, message) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t i = 0; i < r.critical_errors.size(); ++i) {
    err.reset();
    err.bind(1, attempt_uuid).bind(2, static_cast<std::int64_t>(i)).bind(3, r.critical_errors[i].kind);
    err.bind(4, r.critical_errors[i].message).run();
  }

  const TreatmentCourseRecord& c = r.course;
  Statement course(db_,
                   "INSERT INTO treatment_courses (attempt_uuid, treatments, outcome_day, improvement_percent, "
                   "key_improvement_percent, pih, infection, tram_track) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  course.bind(1, attempt_uuid).bind(2, c.treatments).bind(3, c.outcome_day).bind(4, c.improvement_percent);
  course.bind(5, c.key_improvement_percent).bind(6, c.pih).bind(7, c.infection).bind(8, c.tram_track).run();
  Statement visit(db_,
                  "INSERT INTO treatment_visits (attempt_uuid, visit, day, started_utc, duration_s, decision, total, "
                  "pass_mark, passed, return_in_weeks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  Statement score(db_,
                  "INSERT INTO treatment_visit_scores (attempt_uuid, visit, criterion, score, weight, threshold, "
                  "applicable) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Statement verr(db_,
                 "INSERT INTO treatment_visit_errors (attempt_uuid, visit, seq, kind, message) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const VisitRecord& v : c.visits) {
    visit.reset();
    visit.bind(1, attempt_uuid).bind(2, v.visit).bind(3, v.day).bind(4, v.started_utc).bind(5, v.duration_s);
    visit.bind(6, v.decision).bind(7, v.total).bind(8, v.pass_mark).bind(9, v.passed).bind(10, v.return_in_weeks).run();
    for (const auto& cs : v.criteria) {
      score.reset();
      score.bind(1, attempt_uuid).bind(2, v.visit).bind(3, cs.criterion).bind(4, cs.score).bind(5, cs.weight);
      score.bind(6, cs.threshold).bind(7, cs.applicable).run();
    }
    for (std::size_t i = 0; i < v.critical_errors.size(); ++i) {
      verr.reset();
      verr.bind(1, attempt_uuid).bind(2, v.visit).bind(3, static_cast<std::int64_t>(i));
      verr.bind(4, v.critical_errors[i].kind).bind(5, v.critical_errors[i].message).run();
    }
  }
  // As for a single attempt: the statements say what the database now holds,
  // and join the outbox in this transaction. No proficiency statement: expert
  // benchmarks (issue 15) are set on single visits' metrics, which a course's
  // row does not carry.
  queue_statements(attempt_uuid, attempt_statements(attempt_facts(*attempt(attempt_uuid)), xapi_), ended);
  tx.commit();
}

void ProgressDb::load_treatment_course(AttemptRecord& a) {
  if (!has_treatment_tables()) return;
  Statement course(db_,
                   "SELECT treatments, outcome_day, improvement_percent, key_improvement_percent, pih, infection, "
                   "tram_track FROM treatment_courses WHERE attempt_uuid = ?1");
  if (!course.bind(1, a.uuid).step()) return;
  TreatmentCourseRecord c;
  c.treatments = static_cast<int>(course.integer(0));
  c.outcome_day = course.real(1);
  c.improvement_percent = course.real(2);
  c.key_improvement_percent = course.real(3);
  c.pih = static_cast<int>(course.integer(4));
  c.infection = static_cast<int>(course.integer(5));
  c.tram_track = static_cast<int>(course.integer(6));
  Statement visit(db_,
                  "SELECT visit, day, started_utc, duration_s, decision, total, pass_mark, passed, return_in_weeks "
                  "FROM treatment_visits WHERE attempt_uuid = ?1 ORDER BY visit");
  visit.bind(1, a.uuid);
  while (visit.step()) {
    VisitRecord v;
    v.visit = static_cast<int>(visit.integer(0));
    v.day = visit.real(1);
    v.started_utc = visit.text(2);
    v.duration_s = visit.real(3);
    v.decision = visit.text(4);
    v.total = visit.real(5);
    v.pass_mark = visit.real(6);
    v.passed = visit.integer(7) != 0;
    v.return_in_weeks = visit.opt_real(8);
    c.visits.push_back(std::move(v));
  }
  Statement score(db_,
                  "SELECT criterion, score, weight, threshold, applicable FROM treatment_visit_scores "
                  "WHERE attempt_uuid = ?1 AND visit = ?2 ORDER BY rowid");
  Statement err(db_, "SELECT kind, message FROM treatment_visit_errors WHERE attempt_uuid = ?1 AND visit = ?2 ORDER BY seq");
  for (VisitRecord& v : c.visits) {
    score.reset();
    score.bind(1, a.uuid).bind(2, v.visit);
    while (score.step())
      v.criteria.push_back({score.text(0), score.real(1), score.real(2), score.real(3), score.integer(4) != 0});
    err.reset();
    err.bind(1, a.uuid).bind(2, v.visit);
    while (err.step()) v.critical_errors.push_back({err.text(0), err.text(1)});
  }
  a.treatment_course = std::move(c);
}

bool has_treatment_tables(SqliteDb& db) {
  Statement has(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                    "('treatment_courses', 'treatment_visits', 'treatment_visit_scores', 'treatment_visit_errors')");
  return has.step() && has.integer(0) == 4;
}

void drop_treatment_course(SqliteDb& db, const std::string& uuid) {
  // Children first: the foreign keys cascade, but a file merged from a
  // station whose rows break them must fail here, not leave orphans.
  for (const char* table : {"treatment_visit_errors", "treatment_visit_scores", "treatment_visits", "treatment_courses"}) {
    Statement del(db, std::string("DELETE FROM ") + table + " WHERE attempt_uuid = ?1");
    del.bind(1, uuid).run();
  }
}

void copy_treatment_course(SqliteDb& src, SqliteDb& dst, const std::string& uuid) {
  Statement course(src,
                   "SELECT treatments, outcome_day, improvement_percent, key_improvement_percent, pih, infection, "
                   "tram_track FROM treatment_courses WHERE attempt_uuid = ?1");
  if (!course.bind(1, uuid).step()) return;
  Statement course_ins(dst,
                       "INSERT INTO treatment_courses (attempt_uuid, treatments, outcome_day, improvement_percent, "
                       "key_improvement_percent, pih, infection, tram_track) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  course_ins.bind(1, uuid).bind(2, course.integer(0)).bind(3, course.real(1)).bind(4, course.real(2));
  course_ins.bind(5, course.real(3)).bind(6, course.integer(4)).bind(7, course.integer(5)).bind(8, course.integer(6)).run();
  Statement visit(src,
                  "SELECT visit, day, started_utc, duration_s, decision, total, pass_mark, passed, return_in_weeks "
                  "FROM treatment_visits WHERE attempt_uuid = ?1 ORDER BY visit");
  Statement visit_ins(dst,
                      "INSERT INTO treatment_visits (attempt_uuid, visit, day, started_utc, duration_s, decision, total, "
                      "pass_mark, passed, return_in_weeks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  Statement span(src, "SELECT started_utc, ended_utc FROM attempts WHERE uuid = ?1");
  if (!span.bind(1, uuid).step()) throw DbError("attempt " + uuid + " has a treatment course but no attempt row");
  const auto course_start = parse_utc(span.text(0));
  const auto course_end = span.is_null(1) ? std::nullopt : parse_utc(span.text(1));
  // What this station's own writes guarantee, checked on the way in (the
  // tables' CHECKs hold the numbers): visits numbered 1, 2, ... without a
  // gap, each starting after the one before and within the attempt's own
  // start and end. A forged or damaged row refuses the whole import.
  int expected = 1;
  double previous_start = 0.0;
  visit.bind(1, uuid);
  while (visit.step()) {
    const std::string where = "attempt " + uuid + " visit " + std::to_string(visit.integer(0));
    if (visit.integer(0) != expected)
      throw DbError("attempt " + uuid + "'s visits are not numbered 1, 2, ... in order: visit " +
                    std::to_string(expected) + " is " + std::to_string(visit.integer(0)));
    const auto start = parse_utc(visit.text(2));
    if (!start) throw DbError(where + " has no valid start time");
    // One second of slack: times are stored to the second or the millisecond.
    constexpr double slack_s = 1.0;
    if ((course_start && *start + slack_s < *course_start) || (expected > 1 && *start < previous_start) ||
        (course_end && *start + visit.real(3) > *course_end + slack_s))
      throw DbError(where + " starts at " + visit.text(2) + ", outside its course or before the visit before it");
    previous_start = *start;
    ++expected;
    visit_ins.reset();
    visit_ins.bind(1, uuid).bind(2, visit.integer(0)).bind(3, visit.real(1)).bind(4, visit.text(2)).bind(5, visit.real(3));
    visit_ins.bind(6, visit.text(4)).bind(7, visit.real(5)).bind(8, visit.real(6)).bind(9, visit.integer(7));
    visit_ins.bind(10, visit.opt_real(8)).run();
  }
  if (expected == 1) throw DbError("attempt " + uuid + " is a treatment course without visits");
  Statement score(src,
                  "SELECT visit, criterion, score, weight, threshold, applicable FROM treatment_visit_scores "
                  "WHERE attempt_uuid = ?1 ORDER BY rowid");
  Statement score_ins(dst,
                      "INSERT INTO treatment_visit_scores (attempt_uuid, visit, criterion, score, weight, threshold, "
                      "applicable) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  score.bind(1, uuid);
  while (score.step()) {
    score_ins.reset();
    score_ins.bind(1, uuid).bind(2, score.integer(0)).bind(3, score.text(1)).bind(4, score.real(2));
    score_ins.bind(5, score.real(3)).bind(6, score.real(4)).bind(7, score.integer(5)).run();
  }
  Statement err(src, "SELECT visit, seq, kind, message FROM treatment_visit_errors WHERE attempt_uuid = ?1 ORDER BY rowid");
  Statement err_ins(dst,
                    "INSERT INTO treatment_visit_errors (attempt_uuid, visit, seq, kind, message) VALUES (?1, ?2, ?3, ?4, ?5)");
  err.bind(1, uuid);
  while (err.step()) {
    err_ins.reset();
    err_ins.bind(1, uuid).bind(2, err.integer(0)).bind(3, err.integer(1)).bind(4, err.text(2)).bind(5, err.text(3)).run();
  }
}

}  // namespace dermasim::record
