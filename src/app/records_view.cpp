// The simulator's progress, instructor and replay screens: what they show
// comes from the progress database and the attempts' recordings.
#include <algorithm>
#include <cstring>
#include <filesystem>

#include "app/sim_app.hpp"
#include "record/proficiency.hpp"
#include "scenario/scenario_loader.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

void SimulatorApp::load_progress(const std::string& scenario_id) {
  ui::ProgressView& p = state_.progress;
  p = ui::ProgressView{};
  p.trainee = paths_.trainee;
  if (!db_) return;
  for (const auto& a : db_->attempts(paths_.trainee))
    if (std::find(p.scenario_ids.begin(), p.scenario_ids.end(), a.scenario_id) == p.scenario_ids.end())
      p.scenario_ids.push_back(a.scenario_id);
  if (p.scenario_ids.empty()) return;
  p.scenario_id = scenario_id.empty() ? p.scenario_ids.front() : scenario_id;
  load_curves(p);
}

// A trainee's (p.trainee) attempts on a case (p.scenario_id) as curves.
void SimulatorApp::load_curves(ui::ProgressView& p) {
  p.attempts = db_->history(p.trainee, p.scenario_id);
  for (const auto& a : p.attempts) {
    if (a.status != record::AttemptStatus::completed || !a.total) continue;
    p.totals.push_back(static_cast<float>(*a.total));
  }
  for (int i = 0; i < scenario::criterion_count; ++i) {
    const std::string name(scenario::criterion_name(static_cast<scenario::CriterionId>(i)));
    for (const auto& point : db_->criterion_history(p.trainee, p.scenario_id, name))
      if (point.applicable) p.criteria[static_cast<std::size_t>(i)].push_back(static_cast<float>(point.score));
  }
  load_proficiency(p);
}

// Issue 15: the pass lines, the expert benchmark band and the CUSUM of the view's trainee and case.
void SimulatorApp::load_proficiency(ui::ProgressView& p) {
  for (const auto& a : p.attempts) {
    if (a.status != record::AttemptStatus::completed) continue;
    if (a.pass_mark) p.pass_mark = static_cast<float>(*a.pass_mark);
    for (const auto& c : a.criteria)
      if (const auto id = scenario::parse_criterion(c.criterion))
        p.thresholds[static_cast<std::size_t>(*id)] = static_cast<float>(c.threshold);
  }
  const record::CusumSettings settings;
  const auto rows = record::proficiency(*db_, settings, p.trainee, p.scenario_id);
  if (rows.empty()) return;
  const record::ProficiencyRow& r = rows.front();
  p.proficient = r.proficient;
  p.attempts_to_proficiency = r.attempts_to_proficiency;
  p.short_of = r.short_of;
  p.cusum.h0 = static_cast<float>(r.cusum.h0);
  p.cusum.h1 = static_cast<float>(r.cusum.h1);
  p.cusum.acceptable_rate = static_cast<float>(settings.acceptable_rate);
  p.cusum.unacceptable_rate = static_cast<float>(settings.unacceptable_rate);
  p.cusum.signal = r.cusum.signal;
  for (double v : r.cusum.values) p.cusum.values.push_back(static_cast<float>(v));
  if (!r.benchmark) return;
  p.has_benchmark = true;
  for (const auto& m : r.benchmark->benchmark.metrics) {
    if (m.metric == "total") p.total_benchmark = static_cast<float>(m.benchmark);
    for (int i = 0; i < scenario::criterion_count; ++i)
      if (m.metric == std::string(scenario::criterion_name(static_cast<scenario::CriterionId>(i))) + "_score")
        p.benchmarks[static_cast<std::size_t>(i)] = static_cast<float>(m.benchmark);
  }
}

void SimulatorApp::load_cohort() {
  if (!db_) return;
  state_.instructor.cohort = db_->cohort();
  if (!state_.instructor.trainee.empty()) {
    state_.instructor.attempts = db_->attempts(state_.instructor.trainee, state_.instructor.scenario_id);
    ui::ProgressView& curves = state_.instructor.curves;
    curves = ui::ProgressView{};
    curves.trainee = state_.instructor.trainee;
    curves.scenario_id = state_.instructor.scenario_id;
    load_curves(curves);
  }
  if (state_.instructor.selected) state_.instructor.selected = db_->attempt(state_.instructor.selected->uuid);
}

std::shared_ptr<const scenario::Scenario> SimulatorApp::scenario_of(const record::Recording& rec) const {
  for (const std::string& path :
       {rec.scenario_file, (fs::path(paths_.scenario_dir) / (rec.scenario_id + ".yaml")).string()}) {
    if (path.empty() || !fs::exists(path)) continue;
    auto load = scenario::load_scenario_file(path);
    if (load.scenario && load.scenario->id == rec.scenario_id)
      return std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
  }
  throw std::runtime_error("the scenario '" + rec.scenario_id + "' of this attempt cannot be found");
}

