#pragma once
// Command-line verbs; each returns the process exit code.
#include <span>
#include <string_view>

namespace dermasim::app {

int run_demo(std::span<const std::string_view> args);
int run_bench_physics(std::span<const std::string_view> args);

}  // namespace dermasim::app
