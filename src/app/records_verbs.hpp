#pragma once
// `dermasim records ...`: the progress database and xAPI from the command line
// (export, import, add, override, sync, statements, cohort).
#include <span>
#include <string_view>

namespace dermasim::app {

int run_records(std::span<const std::string_view> args);

}  // namespace dermasim::app
