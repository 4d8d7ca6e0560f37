#include "app/ui_script_player.hpp"

#include <stdexcept>

#include "physics/scripted_pen.hpp"

namespace dermasim::app {

// Plays a trainee script through the app up to `stop`.
void play_script_in_app(SimulatorApp& app, const scenario::TraineeScript& t, ui::Stage stop, double procedure_s) {
  ui::CaseState& c = app.state().clinic;
  auto act = [&](auto set) {
    ui::UiActions a;
    set(a);
    app.apply(a);
    if (!app.state().message.empty()) throw std::runtime_error(app.state().message);
  };
  for (const auto& id : t.consultation.asked) act([&](ui::UiActions& a) { a.ask = id; });
  c.findings = t.consultation.findings;
  c.decision = t.consultation.decision;
  c.precautions = t.consultation.precautions;
  if (stop == ui::Stage::screening) return;
  act([](ui::UiActions& a) { a.decide = true; });
  if (stop == ui::Stage::plan || app.state().stage == ui::Stage::debrief) {
    if (t.plan) c.plan = ui::PlanDraft::of(*t.plan);
    app.finish_background_work();
    return;
  }
  c.plan = ui::PlanDraft::of(*t.plan);
  act([](ui::UiActions& a) { a.start_procedure = true; });
  physics::ScriptedPen pen(scenario::procedure_path(t, *c.scenario));
  const int limit = stop == ui::Stage::procedure ? static_cast<int>(procedure_s * 1000.0) : 1 << 30;
  for (int done = 0; done < limit && !pen.finished(); done += 100) app.step(pen, 100);
  if (stop == ui::Stage::procedure) return;
  act([](ui::UiActions& a) { a.finish_procedure = true; });
  if (t.aftercare) {
    c.instructions = t.aftercare->instructions;
    c.schedule = {t.aftercare->sessions, static_cast<float>(t.aftercare->interval_weeks),
                  static_cast<float>(t.aftercare->maintenance_months)};
  }
  if (stop == ui::Stage::aftercare) return;
  act([](ui::UiActions& a) { a.submit_aftercare = true; });
  app.finish_background_work();
}

void play_course_in_app(SimulatorApp& app, const scenario::CourseScript& script, int stop_visit, ui::Stage stop,
                        double procedure_s) {
  ui::CaseState& c = app.state().clinic;
  if (!c.course.active) throw std::runtime_error(script.file + ": the open case is not a course case");
  for (const scenario::CourseVisitScript& v : script.visits) {
    const int visit = c.course.visit;
    if (visit == stop_visit) {
      play_script_in_app(app, v.attempt, stop, procedure_s);
      if (stop != ui::Stage::debrief) return;
    } else {
      play_script_in_app(app, v.attempt, ui::Stage::debrief, procedure_s);
    }
    c.course.come_back = v.return_in_weeks.has_value();
    if (v.return_in_weeks) c.course.return_weeks = static_cast<int>(*v.return_in_weeks);
    if (visit == stop_visit) return;  // at the visit's end, its return chosen, not yet carried out
    ui::UiActions next;
    next.next_visit = true;
    app.apply(next);
    if (!app.state().message.empty()) throw std::runtime_error(app.state().message);
    if (c.course.finished) break;
  }
  app.finish_background_work();
}

}  // namespace dermasim::app
