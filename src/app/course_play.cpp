// A course case in the window (issue 14): each visit is an ordinary attempt
// at the case as the skin stands that day; at its end the trainee says when
// the patient comes back (nothing preselected, and the visit's grade is not
// shown, so the choice is the trainee's own); the course is graded, recorded
// (one DSCRS file) and stored (one attempt with a row per visit) at its end.
#include <algorithm>
#include <chrono>
#include <filesystem>

#include "app/outcome_film.hpp"
#include "app/sim_app.hpp"
#include "record/recorded_course.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

void SimulatorApp::open_course_visit() {
  ui::CourseView& v = state_.clinic.course;
  v = ui::CourseView{};
  v.active = true;
  v.visit = course_run_->visit();
  v.max_visits = course_run_->max_visits();
  v.day = course_run_->findings().day;
  v.treatments = course_run_->treatments();
  // The examination: the skin as the healing model brought it back.
  if (v.visit > 1) v.skin = skin_today(course_run_->skin(), course_run_->findings());
  state_.case_title = course_run_->course_case()->title + " - visit " + std::to_string(v.visit);
}

void SimulatorApp::next_visit() {
  ui::CaseState& c = state_.clinic;
  ui::CourseView& v = c.course;
  if (!course_run_ || course_run_->finished() || attempt_->session().stage() != scenario::Stage::debrief)
    throw scenario::FlowError("Finish this visit first.");
  if (!v.come_back) throw scenario::FlowError("Choose whether she comes back, and when, or end the course.");
  if (*v.come_back && !v.return_weeks) throw scenario::FlowError("Choose in how many weeks she comes back.");
  poll_grade(true);
  if (!visit_grade_) throw scenario::FlowError("The visit could not be graded: " + c.status);
  // The visit's recording is what the course plays and what its file holds.
  const std::optional<double> back =
      *v.come_back ? std::optional<double>(static_cast<double>(*v.return_weeks)) : std::nullopt;
  record::RecordedVisit rv{attempt_->close_as_visit(), back};
  scenario::VisitAttempt a{rv.attempt.answers, rv.attempt.commands, rv.attempt.final_state_hash, back};
  // The visit is of the course's case, whatever it was called that day.
  const scenario::Scenario& base = *course_run_->course_case();
  rv.attempt.scenario_id = base.id;
  rv.attempt.scenario_hash = base.source_hash;
  rv.attempt.grade_total = visit_grade_->total;  // replay --verify compares each visit's grade
  rv.attempt.passed = visit_grade_->passed;
  course_run_->finish_visit(std::move(a), std::move(*visit_grade_));
  visit_grade_.reset();
  course_visits_.push_back(std::move(rv));
  if (!course_run_->finished()) {
    const std::string path = c.scenario_path;
    open_attempt(course_run_->today(), path, state_.mode);
    open_course_visit();
    return;
  }
  // The course's grade plays the key's protocol on the same patient: seconds, on a worker.
  v.finished = true;
  c.grading = true;
  course_grade_ = std::async(std::launch::async, [s = course_run_->course_case(), played = course_run_->result()] {
    return scenario::grade_course(s, played);
  });
}

void SimulatorApp::poll_course_grade(bool wait) {
  if (!course_grade_.valid()) return;
  if (!wait && course_grade_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  ui::CaseState& c = state_.clinic;
  ui::CourseView& v = c.course;
  c.grading = false;
  try {
    v.grade = course_grade_.get();
    record_course(*v.grade);
  } catch (const std::exception& e) {
    v.status = std::string("The course could not be ") + (v.grade ? "recorded: " : "graded: ") + e.what();
  }
  // The debrief shows the last visit's coverage map with the course's grade.
  state_.view.show_coverage = attempt_ && attempt_->session().answers().plan.has_value();
}

void SimulatorApp::record_course(const scenario::CourseGrade& grade) {
  ui::CourseView& v = state_.clinic.course;
  record::CourseRecording rec;
  rec.visits = course_visits_;
  rec.course_total = grade.total;
  rec.course_passed = grade.passed;
  std::string stamp = rec.visits.front().attempt.started_utc;
  std::replace(stamp.begin(), stamp.end(), ':', '-');  // a file name on every system
  const fs::path dir = fs::path(paths_.data_dir) / "recordings";
  fs::create_directories(dir);
  const std::string path = (dir / (stamp + "_" + grade.scenario_id + ".dscrs")).string();
  record::write_course_recording(rec, path);
  state_.clinic.recording_path = path;
  v.status = "Recorded to " + path;
  if (db_) {
    record::store_course_attempt(*db_, grade, rec, path, paths_.trainee);
    v.status += "; saved to your progress";
    records_.sync_statements();
  }
}

}  // namespace dermasim::app
