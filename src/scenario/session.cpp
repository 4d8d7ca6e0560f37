#include "scenario/session.hpp"

#include <algorithm>

#include "scenario/simulation_builder.hpp"

namespace dermasim::scenario {

std::string_view stage_name(Stage s) {
  switch (s) {
    case Stage::consultation: return "consultation";
    case Stage::plan: return "plan";
    case Stage::procedure: return "procedure";
    case Stage::aftercare: return "aftercare";
    case Stage::debrief: return "debrief";
  }
  return "?";
}

Session::Session(std::shared_ptr<const Scenario> scenario, std::optional<Mode> mode) : scenario_(std::move(scenario)) {
  answers_.consultation = ConsultationAnswers{};
  answers_.mode = mode.value_or(scenario_->mode);
}

void Session::require(Stage s, const char* action) const {
  if (stage_ != s)
    throw FlowError(std::string("cannot ") + action + " during the " + std::string(stage_name(stage_)) +
                    " stage (it belongs to " + std::string(stage_name(s)) + ")");
}

const std::string& Session::ask(const std::string& item_id) {
  require(Stage::consultation, "ask a follow-up question");
  const HistoryItem* item = scenario_->find_item(item_id);
  if (!item) throw FlowError("the case has no history item or medication '" + item_id + "'");
  if (item->question.empty()) throw FlowError("'" + item_id + "' has no follow-up question to ask");
  auto& asked = answers_.consultation->asked;
  if (std::find(asked.begin(), asked.end(), item_id) == asked.end()) asked.push_back(item_id);
  return item->answer;
}

void Session::set_findings(const std::vector<std::string>& item_ids) {
  require(Stage::consultation, "record findings");
  for (const auto& id : item_ids)
    if (!scenario_->find_item(id)) throw FlowError("the case has no history item or medication '" + id + "'");
  answers_.consultation->findings = item_ids;
}

void Session::decide(Decision decision, const std::vector<std::string>& precautions) {
  require(Stage::consultation, "decide");
  for (const auto& p : precautions)
    if (!find_precaution(p)) throw FlowError("'" + p + "' is not a precaution in the catalogue");
  answers_.consultation->decision = decision;
  answers_.consultation->precautions = precautions;
  stage_ = treats_today(decision) ? Stage::plan : Stage::debrief;
}

physics::TechniqueLimits technique_limits(const Scenario& s, const physics::DeviceSettings& device) {
  physics::TechniqueLimits t = physics::TechniqueLimits::for_cartridge(physics::cartridge(device.cartridge));
  t.tilt_max_deg = s.key.technique.tilt_max_deg;
  if (s.key.technique.force_n) {
    t.force_min_n = s.key.technique.force_n->lo;
    t.force_max_n = s.key.technique.force_n->hi;
  }
  return t;
}

void Session::set_plan(const PlanAnswers& plan) {
  require(Stage::plan, "set the plan");
  if (plan.passes < 1 || plan.passes > 10) throw FlowError("passes must be 1..10");
  simulator_ = build_simulator(*scenario_, plan.device);
  answers_.plan = plan;
  stage_ = Stage::procedure;
}

physics::Simulator& Session::simulator() {
  if (!simulator_) throw FlowError("there is no procedure before the plan is set");
  return *simulator_;
}

const physics::Simulator& Session::simulator() const {
  if (!simulator_) throw FlowError("there is no procedure before the plan is set");
  return *simulator_;
}

const physics::StepEvents& Session::step(const physics::PenCommand& command) {
  require(Stage::procedure, "move the pen");
  const physics::PenCommand q = physics::quantize_command(command, previous_);
  previous_ = q;
  commands_.push_back(q);
  return simulator_->step(q);
}

void Session::finish_procedure() {
  require(Stage::procedure, "finish the procedure");
  stage_ = Stage::aftercare;
}

void Session::set_aftercare(const AftercareAnswers& aftercare) {
  require(Stage::aftercare, "give aftercare");
  for (const auto& id : aftercare.instructions)
    if (!find_instruction(id)) throw FlowError("'" + id + "' is not an instruction in the catalogue");
  answers_.aftercare = aftercare;
  stage_ = Stage::debrief;
}

}  // namespace dermasim::scenario
