#pragma once
// The one place a scenario becomes a simulation. The skin patch is compiled
// from the scenario once, when the file loads (as MuJoCo compiles an mjModel
// once), and every simulator of the case shares it: the attempt's, the
// preview's, the replay's and the grader's.
#include <memory>

#include "physics/simulator.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::scenario {

/// The scenario's compiled skin patch: the one built at load time, or, for a
/// scenario assembled in code, one built now from `patch`.
std::shared_ptr<const tissue::SkinPatch> skin_patch(const Scenario& s);

/// A simulator of the case with the plan's device and the technique limits
/// the key implies. Throws physics::SettingsError for settings the pen refuses.
std::unique_ptr<physics::Simulator> build_simulator(const Scenario& s, const physics::DeviceSettings& device);

}  // namespace dermasim::scenario
