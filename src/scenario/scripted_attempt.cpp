#include "scenario/scripted_attempt.hpp"

#include <cmath>

#include "physics/simulator.hpp"
#include "scenario/input_limits.hpp"

namespace dermasim::scenario {

static_assert(max_attempt_steps == static_cast<std::uint64_t>(max_attempt_s * physics::Simulator::rate_hz),
              "max_attempt_steps is max_attempt_s at the physics rate");

AttemptResult run_scripted_attempt(const std::shared_ptr<const Scenario>& s, const TraineeScript& script) {
  Session session(s, script.mode);  // the scenario's default unless the script names one
  for (const auto& id : script.consultation.asked) session.ask(id);
  session.set_findings(script.consultation.findings);
  session.decide(script.consultation.decision, script.consultation.precautions);
  AttemptResult result;
  if (session.stage() == Stage::plan) {
    if (!script.plan) throw FlowError(script.file + ": the decision treats today, but the script has no plan");
    // Bounded before the path is built: a script that escaped check (the
    // library API) must not build or run without end.
    if (!(procedure_seconds_bound(script, *s) <= max_attempt_s))
      throw FlowError(script.file + ": the procedure would last longer than an attempt may");
    session.set_plan(*script.plan);
    physics::ScriptedPen pen(procedure_path(script, *s));
    if (!std::isfinite(pen.duration_s()) || pen.duration_s() > max_attempt_s)
      throw FlowError(script.file + ": the procedure would last longer than an attempt may");
    for (std::uint64_t step = 0; !pen.finished() && step < max_attempt_steps; ++step) session.step(pen.next());
    result.final_state_hash = session.simulator().state_hash();
    session.finish_procedure();
    if (script.aftercare) session.set_aftercare(*script.aftercare);
  }
  result.answers = session.answers();
  result.commands = session.commands();
  result.grade = grade_attempt(*s, result.answers, result.commands);
  return result;
}

}  // namespace dermasim::scenario
