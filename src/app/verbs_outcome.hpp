#pragma once
// The healing-outcome verbs: outcome and validate outcomes.
#include <span>
#include <string_view>

namespace dermasim::app {

int run_outcome(std::span<const std::string_view> args);
int run_validate(std::span<const std::string_view> args);

}  // namespace dermasim::app
