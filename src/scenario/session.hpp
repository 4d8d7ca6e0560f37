#pragma once
// The trainee's path through one attempt, as a plain state machine that the
// UI and a scripted trainee drive the same way:
//   consultation -> plan -> procedure -> aftercare -> debrief
// A decision to defer or refer goes straight to the debrief.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "physics/simulator.hpp"
#include "scenario/answers.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::scenario {

enum class Stage { consultation, plan, procedure, aftercare, debrief };
std::string_view stage_name(Stage s);

/// A call that does not fit the current stage, or names something the
/// scenario does not have.
struct FlowError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Session {
 public:
  /// An attempt in `mode`, or the scenario's default mode.
  explicit Session(std::shared_ptr<const Scenario> scenario, std::optional<Mode> mode = std::nullopt);

  Stage stage() const { return stage_; }
  const Scenario& scenario() const { return *scenario_; }
  const std::shared_ptr<const Scenario>& scenario_ptr() const { return scenario_; }
  const Answers& answers() const { return answers_; }
  Mode mode() const { return answers_.mode; }
  const std::vector<physics::PenCommand>& commands() const { return commands_; }

  // Consultation.
  /// Asks an item's follow-up question; returns the patient's answer.
  const std::string& ask(const std::string& item_id);
  void set_findings(const std::vector<std::string>& item_ids);
  /// Ends the consultation: on to the plan, or to the debrief when deferring or referring.
  void decide(Decision decision, const std::vector<std::string>& precautions);

  // Plan. Throws physics::SettingsError for settings the pen refuses.
  void set_plan(const PlanAnswers& plan);

  // Procedure.
  physics::Simulator& simulator();
  const physics::Simulator& simulator() const;
  /// One physics step with a quantized, recorded command.
  const physics::StepEvents& step(const physics::PenCommand& command);
  void finish_procedure();

  // Aftercare.
  void set_aftercare(const AftercareAnswers& aftercare);

 private:
  void require(Stage s, const char* action) const;

  std::shared_ptr<const Scenario> scenario_;
  Stage stage_ = Stage::consultation;
  Answers answers_;
  std::unique_ptr<physics::Simulator> simulator_;
  std::vector<physics::PenCommand> commands_;
  physics::PenCommand previous_{};
};

/// The simulator settings a scenario's key implies for a plan (technique cues
/// follow the key's tolerances).
physics::TechniqueLimits technique_limits(const Scenario& s, const physics::DeviceSettings& device);

}  // namespace dermasim::scenario
