#include "app/records_keeper.hpp"

#include <cstdio>
#include <filesystem>
#include <vector>

#include "record/journal.hpp"
#include "record/lrs_client.hpp"
#include "record/lrs_config.hpp"
#include "record/outbox.hpp"
#include "record/recorded_course.hpp"
#include "scenario/course_attempt.hpp"
#include "scenario/grading.hpp"
#include "scenario/scenario_loader.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

void keep_journal(record::ProgressDb& db, const std::string& journal_path) {
  const fs::path journal(journal_path);
  const std::string recording = (journal.parent_path() / journal.stem()).string();  // drops ".journal"
  try {
    const record::Recording rec = record::recover_journal(journal_path);
    record::write_recording(rec, recording);
    for (const auto& attempt : db.attempts()) {
      if (attempt.recording_path != recording || attempt.status != record::AttemptStatus::interrupted ||
          attempt.ended_utc)
        continue;
      const auto s = scenario::load_scenario_file(rec.scenario_file);
      if (s.scenario)
        db.record_attempt_finished(attempt.uuid, scenario::grade_attempt(*s.scenario, rec.answers, rec.commands),
                                   {.completed = false});
    }
    fs::remove(journal);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dermasim: %s: could not keep the interrupted attempt: %s\n", journal_path.c_str(), e.what());
  }
}

RecordsKeeper::RecordsKeeper(const std::string& db_path, const std::string& recordings_dir) {
  try {
    db_ = std::make_unique<record::ProgressDb>(db_path);
  } catch (const std::exception& e) {
    // Training goes on without the progress database; the trainee is told.
    error_ = std::string("Progress is not being saved: ") + e.what();
    std::fprintf(stderr, "dermasim: %s\n", error_.c_str());
    return;
  }
  // Journals left by a killed program: graded on the worker (two seconds for
  // a ten-minute attempt), not before the window opens.
  std::vector<std::string> journals;
  std::error_code ec;
  if (fs::is_directory(recordings_dir, ec))
    for (const auto& e : fs::directory_iterator(recordings_dir, ec))
      if (e.path().extension() == ".journal") journals.push_back(e.path().string());
  if (!journals.empty())
    run_in_background([journals](record::ProgressDb& db) {
      for (const auto& j : journals) keep_journal(db, j);
    });
  sync_statements();  // what earlier sessions could not deliver
}

RecordsKeeper::~RecordsKeeper() {
  wait();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void RecordsKeeper::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return jobs_.empty() && !busy_; });
}

void RecordsKeeper::run_in_background(Job job) {
  if (!db_) return;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  changed_.notify_all();
  if (!worker_.joinable()) worker_ = std::thread(&RecordsKeeper::work, this, db_->path());
}

void RecordsKeeper::work(std::string db_path) {
  std::unique_ptr<record::ProgressDb> db;  // SQLite connections are per thread: the worker opens its own
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      busy_ = true;
    }
    try {
      if (!db) db = std::make_unique<record::ProgressDb>(db_path);
      job(*db);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "dermasim: background records work failed: %s\n", e.what());
    }
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
    }
    changed_.notify_all();
  }
}

void RecordsKeeper::keep_interrupted(const std::string& journal_path) {
  run_in_background([journal_path](record::ProgressDb& db) { keep_journal(db, journal_path); });
  sync_statements();
}

namespace {

// Grades the course `rec` holds and writes it to `path` with every grade, so
// the file verifies (`replay --verify` compares them).
scenario::CourseGrade grade_and_write(const std::shared_ptr<const scenario::Scenario>& course_case,
                                      record::CourseRecording& rec, const std::string& path) {
  const scenario::CourseGrade grade =
      scenario::grade_course(course_case, record::play_recorded_course(course_case, rec, path));
  for (std::size_t i = 0; i < rec.visits.size() && i < grade.visits.size(); ++i) {
    rec.visits[i].attempt.grade_total = grade.visits[i].grade.total;
    rec.visits[i].attempt.passed = grade.visits[i].grade.passed;
  }
  rec.course_total = grade.total;
  rec.course_passed = grade.passed;
  record::write_course_recording(rec, path);
  return grade;
}

}  // namespace

void RecordsKeeper::keep_interrupted_course(std::shared_ptr<const scenario::Scenario> course_case,
                                            record::CourseRecording rec, const std::string& path) {
  if (!db_) {
    // No progress database: the file alone keeps the course, graded here.
    try {
      grade_and_write(course_case, rec, path);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "dermasim: %s: the interrupted course could not be graded: %s\n", path.c_str(), e.what());
    }
    return;
  }
  run_in_background([course_case, rec = std::move(rec), path](record::ProgressDb& db) mutable {
    const scenario::CourseGrade grade = grade_and_write(course_case, rec, path);
    record::store_course_attempt(db, grade, rec, path);
  });
  sync_statements();
}

void RecordsKeeper::sync_statements() {
  if (!db_) return;
  record::LrsConfig config;
  try {
    config = record::load_lrs_config();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dermasim: the LRS configuration is unusable: %s\n", e.what());
    return;
  }
  if (!config.configured()) return;  // no course LRS: statements stay in the outbox
  run_in_background([config](record::ProgressDb& db) {
    record::LrsClient client(config);
    const record::SyncReport r = record::sync_outbox(db, client);
    if (r.remaining > 0)
      std::fprintf(stderr, "dermasim: %d xAPI statement(s) wait for the LRS: %s\n", r.remaining, r.last_error.c_str());
  });
}

}  // namespace dermasim::app
