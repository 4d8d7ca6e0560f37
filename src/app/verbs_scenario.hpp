#pragma once
// The scenario verbs: check, simulate, grade.
#include <span>
#include <string_view>

namespace dermasim::app {

int run_check(std::span<const std::string_view> args);
int run_simulate(std::span<const std::string_view> args);
int run_grade(std::span<const std::string_view> args);
int run_replay(std::span<const std::string_view> args);

}  // namespace dermasim::app
