// Storing a treatment course attempt (issue 14): one attempt row for the
// course, every visit beneath it. The record is derived once
// (course_attempt_record) and both the database and `records statements
// --session` take it from there, so a course's statements are the same
// whether they come from a file or from the database.
#include "record/recorded_course.hpp"

#include <stdexcept>

#include "record/utc_time.hpp"
#include "record/uuid.hpp"

namespace dermasim::record {
namespace {

// The pen commands are recorded at the physics rate, 1 kHz (as recorded_attempt.cpp).
constexpr double seconds_per_command = 1.0e-3;

std::string visit_label(std::size_t index) { return "visit " + std::to_string(index + 1); }

}  // namespace

scenario::PlayedCourse play_recorded_course(const std::shared_ptr<const scenario::Scenario>& s,
                                            const CourseRecording& rec, const std::string& name) {
  scenario::PlayedCourse played = scenario::play_course(s, [&](int visit, const std::shared_ptr<const scenario::Scenario>&) {
    if (visit > static_cast<int>(rec.visits.size()))
      throw RecordError(name + ": the course goes on past the recording's last visit");
    const auto& v = rec.visits[static_cast<std::size_t>(visit - 1)];
    scenario::VisitAttempt a;
    a.answers = v.attempt.answers;
    a.commands = v.attempt.commands;
    a.final_state_hash = v.attempt.final_state_hash;
    a.return_in_weeks = v.return_in_weeks;
    return a;
  });
  return played;
}

AttemptRecord course_attempt_record(const scenario::CourseGrade& grade, const CourseRecording& rec,
                                    const std::string& recording_path, const std::string& trainee) {
  if (rec.visits.empty()) throw std::invalid_argument("the course recording holds no visits");
  // A grade of another course, or of a course that ended at another visit,
  // would store visits the recording does not hold.
  if (grade.visits.size() != rec.visits.size())
    throw std::invalid_argument("the course recording holds " + std::to_string(rec.visits.size()) +
                                " visit(s) but the case's course played " + std::to_string(grade.visits.size()) +
                                " with its answers: the recording does not match the case");
  if (const std::string wrong = visit_of_other_case(rec, grade.scenario_id); !wrong.empty())
    throw std::invalid_argument(wrong);
  const Recording& first = rec.visits.front().attempt;
  AttemptRecord a;
  a.trainee = trainee.empty() ? first.trainee : trainee;
  if (a.trainee.empty()) throw std::invalid_argument("the course recording names no trainee; pass one");
  // Name-based on the recording's canonical bytes and the trainee: the same
  // course stored twice is one attempt (the xAPI registration).
  std::string name = "course-recording/";
  name.append(sha1_hex(encode_course_recording(rec))).append("/").append(a.trainee);
  a.uuid = uuid_v5(dermasim_uuid_namespace, name);
  a.scenario_id = grade.scenario_id;
  a.scenario_title = grade.scenario_title;
  a.scenario_hash = first.scenario_hash;
  a.recording_path = recording_path;
  a.mode = first.answers.mode;

  TreatmentCourseRecord c;
  c.treatments = grade.outcome.treatments;
  c.outcome_day = grade.outcome.day;
  c.improvement_percent = grade.outcome.improvement_percent;
  c.key_improvement_percent = grade.key_outcome.improvement_percent;
  c.pih = grade.outcome.pih;
  c.infection = grade.outcome.infection;
  c.tram_track = grade.outcome.tram_track;
  bool completed = true;
  double previous_start = 0.0, duration_s = 0.0, last_end = 0.0;
  for (std::size_t i = 0; i < rec.visits.size(); ++i) {
    const Recording& r = rec.visits[i].attempt;
    const scenario::PlayedVisit& played = grade.visits[i];
    const auto start = parse_utc(r.started_utc);
    if (!start) throw std::invalid_argument(visit_label(i) + ": start time '" + r.started_utc + "' is not ISO 8601 UTC");
    // Visits are played in order: a later visit recorded as started earlier is forged or broken.
    if (i > 0 && *start < previous_start)
      throw std::invalid_argument(visit_label(i) + " starts at " + r.started_utc + ", before the visit before it");
    previous_start = *start;
    VisitRecord v;
    v.visit = static_cast<int>(i) + 1;
    v.day = played.findings.day;
    v.started_utc = r.started_utc;
    v.duration_s = static_cast<double>(r.commands.size()) * seconds_per_command;
    // Empty when the visit ended before the screening decision was given.
    if (const auto& consult = played.attempt.answers.consultation)
      v.decision = std::string(scenario::decision_name(consult->decision));
    v.total = played.grade.total;
    v.pass_mark = played.grade.pass_mark;
    v.passed = played.grade.passed;
    v.return_in_weeks = rec.visits[i].return_in_weeks;
    for (const auto& cr : played.grade.criteria)
      v.criteria.push_back({std::string(scenario::criterion_name(cr.id)), cr.score, cr.weight, cr.threshold, cr.applicable});
    for (const auto& e : played.grade.critical_errors) {
      v.critical_errors.push_back({std::string(e.name()), e.message});
      // The course row carries every visit's critical errors, each saying which visit.
      a.critical_errors.push_back({std::string(e.name()), visit_label(i) + ": " + e.message});
    }
    completed = completed && r.completed;
    duration_s += v.duration_s;
    last_end = *start + v.duration_s;
    c.visits.push_back(std::move(v));
  }
  a.started_utc = first.started_utc;
  a.ended_utc = format_utc(last_end);
  // The procedures' time; the weeks between visits are the patient's.
  a.duration_s = duration_s;
  a.status = completed ? AttemptStatus::completed : AttemptStatus::interrupted;
  a.total = a.graded_total = grade.total;
  a.passed = a.graded_passed = grade.passed;
  a.pass_mark = grade.pass_mark;
  for (const auto& cc : grade.criteria) a.criteria.push_back({cc.id, cc.score, cc.weight, cc.threshold, true});
  a.treatment_course = std::move(c);
  return a;
}

StoredCourseAttempt store_course_attempt(ProgressDb& db, const scenario::CourseGrade& grade,
                                         const CourseRecording& rec, const std::string& recording_path,
                                         const std::string& trainee) {
  const AttemptRecord a = course_attempt_record(grade, rec, recording_path, trainee);
  StoredCourseAttempt out;
  out.attempt_uuid = a.uuid;
  if (db.attempt(a.uuid)) return out;
  AttemptStart start;
  start.trainee = a.trainee;
  start.scenario_id = a.scenario_id;
  start.scenario_title = a.scenario_title;
  start.scenario_hash = a.scenario_hash;
  start.recording_path = a.recording_path;
  start.started_utc = a.started_utc;
  start.attempt_uuid = a.uuid;
  start.mode = a.mode;
  db.record_attempt_started(start);
  TreatmentCourseResult r;
  r.scenario_title = a.scenario_title;
  r.total = *a.total;
  r.pass_mark = *a.pass_mark;
  r.passed = *a.passed;
  r.criteria = a.criteria;
  r.critical_errors = a.critical_errors;
  r.course = *a.treatment_course;
  AttemptEnd end;
  end.ended_utc = *a.ended_utc;
  end.duration_s = a.duration_s;
  end.completed = a.status == AttemptStatus::completed;
  db.record_treatment_course_finished(a.uuid, r, end);
  out.added = true;
  return out;
}

std::vector<XapiStatement> course_attempt_statements(const scenario::CourseGrade& grade, const CourseRecording& rec,
                                                     const XapiSettings& xapi, const std::string& trainee) {
  return attempt_statements(attempt_facts(course_attempt_record(grade, rec, {}, trainee)), xapi);
}

}  // namespace dermasim::record
