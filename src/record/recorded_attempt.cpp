#include "record/recorded_attempt.hpp"

#include <stdexcept>

#include "record/utc_time.hpp"
#include "record/uuid.hpp"

namespace dermasim::record {
namespace {

// The pen commands are recorded at the physics rate, 1 kHz.
constexpr double seconds_per_command = 1.0e-3;

struct Derived {
  std::string uuid;
  std::string trainee;
  std::string started;
  std::string ended;
  double duration_s = 0.0;
  scenario::Grade grade;
};

Derived derive(const Recording& rec, const std::string& bytes, const scenario::Scenario& s, const std::string& trainee) {
  if (rec.scenario_id != s.id)
    throw std::invalid_argument("the recording is of scenario '" + rec.scenario_id + "', not '" + s.id + "'");
  Derived d;
  d.trainee = trainee.empty() ? rec.trainee : trainee;
  if (d.trainee.empty()) throw std::invalid_argument("the recording names no trainee; pass one");
  std::string name = "recording/";
  name.append(sha1_hex(bytes)).append("/").append(d.trainee);
  d.uuid = uuid_v5(dermasim_uuid_namespace, name);
  const auto start = parse_utc(rec.started_utc);
  if (!start) throw std::invalid_argument("the recording's start time '" + rec.started_utc + "' is not ISO 8601 UTC");
  d.started = rec.started_utc;
  // The procedure's length; the consultation's time is not recorded.
  d.duration_s = static_cast<double>(rec.commands.size()) * seconds_per_command;
  d.ended = format_utc(*start + d.duration_s);
  d.grade = scenario::grade_attempt(s, rec.answers, rec.commands);
  return d;
}

}  // namespace

StoredRecording store_recording(ProgressDb& db, const Recording& rec, const std::string& recording_bytes,
                                const scenario::Scenario& s, const std::string& recording_path,
                                const std::string& trainee) {
  Derived d = derive(rec, recording_bytes, s, trainee);
  StoredRecording out;
  out.attempt_uuid = d.uuid;
  out.grade = d.grade;
  if (db.attempt(d.uuid)) return out;
  AttemptStart start;
  start.trainee = d.trainee;
  start.scenario_id = s.id;
  start.scenario_title = s.title;
  start.scenario_hash = rec.scenario_hash;
  start.recording_path = recording_path;
  start.started_utc = d.started;
  start.attempt_uuid = d.uuid;
  start.mode = rec.answers.mode;
  db.record_attempt_started(start);
  AttemptEnd end;
  end.ended_utc = d.ended;
  end.duration_s = d.duration_s;
  end.completed = rec.completed;
  db.record_attempt_finished(d.uuid, d.grade, end);
  out.added = true;
  return out;
}

std::vector<XapiStatement> recording_statements(const Recording& rec, const std::string& recording_bytes,
                                                const scenario::Scenario& s, const XapiSettings& xapi,
                                                const std::string& trainee) {
  const Derived d = derive(rec, recording_bytes, s, trainee);
  AttemptFacts f;
  f.attempt_uuid = d.uuid;
  f.trainee = d.trainee;
  f.scenario_id = s.id;
  f.scenario_title = s.title;
  f.started_utc = d.started;
  f.ended_utc = d.ended;
  f.duration_s = d.duration_s;
  f.completed = rec.completed;
  f.mode = rec.answers.mode;
  f.total = d.grade.total;
  f.pass_mark = d.grade.pass_mark;
  f.passed = d.grade.passed;
  for (const auto& c : d.grade.criteria) f.criteria.push_back({std::string(scenario::criterion_name(c.id)), c.score, c.applicable});
  for (const auto& e : d.grade.critical_errors) f.critical_errors.emplace_back(e.name());
  return attempt_statements(f, xapi);
}

}  // namespace dermasim::record
