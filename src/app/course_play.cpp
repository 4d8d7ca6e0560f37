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
#include "scenario/outcome_cohort.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;
namespace {

/// She rolled at home until this visit (the case's `home_roller` lapse after the last one).
bool brings_home_roller(const scenario::Scenario& course_case, int visit) {
  if (!course_case.course) return false;
  for (const auto& h : course_case.course->home)
    if (h.home_roller && h.after_visit == visit - 1) return true;
  return false;
}

// A visit's recording names the course's case, whatever the case was called that day.
void name_course_case(record::Recording& visit, const scenario::Scenario& course_case) {
  visit.scenario_id = course_case.id;
  visit.scenario_hash = course_case.source_hash;
}

}  // namespace

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
  // She brings her roller to the first visit if the case says she uses one,
  // and to the visit after each stretch of rolling at home.
  const scenario::Scenario& base = *course_run_->course_case();
  state_.clinic.home_roller.reset();
  if (v.visit == 1 ? base.patient.home_roller_mm > 0.0 : brings_home_roller(base, v.visit))
    show_home_roller(base.patient.home_roller_mm > 0.0 ? base.patient.home_roller_mm : scenario::home_roller_length_mm);
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
  name_course_case(rv.attempt, *course_run_->course_case());
  rv.attempt.grade_total = visit_grade_->total;  // replay --verify compares each visit's grade
  rv.attempt.passed = visit_grade_->passed;
  course_run_->finish_visit(std::move(a), std::move(*visit_grade_));
  visit_grade_.reset();
  course_visits_.push_back(std::move(rv));
  if (!course_run_->finished()) {
    write_course_so_far();
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

std::string SimulatorApp::course_file_path() const {
  std::string stamp = course_visits_.front().attempt.started_utc;
  std::replace(stamp.begin(), stamp.end(), ':', '-');  // a file name on every system
  const fs::path dir = fs::path(paths_.data_dir) / "recordings";
  fs::create_directories(dir);
  return (dir / (stamp + "_" + course_run_->course_case()->id + ".dscrs")).string();
}

void SimulatorApp::write_course_so_far() {
  // Not graded as a course yet (course_total 0): the course's end, or its
  // interruption, writes it again with its grade.
  record::CourseRecording rec;
  rec.visits = course_visits_;
  try {
    record::write_course_recording(rec, course_file_path());
  } catch (const std::exception& e) {
    state_.message = std::string("The course so far could not be written: ") + e.what();
  }
}

bool SimulatorApp::keep_unfinished_course() {
  if (!course_run_ || course_run_->finished() || course_visits_.empty() || !attempt_) return false;
  // The visit in progress ends the course here, interrupted; its journal is
  // dropped, since its steps go into the course's file.
  record::RecordedVisit last{attempt_->close_as_visit(), std::nullopt};
  last.attempt.completed = false;
  // Left during its consultation, the visit has not started its record yet.
  if (last.attempt.started_utc.empty()) last.attempt.started_utc = record::utc_now_iso8601();
  name_course_case(last.attempt, *course_run_->course_case());
  record::CourseRecording rec;
  rec.visits = course_visits_;
  rec.visits.push_back(std::move(last));
  const std::string path = course_file_path();
  record::write_course_recording(rec, path);
  records_.keep_interrupted_course(course_run_->course_case(), std::move(rec), path);
  course_run_.reset();
  course_visits_.clear();
  attempt_.reset();
  return true;
}

void SimulatorApp::record_course(const scenario::CourseGrade& grade) {
  ui::CourseView& v = state_.clinic.course;
  record::CourseRecording rec;
  rec.visits = course_visits_;
  rec.course_total = grade.total;
  rec.course_passed = grade.passed;
  const std::string path = course_file_path();
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
