#pragma once
// The case library: every scenario file in a folder, with the trainee's
// attempts and best score on each.
#include <string>
#include <vector>

#include "record/progress_db.hpp"
#include "ui/case_state.hpp"

namespace dermasim::app {

/// The `.yaml` files of `dir`, sorted; a file that does not load is listed
/// with its first problem. `attempts` are the trainee's (completed ones count).
std::vector<ui::LibraryEntry> scan_case_library(const std::string& dir, const std::vector<record::AttemptRecord>& attempts);

}  // namespace dermasim::app
