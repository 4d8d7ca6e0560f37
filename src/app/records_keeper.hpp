#pragma once
// The simulator's records: the progress database, the journals a killed or
// abandoned attempt leaves, and the xAPI outbox's delivery. Slow work (grading
// an interrupted attempt, talking to the LRS) runs on one background worker
// with its own database connection, so the window never waits for it.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <memory>
#include <string>
#include <thread>

#include "record/course_recording.hpp"
#include "record/progress_db.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::app {

class RecordsKeeper {
 public:
  /// Opens (or creates) the database; when that fails, records are off and
  /// error() says why. Then recovers the journals in `recordings_dir` and
  /// sends what earlier sessions could not, in the background.
  RecordsKeeper(const std::string& db_path, const std::string& recordings_dir);
  ~RecordsKeeper();
  RecordsKeeper(const RecordsKeeper&) = delete;
  RecordsKeeper& operator=(const RecordsKeeper&) = delete;

  /// The main thread's connection; null when records are off.
  record::ProgressDb* db() { return db_.get(); }
  const std::string& error() const { return error_; }

  /// An attempt's journal becomes its recording (completed = false) and the
  /// attempt is kept as interrupted with its grade so far, in the background.
  void keep_interrupted(const std::string& journal_path);
  /// A course left before its end (its last visit interrupted), already
  /// written to `path`: graded on the case (the key's protocol is played too,
  /// seconds), the file written again with its grades, and stored as an
  /// interrupted course attempt, in the background (with records off, only
  /// graded and written, at once).
  void keep_interrupted_course(std::shared_ptr<const scenario::Scenario> course_case, record::CourseRecording rec,
                               const std::string& path);
  /// Delivers the xAPI outbox to the course's LRS, when one is configured.
  void sync_statements();
  /// Waits until the background work is done (tests, shutdown).
  void wait();

 private:
  using Job = std::function<void(record::ProgressDb&)>;
  void run_in_background(Job job);
  void work(std::string db_path);

  std::unique_ptr<record::ProgressDb> db_;
  std::string error_;
  // A queue and one worker: posting never waits for a slow LRS.
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_;
  bool busy_ = false, stopping_ = false;
  std::thread worker_;
};

/// The journal's recording (the path without ".journal"), written, its
/// attempt in `db` graded and finished as interrupted, the journal removed.
void keep_journal(record::ProgressDb& db, const std::string& journal_path);

}  // namespace dermasim::app
