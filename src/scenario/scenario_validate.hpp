#pragma once
// Stage 2 of loading: references that must exist and an answer key that must
// not contradict itself or the device.
#include <string_view>
#include <vector>

#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace dermasim::scenario {

/// Ids a scenario's `feedback` map may override: criteria and mistakes.
const std::vector<std::string_view>& feedback_ids();

/// Reports problems of a parsed scenario through `r`, located via `root`.
void validate_scenario(const Scenario& s, const YAML::Node& root, YamlReader& r);

}  // namespace dermasim::scenario
