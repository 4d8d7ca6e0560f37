#pragma once
// Loads an instructor's scenario file in two stages, parse then validate
// (after MuJoCo's XML reader and compiler), reporting every problem at once.
#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace dermasim::scenario {

struct ScenarioLoad {
  std::optional<Scenario> scenario;  // set only when there were no errors
  Diagnostics errors;
};

/// Reads and checks a scenario file.
ScenarioLoad load_scenario_file(const std::string& path);
/// Same, from text; `file` names it in messages.
ScenarioLoad load_scenario_text(std::string_view text, const std::string& file);

/// FNV-1a 64 of bytes, as 16 hex digits: identifies a scenario's exact text.
std::string content_hash(std::string_view bytes);

}  // namespace dermasim::scenario
