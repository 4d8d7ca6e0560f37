// What the panels and the keyboard ask for, carried out: the attempt's flow
// (a scenario::Session), the toggles, and the records screens.
#include <filesystem>

#include "app/sim_app.hpp"

namespace dermasim::app {
namespace fs = std::filesystem;

namespace {

ui::Stage ui_stage(scenario::Stage s) {
  switch (s) {
    case scenario::Stage::consultation: return ui::Stage::screening;
    case scenario::Stage::plan: return ui::Stage::plan;
    case scenario::Stage::procedure: return ui::Stage::procedure;
    case scenario::Stage::aftercare: return ui::Stage::aftercare;
    case scenario::Stage::debrief: return ui::Stage::debrief;
  }
  return ui::Stage::library;
}

}  // namespace

void SimulatorApp::apply(const ui::UiActions& actions) {
  if (actions.camera_preset) set_view(*actions.camera_preset);
  apply_keys(actions);
  const bool flow = actions.ask || actions.decide || actions.start_procedure || actions.finish_procedure ||
                    actions.submit_aftercare || actions.next_visit;
  try {
    if (actions.show_library) {
      refresh_library();
      viewing_stored_.clear();
      state_.stage = ui::Stage::library;
    }
    if (actions.open_case) open_from_library(*actions.open_case);
    // Again as it was taken: a course plan's mode stays.
    if (actions.retry && !state_.clinic.scenario_path.empty()) open_case(state_.clinic.scenario_path, state_.mode);
    if (!attempt_) return;
    state_.message = records_.error();
    apply_flow(actions);
    if (actions.save_report) save_report();
    apply_records_actions(actions);
  } catch (const std::exception& e) {
    // A refused step (bad plan settings, a call out of order) is shown, not fatal.
    state_.message = e.what();
  }
  // A step of the attempt shows the stage it led to (the same one when refused).
  if (attempt_ && flow) state_.stage = ui_stage(attempt_->session().stage());
}

void SimulatorApp::apply_keys(const ui::UiActions& a) {
  ui::AppState& s = state_;
  if (a.toggle_motor) s.pen.motor_on = !s.pen.motor_on;
  if (a.toggle_taut) s.pen.skin_taut = !s.pen.skin_taut;
  if (a.straighten_pen) s.pen.tilt_x_deg = s.pen.tilt_y_deg = 0.0;
  if (a.toggle_cutaway) s.view.cutaway = !s.view.cutaway;
  if (a.toggle_cutaway_lock) {
    s.view.cutaway_locked = !s.view.cutaway_locked;
    if (s.view.cutaway_locked) {
      const auto& pen = sim().pose().cap_center_mm;
      s.view.cutaway_locked_position_mm = s.view.cutaway_axis == scene::CutAxis::along_x ? pen.y : pen.x;
    }
  }
  // The live coverage map is a practice hint; assessment shows it in the debrief.
  if (a.toggle_coverage && (scenario::shows_hints(s.mode) || s.stage != ui::Stage::procedure))
    s.view.show_coverage = !s.view.show_coverage;
  if (a.toggle_mute) s.feedback.sound_muted = !s.feedback.sound_muted;
  if (a.toggle_pause) s.paused = !s.paused;
  if (a.toggle_help) s.show_help = !s.show_help;
}

// Each stage is left only with every choice made: nothing is filled in for the trainee.
void SimulatorApp::apply_flow(const ui::UiActions& actions) {
  ui::CaseState& c = state_.clinic;
  scenario::Session& session = attempt_->session();
  if (actions.ask) session.ask(*actions.ask);
  if (actions.decide) {
    if (!c.decision) throw scenario::FlowError("Choose a decision first.");
    session.set_findings(c.findings);
    session.decide(*c.decision, *c.decision == scenario::Decision::proceed_with_precautions
                                      ? c.precautions
                                      : std::vector<std::string>{});
    // The attempt exists from the end of the consultation: killing the
    // program from here on leaves it interrupted, not lost. A course's visit
    // has no row of its own: the course is stored as one attempt at its end.
    attempt_->begin_record(course_run_ ? nullptr : db_, (fs::path(paths_.data_dir) / "recordings").string());
    c.recording_path = attempt_->recording_path();
    if (session.stage() == scenario::Stage::debrief) enter_debrief();
  }
  if (actions.start_procedure) {
    const auto plan = c.plan.complete();
    if (!plan) throw scenario::FlowError("Still to choose: " + ui::joined(c.plan.missing()) + ".");
    attempt_->start_procedure(*plan);
    state_.device = plan->device;
    state_.pen = ui::PenControls{};
    show_case_on_screen();
  }
  if (actions.finish_procedure) {
    session.finish_procedure();
    state_.pen.motor_on = false;
  }
  if (actions.submit_aftercare) {
    const ui::ScheduleDraft& sd = c.schedule;
    if (!sd.missing().empty()) throw scenario::FlowError("Still to choose: " + ui::joined(sd.missing()) + ".");
    session.set_aftercare({c.instructions, *sd.sessions, static_cast<double>(*sd.interval_weeks),
                             static_cast<double>(*sd.maintenance_months)});
    enter_debrief();
  }
  if (actions.next_visit) next_visit();
}

}  // namespace dermasim::app
