#pragma once
// Drives a Session with a scripted trainee, stage by stage, exactly as the UI
// would: the headless path behind `dermasim simulate` and the script tests.
#include <memory>

#include "scenario/grading.hpp"
#include "scenario/script.hpp"
#include "scenario/session.hpp"

namespace dermasim::scenario {

struct AttemptResult {
  Answers answers;
  std::vector<physics::PenCommand> commands;
  std::uint64_t final_state_hash = 0;
  Grade grade;
};

/// Runs the whole attempt. Throws FlowError or physics::SettingsError when the
/// script asks for something the flow or the pen refuses.
AttemptResult run_scripted_attempt(const std::shared_ptr<const Scenario>& s, const TraineeScript& script);

}  // namespace dermasim::scenario
