#include "scenario/scripted_attempt.hpp"

namespace dermasim::scenario {

AttemptResult run_scripted_attempt(const std::shared_ptr<const Scenario>& s, const TraineeScript& script) {
  Session session(s, script.mode);  // the scenario's default unless the script names one
  for (const auto& id : script.consultation.asked) session.ask(id);
  session.set_findings(script.consultation.findings);
  session.decide(script.consultation.decision, script.consultation.precautions);
  AttemptResult result;
  if (session.stage() == Stage::plan) {
    if (!script.plan) throw FlowError(script.file + ": the decision treats today, but the script has no plan");
    session.set_plan(*script.plan);
    physics::ScriptedPen pen(procedure_path(script, *s));
    while (!pen.finished()) session.step(pen.next());
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
