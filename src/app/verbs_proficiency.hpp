#pragma once
// Issue 15, proficiency-based progression: `dermasim benchmark` and the
// records verbs `benchmark import` and `proficiency`.
#include <span>
#include <string_view>

namespace dermasim::app {

int run_benchmark(std::span<const std::string_view> args);
int records_benchmark(std::span<const std::string_view> args);
int records_proficiency(std::span<const std::string_view> args);
int records_course(std::span<const std::string_view> args);

}  // namespace dermasim::app
