#pragma once
// Loading the shipped scenarios and scripts in tests.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "scenario/scenario_loader.hpp"
#include "scenario/script.hpp"

namespace dermasim::test {

inline std::string source_path(const std::string& relative) { return std::string(DERMASIM_SOURCE_DIR) + "/" + relative; }

inline std::shared_ptr<const scenario::Scenario> shipped_scenario(const std::string& name) {
  auto load = scenario::load_scenario_file(source_path("scenarios/" + name + ".yaml"));
  if (!load.scenario) return nullptr;
  return std::make_shared<const scenario::Scenario>(std::move(*load.scenario));
}

inline scenario::TraineeScript shipped_script(const std::string& scenario_name, const std::string& script) {
  auto load = scenario::load_script_file(source_path("scenarios/scripts/" + scenario_name + "/" + script + ".yaml"));
  return load.script.value_or(scenario::TraineeScript{});
}

inline std::vector<std::filesystem::path> files_in(const std::string& dir) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dermasim::test
