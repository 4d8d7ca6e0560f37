#include "app/attempt.hpp"

#include "app/outcome_film.hpp"
#include "scenario/outcome_report.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "scenario/simulation_builder.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

Attempt::Attempt(std::shared_ptr<const scenario::Scenario> scenario, scenario::Mode mode, std::string scenario_path,
                 std::string trainee)
    : session_(std::make_shared<scenario::Session>(scenario, mode)),
      preview_(scenario::build_simulator(*scenario, physics::DeviceSettings{})),
      scenario_path_(std::move(scenario_path)),
      trainee_(std::move(trainee)) {}

const physics::Simulator& Attempt::on_screen() const {
  return session_->answers().plan ? session_->simulator() : *preview_;
}

Attempt::~Attempt() {
  if (grade_.valid()) grade_.wait();
}

void Attempt::begin_record(record::ProgressDb* db, const std::string& recordings_dir) {
  const scenario::Scenario& s = session_->scenario();
  started_utc_ = record::utc_now_iso8601();
  std::string stamp = started_utc_;
  std::replace(stamp.begin(), stamp.end(), ':', '-');  // a file name on every system
  recording_path_ = (fs::path(recordings_dir) / (stamp + "_" + s.id + ".dsrec")).string();
  if (db)
    uuid_ = db->record_attempt_started(
        {trainee_, s.id, s.title, s.source_hash, recording_path_, started_utc_, "", session_->mode()});
}

void Attempt::start_procedure(const scenario::PlanAnswers& plan) {
  session_->set_plan(plan);
  fs::create_directories(fs::path(recording_path_).parent_path());
  journal_ = std::make_unique<record::RecordingJournal>(recording_path_ + ".journal", recording());
}

void Attempt::journal_steps() {
  if (journal_) journal_->append(session_->commands());
}

void Attempt::start_grading(bool with_outcome) {
  // The finished session no longer changes; the worker shares it.
  grade_ = std::async(std::launch::async, [session = std::shared_ptr<const scenario::Session>(session_)] {
    return scenario::grade_attempt(session->scenario(), session->answers(), session->commands());
  });
  if (!with_outcome) return;
  outcome_ = std::async(std::launch::async,
                        [session = std::shared_ptr<const scenario::Session>(session_), seed = outcome_seed()] {
                          return build_outcome_film(session->scenario(), session->answers(), session->commands(),
                                                    seed);
                        });
}

std::shared_ptr<ui::OutcomeFilm> Attempt::take_outcome(bool wait) {
  if (!outcome_.valid()) return nullptr;
  if (!wait && outcome_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return nullptr;
  return outcome_.get();
}

std::uint64_t Attempt::outcome_seed() const {
  return scenario::outcome_seed(session_->answers().plan ? session_->simulator().state_hash() : 0);
}

std::optional<scenario::Grade> Attempt::take_grade(bool wait) {
  if (!grade_.valid()) return std::nullopt;
  if (!wait && grade_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  return grade_.get();
}

record::Recording Attempt::recording() const {
  const scenario::Scenario& s = session_->scenario();
  record::Recording rec;
  rec.scenario_id = s.id;
  rec.scenario_hash = s.source_hash;
  rec.scenario_file = scenario_path_;
  rec.trainee = trainee_;
  rec.started_utc = started_utc_;
  rec.answers = session_->answers();
  rec.commands = session_->commands();
  rec.final_state_hash = session_->answers().plan ? session_->simulator().state_hash() : 0;
  return rec;
}

std::string Attempt::save(const scenario::Grade& grade, record::ProgressDb* db) {
  record::Recording rec = recording();
  rec.grade_total = grade.total;
  rec.passed = grade.passed;
  fs::create_directories(fs::path(recording_path_).parent_path());
  record::write_recording(rec, recording_path_);
  std::string status = "Recorded to " + recording_path_;
  if (db && !uuid_.empty()) {
    db->record_attempt_finished(uuid_, grade);
    status += "; saved to your progress";
  }
  // The finished recording is safe: the journal is no longer needed.
  if (journal_) journal_->discard();
  journal_.reset();
  return status;
}

record::Recording Attempt::close_as_visit() {
  record::Recording rec = recording();
  if (journal_) journal_->discard();
  journal_.reset();
  return rec;
}

std::string Attempt::abandon() {
  if (grade_.valid()) grade_.wait();
  if (!journal_) return "";
  std::string path = journal_->path();
  journal_.reset();  // closed, so it can be read whole
  return path;
}

}  // namespace dermasim::app
