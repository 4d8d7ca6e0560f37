#pragma once
// One attempt at a case, the simulator's unit of work: its scenario::Session
// (the answers and the procedure), the record it leaves (the progress-database
// row from the end of the consultation, the journal during the procedure, the
// recording at the end) and its grade, computed on a worker thread.
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "record/journal.hpp"
#include "record/progress_db.hpp"
#include "scenario/grading.hpp"
#include "scenario/session.hpp"
#include "ui/outcome_film.hpp"

namespace dermasim::app {

class Attempt {
 public:
  Attempt(std::shared_ptr<const scenario::Scenario> scenario, scenario::Mode mode, std::string scenario_path,
          std::string trainee);
  ~Attempt();
  Attempt(const Attempt&) = delete;
  Attempt& operator=(const Attempt&) = delete;

  scenario::Session& session() { return *session_; }
  const scenario::Session& session() const { return *session_; }
  const std::string& recording_path() const { return recording_path_; }
  /// The simulator to show: the procedure's once the plan is set, before it
  /// an untreated preview of the case's skin.
  const physics::Simulator& on_screen() const;

  /// The consultation ended: from now the attempt exists in `db` (when there
  /// is one), so a killed program leaves it interrupted, never lost.
  void begin_record(record::ProgressDb* db, const std::string& recordings_dir);
  /// Sets the plan and opens the procedure's journal.
  void start_procedure(const scenario::PlanAnswers& plan);
  /// Appends the steps taken since the last call to the journal.
  void journal_steps();

  /// Grades the finished attempt on a worker: re-simulating it takes about
  /// 0.5 s for 96 s of procedure, 2 s for ten minutes.
  /// `with_outcome`: also predict the healing time-lapse (not for a course's
  /// visit, whose healing the course itself carries forward).
  void start_grading(bool with_outcome = true);
  bool grading() const { return grade_.valid(); }
  /// The grade once it is ready (waiting for it when `wait`).
  std::optional<scenario::Grade> take_grade(bool wait);
  /// The healing time-lapse, predicted on its own worker beside the grade;
  /// null until ready (waits when `wait`).
  std::shared_ptr<ui::OutcomeFilm> take_outcome(bool wait);
  /// The healing prediction's seed: the attempt's final state, as `dermasim outcome` uses it.
  std::uint64_t outcome_seed() const;

  /// Everything needed to re-simulate and regrade the attempt.
  record::Recording recording() const;
  /// Writes the recording with its grade, finishes the database row and drops
  /// the journal. Returns what was saved, for the trainee; throws on failure.
  std::string save(const scenario::Grade& grade, record::ProgressDb* db);
  /// A course visit done: its recording goes into the course's (written at the
  /// course's end), so the visit's own journal is dropped. Returns the recording.
  record::Recording close_as_visit();
  /// Left unfinished: closes the journal and returns its path ("" when none).
  std::string abandon();

 private:
  std::shared_ptr<scenario::Session> session_;  // shared with the grading worker
  std::unique_ptr<physics::Simulator> preview_;
  std::string scenario_path_;
  std::string trainee_;
  std::string started_utc_;
  std::string recording_path_;
  std::string uuid_;  // in the progress database
  std::unique_ptr<record::RecordingJournal> journal_;
  std::future<scenario::Grade> grade_;
  std::future<std::shared_ptr<ui::OutcomeFilm>> outcome_;
};

}  // namespace dermasim::app
