#pragma once
// Verbs that open a GL context: the interactive simulator, screenshots and the
// render benchmark.
#include <span>
#include <string_view>

namespace dermasim::app {

int run_gui(std::span<const std::string_view> args);
int run_screenshot(std::span<const std::string_view> args);
/// `screenshot --ui STAGE`: the whole window with its panels.
int run_ui_capture(std::span<const std::string_view> args);
int run_bench_render(std::span<const std::string_view> args);

}  // namespace dermasim::app