record::Recording SimulatorApp::stored_recording(const std::string& attempt_uuid) {
  if (!db_) throw std::runtime_error("no progress database");
  const auto attempt = db_->attempt(attempt_uuid);
  if (!attempt) throw std::runtime_error("no attempt " + attempt_uuid);
  if (attempt->recording_path.empty() || !fs::exists(attempt->recording_path))
    throw std::runtime_error("the recording of this attempt is not on this station: " + attempt->recording_path);
  return record::read_recording(attempt->recording_path);
}

void SimulatorApp::open_attempt_report(const std::string& attempt_uuid) {
  const record::Recording rec = stored_recording(attempt_uuid);
  const auto s = scenario_of(rec);
  state_.clinic.grade = scenario::grade_attempt(*s, rec.answers, rec.commands);
  state_.clinic.status = "The attempt of " + rec.trainee + " started " + rec.started_utc +
                         (rec.completed ? "" : " (interrupted)") + ", re-graded from its recording.";
  viewing_stored_ = attempt_uuid;
  state_.stage = ui::Stage::debrief;
}

void SimulatorApp::start_replay(const std::string& attempt_uuid) {
  std::shared_ptr<const scenario::Scenario> s;
  record::Recording rec;
  std::optional<scenario::Grade> grade;
  if (attempt_uuid.empty() && viewing_stored_.empty()) {
    s = attempt_->session().scenario_ptr();
    rec = attempt_->recording();
    grade = state_.clinic.grade;
  } else {
    rec = stored_recording(attempt_uuid.empty() ? viewing_stored_ : attempt_uuid);
    s = scenario_of(rec);
    grade = scenario::grade_attempt(*s, rec.answers, rec.commands);
  }
  replay_ = std::make_unique<ReplayPlayer>(s, rec);
  ui::ReplayView& r = state_.replay;
  r = ui::ReplayView{};
  r.title = s->title + ": " + rec.trainee + ", " + rec.started_utc;
  r.length_s = static_cast<double>(replay_->length()) / physics::Simulator::rate_hz;
  if (grade && grade->metrics)
    for (const auto& m : grade->metrics->moments)
      r.moments.emplace_back(static_cast<double>(m.step) / physics::Simulator::rate_hz, m.what);
  replay_return_stage_ = state_.stage;
  state_.stage = ui::Stage::replay;
  extractor_.invalidate();
  set_view(scene::ViewPreset::oblique);
}

void SimulatorApp::apply_records_actions(const ui::UiActions& actions) {
  if (actions.show_progress) {
    load_progress(*actions.show_progress);
    state_.stage = ui::Stage::progress;
  }
  if (actions.show_instructor && !state_.instructor.instructor.empty()) {
    load_cohort();
    state_.stage = ui::Stage::instructor;
  }
  if (actions.select_cell) {
    state_.instructor.trainee = actions.select_cell->first;
    state_.instructor.scenario_id = actions.select_cell->second;
    state_.instructor.selected.reset();
    load_cohort();
  }
  if (actions.select_attempt && db_) {
    state_.instructor.selected = db_->attempt(*actions.select_attempt);
    if (state_.instructor.selected) {
      state_.instructor.new_total = static_cast<float>(state_.instructor.selected->total.value_or(0.0));
      state_.instructor.new_passed = state_.instructor.selected->passed.value_or(false);
      state_.instructor.reason.fill('\0');
    }
  }
  if (actions.submit_override && db_ && state_.instructor.selected) {
    // The database refuses an empty reason; the audit trail is append-only.
    db_->override_grade(state_.instructor.selected->uuid, static_cast<double>(state_.instructor.new_total),
                        state_.instructor.new_passed, state_.instructor.reason.data(), state_.instructor.instructor);
    state_.instructor.reason.fill('\0');
    load_cohort();
    records_.sync_statements();  // the voided verdict and the new one, to a configured LRS
  }
  if (actions.open_attempt_report) open_attempt_report(*actions.open_attempt_report);
  if (actions.replay_attempt) start_replay(*actions.replay_attempt);
  if (actions.replay_seek_s && replay_ && state_.stage == ui::Stage::replay)
    replay_->seek(static_cast<std::uint64_t>(*actions.replay_seek_s * physics::Simulator::rate_hz));
  if (actions.close_replay && replay_) {
    state_.stage = replay_return_stage_;
    replay_.reset();
    extractor_.invalidate();
  }
}

}  // namespace dermasim::app
