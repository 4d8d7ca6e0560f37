// Scenario YAML: any bytes give located errors or a scenario, never an
// exception; a scenario check accepts is one the skin model and the
// simulator accept too.
#include <memory>

#include "fuzz_support.hpp"
#include "physics/simulator.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/session.hpp"

using namespace dermasim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = fuzz::bytes_of(data, size);
  scenario::ScenarioLoad load;
  try {
    load = scenario::load_scenario_text(text, "fuzz.yaml");
  } catch (const std::exception& e) {
    fuzz::fuzz_fail(std::string("load_scenario_text threw: ") + e.what());
  }
  for (const auto& e : load.errors) fuzz::fuzz_check(e.line >= 1 && e.column >= 1, "an error without line:col: " + e.str());
  fuzz::fuzz_check(load.scenario.has_value() == load.errors.empty(), "a scenario with errors, or none without");
  if (!load.scenario) return 0;
  try {
    auto s = std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
    scenario::Session session(s);  // builds the skin patch
    physics::DeviceSettings device;
    physics::Simulator sim(std::make_shared<const tissue::SkinPatch>(s->patch), device,
                           scenario::technique_limits(*s, device));
  } catch (const std::exception& e) {
    fuzz::fuzz_fail(std::string("check accepted a scenario the simulator refuses: ") + e.what());
  }
  return 0;
}
