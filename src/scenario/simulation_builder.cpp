#include "scenario/simulation_builder.hpp"

#include "scenario/session.hpp"

namespace dermasim::scenario {

std::shared_ptr<const tissue::SkinPatch> skin_patch(const Scenario& s) {
  if (s.skin) return s.skin;
  return std::make_shared<const tissue::SkinPatch>(s.patch);
}

std::unique_ptr<physics::Simulator> build_simulator(const Scenario& s, const physics::DeviceSettings& device) {
  return std::make_unique<physics::Simulator>(skin_patch(s), device, technique_limits(s, device));
}

}  // namespace dermasim::scenario
